"""Where trayapp keeps its files: a self-contained profile (the demo's, the tests') keeps each kind of
file in its own folder below one root, and the runtime folder's fallback is explained."""

from __future__ import annotations

from pathlib import Path

from trayapp.core.paths import AppPaths


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
