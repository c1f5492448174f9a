"""Smartsheet RM specifics: fixed codes, native start/end, newest entry wins, user lookup by e-mail."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qsl

import httpx
import pytest

from tests.backends.conftest import SS, Backend
from trayapp.backends import smartsheet_rm
from trayapp.backends.smartsheet_rm import (
    DEFAULT_URL,
    EU_URL,
    SmartsheetBackend,
    _raise_for_status,
    find_user_id,
)
from trayapp.core.errors import (
    AuthError,
    InputError,
    NotFound,
    PermissionDenied,
    RateLimited,
    Unsupported,
    ValidationError,
)
from trayapp.core.models import Account, Availability, ChangeKind, CustomStatus, ServiceKind, StatusChange
from trayapp.demo import seed
from trayapp.demo.server import DemoServer


@pytest.fixture
def ss(make: Callable[..., Backend]) -> SmartsheetBackend:
    backend = make(SS)
    assert isinstance(backend, SmartsheetBackend)
    return backend


def _code(code: str) -> CustomStatus:
    return CustomStatus(id=code, name=dict(seed.SS_CODES)[code], type=code)


def test_urls() -> None:
    assert (DEFAULT_URL, EU_URL) == ("https://api.rm.smartsheet.com", "https://api.rm.smartsheet.eu")
    account = Account("ss", ServiceKind.SMARTSHEET, EU_URL, "7")
    assert SmartsheetBackend(account, lambda: "t")._api_url() == EU_URL + "/api/v1"


def test_statuses_are_the_six_codes_without_a_request(ss: SmartsheetBackend, demo: DemoServer) -> None:
    statuses = ss.list_statuses()
    assert [(s.id, s.name) for s in statuses] == list(seed.SS_CODES)
    assert all(s.type == s.id for s in statuses)
    assert next(s for s in statuses if s.id == "OOO").name == "On the road"
    assert demo.request_count() == 0


def test_create_is_unsupported(ss: SmartsheetBackend) -> None:
    with pytest.raises(Unsupported, match="fixed set of statuses"):
        ss.create_status("Gym")


def test_current_picks_newest_despite_order(ss: SmartsheetBackend, demo: DemoServer) -> None:
    expected = demo.ss_current(seed.SS_USER_ID)
    assert expected is not None
    now = ss.current()
    assert now.status_id == expected["status"]
    assert now.availability is Availability.AVAILABLE  # seeded: ITO (id 4 ties id 3 on created_at)
    for code in ("WFH", "SIC", "OOF", "VAC"):
        ss.apply(StatusChange(ChangeKind.CUSTOM, status=_code(code)))
    assert ss.current().status_id == "VAC"


def test_current_follows_paging(
    ss: SmartsheetBackend, demo: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(smartsheet_rm, "PAGE_SIZE", 2)
    ss.apply(StatusChange(ChangeKind.CUSTOM, status=_code("SIC"), message="Flu"))
    before = demo.request_count("smartsheet")
    now = ss.current()
    assert (now.status_id, now.status_name, now.message) == ("SIC", "Sick", "Flu")
    assert demo.request_count("smartsheet") - before == 3  # 5 entries, 2 per page


def test_start_and_end_are_sent_natively(ss: SmartsheetBackend, demo: DemoServer) -> None:
    start = datetime(2031, 3, 4, 10, 30, tzinfo=timezone(timedelta(hours=2)))
    end = start + timedelta(days=5)
    change = StatusChange(ChangeKind.CUSTOM, status=_code("VAC"), message="Skiing", start=start, end=end)
    ss.apply(change)
    entry = demo.ss_current(seed.SS_USER_ID)
    assert entry is not None
    assert (entry["status"], entry["message"]) == ("VAC", "Skiing")
    assert (entry["start"], entry["end"]) == ("2031-03-04T08:30:00Z", "2031-03-09T08:30:00Z")
    now = ss.current()
    assert (now.start, now.end) == (start, end)
    assert ss.expected_current(None, change) == now


def test_availability_codes(ss: SmartsheetBackend, demo: DemoServer) -> None:
    ss.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY, message="Errand"))
    entry = demo.ss_current(seed.SS_USER_ID)
    assert entry is not None and (entry["status"], entry["message"]) == ("OOF", "Errand")
    ss.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AVAILABLE))
    entry = demo.ss_current(seed.SS_USER_ID)
    assert entry is not None and (entry["status"], entry["message"]) == ("ITO", None)
    with pytest.raises(Unsupported):
        ss.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.BUSY))


def test_preferred_codes(demo: DemoServer) -> None:
    backend = SmartsheetBackend(SS.account(demo), lambda: seed.SS_TOKEN, available_code="WFH")
    try:
        backend.clear()
        now = backend.current()
        assert (now.status_id, now.availability) == ("WFH", Availability.AVAILABLE)
    finally:
        backend.close()
    with pytest.raises(InputError):
        SmartsheetBackend(SS.account(demo), lambda: seed.SS_TOKEN, away_code="AWAY")


def test_clear_posts_in_the_office(ss: SmartsheetBackend, demo: DemoServer) -> None:
    ss.apply(StatusChange(ChangeKind.CUSTOM, status=_code("OOO")))
    ss.clear()
    history = demo.ss_history(seed.SS_USER_ID)
    assert [e["status"] for e in history[-2:]] == ["OOO", "ITO"]


@pytest.mark.parametrize("name", ["vac", "Vacation", "VACATION"])
def test_status_by_name_or_code(ss: SmartsheetBackend, demo: DemoServer, name: str) -> None:
    ss.apply(StatusChange(ChangeKind.CUSTOM, status=CustomStatus(id="", name=name)))
    entry = demo.ss_current(seed.SS_USER_ID)
    assert entry is not None and entry["status"] == "VAC"


def test_unknown_code_is_refused_before_sending(ss: SmartsheetBackend, demo: DemoServer) -> None:
    with pytest.raises(InputError) as caught:
        ss.apply(StatusChange(ChangeKind.CUSTOM, status=CustomStatus(id="x", name="Lunch")))
    assert str(caught.value) == (
        "'Lunch' is not a Smartsheet RM status (it offers ITO, WFH, SIC, OOO, VAC, OOF)."
    )
    assert demo.request_count() == 0


@pytest.mark.parametrize(
    ("change", "availability"),
    [
        (StatusChange(ChangeKind.CLEAR), Availability.AVAILABLE),
        (StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AVAILABLE), Availability.AVAILABLE),
        (StatusChange(ChangeKind.CUSTOM, status=CustomStatus(id="", name="WFH")), Availability.AVAILABLE),
        (StatusChange(ChangeKind.CUSTOM, status=CustomStatus(id="", name="VAC")), Availability.AWAY),
    ],
)
def test_what_a_change_will_read_back_as(
    ss: SmartsheetBackend, change: StatusChange, availability: Availability
) -> None:
    expected = ss.expected_current(None, change)
    ss.apply(change)
    now = ss.current()
    assert expected.availability is availability
    assert (now.availability, now.status_id) == (expected.availability, expected.status_id)


def test_restricted_token(ss: SmartsheetBackend, demo: DemoServer) -> None:
    demo.settings.ss_restricted_token = True
    with pytest.raises(PermissionDenied, match="access denied"):
        ss.clear()
    ss.current()  # reading still works


def test_unknown_user_id(make: Callable[..., Backend]) -> None:
    backend = make(SS, user="999")
    with pytest.raises(NotFound, match="no user with the id 999"):
        backend.whoami()
    with pytest.raises(NotFound, match="no user with the id 999"):
        backend.clear()


def test_bad_data_lists_the_errors() -> None:
    request = httpx.Request("POST", "https://api.rm.smartsheet.com/api/v1/users/7/statuses")
    body = {"message": "bad data", "errors": ["status is required", "end must be a date"]}
    with pytest.raises(ValidationError, match="status is required; end must be a date") as caught:
        _raise_for_status(httpx.Response(400, json=body, request=request), "set your status", field="status")
    assert caught.value.field == "status"


def test_rate_limit_reset_is_epoch_seconds(ss: SmartsheetBackend, demo: DemoServer) -> None:
    demo.set_fault("429", service="smartsheet", delay=120)
    with pytest.raises(RateLimited) as caught:
        ss.clear()
    assert caught.value.retry_after is not None and 115 <= caught.value.retry_after <= 121


# --- find_user_id ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "email", [seed.SS_USER_EMAIL, "alice.example@example.com", " ALICE.EXAMPLE@EXAMPLE.COM "]
)
def test_find_user_id_ignores_case(demo: DemoServer, email: str) -> None:
    assert find_user_id(demo.smartsheet_url, seed.SS_TOKEN, email) == (str(seed.SS_USER_ID), "Alice Example")


def test_find_user_id_follows_next(demo: DemoServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(smartsheet_rm, "PAGE_SIZE", 20)
    user_id, _ = find_user_id(demo.smartsheet_url, seed.SS_TOKEN, "hugo.rossi@example.com")
    assert int(user_id) > 40  # on the third page
    assert demo.request_count("smartsheet") == 3
    assert all(r.path.startswith("/smartsheet/") for r in demo.requests)  # our own prefix kept
    assert all("auth=" not in r.query for r in demo.requests)  # the token never goes into a URL


def test_find_user_id_absent(demo: DemoServer) -> None:
    with pytest.raises(NotFound, match=r"no active user with the e-mail nobody@example\.com"):
        find_user_id(demo.smartsheet_url, seed.SS_TOKEN, "nobody@example.com")


def test_find_user_id_bad_token(demo: DemoServer) -> None:
    with pytest.raises(AuthError):
        find_user_id(demo.smartsheet_url, "nope", seed.SS_USER_EMAIL)


def test_find_user_id_needs_an_email(demo: DemoServer) -> None:
    with pytest.raises(InputError):
        find_user_id(demo.smartsheet_url, seed.SS_TOKEN, "alice")


# --- issue 13: the wire format of status changes, a retired statuses endpoint, page size ----------
def test_every_status_change_is_sent_form_encoded(ss: SmartsheetBackend, demo: DemoServer) -> None:
    """The reference documents POST /users/{id}/statuses with form fields; the demo refuses JSON."""
    start = datetime(2031, 3, 4, 10, 30, tzinfo=timezone.utc)
    wire = demo.record()
    ss.apply(StatusChange(ChangeKind.CUSTOM, status=_code("VAC"), message="Ski", start=start))
    ss.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY))
    ss.clear()
    ss.restore(ss.expected_current(None, StatusChange(ChangeKind.CUSTOM, status=_code("WFH"), message="x")))
    posts = [e for e in wire if e.method == "POST"]
    assert len(posts) == 4 and all(e.status == 200 for e in posts)
    assert {e.headers["content-type"] for e in posts} == {"application/x-www-form-urlencoded"}
    bodies = [dict(parse_qsl(e.body.decode())) for e in posts]
    assert bodies == [
        {"status": "VAC", "message": "Ski", "start": "2031-03-04T10:30:00Z"},
        {"status": "OOF"},
        {"status": "ITO"},
        {"status": "WFH", "message": "x"},
    ]


@pytest.mark.parametrize("code", [404, 410])
def test_retired_statuses_endpoint_says_so_and_is_not_retried(
    ss: SmartsheetBackend, demo: DemoServer, code: int
) -> None:
    demo.settings.ss_statuses_gone = code
    for action in (ss.current, ss.clear):
        before = demo.request_count("smartsheet")
        with pytest.raises(Unsupported, match="no longer offers user statuses"):
            action()
        # one try, plus (for a 404) one look at the user to tell a retired endpoint from a wrong id
        assert demo.request_count("smartsheet") - before == (2 if code == 404 else 1)


def test_unknown_user_is_still_named_when_statuses_answer_404(make: Callable[..., Backend]) -> None:
    backend = make(SS, user="999")
    with pytest.raises(NotFound, match="no user with the id 999"):
        backend.current()


def test_users_are_paged_at_most_1000_at_a_time(demo: DemoServer) -> None:
    wire = demo.record()
    find_user_id(demo.smartsheet_url, seed.SS_TOKEN, seed.SS_USER_EMAIL)
    pages = [dict(parse_qsl(e.query)) for e in wire if e.path == "/api/v1/users"]
    assert pages and all(int(p["per_page"]) <= 1000 for p in pages)
