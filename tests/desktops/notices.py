"""Every org.freedesktop.Notifications.Notify call on a session bus, as the notification server receives it
(a D-Bus monitor connection, read on a thread)."""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass
from typing import Any

from jeepney import DBusAddress, HeaderFields, MessageType, new_method_call
from jeepney.io.blocking import open_dbus_connection

MONITORING = DBusAddress("/org/freedesktop/DBus", "org.freedesktop.DBus", "org.freedesktop.DBus.Monitoring")
NOTIFICATIONS = "org.freedesktop.Notifications"


@dataclass(frozen=True)
class Notify:
    app_name: str
    replaces_id: int
    app_icon: str
    summary: str
    body: str
    hints: dict[str, Any]
    at: float

    def __str__(self) -> str:
        return f"{self.app_name!r} replaces={self.replaces_id} {self.summary!r}: {self.body!r}"


class NotifyLog:
    """Notify calls seen since start(); a context manager."""

    def __init__(self, bus: str) -> None:
        self._bus = bus
        self._calls: list[Notify] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> NotifyLog:
        conn = open_dbus_connection(bus=self._bus)
        rule = f"type='method_call',interface='{NOTIFICATIONS}',member='Notify'"
        conn.send_and_get_reply(new_method_call(MONITORING, "BecomeMonitor", "asu", ([rule], 0)), timeout=10)
        self._thread = threading.Thread(target=self._read, args=(conn,), daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)

    def _read(self, conn: Any) -> None:
        try:
            while not self._stop.is_set():
                try:
                    msg = conn.receive(timeout=0.2)
                except TimeoutError:
                    continue
                fields = msg.header.fields
                if msg.header.message_type is not MessageType.method_call:
                    continue
                if fields.get(HeaderFields.member) != "Notify" or len(msg.body) < 8:
                    continue
                if fields.get(HeaderFields.destination) != NOTIFICATIONS:
                    # GNOME 43: the gjs daemon that owns the name forwards each call to gnome-shell with
                    # the same interface and member; that copy is not a second notice from trayapp.
                    continue
                app, replaces, icon, summary, body, _actions, hints, _expire = msg.body
                with self._lock:
                    self._calls.append(
                        Notify(app, replaces, icon, summary, body, dict(hints), time.monotonic())
                    )
        finally:
            with contextlib.suppress(OSError):
                conn.close()

    @property
    def calls(self) -> list[Notify]:
        with self._lock:
            return list(self._calls)

    def since(self, mark: float) -> list[Notify]:
        return [n for n in self.calls if n.at >= mark]

    def first(self, mark: float, timeout: float) -> Notify | None:
        """The first call since `mark`, once it arrived (None after timeout)."""
        deadline = time.monotonic() + timeout
        while not self.since(mark) and time.monotonic() < deadline:
            time.sleep(0.1)
        calls = self.since(mark)
        return calls[0] if calls else None
