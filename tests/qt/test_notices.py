"""Notices reach the desktop's notification server whether or not there is a tray: the app (offscreen,
so no tray host) shows its window instead, and a failed change from the window's own button still pops
up, from "trayapp", once. A real server (dunst on Xvfb) on a private session bus; dbus-monitor records."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot

from tests.integration import xtray
from tests.integration.notifyd import NotifyCapture, start_dunst
from trayapp.core.service import StatusService
from trayapp.demo.server import DemoServer
from trayapp.notifier import Notifier
from trayapp.qt.app import TrayApp
from trayapp.qt.notifications import DesktopNotices

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="Xvfb and D-Bus are Linux-only")


@pytest.fixture
def desktop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[NotifyCapture]:
    """A private session bus with dunst on it, recorded; the app under test finds it as a desktop
    session's bus (DBUS_SESSION_BUS_ADDRESS)."""
    xtray.require("none")
    (tmp_path / "x").mkdir()
    with xtray.TraySession(tmp_path / "x", host="none", bus="bare") as session:
        start_dunst(session)
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session.bus)
        with NotifyCapture(session, tmp_path) as capture:
            yield capture


def test_the_no_tray_window_notifies(
    qtbot: QtBot, service: StatusService, demo: DemoServer, desktop: NotifyCapture
) -> None:
    app = TrayApp(service, tray_wait_s=0.2, first_run_dialog=False)
    app.start()
    try:
        qtbot.waitUntil(lambda: app.window is not None and app.window.isVisible(), timeout=10_000)
        assert app.window is not None and not app.tray_available()
        qtbot.waitUntil(lambda: not app.dispatcher.busy(), timeout=10_000)
        demo.set_fault("404", service="rocketchat")  # a refusal: one failure, no retry
        busy = next(b for b in app.window.findChildren(QRadioButton) if b.text() == "Busy")
        qtbot.mouseClick(busy, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(desktop.answered(os.getpid())) >= 1, timeout=20_000)
        [notice] = desktop.from_pid(os.getpid())
        assert notice.app_name == "trayapp"
        assert notice.summary == "Could not set Busy"
        assert notice.body.startswith("Rocket.Chat (alice): ")
        assert desktop.errors == []
    finally:
        app.shutdown()


def test_with_no_notification_server_an_xembed_icon_shows_its_own_balloon(qtbot: QtBot) -> None:
    """No bus (or no server on it): the notice comes back from the notifier's thread to the GUI thread and
    goes to the tray icon's own balloon, where that is allowed (an XEmbed icon), and nowhere otherwise."""
    shown: list[tuple[str, str, bool]] = []
    allowed = [True]
    notices = DesktopNotices(
        lambda title, text, error: shown.append((title, text, error)),
        lambda: allowed[0],
        notifier=Notifier("trayapp", address="disabled:"),
    )
    try:
        notices.show("Could not set Busy", "Rocket.Chat (alice): refused", True)
        qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
        assert shown == [("Could not set Busy", "Rocket.Chat (alice): refused", True)]
        allowed[0] = False  # a StatusNotifierItem host: showMessage would turn the item NeedsAttention
        notices.show("Status restored", "Available", False)
        assert notices.notifier is not None and notices.notifier.wait_idle(10)
        QCoreApplication.processEvents()  # the fallback was queued before the notifier went idle
        assert len(shown) == 1
    finally:
        notices.close()


@pytest.mark.parametrize("platform", ["win32", "darwin", "linux-without-jeepney"])
def test_windows_macos_and_a_missing_dbus_client_use_the_tray_icon(
    platform: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """jeepney is a dependency on Linux only: where it is missing the app still starts and notifies."""
    if platform == "linux-without-jeepney":
        for name in ("trayapp.notifier", "trayapp.sessionbus", "jeepney"):
            monkeypatch.delitem(sys.modules, name, raising=False)
        monkeypatch.setitem(sys.modules, "jeepney", None)  # import jeepney raises ImportError
    shown: list[tuple[str, str, bool]] = []
    notices = DesktopNotices(
        lambda title, text, error: shown.append((title, text, error)),
        lambda: False,
        platform="linux" if platform.startswith("linux") else platform,
    )
    notices.show("Status restored", "Available", False)
    assert shown == [("Status restored", "Available", False)]
    assert notices.notifier is None
    notices.close()
