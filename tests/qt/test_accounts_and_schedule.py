"""The tray and the accounts it knows: removing one in the Accounts dialog takes its timed changes with
it, and accounts added or removed by the CLI show in the running tray's menu within a few seconds."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.qt.conftest import real_service
from tests.qt.test_accounts_dialog import button, confirmation, open_accounts
from trayapp.core.models import Availability, ChangeKind, StatusChange
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
