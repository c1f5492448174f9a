"""Issue 13 through the command line: what a user sees when a service behaves as its own reference says."""

from __future__ import annotations

from tests.cli.conftest import CLI
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
