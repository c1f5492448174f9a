"""The README's exit-code table, one test per row, through the real CLI against the demo server."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

import pytest

from tests.cli.conftest import CLI, point_every_account_at_a_dead_port
from trayapp.core.paths import AppPaths
from trayapp.demo import seed
from trayapp.demo.server import DemoServer

HOUR = timedelta(hours=1)


def _iso(delta: timedelta) -> str:
    return (datetime.now(timezone.utc) + delta).isoformat(timespec="minutes")


def test_0_when_done(accounts: CLI, demo: DemoServer) -> None:
    result = accounts("set", "--away")
    assert result.code == 0 and result.err == ""
    assert demo.rc_user(seed.RC_ALICE_ID)["statusDefault"] == "away"


def test_1_when_a_service_refuses(accounts: CLI, demo: DemoServer) -> None:
    demo.set_fault("401")
    result = accounts("status")
    assert result.code == 1, result.err
    assert [line.split(":")[1].strip() for line in result.err_lines] == ["rocket", "callbell", "smartsheet"]


RC_ADD = ("accounts", "add", "rocketchat")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("set",), "Say what to set"),
        (("set", "  "), "The status name is empty."),
        (("set", "--away", "--for", "90"), "'90' is not a duration"),
        (("set", "--away", "--start", "25:00"), "'25:00' is not a time of day"),
        (("set", "--away", "--start", "soon"), "'soon' is not a time"),
        (("set", "--away", "--start", "+2h", "--end", "+1h"), "The end time must be after the start time."),
        (("set", "--away", "--end", "-1h"), "has already passed"),
        (("set", "--away", "--for", "70000000h"), "'70000000h' is longer than ten years"),
        (("set", "--away", "--for", "9" * 5000 + "h"), "is longer than ten years"),
        (("set", "--away", "--start", "0001-01-01T00:00"), "'0001-01-01T00:00' is more than ten years ago"),
        (("set", "--away", "--end", "9999-12-31T23:59"), "'9999-12-31T23:59' is more than ten years ahead"),
        (("set", "--away", "--busy"), "not allowed with argument"),
        (("create", "X", "--account", "rocket", "--type", "sleepy"), "use online, busy, away or offline"),
        (("create", "X", "--account", "callbell", "--emoji", "notanemoji"), "'notanemoji' is not an emoji"),
        (("create", "X", "--account", "callbell", "--emoji", "🍙🍙"), "is not an emoji"),
        (("create", "X", "--account", "callbell", "--type", "busy"), "Callbell statuses have no type"),
        (("create", "X", "--account", "rocket", "--emoji", "🍙"), "Rocket.Chat statuses have no emoji"),
        (("create", " ", "--account", "rocket"), "The status needs a name."),
        ((*RC_ADD, "w", "--url", "http://chat.example.com", "--user-id", "u", "--token-stdin"), "not secure"),
        ((*RC_ADD, "w", "--url", "chat.example.com", "--user-id", "u", "--token-stdin"), "not a web address"),
        ((*RC_ADD, "a b", "--url", "https://c.example", "--user-id", "u", "--token-stdin"), "account name"),
        ((*RC_ADD, "w", "--url", "https://chat.example.com", "--username", "me"), "--password-stdin"),
        ((*RC_ADD, "w", "--url", "https://chat.example.com"), "--user-id with --token-stdin"),
        (("accounts", "add", "smartsheet", "s", "--email", "nobody", "--token-stdin"), "not an e-mail"),
        (("demo-server", "--port", "99999999"), "'99999999' is not a port"),  # was a traceback, exit 70
    ],
)
def test_2_for_every_invalid_value_on_the_command_line(
    accounts: CLI, demo: DemoServer, argv: tuple[str, ...], expected: str
) -> None:
    argv = tuple(_iso(timedelta(hours=int(a[:-1]))) if a in ("+1h", "+2h", "-1h") else a for a in argv)
    sent = demo.request_count()
    result = accounts(*argv, stdin="secret-token\n")
    assert result.code == 2 and len(result.err_lines) == 1 and expected in result.err, result.err
    assert "unexpected" not in result.err
    assert demo.request_count() == sent  # refused before any request


def test_75_when_every_service_is_down_one_line_per_account(accounts: CLI, profile: AppPaths) -> None:
    point_every_account_at_a_dead_port(profile)
    kept = accounts("set", "--away")
    assert kept.code == 75 and len(kept.err_lines) == 3
    result = accounts("status")
    assert result.code == 75, result.err
    assert len(result.err_lines) == 3, result.err  # the waiting change and the read: one line each
    by_account = {line.split(":")[1].strip(): line for line in result.err_lines}
    assert set(by_account) == {"rocket", "callbell", "smartsheet"}
    assert all("Cannot reach" in line and "'Away' is kept" in line for line in by_account.values())
    assert result.out.count("(last known)") == 3 and result.out.count("(pending: Away)") == 3


def test_75_when_a_read_cannot_reach_the_service(accounts: CLI, profile: AppPaths) -> None:
    point_every_account_at_a_dead_port(profile)
    result = accounts("status")
    assert result.code == 75 and len(result.err_lines) == 3, result.err
    assert all("Cannot reach" in line for line in result.err_lines)
    assert accounts("statuses", "--refresh").code == 75
    assert accounts("statuses").code == 0  # the cached lists need no service


def test_75_when_adding_an_account_or_creating_a_status_finds_the_server_down(
    accounts: CLI, demo: DemoServer
) -> None:
    demo.set_fault("503", service="callbell")
    added = accounts(
        "accounts", "add", "callbell", "cb2", "--url", demo.callbell_url,
        # Another user: the same one is refused before any request (one account per user).
        "--user-uuid", "0123456789abcdef0123456789abcdef", "--token-stdin", stdin=seed.CB_TOKEN + "\n",
    )  # fmt: skip
    assert added.code == 75 and len(added.err_lines) == 1 and "unavailable" in added.err, added.err
    created = accounts("create", "Ramen", "--account", "callbell", "--emoji", "🍜")
    assert created.code == 75 and len(created.err_lines) == 1, created.err
    assert "cb2" not in accounts("accounts", "list").out


def test_a_change_that_cannot_go_out_is_not_read_back_as_well(accounts: CLI, demo: DemoServer) -> None:
    demo.set_fault("503")
    assert accounts("set", "--away").code == 75
    sent = {s: demo.request_count(s) for s in ("rocketchat", "callbell", "smartsheet")}
    result = accounts("status")
    assert result.code == 75 and len(result.err_lines) == 3
    # Only the retried delivery of 'Away' (3 attempts); before, a retried read followed it.
    assert {s: demo.request_count(s) - n for s, n in sent.items()} == {
        "rocketchat": 3,
        "callbell": 3,
        "smartsheet": 3,
    }


def test_69_when_the_tray_cannot_start_on_this_machine(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    # No display at all (ssh, a container, cron): one line instead of Qt's abort. The missing-library
    # case runs the real app in tests/integration/test_first_start.py.
    from trayapp.preflight import NO_DISPLAY

    for var in ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE"):
        monkeypatch.delenv(var, raising=False)
    for argv in ((), ("--demo",), ("--background",)):
        result = cli(*argv)
        assert result.code == 69
        assert result.err_lines == [f"trayapp: {NO_DISPLAY}"]


def test_70_for_an_unexpected_error_with_the_details_in_the_log(
    accounts: CLI, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("trayapp.core.service.StatusService.current", broken)
    caplog.set_level(logging.ERROR)
    result = accounts("status")
    assert result.code == 70
    assert result.err_lines == [
        "trayapp: an unexpected error happened; please report it (details were logged)."
    ]
    assert "RuntimeError: a bug" in caplog.text


def test_130_when_interrupted(accounts: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("trayapp.core.service.StatusService.current", interrupted)
    result = accounts("status")
    assert result.code == 130 and result.err == ""
