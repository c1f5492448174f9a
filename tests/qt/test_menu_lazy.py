"""Lazily filled submenus: the status lists and everything under "Set for…" are filled when about to show,
and never show entries older than the last update."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from tests.qt.conftest import NOON, FixedClock, entries, find, label, three_views, view
from tests.qt.test_menu import Recorder
from trayapp.core.models import (
    AccountView,
    Availability,
    CurrentStatus,
    CustomStatus,
    ServiceKind,
    Snapshot,
)
from trayapp.qt.menu import INLINE_STATUSES, MenuReconciler, MenuState, Target, build_menu, make_menu

RC = "Rocket.Chat (rocket-user)"


class Menu:
    """One persistent menu, updated from snapshots as the tray does."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.menu = make_menu()
        self.reconciler = MenuReconciler(self.menu)
        self.recorder = Recorder()
        self.update(snapshot)

    def update(self, snapshot: Snapshot) -> None:
        self.reconciler.sync(build_menu(snapshot, MenuState(), self.recorder, FixedClock(NOON)))

    def submenu(self, *path: str) -> QMenu:
        sub = find(self.menu, *path).menu()
        assert isinstance(sub, QMenu)
        return sub

    def last(self, kind: str) -> Target:
        done, target = self.recorder.calls[-1]
        assert done == kind and isinstance(target, Target)
        return target

    def last_for(self) -> tuple[Target, datetime]:
        done, args = self.recorder.calls[-1]
        assert done == "apply_for" and isinstance(args, tuple)
        target, end = args
        assert isinstance(target, Target) and isinstance(end, datetime)
        return target, end


def as_is(menu: QMenu) -> list[str]:
    """What the menu holds right now, without opening it (conftest.entries opens it first)."""
    shown = [a for a in menu.actions() if a.isVisible()]
    return ["---" if a.isSeparator() else ("[x] " if a.isChecked() else "") + label(a) for a in shown]


def open_menu(qtbot: QtBot, menu: QMenu) -> None:
    qtbot.addWidget(menu)  # closed after the test
    menu.popup(QPoint(0, 0))
    qtbot.waitUntil(menu.isVisible)


def rocket(statuses: list[CustomStatus], current: str = "") -> AccountView:
    cur = next((s for s in statuses if s.id == current), None)
    status = (
        CurrentStatus(Availability.AWAY, cur.id, cur.name) if cur else CurrentStatus(Availability.AVAILABLE)
    )
    return view(ServiceKind.ROCKETCHAT, "rocket", statuses, status)


def many(n: int) -> list[CustomStatus]:
    return [CustomStatus(f"s{i}", f"Status {i}") for i in range(n)]


def test_submenus_are_empty_until_opened_then_filled(qtbot: QtBot) -> None:
    m = Menu(Snapshot(three_views()))
    rc_list, set_for = m.submenu(RC), m.submenu("Set for…")
    assert as_is(rc_list) == [] and as_is(set_for) == []  # nothing built for them yet
    open_menu(qtbot, rc_list)
    assert as_is(rc_list) == ["[x] Lunch", "In a call"]
    assert as_is(set_for) == []  # only what was opened
    set_for.aboutToShow.emit()  # what Qt emits for a DBusMenu host's AboutToShow
    assert as_is(set_for)[:5] == ["Available", "Away", "Busy", "Offline", "---"]
    assert as_is(m.submenu("Set for…", RC)) == []  # one level at a time


def test_an_update_while_closed_shows_on_the_next_opening(qapp: object) -> None:
    rc, cb, ss = three_views()
    m = Menu(Snapshot((rc, cb, ss)))
    rc_list = m.submenu(RC)
    assert entries(rc_list) == ["[x] Lunch", "[ ] In a call"]
    lunch = find(m.menu, RC, "Lunch")
    call_for = m.submenu("Set for…", RC, "In a call")
    assert entries(call_for)[1] == "1 hour"

    # "Lunch" renamed, "In a call" gone, a new status that is now the current one.
    rc2 = replace(
        rc,
        statuses=(CustomStatus("rc1", "Long lunch"), CustomStatus("rc3", "Focus")),
        current=CurrentStatus(Availability.BUSY, "rc3", "Focus"),
    )
    m.update(Snapshot((rc2, cb, ss)))
    assert entries(rc_list) == ["[ ] Long lunch", "[x] Focus"]
    assert find(m.menu, RC, "Long lunch") is lunch  # the same QAction, updated in place
    assert entries(m.submenu("Set for…", RC)) == ["Long lunch", "Focus"]
    assert not call_for.menuAction().isVisible()  # hidden, not deleted
    assert m.submenu("Set for…", RC, "Focus") is not call_for


