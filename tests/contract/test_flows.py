"""Every flow a user takes, through the CLI against the demo server, with each request the backends
send and each reply the demo gives validated against the services' references (see conftest.wire)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from tests.cli.conftest import CLI, accounts, cli
from tests.contract.references import body
from trayapp.backends import rocketchat, smartsheet_rm
from trayapp.demo import seed
from trayapp.demo.server import DemoServer, Exchange

__all__ = ["accounts", "cli"]  # the CLI fixtures, reused


def _sent(wire: list[Exchange], service: str, method: str, path_end: str) -> list[Exchange]:
    return [e for e in wire if e.service == service and e.method == method and e.path.endswith(path_end)]


def test_add_accounts_with_tokens(
    wire: list[Exchange], cli: CLI, demo: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(smartsheet_rm, "PAGE_SIZE", 20)  # the e-mail look-up pages through the users
    steps = [
        (
            ("rocketchat", "rc", "--url", demo.rocketchat_url, "--user-id", seed.RC_ALICE_ID),
            seed.RC_ALICE_PAT,
        ),
        (("callbell", "cb", "--url", demo.callbell_url, "--user-uuid", seed.CB_USER_UUID), seed.CB_TOKEN),
        (("smartsheet", "ss", "--url", demo.smartsheet_url, "--email", seed.SS_USER_EMAIL), seed.SS_TOKEN),
    ]
    for argv, secret in steps:
        result = cli("accounts", "add", *argv, "--token-stdin", stdin=secret + "\n")
        assert result.code == 0, result.err
    # The same user by id: the same identity may be added only once, so the e-mail one goes first.
    assert cli("accounts", "remove", "ss").code == 0
    by_id = ("smartsheet", "ss2", "--url", demo.smartsheet_url, "--user-id", str(seed.SS_USER_ID))
    result = cli("accounts", "add", *by_id, "--token-stdin", stdin=seed.SS_TOKEN + "\n")
    assert result.code == 0, result.err
    assert len(_sent(wire, "smartsheet", "GET", "/users")) == 3  # 45 users, 20 a page


def test_add_rocketchat_with_password(wire: list[Exchange], cli: CLI, demo: DemoServer) -> None:
    argv = ("accounts", "add", "rocketchat", "carol", "--url", demo.rocketchat_url)
    result = cli(
        *argv, "--username", seed.RC_CAROL_USERNAME, "--password-stdin", stdin=seed.RC_CAROL_PASSWORD
    )
    assert result.code == 0, result.err
    (sign_in,) = _sent(wire, "rocketchat", "POST", "/login")
    assert body(sign_in) == {"user": seed.RC_CAROL_USERNAME, "password": seed.RC_CAROL_PASSWORD}


@pytest.mark.parametrize("shape", ["documented", "login"])
@pytest.mark.parametrize(
    ("username", "password", "code"),
    [
        (seed.RC_BOB_USERNAME, seed.RC_BOB_PASSWORD, seed.RC_BOB_TOTP),
        (seed.RC_DAVE_USERNAME, seed.RC_DAVE_PASSWORD, seed.RC_DAVE_EMAIL_CODE),
    ],
    ids=["by-app", "by-email-code"],
)
def test_add_rocketchat_with_two_factor(
    wire: list[Exchange], cli: CLI, demo: DemoServer, shape: str, username: str, password: str, code: str
) -> None:
    demo.settings.rc_login_2fa_shape = shape  # type: ignore[assignment]
    argv = ("accounts", "add", "rocketchat", username, "--url", demo.rocketchat_url, "--username", username)
    assert cli(*argv, "--password-stdin", stdin=password).code == 1  # asked for the code
    assert cli(*argv, "--password-stdin", "--code", "000000", stdin=password).code == 1  # wrong code
    result = cli(*argv, "--password-stdin", "--code", code, stdin=password)
    assert result.code == 0, result.err
    assert [e.status for e in _sent(wire, "rocketchat", "POST", "/login")] == [401, 401, 200]


def test_list_with_paging(wire: list[Exchange], accounts: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rocketchat, "PAGE_SIZE", 4)
    result = accounts("statuses", "--refresh", "--json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)
    assert {r["account"] for r in rows} == {"rocket", "callbell", "smartsheet"}
    assert [e.query for e in _sent(wire, "rocketchat", "GET", "/custom-user-status.list")][-2:] == [
        "count=4&offset=0",
        "count=4&offset=4",
    ]
    assert len(_sent(wire, "callbell", "GET", "/custom_statuses")) >= 3  # five statuses, two a page


def test_create(wire: list[Exchange], accounts: CLI, demo: DemoServer) -> None:
    assert accounts("create", "Focus", "--account", "rocket", "--type", "Busy").code == 0
    assert accounts("create", "Reading", "--account", "rocket").code == 0
    assert accounts("create", "Gym", "--account", "callbell", "--emoji", "🏋️").code == 0
    demo.settings.cb_refuse_emoji = True
    assert accounts("create", "Dentist", "--account", "callbell", "--emoji", "🦷").code == 0
    assert [body(e) for e in _sent(wire, "rocketchat", "POST", "/custom-user-status.create")] == [
        {"name": "Focus", "statusType": "busy"},
        {"name": "Reading", "statusType": "online"},
    ]
    assert [e.status for e in _sent(wire, "callbell", "POST", "/custom_statuses")] == [200, 400, 200]


def test_edit_and_delete_on_rocketchat(wire: list[Exchange], accounts: CLI, demo: DemoServer) -> None:
    edited = accounts("edit", "Lunch", "--account", "rocket", "--name", "Late lunch")
    assert edited.code == 0, edited.err
    assert accounts("edit", "Late lunch", "--account", "rocket", "--type", "busy").code == 0
    lunch_id = next(s["_id"] for s in demo.rc_custom_statuses() if s["name"] == "Late lunch")
    assert accounts("delete", "Late lunch", "--account", "rocket").code == 0
    assert [body(e) for e in _sent(wire, "rocketchat", "POST", "/custom-user-status.update")] == [
        {"_id": lunch_id, "name": "Late lunch", "statusType": "away"},  # all three, as the OpenAPI requires
        {"_id": lunch_id, "name": "Late lunch", "statusType": "busy"},
    ]
    [deleted] = _sent(wire, "rocketchat", "POST", "/custom-user-status.delete")
    assert body(deleted) == {"customUserStatusId": lunch_id} and deleted.status == 200


def test_a_preset_on_every_service(wire: list[Exchange], accounts: CLI, demo: DemoServer) -> None:
    added = accounts(
        "preset", "add", "Lunch", "--status", "rocket=Lunch", "--status", "callbell=Lunch",
        "--status", "smartsheet=OOF", "--away", "--message", "back at 2", "--for", "1h",
    )  # fmt: skip
    assert added.code == 0, added.err
    applied = accounts("set", "--preset", "Lunch")
    assert applied.code == 0, applied.err
    [rc] = _sent(wire, "rocketchat", "POST", "/users.setStatus")
    assert body(rc) == {"status": "away", "message": "back at 2"}
    [cb] = _sent(wire, "callbell", "PUT", "/status")
    assert body(cb)["available"] is False
    [ss] = _sent(wire, "smartsheet", "POST", "/statuses")
    assert {k: v for k, v in body(ss).items() if k != "end"} == {
        "status": "OOF",
        "message": "back at 2",
        "start": body(ss)["start"],
    }  # Smartsheet RM keeps the window itself


def test_set_custom_availability_and_clear(wire: list[Exchange], accounts: CLI) -> None:
    for argv in (
        ("set", "Lunch"),
        ("set", "--away"),
        ("set", "--available"),
        ("set", "Vacation"),
        ("clear",),
    ):
        result = accounts(*argv)
        assert result.code == 0, result.err
    assert _sent(wire, "rocketchat", "POST", "/users.setStatus")
    assert _sent(wire, "callbell", "PUT", "/status") and _sent(wire, "callbell", "DELETE", "/status")
    posts = _sent(wire, "smartsheet", "POST", "/statuses")
    assert {e.headers["content-type"] for e in posts} == {"application/x-www-form-urlencoded"}


def test_start_and_end_on_smartsheet(wire: list[Exchange], accounts: CLI) -> None:
    start = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=30)
    window = ("--start", start.isoformat(), "--end", (start + timedelta(hours=8)).isoformat())
    assert accounts("set", "OOO", "--message", "Client visit", *window, "--account", "smartsheet").code == 0
    assert accounts("set", "Vacation", "--for", "2h", "--account", "smartsheet").code == 0
    sent = [body(e) for e in _sent(wire, "smartsheet", "POST", "/statuses")]
    assert sent[0]["status"] == "OOO" and sent[0]["start"] and sent[0]["end"]
    assert sent[1]["status"] == "VAC" and "end" in sent[1]


def test_status(wire: list[Exchange], accounts: CLI) -> None:
    result = accounts("status", "--json")
    assert result.code == 0, result.err
    assert {r["account"] for r in json.loads(result.out)} == {"rocket", "callbell", "smartsheet"}
    assert {e.service for e in wire if e.method == "GET"} == {"rocketchat", "callbell", "smartsheet"}
