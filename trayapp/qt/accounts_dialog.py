"""The accounts dialog (list, add, edit, remove, "Try the demo") and the per-account editor.

The editor asks for the same things as `trayapp accounts add`: Rocket.Chat takes a personal access token
(user id + token) or a username and password, with a two-factor code when the server asks; Callbell an
API key, the user's uuid and an address defaulting to the public API; Smartsheet RM an API token and
either the user id or an e-mail to look it up, with the public or EU address. Secrets go straight to the
service (which keeps them in the keyring only) and are never logged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from trayapp.core.errors import (
    AuthError,
    BadReply,
    InputError,
    KeyringLocked,
    KeyringUnavailable,
    NotFound,
    RateLimited,
    ServiceUnavailable,
    TrayAppError,
    TwoFactorRequired,
)
from trayapp.core.models import Account, ServiceKind
from trayapp.core.redaction import register_secret
from trayapp.qt import icons
from trayapp.qt.controller import Controller, plain_error
from trayapp.qt.dialogs import (
    FieldError,
    InputLock,
    accept_and_cancel,
    chain_tab_order,
    error_colour,
    point_labels_at_fields,
    side_by_side,
    with_error,
)
from trayapp.qt.dispatcher import Task
from trayapp.qt.i18n import N_, tr
from trayapp.qt.menu import view_icon


def _default_urls() -> dict[str, str]:
    from trayapp.backends import callbell, smartsheet_rm

    return {
        "callbell": callbell.DEFAULT_URL,
        "smartsheet": smartsheet_rm.DEFAULT_URL,
        "smartsheet_eu": smartsheet_rm.EU_URL,
    }


def suggest_name(kind: ServiceKind, taken: set[str]) -> str:
    base = {
        ServiceKind.ROCKETCHAT: "rocketchat",
        ServiceKind.CALLBELL: "callbell",
        ServiceKind.SMARTSHEET: "smartsheet",
    }[kind]
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    return name


def secret_edit(placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    # Never offered to input methods' history or a screen reader's echo of typed text.
    edit.setInputMethodHints(
        Qt.InputMethodHint.ImhHiddenText
        | Qt.InputMethodHint.ImhSensitiveData
        | Qt.InputMethodHint.ImhNoPredictiveText
    )
    return edit


@dataclass(frozen=True)
class Credentials:
    """What the worker needs to produce (account, secret) — resolved there because sign-in and e-mail
    look-up make requests."""

    kind: ServiceKind
    name: str
    url: str
    user: str  # user id / uuid (may be empty when it is looked up)
    secret: str  # token, API key, or password for a Rocket.Chat sign-in ("" = keep the stored one)
    username: str = ""  # Rocket.Chat sign-in
    code: str = ""  # Rocket.Chat two-factor code
    email: str = ""  # Smartsheet RM look-up
    display_user: str = ""


def resolve(creds: Credentials) -> tuple[Account, str | None]:
    """Worker side: sign in or look the user up when needed; returns the account and its secret."""
    secret: str | None = creds.secret or None
    if secret:
        register_secret(secret)  # typed in the dialog: masked from here on, like one read from the keyring
    user, display = creds.user.strip(), creds.display_user
    if creds.kind is ServiceKind.ROCKETCHAT and creds.username:
        from trayapp.backends.rocketchat import login

        user, secret = login(creds.url, creds.username, creds.secret, creds.code or None)
        display = creds.username.strip()
    elif creds.kind is ServiceKind.SMARTSHEET and creds.email:
        from trayapp.backends.smartsheet_rm import find_user_id

        if not creds.secret:
            raise InputError(tr("accounts", "Type the API token to look the e-mail up."))
        user, display = find_user_id(creds.url, creds.secret, creds.email)
    elif creds.kind is ServiceKind.CALLBELL:
        from trayapp.backends.callbell import normalise_uuid

        user = normalise_uuid(user)  # dashed or upper case as copied: stored as the API writes it
    return Account(creds.name.strip(), creds.kind, creds.url.strip(), user, display), secret


class AccountEditor(QDialog):
    """Add or edit one account. `existing` = edit mode (the secret may stay empty = keep it)."""

    def __init__(
        self,
        controller: Controller,
        kind: ServiceKind,
        existing: Account | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self.kind = kind
        self.existing = existing
        self._task: Task[object] | None = None
        urls = _default_urls()
        if existing:
            title = tr("accounts", "Edit {service} account")
        else:
            title = tr("accounts", "Add {service} account")
        self.setWindowTitle(title.format(service=kind.label))
        self.setWindowIcon(icons.app_icon())
        keep = tr("accounts", "stored in the keyring; leave empty to keep it") if existing else ""

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form = form
        taken = {a.name for a in controller.service.accounts()}
        self.name = QLineEdit(existing.name if existing else suggest_name(kind, taken))
        self.name.setToolTip(tr("accounts", "A short name for this account, used by the command line too"))
        name_box, self.name_error = with_error(self.name)

        self.url = QComboBox()
        self.url.setEditable(True)
        self.url.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        if kind is ServiceKind.CALLBELL:
            self.url.addItem(urls["callbell"])
        elif kind is ServiceKind.SMARTSHEET:
            self.url.addItem(urls["smartsheet"])
            self.url.addItem(urls["smartsheet_eu"])
            self.url.setItemData(1, tr("accounts", "Accounts hosted in the EU"), Qt.ItemDataRole.ToolTipRole)
        url_edit = self.url.lineEdit()
        assert url_edit is not None
        self.url_edit = url_edit
        url_edit.setAccessibleName(tr("accounts", "Address"))  # the combo box's own text field
        if kind is ServiceKind.ROCKETCHAT:
            url_edit.setPlaceholderText("https://chat.example.com")
        if existing:
            self.url.setCurrentText(existing.url)
        url_box, self.url_error = with_error(self.url)

        # Rocket.Chat: token or password sign-in.
        self.mode_token = QRadioButton(tr("accounts", "Personal access &token"))
        self.mode_password = QRadioButton(tr("accounts", "&Username and password"))
        self.mode_token.setChecked(True)
        self._modes = QButtonGroup(self)
        self._modes.addButton(self.mode_token)
        self._modes.addButton(self.mode_password)
        # Smartsheet RM: user id or e-mail look-up.
        self.find_by_id = QRadioButton(tr("accounts", "User &id"))
        self.find_by_email = QRadioButton(tr("accounts", "E-mail &look-up"))
        self.find_by_id.setChecked(True)
        self._finds = QButtonGroup(self)
        self._finds.addButton(self.find_by_id)
        self._finds.addButton(self.find_by_email)

        self.user = QLineEdit(existing.user if existing else "")
        self.username = QLineEdit()
        self.email = QLineEdit(existing.display_user if existing and "@" in existing.display_user else "")
        self.token = secret_edit(keep)
        self.password = secret_edit("")
        self.code = QLineEdit()
        self.code.setPlaceholderText(tr("accounts", "two-factor code"))  # then named by the server's method
        self.code.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        user_box, self.user_error = with_error(self.user)
        username_box, self.username_error = with_error(self.username)
        email_box, self.email_error = with_error(self.email)
        token_box, self.token_error = with_error(self.token)
        password_box, self.password_error = with_error(self.password)
        code_box, self.code_error = with_error(self.code)

        form.addRow(tr("accounts", "Account &name"), name_box)
        if kind is ServiceKind.ROCKETCHAT:
            form.addRow(tr("accounts", "&Address"), url_box)
            form.addRow(tr("accounts", "Sign in with"), side_by_side(self.mode_token, self.mode_password))
            form.addRow(tr("accounts", "User i&d"), user_box)
            form.addRow(tr("accounts", "To&ken"), token_box)
            form.addRow(tr("accounts", "Username or e-&mail"), username_box)
            form.addRow(tr("accounts", "&Password"), password_box)
            form.addRow(tr("accounts", "Two-factor c&ode"), code_box)
            self.user.setPlaceholderText(
                tr("accounts", "shown next to the token in My Account → Personal Access Tokens")
            )
            self.username.setPlaceholderText(tr("accounts", "user name or e-mail"))
            order: list[QWidget] = [
                self.name,
                self.url,
                self.mode_token,
                self.mode_password,
                self.user,
                self.token,
                self.username,
                self.password,
                self.code,
            ]
        elif kind is ServiceKind.CALLBELL:
            form.addRow(tr("accounts", "API &key"), token_box)
            form.addRow(tr("accounts", "User &uuid"), user_box)
            form.addRow(tr("accounts", "&Address"), url_box)
            self.user.setPlaceholderText(
                tr("accounts", "32 hex characters: ask your Callbell admin or support")
            )
            order = [self.name, self.token, self.user, self.url]
        else:
            form.addRow(tr("accounts", "API &token"), token_box)
            form.addRow(tr("accounts", "Find me by"), side_by_side(self.find_by_id, self.find_by_email))
            form.addRow(tr("accounts", "User i&d"), user_box)
            form.addRow(tr("accounts", "E-&mail"), email_box)
            form.addRow(tr("accounts", "&Address"), url_box)
            self.user.setPlaceholderText(tr("accounts", "numeric user id"))
            self.email.setPlaceholderText(tr("accounts", "the e-mail you sign in with"))
            order = [
                self.name,
                self.token,
                self.find_by_id,
                self.find_by_email,
                self.user,
                self.email,
                self.url,
            ]
        self._boxes = {
            "user": user_box,
            "token": token_box,
            "username": username_box,
            "password": password_box,
            "code": code_box,
            "email": email_box,
        }

        self.result_label = QLabel("")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.general_error = FieldError()
        self.test_button = QPushButton(tr("accounts", "T&est connection"))
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test)
        self.buttons, self.save_button = accept_and_cancel(self, tr("accounts", "Save"), self.save)

        point_labels_at_fields(form)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.result_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.test_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        self._lock = InputLock([*order, self.test_button, self.save_button], self.save_button)
        chain_tab_order([*order, self.test_button, self.save_button, *self.buttons.buttons()])
        self.mode_token.toggled.connect(self._update_rows)
        self.find_by_id.toggled.connect(self._update_rows)
        self._two_factor = False
        self._update_rows()
        self.setMinimumWidth(480)
        first = (
            self.url
            if kind is ServiceKind.ROCKETCHAT and not existing
            else (self.token if not existing else self.name)
        )
        first.setFocus()

    # ------------------------------------------------------------------ rows
    def _update_rows(self) -> None:
        rc = self.kind is ServiceKind.ROCKETCHAT
        ss = self.kind is ServiceKind.SMARTSHEET
        password = rc and self.mode_password.isChecked()
        by_email = ss and self.find_by_email.isChecked()
        visible = {
            "user": not password and not by_email,
            "token": not password,
            "username": password,
            "password": password,
            "code": password and self._two_factor,
            "email": by_email,
        }
        for key, box in self._boxes.items():
            if self.form.indexOf(box) >= 0:
                self.form.setRowVisible(box, visible[key])

    def _errors(self) -> list[FieldError]:
        return [
            self.name_error,
            self.url_error,
            self.user_error,
            self.username_error,
            self.email_error,
            self.token_error,
            self.password_error,
            self.code_error,
            self.general_error,
        ]

    def _clear_errors(self) -> None:
        for error in self._errors():
            error.clear_error()
        self.result_label.setText("")

    def set_busy(self, busy: bool, doing: str = "") -> None:
        self._lock.set_busy(busy)
        self.result_label.setStyleSheet("")
        self.result_label.setText(doing if busy else self.result_label.text())

    # ------------------------------------------------------------------ input
    def credentials(self) -> Credentials | None:
        """What was typed, or None after showing what is missing (no request is made)."""
        from trayapp.core.ports import check_url
        from trayapp.core.settings import check_account_name

        self._clear_errors()
        bad: list[QWidget] = []

        def need(edit: QLineEdit, error: FieldError, text: str) -> str:
            value = edit.text().strip()
            if not value:
                error.set(text)
                bad.append(edit)
            return value

        try:
            name = check_account_name(self.name.text())
            taken = {a.name for a in self._controller.service.accounts()}
            if name in taken and (self.existing is None or name != self.existing.name):
                raise InputError(
                    tr("accounts", "An account named '{name}' already exists: pick another name.").format(
                        name=name
                    )
                )
        except InputError as exc:
            self.name_error.set(str(exc))
            bad.append(self.name)
            name = self.name.text().strip()
        url = self.url.currentText().strip()
        try:
            url = check_url(url) if url else ""
            if not url:
                self.url_error.set(tr("accounts", "Type the address of your workspace."))
                bad.append(self.url)
        except InputError as exc:
            self.url_error.set(str(exc))
            bad.append(self.url)
        keep = self.existing is not None
        creds: Credentials
        if self.kind is ServiceKind.ROCKETCHAT and self.mode_password.isChecked():
            username = need(
                self.username, self.username_error, tr("accounts", "Type your user name or e-mail.")
            )
            password = self.password.text()
            if not password:
                self.password_error.set(tr("accounts", "Type your password."))
                bad.append(self.password)
            code = self.code.text().strip()
            if self._two_factor and not code:
                what = self.code.placeholderText()
                self.code_error.set(tr("accounts", "Type the {code}.").format(code=what))
                bad.append(self.code)
            creds = Credentials(self.kind, name, url, "", password, username=username, code=code)
        elif self.kind is ServiceKind.SMARTSHEET and self.find_by_email.isChecked():
            email = need(self.email, self.email_error, tr("accounts", "Type the e-mail you sign in with."))
            if email and "@" not in email:
                self.email_error.set(tr("accounts", "This does not look like an e-mail address."))
                bad.append(self.email)
            token = self.token.text().strip()
            if not token:
                self.token_error.set(tr("accounts", "The e-mail look-up needs the API token."))
                bad.append(self.token)
            creds = Credentials(self.kind, name, url, "", token, email=email)
        else:
            user_label = {
                "rocketchat": tr("accounts", "Type your user id."),
                "callbell": tr("accounts", "Type your user uuid."),
                "smartsheet": tr("accounts", "Type your user id, or look it up by e-mail."),
            }[self.kind.value]
            user = need(self.user, self.user_error, user_label)
            token = self.token.text().strip()
            if not token and not keep:
                self.token_error.set(tr("accounts", "Paste the token."))
                bad.append(self.token)
            display = self.existing.display_user if self.existing and user == self.existing.user else ""
            creds = Credentials(self.kind, name, url, user, token, display_user=display)
        if bad:
            bad[0].setFocus()
            return None
        return creds

    # ------------------------------------------------------------------ actions
    def test(self) -> None:
        creds = self.credentials()
        if creds is None or self._task is not None:
            return
        service = self._controller.service
        existing = self.existing

        def work() -> str:
            account, secret = resolve(creds)
            if secret is None:
                if existing is None or (account.url, account.user) != (existing.url, existing.user):
                    raise _NeedSecret()
                # Same address and user, token unchanged: test what is stored.
                results = service.refresh([existing.name])
                if results and not results[0].ok:
                    raise _Failed(results[0].detail, results[0].error_kind)
                return existing.display_user or existing.user
            return service.test_connection(account, secret)

        self.set_busy(True, tr("accounts", "Testing…"))
        self._task = self._controller.run_plain(work, self._tested, self._failed)

    def _tested(self, label: object) -> None:
        self._task = None
        self.set_busy(False)
        self.result_label.setStyleSheet("")
        self.result_label.setText("✓ " + tr("accounts", "Connected as {user}.").format(user=label))

    def save(self) -> None:
        creds = self.credentials()
        if creds is None or self._task is not None:
            return
        service = self._controller.service
        existing = self.existing

        def work() -> str:
            account, secret = resolve(creds)
            if existing is None:
                if secret is None:
                    raise _NeedSecret()
                return service.add_account(account, secret)
            return service.update_account(existing.name, account, secret)

        self.set_busy(True, tr("accounts", "Checking the account…"))
        keys = [existing.name] if existing else []
        self._task = self._controller.submit(work, self._saved, self._failed, keys=keys)

    def _saved(self, _label: object) -> None:
        self._task = None
        self.set_busy(False)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self.set_busy(False)
        self.result_label.setText("")
        target, focus = self._where(exc)
        target.set(plain_error(exc) if not isinstance(exc, _NeedSecret) else str(exc))
        if isinstance(exc, TwoFactorRequired):
            self._two_factor = True
            self._update_rows()
            self.code.setPlaceholderText(exc.prompt[:1].lower() + exc.prompt[1:])
        focus.setFocus()
        if isinstance(focus, QLineEdit):
            focus.selectAll()

    def _where(self, exc: BaseException) -> tuple[FieldError, QWidget]:
        rc_password = self.kind is ServiceKind.ROCKETCHAT and self.mode_password.isChecked()
        if isinstance(exc, TwoFactorRequired):
            return self.code_error, self.code
        if isinstance(exc, AuthError):
            if rc_password:
                if self._two_factor and self.code.text().strip():
                    return self.code_error, self.code
                return self.password_error, self.password
            return self.token_error, self.token
        if isinstance(exc, _NeedSecret):
            return self.token_error, self.token
        if (
            isinstance(exc, NotFound)
            and self.kind is ServiceKind.SMARTSHEET
            and self.find_by_email.isChecked()
        ):
            return self.email_error, self.email
        if isinstance(exc, NotFound):
            return self.user_error, self.user
        if isinstance(exc, (ServiceUnavailable, BadReply, RateLimited)):
            return self.url_error, self.url
        if isinstance(exc, InputError) and exc.field:
            fields: dict[str, tuple[FieldError, QWidget]] = {
                "name": (self.name_error, self.name),
                "url": (self.url_error, self.url),
                "user": (self.user_error, self.user),
                "token": (self.token_error, self.token),
            }
            if exc.field in fields:
                return fields[exc.field]
        if isinstance(exc, InputError):  # a backend's sentence without a field (English wording)
            text = str(exc).lower()
            if "account name" in text or "account named" in text:
                return self.name_error, self.name
            if "already added" in text:  # the same user of this service, under another name
                return self.user_error, self.user
            if "address" in text or "http" in text:
                return self.url_error, self.url
            if "token" in text:
                return self.token_error, self.token
            if "uuid" in text:
                return self.user_error, self.user
        if isinstance(exc, (KeyringUnavailable, KeyringLocked)):
            return self.general_error, self.save_button
        return self.general_error, self.save_button

    def reject(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None
        super().reject()


SECRET_WORDS = {
    ServiceKind.ROCKETCHAT: N_("accounts", "token"),
    ServiceKind.CALLBELL: N_("accounts", "API key"),
    ServiceKind.SMARTSHEET: N_("accounts", "API token"),
}


def removal_details(account: Account) -> str:
    """What Remove deletes, and what it leaves alone, in the confirmation's words."""
    secret = tr("accounts", SECRET_WORDS[account.kind])
    text = tr(
        "accounts",
        "trayapp forgets this account and deletes its {secret} from the system keyring. "
        "Your status on the service stays as it is.",
    ).format(secret=secret)
    if account.kind is ServiceKind.CALLBELL:
        text += " " + tr(
            "accounts", "Callbell shows an API key only once: adding this account again needs a new key."
        )
    return text


