""" "Set a status…": filtering (case, accents, emoji names), the keyboard, "Clear after", the accounts, and
applying over real HTTP to the demo server's three services."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.qt.conftest import (
    NOON,
    FakeService,
    FixedClock,
    closed,
    open_picker,
    pick,
    three_views,
    view,
    wait_idle,
)
from trayapp.core.models import (
    Availability,
    ChangeKind,
    CurrentStatus,
    CustomStatus,
    ServiceKind,
    Snapshot,
)
from trayapp.demo import seed
from trayapp.demo.server import DemoServer
from trayapp.qt.app import TrayApp
from trayapp.qt.controller import Controller
from trayapp.qt.dialogs import CreateStatusDialog, to_qdatetime
from trayapp.qt.dispatcher import Dispatcher
from trayapp.qt.picker import StatusPicker


def snapshot() -> Snapshot:
    rc, cb, ss = three_views()
    rc = view(
        ServiceKind.ROCKETCHAT,
        "rocket",
        [*rc.statuses, CustomStatus("rc3", "Café crème", "away"), CustomStatus("rc4", "Déjeuner", "away")],
        rc.current,
    )
    cb = view(
        ServiceKind.CALLBELL,
        "callbell",
        [*cb.statuses, CustomStatus("cb3", "Coffee break", emoji="☕")],
        cb.current,
    )
    return Snapshot((rc, cb, ss))


@pytest.fixture
def fake() -> FakeService:
    return FakeService(snapshot())


@pytest.fixture
def controller(qtbot: QtBot, fake: FakeService) -> Iterator[Controller]:
    controller = Controller(fake, Dispatcher(), clock=FixedClock(NOON))  # type: ignore[arg-type]
    controller.load_now()
    yield controller
    controller.dispatcher.shutdown()


@pytest.fixture
def picker(qtbot: QtBot, controller: Controller) -> StatusPicker:
    picker = StatusPicker(controller)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    return picker


def titles(picker: StatusPicker) -> list[str]:
    return [c.title for c in picker.model.choices()]


def type_text(widget: QWidget, text: str) -> None:
    """Key presses for each character, accented ones too (QTest's keyClicks takes ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def typed(qtbot: QtBot, picker: StatusPicker, text: str) -> list[str]:
    picker.search.clear()
    type_text(picker.search, text)
    return titles(picker)


def test_everything_one_can_apply_is_listed_and_the_search_field_has_the_keyboard(
    qtbot: QtBot, picker: StatusPicker
) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker.search)
    assert titles(picker) == [
        "Available",
        "Away",
        "Busy",
        "Offline",
        "🍙 Lunch",  # Rocket.Chat's "Lunch" and Callbell's "🍙 Lunch": one intent, both accounts
        "In a call",
        "Café crème",
        "Déjeuner",
        "📅 Meeting",
        "☕ Coffee break",
        "In the office",
        "Out of office",
    ]
    lunch = picker.current()
    assert lunch is not None and lunch.title == "Available"


def test_filter_ignores_case_and_accents_and_knows_emoji_names(qtbot: QtBot, picker: StatusPicker) -> None:
    assert typed(qtbot, picker, "CAFE")[0] == "Café crème"
    assert typed(qtbot, picker, "dejeu") == ["Déjeuner", "Create “dejeu”…"]
    assert typed(qtbot, picker, "creme cafe") == ["Café crème", "Create “creme cafe”…"]  # any order
    assert typed(qtbot, picker, "DÉJEUNER") == ["Déjeuner"]  # the name itself: nothing to create
    # By the emoji's names: 🍙 is a "rice ball", ☕ a "hot beverage" alias "coffee".
    assert typed(qtbot, picker, "rice ball") == ["🍙 Lunch", "Create “rice ball”…"]
    assert typed(qtbot, picker, "beverage")[0] == "☕ Coffee break"
    # By what the service shows: "In a call" is a busy status on Rocket.Chat.
    assert "In a call" in typed(qtbot, picker, "shows: busy")
    # Whole titles rank first; an exact name offers no "Create".
    assert typed(qtbot, picker, "away") == ["Away", "🍙 Lunch", "Café crème", "Déjeuner"]


def test_arrows_move_enter_applies_to_the_accounts_that_have_it(
    qtbot: QtBot, picker: StatusPicker, fake: FakeService
) -> None:
    typed(qtbot, picker, "lunch")
    assert titles(picker) == ["🍙 Lunch"]
    qtbot.keyClick(picker.search, Qt.Key.Key_Up)  # stays on the first row
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(fake.applied) == 2)
    assert closed(picker)
    by_account = {names[0]: change for change, names in fake.applied}
    assert set(by_account) == {"rocket", "callbell"}  # Smartsheet RM has no "Lunch": left alone
    assert by_account["rocket"].status is not None and by_account["rocket"].status.id == "rc1"
    assert by_account["callbell"].status is not None and by_account["callbell"].status.id == "cb1"
    assert all(c.kind is ChangeKind.CUSTOM and c.end is None for c in by_account.values())


