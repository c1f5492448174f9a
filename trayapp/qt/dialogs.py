"""The quick-create dialog, plus the form helpers the accounts dialog and the status picker share.

Keyboard first: each dialog opens with its first field focused, Enter runs the default button, Esc
cancels, and the tab order follows the layout. Input is checked inline before any request; a server's
answer is shown next to the field it concerns, and nothing the user typed is ever cleared.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QDateTime, QEvent, QLocale, QObject, QSize, Qt, QTime, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPalette, QResizeEvent
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
    QLayoutItem,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
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
    Availability,
    ChangeKind,
    CustomStatus,
    ServiceKind,
    StatusChange,
)
from trayapp.qt import icons
from trayapp.qt.controller import Controller, plain_error
from trayapp.qt.dispatcher import Task
from trayapp.qt.i18n import N_, tr
from trayapp.qt.menu import account_label, elide

# Rocket.Chat's status types (its API's words) and how the dialog names them
RC_TYPES = (
    ("online", N_("dialogs", "Online")),
    ("away", N_("dialogs", "Away")),
    ("busy", N_("dialogs", "Busy")),
    ("offline", N_("dialogs", "Offline")),
)

# One "Show me as" choice drives every service's own setting by default (each can still be changed):
# the Rocket.Chat type, Callbell's available flag (it has no busy: busy is "not available"), and the
# Smartsheet RM status (busy people are still at work: In the office).
SHOW_AS: tuple[tuple[Availability, str, str, bool, str], ...] = (
    (Availability.AVAILABLE, N_("dialogs", "A&vailable"), "online", True, "ITO"),
    (Availability.AWAY, N_("dialogs", "Awa&y"), "away", False, "OOF"),
    (Availability.BUSY, N_("dialogs", "B&usy"), "busy", False, "ITO"),
)
ACCOUNT_LABEL_CHARS = 44  # longer account names (e-mail addresses) are elided; the tooltip has all
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
        # Selectable with the mouse, but no stop for Tab and no empty focusable label for a screen
        # reader: the message reaches it as the field's description (and as this label's name).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet(f"color: {error_colour()};")
        self.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A wrapped label in a form row is otherwise given the height of one line, cutting the rest
        # off ("The end must be after the"): ask for the height the current width needs.
        super().resizeEvent(event)
        needed = self.heightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def set(self, text: str) -> None:
        self.setText(text)
        # a row the form does not show has no parent: its message must never become a window of its own
        self.setVisible(bool(text) and self.parentWidget() is not None)
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


def with_error(
    field: QWidget,
    extra: QWidget | None = None,
    natural_width: bool = False,
    before: QWidget | None = None,
) -> tuple[QVBoxLayout, FieldError]:
    """The field with its error label underneath (one form row), `extra` after it and `before` in front
    of it. `natural_width`: the field keeps its own width while the row (and so the error line) takes
    all the width the form gives.

    A layout, not a wrapper widget: the field then has the form's label as a sibling, which is where
    Qt looks for the label relation a screen reader announces (a label whose buddy sits in a box of
    its own names nothing: the field was read as an unnamed text box)."""
    layout = QVBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    if extra is None and before is None and not natural_width:
        layout.addWidget(field)
    else:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        if before is not None:
            row.addWidget(before)
        row.addWidget(field, 0 if natural_width else 1)
        if extra is not None:
            row.addWidget(extra)
        if natural_width:
            row.addStretch(1)
        layout.addLayout(row)
    error = FieldError(field)
    # Without this the row is as narrow as the field and a message wraps after three words.
    error.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    layout.addWidget(error)
    return layout, error


def side_by_side(*widgets: QWidget) -> QWidget:
    """One form row holding several widgets (the choices of a radio group), left-aligned."""
    row_widget = QWidget()
    row = QHBoxLayout(row_widget)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row_widget


def point_labels_at_fields(form: QFormLayout) -> None:
    """Each form label is the buddy of its row's field: Alt+key focuses it, and a screen reader reads
    the label as the field's name (QFormLayout sets buddies only for a row that is one widget; a row
    that is a layout, the field and its error line, gets its first focusable widget)."""
    for row in range(form.rowCount()):
        label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        label = label_item.widget() if label_item is not None else None
        if not isinstance(label, QLabel) or field_item is None:
            continue
        buddy = label.buddy()
        if buddy is not None and buddy.focusPolicy() != Qt.FocusPolicy.NoFocus:
            continue  # given one already (the Start/End labels name their date, not their check box)
        field = _first_field(field_item)
        if field is not None:
            label.setBuddy(field)


def _first_field(item: QLayoutItem) -> QWidget | None:
    widget = item.widget()
    if widget is not None:
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and not isinstance(widget, QLabel):
            return widget
        return widget.focusProxy()
    layout = item.layout()
    if layout is None:
        return None
    for i in range(layout.count()):
        child = layout.itemAt(i)
        found = _first_field(child) if child is not None else None
        if found is not None:
            return found
    return None


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def from_qdatetime(value: QDateTime) -> datetime:
    """An aware local datetime (stored as UTC by the core)."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), tz=timezone.utc).astimezone()


