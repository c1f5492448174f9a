"""What loading the tray app costs before the icon shows (figures: bench/run.py)."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, linecache, sys
import trayapp.qt.app, trayapp.core.service, keyring, httpx
print(json.dumps({"cached_sources": len(linecache.cache)}))
"""


def test_pyside_does_not_read_and_keep_the_source_of_every_module() -> None:
    # Without trayapp.qt's switch, PySide6 reads each module's source at import and linecache keeps
    # it (about 240 files, 9 MiB, here).
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["cached_sources"] < 20
