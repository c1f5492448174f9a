"""Presets and recents in the tray (issue 16), against the demo server over real HTTP: a preset from the
picker and from the menu sends each service its part, the accounts chosen are remembered, a recent change
repeats in one click, the preset editor saves what a user sets, Rocket.Chat statuses are edited and
deleted from the picker while Callbell's say they cannot be, and emoji are found by name."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.qt.conftest import closed, find, open_picker, submenu, wait_idle
from trayapp.core.models import Availability
from trayapp.core.presets import AccountPart, Preset
from trayapp.core.service import StatusService
from trayapp.demo import seed
from trayapp.demo.server import DemoServer
from trayapp.qt.app import TrayApp
from trayapp.qt.emoji_picker import EmojiPicker
from trayapp.qt.menu import MENU_PRESETS
from trayapp.qt.preset_editor import PresetEditor
from trayapp.qt.status_edit import StatusEditDialog

LUNCH = Preset(
    "Lunch",
    "🍔",
    {
        "rocket": AccountPart("Lunch", Availability.AWAY),
        "callbell": AccountPart("Lunch", Availability.AWAY),
    },
    timedelta(hours=1),
)


@pytest.fixture
def app(qtbot: QtBot, service: StatusService) -> Iterator[TrayApp]:
    service.presets.save(LUNCH)
    app = TrayApp(service, tray_wait_s=600, first_run_dialog=False)
    app.start()
    qtbot.waitUntil(lambda: app.library is not None and not app.dispatcher.busy(), timeout=10_000)
    yield app
    app.shutdown()


def test_a_preset_from_the_picker_sends_each_service_its_part(
    qtbot: QtBot, app: TrayApp, demo: DemoServer
) -> None:
    picker = open_picker(qtbot, app)
    qtbot.keyClicks(picker.search, "lunch")
    current = picker.current()
    assert current is not None and current.title == "🍔 Lunch"  # the preset first, then the statuses
    assert picker.clear_after.currentText() == "1 hour"  # the preset's own duration
    assert [n for n, c in picker.account_checks.items() if c.isEnabled()] == ["rocket", "callbell"]
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: closed(picker))
    wait_idle(qtbot, app)
    rc = demo.rc_user(seed.RC_ALICE_ID)
    assert rc["statusText"] == "Lunch" and rc["status"] == "away"
    cb = demo.cb_user_status(seed.CB_USER_UUID)
    assert not cb["available"]
    ss = demo.ss_current(seed.SS_USER_ID)
    assert ss is None or ss["status"] != "OOF"  # Smartsheet RM left alone
    # One timed change for both accounts, as the preset is one intent; and it is a recent change now.
    timed = [a.text() for a in app.tray.menu.actions() if a.isVisible() and a.text().startswith("“🍔 Lunch”")]
    assert len(timed) == 1, timed
    qtbot.waitUntil(lambda: bool(app.tray.state.recents), timeout=10_000)
    assert app.tray.state.recents[0].text == "🍔 Lunch, 1 hour"


def test_the_accounts_chosen_for_a_preset_are_remembered_and_the_menu_uses_them(
    qtbot: QtBot, app: TrayApp, demo: DemoServer, service: StatusService
) -> None:
    picker = open_picker(qtbot, app)
    qtbot.keyClicks(picker.search, "lunch")
    picker.account_checks["callbell"].setChecked(False)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: closed(picker))
    wait_idle(qtbot, app)
    assert service.presets.remembered_accounts("Lunch") == ("rocket",)
    assert demo.cb_user_status(seed.CB_USER_UUID)["available"]  # Callbell was left out
    app.clear()
    wait_idle(qtbot, app)
    qtbot.waitUntil(
        lambda: app.library is not None and app.library.remembered.get("preset:lunch") == ("rocket",),
        timeout=10_000,
    )
    again = open_picker(qtbot, app)
    qtbot.keyClicks(again.search, "lunch")
    assert not again.account_checks["callbell"].isChecked() and again.account_checks["rocket"].isChecked()
    again.reject()
    # From the menu, in one click: to the accounts remembered, for the preset's hour.
    find(app.tray.menu, "Presets and recent", "🍔 Lunch, 1 hour").trigger()
    wait_idle(qtbot, app)
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == "Lunch"
    assert demo.cb_user_status(seed.CB_USER_UUID)["available"]
    lines = [a.text() for a in app.tray.menu.actions() if a.isVisible()]
    assert any(line.startswith("Rocket.Chat (alice): Lunch (away), until ") for line in lines), lines


def test_a_recent_change_repeats_in_one_click(qtbot: QtBot, app: TrayApp, demo: DemoServer) -> None:
    picker = open_picker(qtbot, app)
    qtbot.keyClicks(picker.search, "in a call")
    picker.clear_after.setCurrentIndex(picker.clear_after.findText("30 minutes"))
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    wait_idle(qtbot, app)
    qtbot.waitUntil(lambda: bool(app.tray.state.recents), timeout=10_000)
    assert app.tray.state.recents[0].text == "In a call, 30 min"
    app.clear()
    wait_idle(qtbot, app)
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == ""
    find(app.tray.menu, "Presets and recent", "In a call, 30 min").trigger()
    wait_idle(qtbot, app)
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == "In a call"


def test_the_preset_editor_saves_what_each_account_gets(
    qtbot: QtBot, app: TrayApp, service: StatusService
) -> None:
    find(app.tray.menu, "Presets and recent", "New preset…").trigger()
    qtbot.waitUntil(lambda: "preset" in app.dialogs and app.dialogs["preset"].isVisible())
    editor = app.dialogs["preset"]
    assert isinstance(editor, PresetEditor)
    qtbot.keyClicks(editor.name, "Focus")
    _status, shows, message = editor.rows["rocket"]
    shows.setCurrentIndex(shows.findText("Busy"))
    qtbot.keyClicks(message, "Heads down")
    ss_status, _ss_shows, _ = editor.rows["smartsheet"]
    ss_status.setCurrentIndex(ss_status.findText("In the office"))
    editor.duration.setCurrentIndex(editor.duration.findText("2 hours"))
    editor.emoji.set_emoji("🎧")
    qtbot.keyClick(editor.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: closed(editor), timeout=10_000)
    saved = service.presets.find("Focus")
    assert saved is not None and saved.emoji == "🎧" and saved.duration == timedelta(hours=2)
    assert saved.accounts == {
        "rocket": AccountPart("", Availability.BUSY, "Heads down"),
        "smartsheet": AccountPart("In the office"),
    }  # Callbell: nothing chosen, left alone
    qtbot.waitUntil(
        lambda: any(s.text == "🎧 Focus, 2 hours" for s in app.tray.state.presets), timeout=10_000
    )


def test_a_preset_without_a_name_or_a_part_is_refused_inline(qtbot: QtBot, app: TrayApp) -> None:
    editor = PresetEditor(app.controller)
    qtbot.addWidget(editor)
    editor.submit()
    assert editor.name_error.text() == "Give the preset a name."
    qtbot.keyClicks(editor.name, "Nothing")
    editor.submit()
    assert editor.accounts_error.text() == "Give at least one account a status or what it shows."


def test_rocket_chat_statuses_are_edited_and_deleted_callbells_say_they_cannot(
    qtbot: QtBot, app: TrayApp, demo: DemoServer
) -> None:
    picker = open_picker(qtbot, app)
    qtbot.keyClicks(picker.search, "meeting")  # Callbell's
    assert picker.current() is not None and picker.current().title == "📅 Meeting"  # type: ignore[union-attr]
    assert not picker.edit_button.isEnabled() and not picker.delete_button.isEnabled()
    assert "Callbell does not let apps change or delete its statuses" in picker.note.text()

    picker.search.clear()
    qtbot.keyClicks(picker.search, "commuting")  # Rocket.Chat's
    assert picker.edit_button.isEnabled() and picker.note.text() == ""
    qtbot.mouseClick(picker.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "status-edit" in app.dialogs and app.dialogs["status-edit"].isVisible())
    edit = app.dialogs["status-edit"]
    assert isinstance(edit, StatusEditDialog)
    edit.name.setText("On the train")
    edit.shows.setCurrentIndex(edit.shows.findText("Busy"))
    qtbot.keyClick(edit.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: closed(edit), timeout=10_000)
    wait_idle(qtbot, app)
    names = {s["name"]: s["statusType"] for s in demo.rc_custom_statuses()}
    assert names.get("On the train") == "busy" and "Commuting" not in names

    picker.search.clear()
    qtbot.keyClicks(picker.search, "on the train")
    qtbot.waitUntil(lambda: picker.current() is not None and picker.current().title == "On the train")  # type: ignore[union-attr]
    qtbot.mouseClick(picker.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(k.startswith("delete:") for k in app.dialogs))
    box = next(d for k, d in app.dialogs.items() if k.startswith("delete:"))
    assert isinstance(box, QMessageBox)
    delete = next(b for b in box.buttons() if b.text() == "Delete")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, app)
    assert "On the train" not in {s["name"] for s in demo.rc_custom_statuses()}


def test_emoji_are_found_by_name(qtbot: QtBot) -> None:
    picker = EmojiPicker()
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker.search, "coffee")
    assert picker.current() == "☕"
    picker.search.clear()
    qtbot.keyClicks(picker.search, "rice ball")
    assert picker.current() == "🍙"
    with qtbot.waitSignal(picker.picked) as picked:
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picked.args == ["🍙"]


def test_the_menus_presets_stay_within_20_entries(qtbot: QtBot, app: TrayApp, service: StatusService) -> None:
    for i in range(25):
        service.presets.save(Preset(f"Preset {i:02}", "", {"rocket": AccountPart("", Availability.BUSY)}))
    app.reload_library()
    qtbot.waitUntil(lambda: len(app.tray.state.presets) >= MENU_PRESETS, timeout=10_000)
    presets = submenu(find(app.tray.menu, "Presets and recent"))
    shown = [a for a in presets.actions() if a.isVisible() and not a.isSeparator()]
    assert len(shown) <= 20
    assert [a.text() for a in shown][-3:] == ["All presets…", "New preset…", "Edit presets…"]


def test_the_new_status_form_finds_any_emoji_by_name_for_callbell(qtbot: QtBot, app: TrayApp) -> None:
    from trayapp.qt.dialogs import CreateStatusDialog

    dialog = CreateStatusDialog(app.controller)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.cb_emoji_more, Qt.MouseButton.LeftButton)
    picker = dialog.findChild(EmojiPicker)
    assert isinstance(picker, EmojiPicker)
    qtbot.waitUntil(picker.isVisible)
    qtbot.keyClicks(picker.search, "airplane")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert dialog.cb_emoji.currentText() == "✈️"
