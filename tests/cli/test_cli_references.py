"""Issue 13 through the command line: what a user sees when a service behaves as its own reference says."""

from __future__ import annotations

import io
import json

import pytest

from tests.cli.conftest import CLI
from trayapp.cli import main
from trayapp.core.paths import AppPaths
from trayapp.demo import seed
from trayapp.demo.server import DemoServer


def test_retired_smartsheet_statuses_fail_once_and_are_not_kept_for_later(
    accounts: CLI, demo: DemoServer
) -> None:
    demo.settings.ss_statuses_gone = 410
    result = accounts("set", "--away", "--account", "smartsheet")
    assert result.code == 1  # not 75: nothing is kept to be sent later
    assert result.err_lines == [
        "trayapp: smartsheet: This Smartsheet RM account no longer offers user statuses (Smartsheet has "
        "retired them), so trayapp cannot read or set your status there."
    ]
    assert demo.request_count("smartsheet", "POST") == 1
    status = accounts("status")
    assert "pending" not in status.out and "no longer offers user statuses" in status.err


@pytest.mark.parametrize(
    ("username", "password", "code", "source"),
    [
        (seed.RC_BOB_USERNAME, seed.RC_BOB_PASSWORD, seed.RC_BOB_TOTP, "authenticator app"),
        (seed.RC_DAVE_USERNAME, seed.RC_DAVE_PASSWORD, seed.RC_DAVE_EMAIL_CODE, "e-mail"),
    ],
    ids=["app", "email"],
)
def test_two_factor_sign_in_names_where_the_code_comes_from(
    cli: CLI, demo: DemoServer, username: str, password: str, code: str, source: str
) -> None:
    base = ("accounts", "add", "rocketchat", username, "--url", demo.rocketchat_url, "--username", username)
    asked = cli(*base, "--password-stdin", stdin=password + "\n")
    assert asked.code == 1 and len(asked.err_lines) == 1
    assert source in asked.err and "--code" in asked.err and "password" not in asked.err
    wrong = cli(*base, "--password-stdin", "--code", "000000", stdin=password + "\n")
    assert wrong.code == 1 and len(wrong.err_lines) == 1
    assert "code was wrong" in wrong.err and source in wrong.err
    ok = cli(*base, "--password-stdin", "--code", code, stdin=password + "\n")
    assert ok.code == 0, ok.err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("username", "password", "code", "prompt"),
    [
        (seed.RC_BOB_USERNAME, seed.RC_BOB_PASSWORD, seed.RC_BOB_TOTP, "Code from your authenticator app: "),
        (
            seed.RC_DAVE_USERNAME,
            seed.RC_DAVE_PASSWORD,
            seed.RC_DAVE_EMAIL_CODE,
            "Code from the e-mail: ",
        ),
    ],
    ids=["app", "email"],
)
def test_terminal_prompt_asks_by_the_servers_method(
    profile: AppPaths,
    demo: DemoServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    username: str,
    password: str,
    code: str,
    prompt: str,
) -> None:
    monkeypatch.setattr("sys.stdin", _Terminal(code + "\n"))
    monkeypatch.setattr("getpass.getpass", lambda _prompt="": password)
    argv = ["accounts", "add", "rocketchat", "me", "--url", demo.rocketchat_url, "--username", username]
    assert main([*argv, "--password-stdin"]) == 0
    assert prompt in capsys.readouterr().out


def test_callbell_uuid_copied_with_dashes_is_stored_as_the_api_writes_it(cli: CLI, demo: DemoServer) -> None:
    dashed = "AD42A097-1581-4E64-83B1-C5DEBD6A2DBC"
    argv = ("accounts", "add", "callbell", "cb", "--url", demo.callbell_url, "--user-uuid", dashed)
    assert cli(*argv, "--token-stdin", stdin=seed.CB_TOKEN + "\n").code == 0
    settings = json.loads(AppPaths.default().settings_file.read_text(encoding="utf-8"))
    assert settings["accounts"][0]["user"] == seed.CB_USER_UUID
    assert cli("set", "--away", "--account", "cb").code == 0
    assert demo.cb_user_status(seed.CB_USER_UUID)["available"] is False


def test_callbell_wrong_uuid_is_one_line_saying_where_to_get_it(cli: CLI, demo: DemoServer) -> None:
    argv = ("accounts", "add", "callbell", "cb", "--url", demo.callbell_url, "--user-uuid", "me@example.com")
    result = cli(*argv, "--token-stdin", stdin=seed.CB_TOKEN + "\n")
    assert result.code == 1 and len(result.err_lines) == 1
    assert "ask your Callbell account admin or Callbell support" in result.err
    assert demo.request_count() == 0


def test_callbell_create_says_when_the_emoji_was_not_taken(accounts: CLI, demo: DemoServer) -> None:
    demo.settings.cb_refuse_emoji = True
    result = accounts("create", "Gym", "--account", "callbell", "--emoji", "🏋️")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "Created 'Gym' on callbell.",
        "callbell: note: the service did not take the emoji, so the status has none.",
    ]
