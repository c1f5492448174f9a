"""The tray menu built from a snapshot: contents, check marks, pending and error states, in-place updates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from tests.qt.conftest import NOON, FakeService, FixedClock, entries, find, submenu, three_views, view
from trayapp.core.models import (
    Availability,
    ChangeKind,
    CurrentStatus,
    CustomStatus,
    OverallState,
    ServiceKind,
    Snapshot,
)
from trayapp.qt.controller import Controller
from trayapp.qt.dispatcher import Dispatcher
from trayapp.qt.menu import (
    MenuReconciler,
    MenuState,
    Target,
    build_menu,
    end_of_today,
    end_of_week,
    format_until,
    make_menu,
)
from trayapp.qt.tray import Tray


class Recorder:
    """MenuActions that only record what was asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []

    def apply(self, target: Target) -> None:
        self.calls.append(("apply", target))

    def apply_shortcut(self, key: str) -> None:
        self.calls.append(("apply_shortcut", key))

    def set_status(self, query: str = "") -> None:
        self.calls.append(("set_status", query))

    def edit_presets(self) -> None:
        self.calls.append(("edit_presets", None))

    def new_preset(self) -> None:
        self.calls.append(("new_preset", None))

    def clear(self) -> None:
        self.calls.append(("clear", None))

    def new_status(self) -> None:
        self.calls.append(("new_status", None))

    def refresh(self, names: Sequence[str] | None = None) -> None:
        self.calls.append(("refresh", names))

    def accounts(self, name: str | None = None) -> None:
        self.calls.append(("accounts", name))

    def end_scheduled(self, accounts: tuple[str, ...], entry_id: str) -> None:
        self.calls.append(("end_scheduled", (accounts, entry_id)))

    def cancel_scheduled(self, accounts: tuple[str, ...], entry_id: str) -> None:
        self.calls.append(("cancel_scheduled", (accounts, entry_id)))

    def extend_scheduled(self, accounts: tuple[str, ...], entry_id: str) -> None:
        self.calls.append(("extend_scheduled", (accounts, entry_id)))

    def toggle_autostart(self, enable: bool) -> None:
        self.calls.append(("autostart", enable))

    def quit(self) -> None:
        self.calls.append(("quit", None))


def render(
    snapshot: Snapshot, state: MenuState | None = None, now: datetime = NOON
) -> tuple[QMenu, Recorder]:
    menu = make_menu()
    recorder = Recorder()
    MenuReconciler(menu).sync(build_menu(snapshot, state or MenuState(), recorder, FixedClock(now)))
    return menu, recorder


RC_LINE = "Rocket.Chat (rocket-user): Lunch (away)"
CB_LINE = "Callbell (callbell-user): 🍙 Lunch (away)"
SS_LINE = "Smartsheet RM (smartsheet-user): Out of office (away)"
MORE = ["New status…", "Refresh", "Accounts…", "---", "[ ] Launch at login", "Quit"]


def test_three_accounts_menu_lists_everything(qapp: object) -> None:
    menu, recorder = render(Snapshot(three_views()))
    assert entries(menu) == [
        RC_LINE,
        CB_LINE,
        SS_LINE,
        "---",
        "Presets and recent",
        "---",
        "[ ] Available",
        "[x] Away",
        "[ ] Busy",
        "[ ] Offline",
        "Set a status…",
        "Clear status",
        "---",
        "More",
    ]
    # Each account's line opens its statuses: emoji shown where the service has them, current one checked.
    assert entries(find(menu, RC_LINE).menu()) == ["[x] Lunch", "[ ] In a call"]
    assert entries(find(menu, CB_LINE).menu()) == ["[x] 🍙 Lunch", "[ ] 📅 Meeting"]
    assert entries(find(menu, SS_LINE).menu()) == ["[ ] In the office", "[x] Out of office"]
    # Refresh, Accounts, Launch at login and Quit are one level down, Quit last.
    assert entries(find(menu, "More").menu()) == MORE
    # "Launch at login" stays disabled while its state is unknown.
    assert not find(menu, "More", "Launch at login").isEnabled()
    find(menu, "Set a status…").trigger()
    assert recorder.calls[-1] == ("set_status", "")
    find(menu, "More", "Quit").trigger()
    assert [name for name, _ in recorder.calls] == ["set_status", "quit"]


