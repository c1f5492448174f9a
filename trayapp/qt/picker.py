""" "Set a status…": one focused search field over everything one can apply, like Slack's or Teams' dialog.

- Type to filter (case-, accent- and emoji-name-insensitive: trayapp.qt.search); Up/Down/PageUp/PageDown
  move the selection while the field keeps the focus; Enter applies; Esc closes.
- Beside the choice: "Clear after" (Don't clear, 30 minutes, 1 hour, 4 hours, Today, This week, Choose
  date and time… with a start too) and the accounts it goes to (all that can take it by default; the
  picker remembers the choice per preset while the app runs).
- "Create “Dentist”…" when no choice has that name: the New status form opens with the name filled in.
- Fast with thousands of statuses: the list is a QListView over a model that holds the filtered rows
  (uniform row heights, so the view asks only for the rows it shows); filtering is one pass over
  precomputed folded keys.

Open it with TrayApp.set_status() (the menu's "Set a status…", the left click); it is a real dialog
(title, window type), never modal to the tray.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from trayapp.core.models import AccountView, Snapshot, StatusChange
from trayapp.qt import icons
from trayapp.qt.choices import (
    SECTION,
    Choice,
    ChoiceKind,
    availability_choices,
    create_choice,
    status_choices,
)
from trayapp.qt.controller import Controller
from trayapp.qt.dialogs import FieldError, TimeFields, accept_and_cancel
from trayapp.qt.i18n import tr
from trayapp.qt.menu import account_label, elide, end_of_today, end_of_week
from trayapp.qt.picker_keys import ArrowsToList
from trayapp.qt.search import matches, query_words, rank

DetailRole = Qt.ItemDataRole.UserRole + 1
KeyRole = Qt.ItemDataRole.UserRole + 2


# --------------------------------------------------------------------------------------- durations


@dataclass(frozen=True)
class ClearAfter:
    key: str
    label: str
    end: Callable[[datetime], datetime] | None  # local aware now -> end; None: never, or chosen by hand


def clear_after_options(week_end: Callable[[datetime], datetime] = end_of_week) -> tuple[ClearAfter, ...]:
    return (
        ClearAfter("never", tr("picker", "Don't clear"), None),
        ClearAfter("30m", minutes_label(30), lambda now: now + timedelta(minutes=30)),
        ClearAfter("1h", minutes_label(60), lambda now: now + timedelta(hours=1)),
        ClearAfter("4h", minutes_label(240), lambda now: now + timedelta(hours=4)),
        ClearAfter("today", tr("picker", "Today"), end_of_today),
        ClearAfter("week", tr("picker", "This week"), week_end),
        ClearAfter("custom", tr("picker", "Choose date and time…"), None),
    )


def minutes_label(minutes: int) -> str:
    if minutes % 60 == 0:
        hours = minutes // 60
        return tr("picker", "1 hour") if hours == 1 else tr("picker", "{count} hours").format(count=hours)
    return tr("picker", "{count} minutes").format(count=minutes)


_STANDARD_MINUTES = {30: "30m", 60: "1h", 240: "4h"}


# ------------------------------------------------------------------------------------------- model


class ChoiceModel(QAbstractListModel):
    """All choices, and the rows that match the current query (in rank order)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[Choice] = []
        self._rows: list[Choice] = []
        self._query = ""

    def set_choices(self, choices: Sequence[Choice]) -> bool:
        """Replace the choices; False when they are the same (nothing reset: the selection stays)."""
        new = list(choices)
        if len(new) == len(self._all) and all(a is b or a == b for a, b in zip(new, self._all, strict=True)):
            return False
        self._all = new
        self.set_query(self._query, force=True)
        return True

    def set_query(self, query: str, force: bool = False) -> None:
        if query == self._query and not force:
            return
        self._query = query
        words = query_words(query)
        if words:
            hits = [c for c in self._all if matches(c.search, words)]
            hits.sort(key=lambda c: rank(c.title_key, words))  # stable: sections keep their order
            folded = " ".join(words)
            if not any(c.name_key == folded for c in hits):
                hits.append(create_choice(query))
        else:
            hits = self._all
        self.beginResetModel()
        self._rows = hits
        self.endResetModel()

    def choice(self, row: int) -> Choice | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def choices(self) -> list[Choice]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        choice = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return choice.title
        if role == DetailRole:
            section = SECTION[choice.kind]
            if section and choice.detail:
                return f"{tr('choices', section)}: {choice.detail}"
            return choice.detail
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{choice.title}\n{choice.detail}" if choice.detail else choice.title
        if role == KeyRole:
            return choice.key
        if role == Qt.ItemDataRole.DecorationRole and choice.kind is ChoiceKind.AVAILABILITY:
            availability = choice.parts[0].change.availability if choice.parts else None
            return icons.availability_icon(availability)
        return None


