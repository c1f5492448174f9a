"""`trayapp doctor`'s account and launch-at-login lines, in-process against the demo server. The desktop
parts (tray, notification server, keyring, Qt platform) are tested on real ones in
tests/integration/test_doctor.py."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from tests.cli.conftest import CLI
from trayapp import doctor
from trayapp.demo.server import DemoServer
from trayapp.doctor import accounts as account_checks_module


def account_checks(out: str) -> dict[str, dict[str, object]]:
    report = json.loads(out)
    return {c["details"]["account"]: c for c in report["checks"] if c["check"] == "account"}


def test_a_server_that_does_not_answer_gets_its_own_line_and_the_command_still_ends(
    accounts: CLI, demo: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(account_checks_module, "ACCOUNTS_DEADLINE_S", 1.0)
    demo.set_fault("slow", "callbell", count=1, delay=4)
    run = accounts("doctor", "--json")
    try:
        assert run.code == doctor.EXIT_NEEDS_ACTION
        checks = account_checks(run.out)
        assert checks["callbell"]["ok"] is False
        assert checks["callbell"]["summary"] == f"Callbell at {demo.callbell_url}, no answer within 1 s"
        assert "check your network and the server address" in str(checks["callbell"]["action"])
        assert checks["rocket"]["ok"] is True and checks["smartsheet"]["ok"] is True
    finally:  # the abandoned request finishes on its own thread; let it before the next test reseeds
        for thread in threading.enumerate():
            if thread.name == "trayapp-doctor":
                thread.join(15)


def test_a_signed_out_account_says_to_sign_in_again(accounts: CLI, demo: DemoServer) -> None:
    demo.set_fault("401", "rocketchat")
    run = accounts("doctor")
    assert run.code == doctor.EXIT_NEEDS_ACTION
    line = next(line for line in run.out.splitlines() if "Account rocket:" in line)
    assert line.startswith(f"FIX  Account rocket: Rocket.Chat at {demo.rocketchat_url}, signed out — ")
    assert "sign in again" in line


def test_launch_at_login_is_read_back_and_a_stale_entry_is_flagged(cli: CLI, tmp_path: Path) -> None:
    def autostart_line() -> str:
        return next(line for line in cli("doctor").out.splitlines() if "Launch at login:" in line)

    assert autostart_line().startswith("OK   Launch at login: off ('trayapp autostart on'")
    assert cli("autostart", "on").code == 0
    assert autostart_line().startswith("OK   Launch at login: on (")
    # The installation it points to was removed (an old venv, a moved folder):
    entry = doctor.check_autostart().details["location"]
    text = Path(entry).read_text()
    gone = tmp_path / "gone" / "trayapp"
    Path(entry).write_text(
        "\n".join(f"TryExec={gone}" if line.startswith("TryExec=") else line for line in text.splitlines())
    )
    line = autostart_line()
    assert line == (
        f"FIX  Launch at login: on, but it would not start — The launch entry points at {gone}, which no "
        "longer exists (moved or uninstalled). Turn Launch at login off and on to point it at this "
        "installation."
    )
    status = cli("autostart", "status")  # the CLI says the same, and fails
    assert status.code == 1 and f"points at {gone}, which no longer exists" in status.err
