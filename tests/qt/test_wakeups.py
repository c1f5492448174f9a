"""An idle tray app sleeps: its one timer is armed for the next thing that is due (the auto refresh, a
scheduled start or end, an end shown in the menu, a kept change to resend), not on a fixed tick."""

from __future__ import annotations

from datetime import datetime, timedelta

from pytestqt.qtbot import QtBot

from tests.qt.conftest import entries, find, real_service, wait_idle
from trayapp.backends.smartsheet_rm import SmartsheetBackend
from trayapp.core.models import ChangeKind, CustomStatus, StatusChange
from trayapp.demo import seed
from trayapp.demo.profile import demo_accounts
from trayapp.demo.server import DemoServer
from trayapp.qt.app import TrayApp
from trayapp.qt.controller import AUTO_REFRESH, MAX_SLEEP

SS = f"Smartsheet RM ({seed.SS_USER_EMAIL})"
MINUTE_MS = 60_000


def next_wake_s(app: TrayApp) -> float:
    wake = app.controller.next_wake_ms()
    assert wake is not None, "the controller's timer is not armed"
    return wake / 1000


def test_with_nothing_due_the_app_sleeps_until_the_auto_refresh(qtbot: QtBot, tray_app: TrayApp) -> None:
    wait_idle(qtbot, tray_app)
    # Qt's coarse timers may fire up to 5% late, which lets the OS batch wake-ups.
    assert AUTO_REFRESH.total_seconds() - 10 < next_wake_s(tray_app) <= AUTO_REFRESH.total_seconds() * 1.05


def test_a_scheduled_start_wakes_the_app_at_that_start(qtbot: QtBot, tray_app: TrayApp) -> None:
    start = datetime.now().astimezone() + timedelta(seconds=20)
    lunch = StatusChange(ChangeKind.CUSTOM, status=CustomStatus("", "Lunch"), start=start, end=None)
    tray_app.controller.apply(lunch, ["rocket"])
    # (a change with a time first wakes the schedule within 2 s; then the timer is set for the start)
    qtbot.waitUntil(lambda: (tray_app.controller.next_wake_ms() or 0) > 10_000, timeout=5000)
    assert next_wake_s(tray_app) <= 21


def test_a_start_hours_away_is_rechecked_every_minute_in_case_the_machine_slept(
    qtbot: QtBot, tray_app: TrayApp
) -> None:
    start = datetime.now().astimezone() + timedelta(hours=3)
    lunch = StatusChange(ChangeKind.CUSTOM, status=CustomStatus("", "Lunch"), start=start, end=None)
    tray_app.controller.apply(lunch, ["rocket"])
    wait_idle(qtbot, tray_app)
    qtbot.waitUntil(lambda: (tray_app.controller.next_wake_ms() or 0) <= MINUTE_MS, timeout=5000)
    assert next_wake_s(tray_app) <= MAX_SLEEP.total_seconds()


def test_an_end_set_elsewhere_is_woken_for(qtbot: QtBot, tray_app: TrayApp, demo: DemoServer) -> None:
    # Set in Smartsheet's web UI with an end: nothing is scheduled here, yet "until" must go at the end.
    account, token = next(pair for pair in demo_accounts(demo) if pair[0].name == "smartsheet")
    end = datetime.now().astimezone() + timedelta(minutes=2)
    home = StatusChange(ChangeKind.CUSTOM, status=CustomStatus("WFH", "Working from home"), end=end)
    web_ui = SmartsheetBackend(account, lambda: token)
    try:
        web_ui.apply(home)
    finally:
        web_ui.close()
    tray_app.controller.refresh()
    wait_idle(qtbot, tray_app)
    assert entries(tray_app.tray.menu)[2].startswith(f"{SS}: Working from home")
    assert ", until " in entries(tray_app.tray.menu)[2]
    assert not real_service(tray_app).schedule_entries()
    assert 90 < next_wake_s(tray_app) <= 126


def test_a_kept_change_is_retried_within_a_minute(qtbot: QtBot, tray_app: TrayApp, demo: DemoServer) -> None:
    demo.set_fault("503", service="callbell")
    find(tray_app.tray.menu, f"Callbell ({seed.CB_USER_EMAIL})", "📅 Meeting").trigger()
    wait_idle(qtbot, tray_app)
    assert entries(tray_app.tray.menu)[1].endswith("→ 📅 Meeting…")
    qtbot.waitUntil(lambda: (tray_app.controller.next_wake_ms() or 0) <= MINUTE_MS, timeout=5000)
    assert next_wake_s(tray_app) <= MAX_SLEEP.total_seconds()
