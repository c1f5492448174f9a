"""Opens trayapp's dialogs and window on the demo, for a test that reads them from outside (AT-SPI,
screenshots). Run by the venv's Python on an X display:

    python tests/a11y/dialogs_app.py [WHICH ...]     WHICH: create picker accounts editor-rocketchat
                                                     editor-callbell editor-smartsheet window (default: all)

Prints "ready" once every window is shown and the demo's statuses are loaded, then runs until it is
terminated (SIGTERM). The user's locale (LANG) decides the language, as for `trayapp`.
"""

from __future__ import annotations

import signal
import sys

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from trayapp.backends import BACKENDS
from trayapp.core.models import ServiceKind
from trayapp.demo.profile import start_demo
from trayapp.qt.accounts_dialog import AccountEditor, AccountsDialog
from trayapp.qt.app import TrayApp
from trayapp.qt.dialogs import CreateStatusDialog
from trayapp.qt.i18n import install_translators
from trayapp.qt.picker import StatusPicker

ALL = (
    "create",
    "picker",
    "accounts",
    "editor-rocketchat",
    "editor-callbell",
    "editor-smartsheet",
    "window",
)


def main(which: list[str]) -> int:
    app = QApplication([sys.argv[0], "-platform", "xcb"])
    app.setApplicationName("trayapp")
    app.setQuitOnLastWindowClosed(False)
    install_translators(app)
    session = start_demo(BACKENDS)
    tray = TrayApp(session.service, demo=True, first_run_dialog=False)
    tray.demo_session = session
    tray.start()
    controller = tray.controller
    keep: list[QWidget] = []

    def show_all() -> None:
        if not controller.snapshot.accounts or any(not v.statuses for v in controller.snapshot.accounts[:1]):
            QTimer.singleShot(200, show_all)  # the demo's statuses are not loaded yet
            return
        makers = {
            "create": lambda: CreateStatusDialog(controller),
            "picker": lambda: StatusPicker(controller),
            "accounts": lambda: AccountsDialog(controller),
            "editor-rocketchat": lambda: AccountEditor(controller, ServiceKind.ROCKETCHAT),
            "editor-callbell": lambda: AccountEditor(controller, ServiceKind.CALLBELL),
            "editor-smartsheet": lambda: AccountEditor(controller, ServiceKind.SMARTSHEET),
            "window": tray.show_window,
        }
        x = 10
        for name in which:  # side by side, so a screenshot shows each whole
            widget = makers[name]()
            widget.setObjectName(name)
            widget.show()
            widget.move(QPoint(x, 10))
            x += widget.frameGeometry().width() + 10
            keep.append(widget)
        QTimer.singleShot(500, lambda: print("ready", flush=True))

    QTimer.singleShot(0, show_all)
    signal.signal(signal.SIGTERM, lambda *_: QApplication.quit())
    timer = QTimer()
    timer.start(200)  # lets Python run the signal handler
    timer.timeout.connect(lambda: None)
    code = app.exec()
    tray.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or list(ALL)))
