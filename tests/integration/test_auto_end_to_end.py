"""The real tray app (a separate process, real keyring) on private session and system buses with
stand-in desktop services, against the demo server: lock → Away on the chat accounts, unlock → the exact
earlier status, message and availability; a manual change while locked is kept; sleep; a calendar
meeting → its status, its end → restored. The demo server's writes are the evidence, in order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.auto.standin import StandIn, private_bus
from tests.realparts import require_tools, xdg_folders
from trayapp.demo import seed
from trayapp.demo.server import DemoServer, Exchange

MEETING = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//trayapp tests//EN
BEGIN:VEVENT
UID:meeting@test
DTSTART:{start}
DTEND:{end}
SUMMARY:Quarterly numbers (private)
LOCATION:Board room
END:VEVENT
END:VCALENDAR
"""


class Desktop:
    def __init__(self, env: dict[str, str], home: Path) -> None:
        self.env = env
        self.home = home
        self.app: subprocess.Popen[bytes] | None = None

    def cli(self, *argv: str, stdin: str = "") -> str:
        proc = subprocess.run(
            [sys.executable, "-m", "trayapp", *argv],
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 0, (argv, proc.stdout, proc.stderr)
        assert "Traceback" not in proc.stderr
        return proc.stdout

    def log(self) -> str:
        path = Path(self.env["XDG_STATE_HOME"]) / "trayapp" / "log" / "trayapp.log"
        return path.read_text(encoding="utf-8") if path.exists() else ""

    def start_tray(self) -> None:
        out = (self.home / "app.out").open("wb")
        self.app = subprocess.Popen([sys.executable, "-m", "trayapp"], env=self.env, stdout=out, stderr=out)
        out.close()


def wait_for(what: str, check: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"not within {timeout:g} s: {what}")


@pytest.fixture
def desktop(demo: DemoServer, tmp_path: Path) -> Iterator[tuple[Desktop, StandIn, StandIn]]:
    require_tools("dbus-daemon", "gnome-keyring-daemon")
    with private_bus(tmp_path / "session-bus") as session, private_bus(tmp_path / "system-bus") as system:
        screensaver = StandIn(session, "session").start()
        login1 = StandIn(system, "system").start()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "PYTHON_KEYRING", "XDG_"))}
        env.update(
            HOME=str(tmp_path),
            QT_QPA_PLATFORM="offscreen",
            PYTHONPATH=str(Path.cwd()),
            DBUS_SESSION_BUS_ADDRESS=session,
            DBUS_SYSTEM_BUS_ADDRESS=system,
            **xdg_folders(tmp_path),
        )
        keyring = subprocess.run(
            ["gnome-keyring-daemon", "--unlock", "--components=secrets"],
            env=env,
            input="test",
            capture_output=True,
            text=True,
            timeout=30,
        )
        for line in keyring.stdout.splitlines():
            name, _, value = line.partition("=")
            if name.startswith("GNOME_KEYRING"):
                env[name] = value
        d = Desktop(env, tmp_path)
        try:
            yield d, screensaver, login1
        finally:
            if d.app is not None:
                d.app.terminate()
                d.app.wait(15)
            screensaver.stop()
            login1.stop()
            subprocess.run(
                ["pkill", "-u", str(os.getuid()), "-f", "gnome-keyring-daemon --unlock"], check=False
            )


def writes(exchanges: list[Exchange]) -> list[str]:
    """What the demo server received that changes a status, in order (bodies as sent)."""
    out = []
    for x in exchanges:
        if x.method in ("POST", "PUT", "PATCH") and not x.path.endswith(("/login", "/auth")):
            out.append(f"{x.service} {x.method} {x.path} {x.body.decode('utf-8', 'replace')}")
    return out


