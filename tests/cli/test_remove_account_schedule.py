"""Removing an account takes its timed changes with it: nothing of it is left to fail later, or to act
on a new account of the same name; the other accounts of a shared change keep their part."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from tests.cli.conftest import Trayapp
from trayapp.demo import seed
from trayapp.demo.server import DemoServer


def _schedule(trayapp: Trayapp) -> list[tuple[str, list[str], str]]:
    listed = trayapp("schedule", "--json")
    assert listed.code == 0, listed.err
    return [(e["change"], e["accounts"], e["phase"]) for e in json.loads(listed.out)]


def _in(hours: int) -> str:
    return (datetime.now(timezone.utc) + timedelta(hours=hours)).isoformat(timespec="minutes")


def _set(trayapp: Trayapp, *argv: str) -> None:
    done = trayapp("set", *argv)
    assert done.code == 0, done.err


def test_removing_an_account_cancels_its_part_of_the_schedule(trayapp: Trayapp, demo: DemoServer) -> None:
    _set(trayapp, "--away", "--account", "rocket", "--start", _in(2), "--for", "30m")
    _set(trayapp, "--away", "--account", "rocket", "--account", "callbell", "--start", _in(4), "--for", "1h")
    _set(trayapp, "--away", "--account", "callbell", "--start", _in(6), "--for", "1h")
    assert [accounts for _what, accounts, _phase in _schedule(trayapp)] == [
        ["rocket"],
        ["rocket", "callbell"],
        ["callbell"],
    ]

    removed = trayapp("accounts", "remove", "rocket")
    assert removed.code == 0, removed.err
    assert removed.out == "Removed rocket and its keyring entry; also cancelled 2 timed changes.\n"
    assert _schedule(trayapp) == [("Away", ["callbell"], "scheduled")] * 2

    # A new account of the same name starts with an empty schedule of its own.
    added = trayapp(
        "accounts", "add", "rocketchat", "rocket", "--url", demo.rocketchat_url,
        "--user-id", seed.RC_ALICE_ID, "--token-stdin", stdin=seed.RC_ALICE_PAT + "\n",
    )  # fmt: skip
    assert added.code == 0, added.err
    assert all("rocket" not in accounts for _what, accounts, _phase in _schedule(trayapp))


def test_removing_an_account_with_nothing_scheduled_says_only_that(trayapp: Trayapp) -> None:
    _set(trayapp, "--away", "--account", "callbell", "--start", _in(2), "--for", "1h")
    removed = trayapp("accounts", "remove", "smartsheet")
    assert removed.out == "Removed smartsheet and its keyring entry.\n"
    assert _schedule(trayapp) == [("Away", ["callbell"], "scheduled")]


def test_removing_an_account_with_one_timed_change_says_it_in_the_singular(trayapp: Trayapp) -> None:
    _set(trayapp, "--away", "--account", "smartsheet", "--start", _in(2), "--for", "1h")
    removed = trayapp("accounts", "remove", "smartsheet")
    assert removed.out == "Removed smartsheet and its keyring entry; also cancelled 1 timed change.\n"
    assert _schedule(trayapp) == []
