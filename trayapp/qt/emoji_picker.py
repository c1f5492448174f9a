"""An emoji picker searchable by name, for the services that take an emoji (Callbell, presets).

The emoji and their names come from the `emoji` package (Unicode's CLDR short names and the GitHub
aliases), so "coffee", "rice" or "plane" find ☕, 🍙 and ✈️; the search is the picker's own
(trayapp.qt.search: case- and accent-insensitive). Up/Down/PageUp/PageDown move while the search field
keeps the keyboard, Enter takes the emoji, Esc closes.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import emoji
from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trayapp.qt import icons
from trayapp.qt.i18n import tr
from trayapp.qt.picker_keys import ArrowsToList
from trayapp.qt.search import emoji_names, fold, matches, query_words

_FULLY_QUALIFIED = emoji.STATUS["fully_qualified"]


@functools.lru_cache(maxsize=1)
def all_emoji() -> tuple[tuple[str, str, str], ...]:
    """(emoji, its name for people, its folded search key), in the package's order (Unicode's groups
    are not in the data, so sorted by when each was added: the common ones first)."""
    rows = []
    for char, data in emoji.EMOJI_DATA.items():
        if data.get("status") != _FULLY_QUALIFIED:
            continue
        name = str(data.get("en", "")).strip(":").replace("_", " ")
        rows.append((float(data.get("E", 99)), char, name))
    rows.sort(key=lambda r: r[0])
    return tuple((char, name, fold(emoji_names(char))) for _e, char, name in rows)


class EmojiModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all = all_emoji()
        self._rows: Sequence[tuple[str, str, str]] = self._all

    def set_query(self, query: str) -> None:
        words = query_words(query)
        self.beginResetModel()
        self._rows = [r for r in self._all if matches(r[2], words) or r[0] in query] if words else self._all
        self.endResetModel()

    def emoji_at(self, row: int) -> str:
        return self._rows[row][0] if 0 <= row < len(self._rows) else ""

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        char, name, _key = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return char
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return name
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class EmojiPicker(QDialog):
    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("emoji", "Choose an emoji"))
        self.setWindowIcon(icons.app_icon())
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("emoji", "Search by name: coffee, plane, calendar…"))
        self.search.setClearButtonEnabled(True)
        self.model = EmojiModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setUniformItemSizes(True)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setGridSize(QSize(40, 40))
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        font = QFont(self.view.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.view.setFont(font)
        self.name = QLabel("")
        self.search.installEventFilter(ArrowsToList(self.view, horizontal=True))
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.take)
        self.view.clicked.connect(lambda _i: self.take())
        self.view.selectionModel().currentChanged.connect(
            lambda cur, _prev: self.name.setText(str(cur.data(Qt.ItemDataRole.ToolTipRole) or ""))
        )
        self.model.modelReset.connect(self._first)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.name)
        self._first()
        self.search.setFocus()
        self.resize(420, 380)

    def _filter(self, text: str) -> None:
        self.model.set_query(text)

    def _first(self) -> None:
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def current(self) -> str:
        return self.model.emoji_at(self.view.currentIndex().row())

    def take(self) -> None:
        char = self.current()
        if char:
            self.picked.emit(char)
            self.accept()


class EmojiButton(QWidget):
    """An optional emoji: a button that shows it and opens the picker, and one that removes it."""

    changed = Signal(str)

    def __init__(self, value: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = ""
        self.button = QToolButton()
        self.button.setToolTip(tr("emoji", "Choose an emoji (search by name)"))
        self.button.clicked.connect(self.choose)
        self.clear_button = QToolButton()
        self.clear_button.setText("✕")
        self.clear_button.setToolTip(tr("emoji", "No emoji"))
        self.clear_button.clicked.connect(lambda: self.set_emoji(""))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        self.setFocusProxy(self.button)
        self.picker: EmojiPicker | None = None
        self.set_emoji(value)

    def emoji(self) -> str:
        return self._value

    def set_emoji(self, value: str) -> None:
        self._value = value
        self.button.setText(value or tr("emoji", "Choose…"))
        self.clear_button.setVisible(bool(value))
        self.changed.emit(value)

    def choose(self) -> None:
        picker = EmojiPicker(self.window())
        picker.picked.connect(self.set_emoji)
        picker.finished.connect(picker.deleteLater)
        self.picker = picker
        picker.open()  # modal to this form only, never to the tray
