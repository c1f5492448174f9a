"""The quick-create dialog and the "Set for… → Custom…" dialog, plus the form helpers the accounts
dialog shares.

Keyboard first: each dialog opens with its first field focused, Enter runs the default button, Esc
cancels, and the tab order follows the layout. Input is checked inline before any request; a server's
answer is shown next to the field it concerns, and nothing the user typed is ever cleared.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trayapp.core.errors import (
    AuthError,
    DuplicateName,
    PermissionDenied,
    TrayAppError,
    ValidationError,
)
from trayapp.core.models import (
    AccountView,
    ChangeKind,
    CustomStatus,
    ServiceKind,
    StatusChange,
)
from trayapp.qt import icons
from trayapp.qt.controller import Controller, plain_error
from trayapp.qt.dispatcher import Task
from trayapp.qt.menu import Target, account_label

RC_TYPES = (("away", "Away"), ("busy", "Busy"), ("online", "Online"), ("offline", "Offline"))
COMMON_EMOJI = ("📅", "🍽️", "☕", "🏠", "🚗", "✈️", "🌴", "🤒", "📚", "🎧", "🔕", "💬")


# ------------------------------------------------------------------------------------------ helpers


def error_colour() -> str:
    """Red that stays readable on the current theme (light or dark)."""
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return "#ff8a80" if window.lightness() < 128 else "#b3261e"


class FieldError(QLabel):
    """A one- or two-line message under a field; hidden while empty. Mirrored into the field's
    accessible description so screen readers announce it."""

    def __init__(self, field: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._field = field
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(f"color: {error_colour()};")
        self.hide()

    def set(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        if self._field is not None:
            self._field.setAccessibleDescription(text)
        if text:
            QTimer.singleShot(0, self._grow_window)

    def _grow_window(self) -> None:
        """Make room for a wrapped message: form layouts do not grow a shown window for it by themselves.
        Only ever grows, so the dialog does not jump around while the user types."""
        try:
            window = self.window()
        except RuntimeError:
            return
        if not window.isVisible():
            return
        layout = window.layout()
        if layout is not None:
            layout.activate()
        needed = window.heightForWidth(window.width()) if window.hasHeightForWidth() else -1
        needed = max(needed, window.sizeHint().height(), window.minimumSizeHint().height())
        if needed > window.height():
            window.resize(window.width(), needed)

    def clear_error(self) -> None:
        self.set("")


def with_error(field: QWidget, extra: QWidget | None = None) -> tuple[QWidget, FieldError]:
    """The field with its error label underneath (one form row)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    if extra is None:
        layout.addWidget(field)
    else:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        row.addWidget(extra)
        layout.addLayout(row)
    error = FieldError(field)
    layout.addWidget(error)
    box.setFocusProxy(field)  # the form label's Alt+key (its buddy is this box) must reach the field
    return box, error


