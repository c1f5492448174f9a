"""`trayapp set --repeat`, `trayapp schedule` with repeats and calendars, and `trayapp auto`."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tests.cli.conftest import CLI, Run
from trayapp.core.timetext import local_time
from trayapp.demo.server import DemoServer

ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:standup@test
DTSTART:{start}
DTEND:{end}
SUMMARY:Secret project standup
LOCATION:Room 42
END:VEVENT
END:VCALENDAR
"""


def daily_lunch(accounts: CLI, first: datetime) -> tuple[datetime, datetime, Run]:
    """`trayapp set Lunch --repeat daily` on rocket, for an hour from `first` (to the minute)."""
    start = first.replace(second=0, microsecond=0)
    end = start + timedelta(hours=1)
    run = accounts(
        "set", "Lunch", "--start", start.isoformat(), "--end", end.isoformat(), "--repeat", "daily",
        "--account", "rocket",
    )  # fmt: skip
    return start, end, run


def test_repeat_is_recorded_and_listed_with_its_next_occurrence(accounts: CLI, demo: DemoServer) -> None:
    now = datetime.now(timezone.utc)
    start, end, run = daily_lunch(accounts, now + timedelta(hours=2))
    assert run.code == 0, run.err
    assert "every day" in run.out and "next" in run.out
    writes = [r for r in demo.requests if r.path.endswith("/users.setStatus")]
    assert writes == []  # nothing is set now: the tray does it at the start
    listing = accounts("schedule", "--json")
    rows = json.loads(listing.out)
    repeat = next(r for r in rows if r["kind"] == "repeat")
    assert repeat["repeat"] == "daily" and repeat["accounts"] == ["rocket"]
    assert datetime.fromisoformat(repeat["start"]) == start
    assert datetime.fromisoformat(repeat["end"]) == end
    text = accounts("schedule").out
    assert f"next {local_time(start, now)}" in text
    cancel = accounts("schedule", "cancel", repeat["id"])
    assert cancel.code == 0 and "will not repeat" in cancel.out
    assert json.loads(accounts("schedule", "--json").out) == []


def test_repeat_needs_its_window_and_a_status_every_account_lacks_is_refused(accounts: CLI) -> None:
    run = accounts("set", "Lunch", "--repeat", "weekdays")
    assert run.code == 2 and "--start and --end" in run.err
    run = accounts("set", "No such status", "--start", "12:00", "--end", "13:00", "--repeat", "weekly")
    assert run.code == 1
    assert json.loads(accounts("schedule", "--json").out) == []


def test_a_repeat_whose_window_is_over_today_starts_with_the_next_one(accounts: CLI) -> None:
    # "Lunch 12:00-13:00 every day", typed in the afternoon: today's lunch is over, tomorrow's is next.
    now = datetime.now(timezone.utc)
    start, end, run = daily_lunch(accounts, now - timedelta(hours=2))
    assert run.code == 0, run.err
    assert f"next {local_time(start + timedelta(days=1), now)}" in accounts("schedule").out
    once = accounts("set", "Lunch", "--start", start.isoformat(), "--end", end.isoformat())
    assert once.code == 2 and "has already passed" in once.err  # without --repeat it is refused


def test_lock_defaults_to_the_chat_accounts(accounts: CLI) -> None:
    assert accounts("auto", "lock", "status").out.strip() == "Away while locked or asleep: off."
    on = accounts("auto", "lock", "on")
    assert on.code == 0
    assert "rocket, callbell (the chat accounts, by default)" in on.out
    assert "smartsheet" not in on.out
    picked = accounts("auto", "lock", "on", "--account", "smartsheet")
    assert "on for smartsheet." in picked.out
    assert accounts("auto", "lock", "off").out.strip() == "Away while locked or asleep: off."
    unknown = accounts("auto", "lock", "on", "--account", "nobody")
    assert unknown.code == 1 and "no account named 'nobody'" in unknown.err


def test_idle_minutes_and_off(accounts: CLI) -> None:
    assert "after 10 min" in accounts("auto", "idle", "10").out
    assert "after 10 min" in accounts("auto", "idle", "status").out
    bad = accounts("auto", "idle", "soon")
    assert bad.code == 2 and "not a number of minutes" in bad.err
    assert accounts("auto", "idle", "off").out.strip() == "Away when idle: off."


def test_calendar_add_list_remove_never_shows_titles(accounts: CLI, tmp_path: Path) -> None:
    start = (datetime.now(timezone.utc) + timedelta(hours=3)).replace(second=0, microsecond=0)
    end = start + timedelta(minutes=30)
    ics = tmp_path / "work.ics"
    ics.write_text(
        ICS.format(start=start.strftime("%Y%m%dT%H%M%SZ"), end=end.strftime("%Y%m%dT%H%M%SZ")),
        encoding="utf-8",
    )
    add = accounts("auto", "calendar", "add", "work", "--ics", str(ics), "--away", "--account", "rocket")
    assert add.code == 0, add.err
    assert "next busy time" in add.out
    listed = json.loads(accounts("auto", "calendar", "list", "--json").out)
    assert listed[0]["name"] == "work" and listed[0]["change"] == "Away"
    schedule = accounts("schedule", "--json")
    row = next(r for r in json.loads(schedule.out) if r["kind"] == "calendar")
    assert datetime.fromisoformat(row["start"]) == start
    everything = add.out + add.err + schedule.out + accounts("schedule").out
    assert "Secret project" not in everything and "Room 42" not in everything
    assert accounts("auto", "calendar", "remove", "work").code == 0
    assert json.loads(accounts("auto", "calendar", "list", "--json").out) == []
    missing = accounts("auto", "calendar", "add", "x", "--ics", str(tmp_path / "none.ics"))
    assert missing.code == 1 and "no calendar file" in missing.err
    ics.write_text("hello", encoding="utf-8")
    broken = accounts("auto", "calendar", "add", "y", "--ics", str(ics))
    assert broken.code == 1 and "not an iCalendar" in broken.err
