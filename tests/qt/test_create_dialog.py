"""Quick-create and "Custom…" dialogs: keyboard flow, inline validation before any request, server
answers inline next to the field they concern, and nothing the user typed is lost."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from tests.qt.conftest import closed, entries, find, wait_idle
from trayapp.core.models import Account, Availability, ServiceKind
from trayapp.core.service import StatusService
from trayapp.demo import seed
from trayapp.demo.server import DemoServer
from trayapp.qt.app import TrayApp
from trayapp.qt.dialogs import CreateStatusDialog, to_qdatetime


def open_create(qtbot: QtBot, app: TrayApp) -> CreateStatusDialog:
    find(app.tray.menu, "More", "New status…").trigger()
    qtbot.waitUntil(lambda: "create" in app.dialogs and app.dialogs["create"].isVisible())
    dialog = app.dialogs["create"]
    assert isinstance(dialog, CreateStatusDialog)
    qtbot.waitExposed(dialog)
    return dialog


def tab_through(qtbot: QtBot, count: int) -> list[QWidget]:
    """Press Tab `count` times; the widgets that had focus, combo-box line edits mapped to their combo."""
    seen: list[QWidget] = []
    for _ in range(count):
        widget = QApplication.focusWidget()
        assert widget is not None
        parent = widget.parentWidget()
        seen.append(parent if isinstance(parent, QComboBox) else widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return seen


def test_opens_with_the_name_focused_and_a_natural_tab_order(qtbot: QtBot, tray_app: TrayApp) -> None:
    dialog = open_create(qtbot, tray_app)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name)
    rows = [r.check for r in dialog._rows]
    expected = [
        dialog.name,
        dialog.show_as[Availability.AVAILABLE],  # a radio group: Tab visits the chosen one
        dialog.rc_type,
        dialog.cb_emoji,
        dialog.cb_emoji_more,  # every emoji, by name
        dialog.ss_code,
        dialog.message,
        *rows,
        dialog.apply_now,
        dialog.times.start_check,
    ]
    assert tab_through(qtbot, len(expected)) == expected
    assert dialog.create_button.isDefault()


def test_escape_cancels_without_a_request(qtbot: QtBot, tray_app: TrayApp, demo: DemoServer) -> None:
    dialog = open_create(qtbot, tray_app)
    count = demo.request_count()
    qtbot.keyClicks(dialog.name, "Gone")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(dialog))
    qtbot.waitUntil(lambda: "create" not in tray_app.dialogs)
    assert demo.request_count() == count


def test_empty_name_is_caught_before_any_request(qtbot: QtBot, tray_app: TrayApp, demo: DemoServer) -> None:
    dialog = open_create(qtbot, tray_app)
    count = demo.request_count()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.name_error.isVisible() and dialog.name_error.text() == "Give the status a name."
    assert demo.request_count() == count
    assert dialog.name.accessibleDescription() == "Give the status a name."


def test_end_before_start_is_caught_before_any_request(
    qtbot: QtBot, tray_app: TrayApp, demo: DemoServer
) -> None:
    dialog = open_create(qtbot, tray_app)
    count = demo.request_count()
    dialog.name.setText("Workshop")
    dialog.times.start_check.setChecked(True)
    dialog.times.end_check.setChecked(True)
    start = dialog.times.start_edit.dateTime()
    dialog.times.end_edit.setDateTime(start.addSecs(-3600))
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    error = dialog.times.end_error
    assert error.text() == "The end must be after the start."
    assert dialog.isVisible() and demo.request_count() == count
    assert dialog.name.text() == "Workshop"
    # Shown whole: it was cut to "The end must be after the" (one line's height for two lines' text).
    # (waited for: the window grows for the message on a later turn of the event loop)
    qtbot.waitUntil(
        lambda: error.isVisible()
        and error.height() >= error.heightForWidth(error.width())
        and error.visibleRegion().boundingRect().height() >= error.heightForWidth(error.width())
    )


def test_duplicate_name_from_the_server_shows_inline_and_keeps_the_inputs(
    qtbot: QtBot, tray_app: TrayApp, demo: DemoServer
) -> None:
    dialog = open_create(qtbot, tray_app)
    for row in dialog._rows:  # Rocket.Chat only
        row.check.setChecked(row.view.account.kind is ServiceKind.ROCKETCHAT)
    qtbot.keyClicks(dialog.name, "Lunch")  # exists on the demo Rocket.Chat
    dialog.rc_type.setCurrentIndex(dialog.rc_type.findData("busy"))
    qtbot.keyClicks(dialog.message, "back at 2")
    creates_before = demo.request_count("rocketchat", "POST")
    qtbot.keyClick(dialog.message, Qt.Key.Key_Return)
    assert not dialog.create_button.isEnabled() and dialog.progress.text() == "Creating…"
    qtbot.waitUntil(lambda: dialog.create_button.isEnabled(), timeout=10_000)
    assert demo.request_count("rocketchat", "POST") > creates_before  # the server was really asked
    assert dialog.isVisible()
    assert dialog.name_error.isVisible()
    assert "already in use" in dialog.name_error.text()
    # Everything typed is still there.
    assert dialog.name.text() == "Lunch"
    assert dialog.rc_type.currentData() == "busy"
    assert dialog.message.text() == "back at 2"
    assert QApplication.focusWidget() is dialog.name and dialog.name.selectedText() == "Lunch"

    # Fix the name (typed over the selection) and press Enter again: created on the server and applied.
    qtbot.keyClicks(dialog.name, "Pairing")
    assert dialog.name.text() == "Pairing"
    assert not dialog.name_error.isVisible()  # the error was about "Lunch": gone once the name changes
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    wait_idle(qtbot, tray_app)
    assert any(s["name"] == "Pairing" and s["statusType"] == "busy" for s in demo.rc_custom_statuses())
    user = demo.rc_user(seed.RC_ALICE_ID)
    assert user["statusText"] == "back at 2" and user["status"] == "busy"
    # Rocket.Chat reads a status applied with its own message back as that message.
    assert entries(tray_app.tray.menu)[0] == "Rocket.Chat (alice): back at 2 (busy)"
    assert "[ ] Pairing" in entries(find(tray_app.tray.menu, "Rocket.Chat (alice)").menu())


def test_keyboard_only_create_on_every_account(qtbot: QtBot, tray_app: TrayApp, demo: DemoServer) -> None:
    dialog = open_create(qtbot, tray_app)
    qtbot.keyClicks(QApplication.focusWidget(), "Dentist")
    qtbot.mouseClick(dialog.show_as[Availability.AWAY], Qt.MouseButton.LeftButton)
    dialog.cb_emoji.setCurrentText("🦷")
    dialog.ss_code.setCurrentIndex(dialog.ss_code.findData("OOF"))
    qtbot.keyClick(dialog.name, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    wait_idle(qtbot, tray_app)
    assert any(s["name"] == "Dentist" for s in demo.rc_custom_statuses())
    assert any(s["name"] == "Dentist" and s["emoji"] == "🦷" for s in demo.cb_custom_statuses())
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == "Dentist"
    created = next(s for s in demo.cb_custom_statuses() if s["name"] == "Dentist")
    assert demo.cb_user_status(seed.CB_USER_UUID)["custom_status_id"] == created["id"]
    current = demo.ss_current(seed.SS_USER_ID)
    assert current is not None and current["status"] == "OOF" and current["message"] == "Dentist"
    # One "Show me as: Away" made the status away on all three services.
    assert demo.rc_user(seed.RC_ALICE_ID)["status"] == "away"
    assert demo.cb_user_status(seed.CB_USER_UUID)["available"] is False


def test_one_availability_choice_drives_every_service_by_default(
    qtbot: QtBot, tray_app: TrayApp, demo: DemoServer
) -> None:
    dialog = open_create(qtbot, tray_app)
    # The defaults agree (they were Rocket.Chat Away, Callbell available, Smartsheet RM In the office).
    assert dialog.chosen_availability() is Availability.AVAILABLE
    assert (dialog.rc_type.currentData(), dialog.ss_code.currentData()) == ("online", "ITO")
    qtbot.mouseClick(dialog.show_as[Availability.AWAY], Qt.MouseButton.LeftButton)
    assert (dialog.rc_type.currentText(), dialog.ss_code.currentText()) == ("Away", "Out of office")
    qtbot.mouseClick(dialog.show_as[Availability.BUSY], Qt.MouseButton.LeftButton)
    assert (dialog.rc_type.currentText(), dialog.ss_code.currentText()) == ("Busy", "In the office")
    assert "Callbell: not available" in dialog.show_as[Availability.BUSY].toolTip()
    qtbot.keyClicks(dialog.name, "Code review")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    wait_idle(qtbot, tray_app)
    assert demo.rc_user(seed.RC_ALICE_ID)["status"] == "busy"
    assert demo.cb_user_status(seed.CB_USER_UUID)["available"] is False  # Callbell has no busy
    current = demo.ss_current(seed.SS_USER_ID)
    assert current is not None and (current["status"], current["message"]) == ("ITO", "Code review")


def test_smartsheet_statuses_are_named_by_their_meaning(qtbot: QtBot, tray_app: TrayApp) -> None:
    dialog = open_create(qtbot, tray_app)
    names = [dialog.ss_code.itemText(i) for i in range(dialog.ss_code.count())]
    assert "On the road" in names and "In the office" in names  # OOO means on the road, not away
    shown = " ".join([*names, *(r.check.text() for r in dialog._rows), dialog.ss_code.toolTip()])
    for jargon in ("ITO", "OOO", "OOF", "code", "fixed"):
        assert jargon not in shown


def test_typing_a_time_over_the_whole_field_sets_that_time(qtbot: QtBot, tray_app: TrayApp) -> None:
    dialog = open_create(qtbot, tray_app)
    dialog.times.end_check.setChecked(True)
    edit = dialog.times.end_edit
    day = edit.date()
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, "19:25")  # was silently ignored: the old value stayed
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.time().toString("HH:mm") == "19:25" and edit.date() == day


def test_a_failure_on_one_account_applies_nothing_and_a_retry_creates_only_what_is_missing(
    qtbot: QtBot, tray_app: TrayApp, demo: DemoServer
) -> None:
    dialog = open_create(qtbot, tray_app)
    for row in dialog._rows:
        row.check.setChecked(row.view.account.kind is not ServiceKind.SMARTSHEET)
    dialog.name.setText("Standup")
    demo.set_fault("503", service="callbell", count=1)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.create_button.isEnabled(), timeout=10_000)
    rc_row = next(r for r in dialog._rows if r.view.account.kind is ServiceKind.ROCKETCHAT)
    cb_row = next(r for r in dialog._rows if r.view.account.kind is ServiceKind.CALLBELL)
    assert rc_row.error.text() == "✓ Created “Standup”" and not rc_row.check.isEnabled()
    assert "503" in cb_row.error.text() and cb_row.check.isEnabled()
    # Nothing was applied while one account failed.
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == ""
    dialog.submit()  # retried: Callbell only, then both applied
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    wait_idle(qtbot, tray_app)
    assert sum(s["name"] == "Standup" for s in demo.rc_custom_statuses()) == 1
    assert sum(s["name"] == "Standup" for s in demo.cb_custom_statuses()) == 1
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == "Standup"


def test_renaming_after_a_partial_create_creates_under_the_new_name(
    qtbot: QtBot, tray_app: TrayApp, demo: DemoServer
) -> None:
    dialog = open_create(qtbot, tray_app)
    for row in dialog._rows:
        row.check.setChecked(row.view.account.kind is not ServiceKind.SMARTSHEET)
    dialog.name.setText("Meeting")  # exists on Callbell only
    dialog.apply_now.setChecked(False)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.create_button.isEnabled(), timeout=10_000)
    rc_row = next(r for r in dialog._rows if r.view.account.kind is ServiceKind.ROCKETCHAT)
    assert rc_row.error.text() == "✓ Created “Meeting”"
    assert "Callbell" in dialog.name_error.text()
    dialog.name.setText("Meeting 2")
    assert rc_row.check.isEnabled() and rc_row.error.text() == ""
    dialog.submit()
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    assert any(s["name"] == "Meeting 2" for s in demo.rc_custom_statuses())
    assert any(s["name"] == "Meeting 2" for s in demo.cb_custom_statuses())


def test_missing_permission_shows_next_to_the_account(
    qtbot: QtBot, demo: DemoServer, service: StatusService
) -> None:
    carol = Account("carol", ServiceKind.ROCKETCHAT, demo.rocketchat_url, seed.RC_CAROL_ID, "carol")
    service.add_account(carol, seed.RC_CAROL_PAT)
    app = TrayApp(service, tray_wait_s=600, first_run_dialog=False)
    app.start()
    wait_idle(qtbot, app)
    dialog = open_create(qtbot, app)
    for row in dialog._rows:
        row.check.setChecked(row.view.account.name == "carol")
    dialog.name.setText("Carol's own")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.create_button.isEnabled(), timeout=10_000)
    row = next(r for r in dialog._rows if r.view.account.name == "carol")
    assert row.error.isVisible() and row.error.text()
    assert "permission" in row.error.text().lower() or "not allowed" in row.error.text().lower()
    assert dialog.name.text() == "Carol's own" and dialog.isVisible()
    app.shutdown()


def test_auth_failure_shows_next_to_the_account(qtbot: QtBot, tray_app: TrayApp, demo: DemoServer) -> None:
    dialog = open_create(qtbot, tray_app)
    for row in dialog._rows:
        row.check.setChecked(row.view.account.kind is ServiceKind.CALLBELL)
    dialog.name.setText("Nap")
    demo.set_fault("401", service="callbell")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.create_button.isEnabled(), timeout=10_000)
    row = next(r for r in dialog._rows if r.view.account.kind is ServiceKind.CALLBELL)
    assert row.error.isVisible() and row.error.text()
    assert dialog.name_error.text() == ""
    assert dialog.name.text() == "Nap"


def test_smartsheet_only_takes_part_when_applying(qtbot: QtBot, tray_app: TrayApp) -> None:
    dialog = open_create(qtbot, tray_app)
    ss = next(r for r in dialog._rows if r.view.account.kind is ServiceKind.SMARTSHEET)
    assert ss.check.isEnabled()
    dialog.apply_now.setChecked(False)
    assert not ss.check.isEnabled() and "cannot store new statuses" in ss.check.toolTip()
    assert not dialog.times.start_check.isEnabled()
    assert ss not in dialog.selected()


def test_start_and_end_are_sent(qtbot: QtBot, tray_app: TrayApp, demo: DemoServer) -> None:
    dialog = open_create(qtbot, tray_app)
    for row in dialog._rows:
        row.check.setChecked(row.view.account.kind is ServiceKind.SMARTSHEET)
    dialog.name.setText("Offsite")
    dialog.ss_code.setCurrentIndex(dialog.ss_code.findData("OOO"))
    dialog.times.end_check.setChecked(True)
    end = tray_app.controller.now().astimezone().replace(second=0, microsecond=0) + timedelta(hours=3)
    dialog.times.end_edit.setDateTime(to_qdatetime(end))
    dialog.submit()
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    wait_idle(qtbot, tray_app)
    current = demo.ss_current(seed.SS_USER_ID)
    assert current is not None and current["status"] == "OOO" and current["message"] == "Offsite"
    assert current["end"]


def test_alt_keys_are_unique(qtbot: QtBot, tray_app: TrayApp) -> None:
    from tests.qt.test_accounts_dialog import mnemonics

    dialog = open_create(qtbot, tray_app)
    keys = mnemonics(dialog)
    assert len(keys) == len(set(keys)), keys
