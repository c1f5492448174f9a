"""The running tray with the real service and the demo server: it picks up `trayapp auto lock on` from
auto.json, hears a lock from its listener, shows "Away while locked" in the menu, and "Pause automatic
status" puts the earlier status back (and "Resume" applies it again while still locked)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, ClassVar

from pytestqt.qtbot import QtBot

from tests.qt.conftest import entries, find, real_service, wait_idle
from trayapp.core.auto.config import PresenceSetting
from trayapp.demo import seed
from trayapp.demo.server import DemoServer
from trayapp.qt.app import TrayApp


class FakeWatch:
    """Stands for the D-Bus listeners: the test says what they hear (from another thread, as they do)."""

    made: ClassVar[list[FakeWatch]] = []

    def __init__(self, on_change: Callable[[str, bool], None]) -> None:
        self.on_change = on_change
        self.idle: list[int] = []
        FakeWatch.made.append(self)

    def start(self, on_ready: Callable[[Sequence[str]], None]) -> None:
        on_ready(("fake screensaver",))

    def set_idle(self, minutes: int) -> None:
        self.idle.append(minutes)

    def stop(self) -> None:
        pass


def auto_lines(app: TrayApp) -> list[str]:
    return [e for e in entries(app.tray.menu) if e.endswith("automatic status") or e.startswith("Away while")]


def test_lock_shows_in_the_menu_and_pause_puts_the_status_back(
    qtbot: QtBot, tray_app: TrayApp, demo: DemoServer
) -> None:
    import threading

    app = tray_app
    FakeWatch.made.clear()
    app.autowatch._factory = FakeWatch
    service = real_service(app)
    before = demo.rc_user(seed.RC_ALICE_ID)
    service.update_auto(lambda c: replace(c, lock=PresenceSetting(on=True)))  # as `trayapp auto lock on`
    qtbot.waitUntil(lambda: bool(FakeWatch.made), timeout=30_000)
    qtbot.waitUntil(lambda: auto_lines(app) == ["Pause automatic status"], timeout=30_000)

    heard: Any = threading.Thread(target=FakeWatch.made[0].on_change, args=("locked", True))
    heard.start()
    heard.join()
    qtbot.waitUntil(lambda: demo.rc_user(seed.RC_ALICE_ID)["status"] == "away", timeout=30_000)
    wait_idle(qtbot, app)
    qtbot.waitUntil(lambda: len(auto_lines(app)) == 2, timeout=30_000)
    line, pause = auto_lines(app)
    assert line.startswith("Away while locked on ") and "Smartsheet" not in line
    assert pause == "Pause automatic status"

    find(app.tray.menu, "Pause automatic status").trigger()
    qtbot.waitUntil(lambda: demo.rc_user(seed.RC_ALICE_ID)["status"] == before["status"], timeout=30_000)
    wait_idle(qtbot, app)
    qtbot.waitUntil(lambda: auto_lines(app) == ["Resume automatic status"], timeout=30_000)
    assert service.auto_config().paused
    assert "'Away while locked' is over; the previous status is back." in " ".join(entries(app.tray.menu))

    find(app.tray.menu, "Resume automatic status").trigger()
    qtbot.waitUntil(lambda: demo.rc_user(seed.RC_ALICE_ID)["status"] == "away", timeout=30_000)
