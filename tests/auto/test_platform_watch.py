"""The Windows and macOS listeners' logic, run here with fake system calls in their function tables
(the ctypes bindings, win32.py and darwin.py, are not run on Linux: they are type-checked with
`mypy --platform win32/darwin`). Through the same seam as LinuxWatch: made with `on_change`, started
with `on_ready`, `set_idle`, `sleep_handled`, `stop`."""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Callable, Iterator, Sequence

import pytest

from trayapp import screenwatch
from trayapp.screenwatch import idle as idlemod
from trayapp.screenwatch import macos, windows
from trayapp.screenwatch.macos import MacApi, MacWatch
from trayapp.screenwatch.windows import WinApi, WindowsWatch

GENEROUS_S = 30  # a loaded machine, not a speed goal


class Heard:
    def __init__(self) -> None:
        self.queue: queue.Queue[tuple[str, bool]] = queue.Queue()
        self.ready = threading.Event()
        self.sources: tuple[str, ...] | None = None

    def __call__(self, what: str, value: bool) -> None:
        self.queue.put((what, value))

    def on_ready(self, sources: Sequence[str]) -> None:
        self.sources = tuple(sources)
        self.ready.set()

    def next(self) -> tuple[str, bool]:
        return self.queue.get(timeout=GENEROUS_S)

    def nothing_more(self) -> bool:
        return self.queue.empty()


# ---- idle: when the thread wakes, and what it says ------------------------------------------------


class Script:
    """Fake 'seconds since the last input' answers, and the waits the idle loop asks for."""

    def __init__(self, answers: Sequence[float]) -> None:
        self.answers = list(answers)
        self.waits: list[float] = []

    def seconds(self) -> float:
        return self.answers.pop(0)

    def wait(self, stopped: threading.Event, seconds: float) -> bool:
        self.waits.append(seconds)
        return not self.answers  # stops once the script is played


def test_idle_wakes_once_per_threshold_while_active_and_once_a_minute_while_idle() -> None:
    script = Script([0, 300, 600, 660, 2])
    reports: list[bool] = []
    idlemod.watch_idle(script.seconds, 10, reports.append, threading.Event(), script.wait)
    assert reports == [True, False]  # idle at 10 min, back at the input 2 s before the last look
    # active: sleep until the threshold could first be reached; idle: look once a minute
    assert script.waits == [600, 300, 60, 60, 598]
    assert all(w >= 60 for w in script.waits[:-1])  # never more than one wake-up a minute


def test_idle_never_spins_on_a_clock_that_jumps() -> None:
    script = Script([599.9, 10_000.0])
    reports: list[bool] = []
    idlemod.watch_idle(script.seconds, 10, reports.append, threading.Event(), script.wait)
    assert script.waits[0] == idlemod.MIN_WAIT_S and reports == [True]


def test_an_idle_call_that_fails_ends_the_watch_quietly() -> None:
    def broken() -> float:
        raise OSError("GetLastInputInfo failed")

    reports: list[bool] = []
    idlemod.watch_idle(broken, 5, reports.append, threading.Event(), lambda e, s: False)
    assert reports == []


@pytest.mark.parametrize(
    ("now", "last", "expected_ms"),
    [
        (10_000, 4_000, 6_000),
        (5, 2**32 - 10, 15),  # GetTickCount wrapped after 49.7 days; the last input was before it
        (2**32 - 1, 2**32 - 1, 0),
        (0, 1, 2**32 - 1),  # the oldest the two DWORDs can tell apart
    ],
)
def test_tick_arithmetic_across_the_wrap(now: int, last: int, expected_ms: int) -> None:
    assert windows.idle_ms(now, last) == expected_ms


# ---- Windows --------------------------------------------------------------------------------------


class FakeWindow:
    """Stands for the hidden window and its message loop: the test posts (message, wParam) as Windows
    would; each is handled on the window's own thread, one after the other."""

    def __init__(self, *, fails: bool = False) -> None:
        self.fails = fails
        self.inbox: queue.Queue[tuple[int, int] | None] = queue.Queue()
        self.handled: queue.Queue[tuple[int, int]] = queue.Queue()
        self.closed = threading.Event()
        self.tick = 0
        self.last_input = 0
        self.locked: bool | None = None

    def run_window(self, handle: windows.Handler, started: windows.Started) -> None:
        if self.fails:
            started(None)
            raise OSError("WTSRegisterSessionNotification failed")
        started(lambda: self.inbox.put(None))
        while (message := self.inbox.get()) is not None:
            handle(*message)
            self.handled.put(message)
        self.closed.set()

    def post(self, message: int, wparam: int) -> None:
        self.inbox.put((message, wparam))

    def api(self) -> WinApi:
        return WinApi(self.run_window, lambda: self.tick, lambda: self.last_input, lambda: self.locked)


@pytest.fixture
def window() -> Iterator[FakeWindow]:
    yield FakeWindow()


def started_windows(window: FakeWindow, heard: Heard, **kw: idlemod.Wait) -> WindowsWatch:
    watch = WindowsWatch(heard, api=window.api(), **kw)
    watch.start(heard.on_ready)
    assert heard.ready.wait(GENEROUS_S)
    return watch


