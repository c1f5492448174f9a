"""Screen lock, sleep and idle, heard on listener threads; Qt-free and free of the rest of trayapp, so the
GUI thread never waits on the system. One `Watch` per platform: this module's LinuxWatch (D-Bus, through
jeepney), windows.WindowsWatch (WTS session notifications, power broadcasts, GetLastInputInfo) and
macos.MacWatch (distributed screen-lock notifications, IOKit power messages, CGEventSource idle time);
`platform_watch()` picks the one for this system, `platform_sources()` says what the doctor can count on.

Linux:

Sources, each used when it is there:
- session bus: org.freedesktop.ScreenSaver (KDE, XFCE, others) and org.gnome.ScreenSaver, signal
  ActiveChanged(b), with GetActive() for the state at start;
- system bus: org.freedesktop.login1, the session's Lock/Unlock signals (and its LockedHint property at
  start) and the manager's PrepareForSleep(b);
- idle: org.gnome.Mutter.IdleMonitor watches (the compositor wakes us, no polling), else
  org.freedesktop.ScreenSaver.GetSessionIdleTime asked once a minute on the listener thread.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

log = logging.getLogger("trayapp.screenwatch")

TIMEOUT_S = 2.0
SLEEP_WAIT_S = 4.0  # how long a suspend waits for the Away to be sent (logind allows 5 s by default)
IDLE_POLL_S = 60.0  # the fallback's cadence: at most one wake-up of the listener thread a minute

SCREENSAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)
LOGIN1 = "org.freedesktop.login1"
LOGIN1_PATH = "/org/freedesktop/login1"
LOGIN1_MANAGER = "org.freedesktop.login1.Manager"
LOGIN1_SESSION = "org.freedesktop.login1.Session"
MUTTER_IDLE = "org.gnome.Mutter.IdleMonitor"
MUTTER_IDLE_PATH = "/org/gnome/Mutter/IdleMonitor/Core"

# what changed ("locked", "asleep", "idle") and its new value
OnChange = Callable[[str, bool], None]


class Watch(Protocol):
    """The port the tray starts: one per platform, made with the `OnChange` it reports to. `start` calls
    `on_ready(lock_and_sleep_sources)` once (from any thread); `idle_source` is None until known, then
    the idle source's name, "" when there is none. An optional `sleep_handled()` lets a coming sleep
    go on once the Away was sent."""

    idle_source: str | None

    def start(self, on_ready: Callable[[Sequence[str]], None]) -> None: ...
    def set_idle(self, minutes: int) -> None: ...
    def stop(self) -> None: ...


def platform_watch(platform: str = sys.platform) -> Callable[[OnChange], Watch] | None:
    """The listeners for this system; None where trayapp has none (then nothing is heard)."""
    if platform.startswith("linux"):
        return LinuxWatch
    if platform == "win32":
        from trayapp.screenwatch.windows import WindowsWatch

        return WindowsWatch
    if platform == "darwin":
        from trayapp.screenwatch.macos import MacWatch

        return MacWatch
    return None


@dataclass(frozen=True)
class Sources:
    """What can be heard here: the lock and sleep sources, and the idle source ("" for none)."""

    lock: tuple[str, ...] = ()
    idle: str = ""


def platform_sources(platform: str = sys.platform) -> Sources | None:
    """Windows and macOS: whether the system calls are there (no I/O, nothing registered). None on
    Linux, where the answer is on D-Bus (`probe`), and an empty Sources where trayapp has no listener."""
    if platform.startswith("linux"):
        return None
    if platform == "win32":
        from trayapp.screenwatch import windows

        try:
            windows.real_api()
        except OSError:
            return Sources()
        return Sources((windows.LOCK_SOURCE, windows.SLEEP_SOURCE), windows.IDLE_SOURCE)
    if platform == "darwin":
        from trayapp.screenwatch import macos

        try:
            macos.real_api()
        except OSError:
            return Sources()
        return Sources((macos.LOCK_SOURCE, macos.SLEEP_SOURCE), macos.IDLE_SOURCE)
    return Sources()


def session_address() -> str:
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
    if address:
        return address
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.exists(os.path.join(runtime, "bus")):
        return f"unix:path={runtime}/bus"
    return ""


def system_address() -> str:
    return os.environ.get("DBUS_SYSTEM_BUS_ADDRESS") or "unix:path=/run/dbus/system_bus_socket"


class _Bus:
    """One blocking jeepney connection, used by one thread only; signals wait in one queue."""

    def __init__(self, address: str, *, fds: bool = False) -> None:
        from jeepney import MatchRule
        from jeepney.io.blocking import open_dbus_connection

        if not address or address.startswith("disabled:"):
            raise OSError("no bus address")
        self.conn = open_dbus_connection(address, enable_fds=fds, auth_timeout=TIMEOUT_S)
        self._filter = self.conn.filter(MatchRule(type="signal"), bufsize=256)
        self.queue = self._filter.__enter__()
        self._closed = False

    def call(
        self, service: str, path: str, interface: str, method: str, signature: str = "", *body: Any
    ) -> Any:
        from jeepney import DBusAddress, new_method_call
        from jeepney.wrappers import unwrap_msg

        message = new_method_call(DBusAddress(path, service, interface), method, signature or None, body)
        return unwrap_msg(self.conn.send_and_get_reply(message, timeout=TIMEOUT_S))

    def prop(self, service: str, path: str, interface: str, name: str) -> Any:
        from jeepney import DBusAddress, Properties
        from jeepney.wrappers import unwrap_msg

        (_sig, value), *_ = unwrap_msg(
            self.conn.send_and_get_reply(
                Properties(DBusAddress(path, service, interface)).get(name), timeout=TIMEOUT_S
            )
        )
        return value

    def has_owner(self, name: str) -> bool:
        from jeepney.bus_messages import message_bus
        from jeepney.wrappers import unwrap_msg

        return bool(
            unwrap_msg(self.conn.send_and_get_reply(message_bus.NameHasOwner(name), timeout=TIMEOUT_S))[0]
        )

    def match(self, **rule: str) -> None:
        from jeepney import MatchRule
        from jeepney.bus_messages import message_bus

        self.conn.send_and_get_reply(
            message_bus.AddMatch(MatchRule(type="signal", **rule)), timeout=TIMEOUT_S
        )

    def next_signal(self, timeout: float | None = None) -> Any:
        """The next signal (None after `timeout`); raises OSError once the bus is gone or closed."""
        if self.queue:
            return self.queue.popleft()
        try:
            return self.conn.recv_until_filtered(self.queue, timeout=timeout)
        except TimeoutError:
            return None

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(OSError):
            self.conn.sock.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in recv
        self.conn.close()


def _fields(message: Any) -> tuple[str, str, str]:
    from jeepney import HeaderFields

    f = message.header.fields
    return (
        str(f.get(HeaderFields.path, "")),
        str(f.get(HeaderFields.interface, "")),
        str(f.get(HeaderFields.member, "")),
    )


@dataclass
class LinuxWatch:
    """The D-Bus listeners. `on_change` is called from listener threads (keep it quick, thread-safe)."""

    on_change: OnChange
    session: str = field(default_factory=session_address)
    system: str = field(default_factory=system_address)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._buses: list[_Bus] = []
        self._idle_bus: _Bus | None = None
        self._idle_minutes = 0
        self._stopped = threading.Event()
        self.sources: list[str] = []
        self.idle_source: str | None = None  # known once the idle watch has looked
        self._session_path = ""
        self._inhibitor: Any = None
        self._system_bus: _Bus | None = None  # logind's delay lock: the suspend waits until it is closed
        self._sleep_sent = threading.Event()

    # ---- the lock and sleep listeners ----------------------------------------------------------

    def start(self, on_ready: Callable[[Sequence[str]], None]) -> None:
        """Connect on two threads; `on_ready(sources)` once both have asked for the state at start."""
        pending = [2]

        def done() -> None:
            with self._lock:
                pending[0] -= 1
                last = pending[0] == 0
            if last:
                on_ready(tuple(self.sources))

        for target, name in ((self._session_loop, "session"), (self._system_loop, "system")):
            threading.Thread(target=target, args=(done,), name=f"trayapp-watch-{name}", daemon=True).start()

    def _open(self, address: str, *, fds: bool = False) -> _Bus | None:
        try:
            bus = _Bus(address, fds=fds)
        except Exception as exc:  # no bus, refused, timed out: that source is simply not there
            log.info("no D-Bus at %s: %s", address or "(none)", type(exc).__name__)
            return None
        with self._lock:
            if self._stopped.is_set():
                bus.close()
                return None
            self._buses.append(bus)
        return bus

    def _session_loop(self, ready: Callable[[], None]) -> None:
        bus = self._open(self.session)
        if bus is None:
            ready()
            return
        try:
            locked = False
            for service, path, interface in SCREENSAVERS:
                bus.match(interface=interface, member="ActiveChanged", path=path)
                try:
                    if bus.has_owner(service):
                        self._add_source(service)
                        locked = locked or bool(bus.call(service, path, interface, "GetActive")[0])
                except Exception as exc:
                    log.info("%s: %s", service, exc)
            if locked:
                self.on_change("locked", True)
        except Exception as exc:
            log.info("session bus: %s", exc)
        ready()
        self._listen(bus, self._session_signal)

    def _session_signal(self, message: Any) -> None:
        path, interface, member = _fields(message)
        if member == "ActiveChanged" and any(path == p and interface == i for _, p, i in SCREENSAVERS):
            self._add_source(interface)  # a screensaver that started after us
            self.on_change("locked", bool(message.body[0]))

    def _system_loop(self, ready: Callable[[], None]) -> None:
        bus = self._open(self.system, fds=True)
        if bus is None:
            ready()
            return
        self._system_bus = bus
        session_path = ""
        try:
            bus.match(interface=LOGIN1_MANAGER, member="PrepareForSleep", path=LOGIN1_PATH)
            if bus.has_owner(LOGIN1):
                self._add_source(LOGIN1)
                session_path = self._own_session(bus)
                if session_path:
                    for member in ("Lock", "Unlock"):
                        bus.match(interface=LOGIN1_SESSION, member=member, path=session_path)
                    if bus.prop(LOGIN1, session_path, LOGIN1_SESSION, "LockedHint"):
                        self.on_change("locked", True)
                self._inhibit(bus)
        except Exception as exc:
            log.info("login1: %s", exc)
        self._session_path = session_path
        ready()
        self._listen(bus, self._system_signal)

    @staticmethod
    def _own_session(bus: _Bus) -> str:
        try:
            return str(bus.call(LOGIN1, LOGIN1_PATH, LOGIN1_MANAGER, "GetSessionByPID", "u", os.getpid())[0])
        except Exception:
            pass
        session_id = os.environ.get("XDG_SESSION_ID", "")
        if session_id:
            try:
                return str(bus.call(LOGIN1, LOGIN1_PATH, LOGIN1_MANAGER, "GetSession", "s", session_id)[0])
            except Exception as exc:
                log.info("login1 has no session for this process: %s", exc)
        return ""

    def _inhibit(self, bus: _Bus) -> None:
        """Take logind's delay lock for sleep: a suspend then waits (briefly) for the Away to be sent."""
        try:
            self._inhibitor = bus.call(
                LOGIN1, LOGIN1_PATH, LOGIN1_MANAGER, "Inhibit", "ssss",
                "sleep", "trayapp", "Setting your status to away before sleeping", "delay",
            )[0]  # fmt: skip
        except Exception as exc:
            self._inhibitor = None
            log.info("no delay lock for sleep: %s", exc)

    def _release(self) -> None:
        inhibitor, self._inhibitor = self._inhibitor, None
        if inhibitor is not None:
            with contextlib.suppress(Exception):
                inhibitor.close()

    def sleep_handled(self) -> None:
        """The Away for a coming sleep was sent (or could not be): the suspend may go on."""
        self._sleep_sent.set()

    def _system_signal(self, message: Any) -> None:
        path, interface, member = _fields(message)
        if interface == LOGIN1_MANAGER and member == "PrepareForSleep":
            asleep = bool(message.body[0])
            if asleep:
                self._sleep_sent.clear()
                self.on_change("asleep", True)
                self._sleep_sent.wait(SLEEP_WAIT_S)  # on this listener thread only
                self._release()
            else:
                self.on_change("asleep", False)
                if self._system_bus is not None and self._inhibitor is None:
                    self._inhibit(self._system_bus)
        elif interface == LOGIN1_SESSION and path == self._session_path:
            if member == "Lock":
                self.on_change("locked", True)
            elif member == "Unlock":
                self.on_change("locked", False)

    def _listen(self, bus: _Bus, handle: Callable[[Any], None], timeout: float | None = None) -> None:
        while not self._stopped.is_set():
            try:
                message = bus.next_signal(timeout)
            except Exception:  # closed by stop(), or the bus went away
                return
            if message is None:
                continue
            try:
                handle(message)
            except Exception as exc:
                log.warning("could not read a D-Bus signal: %s", exc)

    def _add_source(self, name: str) -> None:
        with self._lock:
            if name not in self.sources:
                self.sources.append(name)

    # ---- idle -----------------------------------------------------------------------------------

    def set_idle(self, minutes: int) -> None:
        """Watch for `minutes` without input (0: stop watching); a new value replaces the old watch."""
        with self._lock:
            if minutes == self._idle_minutes:
                return
            self._idle_minutes = minutes
            old, self._idle_bus = self._idle_bus, None
        if old is not None:
            old.close()
        self.on_change("idle", False)
        if minutes > 0 and not self._stopped.is_set():
            threading.Thread(
                target=self._idle_loop, args=(minutes,), name="trayapp-watch-idle", daemon=True
            ).start()

    def _idle_loop(self, minutes: int) -> None:
        bus = self._open(self.session)
        if bus is None:
            self.idle_source = ""
            return
        with self._lock:
            if self._idle_minutes != minutes:  # replaced meanwhile
                bus.close()
                return
            self._idle_bus = bus
        try:
            if bus.has_owner(MUTTER_IDLE):
                self.idle_source = MUTTER_IDLE
                self._mutter(bus, minutes)
            elif bus.has_owner("org.freedesktop.ScreenSaver"):
                self.idle_source = "org.freedesktop.ScreenSaver.GetSessionIdleTime"
                self._poll(bus, minutes)
            else:
                self.idle_source = ""
                log.info("no idle source on this desktop (neither Mutter's IdleMonitor nor a ScreenSaver)")
        except Exception as exc:
            if not self._stopped.is_set():
                log.info("idle watch ended: %s", exc)

    def _mutter(self, bus: _Bus, minutes: int) -> None:
        iface = MUTTER_IDLE
        bus.match(interface=iface, member="WatchFired", path=MUTTER_IDLE_PATH)
        idle_id = bus.call(MUTTER_IDLE, MUTTER_IDLE_PATH, iface, "AddIdleWatch", "t", minutes * 60_000)[0]
        active_id: int | None = None
        while not self._stopped.is_set():
            message = bus.next_signal()
            if message is None:
                continue
            _path, interface, member = _fields(message)
            if interface != iface or member != "WatchFired":
                continue
            fired = message.body[0]
            if fired == idle_id:
                # One-shot: fires at the next input. Asked for first, so a return right away is heard.
                active_id = bus.call(MUTTER_IDLE, MUTTER_IDLE_PATH, iface, "AddUserActiveWatch")[0]
                self.on_change("idle", True)
            elif fired == active_id:
                active_id = None
                self.on_change("idle", False)

    def _poll(self, bus: _Bus, minutes: int) -> None:
        service, path, iface = SCREENSAVERS[0]
        idle = False
        while not self._stopped.is_set() and self._idle_bus is bus:
            seconds = int(bus.call(service, path, iface, "GetSessionIdleTime")[0])
            # KDE answers in milliseconds, the specification in seconds: both read as seconds here
            seconds = seconds // 1000 if seconds > 10 * 24 * 3600 else seconds
            now_idle = seconds >= minutes * 60
            if now_idle != idle:
                idle = now_idle
                self.on_change("idle", idle)
            if self._stopped.wait(IDLE_POLL_S):
                return

    def stop(self) -> None:
        self._stopped.set()
        self._sleep_sent.set()
        self._release()
        with self._lock:
            buses, self._buses = self._buses, []
            idle, self._idle_bus = self._idle_bus, None
        for bus in [*buses, *([idle] if idle else [])]:
            bus.close()


def probe(session: str | None = None, system: str | None = None) -> dict[str, bool]:
    """For `trayapp doctor`: which lock, sleep and idle sources answer now (each with a short timeout)."""
    found = {name: False for name, _, _ in SCREENSAVERS}
    found.update({LOGIN1: False, MUTTER_IDLE: False})
    for address, names in (
        (session_address() if session is None else session, [s for s, _, _ in SCREENSAVERS] + [MUTTER_IDLE]),
        (system_address() if system is None else system, [LOGIN1]),
    ):
        try:
            bus = _Bus(address)
        except Exception:
            continue
        try:
            for name in names:
                try:
                    found[name] = bus.has_owner(name)
                except Exception:
                    found[name] = False
        finally:
            bus.close()
    return found