def test_availability_applies_to_every_account_that_has_it(qapp: object) -> None:
    menu, recorder = render(Snapshot(three_views()))
    busy = find(menu, "Busy")
    busy.trigger()
    kind, target = recorder.calls[-1]
    assert kind == "apply" and isinstance(target, Target)
    assert target.change.kind is ChangeKind.AVAILABILITY and target.change.availability is Availability.BUSY
    assert target.names == ("rocket",)  # only Rocket.Chat offers Busy
    assert "Callbell" in busy.toolTip() and "Smartsheet RM" in busy.toolTip()
    # The click does not move the check: the service has not confirmed anything yet.
    assert not busy.isChecked() and find(menu, "Away").isChecked()


def test_an_account_line_applies_one_of_its_statuses(qapp: object) -> None:
    rc = three_views()[0]
    menu, recorder = render(Snapshot((rc,)))
    find(menu, RC_LINE, "In a call").trigger()
    kind, target = recorder.calls[-1]
    assert kind == "apply" and isinstance(target, Target)
    assert target.names == ("rocket",) and target.change.status is not None
    assert target.change.status.name == "In a call"
    # The click does not move the check: the service has not confirmed anything yet.
    assert entries(find(menu, RC_LINE).menu()) == ["[x] Lunch", "[ ] In a call"]


def test_disagreeing_availabilities_check_nothing(qapp: object) -> None:
    rc, cb, ss = three_views()
    cb = replace(cb, current=CurrentStatus(Availability.AVAILABLE))
    menu, _ = render(Snapshot((rc, cb, ss)))
    assert [e for e in entries(menu) if e.startswith("[x]")] == []


def test_pending_change_shows_on_the_account_and_the_icon(qapp: object) -> None:
    rc, cb, ss = three_views()
    snapshot = Snapshot((replace(rc, pending="Busy"), cb, ss))
    menu, _ = render(snapshot)
    assert entries(menu)[0] == "Rocket.Chat (rocket-user): Lunch (away) → Busy…"
    assert snapshot.overall is OverallState.ATTENTION


def test_error_line_stays_visible_and_retries(qapp: object) -> None:
    rc, cb, ss = three_views()
    failing = replace(cb, error="Could not set Busy: Callbell did not answer in time.")
    menu, recorder = render(Snapshot((rc, failing, ss)))
    shown = entries(menu)
    line = "Could not set Busy: Callbell did not answer in time."
    assert shown[1:3] == [CB_LINE, line]
    find(menu, line).trigger()
    assert recorder.calls[-1] == ("refresh", ["callbell"])


def test_signed_out_account_points_to_accounts(qapp: object) -> None:
    rc, cb, ss = three_views()
    out = replace(rc, signed_out=True, error="Rocket.Chat rejected the token.")
    menu, recorder = render(Snapshot((out, cb, ss)))
    shown = entries(menu)
    assert shown[0] == "Rocket.Chat (rocket-user): token not accepted"
    assert shown[1] == "Rocket.Chat rejected the token. Fix it in Accounts…"
    assert "Rocket.Chat (rocket-user)" not in shown  # no statuses to pick while signed out
    find(menu, shown[1]).trigger()
    assert recorder.calls[-1] == ("accounts", "rocket")


def test_until_time_in_header_and_tooltip(qtbot: QtBot) -> None:
    rc, cb, ss = three_views()
    end = NOON + timedelta(hours=2)
    rc = replace(rc, until=end)  # the scheduler's end of the change in effect
    service = FakeService(Snapshot((rc, cb, ss)))
    controller = Controller(service, Dispatcher(), clock=FixedClock(NOON))  # type: ignore[arg-type]
    controller.load_now()
    tray = Tray(controller, Recorder())
    local = end.astimezone().strftime("%H:%M")
    header = entries(tray.menu)[0]
    assert header == f"Rocket.Chat (rocket-user): Lunch (away), until {local}"
    tip = tray.icon.toolTip().splitlines()
    assert tip[0] == "trayapp: Away"  # the overall state first (the heading on Plasma), as the icon
    assert tip[1] == header and tip[2].startswith("Callbell") and tip[3].startswith("Smartsheet RM")
    controller.dispatcher.shutdown()