def next_quarter(now: datetime) -> datetime:
    local = now.astimezone().replace(second=0, microsecond=0)
    return local + timedelta(minutes=15 - local.minute % 15)


class DateTimeEdit(QDateTimeEdit):
    """A date-time field where typing a time over a selection of the whole field (Ctrl+A, or a
    double click) sets the time. Qt's own field rejects the keys silently when the selection spans
    several sections: "19:25" typed after Ctrl+A left the old value, or changed only the minutes."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        edit = self.lineEdit()
        typed = event.text()[:1]
        if (
            typed.isdigit()
            and edit is not None
            and len(edit.selectedText()) > len(self.sectionText(self.currentSection()))
        ):
            # A new time, typed from its hour: "19" then ":25" (or "1925") gives 19:25 on the same day.
            self.setTime(QTime(self.time().hour(), 0))
            self.setSelectedSection(QDateTimeEdit.Section.HourSection)
        super().keyPressEvent(event)


def datetime_edit_format() -> str:
    """The weekday, date and time as the user's locale writes them (12 or 24 hours, day or month
    first); the C locale keeps the unambiguous "Wed 2 Dec 2026  14:00"."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return "ddd d MMM yyyy  HH:mm"
    date = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in date:
        date = date.replace("yy", "yyyy")  # a four-digit year is clearer in an editor
    return f"ddd {date}  {locale.timeFormat(QLocale.FormatType.ShortFormat)}"


