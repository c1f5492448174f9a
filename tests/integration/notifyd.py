"""A real notification server (dunst) on a test's private session bus, and `dbus-monitor` recording every
Notify call and its answer, decoded with jeepney (dbus-monitor --pcap writes the raw messages).

Used by the tests that check what the user sees pop up: who sent it (app name), with which icon, whether
it replaced the previous one (replaces_id), and that one event is one notice.
"""

from __future__ import annotations

import struct
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from jeepney.low_level import HeaderFields, Message, MessageType, Parser

from tests.integration import xtray
from tests.realparts import require_tools

SERVICE = "org.freedesktop.Notifications"
TOOLS = ("dunst", "dbus-monitor")


@dataclass
class Notify:
    """One Notify call as the server received it."""

    sender: str  # the sender's unique bus name
    serial: int
    app_name: str
    replaces_id: int
    app_icon: str
    summary: str
    body: str
    hints: dict[str, Any]
    expire_timeout: int
    returned_id: int | None = None  # the server's answer, once seen
    pid: int | None = field(default=None, compare=False)


def _unwrap(value: Any) -> Any:
    """jeepney gives variants as (signature, value)."""
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str):
        return value[1]
    return value


class NotifyCapture:
    """dbus-monitor on the session's bus, started before the app so nothing is missed."""

    def __init__(self, session: xtray.TraySession, root: Path) -> None:
        require_tools(*TOOLS)
        self._session = session
        self._file = root / "notify-monitor.pcap"
        self._out: IO[bytes] = open(self._file, "wb")  # noqa: SIM115  (closed in stop())
        self._proc = subprocess.Popen(
            [
                "dbus-monitor",
                "--address",
                session.bus,
                "--pcap",
                f"type='method_call',interface='{SERVICE}'",
                "type='method_return'",
                "type='error'",
            ],
            stdout=self._out,
            stderr=subprocess.DEVNULL,
            env=session.env(),
        )
        self._offset = 24  # the pcap file header
        self._parser = Parser()
        self.calls: list[Notify] = []
        self.errors: list[str] = []
        self._by_serial: dict[tuple[str, int], Notify] = {}
        self._pids: dict[str, int | None] = {}
        time.sleep(0.3)  # dbus-monitor has become a monitor (its match rules are in) before anything is sent

    def stop(self) -> None:
        xtray.stop_process(self._proc, grace=2)
        self._out.close()

    def __enter__(self) -> NotifyCapture:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ reading
    def _read(self) -> None:
        self._out.flush()
        data = self._file.read_bytes()
        while len(data) >= self._offset + 16:
            _sec, _usec, length, _orig = struct.unpack_from("<IIII", data, self._offset)
            if len(data) < self._offset + 16 + length:
                break
            packet = data[self._offset + 16 : self._offset + 16 + length]
            self._offset += 16 + length
            for message in self._parser.feed(packet):
                self._take(message)

    def _take(self, msg: Message) -> None:
        fields = msg.header.fields
        kind = msg.header.message_type
        if kind is MessageType.method_call and fields.get(HeaderFields.member) == "Notify":
            app, replaces, icon, summary, body, _actions, hints, expire = msg.body
            sender = str(fields.get(HeaderFields.sender, ""))
            call = Notify(
                sender,
                msg.header.serial,
                app,
                int(replaces),
                icon,
                summary,
                body,
                {k: _unwrap(v) for k, v in hints.items()},
                int(expire),
                pid=self._pid(sender),
            )
            self.calls.append(call)
            self._by_serial[(sender, call.serial)] = call
        elif kind in (MessageType.method_return, MessageType.error):
            to = str(fields.get(HeaderFields.destination, ""))
            answered = self._by_serial.get((to, int(fields.get(HeaderFields.reply_serial, 0))))
            if answered is None:
                return
            if kind is MessageType.method_return:
                answered.returned_id = int(msg.body[0])
            else:
                self.errors.append(f"{fields.get(HeaderFields.error_name)}: {msg.body}")

    def _pid(self, sender: str) -> int | None:
        """The sending process, asked while it is still connected."""
        if sender not in self._pids:
            from tests.integration.sni_menu import SNI

            with SNI(self._session.bus) as sni:
                self._pids[sender] = sni.pid_of(sender)
        return self._pids[sender]

    # ------------------------------------------------------------------ questions
    def from_pid(self, pid: int) -> list[Notify]:
        self._read()
        return [c for c in self.calls if c.pid == pid]

    def answered(self, pid: int) -> list[Notify]:
        """The Notify calls of `pid` the server has answered."""
        return [c for c in self.from_pid(pid) if c.returned_id is not None]

    def wait_for(self, pid: int, count: int, timeout: float = 20) -> list[Notify]:
        """Until `count` Notify calls of `pid` have been answered by the server (another process: this
        one's event loop does not run meanwhile; in-process, wait on `answered` with qtbot.waitUntil)."""
        xtray.wait_for(
            lambda: len(self.answered(pid)) >= count,
            timeout,
            f"{count} notification(s) from pid {pid} (seen: {[c.summary for c in self.from_pid(pid)]})",
        )
        return self.from_pid(pid)


def start_dunst(session: xtray.TraySession) -> None:
    """dunst on the session's display and bus, with its defaults (the throwaway HOME has no config)."""
    require_tools(*TOOLS)
    session.start_program("dunst", ["dunst"], owns=SERVICE)
