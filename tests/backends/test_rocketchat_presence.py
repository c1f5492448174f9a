"""Rocket.Chat 8.x presence as the backend sees it (issue 13, item 4): what users.getStatus reports,
the read-back after a change, checks made before sending, and the rate limiter."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.backends.conftest import RC, Backend
from trayapp.backends.rocketchat import RocketChatBackend
from trayapp.core.errors import InputError, PermissionDenied, RateLimited, ValidationError
from trayapp.core.models import Account, Availability, ChangeKind, CurrentStatus, ServiceKind, StatusChange
from trayapp.demo import seed
from trayapp.demo.server import DemoServer

NO_CLIENT = "Rocket.Chat shows you offline until a Rocket.Chat client is open."


@pytest.fixture
def rc(make: Callable[..., Backend]) -> RocketChatBackend:
    backend = make(RC)
    assert isinstance(backend, RocketChatBackend)
    return backend


@pytest.fixture
def carol(make: Callable[..., Backend]) -> RocketChatBackend:
    backend = make(RC, token=seed.RC_CAROL_PAT, user=seed.RC_CAROL_ID)
    assert isinstance(backend, RocketChatBackend)
    return backend


def _writes(demo: DemoServer) -> int:
    return sum(1 for r in demo.requests if r.path.endswith("/users.setStatus"))


def _lunch(rc: RocketChatBackend) -> StatusChange:
    lunch = next(s for s in rc.list_statuses() if s.name == "Lunch")
    return StatusChange(ChangeKind.CUSTOM, status=lunch)


# --- what the server shows ------------------------------------------------------------------------
def test_current_reports_a_calendar_status_with_its_source_and_end(
    rc: RocketChatBackend, demo: DemoServer
) -> None:
    demo.rc_claim(seed.RC_ALICE_ID, "external", "busy", "In a meeting", expires_in=3600)
    now = rc.current()
    assert (now.availability, now.message, now.source) == (Availability.BUSY, "In a meeting", "external")
    assert now.end is not None
    assert abs(now.end - (datetime.now(timezone.utc) + timedelta(hours=1))) < timedelta(seconds=5)
    assert now.notice == ""  # nothing set by hand is hidden


def test_read_back_says_a_call_outranks_the_change(rc: RocketChatBackend, demo: DemoServer) -> None:
    change = _lunch(rc)
    demo.rc_claim(seed.RC_ALICE_ID, "internal", "busy", "On a call")
    rc.apply(change)
    confirmed = rc.confirm(rc.expected_current(None, change))
    assert confirmed.status_name == "Lunch"  # what was set stays what was set...
    assert confirmed.source == "internal"  # ...and the call that people see is named
    assert "call or meeting (busy)" in confirmed.notice
    demo.rc_end_claim(seed.RC_ALICE_ID, "internal")
    after = rc.current()
    assert (after.status_name, after.source, after.notice) == ("Lunch", "manual", "")


def test_no_client_connected_is_said_plainly(rc: RocketChatBackend, demo: DemoServer) -> None:
    demo.rc_set_connection(seed.RC_ALICE_ID, "offline")
    change = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.BUSY)
    rc.apply(change)
    assert rc.confirm(rc.expected_current(None, change)).notice == NO_CLIENT
    assert rc.current().notice == NO_CLIENT
    invisible = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.OFFLINE)
    rc.apply(invisible)
    assert rc.current().notice == ""  # shown offline is what was asked for


@pytest.mark.parametrize("version", ["v6", "v7"])
def test_older_servers_without_the_fields_keep_working(
    rc: RocketChatBackend, demo: DemoServer, version: str
) -> None:
    demo.settings.rc_version = version  # type: ignore[assignment]
    change = _lunch(rc)
    rc.apply(change)
    confirmed = rc.confirm(rc.expected_current(None, change))
    assert (confirmed.status_name, confirmed.source, confirmed.notice, confirmed.end) == (
        "Lunch",
        "",
        "",
        None,
    )
    now = rc.current()
    assert (now.status_name, now.availability, now.source) == ("Lunch", Availability.AWAY, "")
    demo.rc_set_connection(seed.RC_ALICE_ID, "offline")
    assert rc.current().notice == NO_CLIENT  # connectionStatus exists there too


# --- checked before sending -----------------------------------------------------------------------
def test_a_message_the_server_would_cut_is_refused_before_sending(
    rc: RocketChatBackend, demo: DemoServer
) -> None:
    rc.current()
    before = _writes(demo)
    for text in ("x" * 121, "😀" * 61):  # JavaScript counts an emoji as two
        change = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.BUSY, message=text)
        with pytest.raises(InputError, match="120 characters"):
            rc.apply(change)
    assert _writes(demo) == before
    rc.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.BUSY, message="😀" * 60))
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == "😀" * 60


def test_a_workspace_without_invisible_says_which_setting(rc: RocketChatBackend, demo: DemoServer) -> None:
    demo.settings.rc_allow_invisible = False
    offline = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.OFFLINE)
    with pytest.raises(ValidationError, match="Allow Invisible status option"):
        rc.apply(offline)
    before = _writes(demo)
    with pytest.raises(InputError, match="Allow Invisible status option"):
        rc.apply(offline)  # known now: not sent again
    assert _writes(demo) == before
    rc.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY))  # others still go out


# --- the rate limiter -----------------------------------------------------------------------------
def test_the_last_call_of_the_window_is_not_followed_by_a_refused_one(
    carol: RocketChatBackend, demo: DemoServer
) -> None:
    demo.settings.rc_rate_limit = 3
    for _ in range(3):
        carol.whoami()
    with pytest.raises(RateLimited) as caught:
        carol.whoami()  # the server said none are left: not sent
    assert demo.request_count("rocketchat") == 3
    assert caught.value.retry_after is not None and 50 < caught.value.retry_after <= 60
    assert "60 seconds" in str(caught.value)
    carol.list_statuses()  # budgets are per endpoint


class _Limited(BaseHTTPRequestHandler):
    """A server whose clock is far behind ours: its reset time is already past by our clock."""

    calls = 0

    def do_GET(self) -> None:
        type(self).calls += 1
        body = json.dumps(
            {
                "success": False,
                "error": "Error, too many requests. Please slow down. You must wait 42 seconds before "
                "trying this endpoint again. [error-too-many-requests]",
            }
        ).encode()
        self.send_response(429)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-RateLimit-Limit", "10")
        self.send_header("X-RateLimit-Remaining", "0")
        self.send_header("X-RateLimit-Reset", "1000000000000")  # 2001, by our clock
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def skewed_server() -> Iterator[str]:
    _Limited.calls = 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Limited)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_429_waits_the_seconds_the_server_names(skewed_server: str) -> None:
    account = Account("skewed", ServiceKind.ROCKETCHAT, skewed_server, seed.RC_CAROL_ID)
    backend = RocketChatBackend(account, lambda: seed.RC_CAROL_PAT)
    try:
        with pytest.raises(RateLimited) as caught:
            backend.whoami()
        assert caught.value.retry_after == 42
        with pytest.raises(RateLimited):
            backend.whoami()  # still within the 42 seconds: not sent again
        assert _Limited.calls == 1
    finally:
        backend.close()


def test_restore_of_a_state_read_earlier_keeps_working(rc: RocketChatBackend, demo: DemoServer) -> None:
    rc.apply(_lunch(rc))
    before = rc.current()
    rc.clear()
    rc.restore(before)
    assert rc.current() == before
    rc.restore(CurrentStatus())  # nothing known: online with no message
    assert (demo.rc_user(seed.RC_ALICE_ID)["statusDefault"], rc.current().source) == ("online", "")


def test_a_refused_restore_says_what_was_refused(rc: RocketChatBackend, demo: DemoServer) -> None:
    before = rc.current()
    demo.set_fault("403", "rocketchat", count=1)
    with pytest.raises(PermissionDenied) as refused:
        rc.restore(before)
    assert str(refused.value).startswith("Rocket.Chat refused to restore your previous status: ")