def make_datetime_edit(value: datetime) -> QDateTimeEdit:
    edit = DateTimeEdit(to_qdatetime(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(datetime_edit_format())
    calendar = edit.calendarWidget()
    if calendar is not None:
        calendar.setFirstDayOfWeek(QLocale().firstDayOfWeek())
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
        # Row labels are real labels, buddies of the date fields (their names for a screen reader);
        # the check boxes in front of the fields say whether the time is used.
        self.start_check = QCheckBox(tr("dialogs", "Later, at"))
        self.start_check.setAccessibleName(tr("dialogs", "Start later"))
        self.start_edit = make_datetime_edit(start_default)
        self.start_edit.setAccessibleDescription(tr("dialogs", "When the status starts"))
        self.start_edit.setEnabled(False)
        self.end_check = QCheckBox(tr("dialogs", "Ends at"))
        self.end_check.setAccessibleName(tr("dialogs", "Set an end"))
        self.end_edit = make_datetime_edit(end_default or start_default + timedelta(hours=1))
        self.end_edit.setAccessibleDescription(tr("dialogs", "When the status ends"))
        self.end_required = end_required
        self.end_check.setChecked(end_required)
        self.end_check.setEnabled(not end_required)
        self.end_check.setVisible(not end_required)  # an end is required: nothing to choose
        self.end_edit.setEnabled(end_required)
        self.start_check.toggled.connect(self.start_edit.setEnabled)
        self.end_check.toggled.connect(self.end_edit.setEnabled)
        self.start_check.toggled.connect(self._start_toggled)
        start_box, self.start_error = with_error(self.start_edit, natural_width=True, before=self.start_check)
        end_box, self.end_error = with_error(self.end_edit, natural_width=True, before=self.end_check)
        self.start_label = QLabel(tr("dialogs", "Sta&rt"))
        self.start_label.setBuddy(self.start_edit)
        self.end_label = QLabel(tr("dialogs", "En&d"))
        self.end_label.setBuddy(self.end_edit)
        form.addRow(self.start_label, start_box)
        form.addRow(self.end_label, end_box)

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
            self.end_error.set(tr("dialogs", "The end must be after the start."))
            ok = False
        elif end is not None and end <= now:
            self.end_error.set(tr("dialogs", "The end is already past."))
            ok = False
        if start is not None and start < now - timedelta(minutes=1):
            self.start_error.set(tr("dialogs", "The start is already past; untick it to start now."))
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


def show_as_tip(availability: Availability) -> str:
    _a, _t, rc_type, available, ss_code = next(row for row in SHOW_AS if row[0] is availability)
    from trayapp.backends.smartsheet_rm import CODES

    rc_label = next((tr("dialogs", label) for value, label in RC_TYPES if value == rc_type), rc_type)
    return tr("dialogs", "Rocket.Chat: {type}; Callbell: {callbell}; Smartsheet RM: {smartsheet}").format(
        type=rc_label,
        callbell=tr("dialogs", "available") if available else tr("dialogs", "not available"),
        smartsheet=CODES[ss_code],  # the service's own status name
    )


class _FormScroll(QScrollArea):
    """Asks for the whole form's size (QScrollArea alone asks for a fixed, smaller one), so the dialog
    opens showing everything whenever the screen has room."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The form grew (an error line appeared): ask for the new size, and grow the window to show it
        # while the screen has room; only ever grows, so the dialog does not jump while the user types.
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
            QTimer.singleShot(0, self._grow_window)
        return False

    def _grow_window(self) -> None:
        try:
            window = self.window()
        except RuntimeError:
            return
        if not window.isVisible():
            return
        layout = window.layout()
        if layout is not None:
            layout.activate()
        room = window.screen().availableGeometry().height() - 48
        needed = min(window.sizeHint().height(), room)
        if needed > window.height():
            window.resize(window.width(), needed)

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(hint.width() + bar, hint.height())


def scrolling(layout: QFormLayout) -> QScrollArea:
    """The form in a frameless scroll area: on a small or scaled screen the dialog scrolls instead of
    cutting rows off; the buttons stay in view under it."""
    content = QWidget()
    content.setLayout(layout)
    layout.setContentsMargins(0, 0, 0, 0)
    area = _FormScroll()
    area.setWidget(content)
    content.installEventFilter(area)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # no Tab stop of its own (nor an unnamed one for a screen reader): Tab goes to the fields, and the
    # area scrolls to the focused one
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def keep_floating(window: QWidget) -> None:
    """Wayland has no dialog window type: a tiling compositor (sway and the other wlroots ones) floats a
    toplevel that has a parent or a fixed width or height, and tiles any other across the whole screen.
    There a window opened with no parent (from the tray's menu) gets a fixed width, its current one; its
    height still follows its content. On X11 the dialog window type says it (Qt sets it)."""
    if not QGuiApplication.platformName().startswith("wayland") or window.parentWidget() is not None:
        return
    layout = window.layout()
    if layout is not None:
        layout.activate()
    resized = window.testAttribute(Qt.WidgetAttribute.WA_Resized)
    width = window.width() if resized else window.sizeHint().width()
    window.setFixedWidth(max(width, window.minimumWidth()))


def fit_to_screen(dialog: QDialog, min_width: int) -> None:
    """The size the content asks for, within the screen's free area (Qt would cap it at 2/3 of the
    screen's width, cutting long lines off)."""
    screen = dialog.screen().availableGeometry()
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
    hint = dialog.sizeHint()
    width = min(max(hint.width(), min_width), screen.width() - 16)
    height = min(hint.height(), screen.height() - 48)  # room for the title bar
    dialog.setMinimumWidth(min(min_width, screen.width() - 16))
    dialog.resize(width, height)


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
        self.setWindowTitle(tr("dialogs", "New status"))
        self.setWindowIcon(icons.app_icon())
        snapshot = controller.snapshot
        views = [v for v in snapshot.accounts if v.capabilities.can_create or v.statuses]
        self._views = views
        kinds = {v.account.kind for v in views}

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("dialogs", "e.g. In a meeting"))
        self.name.setMaxLength(120)
        name_box, self.name_error = with_error(self.name)
        form.addRow(tr("dialogs", "&Name"), name_box)

        # One choice sets each service's own field below (which can still be changed one by one).
        self.show_as: dict[Availability, QRadioButton] = {}
        for availability, text, _rc, _cb, _ss in SHOW_AS:
            radio = QRadioButton(tr("dialogs", text))
            radio.setToolTip(show_as_tip(availability))
            radio.toggled.connect(lambda on, a=availability: self._show_as(a) if on else None)
            self.show_as[availability] = radio
        self.show_as_row = side_by_side(*self.show_as.values())
        form.addRow(tr("dialogs", "Show me as"), self.show_as_row)

        self.rc_type = QComboBox()
        for value, label in RC_TYPES:
            self.rc_type.addItem(tr("dialogs", label), value)
        rc_box, self.rc_type_error = with_error(self.rc_type, natural_width=True)
        form.addRow(tr("dialogs", "Rocket.Chat &type"), rc_box)

        self.cb_emoji = QComboBox()
        self.cb_emoji.setEditable(True)
        self.cb_emoji.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.cb_emoji.addItem("")
        self.cb_emoji.setItemData(0, tr("dialogs", "No emoji"), Qt.ItemDataRole.AccessibleTextRole)
        self.cb_emoji.addItems(list(COMMON_EMOJI))
        self.cb_emoji.setToolTip(tr("dialogs", "Optional; type or pick one emoji"))
        self.cb_emoji.setMinimumWidth(170)
        emoji_edit = self.cb_emoji.lineEdit()
        if emoji_edit is not None:
            emoji_edit.setPlaceholderText(tr("dialogs", "optional, e.g. 📅"))
            emoji_edit.setAccessibleName(tr("dialogs", "Callbell emoji"))
        # Every emoji, found by name ("coffee", "plane"), beside the few common ones of the list.
        self.cb_emoji_more = QPushButton(tr("dialogs", "More emoji…"))
        self.cb_emoji_more.setAutoDefault(False)
        self.cb_emoji_more.clicked.connect(self._choose_emoji)
        cb_box, self.cb_emoji_error = with_error(self.cb_emoji, self.cb_emoji_more, natural_width=True)
        form.addRow(tr("dialogs", "Callbell &emoji"), cb_box)

        self.ss_code = QComboBox()
        ss_view = next((v for v in views if v.account.kind is ServiceKind.SMARTSHEET), None)
        for status in ss_view.statuses if ss_view else ():
            self.ss_code.addItem(status.name, status.id)  # its meaning ("On the road"), not "OOO"
        self.ss_code.setToolTip(
            tr(
                "dialogs",
                "Smartsheet RM cannot store new statuses: it shows one of its own, with this name as the "
                "message",
            )
        )
        ss_box, self.ss_code_error = with_error(self.ss_code, natural_width=True)
        form.addRow(tr("dialogs", "Smartsheet RM &status"), ss_box)

        self.message = QLineEdit()
        self.message.setPlaceholderText(tr("dialogs", "optional"))
        message_box, self.message_error = with_error(self.message)
        form.addRow(tr("dialogs", "&Message"), message_box)

        accounts_box = QWidget()
        accounts_layout = QVBoxLayout(accounts_box)
        accounts_layout.setContentsMargins(0, 0, 0, 0)
        accounts_layout.setSpacing(2)
        self._rows: list[_AccountRow] = []
        for view in views:
            full = account_label(view, snapshot.accounts)
            check = QCheckBox(elide(full, ACCOUNT_LABEL_CHARS))
            if check.text() != full:
                check.setAccessibleName(full)
            check.setChecked(not view.signed_out)
            check.setIcon(icons.availability_icon(view.current.availability if view.current else None))
            check.toggled.connect(self._update_rows)
            error = FieldError(check)
            accounts_layout.addWidget(check)
            accounts_layout.addWidget(error)
            self._rows.append(_AccountRow(view, check, error))
        self.accounts_error = FieldError(accounts_box)
        accounts_layout.addWidget(self.accounts_error)
        form.addRow(tr("dialogs", "Accounts"), accounts_box)

        self.apply_now = QCheckBox(tr("dialogs", "&Apply it now"))
        self.apply_now.setChecked(True)
        form.addRow("", self.apply_now)
        self.times = TimeFields(form, controller.now())
        self.apply_now.toggled.connect(self._update_rows)
        self.name.textChanged.connect(self._update_rows)
        self.name.textChanged.connect(self._name_edited)

        self.general_error = FieldError()
        self.progress = QLabel("")
        self.buttons, self.create_button = accept_and_cancel(self, tr("dialogs", "Create"), self.submit)

        point_labels_at_fields(form)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(form))
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
            *self.show_as.values(),
            self.rc_type,
            self.cb_emoji,
            self.cb_emoji_more,
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
                *self.show_as.values(),
                self.rc_type,
                self.cb_emoji,
                self.cb_emoji_more,
                self.ss_code,
                self.message,
                *[r.check for r in self._rows],
                self.apply_now,
                *self.times.widgets(),
                self.create_button,
                *self.buttons.buttons(),
            ]
        )
        self.show_as[Availability.AVAILABLE].setChecked(True)
        self._update_rows()
        self.name.setFocus()
        fit_to_screen(self, 440)

    def _choose_emoji(self) -> None:
        from trayapp.qt.emoji_picker import EmojiPicker

        picker = EmojiPicker(self)
        picker.picked.connect(self.cb_emoji.setCurrentText)
        picker.finished.connect(picker.deleteLater)
        picker.open()  # modal to this form only

    # ------------------------------------------------------------------ state
    def chosen_availability(self) -> Availability:
        return next((a for a, radio in self.show_as.items() if radio.isChecked()), Availability.AVAILABLE)

    def _show_as(self, availability: Availability) -> None:
        _a, _t, rc_type, _cb, ss_code = next(row for row in SHOW_AS if row[0] is availability)
        self.rc_type.setCurrentIndex(max(0, self.rc_type.findData(rc_type)))
        index = self.ss_code.findData(ss_code)
        if index >= 0:
            self.ss_code.setCurrentIndex(index)

    def _name_edited(self) -> None:
        # A server's "already in use" concerns the name it was given: a new name makes it stale.
        self.name_error.clear_error()

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
                else tr(
                    "dialogs",
                    "{service} cannot store new statuses; tick “Apply it now” to set one of its own "
                    "statuses with this name as the message",
                ).format(service=row.view.account.kind.label)
            )
            full = row.check.accessibleName()
            if full and self._usable(row):
                row.check.setToolTip(full)
            if done:
                row.error.setStyleSheet("")
                created = row.created.name if row.created else ""
                row.error.set("✓ " + tr("dialogs", "Created “{name}”").format(name=created))
            elif row.created is not None and row.error.text().startswith("✓"):
                row.error.set("")  # the name changed: it will be created under the new name
        chosen = {r.view.account.kind for r in self.selected()}
        self.show_as_row.setEnabled(bool(chosen))
        self.rc_type.setEnabled(ServiceKind.ROCKETCHAT in chosen)
        self.cb_emoji.setEnabled(ServiceKind.CALLBELL in chosen)
        self.cb_emoji_more.setEnabled(ServiceKind.CALLBELL in chosen)
        self.ss_code.setEnabled(ServiceKind.SMARTSHEET in chosen)
        self.message.setEnabled(any(r.view.capabilities.supports_message for r in self.selected()))
        self.times.set_enabled(self.apply_now.isChecked())

    def set_busy(self, busy: bool) -> None:
        self._lock.set_busy(busy)
        if not busy:
            self._update_rows()
        self.progress.setText(tr("dialogs", "Creating…") if busy else "")

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
            self.name_error.set(tr("dialogs", "Give the status a name."))
            ok = False
        if not rows:
            self.accounts_error.set(tr("dialogs", "Choose at least one account."))
            ok = False
        if (
            any(r.view.account.kind is ServiceKind.SMARTSHEET for r in rows)
            and self.ss_code.currentIndex() < 0
        ):
            self.ss_code_error.set(
                tr("dialogs", "Smartsheet RM’s statuses are not loaded yet: refresh first.")
            )
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
            message = message or name  # Smartsheet RM: one of its statuses plus the name as its message
        availability = None
        if view.account.kind is ServiceKind.CALLBELL:  # its statuses carry no availability of their own
            available = next(row[3] for row in SHOW_AS if row[0] is self.chosen_availability())
            availability = Availability.AVAILABLE if available else Availability.AWAY
        change = StatusChange(
            ChangeKind.CUSTOM,
            status=status,
            availability=availability,
            message=message or None,
            start=times.start,
            end=times.end,
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
