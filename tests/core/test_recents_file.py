"""The recents file and its lines on their own: what a repeat keeps of a change, what `trayapp recent
--json` prints, and a hand-damaged line left out with the file kept as it was."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from trayapp.core.models import Availability, ChangeKind, CustomStatus, StatusChange
from trayapp.core.recents import Recent, RecentStore, recent_change

NOON = datetime(2026, 12, 2, 12, 0, tzinfo=timezone.utc)


def test_a_repeat_keeps_the_status_by_name_and_drops_its_times() -> None:
    lunch = CustomStatus(id="rc-lunch-1", name="Lunch", emoji="🍱")
    change = StatusChange(ChangeKind.CUSTOM, status=lunch, message="back at 1", start=NOON, end=NOON)
    # by name: each account finds its own "Lunch"; the id was one service's
    assert recent_change(change) == StatusChange(
        ChangeKind.CUSTOM, status=CustomStatus(id="", name="Lunch", emoji="🍱"), message="back at 1"
    )
    unnamed = CustomStatus(id="rc-7", name="")
    assert recent_change(StatusChange(ChangeKind.CUSTOM, status=unnamed)) == StatusChange(
        ChangeKind.CUSTOM, status=unnamed
    )


def test_the_json_line_of_a_message_without_a_status() -> None:
    away = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY, message="errand")
    line = Recent(accounts=("rocket",), change=away, duration=timedelta(minutes=30), at=NOON).to_dict()
    assert line == {
        "label": "Away (errand)",
        "preset": None,
        "status": None,
        "availability": "away",
        "message": "errand",
        "accounts": ["rocket"],
        "duration_minutes": 30,
        "at": "2026-12-02T12:00:00Z",
    }


def test_a_one_minute_recent_and_its_time_come_back_from_the_file(tmp_path: Path) -> None:
    store = RecentStore(tmp_path / "recent.json")
    lunch = StatusChange(ChangeKind.CUSTOM, status=CustomStatus(id="", name="Lunch"))
    store.add(Recent(accounts=("rocket",), change=lunch, duration=timedelta(minutes=1), at=NOON))
    [back] = RecentStore(tmp_path / "recent.json").all()
    assert (back.duration, back.at) == (timedelta(minutes=1), NOON)


def test_a_damaged_line_is_left_out_and_the_file_kept_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "recent.json"
    store = RecentStore(path)
    lunch = StatusChange(ChangeKind.CUSTOM, status=CustomStatus(id="", name="Lunch"))
    store.add(Recent(accounts=("rocket",), change=lunch, at=NOON))
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["recent"].append({"accounts": [], "preset": "typed by hand"})
    path.write_text(json.dumps(raw), encoding="utf-8")
    damaged = path.read_text(encoding="utf-8")

    again = RecentStore(path)
    assert [r.label for r in again.all()] == ["Lunch"]
    [copy] = [p for p in tmp_path.iterdir() if p.name.startswith("recent.json.broken-")]
    assert again.warnings == [
        f"recent.json: left out recent change number 2; the file as it was is kept as {copy.name}."
    ]
    assert copy.read_text(encoding="utf-8") == damaged
    assert len(json.loads(path.read_text(encoding="utf-8"))["recent"]) == 1  # the file holds the good line
    assert RecentStore(path).all() and RecentStore(path).warnings == []  # and says it once


def test_an_availability_change_without_an_availability_is_damage(tmp_path: Path) -> None:
    path = tmp_path / "recent.json"
    line = {
        "change": {"kind": "availability", "availability": None, "message": "errand"},
        "accounts": ["rocket"],
    }
    path.write_text(json.dumps({"schema_version": 1, "recent": [line]}), encoding="utf-8")
    store = RecentStore(path)
    assert store.all() == []
    assert store.warnings[0].startswith("recent.json: left out recent change number 1;")
