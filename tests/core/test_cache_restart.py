"""The status cache as the next start reads it: what is kept, what is left out and said once."""

from __future__ import annotations

import json
from pathlib import Path

from trayapp.core.cache import StatusCache
from trayapp.core.models import Availability, CurrentStatus, CustomStatus


def test_a_current_status_cached_before_any_list_is_there_after_a_restart(tmp_path: Path) -> None:
    # The list fetch failed, the current status came through: the menu still shows it after a restart.
    busy = CurrentStatus(Availability.BUSY, message="Focus")
    StatusCache(tmp_path / "statuses.json").put_current("work", busy)
    again = StatusCache(tmp_path / "statuses.json")
    assert again.current("work") == busy
    assert again.statuses("work") is None  # no list yet: the menu fetches one, it does not show an empty one
    assert again.warning == "" and not list(tmp_path.glob("statuses.json.broken-*"))


def test_a_damaged_current_status_is_left_out_with_its_account_and_said_once(tmp_path: Path) -> None:
    path = tmp_path / "statuses.json"
    away = {"availability": "away", "message": "back at 2"}
    home = {"statuses": [{"id": "1", "name": "Lunch"}], "current": away}
    damaged = {"statuses": [{"id": "2", "name": "Meeting"}], "current": {"availability": "on the moon"}}
    path.write_text(json.dumps({"schema_version": 1, "accounts": {"work": damaged, "home": home}}), "utf-8")
    cache = StatusCache(path)
    # never a crash while building a menu
    assert cache.current("work") is None and cache.statuses("work") is None
    assert cache.current("home") == CurrentStatus(Availability.AWAY, message="back at 2")
    assert cache.statuses("home") == [CustomStatus("1", "Lunch")]
    assert "left out the cached statuses of 'work'" in cache.warning
    [kept] = tmp_path.glob("statuses.json.broken-*")
    assert json.loads(kept.read_text("utf-8"))["accounts"]["work"] == damaged  # the damaged part is kept
    again = StatusCache(path)
    assert again.current("home") is not None and again.warning == ""
