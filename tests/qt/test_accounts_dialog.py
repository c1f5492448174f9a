"""Accounts dialog and editor against the demo server: every kind, every sign-in path, inline errors."""

from __future__ import annotations

import json
from collections.abc import Iterator

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.qt.conftest import closed, wait_idle
from trayapp.backends import BACKENDS, callbell
from trayapp.core.models import ServiceKind
from trayapp.core.paths import AppPaths
from trayapp.core.service import StatusService
from trayapp.demo import seed
from trayapp.demo.server import DemoServer
from trayapp.qt.accounts_dialog import AccountEditor, AccountsDialog
from trayapp.qt.app import TrayApp


@pytest.fixture
def empty_app(qtbot: QtBot, profile: AppPaths) -> Iterator[TrayApp]:
    app = TrayApp(StatusService(profile, backends=BACKENDS), tray_wait_s=600, first_run_dialog=False)
    app.start()
    yield app
    app.shutdown()


def open_accounts(qtbot: QtBot, app: TrayApp) -> AccountsDialog:
    app.accounts()
    qtbot.waitUntil(lambda: "accounts" in app.dialogs and app.dialogs["accounts"].isVisible())
    dialog = app.dialogs["accounts"]
    assert isinstance(dialog, AccountsDialog)
    return dialog


def stored_secret(name: str, kind: ServiceKind) -> str | None:
    return keyring.get_password("trayapp", f"{kind.value}:{name}")


def wait_saved(qtbot: QtBot, editor: AccountEditor) -> None:
    qtbot.waitUntil(
        lambda: closed(editor) or (editor.save_button.isEnabled() and editor._task is None), timeout=10_000
    )


def test_empty_state_offers_the_demo(qtbot: QtBot, empty_app: TrayApp) -> None:
    dialog = open_accounts(qtbot, empty_app)
    assert dialog.empty.isVisible() and dialog.demo_button.isVisible() and not dialog.list.isVisible()
    assert [a.text() for a in dialog.add_menu.actions()] == ["Rocket.Chat…", "Callbell…", "Smartsheet RM…"]
    assert not dialog.edit_button.isEnabled() and not dialog.remove_button.isEnabled()


def test_add_rocketchat_with_a_token(
    qtbot: QtBot, empty_app: TrayApp, demo: DemoServer, profile: AppPaths
) -> None:
    dialog = open_accounts(qtbot, empty_app)
    editor = dialog.add(ServiceKind.ROCKETCHAT)
    qtbot.waitExposed(editor)
    qtbot.waitUntil(lambda: QApplication.focusWidget() in (editor.url, editor.url.lineEdit()))  # first empty
    assert editor.name.text() == "rocketchat"
    assert editor.user.isVisible() and editor.token.isVisible() and not editor.password.isVisible()
    qtbot.keyClicks(editor.url.lineEdit(), demo.rocketchat_url)
    editor.user.setText(seed.RC_ALICE_ID)
    editor.token.setText(seed.RC_ALICE_PAT)
    assert editor.token.echoMode() is editor.token.EchoMode.Password

    editor.test_button.click()
    qtbot.waitUntil(lambda: editor.result_label.text().startswith("✓"), timeout=10_000)
    assert editor.result_label.text() == "✓ Connected as alice."
    assert stored_secret("rocketchat", ServiceKind.ROCKETCHAT) is None  # testing saves nothing

    qtbot.keyClick(editor.token, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: closed(editor), timeout=10_000)
    assert stored_secret("rocketchat", ServiceKind.ROCKETCHAT) == seed.RC_ALICE_PAT
    settings = profile.settings_file.read_text()
    assert seed.RC_ALICE_PAT not in settings and json.loads(settings)
    assert dialog.list.count() == 1 and "Rocket.Chat — alice" in dialog.list.item(0).text()
    assert not dialog.demo_button.isVisible()
    # The tray's snapshot is read on a worker after the save: wait for it to arrive, not for a moment
    # in which the dispatcher happens to have nothing queued.
    qtbot.waitUntil(
        lambda: [v.account.name for v in empty_app.controller.snapshot.accounts] == ["rocketchat"],
        timeout=10_000,
    )


