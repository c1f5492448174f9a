"""What the Windows and macOS watches share (windows.py, macos.py): the table of system calls, loaded on
first use; a coming sleep held until its Away is sent; idle through screenwatch.idle; and stopping from
any thread. Each platform adds how it hears lock and sleep (its `start`) and how it reads idle time."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import ClassVar, Generic, TypeVar

from trayapp.screenwatch.idle import IdlePoller, Wait, _event_wait

log = logging.getLogger("trayapp.screenwatch")

Api = TypeVar("Api")


class NativeWatch(Generic[Api]):
    """`on_change` is called from the listener's thread and the idle thread (keep it quick, thread-safe)."""

    system: ClassVar[str]  # "Windows", "macOS": for the log
    sleep_wait_s: ClassVar[float]  # how long a coming sleep is held for its Away

    def __init__(
        self, on_change: Callable[[str, bool], None], api: Api | None = None, idle_wait: Wait = _event_wait
    ) -> None:
        self.on_change = on_change
        self._api = api
        self._idle_wait = idle_wait
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._sleep_sent = threading.Event()
        self._idle: IdlePoller | None = None
        self._stoppers: list[Callable[[], None]] = []  # what stop() calls (under _lock)
        self.sources: tuple[str, ...] = ()
        self.idle_source: str | None = None  # None: not known yet; "": none on this system

    # --- what each platform provides
    def _load_api(self) -> Api:
        """The real table of calls; OSError where they do not exist."""
        raise NotImplementedError

    def _seconds_idle(self, api: Api) -> float:
        raise NotImplementedError

    # --- shared
    def _table(self) -> Api | None:
        if self._api is None:
            try:
                self._api = self._load_api()
            except OSError as exc:
                log.info("no %s lock or sleep notifications: %s", self.system, exc)
                return None
        return self._api

    def _keep_stopper(self, stop: Callable[[], None]) -> bool:
        """Keep what stops a listener; False (and nothing kept) when the watch was stopped meanwhile: the
        caller then stops it at once."""
        with self._lock:
            if self._stopped.is_set():
                return False
            self._stoppers.append(stop)
            return True

    def _heard(self, what: str, value: bool) -> None:
        """A change, told; a coming sleep is held (this returns) once its Away went out or in time."""
        if what == "asleep" and value:
            self._sleep_sent.clear()
            self.on_change(what, value)
            self._sleep_sent.wait(self.sleep_wait_s)
        else:
            self.on_change(what, value)

    def sleep_handled(self) -> None:
        """The Away for a coming sleep was sent (or could not be): let the held thread go on."""
        self._sleep_sent.set()

    def set_idle(self, minutes: int) -> None:
        api = self._table()
        if api is None or self._stopped.is_set():
            return
        if self._idle is None:
            self._idle = IdlePoller(lambda: self._seconds_idle(api), self.on_change, self._idle_wait)
        self._idle.set(minutes)

    def stop(self) -> None:
        with self._lock:
            self._stopped.set()
            stoppers, self._stoppers = self._stoppers, []
        self._sleep_sent.set()
        if self._idle is not None:
            self._idle.stop()
        for stop in stoppers:
            try:
                stop()
            except Exception as exc:
                log.info("stopping a %s listener: %s", self.system, exc)
