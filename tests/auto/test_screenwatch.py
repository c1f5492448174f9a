"""The D-Bus listeners against stand-in services on private buses: what a lock, an unlock, a login1
Lock/Unlock, a sleep and an idle watch become, and that a missing bus is simply no source."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from tests.auto.standin import StandIn, private_bus
from tests.realparts import require_tools
from trayapp.screenwatch import LOGIN1, MUTTER_IDLE, LinuxWatch, probe


class Heard:
    def __init__(self) -> None:
        self.queue: queue.Queue[tuple[str, bool]] = queue.Queue()
        self.ready = threading.Event()
        self.sources: tuple[str, ...] = ()

    def __call__(self, what: str, value: bool) -> None:
        self.queue.put((what, value))

    def on_ready(self, sources: Sequence[str]) -> None:
        self.sources = tuple(sources)
        self.ready.set()

    def next(self) -> tuple[str, bool]:
        return self.queue.get(timeout=30)  # generous: a loaded machine, not a speed goal


@pytest.fixture
def buses(tmp_path: Path) -> Iterator[tuple[str, str]]:
    require_tools("dbus-daemon")
    with private_bus(tmp_path / "session") as session, private_bus(tmp_path / "system") as system:
        yield session, system


@pytest.fixture
def standins(buses: tuple[str, str]) -> Iterator[tuple[StandIn, StandIn]]:
    session = StandIn(buses[0], "session").start()
    system = StandIn(buses[1], "system").start()
    yield session, system
    session.stop()
    system.stop()


def wait_call(standin: StandIn, method: str) -> None:
    """Until the stand-in has answered `method` (the listener thread asks on its own time)."""
    for _ in range(600):
        if method in standin.calls:
            return
        threading.Event().wait(0.05)
    raise AssertionError(f"{method} was never called")


def watch(buses: tuple[str, str], heard: Heard) -> LinuxWatch:
    w = LinuxWatch(heard, session=buses[0], system=buses[1])
    w.start(heard.on_ready)
    assert heard.ready.wait(10)
    return w


def test_lock_unlock_sleep_and_login1_signals(
    buses: tuple[str, str], standins: tuple[StandIn, StandIn]
) -> None:
    session, system = standins
    heard = Heard()
    w = watch(buses, heard)
    try:
        assert set(heard.sources) == {"org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver", LOGIN1}
        session.send("lock")
        assert heard.next() == ("locked", True)
        assert heard.next() == ("locked", True)  # both screensavers say so; the engine counts it once
        session.send("unlock")
        assert heard.next() == ("locked", False)
        assert heard.next() == ("locked", False)
        system.send("login1-lock")
        assert heard.next() == ("locked", True)
        system.send("sleep")
        assert heard.next() == ("asleep", True)
        assert system.released == []  # the suspend waits for the Away ...
        acked = time.time()
        w.sleep_handled()  # ... until the tray says it went out
        for _ in range(100):
            if system.released:
                break
            threading.Event().wait(0.05)
        assert system.released and system.released[0] >= acked
        system.send("resume")
        assert heard.next() == ("asleep", False)
        system.send("login1-unlock")
        assert heard.next() == ("locked", False)
    finally:
        w.stop()


def test_the_state_at_start_is_asked(buses: tuple[str, str]) -> None:
    session = StandIn(buses[0], "session", locked=True).start()
    try:
        heard = Heard()
        w = watch(buses, heard)
        assert heard.next() == ("locked", True)
        assert "GetActive" in session.calls
        w.stop()
    finally:
        session.stop()


def test_idle_through_mutter_watches(buses: tuple[str, str], standins: tuple[StandIn, StandIn]) -> None:
    session, _system = standins
    heard = Heard()
    w = watch(buses, heard)
    try:
        w.set_idle(5)
        assert heard.next() == ("idle", False)  # a new threshold starts from "not idle"
        wait_call(session, "AddIdleWatch")
        session.send("idle")
        assert heard.next() == ("idle", True)
        assert "AddUserActiveWatch" in session.calls  # asked for before "idle" was said
        session.send("active")
        assert heard.next() == ("idle", False)
        assert w.idle_source == MUTTER_IDLE
    finally:
        w.stop()


def test_no_bus_is_no_source_and_never_blocks(tmp_path: Path) -> None:
    heard = Heard()
    w = LinuxWatch(heard, session="unix:path=" + str(tmp_path / "none"), system="disabled:")
    w.start(heard.on_ready)
    assert heard.ready.wait(10)
    assert heard.sources == ()
    w.stop()
    assert probe("disabled:", "disabled:") == {
        "org.freedesktop.ScreenSaver": False,
        "org.gnome.ScreenSaver": False,
        LOGIN1: False,
        MUTTER_IDLE: False,
    }


def test_probe_names_what_answers(buses: tuple[str, str], standins: tuple[StandIn, StandIn]) -> None:
    found = probe(*buses)
    assert all(found.values()), found