def test_windows_messages_decode_to_lock_and_sleep() -> None:
    W = windows
    assert W.decode(W.WM_WTSSESSION_CHANGE, W.WTS_SESSION_LOCK) == ("locked", True)
    assert W.decode(W.WM_WTSSESSION_CHANGE, W.WTS_SESSION_UNLOCK) == ("locked", False)
    assert W.decode(W.WM_POWERBROADCAST, W.PBT_APMSUSPEND) == ("asleep", True)
    assert W.decode(W.WM_POWERBROADCAST, W.PBT_APMRESUMEAUTOMATIC) == ("asleep", False)
    assert W.decode(W.WM_POWERBROADCAST, W.PBT_APMRESUMESUSPEND) == ("asleep", False)
    # what the window also gets and must not be read as a lock or a sleep
    assert W.decode(W.WM_WTSSESSION_CHANGE, 0x1) is None  # WTS_CONSOLE_CONNECT
    assert W.decode(W.WM_WTSSESSION_CHANGE, 0x5) is None  # WTS_SESSION_LOGON
    assert W.decode(W.WM_POWERBROADCAST, 0xA) is None  # PBT_APMPOWERSTATUSCHANGE (on battery)
    assert W.decode(0x0010, W.WTS_SESSION_LOCK) is None  # WM_CLOSE with a wParam of 7


def test_windows_lock_unlock_and_sleep_through_the_seam(window: FakeWindow) -> None:
    W = windows
    heard = Heard()
    watch = started_windows(window, heard)
    assert heard.sources == (W.LOCK_SOURCE, W.SLEEP_SOURCE)
    assert watch.idle_source == W.IDLE_SOURCE
    window.post(W.WM_WTSSESSION_CHANGE, W.WTS_SESSION_LOCK)
    assert heard.next() == ("locked", True)
    window.post(W.WM_WTSSESSION_CHANGE, W.WTS_SESSION_UNLOCK)
    assert heard.next() == ("locked", False)

    window.post(W.WM_POWERBROADCAST, W.PBT_APMSUSPEND)
    assert heard.next() == ("asleep", True)
    assert window.handled.get(timeout=GENEROUS_S) == (W.WM_WTSSESSION_CHANGE, W.WTS_SESSION_LOCK)
    assert window.handled.get(timeout=GENEROUS_S)[1] == W.WTS_SESSION_UNLOCK
    # the suspend is held on the window's thread until the Away went out (or SLEEP_WAIT_S passed)
    assert window.handled.empty()
    watch.sleep_handled()
    assert window.handled.get(timeout=GENEROUS_S) == (W.WM_POWERBROADCAST, W.PBT_APMSUSPEND)
    window.post(W.WM_POWERBROADCAST, W.PBT_APMRESUMEAUTOMATIC)
    assert heard.next() == ("asleep", False)

    window.post(W.WM_POWERBROADCAST, 0xA)  # on battery: nothing to say
    window.post(W.WM_WTSSESSION_CHANGE, W.WTS_SESSION_LOCK)
    assert heard.next() == ("locked", True)
    watch.stop()
    assert window.closed.wait(GENEROUS_S)


def test_windows_locked_at_start_is_said_before_ready(window: FakeWindow) -> None:
    window.locked = True
    heard = Heard()
    watch = started_windows(window, heard)
    assert heard.next() == ("locked", True)
    watch.stop()


def test_windows_without_session_notifications_hears_no_lock(window: FakeWindow) -> None:
    window.fails = True
    heard = Heard()
    watch = started_windows(window, heard)
    assert heard.sources == ()
    watch.stop()


def test_windows_idle_through_get_last_input_info_across_the_wrap(window: FakeWindow) -> None:
    waits: queue.Queue[float] = queue.Queue()
    go = threading.Semaphore(0)

    def wait(stopped: threading.Event, seconds: float) -> bool:  # the test says when time has passed
        waits.put(seconds)
        go.acquire()
        return stopped.is_set()

    heard = Heard()
    watch = started_windows(window, heard, idle_wait=wait)
    window.last_input = 2**32 - 30_000  # 30 s before GetTickCount wrapped
    window.tick = 20_000  # 20 s after: 50 s without input
    watch.set_idle(1)
    assert heard.next() == ("idle", False)  # a new watch starts from "not idle"
    assert waits.get(timeout=GENEROUS_S) == pytest.approx(10.0)  # wakes when the minute could be full
    window.tick = 30_000  # 60 s without input
    go.release()
    assert heard.next() == ("idle", True)
    assert waits.get(timeout=GENEROUS_S) == idlemod.BACK_POLL_S
    window.last_input = window.tick = 95_000  # input: the mouse moved
    go.release()
    assert heard.next() == ("idle", False)
    assert waits.get(timeout=GENEROUS_S) == pytest.approx(60.0)
    watch.set_idle(0)
    assert heard.next() == ("idle", False)
    go.release()
    watch.stop()
    assert heard.nothing_more()


