"""`trayapp --demo` shows its icon first; the demo's server, profile and accounts come in behind it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.qt.conftest import entries, find, submenu, wait_idle
from trayapp.backends import BACKENDS
from trayapp.core.paths import AppPaths
from trayapp.core.service import StatusService
from trayapp.demo import seed
from trayapp.demo.profile import DemoSession, DemoStarting, start_demo
from trayapp.qt.app import TrayApp

RC = "Rocket.Chat (alice)"

# The real entry point (trayapp.qt.app.run), offscreen, watched from inside: what is there when the icon
# is shown, and what the menu holds once the demo is in.
PROBE = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import trayapp.qt.app as qtapp

seen = {}
start = qtapp.TrayApp.start

def watched_start(self):
    start(self)
    seen["icon_shown"] = self.tray.is_visible()
    heavy = ("trayapp.demo.server", "httpx", "keyring", "logging.handlers")
    seen["loaded_at_icon"] = sorted(m for m in heavy if m in sys.modules)
    # Loaded where first used or on a worker behind the icon: the repeating rules' dateutil, the
    # desktop notifier and its D-Bus library, the picker's presets and recents and its search.
    later = ("dateutil", "six", "jeepney", "trayapp.notifier", "trayapp.qt.library", "trayapp.qt.search")
    seen["later_at_icon"] = sorted(m for m in later if m in sys.modules)
    seen["accounts_at_icon"] = len(self.controller.snapshot.accounts)

    def filled():
        if len(self.controller.snapshot.accounts) == 3 and not self.dispatcher.busy():
            menu = self.tray.menu
            menu.aboutToShow.emit()
            seen["menu_after"] = [a.text() for a in menu.actions() if a.text()][:4]
            QApplication.quit()
        else:
            QTimer.singleShot(20, filled)

    QTimer.singleShot(0, filled)

qtapp.TrayApp.start = watched_start
code = qtapp.run(demo="--demo" in sys.argv, qt_args=["-platform", "offscreen"])
print(json.dumps(seen))
sys.exit(code)
"""


def test_the_demo_icon_shows_before_the_demo_server_and_the_menu_fills_in_after(profile: AppPaths) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, "--demo"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["icon_shown"] is True
    assert seen["loaded_at_icon"] == []  # nothing of the demo, the HTTP stack, the keyring, the log file
    assert seen["accounts_at_icon"] == 0
    assert seen["menu_after"][:3] == [
        f"{RC}: Available",
        f"Callbell ({seed.CB_USER_EMAIL}): Available",
        f"Smartsheet RM ({seed.SS_USER_EMAIL}): In the office (available)",
    ]


def test_on_a_real_profile_the_icon_shows_from_the_cache_before_the_network_keyring_and_log_file(
    service: StatusService,
) -> None:
    # The three demo accounts, added through the real service to the test's profile: the icon and the
    # menu come from the cache; HTTP, the keyring and the rotating log come in behind them.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=60, check=True
    )
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["icon_shown"] is True
    assert seen["loaded_at_icon"] == []
    assert seen["later_at_icon"] == []  # nor the repeating rules' dateutil, the notifier, the picker
    assert seen["accounts_at_icon"] == 3
    assert seen["menu_after"][0] == f"{RC}: Available"
    log_text = (service.paths.log_dir / "trayapp.log").read_text(encoding="utf-8")
    assert "Qt platform offscreen" in log_text  # logged before the file opened, written after
    assert "trayapp started" in log_text


class HeldDemo:
    """start_demo, held until the test lets it go (the slow part of a real demo start, on a worker)."""

    def __init__(self) -> None:
        self.go = threading.Event()
        self.entered = threading.Event()
        self.sessions: list[DemoSession] = []

    def __call__(self) -> DemoSession:
        self.entered.set()
        assert self.go.wait(10)
        session = start_demo(BACKENDS)
        self.sessions.append(session)
        return session


@pytest.fixture
def held() -> Iterator[HeldDemo]:
    demo = HeldDemo()
    yield demo
    demo.go.set()
    for session in demo.sessions:
        session.close()


def starting_app(held: HeldDemo) -> TrayApp:
    app = TrayApp(DemoStarting(), demo=True, tray_wait_s=600, demo_factory=held)
    app.start()
    app.try_demo()
    return app


def test_while_the_demo_starts_the_menu_says_so_and_then_fills_in(qtbot: QtBot, held: HeldDemo) -> None:
    app = starting_app(held)
    try:
        assert app.tray.is_visible()
        assert entries(app.tray.menu)[0] == "Starting the demo…"
        assert "Add an account…" not in entries(app.tray.menu)
        assert "starting the demo" in app.tray.icon.toolTip()
        app.primary_action()  # a left click meanwhile: no Accounts dialog onto a profile not there yet
        assert not [w for w in app.dialogs.values() if isinstance(w, QDialog)]
        held.go.set()
        wait_idle(qtbot, app)
        qtbot.waitUntil(lambda: not app.dispatcher.busy(), timeout=10_000)
        shown = entries(app.tray.menu)
        assert shown[0] == f"{RC}: Available"
        assert "Starting the demo…" not in shown
        assert "Demo mode: nothing leaves this computer" in entries(submenu(find(app.tray.menu, "More")))
    finally:
        app.shutdown()
    assert app.demo_session is None  # closed at quit with everything else


def test_quitting_while_the_demo_starts_leaves_no_demo_behind(qtbot: QtBot, held: HeldDemo) -> None:
    app = starting_app(held)
    assert held.entered.wait(10)
    app.shutdown()  # quit while the worker builds it: nobody will take the session it builds
    held.go.set()
    qtbot.waitUntil(lambda: bool(held.sessions), timeout=10_000)
    qtbot.waitUntil(lambda: not Path(held.sessions[0].root).exists(), timeout=10_000)
    with pytest.raises(RuntimeError):
        _ = held.sessions[0].server.port  # stopped
