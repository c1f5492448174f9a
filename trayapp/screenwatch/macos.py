"""Screen lock, sleep and idle on macOS, behind the same `Watch` seam as Linux's D-Bus listeners, with
callbacks (no polling, no pyobjc): C APIs reached through ctypes.

- Lock/unlock: the distributed notifications com.apple.screenIsLocked / com.apple.screenIsUnlocked,
  observed with CoreFoundation's CFNotificationCenterGetDistributedCenter (the C face of
  NSDistributedNotificationCenter). The distributed center delivers on the main thread's run loop,
  which Qt's Cocoa event loop runs: the callback only records the change (quick, thread-safe). The
  state at start: CGSessionCopyCurrentDictionary's CGSSessionScreenIsLocked, read once.
- Sleep/wake: IOKit's IORegisterForSystemPower (what NSWorkspaceWillSleepNotification / DidWake
  are built on, but a C call) on a worker thread's own CFRunLoop: kIOMessageSystemWillSleep, then
  kIOMessageSystemHasPoweredOn. macOS waits (up to 30 s) for the acknowledgement of a coming sleep, so
  that thread waits up to SLEEP_WAIT_S for the Away to go out before it acknowledges.
- Idle: CGEventSourceSecondsSinceLastEventType(kCGEventSourceStateCombinedSessionState,
  kCGAnyInputEventType), asked by screenwatch.idle's thread (once per threshold while active, once a
  minute while idle, never while idle is off).

Wake-ups with nothing happening: none for lock and sleep (callbacks); idle as above.
The calls are the function table `MacApi`; the real one is in darwin.py (ctypes, loaded only on
macOS). Everything here runs, and is tested, anywhere with a fake table.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from trayapp.screenwatch.native import NativeWatch

log = logging.getLogger("trayapp.screenwatch")

SCREEN_LOCKED = "com.apple.screenIsLocked"
SCREEN_UNLOCKED = "com.apple.screenIsUnlocked"
# IOKit's IOMessage.h (iokit_common_msg(0x270) etc.)
IO_CAN_SYSTEM_SLEEP = 0xE0000270
IO_SYSTEM_WILL_SLEEP = 0xE0000280
IO_SYSTEM_WILL_NOT_SLEEP = 0xE0000290
IO_SYSTEM_HAS_POWERED_ON = 0xE0000300
IO_SYSTEM_WILL_POWER_ON = 0xE0000320

SLEEP_WAIT_S = 4.0  # as on Linux; macOS itself would wait up to 30 s

LOCK_SOURCE = SCREEN_LOCKED
SLEEP_SOURCE = "IORegisterForSystemPower"
IDLE_SOURCE = "CGEventSourceSecondsSinceLastEventType"

# called once the power listener runs: with a function that stops it from any thread, or None
Started = Callable[[Callable[[], None] | None], None]


@dataclass(frozen=True)
class MacApi:
    """The macOS calls the watch makes."""

    # Observe these distributed notifications (the callback gets the name, on the main run loop);
    # returns the function that stops observing. Raises OSError when CoreFoundation is not there.
    observe: Callable[[Sequence[str], Callable[[str], None]], Callable[[], None]]
    # IORegisterForSystemPower on the calling thread's run loop; call `started`, then run it, calling
    # the handler with each message type, until stopped. The binding acknowledges (IOAllowPowerChange)
    # "can sleep" and "will sleep" once the handler has returned.
    run_power: Callable[[Callable[[int], None], Started], None]
    screen_locked: Callable[[], bool]  # CGSSessionScreenIsLocked now
    seconds_idle: Callable[[], float]  # CGEventSourceSecondsSinceLastEventType


def decode_notification(name: str) -> tuple[str, bool] | None:
    if name == SCREEN_LOCKED:
        return ("locked", True)
    if name == SCREEN_UNLOCKED:
        return ("locked", False)
    return None


def decode_power(message: int) -> tuple[str, bool] | None:
    """A power message in the watch's words: only a sleep that will happen, and the wake after it."""
    if message == IO_SYSTEM_WILL_SLEEP:
        return ("asleep", True)
    if message == IO_SYSTEM_HAS_POWERED_ON:
        return ("asleep", False)
    return None  # "can it sleep?" (answered yes by the binding), "will not sleep", "will power on"


def real_api() -> MacApi:
    """The ctypes table (macOS only; OSError elsewhere or when a framework is missing)."""
    if sys.platform == "darwin":
        try:
            from trayapp.screenwatch import darwin
        except (OSError, AttributeError) as exc:  # a library or a call missing
            raise OSError(f"a macOS call is missing: {exc}") from exc
        return darwin.api()
    else:
        raise OSError("these calls exist only on macOS")


class MacWatch(NativeWatch[MacApi]):
    """`on_change` is called from the main run loop (lock), the power thread and the idle thread."""

    system = "macOS"
    sleep_wait_s = SLEEP_WAIT_S

    def _load_api(self) -> MacApi:
        return real_api()

    def _seconds_idle(self, api: MacApi) -> float:
        return api.seconds_idle()

    def start(self, on_ready: Callable[[Sequence[str]], None]) -> None:
        api = self._table()
        if api is None:
            self.idle_source = ""
            on_ready(())
            return
        self.idle_source = IDLE_SOURCE
        lock: list[str] = []
        try:
            unobserve = api.observe((SCREEN_LOCKED, SCREEN_UNLOCKED), self._notification)
            if not self._keep_stopper(unobserve):
                unobserve()
            lock.append(LOCK_SOURCE)
            if api.screen_locked():
                self.on_change("locked", True)
        except Exception as exc:
            log.info("screen lock notifications: %s", exc)
        answered = threading.Event()

        def started(stop: Callable[[], None] | None) -> None:
            answered.set()
            if stop is not None and not self._keep_stopper(stop):
                stop()
            self.sources = (*lock, *([SLEEP_SOURCE] if stop is not None else []))
            on_ready(self.sources)

        def run() -> None:
            try:
                api.run_power(self._power, started)
            except Exception as exc:
                log.info("sleep notifications: %s", exc)
                if not answered.is_set():
                    self.sources = tuple(lock)
                    on_ready(self.sources)

        threading.Thread(target=run, name="trayapp-watch-macos", daemon=True).start()

    def _notification(self, name: str) -> None:  # the main run loop
        heard = decode_notification(name)
        if heard is not None and not self._stopped.is_set():
            self.on_change(*heard)

    def _power(self, message: int) -> None:  # the power thread
        heard = decode_power(message)
        if heard is not None:
            self._heard(*heard)  # a coming sleep waits here: the binding acknowledges it after
