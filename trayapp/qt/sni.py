"""The tray icon where a StatusNotifierItem host draws it (KDE, GNOME with AppIndicator, XFCE, Cinnamon,
MATE, waybar): trayapp.statusnotifier serves it, this side publishes the Qt state to it.

Published on the GUI thread after every update: the icon's pixmaps, the tooltip as a title (the overall
state, one line) and a body (one line per account), and the menu, read from the one QMenu the tray keeps
(so the host's menu and the status window's "Statuses and more" are the same entries). A click on an entry
triggers its QAction here, on the GUI thread, exactly as a click in the QMenu would.
"""

from __future__ import annotations

import logging
import os
import sys
from array import array

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Signal
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QImage
from PySide6.QtWidgets import QMenu

from trayapp.statusnotifier import ROOT_ID, MenuNode, Pixmap, StatusNotifierItem, Variant

log = logging.getLogger(__name__)

# The sizes of the tray icon sent to the host when the icon lists none (Qt's choice too); hosts pick the
# nearest one, so up to 64 px covers a 32 px panel at 200 %.
DEFAULT_SIZES = (16, 22, 24, 32, 48, 64)
MAX_SIDE = 64
MENU_ICON_SIDE = 16


def dbus_label(text: str) -> str:
    """A QAction's text as a dbusmenu label: Qt's '&' mnemonic becomes '_', '&&' a plain '&', and a
    literal '_' is doubled (dbusmenu's own mark; Qt's exporter left it single, so "user_id" showed
    "userid")."""
    out: list[str] = []
    marked = False
    i = 0
    while i < len(text):
        char = text[i]
        if char == "&" and i + 1 < len(text):
            if text[i + 1] == "&":
                out.append("&")
                i += 2
                continue
            if not marked:
                out.append("_")
                marked = True
            i += 1
            continue
        out.append("__" if char == "_" else char)
        i += 1
    return "".join(out)


def argb_pixmaps(icon: QIcon) -> tuple[Pixmap, ...]:
    """Every size of the icon up to 64 px as ARGB32 in network byte order, as the SNI spec asks."""
    sizes = [s.width() for s in icon.availableSizes() if 0 < s.width() <= MAX_SIDE] or list(DEFAULT_SIZES)
    found: list[Pixmap] = []
    for side in sorted(set(sizes)):
        image = icon.pixmap(QSize(side, side), 1.0).toImage()
        if image.isNull():
            continue
        if image.width() != side:
            image = image.scaled(side, side)
        image = image.convertToFormat(QImage.Format.Format_ARGB32)
        words = array("I", bytes(image.constBits()))  # one 32-bit 0xAARRGGBB word a pixel, in host order
        if sys.byteorder == "little":
            words.byteswap()
        found.append(Pixmap(side, side, words.tobytes()))
    return tuple(found)


class _Events(QObject):
    """The item's news, from its thread, queued onto the GUI thread (the receivers live there)."""

    activated = Signal(bool)
    clicked = Signal(int)
    token = Signal(str)
    failed = Signal(str)


class SniIcon(QObject):
    primary = Signal()  # left or middle click
    failed = Signal(str)  # the item could not be served: the tray shows Qt's icon instead

    def __init__(self, menu: QMenu, title: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._menu = menu
        self._events = _Events(self)
        self._events.activated.connect(self._on_activated)
        self._events.clicked.connect(self._on_clicked)
        self._events.token.connect(self._on_token)
        self._events.failed.connect(self._on_failed)
        self._item = StatusNotifierItem(
            _Relay(self._events),
            item_id="trayapp",
            title=title,
            right_to_left=QGuiApplication.isRightToLeft(),
        )
        self._ids: dict[QAction, int] = {}
        self._actions: dict[int, QAction] = {}
        self._icon_data: dict[int, bytes] = {}  # QIcon.cacheKey() -> PNG
        self.active = False

    @property
    def item(self) -> StatusNotifierItem:
        return self._item

    def start(self) -> None:
        self.active = True
        self._item.start()

    def stop(self) -> None:
        self.active = False
        self._item.stop()

    # ------------------------------------------------------------------ publishing
    def set_icon(self, icon: QIcon) -> None:
        self._item.publish_icon(argb_pixmaps(icon))

    def set_tooltip(self, text: str) -> None:
        title, _, body = text.partition("\n")
        self._item.publish_tooltip(title, body)

    def sync_menu(self) -> None:
        self._item.publish_menu(
            MenuNode(ROOT_ID, {"children-display": ("s", "submenu")}, self._children(self._menu))
        )

    def _children(self, menu: QMenu) -> tuple[MenuNode, ...]:
        return tuple(self._node(action) for action in menu.actions())

    def _node(self, action: QAction) -> MenuNode:
        item_id = self._ids.get(action)
        if item_id is None:
            item_id = self._ids[action] = len(self._ids) + 1
            self._actions[item_id] = action
        props: dict[str, Variant] = {}
        submenu = action.menu()
        if action.isSeparator():
            props["type"] = ("s", "separator")
        else:
            props["label"] = ("s", dbus_label(action.text()))
            props["enabled"] = ("b", action.isEnabled())
            if isinstance(submenu, QMenu):
                props["children-display"] = ("s", "submenu")
            if action.isCheckable():
                group = action.actionGroup()
                radio = group is not None and group.isExclusive()
                props["toggle-type"] = ("s", "radio" if radio else "checkmark")
                props["toggle-state"] = ("i", 1 if action.isChecked() else 0)
            props.update(self._icon_props(action.icon()))
        props["visible"] = ("b", action.isVisible())
        children = self._children(submenu) if isinstance(submenu, QMenu) else ()
        return MenuNode(item_id, props, children)

    def _icon_props(self, icon: QIcon) -> dict[str, Variant]:
        if icon.isNull():
            return {}
        if icon.name():
            return {"icon-name": ("s", icon.name())}
        key = icon.cacheKey()
        data = self._icon_data.get(key)
        if data is None:
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            icon.pixmap(MENU_ICON_SIDE, MENU_ICON_SIDE).save(buffer, "PNG")
            data = self._icon_data[key] = bytes(QByteArray(buffer.data()).data())
        return {"icon-data": ("ay", data)}

    # ------------------------------------------------------------------ the item's news (GUI thread)
    def _on_activated(self, _secondary: bool) -> None:
        self.primary.emit()

    def _on_clicked(self, item_id: int) -> None:
        action = self._actions.get(item_id)
        if action is None or action.isSeparator() or action.menu() is not None:
            return
        if action.isVisible() and action.isEnabled():
            action.trigger()

    @staticmethod
    def _on_token(token: str) -> None:
        # Qt's Wayland platform hands this to the compositor when the next window asks to be activated
        # (Qt's own StatusNotifierItem does the same), so the window a click opens gets the focus.
        os.environ["XDG_ACTIVATION_TOKEN"] = token

    def _on_failed(self, reason: str) -> None:
        if not self.active:
            return
        log.warning("The StatusNotifierItem stopped: %s", reason)
        self.active = False
        self.failed.emit(reason)


class _Relay:
    """ItemEvents for the item's thread: each call becomes a queued Qt signal."""

    def __init__(self, events: _Events) -> None:
        self._events = events

    def activated(self, secondary: bool) -> None:
        self._events.activated.emit(secondary)

    def menu_clicked(self, item_id: int) -> None:
        self._events.clicked.emit(item_id)

    def activation_token(self, token: str) -> None:
        self._events.token.emit(token)

    def failed(self, reason: str) -> None:
        self._events.failed.emit(reason)
