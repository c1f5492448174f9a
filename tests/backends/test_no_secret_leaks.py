"""No token or password may appear in an error message, a repr, a traceback or a log line."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterator

import httpx
import pytest

from tests.backends.conftest import ALL_SECRETS, CASES, Backend, Case
from trayapp.backends import base
from trayapp.backends.rocketchat import login
from trayapp.backends.smartsheet_rm import find_user_id
from trayapp.core.errors import TrayAppError
from trayapp.core.models import Availability, ChangeKind, CustomStatus, StatusChange
from trayapp.demo import seed
from trayapp.demo.server import DemoServer

FAULTS = (
    "401",
    "403",
    "404",
    "500",
    "502",
    "503",
    "429",
    "429_retry_after",
    "reset",
    "malformed",
    "html",
    "wrong_shape",
    "huge",
)


def _calls(backend: Backend, status: CustomStatus) -> Iterator[Callable[[], object]]:
    yield backend.whoami
    yield backend.list_statuses
    yield backend.current
    yield lambda: backend.create_status("Lunch", type="away", emoji="🍙")
    yield lambda: backend.create_status("", type="Sleepy")
    yield lambda: backend.apply(StatusChange(ChangeKind.CUSTOM, status=status, message="m"))
    yield lambda: backend.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY))
    yield lambda: backend.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.BUSY))
    yield backend.clear


def _collect(call: Callable[[], object], errors: list[BaseException]) -> None:
    try:
        call()
    except TrayAppError as exc:
        errors.append(exc)


def _assert_clean(text: str, where: str) -> None:
    for secret in ALL_SECRETS:
        assert secret not in text, f"a secret leaked into {where}: {text[:200]!r}"


def test_full_run_leaks_nothing(
    demo: DemoServer,
    make: Callable[..., Backend],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setattr(base, "TIMEOUT", httpx.Timeout(0.3))
    errors: list[BaseException] = []
    objects: list[object] = []
    for case in CASES:
        good = make(case)
        status = next(s for s in good.list_statuses() if s.name == case.custom_name)
        wrong_user = make(case, user="0" * 24)
        bad_token = make(case, token=case.token[::-1])
        backends = [good, wrong_user, bad_token]
        if case.service == "rocketchat":
            backends.append(make(case, token=seed.RC_CAROL_PAT, user=seed.RC_CAROL_ID))
        for backend in backends:
            objects += [backend, backend.client, backend.client.auth, backend.account, backend.capabilities]
            for call in _calls(backend, status):
                _collect(call, errors)
        for fault in FAULTS:
            demo.set_fault(fault, service=case.service, delay=5)
            for call in _calls(good, status) if fault != "huge" else [good.current]:  # 6 MB each: once
                _collect(call, errors)
            demo.clear_faults()
        demo.set_fault("slow", service=case.service, count=1, delay=0.6)
        _collect(good.current, errors)
    _collect(lambda: login(demo.rocketchat_url, seed.RC_BOB_USERNAME, seed.RC_BOB_PASSWORD), errors)
    _collect(lambda: login(demo.rocketchat_url, seed.RC_BOB_USERNAME, seed.RC_BOB_PASSWORD, "1"), errors)
    _collect(lambda: login(demo.rocketchat_url, seed.RC_ALICE_USERNAME, seed.RC_BOB_PASSWORD), errors)
    _collect(lambda: find_user_id(demo.smartsheet_url, seed.SS_TOKEN, "nobody@example.com"), errors)
    _collect(lambda: find_user_id(demo.smartsheet_url, seed.SS_TOKEN[::-1], "x@example.com"), errors)
    _collect(lambda: make(CASES[1], token=seed.CB_TOKEN + "é").current(), errors)

    kinds = {type(e).__name__ for e in errors}
    assert {"AuthError", "TwoFactorRequired", "PermissionDenied", "NotFound", "ValidationError"} <= kinds
    assert {"DuplicateName", "RateLimited", "ServiceUnavailable", "BadReply", "Unsupported"} <= kinds
    for error in errors:
        _assert_clean(str(error), "an error message")
        _assert_clean(repr(error), "an error repr")
        _assert_clean("".join(traceback.format_exception(error)), "a traceback")
        assert str(error)[0].isupper() and str(error).rstrip().endswith((".", "?", "!")), str(error)
    for thing in objects:
        _assert_clean(repr(thing), "a repr")
        _assert_clean(str(thing), "a str")
    _assert_clean(caplog.text, "the log")


@pytest.mark.parametrize("case", CASES, ids=[c.service for c in CASES])
def test_backend_holds_no_secret(case: Case, make: Callable[..., Backend]) -> None:
    backend = make(case)
    backend.current()
    for name, value in vars(backend).items():
        assert not (isinstance(value, str) and value == case.token), name
        _assert_clean(repr(value), f"attribute {name}")
