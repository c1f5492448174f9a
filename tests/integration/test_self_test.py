"""`trayapp self-test` on a real Secret Service (gnome-keyring on a private D-Bus): what a packager runs
on the wheel or the frozen bundle to learn that its keyring, launch at login and notifier work."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.integration.test_secret_service import UNLOCK
from tests.realparts import require_tools, xdg_folders


def self_test(home: Path, *, keyring_backend: str = "") -> tuple[int, dict[str, Any]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "PYTHON_KEYRING", "XDG_"))}
    env.update(xdg_folders(home), HOME=str(home), SS_PW="test", PYTHONPATH=str(Path.cwd()))
    if keyring_backend:
        env["PYTHON_KEYRING_BACKEND"] = keyring_backend
    proc = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", UNLOCK, "_", sys.executable, "-m", "trayapp", "self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    report: dict[str, Any] = json.loads(proc.stdout)
    return proc.returncode, report


def checks(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["check"]: c for c in report["checks"]}


@pytest.fixture
def home(tmp_path: Path) -> Path:
    require_tools("dbus-run-session", "gnome-keyring-daemon")
    return tmp_path


def test_self_test_passes_on_a_real_secret_service_and_leaves_nothing_behind(home: Path) -> None:
    code, report = self_test(home)
    assert code == 0 and report["ok"], report
    found = checks(report)
    assert found["keyring"]["detail"].startswith("keyring.backends.SecretService.Keyring")
    assert found["secret"] == {
        "check": "secret", "ok": True, "detail": "stored, read back and deleted a throwaway secret"
    }
    assert found["autostart"]["ok"]
    assert "turned on, read back and turned off again" in found["autostart"]["detail"]
    assert found["notifier"]["ok"]
    assert not (home / "config" / "autostart" / "trayapp.desktop").exists()  # turned off again


def test_a_bundle_without_a_keyring_backend_fails_the_self_test(home: Path) -> None:
    # What a frozen bundle that lost keyring's entry points gets: keyring's fail backend.
    code, report = self_test(home, keyring_backend="keyring.backends.fail.Keyring")
    assert code == 1 and not report["ok"]
    found = checks(report)
    assert not found["keyring"]["ok"]
    assert found["keyring"]["detail"].startswith("keyring.backends.fail.Keyring")
    assert not found["secret"]["ok"] and "never stores them in plain text" in found["secret"]["detail"]


def test_the_users_own_launch_entry_is_read_not_rewritten(home: Path) -> None:
    entry = home / "config" / "autostart" / "trayapp.desktop"
    entry.parent.mkdir(parents=True)
    mine = "[Desktop Entry]\nType=Application\nName=trayapp\nExec=trayapp --background\nTryExec=trayapp\n"
    entry.write_text(mine)
    code, report = self_test(home)
    assert code == 0, report
    assert checks(report)["autostart"]["detail"].startswith("on, it starts trayapp")
    assert entry.read_text() == mine
    gone = home / "gone" / "trayapp"
    entry.write_text(mine.replace("TryExec=trayapp", f"TryExec={gone}"))
    code, report = self_test(home)
    assert code == 1 and f"points at {gone}, which no longer exists" in checks(report)["autostart"]["detail"]
