"""Callbell specifics: statuses with emoji, the uuid-addressed user status, read-back via teams."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from tests.backends.conftest import CB, Backend
from trayapp.backends.callbell import DEFAULT_URL, CallbellBackend, _raise_for_status
from trayapp.core.errors import (
    AuthError,
    BadReply,
    DuplicateName,
    InputError,
    NotFound,
    PermissionDenied,
    ServiceUnavailable,
    Unsupported,
    ValidationError,
)
from trayapp.core.models import Account, Availability, ChangeKind, CustomStatus, ServiceKind, StatusChange
from trayapp.demo import seed
from trayapp.demo.server import DemoServer


@pytest.fixture
def cb(make: Callable[..., Backend]) -> CallbellBackend:
    backend = make(CB)
    assert isinstance(backend, CallbellBackend)
    return backend


def _named(backend: CallbellBackend, name: str) -> CustomStatus:
    return next(s for s in backend.list_statuses() if s.name == name)


def test_default_url() -> None:
    assert DEFAULT_URL == "https://api.callbell.eu/v1"
    backend = CallbellBackend(Account("cb", ServiceKind.CALLBELL, "", seed.CB_USER_UUID), lambda: "k")
    assert backend._api_url() == DEFAULT_URL


def test_whoami_gives_name_and_email(cb: CallbellBackend) -> None:
    assert cb.whoami() == f"{seed.CB_USER_NAME} ({seed.CB_USER_EMAIL})"


def test_statuses_carry_emoji(cb: CallbellBackend) -> None:
    assert {(s.name, s.emoji) for s in cb.list_statuses()} == set(seed.CB_STATUSES)


# --- create ----------------------------------------------------------------------------------------
def test_create_with_emoji(cb: CallbellBackend, demo: DemoServer) -> None:
    created = cb.create_status("Gym", emoji="🏋️")
    assert (created.name, created.emoji) == ("Gym", "🏋️")
    assert created in cb.list_statuses()


def test_create_without_emoji(cb: CallbellBackend) -> None:
    created = cb.create_status("Errand")
    assert created.emoji == ""


@pytest.mark.parametrize("name", ["Lunch", "lunch", " LUNCH "])
def test_create_duplicate_is_refused_before_sending(cb: CallbellBackend, demo: DemoServer, name: str) -> None:
    with pytest.raises(DuplicateName, match="already has a custom status named"):
        cb.create_status(name, emoji="🍔")
    assert demo.request_count("callbell", "POST") == 0


def test_create_blank_name(cb: CallbellBackend) -> None:
    with pytest.raises(ValidationError, match="Name can't be blank") as caught:
        cb.create_status("   ")
    assert caught.value.field == "name"


@pytest.mark.parametrize("said", ["Name has already been taken", "Name is taken", "name must be unique"])
def test_server_duplicate_maps_to_duplicate_name(said: str) -> None:
    request = httpx.Request("POST", "https://api.callbell.eu/v1/custom_statuses")
    reply = httpx.Response(422, json={"error": said}, request=request)
    with pytest.raises(DuplicateName) as caught:
        _raise_for_status(reply, "create the custom status")
    assert str(caught.value) == f"Callbell already has a custom status with this name: {said}."


@pytest.mark.parametrize(
    ("status", "body", "error"),
    [
        (401, b"", AuthError),
        (403, b'{"error": "Forbidden"}', PermissionDenied),
        (404, b"<html>nope</html>", NotFound),
        (400, b'{"message": "bad"}', ValidationError),
        (503, b"", ServiceUnavailable),
        (418, b"", BadReply),
    ],
)
def test_mapping_does_not_depend_on_the_body(status: int, body: bytes, error: type[Exception]) -> None:
    request = httpx.Request("GET", "https://api.callbell.eu/v1/teams")
    with pytest.raises(error):
        _raise_for_status(httpx.Response(status, content=body, request=request), "list the teams")


# --- apply -----------------------------------------------------------------------------------------
def test_custom_keeps_availability(cb: CallbellBackend, demo: DemoServer) -> None:
    cb.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY))
    meeting = _named(cb, "Meeting")
    cb.apply(StatusChange(ChangeKind.CUSTOM, status=meeting))
    assert demo.cb_user_status(seed.CB_USER_UUID) == {"available": False, "custom_status_id": meeting.id}


def test_custom_with_availability_in_one_request(cb: CallbellBackend, demo: DemoServer) -> None:
    meeting = _named(cb, "Meeting")
    before = demo.request_count("callbell")
    cb.apply(StatusChange(ChangeKind.CUSTOM, status=meeting, availability=Availability.AWAY))
    assert demo.request_count("callbell") == before + 1
    assert demo.cb_user_status(seed.CB_USER_UUID) == {"available": False, "custom_status_id": meeting.id}


@pytest.mark.parametrize("code", [200, 204])
def test_clear_removes_only_the_custom_status(cb: CallbellBackend, demo: DemoServer, code: int) -> None:
    demo.settings.cb_delete_status_code = code
    cb.apply(StatusChange(ChangeKind.CUSTOM, status=_named(cb, "Lunch"), availability=Availability.AWAY))
    cb.clear()
    assert demo.cb_user_status(seed.CB_USER_UUID) == {"available": False, "custom_status_id": None}


def test_unsupported_availability(cb: CallbellBackend) -> None:
    with pytest.raises(Unsupported, match="only Available and Away"):
        cb.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.BUSY))


def test_unknown_user_uuid(make: Callable[..., Backend]) -> None:
    backend = make(CB, user="0" * 32)
    with pytest.raises(NotFound, match=r"does not know the user uuid '0{32}'"):
        backend.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY))
    with pytest.raises(NotFound, match="user uuid"):
        backend.clear()


def test_missing_user_uuid(make: Callable[..., Backend]) -> None:
    with pytest.raises(InputError, match="no user uuid"):
        make(CB, user="").clear()


@pytest.mark.parametrize(("code", "error"), [(404, NotFound), (422, ValidationError)])
def test_deleted_custom_status(
    cb: CallbellBackend, demo: DemoServer, code: int, error: type[Exception]
) -> None:
    demo.settings.cb_unknown_status_code = code
    gone = CustomStatus(id="0d6041a2-8b88-49ec-a99b-a88a078a16c1", name="Gone")
    with pytest.raises(error, match=r"(?i)custom status"):
        cb.apply(StatusChange(ChangeKind.CUSTOM, status=gone))


# --- read back -------------------------------------------------------------------------------------
def test_current_found_by_email_in_team_members(cb: CallbellBackend, demo: DemoServer) -> None:
    vacation = _named(cb, "Vacation")
    cb.apply(StatusChange(ChangeKind.CUSTOM, status=vacation, availability=Availability.AWAY))
    now = cb.current()
    assert now.availability is Availability.AWAY
    assert (now.status_id, now.status_name, now.emoji) == (vacation.id, "Vacation", "🌴")
    assert now.start is not None and now.start.tzinfo is not None
    paths = [r.path for r in demo.requests if r.method == "GET"]
    assert any(p.endswith("/auth/me") for p in paths)
    assert any(p.endswith(f"/teams/{seed.CB_TEAM_UUID}/members") for p in paths)


def test_current_caches_email_and_team(cb: CallbellBackend, demo: DemoServer) -> None:
    cb.current()
    before = demo.request_count("callbell")
    cb.current()
    new = demo.requests[before:]
    assert all("/members" in r.path for r in new)  # no /auth/me, no /teams again
    assert len(new) == 2  # alice is on the second page of the General team


def test_current_without_custom_status(cb: CallbellBackend) -> None:
    now = cb.current()
    assert now.availability is Availability.AVAILABLE
    assert (now.status_id, now.status_name, now.emoji) == (None, None, "")


def test_email_match_ignores_case(cb: CallbellBackend) -> None:
    cb.whoami()
    cb._email = seed.CB_USER_EMAIL.upper()
    assert cb.current().availability is Availability.AVAILABLE


def test_not_in_any_team(cb: CallbellBackend) -> None:
    cb._email = "nobody@example.com"
    with pytest.raises(NotFound, match=r"no team member with the e-mail nobody@example\.com"):
        cb.current()


def test_expected_current_matches_read_back(cb: CallbellBackend) -> None:
    doctor = _named(cb, "Doctor")
    previous = cb.current()
    for change in (
        StatusChange(ChangeKind.CUSTOM, status=doctor),
        StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY),
        StatusChange(ChangeKind.CLEAR),
    ):
        cb.apply(change)
        predicted = cb.expected_current(previous, change)
        now = cb.current()
        assert (predicted.availability, predicted.status_id, predicted.status_name, predicted.emoji) == (
            now.availability,
            now.status_id,
            now.status_name,
            now.emoji,
        )
        previous = now
