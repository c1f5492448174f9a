"""Desktop notifications over org.freedesktop.Notifications, Qt-free, sent from a worker thread.

Why not QSystemTrayIcon.showMessage on Linux: on a StatusNotifierItem host Qt also turns the tray item
into NeedsAttention for the notice's duration (the panel then draws the theme's dialog-warning in place of
the status icon and shows the notice as the tooltip), and it needs a visible tray icon at all. Here:

- one Notify call per notice, never retried once it may have reached the server (a retry after a lost
  reply is how one event becomes two identical notices);
- each kind of notice reuses its last id (`replaces_id`), so a new notice of the same kind replaces the
  previous one instead of stacking;
- the caller never waits: notices are queued for one worker thread, every bus call has a timeout, and a
  backlog keeps only the newest notice of each kind (it would replace the others anyway);
- no server on the bus (or no bus): `on_undelivered` is called (on the worker thread) so the caller can
  fall back to whatever else it has.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from trayapp.sessionbus import BusError, SessionBus

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
# D-Bus may have to start the server first (activation): longer than a plain question, still bounded.
NOTIFY_TIMEOUT_S = 5.0
URGENCY_NORMAL = 1
# The bus's answers that mean "there is no notification server here", as opposed to "it failed once".
_NO_SERVER = (
    "org.freedesktop.DBus.Error.ServiceUnknown",
    "org.freedesktop.DBus.Error.NameHasNoOwner",
    "org.freedesktop.DBus.Error.Spawn.",  # activation failed (ServiceNotFound, ChildExited, ...)
)
_INVALID_ID = "org.freedesktop.DBus.Error.InvalidArgs"


@dataclass(frozen=True)
class Image:
    """Raw pixels for the `image-data` hint: 8-bit RGBA, rows of `width * 4` bytes."""

    width: int
    height: int
    rgba: bytes = field(repr=False)


@dataclass(frozen=True)
class Notice:
    kind: str  # notices of one kind replace each other
    title: str
    body: str
    error: bool = False


Undelivered = Callable[[Notice, str], None]  # the notice, and why (one short sentence)


class Notifier:
    def __init__(
        self,
        app_name: str,
        app_icon: str = "",
        image: Callable[[], Image | None] | None = None,
        *,
        desktop_entry: str = "",
        address: str | None = None,
        timeout: float = NOTIFY_TIMEOUT_S,
        on_undelivered: Undelivered | None = None,
    ) -> None:
        """`app_icon`: an icon name or an absolute file path; `image`: the app's icon as pixels, asked for
        once, on the caller's thread, with the first notice (servers that cannot read the file still
        draw these)."""
        self.app_name = app_name
        self.app_icon = app_icon
        self.desktop_entry = desktop_entry
        self.address = address
        self.timeout = timeout
        self.on_undelivered = on_undelivered
        self._image_source = image
        self._image: Image | None = None
        self._image_asked = False
        self._ids: dict[str, int] = {}  # kind -> the id the server gave its last notice
        self._queue: OrderedDict[str, Notice] = OrderedDict()
        self._busy = False
        self._closed = False
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._bus: SessionBus | None = None
        self.sent = 0  # Notify calls answered by a server (for the log and tests)

    # ------------------------------------------------------------------ caller's side
    def notify(self, notice: Notice) -> None:
        """Queue one notice; returns at once."""
        if not self._image_asked:
            self._image_asked = True
            if self._image_source is not None:
                try:
                    self._image = self._image_source()
                except Exception as exc:  # a missing icon must not cost the notice
                    log.warning("No image for notifications: %s", exc)
        with self._cond:
            if self._closed:
                return
            self._queue.pop(notice.kind, None)
            self._queue[notice.kind] = notice
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="notifier", daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        """Until every queued notice was handed to the server (or given up); False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._queue and not self._busy, timeout)

    def close(self, timeout: float = 1.0) -> None:
        """Stop the worker; notices still queued are dropped (the app is quitting)."""
        with self._cond:
            self._closed = True
            self._queue.clear()
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout)

    # ------------------------------------------------------------------ worker
    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._queue or self._closed)
                if self._closed:
                    break
                _kind, notice = self._queue.popitem(last=False)
                self._busy = True
            try:
                self._send(notice)
            except Exception:  # never lose the worker: the next notice gets a fresh try
                log.exception("Notification not sent")
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()
        self._disconnect()

    def _connection(self) -> SessionBus:
        if self._bus is None:
            bus = SessionBus(self.address, timeout=self.timeout)
            bus.__enter__()  # raises BusError: no bus, or it does not answer
            self._bus = bus
        return self._bus

    def _disconnect(self) -> None:
        if self._bus is not None:
            self._bus.__exit__(None, None, None)
            self._bus = None
        self._ids.clear()  # ids belong to the connection that got them (GNOME refuses them from another)

    def _hints(self, notice: Notice) -> dict[str, tuple[str, object]]:
        hints: dict[str, tuple[str, object]] = {"urgency": ("y", URGENCY_NORMAL)}
        if self.desktop_entry:
            hints["desktop-entry"] = ("s", self.desktop_entry)
        if self._image is not None:
            img = self._image
            hints["image-data"] = ("(iiibiiay)", (img.width, img.height, img.width * 4, True, 8, 4, img.rgba))
        return hints

    def _send(self, notice: Notice) -> None:
        try:
            bus = self._connection()
        except BusError as exc:
            self._undelivered(notice, str(exc))
            return
        replaces = self._ids.get(notice.kind, 0)
        try:
            try:
                new_id = self._notify(bus, notice, replaces)
            except BusError as exc:
                if not (replaces and str(exc).startswith(_INVALID_ID)):
                    raise
                # The server forgot that id (restarted, or GNOME's check that it is ours): an error
                # reply means nothing was shown, so a fresh notice is no duplicate.
                replaces = 0
                new_id = self._notify(bus, notice, 0)
        except BusError as exc:
            reason = str(exc)
            if reason.startswith(_NO_SERVER):
                self._undelivered(notice, "no notification server is running")
            else:
                # It may have been shown (a reply lost or late): never sent again, so never shown twice.
                log.warning("Notification %r may not have been shown: %s", notice.title, reason)
                if "connection" in reason:
                    self._disconnect()
            return
        self._ids[notice.kind] = new_id
        self.sent += 1
        log.info("Notified %r (id %s%s)", notice.title, new_id, f", replacing {replaces}" if replaces else "")

    def _notify(self, bus: SessionBus, notice: Notice, replaces: int) -> int:
        (new_id, *_) = bus.call(
            SERVICE,
            PATH,
            INTERFACE,
            "Notify",
            "susssasa{sv}i",
            self.app_name,
            replaces,
            self.app_icon,
            notice.title,
            notice.body,
            [],
            self._hints(notice),
            -1,  # the server's own display time (the user's setting)
        )
        return int(new_id)

    def _undelivered(self, notice: Notice, reason: str) -> None:
        log.info("Notification %r not sent: %s", notice.title, reason)
        if self.on_undelivered is not None:
            self.on_undelivered(notice, reason)
