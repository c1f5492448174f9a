"""Real-part tests (Xvfb tray, Secret Service) need Debian tools. Locally a missing tool skips the
test with the install hint; in CI (CI=true) it fails, so such a test can never be silently skipped.
Also the throwaway per-user folders every test, in-process or not, runs the app in."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


def require_tools(*names: str) -> None:
    missing = [n for n in names if shutil.which(n) is None]
    if not missing:
        return
    message = f"missing {', '.join(missing)}: run 'bash scripts/system-deps.sh' as root"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def xdg_folders(root: Path) -> dict[str, str]:
    """XDG config/cache/data/state/runtime folders under root (private, as a real runtime folder is),
    as environment variables: nothing a test runs touches the real user's files."""
    env = {}
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_RUNTIME_DIR", "run"),
    ):
        folder = root / sub
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        folder.chmod(0o700)  # platformdirs warns about a runtime folder others can read
        env[var] = str(folder)
    system = root / "system-config"  # the organisation's folder (system-wide presets): empty until filled
    system.mkdir(parents=True, exist_ok=True)
    env["XDG_CONFIG_DIRS"] = str(system)
    return env
