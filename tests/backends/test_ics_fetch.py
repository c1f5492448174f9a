"""Reading a calendar feed: conditional requests, bounded size and time, and errors that name the host
but never the secret address."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from trayapp.backends import ics
from trayapp.core.auto.calendar import CalendarCache
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


class Feed(BaseHTTPRequestHandler):
    body = CALENDAR
    status = 200
    trickle = 0.0
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Feed.seen.append(self.headers.get("If-None-Match", ""))
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(self.status)
        self.send_header("ETag", '"v1"')
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
    Feed.body, Feed.status, Feed.trickle, Feed.seen = CALENDAR, 200, 0.0, []
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