def point_labels_at_fields(form: QFormLayout) -> None:
    """QFormLayout makes each label the buddy of the row's widget; when that is a box holding the field
    and its error line, Alt+key would focus the box (which takes no focus). Point labels at the field."""
    for row in range(form.rowCount()):
        label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = label_item.widget() if label_item is not None else None
        if isinstance(label, QLabel):
            buddy = label.buddy()
            proxy = buddy.focusProxy() if buddy is not None else None
            if proxy is not None:
                label.setBuddy(proxy)


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def from_qdatetime(value: QDateTime) -> datetime:
    """An aware local datetime (stored as UTC by the core)."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), tz=timezone.utc).astimezone()


def next_quarter(now: datetime) -> datetime:
    local = now.astimezone().replace(second=0, microsecond=0)
    return local + timedelta(minutes=15 - local.minute % 15)


def make_datetime_edit(value: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(to_qdatetime(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("ddd d MMM yyyy  HH:mm")
    return edit


@dataclass(frozen=True)
class Times:
    start: datetime | None
    end: datetime | None


class TimeFields:
    """Optional start and end pickers with inline checks (end after start, end not in the past)."""

    def __init__(
        self,
        form: QFormLayout,
        now: datetime,
        end_required: bool = False,
        end_default: datetime | None = None,
    ) -> None:
        start_default = next_quarter(now)
        self.start_check = QCheckBox("Start at")
        self.start_edit = make_datetime_edit(start_default)
        self.start_edit.setEnabled(False)
        self.end_check = QCheckBox("End at")
        self.end_edit = make_datetime_edit(end_default or start_default + timedelta(hours=1))
        self.end_required = end_required
        self.end_check.setChecked(end_required)
        self.end_check.setEnabled(not end_required)
        self.end_edit.setEnabled(end_required)
        self.start_check.toggled.connect(self.start_edit.setEnabled)
        self.end_check.toggled.connect(self.end_edit.setEnabled)
        self.start_check.toggled.connect(self._start_toggled)
        start_box, self.start_error = with_error(self.start_edit)
        end_box, self.end_error = with_error(self.end_edit)
        form.addRow(self.start_check, start_box)
        form.addRow(self.end_check, end_box)

    def _start_toggled(self, on: bool) -> None:
        # Keep the end after a start that moved into the future.
        if on and self.end_edit.dateTime() <= self.start_edit.dateTime():
            self.end_edit.setDateTime(self.start_edit.dateTime().addSecs(3600))

    def widgets(self) -> list[QWidget]:
        return [self.start_check, self.start_edit, self.end_check, self.end_edit]

    def set_enabled(self, on: bool) -> None:
        self.start_check.setEnabled(on)
        self.end_check.setEnabled(on and not self.end_required)
        self.start_edit.setEnabled(on and self.start_check.isChecked())
        self.end_edit.setEnabled(on and self.end_check.isChecked())

    def validate(self, now: datetime) -> Times | None:
        """The chosen times, or None after showing what is wrong."""
        self.start_error.clear_error()
        self.end_error.clear_error()
        start = from_qdatetime(self.start_edit.dateTime()) if self.start_check.isChecked() else None
        end = from_qdatetime(self.end_edit.dateTime()) if self.end_check.isChecked() else None
        ok = True
        if end is not None and start is not None and end <= start:
            self.end_error.set("The end must be after the start.")
            ok = False
        elif end is not None and end <= now:
            self.end_error.set("The end is already past.")
            ok = False
        if start is not None and start < now - timedelta(minutes=1):
            self.start_error.set("The start is already past; untick it to start now.")
            ok = False
        if not ok:
            (self.end_edit if self.end_error.text() else self.start_edit).setFocus()
            return None
        if start is not None and start <= now:
            start = None  # "now" is the default; a start a few seconds old must not be "scheduled"
        return Times(start, end)


class InputLock:
    """Disables inputs while a request runs (keeping what was typed) and gives the focus back after.

    Without this, Qt moves the focus off a disabled field to the next enabled widget, often Cancel,
    and the user's next Enter would cancel the dialog."""

    def __init__(self, widgets: Sequence[QWidget], default: QPushButton | None = None) -> None:
        self.widgets = list(widgets)
        self.default = default
        self._focus: QWidget | None = None

    def set_busy(self, busy: bool) -> None:
        if busy:
            self._focus = QApplication.focusWidget()
        for widget in self.widgets:
            widget.setEnabled(not busy)
        if not busy and self.default is not None:
            self.default.setDefault(True)  # Qt drops the flag while focus wanders over disabled fields
        if not busy and self._focus is not None:
            focus, self._focus = self._focus, None
            try:
                if focus.isEnabled() and focus.isVisible():
                    focus.setFocus()
            except RuntimeError:  # deleted meanwhile
                pass


def only_default(buttons: QDialogButtonBox, default: QPushButton) -> None:
    """Enter always means the main button, whichever button had the focus last."""
    for button in buttons.buttons():
        if isinstance(button, QPushButton):
            button.setAutoDefault(button is default)
    default.setDefault(True)


