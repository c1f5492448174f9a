"""What loading the tray app costs before the icon shows (figures: bench/run.py)."""

from __future__ import annotations

import json
import subprocess
import sys

from trayapp.core.service import StatusService

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


SHOW_ICON = """
import json, sys
from trayapp.core.paths import AppPaths
from trayapp.backends import BACKENDS
from trayapp.core.service import StatusService
import trayapp.qt.app
paths = AppPaths.default()
snapshot = StatusService(paths, backends=BACKENDS).snapshot()
print(json.dumps({"accounts": len(snapshot.accounts), "loaded": sorted(
    m for m in ("httpx", "ssl", "keyring", "trayapp.backends.base") if m in sys.modules)}))
"""


def test_the_cached_menu_is_read_without_loading_http_tls_or_the_keyring(service: StatusService) -> None:
    # The three demo accounts, added through the real service: the snapshot behind the icon and menu
    # must come from files alone, so the icon shows before the network stack and keyring load.
    out = subprocess.run([sys.executable, "-c", SHOW_ICON], capture_output=True, text=True, check=True)
    seen = json.loads(out.stdout)
    assert seen == {"accounts": 3, "loaded": []}


BEHIND_THE_ICON = (
    "trayapp.core.auto.engine",
    "trayapp.core.auto.calendar",
    "trayapp.core.auto.config",
    "zoneinfo",
    "trayapp.core.presets",
    "trayapp.core.recents",
)
SHOW_ICON_ONLY = f"""
import json, sys
from trayapp.core.paths import AppPaths
from trayapp.backends import BACKENDS, fetch_ics
from trayapp.core.service import StatusService
import trayapp.qt.app
snapshot = StatusService(AppPaths.default(), backends=BACKENDS, fetch_ics=fetch_ics).snapshot()
print(json.dumps({{"accounts": len(snapshot.accounts), "auto_on": snapshot.auto_on,
    "loaded": sorted(m for m in {BEHIND_THE_ICON!r} if m in sys.modules)}}))
"""


def test_without_an_automatic_status_the_icon_loads_neither_it_nor_the_presets(
    service: StatusService,
) -> None:
    # The service is built and its snapshot read before the icon shows: the automatic status (its
    # engine, calendars, zoneinfo) and the presets and recents (read later, on a worker) wait until used.
    out = subprocess.run([sys.executable, "-c", SHOW_ICON_ONLY], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == {"accounts": 3, "auto_on": False, "loaded": []}
