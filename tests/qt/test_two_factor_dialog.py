"""The accounts dialog asks for a Rocket.Chat two-factor code by the method the server names (issue 13)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.qt.conftest import closed
from tests.qt.test_accounts_dialog import empty_app, open_accounts, wait_saved
from trayapp.core.models import ServiceKind
from trayapp.demo import seed
from trayapp.demo.server import DemoServer
from trayapp.qt.app import TrayApp

__all__ = ["empty_app"]  # the fixture, reused


@pytest.mark.parametrize(
    ("user", "password", "code", "source"),
    [
        (seed.RC_BOB_USERNAME, seed.RC_BOB_PASSWORD, seed.RC_BOB_TOTP, "authenticator app"),
        (seed.RC_DAVE_USERNAME, seed.RC_DAVE_PASSWORD, seed.RC_DAVE_EMAIL_CODE, "e-mail"),
    ],
)
@pytest.mark.parametrize("shape", ["documented", "login"])
def test_code_is_asked_for_by_the_servers_method(
    qtbot: QtBot,
    empty_app: TrayApp,
    demo: DemoServer,
    shape: str,
    user: str,
    password: str,
    code: str,
    source: str,
) -> None:
    demo.settings.rc_login_2fa_shape = shape  # type: ignore[assignment]
    editor = open_accounts(qtbot, empty_app).add(ServiceKind.ROCKETCHAT)
    editor.name.setText(user)
    editor.url.setCurrentText(demo.rocketchat_url)
    editor.mode_password.setChecked(True)
    editor.username.setText(user)
    editor.password.setText(password)
    editor.save_button.click()
    wait_saved(qtbot, editor)
    assert editor.code.isVisible() and QApplication.focusWidget() is editor.code
    assert source in editor.code_error.text() and source in editor.code.placeholderText()
    assert not editor.password_error.text()  # not "wrong password"
    editor.code.setText("000000")
    editor.save_button.click()
    wait_saved(qtbot, editor)
    assert "code was wrong" in editor.code_error.text() and source in editor.code_error.text()
    editor.code.setText(code)
    editor.save_button.click()
    qtbot.waitUntil(lambda: closed(editor), timeout=10_000)
    assert empty_app.controller.service.accounts()[0].display_user == user
