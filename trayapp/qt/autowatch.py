"""The tray's side of the automatic status: starts the screen lock/sleep/idle listeners when the user
asked for them, writes what they hear into the service's Presence (thread-safe), and wakes the controller
so the schedule and the automatic status run within a moment. The listeners run on their own threads;
nothing here waits on a bus."""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class AutoWatch(QObject):
    poke = Signal()  # emitted from listener threads; delivered on the GUI thread (queued)

    def __init__(
        self,
        service: Any,
        wake: Callable[[], None],
        factory: Callable[..., Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._factory = factory
        self._watch: Any = None
        self._poller: threading.Thread | None = None
        self._polling = threading.Event()
        self.poke.connect(wake)

    @property
    def presence(self) -> Any:
        return getattr(self._service, "presence", None)

    def set_service(self, service: Any) -> None:
        self.stop()
        self._service = service

    def sync(self, config: Any) -> None:
        """After each run of the schedule: listen while lock or idle is wanted, stop when not; read the
        calendars once a minute while there are any."""
        presence = self.presence
        if presence is None or config is None:
            return
        self._sync_calendars(bool(config.calendars))
        wanted = bool(config.lock.on or config.idle.minutes > 0)
        if wanted and self._watch is None:
            self._start()
        elif not wanted and self._watch is not None:
            self.stop()
        if not wanted or self._watch is None:
            presence.mark_known(())  # nothing listens: nothing is locked or idle
            return
        self._watch.set_idle(0 if config.paused else config.idle.minutes)
        self._note_idle_source()

    def _note_idle_source(self) -> None:
        """Copy where idle comes from ("" for nowhere) once the listener knows (Linux: once its idle
        thread has looked; Windows and macOS: at start)."""
        presence, watch = self.presence, self._watch
        if presence is not None and watch is not None:
            presence.mark_idle_source(getattr(watch, "idle_source", None))

    def _start(self) -> None:
        factory = self._factory
        if factory is None:
            from trayapp.screenwatch import platform_watch

            factory = platform_watch()
            if factory is None:
                log.info("screen lock and idle cannot be watched on %s", sys.platform)
                presence = self.presence
                if presence is not None:
                    presence.mark_idle_source("")  # the menu says: not available on this system
                return
        self._watch = factory(self._heard)
        presence = self.presence
        if presence is not None and hasattr(self._watch, "sleep_handled"):
            presence.on_settled = self._watch.sleep_handled
        self._watch.start(self._ready)

    def _heard(self, what: str, value: bool) -> None:  # a listener thread
        presence = self.presence
        if presence is None:
            return
        now = datetime.now(timezone.utc)
        setter = {"locked": presence.set_locked, "asleep": presence.set_asleep, "idle": presence.set_idle}
        self._note_idle_source()
        if what in setter and setter[what](value, now):
            log.info("desktop: %s %s", what, "yes" if value else "no")
            self.poke.emit()

    def _ready(self, sources: Sequence[str]) -> None:  # a listener thread
        presence = self.presence
        if presence is not None:
            presence.mark_known(sources)
            self._note_idle_source()
            log.info("screen lock heard from: %s", ", ".join(sources) or "nothing on this desktop")
        self.poke.emit()

    def _sync_calendars(self, wanted: bool) -> None:
        """A thread that re-reads the calendars (a file's stamp, a feed's conditional GET) every
        minute and wakes the GUI thread only when a busy time changed: no GUI wake-up a minute."""
        calendars = getattr(self._service, "calendars", None)
        if wanted and self._poller is None and calendars is not None:
            self._polling = threading.Event()  # one per thread: an old one stays stopped
            service = self._service
            self._poller = threading.Thread(
                target=self._poll, args=(service, self._polling), name="trayapp-calendars", daemon=True
            )
            service.calendars_polled = True
            self._poller.start()
        elif not wanted and self._poller is not None:
            self._stop_poller()

    def _poll(self, service: Any, stopped: threading.Event) -> None:  # the calendar thread
        from trayapp.core.auto.calendar import REFRESH_EVERY

        while not stopped.wait(REFRESH_EVERY.total_seconds()):
            try:
                if service.calendars.refresh(service.auto_config().calendars):
                    self.poke.emit()
            except Exception as exc:  # a damaged file or a bug: said in the log, tried again later
                log.warning("calendars could not be read: %s", exc)

    def _stop_poller(self) -> None:
        self._polling.set()
        self._poller = None
        with contextlib.suppress(AttributeError):
            self._service.calendars_polled = False

    def stop(self) -> None:
        if self._poller is not None:
            self._stop_poller()
        if self._watch is not None:
            self._watch.stop()
            self._watch = None
