"""Real-part tests (Xvfb tray, Secret Service) need Debian tools. Locally a missing tool skips the
test with the install hint; in CI (CI=true) it fails, so such a test can never be silently skipped."""

from __future__ import annotations

import os
import shutil

import pytest


def require_tools(*names: str) -> None:
    missing = [n for n in names if shutil.which(n) is None]
    if not missing:
        return
    message = f"missing {', '.join(missing)}: run 'bash scripts/system-deps.sh' as root"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)
