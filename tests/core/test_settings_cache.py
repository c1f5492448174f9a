"""Settings and cache files: atomic writes, damaged files set aside and reported, never overwritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trayapp.core.cache import StatusCache
from trayapp.core.errors import InputError
from trayapp.core.models import Account, Availability, CurrentStatus, CustomStatus, ServiceKind
from trayapp.core.settings import Settings, SettingsStore, check_account_name

ACCOUNT = Account("work", ServiceKind.CALLBELL, "https://api.callbell.eu/v1", "ad42", "me@example.com")


def test_settings_round_trip_and_no_temp_files_left(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(accounts=[ACCOUNT], preferences={"smartsheet_available": "WFH"}))
    loaded = SettingsStore(tmp_path / "settings.json").load()
    assert loaded.accounts == [ACCOUNT]
    assert loaded.preferences == {"smartsheet_available": "WFH"}
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '{"accounts": [{"name": "x"}]}',
        '{"accounts": [{"name": "x", "service": "slack", "url": "u", "user": "1"}]}',
        "[]",
        '{"schema_version": 99, "accounts": []}',
    ],
)
def test_damaged_settings_are_set_aside_and_reported(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    store = SettingsStore(path)
    assert store.load().accounts == []
    assert "settings.json was damaged" in store.warning
    kept = list(tmp_path.glob("settings.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == content
    assert not path.exists()  # nothing was overwritten; a fresh file is written on the next save


@pytest.mark.parametrize("name", ["", "has space", "x" * 33, "-dash", "sl/ash"])
def test_account_names_are_short_and_plain(name: str) -> None:
    with pytest.raises(InputError, match="not a valid account name"):
        check_account_name(name)


def test_cache_round_trip(tmp_path: Path) -> None:
    cache = StatusCache(tmp_path / "statuses.json")
    statuses = [CustomStatus("1", "Lunch", "away"), CustomStatus("2", "Meeting", emoji="📅")]
    cache.put_statuses("work", statuses)
    cache.put_current("work", CurrentStatus(Availability.AWAY, "1", "Lunch", "back at 2"))
    again = StatusCache(tmp_path / "statuses.json")
    assert again.statuses("work") == statuses
    assert again.current("work") == CurrentStatus(Availability.AWAY, "1", "Lunch", "back at 2")
    assert again.statuses("other") is None


def test_damaged_cache_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "statuses.json"
    path.write_text(json.dumps({"accounts": {"work": {"statuses": [{"nope": 1}]}}}), encoding="utf-8")
    cache = StatusCache(path)
    assert cache.statuses("work") is None
    assert "statuses.json was damaged" in cache.warning
    assert len(list(tmp_path.glob("statuses.json.broken-*"))) == 1
