"""A first start that never aborts: the real `python -m trayapp` on a machine that lacks one of Qt's
xcb libraries (hidden in a private mount namespace), or has no display at all, prints one line saying
what to do and exits 69 — not Qt's SIGABRT (134). And XDG_RUNTIME_DIR unset (su, ssh, cron) starts
without a Python warning."""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.integration import xtray
from tests.realparts import require_tools, xdg_folders
from trayapp.preflight import EXIT_CANNOT_START, NO_DISPLAY

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="Qt's platform plugins: Linux only")

DISPLAY_VARS = ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE")


def app_env(root: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARS and not k.startswith("XDG_")}
    env.update(xdg_folders(root), HOME=str(root), PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    env.update(extra)
    return env


def loaded_path(soname: str) -> Path:
    """The file the dynamic loader maps for `soname` (what Qt's xcb plugin would load)."""
    ctypes.CDLL(soname)
    with open("/proc/self/maps") as maps:
        for line in maps:
            if soname.split(".so")[0] + ".so" in line:
                return Path(line.split()[-1])
    raise AssertionError(f"{soname} is not mapped")


def require_mount_namespace() -> None:
    require_tools("unshare", "mount")
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        message = f"no private mount namespace here ({probe.stderr.strip()}): run the tests as root"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)


def test_with_no_display_the_start_says_so_in_one_line(tmp_path: Path) -> None:
    for args in (["--demo"], []):
        proc = subprocess.run(
            [sys.executable, "-m", "trayapp", *args],
            env=app_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == EXIT_CANNOT_START, (args, proc.returncode, proc.stderr[-2000:])
        assert proc.stderr == f"trayapp: {NO_DISPLAY}\n"
        assert proc.stdout == ""


def test_a_missing_xcb_library_is_named_with_its_package_instead_of_an_abort(tmp_path: Path) -> None:
    xtray.require("none")
    require_mount_namespace()
    hidden = loaded_path("libxcb-icccm.so.4")
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    with xtray.TraySession(tmp_path / "x", host="none") as session:
        env = app_env(tmp_path / "profile", DISPLAY=session.display, DBUS_SESSION_BUS_ADDRESS="disabled:")
        # A private mount namespace: the library is an empty file for this process only.
        script = 'mount --bind "$1" "$2" && shift 2 && exec "$@"'
        argv = ["unshare", "-m", "sh", "-c", script, "_", str(empty), str(hidden)]
        proc = subprocess.run(
            [*argv, sys.executable, "-m", "trayapp", "--demo"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert proc.returncode == EXIT_CANNOT_START, (proc.returncode, proc.stderr[-2000:])
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    line = lines[0]
    assert line.startswith(f"trayapp: Qt cannot start on the X11 display {session.display}: ")
    assert "libxcb-icccm.so.4 is missing" in line
    assert "'sudo apt install libxcb-icccm4'" in line and "'sudo dnf install xcb-util-wm'" in line
    assert "cursor" not in line  # Qt's own hint blames libxcb-cursor0 for any missing library


def test_xdg_runtime_dir_unset_starts_without_a_warning(tmp_path: Path) -> None:
    # TMPDIR: where the runtime folder falls back to, kept inside the test.
    (tmp_path / "tmp").mkdir()
    env = app_env(tmp_path, TMPDIR=str(tmp_path / "tmp"))
    del env["XDG_RUNTIME_DIR"]
    cli = subprocess.run(
        [sys.executable, "-m", "trayapp", "status"], env=env, capture_output=True, text=True, timeout=60
    )
    assert cli.returncode == 0, cli.stderr
    assert cli.stderr == ""

    env["QT_QPA_PLATFORM"] = "offscreen"
    log_file = tmp_path / "state" / "trayapp" / "log" / "trayapp.log"
    tray = subprocess.Popen(
        [sys.executable, "-m", "trayapp", "--demo"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        xtray.wait_for(
            lambda: log_file.exists() and "trayapp started" in log_file.read_text(), 60, "the tray to start"
        )
        time.sleep(0.5)
    finally:
        tray.send_signal(signal.SIGTERM)
        _out, err = tray.communicate(timeout=30)
    assert tray.returncode == 0, err
    assert "Warning" not in err and "XDG_RUNTIME_DIR" not in err, err
    assert "Runtime folder: XDG_RUNTIME_DIR is not set" in log_file.read_text()
