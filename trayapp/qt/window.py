"""The small window shown when there is no system tray (stock GNOME, some Wayland desktops, offscreen).

It offers the same controls as the tray menu: a line per account (with its error line), the
availability buttons, and a "Status" button that opens the very same persistent menu.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from trayapp.qt import icons
from trayapp.qt.controller import Controller
from trayapp.qt.dialogs import error_colour, keep_floating
from trayapp.qt.i18n import N_, tr
from trayapp.qt.menu import Target, availability_targets, error_text, header_text, view_icon

NO_TRAY_HINT = N_(
    "window",
    "No system tray was found, so trayapp shows this window instead. On GNOME, install the "
    "“AppIndicator and KStatusNotifierItem Support” extension (or “Status Tray”), then start trayapp again.",
)
DOCTOR_HINT = N_("window", "Run `trayapp doctor` to see why there is no tray.")


class StatusWindow(QWidget):
    def __init__(
        self,
        controller: Controller,
        menu: QMenu,
        apply: Callable[[Target], None],
        on_close: Callable[[], None],
        set_status: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self._controller = controller
        self._apply = apply
        self._on_close = on_close
        self.tray_available = False  # set by the app when a tray shows up later: closing then just hides
        self.setWindowTitle("trayapp")
        self.setWindowIcon(icons.app_icon())

        self.hint = QLabel(f"{tr('window', NO_TRAY_HINT)}\n{tr('window', DOCTOR_HINT)}")
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lines = QVBoxLayout()
        self.lines.setSpacing(2)
        self._line_widgets: list[tuple[QLabel, QLabel, QLabel]] = []
        self.buttons_row = QHBoxLayout()
        # Available/Away/Busy/Offline are one choice: radio buttons, as in the menu (radio items).
        self._avail_buttons: dict[str, QRadioButton] = {}
        self._avail_group = QButtonGroup(self)
        self._targets: dict[str, Target] = {}
        self.set_button = QPushButton(tr("window", "Set a status…"))
        self.menu_button = QToolButton()
        self.menu_button.setText(tr("window", "Statuses and more"))
        self.menu_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setMenu(menu)
        self._menu = menu  # the tray's persistent menu: statuses, Set for…, New status…, Accounts…, Quit

        self.set_button.setEnabled(set_status is not None)
        if set_status is not None:
            self.set_button.clicked.connect(lambda _c=False: set_status())
        layout = QVBoxLayout(self)
        layout.addLayout(self.lines)
        layout.addLayout(self.buttons_row)
        bottom = QHBoxLayout()
        bottom.addWidget(self.set_button)
        bottom.addStretch(1)
        bottom.addWidget(self.menu_button)
        layout.addLayout(bottom)
        layout.addWidget(self.hint)
        controller.changed.connect(self.update_view)
        self.update_view()
        self.setMinimumWidth(460)

    def update_view(self) -> None:
        snapshot = self._controller.snapshot
        now = self._controller.now()
        views = snapshot.accounts
        while len(self._line_widgets) < max(1, len(views)):
            icon, text, error = QLabel(), QLabel(), QLabel()
            for label in (text, error):
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setWordWrap(True)
            error.setStyleSheet(f"color: {error_colour()};")
            row = QHBoxLayout()
            row.addWidget(icon)
            column = QVBoxLayout()
            column.setSpacing(0)
            column.addWidget(text)
            column.addWidget(error)
            row.addLayout(column, 1)
            self.lines.addLayout(row)
            self._line_widgets.append((icon, text, error))
        for i, (icon, text, error) in enumerate(self._line_widgets):
            if i < len(views):
                view = views[i]
                icon.setPixmap(icons.named_icon(view_icon(view)).pixmap(20, 20))
                icon.setAccessibleName(icons.icon_text(view_icon(view)))  # the state the icon shows
                text.setText(header_text(view, views, now))
                whole = header_text(view, views, now, limit=None)
                text.setToolTip(whole if whole != text.text() else "")
                error.setText(f"⚠ {error_text(view)}" if error_text(view) else "")
            else:
                icon.setPixmap(icons.named_icon("attention").pixmap(20, 20))
                icon.setAccessibleName(icons.icon_text("attention"))
                text.setText(
                    tr("window", "No accounts yet: open “Statuses and more” → Accounts… to add one.")
                    if i == 0
                    else ""
                )
                error.setText("")
                text.setToolTip("")
            for widget in (icon, text):
                widget.setVisible(i < len(views) or i == 0)
            error.setVisible(bool(error.text()))

        targets = availability_targets(snapshot)
        wanted = {a.value for a, _, _ in targets}
        # Accounts that disagree leave every button unchecked, which an exclusive group only allows
        # while it is not exclusive.
        self._avail_group.setExclusive(False)
        for a, target, checked in targets:
            button = self._avail_buttons.get(a.value)
            if button is None:
                button = QRadioButton(a.label)
                button.setIcon(icons.named_icon(a.value))
                button.clicked.connect(lambda _c=False, v=a.value: self._clicked(v))
                self.buttons_row.addWidget(button)
                self._avail_group.addButton(button)
                self._avail_buttons[a.value] = button
            self._targets[a.value] = target
            button.setChecked(checked)
            button.setEnabled(not any(v.pending for v in views))
        self._avail_group.setExclusive(True)
        for value, button in self._avail_buttons.items():
            button.setVisible(value in wanted)
        if self.isVisible():
            QTimer.singleShot(0, self._fit_height)  # once the layout has taken the new texts in

    def _fit_height(self) -> None:
        """As tall as the lines need at the window's width: an error line wraps onto a second row, and
        Qt's minimum size does not count wrapped rows, so the window would cut it off."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        width = self.width()
        needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else self.sizeHint().height()
        room = self.screen().availableGeometry().height() - 48
        needed = max(min(needed, room), self.minimumHeight())
        if needed != self.height():
            self.resize(width, needed)

    def _clicked(self, value: str) -> None:
        self.update_view()  # the check moves when the service confirms, not on click
        target = self._targets.get(value)
        if target is not None:
            self._apply(target)

    def show_hint(self, show: bool) -> None:
        self.hint.setVisible(show)

    def set_popup(self, popup: bool) -> None:
        """Opened from the tray icon (popup): a dialog window, which window managers keep floating and
        small, over the desktop; standing in for a missing tray: the app's normal, main window. Only
        while hidden (a new window type takes effect when the window is next shown)."""
        if self.isVisible():
            return
        kind = Qt.WindowType.Dialog if popup else Qt.WindowType.Window
        if self.windowType() != kind:
            self.setWindowFlags(kind)

    def bring_up(self) -> None:
        if not self.isVisible():
            keep_floating(self)
            QTimer.singleShot(0, self._fit_height)
        self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tray_available:
            event.accept()  # the tray icon remains
            return
        event.accept()
        self._on_close()  # the window is the only UI: closing it quits