def test_wrong_token_is_shown_under_the_token(qtbot: QtBot, empty_app: TrayApp, demo: DemoServer) -> None:
    dialog = open_accounts(qtbot, empty_app)
    editor = dialog.add(ServiceKind.ROCKETCHAT)
    editor.url.setCurrentText(demo.rocketchat_url)
    editor.user.setText(seed.RC_ALICE_ID)
    editor.token.setText("not-the-token")
    editor.save()
    wait_saved(qtbot, editor)
    assert editor.isVisible()
    assert editor.token_error.isVisible() and editor.token_error.text()
    assert editor.token.text() == "not-the-token" and editor.user.text() == seed.RC_ALICE_ID
    assert QApplication.focusWidget() is editor.token
    assert stored_secret("rocketchat", ServiceKind.ROCKETCHAT) is None


def test_unsafe_address_is_refused_before_any_request(
    qtbot: QtBot, empty_app: TrayApp, demo: DemoServer
) -> None:
    dialog = open_accounts(qtbot, empty_app)
    editor = dialog.add(ServiceKind.ROCKETCHAT)
    editor.url.setCurrentText("http://chat.example.com")
    editor.user.setText("x")
    editor.token.setText("y")
    count = demo.request_count()
    editor.save()
    assert "not secure" in editor.url_error.text()
    assert editor._task is None and demo.request_count() == count
    editor.url.setCurrentText("")
    editor.user.setText("")
    editor.save()
    assert editor.url_error.text() == "Type the address of your workspace."
    assert editor.user_error.text() == "Type your user id."


def test_rocketchat_password_with_two_factor(qtbot: QtBot, empty_app: TrayApp, demo: DemoServer) -> None:
    dialog = open_accounts(qtbot, empty_app)
    editor = dialog.add(ServiceKind.ROCKETCHAT)
    editor.name.setText("bob")
    editor.url.setCurrentText(demo.rocketchat_url)
    editor.mode_password.setChecked(True)
    assert editor.username.isVisible() and editor.password.isVisible() and not editor.token.isVisible()
    assert not editor.code.isVisible()
    editor.username.setText(seed.RC_BOB_USERNAME)
    editor.password.setText(seed.RC_BOB_PASSWORD)
    editor.save()
    wait_saved(qtbot, editor)
    # The server asked for a code: the field appears, focused, with everything else kept.
    assert editor.code.isVisible() and QApplication.focusWidget() is editor.code
    assert editor.code_error.text()
    assert editor.password.text() == seed.RC_BOB_PASSWORD
    editor.code.setText("000000")
    editor.save()
    wait_saved(qtbot, editor)
    assert editor.isVisible() and editor.code_error.text()  # wrong code: inline, next to the code
    editor.code.setText(seed.RC_BOB_TOTP)
    qtbot.keyClick(editor.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: closed(editor), timeout=10_000)
    account = empty_app.controller.service.accounts()[0]
    assert account.user == seed.RC_BOB_ID and account.display_user == seed.RC_BOB_USERNAME
    secret = stored_secret("bob", ServiceKind.ROCKETCHAT)
    assert secret and secret != seed.RC_BOB_PASSWORD  # the sign-in token, never the password


def test_add_callbell_with_the_default_address(qtbot: QtBot, empty_app: TrayApp, demo: DemoServer) -> None:
    dialog = open_accounts(qtbot, empty_app)
    editor = dialog.add(ServiceKind.CALLBELL)
    assert editor.url.currentText() == callbell.DEFAULT_URL
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.token)
    editor.url.setCurrentText(demo.callbell_url)  # the demo stands in for the public API
    editor.token.setText(seed.CB_TOKEN)
    editor.user.setText(seed.CB_USER_UUID)
    editor.save()
    qtbot.waitUntil(lambda: closed(editor), timeout=10_000)
    assert stored_secret("callbell", ServiceKind.CALLBELL) == seed.CB_TOKEN


