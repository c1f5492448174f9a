"""Idle where the system only answers "how long since the last input?" (Windows' GetLastInputInfo,
macOS' CGEventSourceSecondsSinceLastEventType): asked on a worker thread, as rarely as it can be.

While the user is active the thread sleeps until the moment the idle time could first reach the
threshold (input meanwhile pushes that moment on, so it wakes once per threshold, at most once a
minute); while idle it asks once a minute whether input came back (BACK_POLL_S). Nothing is asked
while idle is off. Qt-free; the platform call is a plain function, so this runs anywhere.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger("trayapp.screenwatch")

BACK_POLL_S = 60.0  # while idle: how often input coming back is looked for (a return shows within it)
MIN_WAIT_S = 1.0  # never spin: a clock that goes backwards or a read of 0 still waits this long

SecondsIdle = Callable[[], float]
# waits `seconds` unless stopped; True once stopped (threading.Event.wait's contract)
Wait = Callable[[threading.Event, float], bool]


def _event_wait(stopped: threading.Event, seconds: float) -> bool:
    return stopped.wait(seconds)


def next_wait(seconds_idle: float, threshold_s: float, idle: bool) -> float:
    """How long to sleep before asking again."""
    if idle:
        return BACK_POLL_S
    return max(threshold_s - seconds_idle, MIN_WAIT_S)


def watch_idle(
    seconds_idle: SecondsIdle,
    minutes: int,
    report: Callable[[bool], None],
    stopped: threading.Event,
    wait: Wait = _event_wait,
) -> None:
    """Ask, report each change of idle / not idle, sleep; until `stopped` (or the call fails)."""
    threshold = minutes * 60.0
    idle = False
    while not stopped.is_set():
        try:
            seconds = float(seconds_idle())
        except Exception as exc:  # the call failed: no idle from here on, said once in the log
            log.info("idle time could not be read: %s", exc)
            return
        now_idle = seconds >= threshold
        if now_idle != idle and not stopped.is_set():
            idle = now_idle
            report(idle)
        if wait(stopped, next_wait(seconds, threshold, idle)):
            return


class IdlePoller:
    """`set(minutes)` starts (or replaces, or with 0 stops) the idle thread; says "not idle" on each
    change, as LinuxWatch.set_idle does. `on_change("idle", value)` is called from the thread."""

    def __init__(
        self, seconds_idle: SecondsIdle, on_change: Callable[[str, bool], None], wait: Wait = _event_wait
    ) -> None:
        self._seconds_idle = seconds_idle
        self._on_change = on_change
        self._wait = wait
        self._lock = threading.Lock()
        self._minutes = 0
        self._stopped = threading.Event()  # the running thread's; a new one for each thread

    def set(self, minutes: int) -> None:
        with self._lock:
            if minutes == self._minutes:
                return
            self._minutes = minutes
            self._stopped.set()
            self._stopped = stopped = threading.Event()
        self._on_change("idle", False)
        if minutes <= 0:
            return

        def report(value: bool) -> None:
            if not stopped.is_set():
                self._on_change("idle", value)

        threading.Thread(
            target=watch_idle,
            args=(self._seconds_idle, minutes, report, stopped, self._wait),
            name="trayapp-watch-idle",
            daemon=True,
        ).start()

    def stop(self) -> None:
        with self._lock:
            self._minutes = 0
            self._stopped.set()