def test_an_update_while_open_shows_at_once(qtbot: QtBot) -> None:
    rc, cb, ss = three_views()
    m = Menu(Snapshot((rc, cb, ss)))
    open_menu(qtbot, m.menu)
    set_for = m.submenu("Set for…")
    open_menu(qtbot, set_for)
    rc_for = m.submenu("Set for…", RC)
    open_menu(qtbot, rc_for)
    rc_list = m.submenu(RC)
    assert as_is(rc_for) == ["Lunch", "In a call"]

    rc2 = replace(
        rc, statuses=(*rc.statuses, CustomStatus("rc3", "Focus")), current=CurrentStatus(Availability.BUSY)
    )
    m.update(Snapshot((rc2, cb, ss)))
    assert as_is(rc_for) == ["Lunch", "In a call", "Focus"]  # no aboutToShow needed: it is open
    assert as_is(rc_list) == []  # closed and never opened: still not built
    rc_list.aboutToShow.emit()
    assert as_is(rc_list) == ["Lunch", "In a call", "Focus"]  # no check: nothing custom is current


def test_an_entry_of_a_lazily_filled_submenu_applies_that_status_for_that_long(qapp: object) -> None:
    rc, cb, ss = three_views()
    m = Menu(Snapshot((rc, cb, ss)))
    # action() opens the lazy submenus on its path, as the user would.
    m.reconciler.action("setfor", "for:acc:rocket", "for:st:rocket:rc2", "for:st:rocket:rc2:1h").trigger()
    target, end = m.last_for()
    assert target.names == ("rocket",) and target.change.status is not None
    assert target.change.status.name == "In a call"
    assert end == NOON + timedelta(hours=1)

    # Renamed since it was last opened: the entry applies the status as it is now.
    rc2 = replace(rc, statuses=(rc.statuses[0], CustomStatus("rc2", "On a call", "busy")))
    m.update(Snapshot((rc2, cb, ss)))
    find(m.menu, "Set for…", RC, "On a call", "Until end of today").trigger()
    target, end = m.last_for()
    assert target.label == f"On a call on {RC}" and end.date() == NOON.astimezone().date()
    find(m.menu, RC, "On a call").trigger()
    assert m.last("apply").label == f"On a call on {RC}"
    find(m.menu, "Set for…", "Busy", "Custom…").trigger()
    assert m.last("schedule_custom").label == "Busy"


def test_many_statuses_on_one_account_go_into_a_submenu(qapp: object) -> None:
    m = Menu(Snapshot((rocket(many(INLINE_STATUSES + 1), current="s3"),)))
    shown = entries(m.menu)
    assert not any(e.endswith("Status 0") for e in shown)
    assert shown[shown.index("[ ] Offline") + 1 : shown.index("Set for…")] == ["---", RC, "---"]
    statuses = entries(m.submenu(RC))
    assert len(statuses) == INLINE_STATUSES + 1 and statuses[3] == "[x] Status 3"
    assert entries(m.submenu("Set for…"))[-2:] == ["---", RC]  # "Set for…" nests them the same way
    find(m.menu, "Set for…", RC, f"Status {INLINE_STATUSES}", "30 minutes").trigger()
    target, end = m.last_for()
    assert target.change.status is not None and target.change.status.id == f"s{INLINE_STATUSES}"
    assert end == NOON + timedelta(minutes=30)

    # Back to a short list: inline again, the submenu hidden.
    m.update(Snapshot((rocket(many(INLINE_STATUSES), current="s3"),)))
    shown = entries(m.menu)
    assert RC not in shown and "[x] Status 3" in shown and f"[ ] Status {INLINE_STATUSES - 1}" in shown
    assert entries(m.submenu("Set for…"))[-INLINE_STATUSES:] == [
        f"Status {i}" for i in range(INLINE_STATUSES)
    ]