class ChoiceDelegate(QStyledItemDelegate):
    """The choice's title, and in a muted colour after it what it is and where it goes."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        detail = str(index.data(DetailRole) or "")
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        title = opt.text
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        metrics = opt.fontMetrics
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        # The title in the first column (at least 40 % of the row, at most 60 %), the detail after it,
        # left-aligned, so the details line up from row to row.
        column = text_rect.width() * 2 // 5
        shown = metrics.elidedText(title, Qt.TextElideMode.ElideRight, text_rect.width() * 3 // 5)
        painter.setPen(palette.color(text_role))
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), shown)
        if detail:
            gap = metrics.horizontalAdvance("  ")
            rest = QRect(text_rect)
            rest.setLeft(text_rect.left() + max(column, metrics.horizontalAdvance(shown) + gap))
            muted = palette.color(text_role)
            muted.setAlpha(150)
            painter.setPen(muted)
            painter.drawText(
                rest,
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                metrics.elidedText(detail, Qt.TextElideMode.ElideRight, max(0, rest.width())),
            )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), option.fontMetrics.height() + 10))


# ------------------------------------------------------------------------------------------ dialog


class StatusPicker(QDialog):
    """Set a status…"""

    applied = Signal(str)  # the choice's key, once handed to the controller
    create_requested = Signal(str)  # the name typed: the app opens the New status form with it
    new_preset_requested = Signal()
    edit_requested = Signal(object)  # the Choice (a preset or a custom status)
    delete_requested = Signal(object)

    def __init__(
        self,
        controller: Controller,
        parent: QWidget | None = None,
        *,
        extra: Callable[[Snapshot], list[Choice]] | None = None,
        apply_choice: Callable[[Choice, Sequence[str], datetime | None, datetime | None], None] | None = None,
        remembered: Callable[[str], tuple[str, ...] | None] | None = None,
        week_end: Callable[[datetime], datetime] = end_of_week,
        query: str = "",
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._extra = extra
        self._apply_choice = apply_choice
        self._remembered = remembered or (lambda _key: None)
        self._defaulted = False  # "Clear after" was set from the choice's own duration, not by the user
        self.setWindowTitle(tr("picker", "Set a status"))
        self.setWindowIcon(icons.app_icon())

        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("picker", "Search presets, statuses, or type a new status"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("picker", "Search"))
        self.model = ChoiceModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(ChoiceDelegate(self.view))
        self.view.setUniformItemSizes(True)  # the view asks only for the rows it shows
        self.view.setLayoutMode(QListView.LayoutMode.Batched)  # and lays out the rest in later turns
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the search field keeps the keyboard
        self.view.setMinimumHeight(260)
        self.view.setAccessibleName(tr("picker", "Choices"))
        self.search.installEventFilter(ArrowsToList(self.view))
        self.view.doubleClicked.connect(lambda _i: self.submit())

        form = QFormLayout()
        self.clear_after = QComboBox()
        self._options = clear_after_options(week_end)
        for option in self._options:
            self.clear_after.addItem(option.label, option.key)
        form.addRow(tr("picker", "Clear &after"), self.clear_after)
        self.times = TimeFields(form, controller.now(), end_required=True)
        self._form = form
        self.clear_after.currentIndexChanged.connect(self._clear_after_changed)
        self.clear_after.activated.connect(self._chosen_by_hand)

        self.accounts_box = QWidget()
        accounts_layout = QHBoxLayout(self.accounts_box)
        accounts_layout.setContentsMargins(0, 0, 0, 0)
        self.account_checks: dict[str, QCheckBox] = {}
        views = controller.snapshot.accounts
        for view in views:
            full = account_label(view, views)
            check = QCheckBox(elide(full, 28))
            check.setToolTip(full)
            check.setChecked(True)
            self.account_checks[view.account.name] = check
            accounts_layout.addWidget(check)
        accounts_layout.addStretch(1)
        self.accounts_error = FieldError(self.accounts_box)
        accounts_column = QWidget()
        column = QVBoxLayout(accounts_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.accounts_box)
        column.addWidget(self.accounts_error)
        form.addRow(tr("picker", "Goes to"), accounts_column)

        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons, self.apply_button = accept_and_cancel(self, tr("picker", "Set status"), self.submit)
        # What can be done with the choice besides applying it (where its service allows).
        self.new_preset_button = QPushButton(tr("picker", "New preset…"))
        self.new_preset_button.clicked.connect(lambda _c=False: self.new_preset_requested.emit())
        self.edit_button = QPushButton(tr("picker", "Edit…"))
        self.edit_button.clicked.connect(lambda _c=False: self._emit_for(self.edit_requested))
        self.delete_button = QPushButton(tr("picker", "Delete…"))
        self.delete_button.clicked.connect(lambda _c=False: self._emit_for(self.delete_requested))
        for button in (self.new_preset_button, self.edit_button, self.delete_button):
            button.setAutoDefault(False)  # Enter always applies the choice
        tools = QHBoxLayout()
        tools.addWidget(self.new_preset_button)
        tools.addWidget(self.edit_button)
        tools.addWidget(self.delete_button)
        tools.addStretch(1)

        search_label = QLabel(tr("picker", "&Search"))
        search_label.setBuddy(self.search)  # the field's name for a screen reader, Alt+S for the keyboard
        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addLayout(tools)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)

        self.search.textChanged.connect(self._filter)
        selection = self.view.selectionModel()
        selection.currentChanged.connect(lambda cur, _prev: self._selected(cur.row()))
        self.model.modelReset.connect(self._select_first)
        controller.changed.connect(self.reload)
        self._clear_after_changed()
        self.reload()
        if query:
            self.search.setText(query)
        self.search.setFocus()
        self.resize(620, 520)

    # ------------------------------------------------------------------ contents
    def reload(self) -> None:
        """Rebuild the choices from the controller's snapshot (a refresh brought new statuses)."""
        snapshot = self._controller.snapshot
        key = self.current_key()
        ticked = {n: c.isChecked() for n, c in self.account_checks.items()}
        extra = self._extra(snapshot) if self._extra is not None else []
        if not self.model.set_choices([*extra, *snapshot_choices(snapshot)]):
            return  # a refresh that changed nothing the picker lists: the user's choices stay as they are
        if key and self.select_key(key):
            for name, check in self.account_checks.items():  # what the user ticked stays ticked
                if check.isEnabled():
                    check.setChecked(ticked.get(name, check.isChecked()))

    def _filter(self, text: str) -> None:
        self.model.set_query(text)

    def _select_first(self) -> None:
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
        else:
            self._selected(-1)

    def select_key(self, key: str) -> bool:
        for row, choice in enumerate(self.model.choices()):
            if choice.key == key:
                self.view.setCurrentIndex(self.model.index(row, 0))
                return True
        return False

    def current(self) -> Choice | None:
        return self.model.choice(self.view.currentIndex().row())

    def current_key(self) -> str:
        choice = self.current()
        return choice.key if choice is not None else ""

    def _selected(self, row: int) -> None:
        choice = self.model.choice(row)
        self.accounts_error.clear_error()
        self.note.setText("")
        creating = choice is None or choice.kind is ChoiceKind.CREATE
        self.apply_button.setText(
            tr("picker", "Create…") if choice is not None and creating else tr("picker", "Set status")
        )
        self.apply_button.setEnabled(choice is not None)
        can = set(choice.accounts) if choice is not None else set()
        remembered = self._remembered(choice.key) if choice is not None else None
        for name, check in self.account_checks.items():
            check.setEnabled(name in can)
            check.setChecked(name in can and (remembered is None or name in remembered))
        if choice is not None and choice.minutes is not None:
            self.set_minutes(choice.minutes)
            self._defaulted = True
        elif self._defaulted:  # the previous choice's duration is not this one's
            self.clear_after.setCurrentIndex(0)
            self._defaulted = False
        self.accounts_box.setEnabled(not creating)
        self.clear_after.setEnabled(not creating)
        self._tools(choice)

    def _chosen_by_hand(self, _index: int) -> None:
        self._defaulted = False

    def _tools(self, choice: Choice | None) -> None:
        """Edit and Delete for a preset of the user's and for a custom status where its service allows;
        where it does not, the note says so (Callbell's and Smartsheet RM's APIs cannot)."""
        kind = choice.kind if choice is not None else None
        editable = kind is ChoiceKind.PRESET or (kind is ChoiceKind.STATUS and bool(self._editable(choice)))
        system = kind is ChoiceKind.PRESET and choice is not None and _is_system(choice)
        for button in (self.edit_button, self.delete_button):
            button.setVisible(kind in (ChoiceKind.PRESET, ChoiceKind.STATUS))
            button.setEnabled(editable and not system)
        if system:
            self.note.setText(tr("picker", "Your organisation’s preset: it cannot be changed here."))
        elif kind is ChoiceKind.STATUS and choice is not None:
            self.note.setText(self._cannot_edit(choice))

    def _views(self) -> dict[str, AccountView]:
        return {v.account.name: v for v in self._controller.snapshot.accounts}

    def _editable(self, choice: Choice | None) -> list[str]:
        views = self._views()
        accounts = choice.accounts if choice is not None else ()
        return [a for a in accounts if a in views and views[a].capabilities.can_edit]

    def _cannot_edit(self, choice: Choice) -> str:
        views = self._views()
        kinds = dict.fromkeys(
            views[a].account.kind.label
            for a in choice.accounts
            if a in views and not views[a].capabilities.can_edit
        )
        return " ".join(
            f"{k} does not let apps change or delete its statuses; do that in {k} itself." for k in kinds
        )

    def _emit_for(self, signal: Any) -> None:
        choice = self.current()
        if choice is not None:
            signal.emit(choice)

    def set_minutes(self, minutes: int) -> None:
        """Select the "Clear after" entry for a default duration (adding the preset's own when unusual)."""
        key = _STANDARD_MINUTES.get(minutes)
        if key is None:
            key = f"{minutes}m"
            if self.clear_after.findData(key) < 0:
                self.clear_after.insertItem(1, minutes_label(minutes), key)
        self.clear_after.setCurrentIndex(self.clear_after.findData(key))

    def _clear_after_changed(self) -> None:
        custom = self.clear_after.currentData() == "custom"
        self._form.setRowVisible(self.times.start_label, custom)
        self._form.setRowVisible(self.times.end_label, custom)

    # ------------------------------------------------------------------ apply
    def chosen_accounts(self) -> list[str]:
        return [n for n, c in self.account_checks.items() if c.isEnabled() and c.isChecked()]

    def times_for(self, now: datetime) -> tuple[datetime | None, datetime | None] | None:
        """(start, end) from "Clear after", or None after showing what is wrong."""
        key = str(self.clear_after.currentData())
        if key == "custom":
            times = self.times.validate(now)
            return None if times is None else (times.start, times.end)
        option = next((o for o in self._options if o.key == key), None)
        if option is not None:
            return None, option.end(now.astimezone()) if option.end is not None else None
        if key.endswith("m") and key[:-1].isdigit():  # a preset's own duration
            return None, now + timedelta(minutes=int(key[:-1]))
        return None, None

    def submit(self) -> None:
        choice = self.current()
        if choice is None:
            return
        if choice.kind is ChoiceKind.CREATE:
            self.create_requested.emit(choice.name)
            self.accept()
            return
        names = self.chosen_accounts()
        if not names:
            self.accounts_error.set(tr("picker", "Choose at least one account."))
            return
        times = self.times_for(self._controller.now())
        if times is None:
            return
        start, end = times
        if self._apply_choice is not None and choice.preset:
            self._apply_choice(choice, names, start, end)
        else:
            apply_parts(self._controller, choice, names, start, end)
        self.applied.emit(choice.key)
        self.accept()


def _is_system(choice: Choice) -> bool:
    return any(getattr(item, "system", False) for item in choice.extra)


_built: list[tuple[tuple[AccountView, ...], list[Choice]]] = []


def snapshot_choices(snapshot: Snapshot) -> list[Choice]:
    """The availabilities and statuses of a snapshot, built once for as long as the accounts stay the
    same: each opening of the picker would otherwise fold and tokenize thousands of names again."""
    if _built and _built[0][0] == snapshot.accounts:
        return _built[0][1]
    choices = [*availability_choices(snapshot), *status_choices(snapshot)]
    _built[:] = [(snapshot.accounts, choices)]
    return choices


def apply_parts(
    controller: Controller,
    choice: Choice,
    names: Sequence[str],
    start: datetime | None,
    end: datetime | None,
) -> None:
    """Send each chosen account its part; accounts that get the same change go in one call (one
    pending line, one notification)."""
    wanted = set(names)
    groups: dict[StatusChange, list[str]] = {}
    for part in choice.parts:
        if part.account in wanted:
            change = replace(part.change, start=start, end=end)
            groups.setdefault(change, []).append(part.account)
    for change, accounts in groups.items():
        controller.apply(change, accounts)
