"""The account line says when Rocket.Chat shows something other than what was set (issue 13, item 4)."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from tests.qt.conftest import NOON, FakeService, FixedClock, entries, three_views
from tests.qt.test_menu import Recorder
from trayapp.core.models import Snapshot
from trayapp.qt.controller import Controller
from trayapp.qt.dispatcher import Dispatcher
from trayapp.qt.tray import Tray

NO_CLIENT = "Rocket.Chat shows you offline until a Rocket.Chat client is open."


def test_the_account_line_says_nobody_sees_the_status(qtbot: QtBot) -> None:
    rc, cb, ss = three_views()
    assert rc.current is not None
    rc = replace(rc, current=replace(rc.current, notice=NO_CLIENT))
    controller = Controller(FakeService(Snapshot((rc, cb, ss))), Dispatcher(), clock=FixedClock(NOON))  # type: ignore[arg-type]
    controller.load_now()
    tray = Tray(controller, Recorder())
    assert entries(tray.menu)[0] == f"Rocket.Chat (rocket-user): Lunch (away) — {NO_CLIENT}"
    assert tray.icon.toolTip().splitlines()[1] == entries(tray.menu)[0]
    controller.dispatcher.shutdown()
