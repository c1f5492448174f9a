"""pending.json: a change that could not be delivered yet waits there, with how often it was tried and
why it failed, across a restart; a hand-damaged part is left out and named."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from trayapp.core.codec import dump_change, dump_time
from trayapp.core.models import Availability, ChangeKind, StatusChange
from trayapp.core.pending import PendingChange, PendingStore

AWAY = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY, message="at lunch")
SINCE = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def test_a_waiting_change_keeps_its_attempts_and_error_across_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "pending.json"
    waiting = PendingChange("rocket", AWAY, SINCE, attempts=3, last_error="Rocket.Chat did not answer.")
    PendingStore(path).put(waiting)
    assert PendingStore(path).get("rocket") == waiting


def test_a_change_written_without_attempts_has_none(tmp_path: Path) -> None:
    path = tmp_path / "pending.json"
    item = {"change": dump_change(AWAY), "since": dump_time(SINCE)}
    path.write_text(json.dumps({"schema_version": 1, "accounts": {"rocket": item}}))
    store = PendingStore(path)
    assert store.get("rocket") == PendingChange("rocket", AWAY, SINCE, attempts=0, last_error="")
    assert store.warnings == []


def test_a_damaged_waiting_change_is_left_out_and_named(tmp_path: Path) -> None:
    path = tmp_path / "pending.json"
    good = {"change": dump_change(AWAY), "since": dump_time(SINCE), "attempts": 1}
    long_name = "a" * 41
    path.write_text(
        json.dumps({"schema_version": 1, "accounts": {"rocket": good, long_name: {"since": None}, "cb": 7}})
    )
    store = PendingStore(path)
    assert list(store.all()) == ["rocket"]
    [warning] = store.warnings
    assert "left out the waiting change of number 2; the waiting change of 'cb';" in warning
