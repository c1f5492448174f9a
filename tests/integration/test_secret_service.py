"""Tokens go to a real Secret Service (gnome-keyring on a private D-Bus) and nowhere else."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.realparts import require_tools, xdg_folders
from trayapp.demo import seed

SCRIPT = Path(__file__).with_name("keyring_session.py")
UNLOCK = (
    'eval "$(printf %s "$SS_PW" | gnome-keyring-daemon --unlock --components=secrets)"; '
    'export GNOME_KEYRING_CONTROL; exec "$@"'
)
TOKENS = (seed.RC_ALICE_PAT, seed.CB_TOKEN, seed.SS_TOKEN, seed.RC_BOB_PASSWORD)


def run_in_keyring(home: Path, mode: str, password: str) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "PYTHON_KEYRING", "XDG_"))}
    env.update(
        xdg_folders(home),
        HOME=str(home),
        SS_PW=password,
        TMPDIR=str(home / "tmp"),
        PYTHONPATH=str(Path.cwd()),
    )
    (home / "tmp").mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", UNLOCK, "_", sys.executable, str(SCRIPT), mode],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["stderr"] = proc.stderr
    return result


@pytest.fixture
def home(tmp_path: Path) -> Path:
    require_tools("dbus-run-session", "gnome-keyring-daemon")
    return tmp_path


def test_session_stores_tokens_only_in_the_secret_service(home: Path) -> None:
    result = run_in_keyring(home, "session", "test")
    assert result["backend"] == "keyring.backends.SecretService"
    for step in result["steps"]:
        assert step["code"] == 0, step
    statuses = json.loads(result["steps"][6]["out"])
    assert {row["account"] for row in statuses} == {"rocket", "bob", "callbell", "smartsheet"}
    # the keyring holds the tokens (in its encrypted file) ...
    keyring_files = list((home / "data" / "keyrings").glob("*.keyring"))
    assert keyring_files
    # ... and no other file, nor any output, holds any of them in plain text
    hits = []
    for path in home.rglob("*"):
        if path.is_file() and path not in keyring_files:
            data = path.read_bytes()
            hits += [(str(path), t) for t in TOKENS if t.encode() in data]
    output = json.dumps(result)
    hits += [("output", t) for t in TOKENS if t in output]
    assert hits == []
    assert (home / "config" / "trayapp" / "settings.json").exists()


def test_locked_keyring_gives_a_clear_message(home: Path) -> None:
    run_in_keyring(home, "session", "right-password")
    result = run_in_keyring(home, "status", "wrong-password")
    step = result["steps"][0]
    assert step["code"] == 1
    lines = step["err"].strip().splitlines()
    assert lines and all("keyring is locked" in line for line in lines), step["err"]
    assert "Traceback" not in step["err"] + result["stderr"]