def test_format_until_says_it_as_a_person_would() -> None:
    """Issue 16: "until 14:30", "until tomorrow 09:00", "until Friday", the year only when it differs."""
    now = datetime(2026, 3, 4, 12, 0).astimezone()  # a Wednesday
    assert format_until(now + timedelta(hours=1), now) == f"until {(now + timedelta(hours=1)):%H:%M}"
    assert format_until(now.replace(hour=23, minute=59), now) == "until the end of today"
    assert format_until(now.replace(day=5, hour=9), now) == "until tomorrow 09:00"
    assert format_until(now.replace(day=5, hour=23, minute=59, second=59), now) == "until tomorrow"
    assert format_until(now + timedelta(days=2), now) == "until Friday 12:00"
    assert format_until(now.replace(day=6, hour=23, minute=59), now) == "until Friday"
    assert format_until(now + timedelta(days=20), now) == f"until {(now + timedelta(days=20)):%d %b %H:%M}"
    assert format_until(now.replace(year=2027), now) == "until 04 Mar 2027 12:00"


def test_end_of_today_and_week() -> None:
    wednesday = datetime(2026, 3, 4, 9, 30).astimezone()
    assert end_of_today(wednesday).strftime("%Y-%m-%d %H:%M:%S") == "2026-03-04 23:59:59"
    assert end_of_week(wednesday, 1).strftime("%a %Y-%m-%d %H:%M") == "Sun 2026-03-08 23:59"
    assert end_of_week(wednesday, 7).strftime("%a %Y-%m-%d %H:%M") == "Sat 2026-03-07 23:59"  # US week
    sunday = datetime(2026, 3, 8, 20, 0).astimezone()
    assert end_of_week(sunday, 1).date() == sunday.date()
    assert end_of_today(wednesday).tzinfo is not None


def test_no_accounts_menu(qapp: object) -> None:
    menu, recorder = render(Snapshot(()))
    assert entries(menu) == ["No accounts yet", "Add an account…", "---", "More"]
    assert not find(menu, "More", "New status…").isEnabled() and not find(menu, "More", "Refresh").isEnabled()
    find(menu, "Add an account…").trigger()
    assert recorder.calls[-1] == ("accounts", None)


def test_menu_is_updated_in_place(qapp: object) -> None:
    """The same QMenu and QAction objects survive updates; new statuses are inserted, gone ones hidden."""
    menu = make_menu()
    reconciler = MenuReconciler(menu)
    recorder = Recorder()
    rc, cb, ss = three_views()
    reconciler.sync(build_menu(Snapshot((rc, cb, ss)), MenuState(), recorder, FixedClock(NOON)))
    before = {id(a): label for a, label in zip(menu.actions(), entries(menu), strict=False)}
    rc_menu = submenu(find(menu, RC_LINE))
    lunch = find(menu, RC_LINE, "Lunch")

    rc2 = replace(
        rc,
        statuses=(*rc.statuses, CustomStatus("rc3", "Focus", "busy")),
        current=CurrentStatus(Availability.BUSY, "rc3", "Focus"),
    )
    reconciler.sync(
        build_menu(Snapshot((rc2, cb, ss)), MenuState(refreshing=True), recorder, FixedClock(NOON))
    )
    focus_line = "Rocket.Chat (rocket-user): Focus (busy)"
    assert find(menu, focus_line).menu() is rc_menu  # the same submenu, its title updated
    assert find(menu, focus_line, "Lunch") is lunch and not lunch.isChecked()
    assert entries(rc_menu) == ["[ ] Lunch", "[ ] In a call", "[x] Focus"]
    assert set(before) <= {id(a) for a in menu.actions()}
    assert not find(menu, "More", "Refreshing…").isEnabled()

    rc3 = replace(rc2, statuses=rc2.statuses[1:])
    reconciler.sync(build_menu(Snapshot((rc3, cb, ss)), MenuState(), recorder, FixedClock(NOON)))
    assert entries(rc_menu) == ["[ ] In a call", "[x] Focus"]
    assert lunch in rc_menu.actions() and not lunch.isVisible()  # hidden, not deleted


def test_ampersand_in_a_status_name_is_literal(qapp: object) -> None:
    rc = view(
        ServiceKind.ROCKETCHAT,
        "rocket",
        [CustomStatus("x", "R&D sync", "busy")],
        CurrentStatus(Availability.AVAILABLE),
    )
    menu, _ = render(Snapshot((rc,)))
    assert entries(find(menu, "Rocket.Chat (rocket-user): Available").menu()) == ["[ ] R&D sync"]


@pytest.mark.parametrize("autostart", [True, False])
def test_launch_at_login_reflects_the_os(qapp: object, autostart: bool) -> None:
    menu, recorder = render(Snapshot(three_views()), MenuState(autostart=autostart))
    item = find(menu, "More", "Launch at login")
    assert item.isEnabled() and item.isChecked() is autostart
    item.trigger()
    assert recorder.calls[-1] == ("autostart", not autostart)
    assert item.isChecked() is autostart  # only the OS's answer moves the check


