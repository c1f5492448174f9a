"""`trayapp doctor` on real desktop parts: Xvfb with xfce4-panel (a StatusNotifierItem host), trayer
(XEmbed only) or no tray at all; a private D-Bus session with or without dunst (a real notification
server) and gnome-keyring; accounts on a demo server that answers and on one that is gone. Each run is
the real command in a subprocess, as a user or a bug report would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration import xtray
from tests.realparts import require_tools, xdg_folders
from trayapp.demo import seed
from trayapp.demo.server import DemoServer
from trayapp.doctor import EXIT_NEEDS_ACTION
from trayapp.preflight import NO_DISPLAY

pytestmark = [pytest.mark.realtray, pytest.mark.skipif(sys.platform != "linux", reason="Xvfb is Linux-only")]

CHECKS = ["desktop", "qt", "tray", "notifications", "keyring", "autostart", "presence"]


def doctor_env(session: xtray.TraySession, profile: Path, desktop: str) -> dict[str, str]:
    env = session.app_env(profile)
    del env["QT_QPA_PLATFORM"]  # Qt's own choice, as on a desktop
    env.update(XDG_SESSION_TYPE="x11", XDG_CURRENT_DESKTOP=desktop)
    return env


def trayapp(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trayapp", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def lines_of(out: str) -> dict[str, str]:
    """'OK   Tray: ...' lines by their title ('Tray')."""
    found = {}
    for line in out.splitlines()[1:]:
        status, _, rest = line.partition("  ")
        title, _, _ = rest.strip().partition(":")
        found[title] = f"{status.strip()} {rest.strip()}"
    return found


def as_json(env: dict[str, str]) -> tuple[int, dict[str, Any]]:
    proc = trayapp(env, "doctor", "--json")
    report: dict[str, Any] = json.loads(proc.stdout)
    return proc.returncode, report


@pytest.fixture
def xfce_with_dunst_and_keyring(tmp_path: Path) -> Iterator[xtray.TraySession]:
    xtray.require("xfce")
    require_tools("dunst", "gnome-keyring-daemon")
    (tmp_path / "x").mkdir()
    with xtray.TraySession(tmp_path / "x", host="xfce", keyring_password="doctor") as session:
        session.start_program("dunst", ["dunst"], owns="org.freedesktop.Notifications")
        yield session


def test_on_xfce_with_dunst_and_an_unlocked_keyring_every_line_is_ok(
    xfce_with_dunst_and_keyring: xtray.TraySession, tmp_path: Path, demo: DemoServer
) -> None:
    env = doctor_env(xfce_with_dunst_and_keyring, tmp_path / "profile", "XFCE")
    added = trayapp(
        env,
        *("accounts", "add", "rocketchat", "rocket", "--url", demo.rocketchat_url),
        *("--user-id", seed.RC_ALICE_ID, "--token-stdin"),
        stdin=seed.RC_ALICE_PAT + "\n",
    )
    assert added.returncode == 0, added.stderr

    proc = trayapp(env, "doctor")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = lines_of(proc.stdout)
    assert all(line.startswith("OK ") for line in lines.values()), proc.stdout
    assert "XFCE, x11 session" in lines["Desktop"]
    assert "xcb on the X11 display" in lines["Qt platform"]
    assert "StatusNotifierItem host (org.kde.StatusNotifierWatcher by panel-" in lines["Tray"]
    assert "XEmbed tray" in lines["Tray"]
    assert lines["Notifications"].startswith("OK Notifications: dunst ")
    assert lines["Keyring"] == "OK Keyring: Secret Service (gnome-keyring-daemon), unlocked"
    assert lines["Launch at login"].startswith("OK Launch at login: off")
    assert lines["Account rocket"] == (
        f"OK Account rocket: Rocket.Chat at {demo.rocketchat_url}, reachable, signed in (Available)"
    )
    assert seed.RC_ALICE_PAT not in proc.stdout + proc.stderr

    # An account whose server is gone: its own line says what to do, and the exit code says "act".
    with DemoServer() as gone:
        added = trayapp(
            env,
            *("accounts", "add", "callbell", "office", "--url", gone.callbell_url),
            *("--user-uuid", seed.CB_USER_UUID, "--token-stdin"),
            stdin=seed.CB_TOKEN + "\n",
        )
        assert added.returncode == 0, added.stderr
    code, report = as_json(env)
    assert code == EXIT_NEEDS_ACTION
    assert report["ok"] is False
    assert [c["check"] for c in report["checks"]] == [*CHECKS, "account", "account"]
    for check in report["checks"]:
        assert set(check) == {"check", "title", "ok", "summary", "action", "details"}
        assert isinstance(check["ok"], bool) and (check["ok"] == (check["action"] == ""))
    by_check = {c["check"]: c for c in report["checks"] if c["check"] != "account"}
    assert by_check["tray"]["details"]["sni_host"] is True
    assert by_check["notifications"]["details"]["server"] == "dunst"
    assert by_check["keyring"]["details"]["locked"] is False
    assert by_check["qt"]["details"]["platform"] == "xcb"
    accounts = {c["details"]["account"]: c for c in report["checks"] if c["check"] == "account"}
    assert accounts["rocket"]["ok"] is True and accounts["rocket"]["details"]["reachable"] is True
    office = accounts["office"]
    assert office["ok"] is False and office["details"]["reachable"] is False
    assert office["details"]["error"] == "ServiceUnavailable"
    assert "check your network and the server address" in office["action"]
    assert all(c["ok"] for c in report["checks"] if c is not office)


@pytest.fixture
def trayer_on_a_bare_bus(tmp_path: Path) -> Iterator[xtray.TraySession]:
    xtray.require("trayer")
    (tmp_path / "x").mkdir()
    with xtray.TraySession(tmp_path / "x", host="trayer", bus="bare") as session:
        yield session


def test_an_xembed_tray_is_enough_but_a_missing_notification_server_and_keyring_are_not(
    trayer_on_a_bare_bus: xtray.TraySession, tmp_path: Path
) -> None:
    env = doctor_env(trayer_on_a_bare_bus, tmp_path / "profile", "")
    proc = trayapp(env, "doctor")
    assert proc.returncode == EXIT_NEEDS_ACTION, proc.stdout + proc.stderr
    lines = lines_of(proc.stdout)
    assert lines["Tray"] == "OK Tray: XEmbed tray (_NET_SYSTEM_TRAY_S0)"
    assert lines["Notifications"].startswith(
        "FIX Notifications: no notification server (org.freedesktop.Notifications) — install one"
    )
    assert lines["Keyring"].startswith("FIX Keyring: no secure keyring — ")
    assert "gnome-keyring" in lines["Keyring"]
    assert lines["Accounts"].startswith("OK Accounts: none yet")
    code, report = as_json(env)
    assert code == EXIT_NEEDS_ACTION
    assert [c["check"] for c in report["checks"]] == [*CHECKS, "account"]
    tray = report["checks"][2]["details"]
    assert tray == {"sni_watcher": False, "sni_host": False, "watcher_program": "", "xembed": True}


def test_on_stock_gnome_without_a_tray_it_names_the_extension(tmp_path: Path) -> None:
    xtray.require("none")
    (tmp_path / "x").mkdir()
    with xtray.TraySession(tmp_path / "x", host="none", bus="bare") as session:
        proc = trayapp(doctor_env(session, tmp_path / "profile", "GNOME"), "doctor")
    assert proc.returncode == EXIT_NEEDS_ACTION
    tray = lines_of(proc.stdout)["Tray"]
    assert tray.startswith("FIX Tray: no system tray found — stock GNOME has no tray: install the ")
    assert "gnome-shell-extension-appindicator" in tray
    assert "trayapp shows a window instead" in tray


def test_with_no_display_and_no_bus_it_still_answers_and_never_loads_qt(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISPLAY", "WAYLAND", "DBUS", "XDG_"))}
    env.pop("QT_QPA_PLATFORM", None)
    env.update(
        xdg_folders(tmp_path), HOME=str(tmp_path), PYTHONPATH=os.pathsep.join(p for p in sys.path if p)
    )
    probe = (
        "import sys\n"
        "from trayapp.cli import main\n"
        "code = main(['doctor'])\n"
        "print('PySide6 loaded' if any(m.startswith('PySide6') for m in sys.modules) else 'no Qt')\n"
        "sys.exit(code)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == EXIT_NEEDS_ACTION, proc.stderr
    assert proc.stdout.splitlines()[-1] == "no Qt"
    lines = lines_of("\n".join(proc.stdout.splitlines()[:-1]))
    assert lines["Qt platform"] == f"FIX Qt platform: the tray cannot start — {NO_DISPLAY}"
    assert "no D-Bus session bus" in lines["Tray"] and "inside your desktop session" in lines["Tray"]
    assert lines["Notifications"].startswith("FIX Notifications: there is no D-Bus session bus")
    assert proc.stderr == ""


def test_a_locked_keyring_says_to_unlock_it(tmp_path: Path) -> None:
    xtray.require("none")
    require_tools("gnome-keyring-daemon")
    root = tmp_path / "x"
    root.mkdir()
    with xtray.TraySession(root, host="none", bus="bare", keyring_password="right"):
        pass  # the first login makes the keyring, with this password
    with xtray.TraySession(root, host="none", bus="bare", keyring_password="wrong") as session:
        proc = trayapp(doctor_env(session, tmp_path / "profile", "GNOME"), "doctor")
    assert proc.returncode == EXIT_NEEDS_ACTION
    assert lines_of(proc.stdout)["Keyring"] == (
        "FIX Keyring: Secret Service (gnome-keyring-daemon), locked — unlock it (log in again, or open "
        "your passwords app); until then trayapp cannot read its tokens"
    )