def accept_and_cancel(
    dialog: QDialog, label: str, on_accept: Callable[[], None]
) -> tuple[QDialogButtonBox, QPushButton]:
    """Cancel and one main button (Enter always presses it): the bottom row of every trayapp dialog."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    main = QPushButton(label)
    buttons.addButton(main, QDialogButtonBox.ButtonRole.AcceptRole)
    only_default(buttons, main)
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, main


def chain_tab_order(widgets: Sequence[QWidget]) -> None:
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


# ------------------------------------------------------------------------------- quick-create dialog


@dataclass
class _AccountRow:
    view: AccountView
    check: QCheckBox
    error: FieldError
    created: CustomStatus | None = None  # created by an earlier attempt of this dialog: never sent twice

    def done_for(self, name: str) -> bool:
        return self.created is not None and self.created.name.strip().casefold() == name.strip().casefold()


class CreateStatusDialog(QDialog):
    """New status: name, the service's type, optional message, accounts, optional start/end, apply now."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._task: Task[dict[str, tuple[CustomStatus | None, BaseException | None]]] | None = None
        self.setWindowTitle("New status")
        self.setWindowIcon(icons.app_icon())
        snapshot = controller.snapshot
        views = [v for v in snapshot.accounts if v.capabilities.can_create or v.statuses]
        self._views = views
        kinds = {v.account.kind for v in views}

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. In a meeting")
        self.name.setMaxLength(120)
        name_box, self.name_error = with_error(self.name)
        form.addRow("&Name", name_box)

        self.rc_type = QComboBox()
        for value, label in RC_TYPES:
            self.rc_type.addItem(label, value)
        rc_box, self.rc_type_error = with_error(self.rc_type)
        form.addRow("Rocket.Chat &type", rc_box)

        self.cb_emoji = QComboBox()
        self.cb_emoji.setEditable(True)
        self.cb_emoji.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.cb_emoji.addItem("")
        self.cb_emoji.addItems(list(COMMON_EMOJI))
        self.cb_emoji.setToolTip("Optional; type or pick one emoji")
        self.cb_emoji.setMinimumWidth(170)
        emoji_edit = self.cb_emoji.lineEdit()
        if emoji_edit is not None:
            emoji_edit.setPlaceholderText("optional, e.g. 📅")
        cb_box, self.cb_emoji_error = with_error(self.cb_emoji)
        form.addRow("Callbell &emoji", cb_box)

        self.ss_code = QComboBox()
        ss_view = next((v for v in views if v.account.kind is ServiceKind.SMARTSHEET), None)
        for status in ss_view.statuses if ss_view else ():
            self.ss_code.addItem(f"{status.type or status.id} – {status.name}", status.id)
        self.ss_code.setToolTip("Smartsheet RM has a fixed set of codes: the name becomes the message")
        ss_box, self.ss_code_error = with_error(self.ss_code)
        form.addRow("Smartsheet RM &code", ss_box)

        self.message = QLineEdit()
        self.message.setPlaceholderText("optional")
        message_box, self.message_error = with_error(self.message)
        form.addRow("&Message", message_box)

        accounts_box = QWidget()
        accounts_layout = QVBoxLayout(accounts_box)
        accounts_layout.setContentsMargins(0, 0, 0, 0)
        accounts_layout.setSpacing(2)
        self._rows: list[_AccountRow] = []
        for view in views:
            text = account_label(view, snapshot.accounts)
            if not view.capabilities.can_create:
                text += " – fixed codes"
            check = QCheckBox(text)
            check.setChecked(not view.signed_out)
            check.setIcon(icons.availability_icon(view.current.availability if view.current else None))
            check.toggled.connect(self._update_rows)
            error = FieldError(check)
            accounts_layout.addWidget(check)
            accounts_layout.addWidget(error)
            self._rows.append(_AccountRow(view, check, error))
        self.accounts_error = FieldError(accounts_box)
        accounts_layout.addWidget(self.accounts_error)
        form.addRow("Accounts", accounts_box)

        self.apply_now = QCheckBox("&Apply it now")
        self.apply_now.setChecked(True)
        form.addRow("", self.apply_now)
        self.times = TimeFields(form, controller.now())
        self.apply_now.toggled.connect(self._update_rows)
        self.name.textChanged.connect(self._update_rows)

        self.general_error = FieldError()
        self.progress = QLabel("")
        self.buttons, self.create_button = accept_and_cancel(self, "Create", self.submit)

        point_labels_at_fields(form)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        # Only the type rows of services the user has are shown.
        for kind, box in (
            (ServiceKind.ROCKETCHAT, rc_box),
            (ServiceKind.CALLBELL, cb_box),
            (ServiceKind.SMARTSHEET, ss_box),
        ):
            form.setRowVisible(box, kind in kinds)
        self._inputs = [
            self.name,
            self.rc_type,
            self.cb_emoji,
            self.ss_code,
            self.message,
            self.apply_now,
            *[r.check for r in self._rows],
            self.create_button,
        ]
        self._lock = InputLock(self._inputs, self.create_button)
        chain_tab_order(
            [
                self.name,
                self.rc_type,
                self.cb_emoji,
                self.ss_code,
                self.message,
                *[r.check for r in self._rows],
                self.apply_now,
                *self.times.widgets(),
                self.create_button,
                *self.buttons.buttons(),
            ]
        )
        self._update_rows()
        self.name.setFocus()
        self.setMinimumWidth(440)

    # ------------------------------------------------------------------ state
    def selected(self) -> list[_AccountRow]:
        return [r for r in self._rows if r.check.isChecked() and self._usable(r)]

    def _usable(self, row: _AccountRow) -> bool:
        # Smartsheet RM cannot store a new status: it only takes part when the status is applied.
        return row.view.capabilities.can_create or self.apply_now.isChecked()

    def _update_rows(self) -> None:
        name = self.name.text()
        for row in self._rows:
            done = row.done_for(name)
            row.check.setEnabled(not done and self._usable(row) and self._task is None)
            row.check.setToolTip(
                ""
                if self._usable(row)
                else f"{row.view.account.kind.label} cannot store new statuses; tick "
                "'Apply it now' to set one of its codes with this name as the message"
            )
            if done:
                row.error.setStyleSheet("")
                row.error.set(f"✓ Created “{row.created.name if row.created else ''}”")
            elif row.created is not None and row.error.text().startswith("✓"):
                row.error.set("")  # the name changed: it will be created under the new name
        chosen = {r.view.account.kind for r in self.selected()}
        self.rc_type.setEnabled(ServiceKind.ROCKETCHAT in chosen)
        self.cb_emoji.setEnabled(ServiceKind.CALLBELL in chosen)
        self.ss_code.setEnabled(ServiceKind.SMARTSHEET in chosen)
        self.message.setEnabled(any(r.view.capabilities.supports_message for r in self.selected()))
        self.times.set_enabled(self.apply_now.isChecked())

    def set_busy(self, busy: bool) -> None:
        self._lock.set_busy(busy)
        if not busy:
            self._update_rows()
        self.progress.setText("Creating…" if busy else "")

    def _clear_errors(self) -> None:
        for error in (
            self.name_error,
            self.rc_type_error,
            self.cb_emoji_error,
            self.ss_code_error,
            self.message_error,
            self.accounts_error,
            self.general_error,
        ):
            error.clear_error()
        for row in self._rows:
            row.error.clear_error()

    # ------------------------------------------------------------------ submit
    def submit(self) -> None:
        if self._task is not None:
            return  # Enter pressed twice: one request at a time
        self._clear_errors()
        now = self._controller.now()
        name = self.name.text().strip()
        rows = self.selected()
        ok = True
        if not name:
            self.name_error.set("Give the status a name.")
            ok = False
        if not rows:
            self.accounts_error.set("Choose at least one account.")
            ok = False
        if (
            any(r.view.account.kind is ServiceKind.SMARTSHEET for r in rows)
            and self.ss_code.currentIndex() < 0
        ):
            self.ss_code_error.set("Smartsheet RM has no codes yet: refresh first.")
            ok = False
        times = self.times.validate(now) if self.apply_now.isChecked() else Times(None, None)
        if times is None:
            ok = False
        if not ok:
            if not name:
                self.name.setFocus()
            return
        assert times is not None
        rc_type = str(self.rc_type.currentData() or "")
        emoji = self.cb_emoji.currentText().strip()
        ss_id = str(self.ss_code.currentData() or "")
        service = self._controller.service
        to_create = [
            (r.view.account.name, r.view.account.kind)
            for r in rows
            if r.view.capabilities.can_create and not r.done_for(name)
        ]

        def work() -> dict[str, tuple[CustomStatus | None, BaseException | None]]:
            out: dict[str, tuple[CustomStatus | None, BaseException | None]] = {}
            for account, kind in to_create:
                try:
                    status = service.create_status(
                        account,
                        name,
                        type=rc_type if kind is ServiceKind.ROCKETCHAT else "",
                        emoji=emoji if kind is ServiceKind.CALLBELL else "",
                    )
                    out[account] = (status, None)
                except Exception as exc:  # shown next to the account or field it concerns
                    out[account] = (None, exc)
            return out

        self.set_busy(True)
        message = self.message.text().strip()
        self._task = self._controller.submit(
            work,
            lambda result: self._done(result, name, message, times, ss_id),
            self._failed,
            keys=[a for a, _ in to_create],
        )

    def _done(
        self,
        result: dict[str, tuple[CustomStatus | None, BaseException | None]],
        name: str,
        message: str,
        times: Times,
        ss_id: str,
    ) -> None:
        """Statuses are applied only once every chosen account has its status, so a failure on one
        service never leaves the others half changed."""
        self._task = None
        failures: list[tuple[_AccountRow, BaseException]] = []
        for row in self._rows:
            status, error = result.get(row.view.account.name, (None, None))
            if status is not None:
                row.created = status
            elif error is not None:
                failures.append((row, error))
        self.set_busy(False)  # first: focus can only go to enabled fields
        if failures:
            focus: QWidget | None = None
            for row, error in failures:
                field = self._show_error(row, error, several=len(result) > 1)
                focus = focus or field
            if focus is not None:
                focus.setFocus()
                if focus is self.name:
                    self.name.selectAll()
            return
        if self.apply_now.isChecked():
            for row in self.selected():
                if row.view.capabilities.can_create:
                    status = row.created
                else:
                    status = next((s for s in row.view.statuses if s.id == ss_id), None)
                if status is not None:
                    self._apply(row.view, status, name, message, times)
        self.accept()

    def _apply(self, view: AccountView, status: CustomStatus, name: str, message: str, times: Times) -> None:
        if not view.capabilities.can_create:
            message = message or name  # Smartsheet RM: a code plus the name as its message
        change = StatusChange(
            ChangeKind.CUSTOM, status=status, message=message or None, start=times.start, end=times.end
        )
        self._controller.apply(change, [view.account.name])

    def _show_error(self, row: _AccountRow, error: BaseException, several: bool) -> QWidget:
        """Show the error next to what it concerns; returns the field to focus."""
        label = row.view.account.kind.label
        text = plain_error(error)
        prefixed = f"{label}: {text}" if several and label not in text else text
        target: FieldError
        focus: QWidget
        if isinstance(error, DuplicateName) or (isinstance(error, ValidationError) and error.field == "name"):
            target, focus = self.name_error, self.name
        elif isinstance(error, ValidationError) and error.field in ("type", "statusType", "status"):
            target, focus = self.rc_type_error, self.rc_type
        elif isinstance(error, ValidationError) and error.field == "emoji":
            target, focus = self.cb_emoji_error, self.cb_emoji
        elif isinstance(error, ValidationError) and error.field == "message":
            target, focus = self.message_error, self.message
        elif isinstance(error, (PermissionDenied, AuthError, TrayAppError)):
            target, focus, prefixed = row.error, row.check, text
        else:
            target, focus = self.general_error, self.name
        existing = target.text()
        target.set(f"{existing}\n{prefixed}" if existing and prefixed not in existing else prefixed)
        row.error.setStyleSheet(f"color: {error_colour()};")
        return focus

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self.set_busy(False)
        self.general_error.set(plain_error(exc))

    def reject(self) -> None:
        if self._task is not None:
            self._task.cancel()  # a request already sent still completes; its answer is dropped
            self._task = None
        super().reject()


