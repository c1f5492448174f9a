"""ICS fixtures to busy times: recurrence with an exception and a moved occurrence, a time zone across
the autumn clock change, all-day, free, declined and cancelled events."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from trayapp.core.auto.calendar import CalendarCache, busy_windows, read_source
from trayapp.core.auto.config import CalendarSource
from trayapp.core.errors import InputError
from trayapp.core.models import Availability, ChangeKind, StatusChange

BERLIN = ZoneInfo("Europe/Berlin")
FIXTURE = Path(__file__).with_name("ics") / "berlin.ics"
BUSY = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.BUSY)


def spans(now: datetime) -> list[str]:
    windows = busy_windows(FIXTURE.read_bytes(), now, zone=BERLIN)
    return [
        f"{w.start.astimezone(BERLIN):%a %d %H:%M}-{w.end.astimezone(BERLIN):%H:%M}"
        for w in windows
        if w.start < datetime(2026, 10, 28, tzinfo=BERLIN)
    ]


def test_busy_times_of_a_week_with_every_kind_of_event() -> None:
    assert spans(datetime(2026, 10, 19, 8, 0, tzinfo=BERLIN)) == [
        "Mon 19 10:00-10:15",
        "Tue 20 10:00-10:15",
        # 12:00 free (TRANSPARENT), 15:00 declined and 08:00 cancelled: left out
        "Tue 20 16:30-17:00",
        # Wednesday's standup is an exception (EXDATE); Thursday's moved to 14:00
        "Thu 22 14:00-14:15",
        "Fri 23 00:00-00:00",  # the all-day offsite covers Friday (merged with its standup)
        "Mon 26 10:00-10:15",  # after the clocks went back: still 10:00 in Berlin
        "Tue 27 10:00-10:15",
    ]


def test_the_recurring_event_follows_the_wall_clock_across_the_change() -> None:
    windows = busy_windows(FIXTURE.read_bytes(), datetime(2026, 10, 19, 8, tzinfo=BERLIN), zone=BERLIN)
    utc_hours = {w.start.astimezone(BERLIN).date(): w.start.hour for w in windows}
    assert utc_hours[datetime(2026, 10, 19).date()] == 8  # CEST: 10:00 is 08:00 UTC
    assert utc_hours[datetime(2026, 10, 26).date()] == 9  # CET: 10:00 is 09:00 UTC


def test_the_all_day_event_lasts_its_local_day() -> None:
    windows = busy_windows(FIXTURE.read_bytes(), datetime(2026, 10, 22, 20, tzinfo=BERLIN), zone=BERLIN)
    friday = next(w for w in windows if w.start.astimezone(BERLIN).day == 23)
    assert friday.end - friday.start == timedelta(hours=24)


def test_not_a_calendar() -> None:
    with pytest.raises(InputError, match="not an iCalendar"):
        busy_windows(b"<html>login</html>", datetime.now(timezone.utc))


def test_the_cache_keeps_only_times_and_logs_no_title(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    now = datetime(2026, 10, 19, 8, tzinfo=BERLIN)
    cache = CalendarCache(tmp_path / "cal", None, lambda: now)
    source = CalendarSource("work", str(FIXTURE), BUSY)
    with caplog.at_level(logging.DEBUG):
        assert cache.refresh([source]) is True
    assert cache.refresh([source]) is False  # within a minute: not read again
    stored = (tmp_path / "cal" / "work.json").read_text(encoding="utf-8")
    for private in ("Standup", "All hands", "alice@example.com", "Offsite", str(FIXTURE)):
        assert private not in stored
        assert private not in caplog.text
    again = CalendarCache(tmp_path / "cal", None, lambda: now)
    assert list(again.known(source)) == list(cache.windows()["work"])  # a restart knows them offline


class Moving:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_a_calendar_is_read_again_a_minute_after_it_was_read(tmp_path: Path) -> None:
    clock = Moving(datetime(2026, 10, 19, 8, tzinfo=BERLIN))
    cache = CalendarCache(tmp_path / "cal", None, clock)
    source = CalendarSource("work", str(FIXTURE), BUSY)
    read_at = clock.now
    assert cache.refresh([source]) is True
    clock.now += timedelta(seconds=30)
    assert cache.next_refresh([source]) == read_at + timedelta(seconds=60)  # not a minute from now
    assert cache.next_refresh([]) is None


def test_a_calendar_taken_out_of_the_settings_is_a_change(tmp_path: Path) -> None:
    now = datetime(2026, 10, 19, 8, tzinfo=BERLIN)
    cache = CalendarCache(tmp_path / "cal", None, lambda: now)
    source = CalendarSource("work", str(FIXTURE), BUSY)
    assert cache.refresh([source]) is True
    assert cache.refresh([], force=True) is True  # its busy times no longer count
    assert cache.windows() == {}
    assert cache.refresh([], force=True) is False


def test_a_cache_folder_that_cannot_be_written_is_logged_and_the_times_still_used(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "cal"
    blocked.write_text("not a folder", encoding="utf-8")
    now = datetime(2026, 10, 19, 8, tzinfo=BERLIN)
    cache = CalendarCache(blocked, None, lambda: now)
    source = CalendarSource("work", str(FIXTURE), BUSY)
    with caplog.at_level(logging.WARNING, logger="trayapp.auto"):
        assert cache.refresh([source]) is True
    assert len(cache.windows()["work"]) > 0
    [said] = [r.getMessage() for r in caplog.records if r.name == "trayapp.auto"]
    assert said.startswith(f"Could not write {blocked / 'work.json'}: ")


def test_what_is_not_a_calendar_file_is_said(tmp_path: Path) -> None:
    with pytest.raises(InputError) as no_calendar:
        busy_windows(b"BEGIN:VEVENT\r\nUID:a@t\r\nEND:VEVENT\r\n", datetime.now(timezone.utc))
    assert str(no_calendar.value) == "This is not an iCalendar (ICS) file: no VCALENDAR."
    big = tmp_path / "huge.ics"
    with big.open("wb") as out:
        out.truncate(6 * 1024 * 1024)  # sparse: nothing is written
    with pytest.raises(InputError) as too_big:
        read_source(CalendarSource("big", str(big), BUSY), None)
    assert str(too_big.value) == f"{big} is larger than 5 MB: not a calendar to follow."


def test_a_missing_calendar_file_is_said_and_the_next_calendar_still_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    now = datetime(2026, 10, 19, 8, tzinfo=BERLIN)
    cache = CalendarCache(tmp_path / "cal", None, lambda: now)
    gone = CalendarSource("gone", str(tmp_path / "nowhere.ics"), BUSY)
    work = CalendarSource("work", str(FIXTURE), BUSY)
    with caplog.at_level(logging.WARNING, logger="trayapp.auto"):
        assert cache.refresh([gone, work]) is True
    said = f"There is no calendar file at {tmp_path / 'nowhere.ics'}."
    assert cache.errors == {"gone": said}
    assert len(cache.windows()["work"]) > 0
    assert [r.getMessage().splitlines()[0] for r in caplog.records] == [f"calendar 'gone': {said}"]


def test_a_calendar_added_behind_one_just_read_is_read_at_once(tmp_path: Path) -> None:
    clock = Moving(datetime(2026, 10, 19, 8, tzinfo=BERLIN))
    cache = CalendarCache(tmp_path / "cal", None, clock)
    work = CalendarSource("work", str(FIXTURE), BUSY)
    assert cache.refresh([work]) is True
    clock.now += timedelta(seconds=30)
    team = CalendarSource("team", str(FIXTURE), BUSY)
    assert cache.refresh([work, team]) is True  # work is not due yet; team is read all the same
    assert cache.windows()["team"] == cache.windows()["work"]
