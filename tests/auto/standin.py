"""Stand-in desktop services on private D-Bus buses: a screensaver (org.freedesktop.ScreenSaver and
org.gnome.ScreenSaver) that emits ActiveChanged, a login1 that emits Lock/Unlock and PrepareForSleep, and
Mutter's IdleMonitor that fires watches. Jeepney only; usable in a test's thread or as a process that
reads commands from stdin (`python -m tests.auto.standin session|system`):

    lock / unlock            ActiveChanged(true/false) from both screensavers
    login1-lock / login1-unlock / sleep / resume
    idle / active            fire the idle watch / the user-active watch
"""

from __future__ import annotations

import os
import queue
import select
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection

SESSION_PATH = "/org/freedesktop/login1/session/_31"
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@contextmanager
def private_bus(folder: Path) -> Iterator[str]:
    """A dbus-daemon of our own (`--session` type, with a config); yields its address."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        raise RuntimeError("dbus-daemon is not installed (apt install dbus-daemon)")
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "bus.conf"
    config.write_text(BUS_CONFIG.format(folder=folder), encoding="utf-8")
    proc = subprocess.Popen(
        [daemon, f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # "Failed to set fd limit" as a non-root user: harmless
        text=True,
    )
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    try:
        yield address
    finally:
        proc.terminate()
        proc.wait(5)
        proc.stdout.close()


class StandIn:
    """The services of one bus ("session": the screensavers and Mutter; "system": login1)."""

    def __init__(self, address: str, kind: str, *, locked: bool = False, idle_ms: int = 0) -> None:
        self.kind = kind
        self.conn: DBusConnection = open_dbus_connection(address, enable_fds=kind == "system")
        self.locked = locked
        self.idle_ms = idle_ms
        self.commands: queue.Queue[str] = queue.Queue()
        self.calls: list[str] = []
        self._watches: dict[int, str] = {}
        self._next_watch = 1
        self._stop = threading.Event()
        self._inhibitors: list[int] = []  # read ends of the delay locks handed out
        self.released: list[float] = []  # time.time() when a delay lock was closed by its holder
        names = (
            ["org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver", "org.gnome.Mutter.IdleMonitor"]
            if kind == "session"
            else ["org.freedesktop.login1"]
        )
        for name in names:
            self.conn.send_and_get_reply(message_bus.RequestName(name))

    def serve(self) -> None:
        while not self._stop.is_set():
            try:
                command = self.commands.get_nowait()
            except queue.Empty:
                pass
            else:
                self._command(command)
                continue
            self._watch_inhibitors()
            try:
                message = self.conn.receive(timeout=0.05)
            except TimeoutError:
                continue
            except OSError:
                return
            if message.header.message_type is MessageType.method_call:
                self._answer(message)

    def start(self) -> StandIn:
        threading.Thread(target=self.serve, daemon=True, name=f"standin-{self.kind}").start()
        return self

    def send(self, command: str) -> None:
        self.commands.put(command)

    def stop(self) -> None:
        self._stop.set()
        self.conn.close()

    def _emit(self, path: str, interface: str, member: str, signature: str, *body: Any) -> None:
        self.conn.send(new_signal(DBusAddress(path, interface=interface), member, signature, body))

    def _command(self, command: str) -> None:
        if command in ("lock", "unlock"):
            self.locked = command == "lock"
            self._emit(
                "/org/freedesktop/ScreenSaver",
                "org.freedesktop.ScreenSaver",
                "ActiveChanged",
                "b",
                self.locked,
            )
            self._emit("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", "b", self.locked)
        elif command in ("login1-lock", "login1-unlock"):
            self.locked = command == "login1-lock"
            self._emit(
                SESSION_PATH, "org.freedesktop.login1.Session", "Lock" if self.locked else "Unlock", ""
            )
        elif command in ("sleep", "resume"):
            self._emit(
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                "b",
                command == "sleep",
            )
        elif command in ("idle", "active"):
            for watch, kind in list(self._watches.items()):
                if kind == command:
                    self._emit(
                        "/org/gnome/Mutter/IdleMonitor/Core",
                        "org.gnome.Mutter.IdleMonitor",
                        "WatchFired",
                        "u",
                        watch,
                    )
                    if kind == "active":
                        del self._watches[watch]

    def _watch_inhibitors(self) -> None:
        if not self._inhibitors:
            return
        readable, _, _ = select.select(self._inhibitors, [], [], 0)
        for fd in readable:
            if os.read(fd, 1) == b"":  # the holder closed its end: the suspend may go on
                self.released.append(time.time())
                self._inhibitors.remove(fd)
                os.close(fd)

    def _answer(self, message: Any) -> None:
        member = str(message.header.fields.get(HeaderFields.member, ""))
        self.calls.append(member)
        body = message.body
        if member == "GetActive":
            reply = new_method_return(message, "b", (self.locked,))
        elif member == "GetSessionIdleTime":
            reply = new_method_return(message, "u", (self.idle_ms // 1000,))
        elif member == "GetSessionByPID":
            reply = new_method_return(message, "o", (SESSION_PATH,))
        elif member == "Get" and body and body[1] == "LockedHint":
            reply = new_method_return(message, "v", (("b", self.locked),))
        elif member in ("AddIdleWatch", "AddUserActiveWatch"):
            watch = self._next_watch
            self._next_watch += 1
            self._watches[watch] = "idle" if member == "AddIdleWatch" else "active"
            reply = new_method_return(message, "u", (watch,))
        elif member == "Inhibit":
            read_end, write_end = os.pipe()
            self._inhibitors.append(read_end)
            reply = new_method_return(message, "h", (write_end,))
            self.conn.send(reply)
            os.close(write_end)
            return
        elif member == "RemoveWatch":
            self._watches.pop(int(body[0]), None)
            reply = new_method_return(message)
        else:
            reply = new_error(message, "org.freedesktop.DBus.Error.UnknownMethod", "s", (member,))
        self.conn.send(reply)


def main() -> None:
    """`python -m tests.auto.standin KIND ADDRESS`: serve, reading commands from stdin."""
    kind, address = sys.argv[1], sys.argv[2]
    standin = StandIn(address, kind).start()
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip():
            standin.send(line.strip())
    standin.stop()


if __name__ == "__main__":
    main()
