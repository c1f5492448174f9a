"""The log says which timed change a new status replaced, so a user asking "why did my away end early?"
finds the answer in trayapp.log."""

from __future__ import annotations

import json

from tests.cli.conftest import CLI
from trayapp.core.paths import AppPaths
from trayapp.demo.server import DemoServer


def test_a_new_status_over_a_timed_one_is_logged_with_the_entry_it_replaced(
    accounts: CLI, demo: DemoServer, profile: AppPaths
) -> None:
    timed = accounts("set", "--away", "--for", "2h", "--account", "rocket")
    assert timed.code == 0, timed.err
    [entry] = json.loads(profile.schedule_file.read_text("utf-8"))["entries"]
    assert accounts("set", "--busy", "--account", "rocket").code == 0
    log = (profile.log_dir / "trayapp.log").read_text("utf-8")
    assert f"schedule {entry['id']}: replaced on rocket by " in log