# ---- macOS ----------------------------------------------------------------------------------------


class FakeMac:
    def __init__(self, *, locked: bool = False, power_fails: bool = False) -> None:
        self.locked = locked
        self.power_fails = power_fails
        self.observed: Callable[[str], None] | None = None
        self.names: tuple[str, ...] = ()
        self.unobserved = threading.Event()
        self.inbox: queue.Queue[int | None] = queue.Queue()
        self.handled: queue.Queue[int] = queue.Queue()
        self.power_stopped = threading.Event()
        self.idle_s = 0.0

    def observe(self, names: Sequence[str], callback: Callable[[str], None]) -> Callable[[], None]:
        self.names, self.observed = tuple(names), callback
        return self.unobserved.set

    def post(self, name: str) -> None:  # the distributed center, on the main run loop
        assert self.observed is not None
        self.observed(name)

    def run_power(self, handle: Callable[[int], None], started: macos.Started) -> None:
        if self.power_fails:
            started(None)
            raise OSError("IORegisterForSystemPower failed")
        started(lambda: self.inbox.put(None))
        while (message := self.inbox.get()) is not None:
            handle(message)
            self.handled.put(message)  # the binding acknowledges (IOAllowPowerChange) here
        self.power_stopped.set()

    def api(self) -> MacApi:
        return MacApi(self.observe, self.run_power, lambda: self.locked, lambda: self.idle_s)


def started_mac(mac: FakeMac, heard: Heard) -> MacWatch:
    watch = MacWatch(heard, api=mac.api())
    watch.start(heard.on_ready)
    assert heard.ready.wait(GENEROUS_S)
    return watch


def test_mac_notifications_and_power_messages_through_the_seam() -> None:
    M = macos
    mac = FakeMac()
    heard = Heard()
    watch = started_mac(mac, heard)
    assert heard.sources == (M.LOCK_SOURCE, M.SLEEP_SOURCE)
    assert mac.names == ("com.apple.screenIsLocked", "com.apple.screenIsUnlocked")
    mac.post("com.apple.screenIsLocked")
    assert heard.next() == ("locked", True)
    mac.post("com.apple.screensaver.didstart")  # not a lock by itself
    mac.post("com.apple.screenIsUnlocked")
    assert heard.next() == ("locked", False)

    mac.inbox.put(M.IO_CAN_SYSTEM_SLEEP)  # "may it sleep?": answered yes, nothing changes
    assert mac.handled.get(timeout=GENEROUS_S) == M.IO_CAN_SYSTEM_SLEEP
    mac.inbox.put(M.IO_SYSTEM_WILL_SLEEP)
    assert heard.next() == ("asleep", True)
    assert mac.handled.empty()  # not acknowledged before the Away went out
    watch.sleep_handled()
    assert mac.handled.get(timeout=GENEROUS_S) == M.IO_SYSTEM_WILL_SLEEP
    mac.inbox.put(M.IO_SYSTEM_WILL_POWER_ON)
    mac.inbox.put(M.IO_SYSTEM_HAS_POWERED_ON)
    assert heard.next() == ("asleep", False)
    assert heard.nothing_more()

    watch.stop()
    assert mac.unobserved.is_set() and mac.power_stopped.wait(GENEROUS_S)


def test_mac_locked_at_start_is_said_before_ready_and_a_failed_power_port_keeps_the_lock() -> None:
    mac = FakeMac(locked=True, power_fails=True)
    heard = Heard()
    watch = started_mac(mac, heard)
    assert heard.next() == ("locked", True)
    assert heard.sources == (macos.LOCK_SOURCE,)
    watch.stop()


def test_mac_idle_from_cgeventsource() -> None:
    mac = FakeMac()
    mac.idle_s = 3600.0
    heard = Heard()
    watch = started_mac(mac, heard)
    watch.set_idle(5)
    assert heard.next() == ("idle", False)
    assert heard.next() == ("idle", True)
    watch.stop()


# ---- which listener, which sources ----------------------------------------------------------------


def test_each_platform_gets_its_listener_and_others_none() -> None:
    assert screenwatch.platform_watch("linux") is screenwatch.LinuxWatch
    assert screenwatch.platform_watch("win32") is WindowsWatch
    assert screenwatch.platform_watch("darwin") is MacWatch
    assert screenwatch.platform_watch("freebsd14") is None
    assert screenwatch.platform_sources("freebsd14") == screenwatch.Sources()


def test_off_windows_and_macos_their_calls_are_not_pretended() -> None:
    assert sys.platform not in ("win32", "darwin"), "this test is about the other systems"
    # on this Linux machine the real tables refuse, so the doctor reports nothing available
    with pytest.raises(OSError):
        windows.real_api()
    with pytest.raises(OSError):
        macos.real_api()
    assert screenwatch.platform_sources("win32") == screenwatch.Sources()
    assert screenwatch.platform_sources("darwin") == screenwatch.Sources()
    heard = Heard()
    watch = WindowsWatch(heard)  # no table given: the real one, which is not there
    watch.start(heard.on_ready)
    assert heard.sources == () and watch.idle_source == ""
