"""Search field + list: the arrows move the list's selection while the field keeps the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListView, QWidget


class ArrowsToList(QObject):
    """Installed on a search field: Up, Down, PageUp, PageDown (and with `horizontal`, for a grid, Left
    and Right) go to the list; everything else is typing."""

    KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)

    def __init__(self, view: QListView, *, horizontal: bool = False) -> None:
        super().__init__(view)
        self._view = view
        self._keys = (*self.KEYS, Qt.Key.Key_Left, Qt.Key.Key_Right) if horizontal else self.KEYS

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in self._keys
        ):
            self._view.setFocus()
            self._view.keyPressEvent(QKeyEvent(event.type(), event.key(), event.modifiers()))
            if isinstance(watched, QWidget):
                watched.setFocus()
            return True
        return False
