"""The preset editor: a name, an optional emoji, what each account gets, and how long it lasts.

One row per account, in the words of what people see: its status (one of its own, by name; Smartsheet
RM's by their meaning), what it shows (Available, Away, Busy, Offline: only those the service has), and a
message where the service keeps one. An account with neither a status nor an availability is left
alone. The organisation's presets are shown read-only. Saving runs on a worker (the presets file is
written under a cross-process lock); an error is shown under the field it concerns.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trayapp.core.models import AccountView, Availability
from trayapp.core.presets import AccountPart, Preset
from trayapp.qt import icons
from trayapp.qt.controller import Controller, plain_error
from trayapp.qt.dialogs import FieldError, accept_and_cancel, point_labels_at_fields, with_error
from trayapp.qt.emoji_picker import EmojiButton
from trayapp.qt.i18n import tr
from trayapp.qt.library import duration_text
from trayapp.qt.menu import account_label, elide

DURATIONS = (None, 15, 30, 60, 120, 240, 480)  # minutes; None: until cleared


class PresetEditor(QDialog):
    saved = Signal(str)  # the preset's name, once written

    def __init__(
        self,
        controller: Controller,
        preset: Preset | None = None,
        parent: QWidget | None = None,
        *,
        on_saved: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._old = preset
        self._on_saved = on_saved
        self._busy = False
        read_only = preset is not None and preset.system
        if preset is None:
            self.setWindowTitle(tr("presets", "New preset"))
        else:
            self.setWindowTitle(tr("presets", "Preset “{name}”").format(name=preset.name))
        self.setWindowIcon(icons.app_icon())

        form = QFormLayout()
        self.name = QLineEdit(preset.name if preset else "")
        self.name.setPlaceholderText("e.g. Lunch")
        self.name.setMaxLength(64)
        name_box, self.name_error = with_error(self.name)
        form.addRow(tr("presets", "&Name"), name_box)
        self.emoji = EmojiButton(preset.emoji if preset else "")
        form.addRow(tr("presets", "&Emoji"), self.emoji)

        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(8)
        titles = ("", tr("presets", "Status"), tr("presets", "Shows as"), tr("presets", "Message"))
        for column, title in enumerate(titles):
            header = QLabel(title)
            header.setStyleSheet("font-weight: bold;")
            self.grid.addWidget(header, 0, column)
        self.rows: dict[str, tuple[QComboBox, QComboBox, QLineEdit]] = {}
        views = controller.snapshot.accounts
        for row, view in enumerate(views, start=1):
            part = preset.part_for(view.account.name, view.account.kind) if preset else None
            self._add_row(row, view, views, part)
        grid_box = QWidget()
        grid_box.setLayout(self.grid)
        self.accounts_error = FieldError(grid_box)
        form.addRow(tr("presets", "Each account"), grid_box)
        form.addRow("", self.accounts_error)

        self.duration = QComboBox()
        own = preset.duration_minutes if preset else None
        for minutes in (*DURATIONS, *([own] if own not in DURATIONS else [])):
            self.duration.addItem(duration_text(minutes) or tr("presets", "Until cleared"), minutes)
        self.duration.setCurrentIndex(max(0, self.duration.findData(own)))
        form.addRow(tr("presets", "&Lasts"), self.duration)

        self.general_error = FieldError()
        self.note = QLabel(
            tr("presets", "Your organisation’s preset: it cannot be changed here.") if read_only else ""
        )
        self.note.setVisible(read_only)
        self.buttons, self.save_button = accept_and_cancel(self, tr("presets", "Save"), self.submit)
        self.delete_button = QPushButton(tr("presets", "Delete"))
        self.delete_button.setVisible(preset is not None and not read_only)
        self.delete_button.clicked.connect(self.delete)
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.setAutoDefault(False)

        point_labels_at_fields(form)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        if read_only:
            for widget in (self.name, self.emoji, grid_box, self.duration, self.save_button):
                widget.setEnabled(False)
        self.name.setFocus()
        self.resize(max(560, self.sizeHint().width()), self.sizeHint().height())

    def _add_row(
        self, row: int, view: AccountView, views: tuple[AccountView, ...], part: AccountPart | None
    ) -> None:
        who = QLabel(elide(account_label(view, views), 32))
        who.setToolTip(account_label(view, views))
        status = QComboBox()
        status.addItem(tr("presets", "No custom status"), "")
        for s in view.statuses:
            status.addItem(elide(s.label, 40), s.name)
        if part is not None and part.status and status.findData(part.status) < 0:
            status.addItem(part.status, part.status)  # a status not (yet) in the cached list
        status.setCurrentIndex(max(0, status.findData(part.status if part else "")))
        shows = QComboBox()
        shows.addItem(tr("presets", "Unchanged"), "")
        for availability in view.capabilities.availabilities:
            shows.addItem(availability.label, availability.value)
        chosen = part.availability.value if part is not None and part.availability else ""
        shows.setCurrentIndex(max(0, shows.findData(chosen)))
        message = QLineEdit(part.message or "" if part else "")
        message.setPlaceholderText("optional")
        message.setEnabled(view.capabilities.supports_message)
        if not view.capabilities.supports_message:
            message.setToolTip(f"{view.account.kind.label} shows no message")
        for widget, what in ((status, "status"), (shows, "shows as"), (message, "message")):
            widget.setAccessibleName(f"{account_label(view, views)}: {what}")
        self.grid.addWidget(who, row, 0)
        self.grid.addWidget(status, row, 1)
        self.grid.addWidget(shows, row, 2)
        self.grid.addWidget(message, row, 3)
        self.rows[view.account.name] = (status, shows, message)

    # ------------------------------------------------------------------ the preset
    def preset(self) -> Preset:
        accounts: dict[str, AccountPart] = {}
        for name, (status, shows, message) in self.rows.items():
            value = str(shows.currentData() or "")
            availability = Availability(value) if value else None
            text = message.text().strip() if message.isEnabled() else ""
            status_name = str(status.currentData() or "")
            if status_name or availability is not None:
                accounts[name] = AccountPart(status_name, availability, text or None)
        minutes = self.duration.currentData()
        duration = timedelta(minutes=int(minutes)) if minutes else None
        return Preset(self.name.text().strip(), self.emoji.emoji(), accounts, duration)

    def submit(self) -> None:
        if self._busy:
            return
        for error in (self.name_error, self.accounts_error, self.general_error):
            error.clear_error()
        preset = self.preset()
        if not preset.name:
            self.name_error.set(tr("presets", "Give the preset a name."))
            self.name.setFocus()
            return
        if not preset.accounts:
            self.accounts_error.set(tr("presets", "Give at least one account a status or what it shows."))
            return
        store: Any = getattr(self._controller.service, "presets", None)
        if store is None:
            self.general_error.set(tr("presets", "This profile keeps no presets."))
            return
        old = self._old.name if self._old is not None else None
        self._run(lambda: store.save(preset, replacing=old), preset.name)

    def delete(self) -> None:
        store: Any = getattr(self._controller.service, "presets", None)
        if store is None or self._old is None:
            return
        name = self._old.name
        self._run(lambda: store.remove(name), name)

    def _run(self, work: Callable[[], object], name: str) -> None:
        self._busy = True
        self.save_button.setEnabled(False)

        def done(_value: object) -> None:
            self._busy = False
            self.saved.emit(name)
            if self._on_saved is not None:
                self._on_saved()
            self.accept()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self.save_button.setEnabled(True)
            text = plain_error(exc)
            (self.name_error if "name" in text else self.general_error).set(text)

        self._controller.run_plain(work, done, failed)