class _NeedSecret(TrayAppError):
    def __init__(self) -> None:
        super().__init__(
            tr("accounts", "Type the token again to test it: the stored one is never read back.")
        )


class _Failed(TrayAppError):
    def __init__(self, detail: str, kind: str) -> None:
        super().__init__(detail)
        self.kind = kind


class AccountsDialog(QDialog):
    """The list of accounts. With none yet, it explains and offers the demo."""

    try_demo = Signal()

    def __init__(
        self,
        controller: Controller,
        parent: QWidget | None = None,
        editor_factory: Callable[..., AccountEditor] = AccountEditor,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._editor_factory = editor_factory
        self._task: Task[object] | None = None
        self.editor: AccountEditor | None = None
        self.setWindowTitle(tr("accounts", "Accounts"))
        self.setWindowIcon(icons.app_icon())

        self.intro = QLabel(
            tr(
                "accounts",
                "Connect the services whose status trayapp should set. Tokens are kept in your system "
                "keyring.",
            )
        )
        self.intro.setWordWrap(True)
        self.empty = QLabel(
            tr(
                "accounts",
                "No accounts yet. Add one of your accounts, or try trayapp first with made-up demo "
                "accounts (nothing is sent anywhere).",
            )
        )
        self.empty.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("accounts", "Accounts"))
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(lambda _item: self.edit())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.error = FieldError(self.list)

        self.add_button = QPushButton(tr("accounts", "&Add"))
        self.add_menu = QMenu(self.add_button)
        self._add_actions: list[QAction] = []
        for kind in ServiceKind:
            action = self.add_menu.addAction(f"{kind.label}…")
            action.triggered.connect(lambda _c=False, k=kind: self.add(k))
            self._add_actions.append(action)
        self.add_button.setMenu(self.add_menu)
        self.edit_button = QPushButton(tr("accounts", "&Edit…"))
        self.edit_button.clicked.connect(self.edit)
        self.remove_button = QPushButton(tr("accounts", "&Remove…"))
        # Not connect(self.remove): a slot with a parameter would receive clicked's `checked` argument.
        self.remove_button.clicked.connect(lambda _checked=False: self.remove())
        self.confirm_box: QMessageBox | None = None
        self.demo_button = QPushButton(tr("accounts", "Try the &demo"))
        self.demo_button.clicked.connect(self._try_demo)
        self.close_button = QPushButton(tr("accounts", "Close"))
        self.close_button.clicked.connect(self.accept)
        for button in (self.add_button, self.edit_button, self.remove_button, self.demo_button):
            button.setAutoDefault(False)

        # One row under the list: account actions on the left, demo and Close on the right. With no
        # account yet the list, Edit and Remove are hidden and the row still reads well.
        bottom = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(self.demo_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        chain_tab_order(
            [
                self.list,
                self.add_button,
                self.edit_button,
                self.remove_button,
                self.demo_button,
                self.close_button,
            ]
        )
        controller.changed.connect(self.reload)
        self.reload()
        self.setMinimumWidth(560)
        self.list.setMinimumHeight(160)

    def reload(self) -> None:
        current = self.selected_name()
        # The list comes from the settings (memory only), so an account just saved shows at once; the
        # icons come from the last snapshot.
        views = {v.account.name: v for v in self._controller.snapshot.accounts}
        accounts = self._controller.service.accounts()
        self.list.clear()
        for account in accounts:
            who = account.display_user or account.user
            view = views.get(account.name)
            item = QListWidgetItem(
                icons.named_icon(view_icon(view) if view else "attention"),
                f"{account.kind.label} — {who}  ({account.name})",
            )
            item.setData(Qt.ItemDataRole.UserRole, account.name)
            item.setToolTip(
                tr("accounts", "{service} account “{name}” at {url}").format(
                    service=account.kind.label, name=account.name, url=account.url
                )
            )
            if view is not None and view.signed_out:
                item.setToolTip(
                    tr(
                        "accounts",
                        "The service does not accept its token: edit the account to enter a new one",
                    )
                )
            self.list.addItem(item)
            if account.name == current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        none = not accounts
        self.empty.setVisible(none)
        self.demo_button.setVisible(none)
        self.add_button.setText(tr("accounts", "&Add an account") if none else tr("accounts", "&Add"))
        for widget in (self.list, self.edit_button, self.remove_button):
            widget.setVisible(not none)
        self._update_buttons()
        (self.add_button if none else self.list).setFocus()

    def _update_buttons(self) -> None:
        has = self.selected_name() is not None and self._task is None
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def selected_name(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select(self, name: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == name:
                self.list.setCurrentRow(row)

    # ------------------------------------------------------------------ actions
    def add(self, kind: ServiceKind) -> AccountEditor:
        return self._open_editor(kind, None)

    def edit(self) -> AccountEditor | None:
        name = self.selected_name()
        account = next((a for a in self._controller.service.accounts() if a.name == name), None)
        if account is None:
            return None
        return self._open_editor(account.kind, account)

    def _open_editor(self, kind: ServiceKind, account: Account | None) -> AccountEditor:
        editor = self._editor_factory(self._controller, kind, account, self)
        self.editor = editor
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.accepted.connect(lambda: self._editor_done(editor))
        editor.open()
        editor.raise_()
        editor.activateWindow()
        return editor

    def _editor_done(self, editor: AccountEditor) -> None:
        self.error.clear_error()
        self.reload()
        self.select(editor.name.text().strip())

    def remove(self) -> QMessageBox | None:
        """Ask first, naming what is deleted; Cancel is the default, so Enter or Esc keeps the account.
        The question is window-modal and non-blocking: the dialog's event loop is never nested."""
        name = self.selected_name()
        account = next((a for a in self._controller.service.accounts() if a.name == name), None)
        if account is None or self._task is not None:
            return None
        if self.confirm_box is not None and self.confirm_box.isVisible():
            self.confirm_box.raise_()
            return self.confirm_box
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("accounts", "Remove account"),
            tr("accounts", "Remove the {service} account “{name}”?").format(
                service=account.kind.label, name=name
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(removal_details(account))
        box.setTextFormat(Qt.TextFormat.PlainText)
        remove = box.addButton(tr("accounts", "Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        chosen = account.name
        box.finished.connect(lambda _r: self._confirmed(chosen) if box.clickedButton() is remove else None)
        self.confirm_box = box
        box.open()
        return box

    def _confirmed(self, name: str) -> None:
        if self._task is not None:
            return
        service = self._controller.service
        self.error.clear_error()
        self._task = self._controller.submit(
            lambda: service.remove_account(name),
            lambda cancelled: self._removed(name, cancelled),
            self._remove_failed,
            keys=[name],
        )
        self._update_buttons()

    def _removed(self, name: str, cancelled: object) -> None:
        self._task = None
        self.reload()
        if isinstance(cancelled, int) and cancelled > 0:
            # Its timed changes went with it: say so, as a note rather than an error.
            self.error.setStyleSheet("")
            from trayapp.core.service import removed_sentence

            self.error.set(removed_sentence(name, cancelled))

    def _remove_failed(self, exc: BaseException) -> None:
        self._task = None
        self.error.setStyleSheet(f"color: {error_colour()};")
        self.error.set(plain_error(exc))
        self._update_buttons()

    def _try_demo(self) -> None:
        self.try_demo.emit()
        self.accept()
