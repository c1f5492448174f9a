"""The menu fits (issues 15, 16, 20): at most 14 top-level entries with three accounts and a running timed
change, no submenu over 20 entries however many statuses there are, availabilities as one exclusive
choice, every submenu filled before anyone opens it, and Quit one level down."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from tests.qt.conftest import NOON, FakeService, FixedClock, entries, find, label, submenu, three_views, view
from tests.qt.test_menu import Recorder
from trayapp.core.models import Availability, CurrentStatus, CustomStatus, ServiceKind, Snapshot
from trayapp.qt.controller import Controller
from trayapp.qt.dispatcher import Dispatcher
from trayapp.qt.menu import MenuReconciler, MenuState, Shortcut, Target, build_menu, make_menu
from trayapp.qt.tray import Tray

END = NOON + timedelta(hours=1)


def busy_day(statuses_each: int = 2) -> Snapshot:
    """Three accounts, one timed change running on all of them, and `statuses_each` statuses each."""
    views = []
    for v in three_views():
        statuses = tuple(CustomStatus(f"{v.account.name}{i}", f"Status {i}") for i in range(statuses_each))
        current = CurrentStatus(Availability.AWAY, statuses[0].id, statuses[0].name)
        views.append(
            replace(v, statuses=statuses, current=current, until=END, active_entry="e1", active_label="Away")
        )
    return Snapshot(tuple(views))


SHORTCUTS = MenuState(
    presets=tuple(Shortcut(f"p{i}", f"Preset {i}") for i in range(30)),
    recents=tuple(Shortcut(f"r{i}", f"Recent {i}") for i in range(5)),
    more_presets=True,
)


def as_is(menu: QMenu) -> list[str]:
    """What the menu holds right now, without opening it (conftest.entries sends aboutToShow first)."""
    shown = [a for a in menu.actions() if a.isVisible()]
    return ["---" if a.isSeparator() else ("[x] " if a.isChecked() else "") + label(a) for a in shown]


def visible(menu: QMenu) -> list[QAction]:
    return [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]


def walk(menu: QMenu) -> list[QMenu]:
    out = [menu]
    for action in visible(menu):
        sub = action.menu()
        if isinstance(sub, QMenu):
            out.extend(walk(sub))
    return out


def render(snapshot: Snapshot, state: MenuState = SHORTCUTS) -> tuple[QMenu, Recorder]:
    menu, recorder = make_menu(), Recorder()
    MenuReconciler(menu).sync(build_menu(snapshot, state, recorder, FixedClock(NOON)))
    return menu, recorder


def test_three_accounts_and_a_running_change_fit_in_14_entries(qapp: object) -> None:
    menu, recorder = render(busy_day())
    top = [e for e in as_is(menu) if e != "---"]
    assert len(top) <= 14, top
    until = f"until {END.astimezone():%H:%M}"
    assert top == [
        f"Rocket.Chat (rocket-user): Status 0 (away), {until}",
        f"Callbell (callbell-user): Status 0 (away), {until}",
        f"Smartsheet RM (smartsheet-user): Status 0 (away), {until}",
        f"“Away” {until}",
        "Presets and recent",
        "Available",
        "[x] Away",
        "Busy",
        "Offline",
        "Set a status…",
        "Clear status",
        "More",
    ]
    assert as_is(submenu(find(menu, f"“Away” {until}"))) == ["End now", "Keep 15 min longer"]
    find(menu, "Presets and recent", "Recent 2").trigger()
    assert recorder.calls[-1] == ("apply_shortcut", "r2")
    find(menu, "Presets and recent", "All presets…").trigger()
    assert recorder.calls[-1] == ("set_status", "")
    assert as_is(submenu(find(menu, "Presets and recent")))[-4:] == [
        "---",
        "All presets…",
        "New preset…",
        "Edit presets…",
    ]


def test_no_submenu_holds_more_than_20_entries_with_1000_statuses_each(qapp: object) -> None:
    menu, recorder = render(busy_day(statuses_each=1000))
    for sub in walk(menu):
        assert len(visible(sub)) <= 20, (sub.title(), len(visible(sub)))
    rc = find(menu, "Rocket.Chat (rocket-user)").menu()
    assert isinstance(rc, QMenu)
    shown = as_is(rc)
    assert shown[0] == "[x] Status 0" and shown[-2:] == ["---", "All statuses (1000)…"]
    find(menu, "Rocket.Chat (rocket-user)", "All statuses (1000)…").trigger()
    assert recorder.calls[-1] == ("set_status", "Rocket.Chat (rocket-user)")  # the picker, on that account


def test_the_current_status_is_in_its_accounts_list_even_far_down(qapp: object) -> None:
    statuses = [CustomStatus(f"s{i}", f"Status {i}") for i in range(500)]
    rc = view(
        ServiceKind.ROCKETCHAT, "rocket", statuses, CurrentStatus(Availability.BUSY, "s400", "Status 400")
    )
    menu, _ = render(Snapshot((rc,)))
    sub = find(menu, "Rocket.Chat (rocket-user)").menu()
    assert isinstance(sub, QMenu)
    assert "[x] Status 400" in as_is(sub) and len(visible(sub)) <= 20


def test_quit_is_never_at_the_top_level(qapp: object) -> None:
    """A repeated click on the icon lands on the top level (issue 20): Quit is the last entry of More."""
    for snapshot in (busy_day(), Snapshot(())):
        menu, _ = render(snapshot)
        assert "Quit" not in as_is(menu)
        more = find(menu, "More").menu()
        assert isinstance(more, QMenu) and as_is(more)[-1] == "Quit"


def test_availabilities_are_one_exclusive_choice(qapp: object) -> None:
    menu, recorder = render(Snapshot(three_views()))
    avail = [find(menu, a.label) for a in Availability]
    groups = {a.actionGroup() for a in avail}
    assert len(groups) == 1
    group = groups.pop()
    assert group is not None and group.isExclusive()
    assert [a.isChecked() for a in avail] == [False, True, False, False]
    # A click asks for Busy; the check stays on Away (and only there) until the service confirms.
    find(menu, "Busy").trigger()
    assert recorder.calls[-1][0] == "apply"
    assert [a.isChecked() for a in avail] == [False, True, False, False]
    # Each account's statuses are one exclusive choice too.
    rc = find(menu, "Rocket.Chat (rocket-user)").menu()
    assert isinstance(rc, QMenu)
    rc_group = {a.actionGroup() for a in visible(rc)}
    assert len(rc_group) == 1 and None not in rc_group and rc_group != {group}


def test_accounts_that_disagree_leave_every_availability_unchecked(qapp: object) -> None:
    rc, cb, ss = three_views()
    cb = replace(cb, current=CurrentStatus(Availability.AVAILABLE))
    menu, _ = render(Snapshot((rc, cb, ss)))
    assert not any(find(menu, a.label).isChecked() for a in Availability)


def test_submenus_are_filled_before_anyone_opens_them(qtbot: QtBot) -> None:
    """Issue 20: a submenu filled only on aboutToShow may be placed while empty (off-screen on Plasma).
    Every submenu holds its entries as soon as the snapshot is shown, and follows each update, with no
    aboutToShow at all."""
    service = FakeService(busy_day())
    controller = Controller(service, Dispatcher(), clock=FixedClock(NOON))  # type: ignore[arg-type]
    controller.load_now()
    tray = Tray(controller, Recorder())
    rc = tray.reconciler.action("hdr:rocket").menu()
    more = tray.reconciler.action("more").menu()
    assert isinstance(rc, QMenu) and isinstance(more, QMenu)
    assert as_is(rc) == ["[x] Status 0", "Status 1"]
    assert as_is(more)[-1] == "Quit"
    # An update while closed: a renamed status and a new current one, there at once.
    rc_view, cb, ss = service.snap.accounts
    renamed = (CustomStatus("rocket0", "Long lunch"), CustomStatus("rocket2", "Focus"))
    service.snap = Snapshot(
        (
            replace(rc_view, statuses=renamed, current=CurrentStatus(Availability.BUSY, "rocket2", "Focus")),
            cb,
            ss,
        )
    )
    controller.load_now()
    assert as_is(rc) == ["Long lunch", "[x] Focus"]
    assert tray.reconciler.action("hdr:rocket").menu() is rc  # the same submenu, updated in place
    controller.dispatcher.shutdown()


def test_entries_match_what_a_click_applies(qapp: object) -> None:
    menu, recorder = render(Snapshot(three_views()), MenuState())
    # No presets yet, no recent changes: the submenu offers to make a preset.
    assert entries(submenu(find(menu, "Presets and recent"))) == ["New preset…"]
    find(menu, "Callbell (callbell-user)", "📅 Meeting").trigger()
    kind, target = recorder.calls[-1]
    assert kind == "apply" and isinstance(target, Target) and target.names == ("callbell",)
