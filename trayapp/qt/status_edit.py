"""Editing and deleting a custom status from "Set a status…", where the service allows it (Rocket.Chat's
custom-user-status.update / .delete); Callbell's and Smartsheet RM's APIs cannot, and the picker says so.

A choice may stand for the same status on several accounts ("Lunch" on two Rocket.Chat servers): the
edit and the delete go to every one of them that can take it. Requests run on a worker; an error is
shown in the dialog, in the service's own sentence.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from trayapp.core.models import CustomStatus
from trayapp.qt import icons
from trayapp.qt.choices import RC_SHOWS, Choice, ChoiceKind
from trayapp.qt.controller import Controller, plain_error
from trayapp.qt.dialogs import FieldError, accept_and_cancel, with_error
from trayapp.qt.i18n import tr


def editable(controller: Controller, choice: Choice) -> list[tuple[str, CustomStatus]]:
    """(account, its status) for each account of the choice whose service can edit statuses."""
    views = {v.account.name: v for v in controller.snapshot.accounts}
    return [
        (account, status)
        for account, status in choice.statuses()
        if account in views and views[account].capabilities.can_edit
    ]


class StatusEditDialog(QDialog):
    """Rename a custom status, or change what Rocket.Chat shows with it."""

    def __init__(self, controller: Controller, choice: Choice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._targets = editable(controller, choice)
        first = self._targets[0][1] if self._targets else CustomStatus("", choice.name)
        self.setWindowTitle(tr("statusedit", "Edit “{name}”").format(name=first.name))
        self.setWindowIcon(icons.app_icon())
        form = QFormLayout()
        self.name = QLineEdit(first.name)
        self.name.setMaxLength(120)
        name_box, self.name_error = with_error(self.name)
        form.addRow(tr("statusedit", "&Name"), name_box)
        self.shows = QComboBox()
        for value, label in RC_SHOWS.items():
            self.shows.addItem(label, value)
        self.shows.setCurrentIndex(max(0, self.shows.findData(first.type)))
        form.addRow(tr("statusedit", "Rocket.Chat &shows"), self.shows)
        self.general_error = FieldError()
        self.buttons, self.save_button = accept_and_cancel(self, tr("statusedit", "Save"), self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.name.setFocus()
        self.name.selectAll()
        self.setMinimumWidth(380)

    def submit(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.name_error.set(tr("statusedit", "Give the status a name."))
            return
        kind = str(self.shows.currentData() or "")
        service: Any = self._controller.service
        targets = list(self._targets)
        self.save_button.setEnabled(False)

        def work() -> None:
            for account, status in targets:
                service.update_status(account, status, name, type=kind)

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.general_error.set(plain_error(exc))

        self._controller.submit(work, lambda _none: self.accept(), failed, keys=[a for a, _ in targets])


def confirm_delete(app: Any, choice: Choice) -> None:
    """Ask, then delete the preset (the user's own) or the custom status (where its service allows)."""
    controller: Controller = app.controller
    if choice.kind is ChoiceKind.PRESET:
        question = tr("statusedit", "Delete the preset “{name}”? This cannot be undone.")
    else:
        question = tr("statusedit", "Delete the status “{name}”? This cannot be undone.")
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("statusedit", "Delete “{name}”?").format(name=choice.title),
        question.format(name=choice.title),
        QMessageBox.StandardButton.Cancel,
    )
    delete = box.addButton(tr("statusedit", "Delete"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setWindowIcon(icons.app_icon())
    service: Any = controller.service

    def failed(exc: BaseException) -> None:
        app._inform(tr("statusedit", "Could not delete “{name}”").format(name=choice.title), plain_error(exc))

    def answered(_result: int) -> None:
        if box.clickedButton() is not delete:
            return
        if choice.kind is ChoiceKind.PRESET:
            controller.run_plain(
                lambda: service.presets.remove(choice.preset), lambda _p: app.reload_library(), failed
            )
            return
        targets = editable(controller, choice)

        def work() -> None:
            for account, status in targets:
                service.delete_status(account, status)

        controller.submit(work, lambda _none: None, failed, keys=[a for a, _ in targets])

    box.finished.connect(answered)
    app._open(f"delete:{choice.key}", lambda: box, replace_existing=True)
