"""The tray and the accounts it knows: removing one in the Accounts dialog takes its timed changes with
it, accounts added or removed by the CLI show in the running tray's menu within a few seconds, and an
edit cannot make two accounts of one user."""

from __future__ import annotations

from datetime import datetime, timedelta

import keyring
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.qt.conftest import closed, entries, real_service, wait_idle
from tests.qt.test_accounts_dialog import button, confirmation, open_accounts, wait_saved
from trayapp.backends import BACKENDS
from trayapp.core.models import Account, Availability, ChangeKind, ServiceKind, StatusChange
from trayapp.core.service import StatusService
from trayapp.demo import seed
from trayapp.demo.profile import demo_accounts
from trayapp.demo.server import DemoServer
from trayapp.qt.app import TrayApp


def _away_later(hours: int) -> StatusChange:
    start = datetime.now().astimezone() + timedelta(hours=hours)
    return StatusChange(
        ChangeKind.AVAILABILITY, availability=Availability.AWAY, start=start, end=start + timedelta(hours=1)
    )


def test_remove_in_the_dialog_cancels_the_accounts_timed_changes(qtbot: QtBot, tray_app: TrayApp) -> None:
    service = real_service(tray_app)
    assert all(r.ok for r in service.apply(_away_later(2), ["smartsheet"]))
    assert all(r.ok for r in service.apply(_away_later(4), ["smartsheet", "rocket"]))
    dialog = open_accounts(qtbot, tray_app)
    dialog.select("smartsheet")
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(confirmation(qtbot), "Remove"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.count() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=5000)
    assert dialog.error.text() == "Removed smartsheet and its keyring entry; also cancelled 2 timed changes."
    assert [e.accounts for e in service.schedule_entries()] == [("rocket",)]


def _menu_accounts(app: TrayApp) -> list[str]:
    return [v.account.name for v in app.controller.snapshot.accounts]


def test_accounts_removed_and_added_by_the_cli_show_in_the_running_tray(
    qtbot: QtBot, tray_app: TrayApp, demo: DemoServer
) -> None:
    wait_idle(qtbot, tray_app)
    before = entries(tray_app.tray.menu)
    assert any("Callbell" in line for line in before), before
    cli = StatusService(real_service(tray_app).paths, backends=BACKENDS)  # another process's view
    cli.remove_account("callbell")
    qtbot.waitUntil(lambda: _menu_accounts(tray_app) == ["rocket", "smartsheet"], timeout=5000)
    assert not any("Callbell" in line for line in entries(tray_app.tray.menu))

    account, secret = next(pair for pair in demo_accounts(demo) if pair[0].name == "callbell")
    cli.add_account(account, secret)
    qtbot.waitUntil(lambda: _menu_accounts(tray_app) == ["rocket", "smartsheet", "callbell"], timeout=5000)
    # its status is read, as for an account added in the tray itself
    qtbot.waitUntil(lambda: tray_app.controller.snapshot.accounts[2].current is not None, timeout=5000)
    assert any("Callbell" in line for line in entries(tray_app.tray.menu))
    cli.close()


def test_editing_an_account_into_another_accounts_user_is_refused(
    qtbot: QtBot, tray_app: TrayApp, demo: DemoServer
) -> None:
    service = real_service(tray_app)
    carol = Account("rc-carol", ServiceKind.ROCKETCHAT, demo.rocketchat_url, seed.RC_CAROL_ID)
    service.add_account(carol, seed.RC_CAROL_PAT)
    dialog = open_accounts(qtbot, tray_app)
    dialog.select("rc-carol")
    editor = dialog.edit()
    assert editor is not None
    qtbot.waitExposed(editor)
    editor.user.setText(seed.RC_ALICE_ID)  # alice is the account "rocket" already
    editor.token.setText(seed.RC_ALICE_PAT)
    count = demo.request_count()
    editor.save()
    wait_saved(qtbot, editor)
    assert editor.isVisible()
    assert editor.user_error.text() == "This Rocket.Chat user is already added, as the account 'rocket'."
    assert demo.request_count() == count  # refused before any request
    assert [a.user for a in service.accounts() if a.name == "rc-carol"] == [seed.RC_CAROL_ID]
    assert keyring.get_password("trayapp", "rocketchat:rc-carol") == seed.RC_CAROL_PAT

    # The account's own user is no duplicate of itself: a rename with the same user saves.
    editor.name.setText("carol")
    editor.user.setText(seed.RC_CAROL_ID)
    editor.token.setText(seed.RC_CAROL_PAT)
    editor.save()
    qtbot.waitUntil(lambda: closed(editor), timeout=10_000)
    assert [a.name for a in service.accounts()] == ["rocket", "callbell", "smartsheet", "carol"]
