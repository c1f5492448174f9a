"""Screen lock, sleep and idle on Windows, behind the same `Watch` seam as Linux's D-Bus listeners.

- Lock/unlock: WTSRegisterSessionNotification on a hidden window, which then gets
  WM_WTSSESSION_CHANGE with WTS_SESSION_LOCK / WTS_SESSION_UNLOCK.
- Sleep/resume: the same window gets the WM_POWERBROADCAST broadcast, PBT_APMSUSPEND and
  PBT_APMRESUMEAUTOMATIC (or PBT_APMRESUMESUSPEND). Windows allows about two seconds after
  PBT_APMSUSPEND, so the window's thread waits up to SLEEP_WAIT_S for the Away to go out.
- The state at start: WTSQuerySessionInformation(WTSSessionInfoEx)'s lock flag, read once.
- Idle: GetLastInputInfo against GetTickCount (both 32-bit millisecond ticks that wrap every 49.7
  days: the difference is taken modulo 2^32), asked by screenwatch.idle's thread.

Why a window of our own on a worker thread, not a QAbstractNativeEventFilter on a Qt window: the
listener stays Qt-free like Linux's (the doctor and the tests use it without a GUI), the GUI thread
never blocks (the suspend wait happens on the window's own thread), and nothing depends on which Qt
window happens to exist. A hidden top-level window, not a message-only one (HWND_MESSAGE): message-only
windows receive no broadcasts, and WM_POWERBROADCAST is one.

The calls to Windows are the small function table `WinApi`; the real one is in win32.py (ctypes,
loaded only on Windows). Everything here runs, and is tested, anywhere with a fake table.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from trayapp.screenwatch.native import NativeWatch

log = logging.getLogger("trayapp.screenwatch")

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WTS_SESSION_UNLOCK = 0x8
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x4
PBT_APMRESUMESUSPEND = 0x7  # after a resume the user started (comes after the automatic one)
PBT_APMRESUMEAUTOMATIC = 0x12  # after every resume

TICK_WRAP = 1 << 32  # GetTickCount and LASTINPUTINFO.dwTime are DWORDs
SLEEP_WAIT_S = 1.5  # within the ~2 s Windows gives a window after PBT_APMSUSPEND

LOCK_SOURCE = "WTS session notifications"
SLEEP_SOURCE = "WM_POWERBROADCAST"
IDLE_SOURCE = "GetLastInputInfo"

# (message, wParam) of each message the window gets
Handler = Callable[[int, int], None]
# called once the window is up: with a function that closes it from any thread, or None when it
# could not be made or registered (then nothing is heard, and run_window returns)
Started = Callable[[Callable[[], None] | None], None]


@dataclass(frozen=True)
class WinApi:
    """The Windows calls the watch makes."""

    # Make the hidden window on the calling thread, register it for session notifications, call
    # `started`, then pump its messages (calling the handler for each) until closed.
    run_window: Callable[[Handler, Started], None]
    tick_count: Callable[[], int]  # GetTickCount()
    last_input_tick: Callable[[], int]  # GetLastInputInfo().dwTime; raises OSError if it fails
    # WTSQuerySessionInformation(WTSSessionInfoEx)'s lock flag, for the state at start (None: unknown)
    locked_now: Callable[[], bool | None]


def decode(message: int, wparam: int) -> tuple[str, bool] | None:
    """What a window message says, in the watch's words ("locked"/"asleep", and its new value)."""
    if message == WM_WTSSESSION_CHANGE:
        if wparam == WTS_SESSION_LOCK:
            return ("locked", True)
        if wparam == WTS_SESSION_UNLOCK:
            return ("locked", False)
    elif message == WM_POWERBROADCAST:
        if wparam == PBT_APMSUSPEND:
            return ("asleep", True)
        if wparam in (PBT_APMRESUMEAUTOMATIC, PBT_APMRESUMESUSPEND):
            return ("asleep", False)
    return None


def idle_ms(tick_now: int, last_input: int) -> int:
    """Milliseconds since the last input, right across GetTickCount's wrap at 2^32 ms."""
    return (tick_now - last_input) % TICK_WRAP


def seconds_idle(api: WinApi) -> float:
    return idle_ms(api.tick_count(), api.last_input_tick()) / 1000.0


def real_api() -> WinApi:
    """The ctypes table (Windows only; OSError elsewhere or when a DLL is missing)."""
    if sys.platform == "win32":
        try:
            from trayapp.screenwatch import win32
        except (OSError, AttributeError) as exc:  # a library or a call missing
            raise OSError(f"a Windows call is missing: {exc}") from exc
        return win32.api()
    else:
        raise OSError("these calls exist only on Windows")


class WindowsWatch(NativeWatch[WinApi]):
    """`on_change` is called from the window's thread and the idle thread (keep it quick, thread-safe)."""

    system = "Windows"
    sleep_wait_s = SLEEP_WAIT_S

    def _load_api(self) -> WinApi:
        return real_api()

    def _seconds_idle(self, api: WinApi) -> float:
        return seconds_idle(api)

    def start(self, on_ready: Callable[[Sequence[str]], None]) -> None:
        api = self._table()
        if api is None:
            self.idle_source = ""
            on_ready(())
            return
        answered = threading.Event()

        def started(close: Callable[[], None] | None) -> None:
            answered.set()
            kept = close is not None and self._keep_stopper(close)
            if close is not None and not kept:
                close()
            if kept:
                try:
                    if api.locked_now():  # started while locked: said before ready, as on Linux
                        self.on_change("locked", True)
                except Exception as exc:
                    log.info("the lock state at start is not known: %s", exc)
            self.sources = (LOCK_SOURCE, SLEEP_SOURCE) if close is not None else ()
            on_ready(self.sources)

        def run() -> None:
            try:
                api.run_window(self._message, started)
            except Exception as exc:  # the window could not be made: no lock or sleep heard
                log.info("Windows session window: %s", exc)
                if not answered.is_set():
                    on_ready(())

        self.idle_source = IDLE_SOURCE
        threading.Thread(target=run, name="trayapp-watch-windows", daemon=True).start()

    def _message(self, message: int, wparam: int) -> None:  # the window's thread
        heard = decode(message, wparam)
        if heard is not None:
            self._heard(*heard)  # a coming suspend waits here: it goes on once this returns