def test_lock_sleep_manual_change_and_a_meeting_in_the_real_tray(
    desktop: tuple[Desktop, StandIn, StandIn], demo: DemoServer, tmp_path: Path
) -> None:
    d, screensaver, login1 = desktop
    d.cli(
        "accounts", "add", "rocketchat", "rocket", "--url", demo.rocketchat_url,
        "--user-id", seed.RC_ALICE_ID, "--token-stdin", stdin=seed.RC_ALICE_PAT,
    )  # fmt: skip
    d.cli(
        "accounts", "add", "callbell", "callbell", "--url", demo.callbell_url,
        "--user-uuid", seed.CB_USER_UUID, "--token-stdin", stdin=seed.CB_TOKEN,
    )  # fmt: skip
    d.cli("set", "--busy", "--message", "Reviewing PRs", "--account", "rocket")
    d.cli("set", "Training", "--account", "callbell")
    rc_before = demo.rc_user(seed.RC_ALICE_ID)
    cb_before = demo.cb_user_status(seed.CB_USER_UUID)
    assert "auto lock" not in d.cli("auto", "lock", "on")

    def rc() -> tuple[str, str]:
        user = demo.rc_user(seed.RC_ALICE_ID)
        return user["statusDefault"], user["statusText"]

    def cb() -> dict[str, object]:
        return demo.cb_user_status(seed.CB_USER_UUID)

    exchanges = demo.record()
    d.start_tray()
    wait_for("the tray listens", lambda: "screen lock heard from" in d.log())
    assert "org.freedesktop.ScreenSaver" in d.log() and "org.freedesktop.login1" in d.log()

    # 1. Lock → Away on both chat accounts; unlock → exactly what was there.
    screensaver.send("lock")
    wait_for("away while locked", lambda: rc()[0] == "away" and cb() != cb_before)
    screensaver.send("unlock")
    wait_for("back after unlock", lambda: rc() == ("busy", "Reviewing PRs") and cb() == cb_before)
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == rc_before["statusText"]

    # 2. A manual change while locked is kept at unlock (callbell is still put back on its own).
    login1.send("login1-lock")
    wait_for("away again", lambda: rc()[0] == "away" and cb() != cb_before)
    d.cli("set", "Back soon", "--account", "rocket")
    login1.send("login1-unlock")
    wait_for("callbell restored", lambda: cb() == cb_before)
    wait_for("told once", lambda: d.log().count("was changed by hand") == 1)
    assert rc() == ("away", "Back soon")
    d.cli("set", "--busy", "--message", "Reviewing PRs", "--account", "rocket")

    # 3. Sleep → Away; resume (not locked) → back.
    login1.send("sleep")
    wait_for("away while asleep", lambda: rc()[0] == "away")
    wait_for("the suspend may go on", lambda: bool(login1.released))
    sent = [r.at for r in demo.requests if r.path.endswith(("/users.setStatus", "/status"))]
    assert sent[-1] <= login1.released[0]  # both Aways went out before logind's delay lock was let go
    login1.send("resume")
    wait_for("back after resume", lambda: rc() == ("busy", "Reviewing PRs") and cb() == cb_before)

    # 4. A meeting from the calendar → "In a call" on rocket; its end → restored.
    # Long enough that a loaded machine's slow CLI start cannot make the tray miss it.
    start = datetime.now(timezone.utc) + timedelta(seconds=8)
    end = start + timedelta(seconds=12)
    ics = tmp_path / "work.ics"
    ics.write_text(
        MEETING.format(start=f"{start:%Y%m%dT%H%M%SZ}", end=f"{end:%Y%m%dT%H%M%SZ}"), encoding="utf-8"
    )
    d.cli(
        "auto", "calendar", "add", "work", "--ics", str(ics), "--status", "In a call", "--account", "rocket"
    )
    wait_for("the meeting status", lambda: rc() == ("busy", "In a call"), timeout=30)
    wait_for("restored after the meeting", lambda: rc() == ("busy", "Reviewing PRs"), timeout=30)

    listing = json.loads(d.cli("schedule", "--json"))
    assert [r["kind"] for r in listing] == ["calendar"]
    log = d.log()
    assert "Traceback" not in log
    for private in ("Quarterly numbers", "Board room"):
        assert private not in log and private not in json.dumps(listing)
    trace = writes(exchanges)
    (tmp_path / "trace.txt").write_text("\n".join(trace), encoding="utf-8")
    print("\n".join(trace))
    training = cb_before["custom_status_id"]
    assert training == next(s["id"] for s in demo.cb_custom_statuses() if s["name"] == "Training")
    assert training and f'"custom_status_uuid":"{training}"' in trace[3]
    rc_away = 'rocketchat POST /api/v1/users.setStatus {"status":"away"}'
    rc_back = 'rocketchat POST /api/v1/users.setStatus {"status":"busy","message":"Reviewing PRs"}'
    cb_away = f'callbell PUT /users/{seed.CB_USER_UUID}/status {{"available":false}}'
    cb_path = f"callbell PUT /users/{seed.CB_USER_UUID}/status"
    cb_back = f'{cb_path} {{"custom_status_uuid":"{training}","available":true}}'
    # Each step once per account, in order; nothing fires twice, nothing the user set by hand is undone.
    assert trace == [
        rc_away, cb_away, rc_back, cb_back,  # lock, unlock
        rc_away, cb_away,  # login1 Lock
        'rocketchat POST /api/v1/users.setStatus {"message":"Back soon","status":"away"}',  # by hand
        cb_back,  # login1 Unlock: callbell put back, rocket's own change kept
        rc_back,  # (the test sets it back by hand)
        rc_away, cb_away, rc_back, cb_back,  # sleep, resume
        'rocketchat POST /api/v1/users.setStatus {"message":"In a call","status":"busy"}',  # the meeting
        rc_back,  # its end
    ], "\n".join(trace)  # fmt: skip
