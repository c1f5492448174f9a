"""What a Rocket.Chat user reads in the terminal when the server shows something other than what was set
(issue 13, item 4)."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import CLI
from trayapp.demo import seed
from trayapp.demo.server import DemoServer

NO_CLIENT = "Rocket.Chat shows you offline until a Rocket.Chat client is open."


def test_set_during_a_call_says_the_call_wins_instead_of_success(accounts: CLI, demo: DemoServer) -> None:
    demo.rc_claim(seed.RC_ALICE_ID, "internal", "busy", "On a call")
    result = accounts("set", "Lunch", "--account", "rocket")
    assert result.code == 0, result.err
    assert result.out.strip() == (
        "rocket: 'Lunch' is saved, but not shown: Rocket.Chat shows a call or meeting (busy), "
        "which outranks a status set by hand until it ends."
    )
    status = accounts("status")
    assert "call or meeting" in status.out
    rows = json.loads(accounts("status", "--json").out)
    rocket = next(r for r in rows if r["account"] == "rocket")
    assert rocket["source"] == "internal" and "call or meeting" in rocket["notice"]


def test_set_with_no_client_open_says_nobody_sees_it(accounts: CLI, demo: DemoServer) -> None:
    demo.rc_set_connection(seed.RC_ALICE_ID, "offline")
    result = accounts("set", "--busy", "--account", "rocket")
    assert result.out.strip() == f"rocket: 'Busy' is saved, but not shown: {NO_CLIENT}"
    assert NO_CLIENT in accounts("status").out


def test_a_calendar_status_is_shown_with_its_end(accounts: CLI, demo: DemoServer) -> None:
    demo.rc_claim(seed.RC_ALICE_ID, "external", "busy", "In a meeting", expires_in=3600)
    rows = json.loads(accounts("status", "--json").out)
    rocket = next(r for r in rows if r["account"] == "rocket")
    assert (rocket["availability"], rocket["message"], rocket["source"]) == (
        "busy",
        "In a meeting",
        "external",
    )
    assert rocket["end"] is not None and rocket["notice"] is None


def test_a_message_over_120_characters_is_refused_not_cut(accounts: CLI, demo: DemoServer) -> None:
    result = accounts("set", "--busy", "--message", "m" * 121, "--account", "rocket")
    assert result.code == 1
    assert result.err_lines == [
        "trayapp: rocket: Rocket.Chat keeps only 120 characters of a status message: shorten it."
    ]
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == ""
    later = accounts("set", "--busy", "--message", "m" * 121, "--for", "1h", "--account", "rocket")
    assert later.code == 1 and "120 characters" in later.err  # refused before it is scheduled too


def test_the_exact_name_wins_over_one_that_differs_in_case(accounts: CLI, demo: DemoServer) -> None:
    assert accounts("create", "lunch", "--account", "rocket", "--type", "busy").code == 0
    assert accounts("set", "lunch", "--account", "rocket").code == 0
    user = demo.rc_user(seed.RC_ALICE_ID)
    assert (user["statusDefault"], user["statusText"]) == ("busy", "lunch")  # not "Lunch" (away)


@pytest.mark.parametrize("version", ["v6", "v7"])
def test_older_servers_report_plain_success(accounts: CLI, demo: DemoServer, version: str) -> None:
    demo.settings.rc_version = version  # type: ignore[assignment]
    result = accounts("set", "Lunch", "--account", "rocket")
    assert (result.code, result.out.strip()) == (0, "rocket: Lunch")
    rows = json.loads(accounts("status", "--json").out)
    rocket = next(r for r in rows if r["account"] == "rocket")
    assert (rocket["status"], rocket["availability"], rocket["source"], rocket["notice"]) == (
        "Lunch",
        "away",
        None,
        None,
    )