def test_add_smartsheet_by_email_lookup(qtbot: QtBot, empty_app: TrayApp, demo: DemoServer) -> None:
    dialog = open_accounts(qtbot, empty_app)
    editor = dialog.add(ServiceKind.SMARTSHEET)
    assert [editor.url.itemText(i) for i in range(editor.url.count())] == [
        "https://api.rm.smartsheet.com",
        "https://api.rm.smartsheet.eu",
    ]
    editor.url.setCurrentText(demo.smartsheet_url)
    editor.token.setText(seed.SS_TOKEN)
    editor.find_by_email.setChecked(True)
    assert editor.email.isVisible() and not editor.user.isVisible()
    editor.email.setText("nobody@example.com")
    editor.save()
    wait_saved(qtbot, editor)
    assert "no active user" in editor.email_error.text()
    editor.email.setText(seed.SS_USER_EMAIL.lower())
    editor.save()
    qtbot.waitUntil(lambda: closed(editor), timeout=10_000)
    account = empty_app.controller.service.accounts()[0]
    assert account.user == str(seed.SS_USER_ID)


def test_duplicate_account_name_is_caught_before_any_request(
    qtbot: QtBot, tray_app: TrayApp, demo: DemoServer
) -> None:
    dialog = open_accounts(qtbot, tray_app)
    editor = dialog.add(ServiceKind.CALLBELL)
    assert editor.name.text() == "callbell-2"  # suggested names never collide
    editor.name.setText("rocket")
    editor.token.setText("x")
    editor.user.setText("y")
    count = demo.request_count()
    editor.save()
    assert "already exists" in editor.name_error.text()
    assert demo.request_count() == count


def test_the_same_callbell_user_twice_is_refused_next_to_the_uuid(
    qtbot: QtBot, tray_app: TrayApp, demo: DemoServer
) -> None:
    dialog = open_accounts(qtbot, tray_app)
    editor = dialog.add(ServiceKind.CALLBELL)
    editor.url.setCurrentText(demo.callbell_url)
    editor.token.setText(seed.CB_TOKEN)
    editor.user.setText(seed.CB_USER_UUID)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_saved(qtbot, editor)
    assert editor.isVisible()
    assert editor.user_error.text() == "This Callbell user is already added, as the account 'callbell'."
    assert [a.name for a in tray_app.controller.service.accounts()] == ["rocket", "callbell", "smartsheet"]


def test_edit_keeps_the_stored_secret(qtbot: QtBot, tray_app: TrayApp, demo: DemoServer) -> None:
    dialog = open_accounts(qtbot, tray_app)
    dialog.select("callbell")
    editor = dialog.edit()
    assert editor is not None and editor.existing is not None
    assert editor.token.text() == "" and "keep" in editor.token.placeholderText()
    assert editor.user.text() == seed.CB_USER_UUID
    editor.test_button.click()  # same address and user: tests the stored token
    qtbot.waitUntil(lambda: editor.result_label.text().startswith("✓"), timeout=10_000)
    editor.name.setText("cb-work")
    editor.save()
    qtbot.waitUntil(lambda: closed(editor), timeout=10_000)
    assert stored_secret("cb-work", ServiceKind.CALLBELL) == seed.CB_TOKEN
    assert stored_secret("callbell", ServiceKind.CALLBELL) is None
    assert dialog.selected_name() == "cb-work"
    qtbot.waitUntil(
        lambda: (
            [v.account.name for v in tray_app.controller.snapshot.accounts]
            == ["rocket", "cb-work", "smartsheet"]
        ),
        timeout=10_000,
    )


