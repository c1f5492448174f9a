"""What `schedule cancel` says about each account: its name once, then the sentence."""

from __future__ import annotations

import json

from tests.cli.conftest import CLI


def test_cancelling_a_running_change_names_each_account_once(accounts: CLI) -> None:
    assert accounts("set", "--away", "--for", "1h").code == 0
    [row] = json.loads(accounts("schedule", "--json").out)  # one entry for every account
    result = accounts("schedule", "cancel", row["id"])
    assert result.code == 0, result.err
    lines = [line for line in result.out.splitlines() if "ended" in line]
    assert sorted(lines) == [
        "callbell: 'Away' ended; the previous status is back.",
        "rocket: 'Away' ended; the previous status is back.",
        "smartsheet: 'Away' ended; the previous status is back.",
    ], result.out
