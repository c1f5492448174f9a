"""Every per-user folder, from platformdirs; one override point for --demo and tests.

On Linux platformdirs honours XDG_CONFIG_HOME / XDG_CACHE_HOME / XDG_DATA_HOME / XDG_STATE_HOME,
which is how tests and the demo profile isolate themselves.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from trayapp.core.i18n import _

APP_NAME = "trayapp"

# platformdirs warns (a Python warning with its source line, on every start) when XDG_RUNTIME_DIR is unset
# or unsafe (su, ssh, cron), then falls back to a private folder that serves us well. A filter set once
# here, not catch_warnings around each call: that is not thread-safe and leaks its filters. The reason
# goes to the log and `trayapp doctor` instead (runtime_dir_note).
if (_RuntimeDirWarning := getattr(platformdirs, "RuntimeDirWarning", None)) is not None:
    warnings.filterwarnings("ignore", category=_RuntimeDirWarning)


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    cache_dir: Path
    data_dir: Path
    log_dir: Path
    runtime_dir: Path
    # the organisation's read-only folders, most important first ($XDG_CONFIG_DIRS on Linux)
    system_config_dirs: tuple[Path, ...] = ()

    @classmethod
    def default(cls) -> AppPaths:
        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
        return cls(
            config_dir=Path(dirs.user_config_dir),
            cache_dir=Path(dirs.user_cache_dir),
            data_dir=Path(dirs.user_data_dir),
            log_dir=Path(dirs.user_log_dir),
            runtime_dir=Path(dirs.user_runtime_dir),
            system_config_dirs=system_config_dirs(),
        )

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """A self-contained profile below one folder (demo mode, tests)."""
        return cls(
            config_dir=root / "config",
            cache_dir=root / "cache",
            data_dir=root / "data",
            log_dir=root / "log",
            runtime_dir=root / "run",
            system_config_dirs=(root / "system",),
        )

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def cache_file(self) -> Path:
        return self.cache_dir / "statuses.json"

    @property
    def pending_file(self) -> Path:
        return self.data_dir / "pending.json"

    @property
    def schedule_file(self) -> Path:
        return self.data_dir / "schedule.json"

    @property
    def presets_file(self) -> Path:
        return self.config_dir / "presets.json"

    @property
    def system_presets_files(self) -> list[Path]:
        """The organisation's presets (read-only), most important first."""
        return [folder / APP_NAME / "presets.json" for folder in self.system_config_dirs]

    @property
    def recents_file(self) -> Path:
        return self.data_dir / "recent.json"

    @property
    def auto_file(self) -> Path:
        """What should happen by itself (lock, idle, calendars, repeats): written by the CLI, read by the
        tray, beside the schedule so the tray's watch on that folder sees it change."""
        return self.data_dir / "auto.json"

    @property
    def auto_state_file(self) -> Path:
        return self.data_dir / "auto-state.json"

    @property
    def calendar_dir(self) -> Path:
        """The busy times (only those) of each calendar, so a restart without network still knows them."""
        return self.cache_dir / "calendars"


def system_config_dirs() -> tuple[Path, ...]:
    """The system-wide config folders: $XDG_CONFIG_DIRS (default /etc/xdg) on Linux, /Library/Application
    Support on macOS, C:\\ProgramData on Windows (platformdirs' site_config_dir, every entry)."""
    folders = platformdirs.site_config_dir(appname=None, appauthor=False, multipath=True)
    return tuple(Path(f) for f in folders.split(os.pathsep) if f)


def runtime_dir_note() -> str:
    """Why the user's runtime folder is not under XDG_RUNTIME_DIR ("" when it is)."""
    paths = AppPaths.default()
    value = os.environ.get("XDG_RUNTIME_DIR", "")
    if not value:
        return _("XDG_RUNTIME_DIR is not set (as under su, ssh or cron): using {folder}").format(
            folder=paths.runtime_dir
        )
    if not paths.runtime_dir.is_relative_to(value):
        return _("XDG_RUNTIME_DIR={value} is not a private folder of this user: using {folder}").format(
            value=value, folder=paths.runtime_dir
        )
    return ""