def test_down_then_enter_applies_the_row_below_for_the_chosen_time(
    qtbot: QtBot, picker: StatusPicker, fake: FakeService
) -> None:
    typed(qtbot, picker, "o")  # Offline, In a call, …
    shown = titles(picker)
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    second = picker.current()
    assert second is not None and second.title == shown[1]
    picker.clear_after.setCurrentIndex(picker.clear_after.findText("1 hour"))
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(fake.applied))
    change, _names = fake.applied[0]
    assert change.end == NOON + timedelta(hours=1)


def test_esc_closes_without_applying(qtbot: QtBot, picker: StatusPicker, fake: FakeService) -> None:
    typed(qtbot, picker, "away")
    qtbot.keyClick(picker.search, Qt.Key.Key_Escape)
    assert closed(picker)
    qtbot.wait(50)
    assert fake.applied == []


def test_an_availability_goes_to_every_account_that_offers_it_unless_unticked(
    qtbot: QtBot, picker: StatusPicker, fake: FakeService
) -> None:
    typed(qtbot, picker, "away")
    checks = picker.account_checks
    assert all(c.isEnabled() and c.isChecked() for c in checks.values())
    checks["callbell"].setChecked(False)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(fake.applied))
    [(change, names)] = fake.applied
    assert change.availability is Availability.AWAY and names == ["rocket", "smartsheet"]

    # Busy exists only on Rocket.Chat: the others cannot be ticked.
    again = StatusPicker(picker._controller)
    qtbot.addWidget(again)
    typed(qtbot, again, "busy")
    assert again.current() is not None and again.current().title == "Busy"  # type: ignore[union-attr]
    assert [n for n, c in again.account_checks.items() if c.isEnabled()] == ["rocket"]


def test_no_account_ticked_says_so_and_sends_nothing(
    qtbot: QtBot, picker: StatusPicker, fake: FakeService
) -> None:
    typed(qtbot, picker, "away")
    for check in picker.account_checks.values():
        check.setChecked(False)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.isVisible() and picker.accounts_error.text() == "Choose at least one account."
    assert fake.applied == []


def test_clear_after_today_and_this_week_end_at_midnight_local(
    qtbot: QtBot, controller: Controller, fake: FakeService
) -> None:
    """Chosen on Wednesday 4 March: today ends 23:59:59 local time, the (Monday-first) week on Sunday."""
    ends: list[datetime | None] = []
    for option in ("Today", "This week"):
        picker = StatusPicker(controller)
        qtbot.addWidget(picker)
        picker.show()
        typed(qtbot, picker, "busy")
        picker.clear_after.setCurrentIndex(picker.clear_after.findText(option))
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
        wanted = len(ends) + 1
        qtbot.waitUntil(lambda: len(fake.applied) == wanted)  # noqa: B023
        ends.append(fake.applied[-1][0].end)
    today, week = ends
    assert today is not None and week is not None
    assert today.astimezone().replace(tzinfo=None) == datetime.combine(
        NOON.astimezone().date(), datetime.max.time().replace(microsecond=0)
    )
    assert week.astimezone().replace(tzinfo=None) == datetime(2026, 3, 8, 23, 59, 59)


def test_choose_date_and_time_shows_start_and_end_and_checks_them(
    qtbot: QtBot, picker: StatusPicker, fake: FakeService
) -> None:
    typed(qtbot, picker, "away")
    assert not picker.times.end_edit.isVisible()
    picker.clear_after.setCurrentIndex(picker.clear_after.findText("Choose date and time…"))
    assert picker.times.end_edit.isVisible() and picker.times.start_check.isVisible()
    picker.times.end_edit.setDateTime(to_qdatetime(NOON - timedelta(hours=1)))
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.isVisible() and picker.times.end_error.text() == "The end is already past."
    assert fake.applied == []
    picker.times.start_check.setChecked(True)
    picker.times.start_edit.setDateTime(to_qdatetime(NOON + timedelta(hours=1)))
    picker.times.end_edit.setDateTime(to_qdatetime(NOON + timedelta(hours=3)))
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(fake.applied))
    change, _ = fake.applied[0]
    assert change.start == NOON + timedelta(hours=1) and change.end == NOON + timedelta(hours=3)


