"""auto.json as the CLI writes it and as a user may edit it by hand: what is kept across a restart, what a
damaged part costs, and how the damage is reported."""

from __future__ import annotations

import json
from pathlib import Path

from trayapp.core.auto.config import AWAY, AutoConfig, AutoStore, CalendarSource, PresenceSetting
from trayapp.core.codec import dump_change


def test_every_setting_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "auto.json"
    config = AutoConfig(
        lock=PresenceSetting(on=True, accounts=("rocket",)),
        idle=PresenceSetting(minutes=10, accounts=("rocket", "callbell")),
        calendars=(CalendarSource("work", "/home/me/work.ics", AWAY, accounts=("callbell",)),),
        paused=True,
    )
    AutoStore(path).update(lambda _: config)
    assert AutoStore(path).load() == config  # a fresh store: what the tray reads after a restart


def test_a_hand_written_lock_setting_leaves_idle_off(tmp_path: Path) -> None:
    path = tmp_path / "auto.json"
    path.write_text(json.dumps({"schema_version": 1, "lock": {"on": True}}))
    config = AutoStore(path).load()
    assert config.lock.on and config.lock.accounts is None
    assert config.idle.minutes == 0 and config.lock.minutes == 0 and not config.paused


def test_a_damaged_file_is_set_aside_and_said(tmp_path: Path) -> None:
    path = tmp_path / "auto.json"
    path.write_text("{ not json")
    store = AutoStore(path)
    assert store.load() == AutoConfig()
    [warning] = store.warnings
    assert warning.startswith("auto.json was damaged (not valid JSON); it was kept as auto.json.broken-")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("auto.json.broken-")]


def test_a_damaged_calendar_or_repeat_is_left_out_named_and_the_rest_kept(tmp_path: Path) -> None:
    path = tmp_path / "auto.json"
    good = {"name": "work", "ics": "/home/me/work.ics", "change": dump_change(AWAY), "accounts": []}
    long_name = "x" * 40
    path.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "calendars": [good, {"ics": 3}, {"name": long_name}, {"name": "", "ics": 1}],
                "repeats": [{"id": "standup", "accounts": "not a list"}],
                "paused": True,
            }
        )
    )
    store = AutoStore(path)
    config = store.load()
    assert [c.name for c in config.calendars] == ["work"] and config.paused
    [warning] = store.warnings
    assert (
        f"left out calendar number 2; calendar '{long_name}'; calendar number 4; repeat 'standup';" in warning
    )
    # The file now holds what was kept; the copy beside it holds everything as it was.
    assert [c["name"] for c in json.loads(path.read_text())["calendars"]] == ["work"]
    [copy] = [p for p in tmp_path.iterdir() if p.name.startswith("auto.json.broken-")]
    assert len(json.loads(copy.read_text())["calendars"]) == 4
    assert AutoStore(path).warnings == [] and AutoStore(path).load() == config