def confirmation(qtbot: QtBot) -> QMessageBox:
    """The question Remove asks, found as the user sees it: a visible top-level message box."""
    boxes: list[QMessageBox] = []

    def shown() -> bool:
        boxes[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        return len(boxes) == 1

    qtbot.waitUntil(shown)
    return boxes[0]


def button(box: QMessageBox, text: str) -> QAbstractButton:
    return next(b for b in box.buttons() if b.text().replace("&", "") == text)


def test_remove_by_mouse_asks_first_and_enter_keeps_the_account(qtbot: QtBot, tray_app: TrayApp) -> None:
    dialog = open_accounts(qtbot, tray_app)
    dialog.select("callbell")
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    box = confirmation(qtbot)
    text = f"{box.text()} {box.informativeText()}"
    assert "Callbell account “callbell”" in text
    assert "API key from the system keyring" in text and "needs a new key" in text
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter answers the default: Cancel
    qtbot.waitUntil(lambda: closed(box))
    wait_idle(qtbot, tray_app)
    assert dialog.list.count() == 3
    assert stored_secret("callbell", ServiceKind.CALLBELL) == seed.CB_TOKEN


def test_remove_by_alt_r_deletes_the_account_and_its_secret_once_confirmed(
    qtbot: QtBot, tray_app: TrayApp
) -> None:
    dialog = open_accounts(qtbot, tray_app)
    dialog.select("smartsheet")
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    window = dialog.windowHandle()
    assert window is not None
    QTest.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    box = confirmation(qtbot)
    assert "Smartsheet RM account “smartsheet”" in box.text()
    assert stored_secret("smartsheet", ServiceKind.SMARTSHEET) is not None  # nothing deleted yet
    qtbot.mouseClick(button(box, "Remove"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.count() == 2, timeout=10_000)
    assert stored_secret("smartsheet", ServiceKind.SMARTSHEET) is None
    qtbot.waitUntil(
        lambda: [v.account.name for v in tray_app.controller.snapshot.accounts] == ["rocket", "callbell"],
        timeout=10_000,
    )


def test_escape_closes_the_editor_without_saving(qtbot: QtBot, empty_app: TrayApp) -> None:
    dialog = open_accounts(qtbot, empty_app)
    editor = dialog.add(ServiceKind.CALLBELL)
    qtbot.waitExposed(editor)
    editor.token.setText("abc")
    qtbot.keyClick(editor.token, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(editor))
    assert empty_app.controller.service.accounts() == []


def test_signed_out_line_opens_the_editor(qtbot: QtBot, tray_app: TrayApp, demo: DemoServer) -> None:
    from tests.qt.conftest import entries, find

    demo.set_fault("401", service="rocketchat")
    tray_app.refresh(["rocket"])
    wait_idle(qtbot, tray_app)
    line = entries(tray_app.tray.menu)[1]
    assert line.startswith("Rocket.Chat rejected this account's token")
    find(tray_app.tray.menu, line).trigger()
    qtbot.waitUntil(lambda: "accounts" in tray_app.dialogs)
    dialog = tray_app.dialogs["accounts"]
    assert isinstance(dialog, AccountsDialog)
    qtbot.waitUntil(lambda: dialog.editor is not None and dialog.editor.isVisible())
    assert dialog.editor is not None and dialog.editor.existing is not None
    assert dialog.editor.existing.name == "rocket"


def mnemonics(widget: QWidget) -> list[str]:
    """The Alt+letter keys of the visible labels and buttons of a dialog."""
    keys = []
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget):
            continue
        text = child.text() if isinstance(child, (QLabel, QAbstractButton)) else ""
        text = text.replace("&&", "")
        if "&" in text:
            keys.append(text[text.index("&") + 1].lower())
    return keys


@pytest.mark.parametrize("kind", list(ServiceKind))
def test_alt_keys_are_unique_in_every_editor(qtbot: QtBot, empty_app: TrayApp, kind: ServiceKind) -> None:
    editor = AccountEditor(empty_app.controller, kind)
    qtbot.addWidget(editor)
    editor.show()
    modes = [editor.mode_password, editor.find_by_email]
    for mode in [None, *modes]:
        if mode is not None:
            mode.setChecked(True)
        keys = mnemonics(editor)
        assert len(keys) == len(set(keys)), keys


def test_alt_keys_reach_the_fields(qtbot: QtBot, empty_app: TrayApp) -> None:
    editor = AccountEditor(empty_app.controller, ServiceKind.ROCKETCHAT)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)

    def alt(key: Qt.Key) -> None:
        # Through the window, as the platform delivers keys: that is where Qt matches shortcuts.
        window = editor.windowHandle()
        assert window is not None
        QTest.keyClick(window, key, Qt.KeyboardModifier.AltModifier)

    alt(Qt.Key.Key_U)  # "&Username and password"
    qtbot.waitUntil(editor.mode_password.isChecked)  # buttons answer their Alt+key with an animated click
    alt(Qt.Key.Key_M)  # "Username or e-&mail"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.username)
    qtbot.keyClicks(editor.username, "bob")
    alt(Qt.Key.Key_P)  # "&Password"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.password)
    assert editor.username.text() == "bob"
    assert editor.url.width() > 300  # the address field takes the row, not its (empty) content width
