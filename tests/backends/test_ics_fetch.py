"""Reading a calendar feed: conditional requests, bounded size and time, and errors that name the host
but never the secret address."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import pytest

from trayapp.backends import fetch_ics, ics
from trayapp.core.auto.calendar import MAX_BYTES, CalendarCache
from trayapp.core.auto.config import CalendarSource
from trayapp.core.errors import InputError, ServiceUnavailable
from trayapp.core.models import Availability, ChangeKind, StatusChange

CALENDAR = b"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//t//EN
BEGIN:VEVENT
UID:a@t
DTSTART:20261202T100000Z
DTEND:20261202T110000Z
SUMMARY:Private
END:VEVENT
END:VCALENDAR
"""
SECRET = "/calendar/ical/alice%40example.com/private-5f3c9a/basic.ics"
LAST_MODIFIED = "Wed, 02 Dec 2026 08:00:00 GMT"


class Feed(BaseHTTPRequestHandler):
    body = CALENDAR
    status = 200
    trickle = 0.0
    etag = '"v1"'
    seen: ClassVar[list[str]] = []
    accepted: ClassVar[list[str]] = []
    since: ClassVar[list[str]] = []
    redirect_to = ""  # a path every request is sent on to ("": none; "endless": always one further)

    def do_GET(self) -> None:
        Feed.seen.append(self.headers.get("If-None-Match", ""))
        Feed.accepted.append(self.headers.get("Accept", ""))
        Feed.since.append(self.headers.get("If-Modified-Since", ""))
        if Feed.redirect_to and self.path != Feed.redirect_to:
            self.send_response(301)
            further = self.path + "/on" if Feed.redirect_to == "endless" else Feed.redirect_to
            self.send_header("Location", further)
            self.end_headers()
            return
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(self.status)
        if Feed.etag:
            self.send_header("ETag", Feed.etag)
        self.send_header("Last-Modified", LAST_MODIFIED)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        if self.trickle:
            for i in range(0, len(self.body), 64):
                self.wfile.write(self.body[i : i + 64])
                self.wfile.flush()
                time.sleep(self.trickle)
        else:
            self.wfile.write(self.body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def feed() -> Iterator[str]:
    Feed.body, Feed.status, Feed.trickle, Feed.seen, Feed.redirect_to = CALENDAR, 200, 0.0, [], ""
    Feed.accepted, Feed.since, Feed.etag = [], [], '"v1"'
    server = ThreadingHTTPServer(("127.0.0.1", 0), Feed)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SECRET}"
    server.shutdown()
    server.server_close()


def test_a_second_read_is_a_conditional_request(feed: str, tmp_path: Path) -> None:
    now = datetime(2026, 12, 2, 9, tzinfo=timezone.utc)
    cache = CalendarCache(tmp_path, ics.fetch_ics, lambda: now)
    busy = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.BUSY)
    source = CalendarSource("work", feed, busy)
    assert cache.refresh([source], force=True)
    assert not cache.refresh([source], force=True)  # 304: the same busy times
    assert Feed.seen == ["", '"v1"']
    assert len(cache.windows()["work"]) == 1
    assert cache.errors == {}  # "not modified" is no error: the calendar as read before is kept


def test_a_feed_too_large_is_cut_off(feed: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ics, "MAX_BYTES", 100)
    with pytest.raises(InputError, match="larger than") as caught:
        ics.fetch_ics(feed)
    assert "private-5f3c9a" not in str(caught.value) and "127.0.0.1" in str(caught.value)


def test_a_feed_that_trickles_is_given_up(feed: str, monkeypatch: pytest.MonkeyPatch) -> None:
    Feed.trickle = 0.05
    monkeypatch.setattr(ics, "DEADLINE_S", 0.1)
    with pytest.raises(ServiceUnavailable, match="too slow"):
        ics.fetch_ics(feed)


def test_a_reset_address_is_said_without_the_address(feed: str) -> None:
    Feed.status = 404
    with pytest.raises(InputError, match="answered 404") as caught:
        ics.fetch_ics(feed)
    assert "private-5f3c9a" not in str(caught.value)


def test_plain_http_elsewhere_is_refused() -> None:
    with pytest.raises(InputError):
        ics.fetch_ics("http://calendar.example.com/basic.ics")


def host_of(feed: str) -> str:
    return urlsplit(feed).hostname or ""


def test_a_feed_is_read_with_what_makes_the_next_read_conditional(feed: str) -> None:
    read = fetch_ics(feed)  # as the calendars' cache calls it (trayapp.backends, loaded on first use)
    assert (read.body, read.etag, read.last_modified) == (CALENDAR, '"v1"', LAST_MODIFIED)
    again = fetch_ics(feed, etag='"v1"', last_modified=LAST_MODIFIED)
    assert (again.body, again.etag, again.last_modified) == (None, '"v1"', LAST_MODIFIED)  # kept as it was
    assert Feed.since == ["", LAST_MODIFIED] and Feed.seen == ["", '"v1"']
    assert Feed.accepted[0].startswith("text/calendar")


def test_a_moved_feed_is_followed_and_an_endless_move_is_said(feed: str) -> None:
    moved = feed.replace(SECRET, "/old-address.ics")
    Feed.redirect_to = SECRET
    assert fetch_ics(moved).body == CALENDAR
    Feed.redirect_to = "endless"  # every address moves on to another
    with pytest.raises(InputError) as caught:
        ics.fetch_ics(feed)
    assert str(caught.value) == f"The calendar at {host_of(feed)} redirects too many times."


def test_the_largest_feed_is_named_in_megabytes(feed: str) -> None:
    Feed.body = b"x" * (MAX_BYTES + 1)
    with pytest.raises(InputError) as caught:
        ics.fetch_ics(feed)
    assert str(caught.value) == (
        f"The calendar at {host_of(feed)} is larger than {MAX_BYTES // 2**20} MB; trayapp stopped reading it."
    )


@pytest.mark.parametrize(
    ("status", "error", "told"),
    [
        (400, ServiceUnavailable, "The calendar at {host} answered 400."),
        (500, ServiceUnavailable, "The calendar at {host} answered 500."),
        (
            410,
            InputError,
            "The calendar at {host} answered 410: check its address (a private calendar address may have "
            "been reset).",
        ),
    ],
)
def test_a_refusal_names_the_host_and_the_answer(
    feed: str, status: int, error: type[Exception], told: str
) -> None:
    Feed.status = status
    with pytest.raises(error) as caught:
        ics.fetch_ics(feed)
    assert str(caught.value) == told.format(host=host_of(feed))


def test_a_calendar_nobody_answers_for_is_said() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}{SECRET}"
    with pytest.raises(ServiceUnavailable) as caught:
        ics.fetch_ics(dead)
    assert str(caught.value) == "The calendar at 127.0.0.1 could not be reached (ConnectError)."


def test_a_feed_without_an_etag_is_asked_again_by_its_date_only(feed: str) -> None:
    Feed.etag = ""
    read = fetch_ics(feed)
    assert (read.etag, read.last_modified) == ("", LAST_MODIFIED)