# ----------------------------------------------------------------------------- "Custom…" time dialog


class ScheduleDialog(QDialog):
    """Set for… → Custom…: the chosen status with a start (optional) and an end."""

    def __init__(
        self,
        controller: Controller,
        target: Target,
        parent: QWidget | None = None,
        on_apply: Callable[[StatusChange, Sequence[str]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._target = target
        self._on_apply = on_apply
        self.setWindowTitle("Set status for…")
        self.setWindowIcon(icons.app_icon())
        now = controller.now()
        form = QFormLayout()
        what = QLabel(
            target.label
            if len(target.names) == 1 or target.change.kind is not ChangeKind.AVAILABILITY
            else f"{target.label} on every account that has it"
        )
        what.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow("Status", what)
        self.message = QLineEdit()
        self.message.setPlaceholderText("optional")
        form.addRow("&Message", self.message)
        self.times = TimeFields(
            form,
            now,
            end_required=True,
            end_default=now.astimezone().replace(second=0, microsecond=0) + timedelta(hours=1),
        )
        self.buttons, self.apply_button = accept_and_cancel(self, "Apply", self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        chain_tab_order(
            [
                self.times.end_edit,
                self.times.start_check,
                self.times.start_edit,
                self.message,
                self.apply_button,
                *self.buttons.buttons(),
            ]
        )
        self.times.end_edit.setFocus()
        self.setMinimumWidth(400)

    def submit(self) -> None:
        times = self.times.validate(self._controller.now())
        if times is None:
            return
        message = self.message.text().strip() or None
        change = replace(self._target.change, start=times.start, end=times.end, message=message)
        if self._on_apply is not None:
            self._on_apply(change, self._target.names)
        else:
            self._controller.apply(change, self._target.names)
        self.accept()
