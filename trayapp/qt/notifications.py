"""Sends the notices the Controller composes (trayapp.qt.notices) to the desktop.

- Linux and the BSDs: straight to org.freedesktop.Notifications (trayapp.notifier, on a worker thread),
  never through QSystemTrayIcon.showMessage, which on a StatusNotifierItem host also turns the tray item
  into NeedsAttention (the panel draws a warning icon in place of the status, the tooltip becomes the
  notice). This works with or without a tray icon: the no-tray window gets notices too.
- Only where no notification server answers, an XEmbed tray's own balloon (Qt draws it by the icon); on a
  StatusNotifierItem host there is nothing else that would not disturb the item, so the notice is only
  logged (the menu and the window show the same thing).
- Windows and macOS: the tray icon's own notifications (showMessage), as before.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from trayapp.qt import icons

if TYPE_CHECKING:
    from trayapp.notifier import Image, Notice, Notifier

# trayapp.notifier (and jeepney, a dependency on Linux only) is imported with the first notice: not needed
# to show the icon, and absent on Windows and macOS.

log = logging.getLogger(__name__)

APP_NAME = "trayapp"
# Notices of one kind replace each other on screen: a new problem replaces the last problem's notice, a
# new piece of news the last news; a problem is never hidden by news (the menu keeps both anyway).
KIND_PROBLEM = "problem"
KIND_NEWS = "news"

ShowMessage = Callable[[str, str, bool], None]  # title, text, is_error: the tray icon's own notifications


def uses_bus(platform: str = sys.platform) -> bool:
    """Where desktops speak the freedesktop.org notification spec (not Windows, not macOS)."""
    return not platform.startswith(("win", "darwin", "cygwin"))


def app_image() -> Image:
    from trayapp.notifier import Image

    width, height, rgba = icons.rgba_pixels("trayapp", 64)
    return Image(width, height, rgba)


def bus_notifier() -> Notifier | None:
    """The D-Bus notifier, or None where its client library (jeepney) is not installed."""
    try:
        from trayapp.notifier import Notifier
    except ImportError as exc:
        log.info("Notifications through the tray icon: no D-Bus client (%s)", exc)
        return None
    return Notifier(APP_NAME, icons.svg_file("trayapp"), app_image, desktop_entry=APP_NAME)


class DesktopNotices(QObject):
    # Emitted on the notifier's thread, handled on the GUI thread (a queued connection).
    _undelivered = Signal(str, str, bool)

    def __init__(
        self,
        show_message: ShowMessage,
        balloon_allowed: Callable[[], bool],
        *,
        notifier: Notifier | None = None,
        platform: str = sys.platform,
        parent: QObject | None = None,
    ) -> None:
        """`show_message`: the tray icon's showMessage; `balloon_allowed`: whether it may be used when no
        notification server answers (asked then, on the GUI thread)."""
        super().__init__(parent)
        self._show_message = show_message
        self._balloon_allowed = balloon_allowed
        self._use_bus = notifier is not None or uses_bus(platform)
        self.notifier = notifier
        if notifier is not None:
            notifier.on_undelivered = self._from_worker
        self._undelivered.connect(self._fallback)

    def show(self, title: str, text: str, error: bool = False) -> None:
        """One notice, at once (the GUI thread never waits for the bus)."""
        if self.notifier is None and self._use_bus:
            self.notifier = bus_notifier()
            self._use_bus = self.notifier is not None
            if self.notifier is not None:
                self.notifier.on_undelivered = self._from_worker
        if self.notifier is None:
            self._show_message(title, text, error)
            return
        from trayapp.notifier import Notice

        self.notifier.notify(Notice(KIND_PROBLEM if error else KIND_NEWS, title, text, error))

    def close(self) -> None:
        if self.notifier is not None:
            self.notifier.close()

    def _from_worker(self, notice: Notice, _reason: str) -> None:
        self._undelivered.emit(notice.title, notice.body, notice.error)

    def _fallback(self, title: str, text: str, error: bool) -> None:
        if self._balloon_allowed():
            self._show_message(title, text, error)
        else:
            log.info("Notice only in the menu and window (no notification server): %s", title)
