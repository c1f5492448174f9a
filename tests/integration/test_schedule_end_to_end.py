"""The real app (a separate process, real keyring) runs a change the CLI schedules a few seconds
ahead: the demo server sees the change at the start and the restore at the end."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from tests.realparts import require_tools, xdg_folders
from trayapp.demo import seed
from trayapp.demo.server import DemoServer

SCRIPT = r"""
set -eu
eval "$(printf test | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
printf '%s\n' "$RC_TOKEN" | "$PY" -m trayapp accounts add rocketchat rocket --url "$RC_URL" \
    --user-id "$RC_USER" --token-stdin
"$PY" -m trayapp set "In a call" --account rocket
"$PY" -m trayapp > "$HOME/app.log" 2>&1 &
APP=$!
sleep 2   # the tray app is up (no tray here: it shows its window) before the CLI records the change
# The window is placed from now, not from when the test began: under load the steps above take seconds.
read -r START END <<< "$("$PY" -c "$TIMES")"
printf '%s %s\n' "$START" "$END" > "$HOME/times"
"$PY" -m trayapp set Lunch --start "$START" --end "$END" --account rocket
sleep "$WAIT"
"$PY" -m trayapp schedule --json > "$HOME/schedule.json"
kill -TERM $APP; wait $APP || true
"""
# A start 4 s ahead (the CLI needs a moment to record it) and an end 3 s after it.
TIMES = (
    "from datetime import datetime as dt, timedelta as td, timezone as tz; "
    "s = dt.now(tz.utc) + td(seconds=4); "
    "print(s.isoformat(), (s + td(seconds=3)).isoformat())"
)


def test_app_applies_at_start_and_restores_at_end(demo: DemoServer, tmp_path: Path) -> None:
    require_tools("dbus-run-session", "gnome-keyring-daemon")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "PYTHON_KEYRING", "XDG_"))}
    env.update(
        HOME=str(tmp_path),
        PY=sys.executable,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(Path.cwd()),
        RC_TOKEN=seed.RC_ALICE_PAT,
        RC_URL=demo.rocketchat_url,
        RC_USER=seed.RC_ALICE_ID,
        TIMES=TIMES,
        WAIT="10",
        **xdg_folders(tmp_path),
    )
    proc = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    log = (tmp_path / "app.log").read_text(encoding="utf-8") if (tmp_path / "app.log").exists() else ""
    assert proc.returncode == 0, proc.stderr + log
    assert "Traceback" not in proc.stderr + log
    start, end = (datetime.fromisoformat(t) for t in (tmp_path / "times").read_text().split())
    writes = [r for r in demo.requests if r.path.endswith("/users.setStatus")]
    assert len(writes) == 3, writes  # "In a call" by hand, Lunch at the start, the restore at the end
    applied, restored = writes[1].at, writes[2].at
    assert start.timestamp() - 0.5 <= applied <= start.timestamp() + 3, applied - start.timestamp()
    assert end.timestamp() - 0.5 <= restored <= end.timestamp() + 3, restored - end.timestamp()
    user = demo.rc_user(seed.RC_ALICE_ID)
    assert (user["statusDefault"], user["statusText"]) == ("busy", "In a call")  # what was there before
    assert '"phase": "done"' in (tmp_path / "schedule.json").read_text(encoding="utf-8")