def test_demo_mode_says_so(qapp: object) -> None:
    menu, _ = render(Snapshot(three_views()), MenuState(demo=True, autostart=False))
    assert "Demo mode: nothing leaves this computer" in entries(submenu(find(menu, "More")))
    assert "Demo mode: nothing leaves this computer" not in entries(menu)  # a line the top level can spare
    assert not find(menu, "More", "Launch at login").isEnabled()


def test_busy_is_checked_when_every_account_that_offers_it_is_busy(qapp: object) -> None:
    rc, cb, ss = three_views()
    rc = replace(rc, current=CurrentStatus(Availability.BUSY))
    cb = replace(cb, current=CurrentStatus(Availability.AVAILABLE))
    ss = replace(ss, current=CurrentStatus(Availability.AVAILABLE))
    menu, _ = render(Snapshot((rc, cb, ss)))
    assert [e for e in entries(menu) if e.startswith("[x]")] == ["[x] Busy"]


def test_a_running_or_coming_scheduled_change_can_be_ended_or_cancelled(qapp: object) -> None:
    rc, cb, ss = three_views()
    rc = replace(
        rc,
        until=NOON + timedelta(hours=1),
        active_entry="e1",
        active_label="Lunch",
        next_label="Focus time",
        next_at=NOON + timedelta(hours=3),
        next_entry="e2",
    )
    menu, recorder = render(Snapshot((rc, cb, ss)))
    shown = entries(menu)
    until = (NOON + timedelta(hours=1)).astimezone().strftime("%H:%M")
    at = (NOON + timedelta(hours=3)).astimezone().strftime("%H:%M")
    # After the three account lines: one line per scheduled change.
    assert shown[3:5] == [f"“Lunch” until {until}", f"Cancel “Focus time” at {at}"]
    assert entries(find(menu, shown[3]).menu()) == ["End now", "Keep 15 min longer"]
    assert shown[0].endswith(f"; next: Focus time at {at}")
    find(menu, shown[3], "End now").trigger()
    assert recorder.calls[-1] == ("end_scheduled", (("rocket",), "e1"))
    find(menu, shown[3], "Keep 15 min longer").trigger()
    assert recorder.calls[-1] == ("extend_scheduled", (("rocket",), "e1"))
    find(menu, shown[4]).trigger()
    assert recorder.calls[-1] == ("cancel_scheduled", (("rocket",), "e2"))


def test_one_timed_change_on_three_accounts_is_one_line_acting_on_all(qapp: object) -> None:
    """Before: nine lines (End, Keep and a notice per account) with the same labels repeated."""
    end = NOON + timedelta(minutes=30)
    views = tuple(
        replace(v, until=end, active_entry="e1", active_label="Away", notice="'Away' is set until 12:30.")
        for v in three_views()
    )
    menu, recorder = render(Snapshot(views))
    plain, _ = render(Snapshot(three_views()))
    added = [e for e in entries(menu) if e not in entries(plain)]
    headers = [e for e in added if ", until " in e]
    assert len(headers) == 3  # each account's own line says until when
    assert [e for e in added if e not in headers] == [
        "'Away' is set until 12:30.",
        f"“Away” until {end.astimezone():%H:%M}",
    ]
    find(menu, f"“Away” until {end.astimezone():%H:%M}", "End now").trigger()
    assert recorder.calls[-1] == ("end_scheduled", (("rocket", "callbell", "smartsheet"), "e1"))
    find(menu, f"“Away” until {end.astimezone():%H:%M}", "Keep 15 min longer").trigger()
    assert recorder.calls[-1] == ("extend_scheduled", (("rocket", "callbell", "smartsheet"), "e1"))


def test_two_changes_that_read_the_same_name_their_accounts(qapp: object) -> None:
    end = NOON + timedelta(minutes=30)
    rc, cb, ss = three_views()
    rc = replace(rc, until=end, active_entry="e1", active_label="Away", notice="'Away' is set.")
    cb = replace(cb, until=end, active_entry="e2", active_label="Away", notice="'Away' is set.")
    menu, _ = render(Snapshot((rc, cb, ss)))
    shown = entries(menu)
    until = f"{end.astimezone():%H:%M}"
    assert "Rocket.Chat (rocket-user), Callbell (callbell-user): 'Away' is set." in shown
    assert f"“Away” until {until} on Rocket.Chat (rocket-user)" in shown
    assert f"“Away” until {until} on Callbell (callbell-user)" in shown
