"""The tray icon: one QSystemTrayIcon and one persistent QMenu, both updated in place from the snapshot.

Opening the menu never makes a network request: it shows what the controller already holds. Errors are
always visible in the menu itself, because notifications may not appear on every desktop (P6).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QTimer, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from trayapp.core.models import Availability, OverallState, Snapshot
from trayapp.qt import icons
from trayapp.qt.controller import Controller
from trayapp.qt.i18n import tr
from trayapp.qt.menu import (
    MenuActions,
    MenuReconciler,
    MenuState,
    build_menu,
    end_of_week,
    make_menu,
    tooltip_text,
)

if TYPE_CHECKING:
    from trayapp.qt.sni import SniIcon

log = logging.getLogger(__name__)

APP_TITLE = "trayapp"
# Windows: Shell_NotifyIcon(NIM_ADD) fails when Explorer's taskbar is not up yet (early at login), and Qt
# retries only on TaskbarCreated, which may have been sent already. Seconds between our own retries:
ADD_RETRIES_S = (2, 4, 8, 15, 30)


def locale_week_end(now: datetime) -> datetime:
    """ "This week" ends on the last day of the user's locale's week (Saturday in the US, Sunday elsewhere).

    The locale is asked when the end is computed, at click time: QLocale.firstDayOfWeek() returns a Qt
    enum, and PySide builds the whole Qt namespace (~35 ms) on its first use, which the icon need not
    wait for."""
    return end_of_week(now, QLocale().firstDayOfWeek().value)


def tooltip_title(snapshot: Snapshot, demo: bool = False) -> str:
    """The tooltip's first line: the app and its overall state ("trayapp: Away"); one line per account
    follows. Qt sends the whole tooltip as the StatusNotifierItem ToolTip's title (its description stays
    empty: Qt fills it only while it shows a notice as NeedsAttention), so panels that show the title as
    a heading (Plasma) show this line first, the state the icon shows."""
    app = tr("Tray", "{app} (demo)").format(app=APP_TITLE) if demo else APP_TITLE
    if not snapshot.accounts:
        return app  # "trayapp: no accounts yet" follows from tooltip_text
    overall = snapshot.overall
    if overall is OverallState.ATTENTION:
        attention = tr("Tray", "needs attention")  # not inside the f-string: lupdate must see it
        return f"{app}: {attention}"
    return f"{app}: {Availability(overall.value).label}"


def sni_host(hosted: bool = False) -> bool:
    """Whether the icon is shown by a StatusNotifierItem host: a watcher is on the session bus (and, with
    `hosted`, it says a host has registered, Qt's test for its own item). Asked when needed (a local D-Bus
    round trip): hosts come and go."""
    from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusVariant

    from trayapp.statusnotifier import WATCHER, WATCHER_PATH

    bus = QDBusConnection.sessionBus()
    interface = bus.interface() if bus.isConnected() else None
    if interface is None:
        return False
    if hosted:
        if not interface.isServiceRegistered(WATCHER).value():
            return False
        question = QDBusMessage.createMethodCall(
            WATCHER, WATCHER_PATH, "org.freedesktop.DBus.Properties", "Get"
        )
        question.setArguments([WATCHER, "IsStatusNotifierHostRegistered"])
        answer = bus.call(question, timeout=1500)
        first = (answer.arguments() or [False])[0]
        return bool(first.variant() if isinstance(first, QDBusVariant) else first)
    return any(
        bool(interface.isServiceRegistered(name).value())
        for name in (WATCHER, "org.freedesktop.StatusNotifierWatcher")
    )


class Tray(QObject):
    # Left or middle click (SNI Activate / SecondaryActivate, XEmbed and Windows Trigger): the app decides
    # what that opens. Never a menu: the right click has it, drawn by the host where there is one.
    primary = Signal()
    # Windows only: the icon never got a place in the taskbar, even after the retries (show the window).
    lost = Signal()

    def __init__(
        self,
        controller: Controller,
        actions: MenuActions,
        parent: QObject | None = None,
        platform: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._platform = QGuiApplication.platformName() if platform is None else platform
        self._controller = controller
        self._actions = actions
        self._menu: QMenu = make_menu()
        self._menu.setTitle(APP_TITLE)
        self._reconciler = MenuReconciler(self._menu)
        self._state = MenuState()
        self._icon_state: OverallState | None = None
        self._icon: QIcon = self._state_icon(OverallState.ATTENTION)
        self.icon = QSystemTrayIcon(self._icon, self)
        if not self.menu_is_primary:
            self.icon.setContextMenu(self._menu)
        self.icon.activated.connect(self._on_activated)
        # Where a StatusNotifierItem host is, our own item (trayapp/qt/sni.py) in place of Qt's: Qt's
        # exports the tooltip as a title alone. Qt's icon stays for XEmbed trays, Windows and macOS.
        self.sni: SniIcon | None = None
        if self._platform in ("xcb", "wayland") and sni_host(hosted=True):
            from trayapp.qt.sni import SniIcon  # jeepney's, imported only where it serves

            self.sni = SniIcon(self._menu, APP_TITLE, self)
            self.sni.primary.connect(self.primary)
            self.sni.failed.connect(self._sni_failed)
        self._add_tries = 0
        self.given_up = False  # Windows: every retry to add the icon failed
        self._add_timer = QTimer(self)
        self._add_timer.setSingleShot(True)
        self._add_timer.timeout.connect(self._check_added)
        controller.changed.connect(self.update)
        self.update()

    # ------------------------------------------------------------------ state
    @property
    def menu(self) -> QMenu:
        return self._menu

    @property
    def reconciler(self) -> MenuReconciler:
        return self._reconciler

    @property
    def state(self) -> MenuState:
        return self._state

    @property
    def icon_state(self) -> OverallState | None:
        return self._icon_state

    def set_state(self, **changes: object) -> None:
        self._state = replace(self._state, **changes)  # type: ignore[arg-type]
        self.update()

    def update(self) -> None:
        snapshot: Snapshot = self._controller.snapshot
        state = replace(self._state, refreshing=self._controller.refreshing)
        now = self._controller.now
        self._reconciler.sync(build_menu(snapshot, state, self._actions, now))
        overall = snapshot.overall
        icon_changed = overall is not self._icon_state
        if icon_changed:  # setIcon re-exports pixmaps over D-Bus: only on change
            self._icon_state = overall
            self._icon = self._state_icon(overall)
            self.icon.setIcon(self._icon)
        title = tooltip_title(snapshot, self._state.demo)
        tip = tooltip_text(snapshot, now(), title, starting=self._state.starting)
        if self.icon.toolTip() != tip:
            self.icon.setToolTip(tip)
        if self.sni is not None:
            if icon_changed:
                self.sni.set_icon(self._icon)
            self.sni.set_tooltip(tip)
            self.sni.sync_menu()

    @property
    def menu_is_primary(self) -> bool:
        """macOS: every click opens the menu (Qt's Cocoa tray reports its menu opening as a Trigger,
        which would also open the status window). The menu is never handed to Qt's Cocoa tray: on macOS
        26 and later, Qt up to 6.12.0 aborts when that menu opens (it reads clickCount from an event that
        is not a mouse event; fixed in Qt's 6.11 branch on 2026-08-04, not in 6.11.2 or 6.12.0). Popped
        up by us on a click, it opens from a real mouse event."""
        return self._platform == "cocoa"

    def _state_icon(self, state: OverallState) -> QIcon:
        # Windows asks for the icon at the taskbar's size in device pixels already; Qt would scale it
        # again by the screen's factor (36 px at 150 %) and the shell shrink it back, soft.
        return icons.state_icon(state, device_pixels=self._platform == "windows")

    # ------------------------------------------------------------------ visibility
    def show(self) -> None:
        if self.sni is not None:
            if not self.sni.active:
                self.sni.set_icon(self._icon)
                self.sni.sync_menu()
                self.sni.start()
            return
        self.icon.show()
        if self._platform == "windows" and not self.given_up and not self._add_timer.isActive():
            self._add_timer.start(int(ADD_RETRIES_S[0] * 1000))

    def hide(self) -> None:
        self._add_timer.stop()
        if self.sni is not None:
            self.sni.stop()
        self.icon.hide()

    def _sni_failed(self, reason: str) -> None:
        """Our item could not be served (the bus went away): Qt's icon, wherever Qt can show one."""
        log.warning("Showing Qt's tray icon instead of our StatusNotifierItem (%s)", reason)
        self.sni = None
        self.icon.show()

    def _check_added(self) -> None:
        """Windows: a null geometry means NIM_ADD failed (isSystemTrayAvailable() is always true there):
        add the icon again, a few times, then let the app show its window instead."""
        if not self.icon.isVisible() or not self.icon.geometry().isNull():
            self._add_tries = 0
            return
        if self._add_tries >= len(ADD_RETRIES_S) - 1:
            self.given_up = True
            self.lost.emit()
            return
        self._add_tries += 1
        self.icon.hide()
        self.icon.show()  # a fresh NIM_ADD
        self._add_timer.start(int(ADD_RETRIES_S[self._add_tries] * 1000))

    def is_visible(self) -> bool:
        if self.sni is not None:
            return self.sni.active
        return self.icon.isVisible()

    # ------------------------------------------------------------------ events
    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if self.menu_is_primary:
            if reason is not QSystemTrayIcon.ActivationReason.DoubleClick:  # the first click opened it
                geometry = self.icon.geometry()
                self._menu.popup(geometry.bottomLeft() if not geometry.isNull() else QCursor.pos())
            return
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.MiddleClick):
            self.primary.emit()

    def balloon_allowed(self) -> bool:
        """Whether the icon's own showMessage may stand in where no notification server answers: only
        the balloon Qt draws by an XEmbed icon. On a StatusNotifierItem host Qt would turn the item into
        NeedsAttention (a warning icon in place of the status) and still need the missing server."""
        if self.sni is not None:
            return False
        return self.icon.isVisible() and QGuiApplication.platformName() == "xcb" and not sni_host()

    def show_message(self, title: str, text: str, error: bool = False) -> None:
        """The icon's own notification: Windows, macOS, and the XEmbed fallback (see notifications.py)."""
        if self.sni is not None or not self.icon.isVisible() or not QSystemTrayIcon.supportsMessages():
            return  # the menu and window show the same thing; nothing is lost
        kind = QSystemTrayIcon.MessageIcon.Warning if error else QSystemTrayIcon.MessageIcon.Information
        self.icon.showMessage(title, text, kind, 10_000 if error else 5_000)
