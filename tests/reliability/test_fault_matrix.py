"""Every fault mode of the demo server, on every backend: the expected error class, a specific
sentence naming the service, no traceback, and settings, cache and schedule left intact."""

from __future__ import annotations

from pathlib import Path

import pytest

from trayapp.core.models import ChangeKind, CustomStatus, Outcome, StatusChange
from trayapp.core.paths import AppPaths
from trayapp.core.service import StatusService
from trayapp.demo.server import DemoServer

ACCOUNTS = {
    "rocket": ("rocketchat", "Rocket.Chat"),
    "callbell": ("callbell", "Callbell"),
    "smartsheet": ("smartsheet", "Smartsheet RM"),
}
# fault mode -> (outcome of applying a status, error class)
MATRIX = {
    "401": (Outcome.FAILED, "AuthError"),
    "403": (Outcome.FAILED, "PermissionDenied"),
    "404": (Outcome.FAILED, "NotFound"),
    "429": (Outcome.PENDING, "RateLimited"),
    "429_retry_after": (Outcome.PENDING, "RateLimited"),
    "500": (Outcome.PENDING, "ServiceUnavailable"),
    "502": (Outcome.PENDING, "ServiceUnavailable"),
    "503": (Outcome.PENDING, "ServiceUnavailable"),
    "html": (Outcome.PENDING, "ServiceUnavailable"),
    "slow": (Outcome.PENDING, "ServiceUnavailable"),
    "reset": (Outcome.PENDING, "ServiceUnavailable"),
    "malformed": (Outcome.FAILED, "BadReply"),
    "wrong_shape": (Outcome.FAILED, "BadReply"),
    "huge": (Outcome.FAILED, "BadReply"),
}
STATUS = {"rocket": "Lunch", "callbell": "Lunch", "smartsheet": "Working from home"}


def snapshot_files(paths: AppPaths) -> dict[Path, bytes]:
    files = (paths.settings_file, paths.cache_file, paths.schedule_file)
    return {f: f.read_bytes() for f in files if f.exists()}


@pytest.mark.parametrize("mode", sorted(MATRIX))
@pytest.mark.parametrize("account", sorted(ACCOUNTS))
def test_apply_under_fault(
    service: StatusService, demo: DemoServer, monkeypatch: pytest.MonkeyPatch, account: str, mode: str
) -> None:
    service_id, label = ACCOUNTS[account]
    service.statuses([account])  # cached list: applying needs no listing
    before = snapshot_files(service.paths)
    if mode == "slow":  # slower than the client's read timeout
        monkeypatch.setattr("trayapp.backends.base.TIMEOUT", __import__("httpx").Timeout(0.3))
        service.close()  # new clients pick up the short timeout
        demo.set_fault("slow", service=service_id, delay=1.0)
    else:
        demo.set_fault(mode, service=service_id, delay=0.05)
    change = StatusChange(ChangeKind.CUSTOM, status=CustomStatus(id="", name=STATUS[account]))
    [result] = service.apply(change, [account])
    outcome, error = MATRIX[mode]
    assert (result.outcome, result.error_kind) == (outcome, error), result.detail
    assert label in result.detail and "Traceback" not in result.detail
    assert result.detail.endswith(".")
    assert snapshot_files(service.paths) == before
    view = next(v for v in service.snapshot().accounts if v.account.name == account)
    # The menu shows the same sentence as the CLI: the error, and for a kept change what happens to it.
    assert view.error and label in view.error
    if outcome is Outcome.PENDING:
        kept = f"{STATUS[account]}' is kept and will be sent when {label} answers again."
        assert result.detail.startswith(view.error + " '") and result.detail.endswith(kept)
    else:
        assert result.detail == view.error
    assert view.signed_out is (error == "AuthError")
    assert bool(view.pending) is (outcome is Outcome.PENDING)


@pytest.mark.parametrize("mode", ["401", "500", "malformed", "wrong_shape", "reset"])
@pytest.mark.parametrize("account", sorted(ACCOUNTS))
def test_refresh_under_fault_keeps_the_last_good_list(
    service: StatusService, demo: DemoServer, account: str, mode: str
) -> None:
    good = service.cached_statuses(account)
    assert good
    demo.set_fault(mode, service=ACCOUNTS[account][0])
    [result] = service.refresh([account])
    assert result.outcome is Outcome.FAILED and ACCOUNTS[account][1] in result.detail
    assert service.cached_statuses(account) == good


@pytest.mark.parametrize(
    ("account", "name", "kind", "field"),
    [
        ("rocket", "Lunch", "DuplicateName", "name"),
        ("rocket", "Bad <name>", "ValidationError", "name"),
        ("callbell", "", "InputError", ""),
    ],
)
def test_create_validation(service: StatusService, account: str, name: str, kind: str, field: str) -> None:
    from trayapp.core.errors import TrayAppError, ValidationError

    before = snapshot_files(service.paths)
    with pytest.raises(TrayAppError) as caught:
        service.create_status(account, name, type="away", emoji="🍔")
    assert type(caught.value).__name__ == kind
    if isinstance(caught.value, ValidationError):
        assert caught.value.field == field
    assert snapshot_files(service.paths) == before
