"""The running tray with the real service and the demo server, hearing a lock, a sleep and their ends
from the Windows and the macOS listeners (WindowsWatch, MacWatch: their real logic, with the system
calls faked in their function tables, as Windows' window messages and macOS' notifications would
arrive): lock -> Away on the chat account, unlock -> the exact earlier status and message; sleep ->
Away and the suspend let go once it is sent, wake -> back. And a system that hears no lock says so in
the menu."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.auto.test_platform_watch import FakeMac, FakeWindow
from tests.qt.conftest import entries, real_service, wait_idle
from trayapp.core.auto.config import PresenceSetting
from trayapp.core.models import Availability, ChangeKind, StatusChange
from trayapp.demo import seed
from trayapp.demo.server import DemoServer
from trayapp.qt.app import TrayApp
from trayapp.screenwatch import macos, windows
from trayapp.screenwatch.macos import MacWatch
from trayapp.screenwatch.windows import WindowsWatch

REVIEWING = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.BUSY, message="Reviewing PRs")


class Desktop:
    """One platform's fake system: makes the watch, and says lock/unlock/sleep/wake as it would."""

    def __init__(self, platform: str) -> None:
        self.platform = platform
        self.window = FakeWindow()
        self.mac = FakeMac()
        self.watches: list[Any] = []

    def factory(self, on_change: Callable[[str, bool], None]) -> Any:
        watch: Any = (
            WindowsWatch(on_change, api=self.window.api())
            if self.platform == "windows"
            else MacWatch(on_change, api=self.mac.api())
        )
        self.watches.append(watch)
        return watch

    def _say(self, message: Any) -> None:  # from the system's side: another thread
        if self.platform == "windows":
            self.window.post(*message)
            return
        if isinstance(message, str):  # the distributed center, delivered on the main run loop
            self.mac.post(message)
        else:
            self.mac.inbox.put(message)

    def lock(self) -> None:
        W, M = windows, macos
        self._say(
            (W.WM_WTSSESSION_CHANGE, W.WTS_SESSION_LOCK) if self.platform == "windows" else M.SCREEN_LOCKED
        )

    def unlock(self) -> None:
        W, M = windows, macos
        self._say(
            (W.WM_WTSSESSION_CHANGE, W.WTS_SESSION_UNLOCK)
            if self.platform == "windows"
            else M.SCREEN_UNLOCKED
        )

    def sleep(self) -> None:
        W, M = windows, macos
        self._say(
            (W.WM_POWERBROADCAST, W.PBT_APMSUSPEND) if self.platform == "windows" else M.IO_SYSTEM_WILL_SLEEP
        )

    def wake(self) -> None:
        W, M = windows, macos
        self._say(
            (W.WM_POWERBROADCAST, W.PBT_APMRESUMEAUTOMATIC)
            if self.platform == "windows"
            else M.IO_SYSTEM_HAS_POWERED_ON
        )

    def sleep_let_go(self) -> bool:
        """The suspend went on: the window procedure / power callback returned."""
        handled: Any = self.window.handled if self.platform == "windows" else self.mac.handled
        while True:
            message = handled.get(timeout=30)
            if message in ((windows.WM_POWERBROADCAST, windows.PBT_APMSUSPEND), macos.IO_SYSTEM_WILL_SLEEP):
                return True


def rc(demo: DemoServer) -> tuple[str, str]:
    user = demo.rc_user(seed.RC_ALICE_ID)
    return user["status"], user["statusText"]


def auto_lines(app: TrayApp) -> list[str]:
    return [e for e in entries(app.tray.menu) if "automatic status" in e or e.startswith("Away wh")]


@pytest.mark.parametrize("platform", ["windows", "macos"])
def test_lock_and_sleep_on_windows_and_macos_put_back_the_exact_status(
    qtbot: QtBot, tray_app: TrayApp, demo: DemoServer, platform: str
) -> None:
    app = tray_app
    desktop = Desktop(platform)
    app.autowatch._factory = desktop.factory
    service = real_service(app)
    assert all(r.ok for r in service.apply(REVIEWING, ["rocket"]))
    assert rc(demo) == ("busy", "Reviewing PRs")
    service.update_auto(lambda c: replace(c, lock=PresenceSetting(on=True)))  # as `trayapp auto lock on`
    qtbot.waitUntil(lambda: bool(desktop.watches and desktop.watches[0].sources), timeout=30_000)

    desktop.lock()
    qtbot.waitUntil(lambda: rc(demo)[0] == "away", timeout=30_000)
    wait_idle(qtbot, app)
    qtbot.waitUntil(
        lambda: any(e.startswith("Away while locked on ") for e in auto_lines(app)), timeout=30_000
    )
    desktop.unlock()
    qtbot.waitUntil(lambda: rc(demo) == ("busy", "Reviewing PRs"), timeout=30_000)

    threading.Thread(target=desktop.sleep).start()
    qtbot.waitUntil(lambda: rc(demo)[0] == "away", timeout=30_000)
    assert desktop.sleep_let_go()
    desktop.wake()
    qtbot.waitUntil(lambda: rc(demo) == ("busy", "Reviewing PRs"), timeout=30_000)
    wait_idle(qtbot, app)


class DeafWatch:
    """A system where nothing tells a lock or idle time (a Windows without session notifications)."""

    idle_source: str | None = ""

    def __init__(self, on_change: Callable[[str, bool], None]) -> None:
        self.on_change = on_change

    def start(self, on_ready: Callable[[Sequence[str]], None]) -> None:
        on_ready(())

    def set_idle(self, minutes: int) -> None:
        pass

    def stop(self) -> None:
        pass


def test_the_menu_says_when_this_system_cannot_tell_a_lock_or_idle(qtbot: QtBot, tray_app: TrayApp) -> None:
    app = tray_app
    app.autowatch._factory = DeafWatch
    service = real_service(app)
    service.update_auto(lambda c: replace(c, lock=PresenceSetting(on=True)))
    qtbot.waitUntil(
        lambda: "Away while locked: not available on this system" in auto_lines(app), timeout=30_000
    )
    service.update_auto(lambda c: replace(c, idle=replace(c.idle, minutes=10)))
    qtbot.waitUntil(lambda: "Away when idle: not available on this system" in auto_lines(app), timeout=30_000)
    service.update_auto(lambda c: replace(c, lock=PresenceSetting(on=False), idle=replace(c.idle, minutes=0)))
    qtbot.waitUntil(lambda: not any("not available" in e for e in auto_lines(app)), timeout=30_000)
