"""Where trayapp keeps its files: a self-contained profile (the demo's, the tests') keeps each kind of
file in its own folder below one root, and the runtime folder's fallback is explained."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

from trayapp.core.paths import AppPaths, runtime_dir_note

XDG = {
    "XDG_CONFIG_HOME": "config",
    "XDG_CACHE_HOME": "cache",
    "XDG_DATA_HOME": "data",
    "XDG_STATE_HOME": "state",
    "XDG_RUNTIME_DIR": "run",
}


def test_a_self_contained_profile_keeps_each_kind_of_file_in_its_own_folder(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    assert paths.settings_file == tmp_path / "config" / "settings.json"
    assert paths.presets_file == tmp_path / "config" / "presets.json"
    assert paths.cache_file == tmp_path / "cache" / "statuses.json"
    assert paths.calendar_dir == tmp_path / "cache" / "calendars"
    assert paths.schedule_file == tmp_path / "data" / "schedule.json"
    assert paths.pending_file == tmp_path / "data" / "pending.json"
    assert paths.log_dir == tmp_path / "log"
    assert paths.runtime_dir == tmp_path / "run"
    assert paths.system_presets_files == [tmp_path / "system" / "trayapp" / "presets.json"]


def test_the_default_folders_are_the_users_own_named_trayapp(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for variable, folder in XDG.items():
        monkeypatch.setenv(variable, str(tmp_path / folder))
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{tmp_path / 'etc-xdg'}{os.pathsep}{tmp_path / 'site'}")
    paths = AppPaths.default()
    assert paths.settings_file == tmp_path / "config" / "trayapp" / "settings.json"
    assert paths.cache_file == tmp_path / "cache" / "trayapp" / "statuses.json"
    assert paths.schedule_file == tmp_path / "data" / "trayapp" / "schedule.json"
    assert paths.log_dir == tmp_path / "state" / "trayapp" / "log"
    assert paths.runtime_dir == tmp_path / "run" / "trayapp"
    assert paths.system_config_dirs == (tmp_path / "etc-xdg", tmp_path / "site")
    assert paths.system_presets_files == [
        tmp_path / "etc-xdg" / "trayapp" / "presets.json",
        tmp_path / "site" / "trayapp" / "presets.json",
    ]
    assert runtime_dir_note() == ""


def test_without_xdg_runtime_dir_the_fallback_folder_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs warns as it falls back
        folder = AppPaths.default().runtime_dir
        note = runtime_dir_note()
    assert note == f"XDG_RUNTIME_DIR is not set (as under su, ssh or cron): using {folder}"


def test_a_runtime_folder_others_can_enter_is_not_used_and_the_note_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shared = tmp_path / "shared-run"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)  # the XDG spec wants 0700: another user could read the single-instance socket
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(shared))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        folder = AppPaths.default().runtime_dir
        note = runtime_dir_note()
    assert not folder.is_relative_to(shared)
    assert note == f"XDG_RUNTIME_DIR={shared} is not a private folder of this user: using {folder}"
