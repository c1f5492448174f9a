"""settings.json edited by hand: what loads, and the sentence that says what was set aside and why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trayapp.core.models import Account, ServiceKind
from trayapp.core.settings import Settings, SettingsStore


def write(path: Path, accounts: list[object], **extra: object) -> None:
    path.write_text(json.dumps({"schema_version": 1, "accounts": accounts, **extra}), encoding="utf-8")


def test_a_hand_written_account_with_a_numeric_user_and_no_display_name_loads(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    write(path, [{"name": "desk", "service": "smartsheet", "url": "https://rm.example", "user": 42}])
    store = SettingsStore(path)
    assert store.load().accounts == [Account("desk", ServiceKind.SMARTSHEET, "https://rm.example", "42", "")]
    assert store.warning == "" and not list(tmp_path.glob("settings.json.broken-*"))


def test_a_user_written_as_true_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    write(path, [{"name": "desk", "service": "smartsheet", "url": "https://rm.example", "user": True}])
    store = SettingsStore(path)
    assert store.load().accounts == []
    assert "left out account 'desk' (user is missing or not text)" in store.warning


@pytest.mark.parametrize(
    ("item", "named"),
    [
        ({"name": "bob", "service": "slack", "url": "u", "user": "1"}, "account 'bob' (unknown service)"),
        ({"service": "slack"}, "account number 1 (name is missing or not text)"),
    ],
)
def test_the_sentence_names_the_account_left_out(tmp_path: Path, item: dict[str, str], named: str) -> None:
    path = tmp_path / "settings.json"
    write(path, [item])
    store = SettingsStore(path)
    store.load()
    [kept] = tmp_path.glob("settings.json.broken-*")
    assert store.warning == f"settings.json: left out {named}; the file as it was is kept as {kept.name}."


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("{not json", "not valid JSON"),
        ('{"schema_version": 2, "accounts": []}', "written by a newer trayapp"),
        ('{"accounts": [], "preferences": []}', "unexpected content"),
    ],
)
def test_a_file_set_aside_says_why(tmp_path: Path, content: str, why: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    store = SettingsStore(path)
    assert store.load().accounts == []
    [kept] = tmp_path.glob("settings.json.broken-*")
    assert store.warning == (
        f"settings.json was damaged ({why}); it was kept as {kept.name} and a fresh one was started."
    )


def test_the_saved_file_says_its_version_for_the_next_trayapp_to_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    SettingsStore(path).save(
        Settings(accounts=[Account("desk", ServiceKind.SMARTSHEET, "https://rm.example", "42")])
    )
    saved = json.loads(path.read_text("utf-8"))
    assert saved["schema_version"] == 1 and [a["name"] for a in saved["accounts"]] == ["desk"]
