"""How the menu and the window look with long names and little room (issue 11): long status names are
elided with the whole text in the tooltip, and a menu taller than the screen scrolls, in one column."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from tests.qt.conftest import FakeService, entries, find, start_tray_and_look, submenu, three_views, view
from tests.qt.test_menu import render
from trayapp.core.models import CurrentStatus, CustomStatus, ServiceKind, Snapshot
from trayapp.qt.controller import Controller
from trayapp.qt.dispatcher import Dispatcher
from trayapp.qt.window import StatusWindow

LONG = (
    "Working on the quarterly planning document with the whole product team, please do not "
    "disturb unless it is really urgent and cannot wait until tomorrow"
)


def long_views() -> Snapshot:
    rc, cb, ss = three_views()
    status = CustomStatus("long", LONG, "busy")
    rc = replace(rc, statuses=(*rc.statuses, status), current=CurrentStatus(None, "long", LONG, LONG))
    return Snapshot((rc, cb, ss))


def test_long_status_names_are_elided_in_the_menu_with_the_whole_name_in_the_tooltip(qapp: object) -> None:
    menu, _ = render(long_views())
    header = menu.actions()[0]
    assert header.text().startswith("Rocket.Chat (rocket-user): Working on the quarterly")
    assert len(header.text()) < 90 and header.text().endswith("…")
    assert LONG in header.toolTip()
    sub = submenu(find(menu, "Rocket.Chat (rocket-user)"))
    shown = [e for e in entries(sub) if "Working" in e]
    assert len(shown) == 1 and shown[0].endswith("…") and len(shown[0]) <= 4 + 48
    action = next(a for a in sub.actions() if "Working" in a.text())
    assert action.toolTip() == LONG
    # It was ~1075 px wide with the whole name.
    assert menu.sizeHint().width() < 560 and sub.sizeHint().width() < 560


def test_long_status_names_are_elided_in_the_window(qtbot: QtBot) -> None:
    controller = Controller(FakeService(long_views()), Dispatcher())  # type: ignore[arg-type]
    controller.load_now()
    menu, _ = render(long_views())
    window = StatusWindow(controller, menu, lambda _t: None, lambda: None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _icon, text, _error = window._line_widgets[0]
    assert text.text().endswith("…") and LONG in text.toolTip()
    assert text.height() >= text.heightForWidth(text.width())  # no line cut off
    assert window.width() < 700


def test_a_menu_taller_than_the_screen_scrolls_in_one_column(qapp: object) -> None:
    screen = QGuiApplication.primaryScreen().availableGeometry()
    many = tuple(
        view(ServiceKind.ROCKETCHAT, f"rocket{i}", [CustomStatus("s", "Lunch", "away")]) for i in range(60)
    )
    menu, _ = render(Snapshot(many))
    menu.adjustSize()
    visible = [a for a in menu.actions() if a.isVisible()]
    assert len(visible) * 20 > screen.height()  # taller than the screen
    columns = {menu.actionGeometry(a).x() for a in visible}
    assert len(columns) == 1, "the menu opened a second column"
    assert menu.actionGeometry(visible[-1]).bottom() > screen.height()  # reached by scrolling


def test_the_started_trays_menus_scroll_though_their_style_comes_behind_the_icon(tmp_path: Path) -> None:
    # The real start (trayapp.qt.app.run) gives its menus their scrolling style at the first turn of
    # the loop, behind the icon: every menu made before that has it too.
    seen = start_tray_and_look(tmp_path, {})
    assert seen["tray_menus"] >= 2 and seen["menus_scroll"] == [True]
