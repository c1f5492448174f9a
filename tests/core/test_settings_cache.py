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
    # no temp file left; the lock file stays (removing it would let two writers lock different files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json", "settings.json.lock"]


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[]",
        '{"schema_version": 99, "accounts": []}',
        '{"accounts": ' + "[" * 100_000 + "]" * 100_000 + "}",
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


@pytest.mark.parametrize(
    ("bad", "why"),
    [
        ({"name": "x"}, "service is missing or not text"),
        ({"name": "x", "service": "slack", "url": "u", "user": "1"}, "unknown service"),
        ({"name": "has space", "service": "callbell", "url": "u", "user": "1"}, "not a valid account name"),
        ({"name": "work", "service": "callbell", "url": "u", "user": "1"}, "a second account with that name"),
        ("just text", "unexpected content"),
    ],
)
def test_a_damaged_account_is_left_out_and_the_others_load(tmp_path: Path, bad: object, why: str) -> None:
    path = tmp_path / "settings.json"
    SettingsStore(path).save(Settings(accounts=[ACCOUNT]))
    raw = json.loads(path.read_text("utf-8"))
    raw["accounts"].append(bad)
    path.write_text(json.dumps(raw), encoding="utf-8")
    store = SettingsStore(path)
    assert store.load().accounts == [ACCOUNT]
    assert f"({why})" in store.warning and "left out account" in store.warning
    [kept] = tmp_path.glob("settings.json.broken-*")
    assert json.loads(kept.read_text("utf-8")) == raw  # the hand edit itself is kept
    again = SettingsStore(path)
    assert again.load().accounts == [ACCOUNT] and again.warning == ""  # said once


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
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    cache = StatusCache(path)
    assert cache.statuses("work") is None
    assert "statuses.json was damaged (nested too deeply)" in cache.warning
    assert len(list(tmp_path.glob("statuses.json.broken-*"))) == 1


def test_a_damaged_cache_entry_is_left_out_and_the_others_kept(tmp_path: Path) -> None:
    path = tmp_path / "statuses.json"
    good = {"statuses": [{"id": "1", "name": "Lunch"}]}
    path.write_text(json.dumps({"accounts": {"work": {"statuses": [{"nope": 1}]}, "home": good}}), "utf-8")
    cache = StatusCache(path)
    assert cache.statuses("work") is None
    assert cache.statuses("home") == [CustomStatus("1", "Lunch")]
    assert "left out the cached statuses of 'work'" in cache.warning
    assert len(list(tmp_path.glob("statuses.json.broken-*"))) == 1
    assert StatusCache(path).statuses("home") and not StatusCache(path).warning  # said once


def test_a_status_created_before_any_list_is_kept(tmp_path: Path) -> None:
    cache = StatusCache(tmp_path / "cache.json")
    cache.add_status("rocket", CustomStatus("x1", "Focus", "busy"))
    cache.add_status("rocket", CustomStatus("x2", "Lunch", "away"))
    again = StatusCache(tmp_path / "cache.json").statuses("rocket")  # as the next start reads it
    assert again == [CustomStatus("x1", "Focus", "busy"), CustomStatus("x2", "Lunch", "away")]


def test_a_cache_sees_what_another_process_wrote_since(tmp_path: Path) -> None:
    # The tray keeps its StatusCache open; a `trayapp refresh` in a terminal writes the same file.
    tray, cli = StatusCache(tmp_path / "statuses.json"), StatusCache(tmp_path / "statuses.json")
    tray.put_statuses("work", [CustomStatus("1", "Lunch")])
    assert cli.statuses("work") == [CustomStatus("1", "Lunch")]
    cli.put_statuses("work", [CustomStatus("1", "Lunch"), CustomStatus("2", "Gym")])
    assert tray.statuses("work") == [CustomStatus("1", "Lunch"), CustomStatus("2", "Gym")]
    tray.put_current("work", CurrentStatus(Availability.BUSY))
    assert cli.current("work") == CurrentStatus(Availability.BUSY)
    assert cli.statuses("work") == [CustomStatus("1", "Lunch"), CustomStatus("2", "Gym")]  # nothing lost


def test_a_bad_account_name_is_quoted_back() -> None:
    with pytest.raises(InputError) as caught:
        check_account_name("  my work  ")
    assert str(caught.value) == (
        "'my work' is not a valid account name: use 1 to 32 letters, digits, '.', '-' or '_'."
    )
    assert caught.value.field == "name"