def test_a_thousand_statuses_per_account_are_all_searchable(qtbot: QtBot) -> None:
    views = tuple(
        view(
            kind,
            kind.value,
            [CustomStatus(f"{kind.value}{i}", f"{kind.label} status {i}") for i in range(1000)],
            CurrentStatus(Availability.AVAILABLE),
        )
        for kind in ServiceKind
    )
    controller = Controller(FakeService(Snapshot(views)), Dispatcher(), clock=FixedClock(NOON))  # type: ignore[arg-type]
    controller.load_now()
    picker = StatusPicker(controller)
    qtbot.addWidget(picker)
    assert picker.model.rowCount() == 3000 + 4
    assert typed(qtbot, picker, "callbell status 999") == [
        "Callbell status 999",
    ]
    controller.dispatcher.shutdown()


def test_the_list_follows_a_refresh(qtbot: QtBot, picker: StatusPicker, controller: Controller) -> None:
    service = controller.service
    assert isinstance(service, FakeService)
    rc, cb, ss = service.snap.accounts
    typed(qtbot, picker, "dentist")
    assert titles(picker) == ["Create “dentist”…"]
    service.snap = Snapshot(
        (view(ServiceKind.ROCKETCHAT, "rocket", [CustomStatus("d", "Dentist")], rc.current), cb, ss)
    )
    controller.load_now()
    assert titles(picker) == ["Dentist"]


# ------------------------------------------------------------------------- the real app, real HTTP


def test_set_a_status_from_the_menu_reaches_every_service(
    qtbot: QtBot, tray_app: TrayApp, demo: DemoServer
) -> None:
    pick(qtbot, tray_app, "lunch", "1 hour")
    wait_idle(qtbot, tray_app)
    rc = demo.rc_user(seed.RC_ALICE_ID)
    assert rc["statusText"] == "Lunch" and rc["status"] == "away"
    lunch = next(s for s in demo.cb_custom_statuses() if s["name"] == "Lunch")
    assert demo.cb_user_status(seed.CB_USER_UUID)["custom_status_id"] == lunch["id"]
    lines = [a.text() for a in tray_app.tray.menu.actions() if a.isVisible()]
    assert any(line.startswith("Rocket.Chat (alice): Lunch (away), until ") for line in lines), lines


def test_away_for_30_minutes_on_three_services(qtbot: QtBot, tray_app: TrayApp, demo: DemoServer) -> None:
    pick(qtbot, tray_app, "Away", "30 minutes")
    wait_idle(qtbot, tray_app)
    assert demo.rc_user(seed.RC_ALICE_ID)["status"] == "away"
    assert not demo.cb_user_status(seed.CB_USER_UUID)["available"]
    current = demo.ss_current(seed.SS_USER_ID)
    assert current is not None and current["end"]


def test_create_from_the_search_field_opens_the_form_with_the_name(
    qtbot: QtBot, tray_app: TrayApp, demo: DemoServer
) -> None:
    picker = open_picker(qtbot, tray_app)
    qtbot.keyClicks(picker.search, "Dentist")
    assert [c.title for c in picker.model.choices()] == ["Create “Dentist”…"]
    assert picker.apply_button.text() == "Create…"
    count = demo.request_count()
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "create" in tray_app.dialogs and tray_app.dialogs["create"].isVisible())
    dialog = tray_app.dialogs["create"]
    assert isinstance(dialog, CreateStatusDialog) and dialog.name.text() == "Dentist"
    assert closed(picker) and demo.request_count() == count  # nothing sent before the form is filled
    dialog.reject()


def test_choose_date_and_time_on_smartsheet_stores_the_end(
    qtbot: QtBot, tray_app: TrayApp, demo: DemoServer
) -> None:
    picker = open_picker(qtbot, tray_app)
    qtbot.keyClicks(picker.search, "sick")
    assert picker.current() is not None and picker.current().title == "Sick"  # type: ignore[union-attr]
    picker.clear_after.setCurrentIndex(picker.clear_after.findText("Choose date and time…"))
    picker.times.end_edit.setDateTime(to_qdatetime(tray_app.controller.now() + timedelta(hours=5)))
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: closed(picker))
    wait_idle(qtbot, tray_app)
    current = demo.ss_current(seed.SS_USER_ID)
    assert current is not None and current["status"] == "SIC" and current["end"]


def test_a_refresh_while_open_keeps_the_choice_and_the_accounts_ticked(
    qtbot: QtBot, picker: StatusPicker, controller: Controller, fake: FakeService
) -> None:
    typed(qtbot, picker, "away")
    picker.account_checks["callbell"].setChecked(False)
    controller.load_now()  # the same statuses again (the auto refresh)
    assert not picker.account_checks["callbell"].isChecked()
    rc, cb, ss = fake.snap.accounts
    more = (*rc.statuses, CustomStatus("rc9", "Away at a fair"))
    fake.snap = Snapshot((replace(rc, statuses=more), cb, ss))
    controller.load_now()  # a new status came in
    current = picker.current()
    assert current is not None and current.title == "Away"
    assert not picker.account_checks["callbell"].isChecked() and picker.account_checks["rocket"].isChecked()
