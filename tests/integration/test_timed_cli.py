"""Timed changes through the real CLI (separate processes, real keyring), against the demo server: one
timed change on three accounts is one schedule entry, and a status set later replaces its end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.realparts import require_tools, xdg_folders
from trayapp.demo import seed
from trayapp.demo.server import DemoServer

SCRIPT = r"""
set -eu
eval "$(printf test | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
printf '%s\n' "$RC_TOKEN" | "$PY" -m trayapp accounts add rocketchat rocket --url "$RC_URL" \
    --user-id "$RC_USER" --token-stdin > /dev/null
printf '%s\n' "$CB_TOKEN" | "$PY" -m trayapp accounts add callbell callbell --url "$CB_URL" \
    --user-uuid "$CB_USER" --token-stdin > /dev/null
printf '%s\n' "$SS_TOKEN" | "$PY" -m trayapp accounts add smartsheet smartsheet --url "$SS_URL" \
    --email "$SS_EMAIL" --token-stdin > /dev/null
"$PY" -m trayapp set --away --for 30m > "$HOME/away.txt"
"$PY" -m trayapp schedule --json > "$HOME/during.json"
"$PY" -m trayapp set --available --account rocket --account callbell > /dev/null
"$PY" -m trayapp schedule --json > "$HOME/after.json"
"""


def test_set_during_a_timed_change_replaces_its_end(demo: DemoServer, tmp_path: Path) -> None:
    require_tools("dbus-run-session", "gnome-keyring-daemon")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "PYTHON_KEYRING", "XDG_"))}
    env.update(
        HOME=str(tmp_path),
        PY=sys.executable,
        PYTHONPATH=str(Path.cwd()),
        RC_TOKEN=seed.RC_ALICE_PAT,
        RC_URL=demo.rocketchat_url,
        RC_USER=seed.RC_ALICE_ID,
        CB_TOKEN=seed.CB_TOKEN,
        CB_URL=demo.callbell_url,
        CB_USER=seed.CB_USER_UUID,
        SS_TOKEN=seed.SS_TOKEN,
        SS_URL=demo.smartsheet_url,
        SS_EMAIL=seed.SS_USER_EMAIL,
        **xdg_folders(tmp_path),
    )
    proc = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr

    # One entry for the three accounts (before: one per account, each ended or extended on its own).
    [during] = json.loads((tmp_path / "during.json").read_text(encoding="utf-8"))
    assert during["accounts"] == ["rocket", "callbell", "smartsheet"] and during["phase"] == "active"
    said = (tmp_path / "away.txt").read_text(encoding="utf-8")
    assert said.count(f"[{during['id']}]") == 3, said

    # Available on two of them: their part of the timed change ends without a restore; the third keeps it.
    [after] = json.loads((tmp_path / "after.json").read_text(encoding="utf-8"))
    assert after["phase"] == "active", after  # still running on Smartsheet RM
    assert "rocket: 'Away' was replaced by 'Available'." in after["note"], after["note"]
    assert "callbell: 'Away' was replaced by 'Available'." in after["note"], after["note"]
    assert demo.rc_user(seed.RC_ALICE_ID)["status"] == "online"
    assert demo.cb_user_status(seed.CB_USER_UUID)["available"] is True
