"""Qt's own command-line options reach Qt (issue 11): the app passed only argv[0] to QApplication."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.realparts import xdg_folders


def test_style_and_platform_options_reach_qt(tmp_path: Path) -> None:
    env = {
        k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "QT_STYLE_OVERRIDE", "DISPLAY")
    }
    env.update(xdg_folders(tmp_path))
    log = Path(env["XDG_STATE_HOME"]) / "trayapp" / "log" / "trayapp.log"
    # Without -platform offscreen reaching Qt this could not start at all: there is no display.
    proc = subprocess.Popen(
        [sys.executable, "-m", "trayapp", "--demo", "-platform", "offscreen", "-style=fusion"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and proc.poll() is None:
            if log.exists() and "Qt platform" in log.read_text():
                break
            time.sleep(0.1)
        assert proc.poll() is None, log.read_text() if log.exists() else "no log"
        assert "Qt platform offscreen, style fusion" in log.read_text()
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(15)


def test_a_qt_option_with_a_command_is_a_usage_error(tmp_path: Path) -> None:
    env = {**os.environ, **xdg_folders(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "trayapp", "accounts", "list", "-style", "fusion"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == "trayapp: -style is an option of the tray app: give it without a command."
