"""What the tray does differently on macOS (Cocoa) and Windows, driven through the icon's own signals with
the platform named, on the offscreen platform."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from tests.qt.conftest import NOON, FakeService, FixedClock, three_views
from tests.qt.test_menu import Recorder
from trayapp.core.models import OverallState, Snapshot
from trayapp.qt import icons
from trayapp.qt import tray as tray_module
from trayapp.qt.controller import Controller
from trayapp.qt.dispatcher import Dispatcher
from trayapp.qt.tray import Tray

Reason = QSystemTrayIcon.ActivationReason


@pytest.fixture
def controller(qtbot: QtBot) -> Iterator[Controller]:
    controller = Controller(FakeService(Snapshot(three_views())), Dispatcher(), clock=FixedClock(NOON))  # type: ignore[arg-type]
    controller.load_now()
    yield controller
    controller.dispatcher.shutdown()


def watch(tray: Tray, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[QPoint]]:
    primaries: list[str] = []
    popups: list[QPoint] = []
    tray.primary.connect(lambda: primaries.append("primary"))
    monkeypatch.setattr(tray.menu, "popup", lambda at, *_: popups.append(at))
    return primaries, popups


def test_on_macos_every_click_opens_the_menu_and_never_a_window(
    controller: Controller, monkeypatch: pytest.MonkeyPatch
) -> None:
    tray = Tray(controller, Recorder(), platform="cocoa")
    primaries, popups = watch(tray, monkeypatch)
    # The menu is not handed to Qt's Cocoa tray (whose menu tracking aborts on macOS 26+)...
    assert tray.icon.contextMenu() is None
    # ...and each click (left, right / control-click) pops it up instead of opening the status window.
    tray.icon.activated.emit(Reason.Trigger)
    tray.icon.activated.emit(Reason.Context)
    tray.icon.activated.emit(Reason.DoubleClick)  # the first click of the two has opened it already
    assert primaries == [] and len(popups) == 2


def test_elsewhere_the_host_has_the_menu_and_a_left_click_is_the_primary_action(
    controller: Controller, monkeypatch: pytest.MonkeyPatch
) -> None:
    tray = Tray(controller, Recorder(), platform="xcb")
    primaries, popups = watch(tray, monkeypatch)
    assert tray.icon.contextMenu() is tray.menu
    tray.icon.activated.emit(Reason.Trigger)
    tray.icon.activated.emit(Reason.MiddleClick)
    tray.icon.activated.emit(Reason.Context)  # the host (or Qt) shows the context menu itself
    assert primaries == ["primary", "primary"] and popups == []


def test_on_windows_a_failed_add_is_retried_then_the_window_takes_over(
    qtbot: QtBot, controller: Controller, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tray_module, "ADD_RETRIES_S", (0.02, 0.02, 0.02))
    tray = Tray(controller, Recorder(), platform="windows")
    adds: list[str] = []
    real_show = tray.icon.show

    def add() -> None:
        adds.append("NIM_ADD")
        real_show()

    monkeypatch.setattr(tray.icon, "show", add)
    with qtbot.waitSignal(tray.lost, timeout=3000):
        tray.show()  # offscreen: the icon never gets a place, as when Explorer's taskbar is not up
    assert adds == ["NIM_ADD", "NIM_ADD", "NIM_ADD"] and tray.given_up


def test_on_windows_an_icon_that_got_its_place_is_left_alone(
    qtbot: QtBot, controller: Controller, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tray_module, "ADD_RETRIES_S", (0.02, 0.02, 0.02))
    tray = Tray(controller, Recorder(), platform="windows")
    monkeypatch.setattr(tray.icon, "geometry", lambda: QRect(1800, 1040, 24, 24))
    lost: list[bool] = []
    tray.lost.connect(lambda: lost.append(True))
    tray.show()
    qtbot.wait(150)
    assert not lost and not tray.given_up


def test_the_windows_taskbar_icon_is_drawn_at_the_pixels_it_asks_for(qtbot: QtBot) -> None:
    """At 150 % the taskbar asks for 24 px (already device pixels): Qt must not get a 36 px bitmap."""
    taskbar = icons.state_icon(OverallState.AVAILABLE, mask=False, device_pixels=True)
    pixmap = taskbar.pixmap(QSize(24, 24), 1.5)
    assert (pixmap.width(), pixmap.devicePixelRatio()) == (24, 1.0)
    hidpi = icons.state_icon(OverallState.AVAILABLE, mask=False).pixmap(QSize(24, 24), 1.5)
    assert (hidpi.width(), hidpi.devicePixelRatio()) == (36, 1.5)  # menus and other hosts: HiDPI as before


def test_on_windows_the_status_window_appears_when_the_icon_cannot_be_added(
    qtbot: QtBot, service: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QGuiApplication

    from trayapp.qt.app import TrayApp

    monkeypatch.setattr(tray_module, "ADD_RETRIES_S", (0.02, 0.02, 0.02))
    monkeypatch.setattr(QGuiApplication, "platformName", staticmethod(lambda: "windows"))
    app = TrayApp(service, tray_wait_s=600, first_run_dialog=False)  # type: ignore[arg-type]
    app.start()
    qtbot.waitUntil(lambda: app.window is not None and app.window.isVisible(), timeout=3000)
    assert not app.tray_available()
    assert app.window is not None and app.window.hint.isVisible()  # says why there is no icon
    app.shutdown()
