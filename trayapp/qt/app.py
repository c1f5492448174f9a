"""Start, wire and stop the tray app.

- One instance per user (QLockFile + QLocalServer with UserAccessOption, P8): a second start asks the
  running one to show itself and exits 0.
- A tray icon only when a tray host is confirmed; otherwise wait for one (10 s when started at login,
  2 s when started by hand), then show a small window so the user is never left without UI (P1).
- Dialogs open on the next event-loop turn and are never modal to the tray: a panel that sent a
  DBusMenu click must get its answer at once.
- An unexpected exception is logged with its traceback and shown as one plain sentence; the app keeps
  running.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import signal
import socket
import sys
import threading
import time
import types
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from PySide6.QtCore import QLockFile, QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QSystemTrayIcon, QWidget

from trayapp.backends import BACKENDS, fetch_ics  # cheap: a backend's module loads when the first is built
from trayapp.core.paths import AppPaths, runtime_dir_note
from trayapp.qt import icons, notices
from trayapp.qt.collector import MainThreadCollector
from trayapp.qt.controller import Controller, ServiceLike, plain_error
from trayapp.qt.dispatcher import Dispatcher
from trayapp.qt.i18n import install_translators, set_layout_direction, tr
from trayapp.qt.menu import Target, hold_menu_styles, release_menu_styles
from trayapp.qt.notifications import DesktopNotices
from trayapp.qt.tray import Tray

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

    from trayapp.qt.window import StatusWindow

# The dialogs and the window are imported when first opened: they are not needed to show the icon.

log = logging.getLogger(__name__)

TRAY_WAIT_BACKGROUND_S = 10.0
TRAY_WAIT_INTERACTIVE_S = 2.0
TRAY_POLL_MS = 250
EXTEND_BY = timedelta(minutes=15)  # "Keep it 15 min longer"


# ---------------------------------------------------------------------------------- single instance


class SingleInstance(QObject):
    """The first instance holds a lock and listens on a per-user local socket; later ones connect to it,
    pass a command ("show"), and exit."""

    message = Signal(str)

    def __init__(self, directory: Path, name: str = "trayapp", parent: QObject | None = None) -> None:
        super().__init__(parent)
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.server_name = socket_name(directory, name)
        # Windows keeps one runtime folder for all of a user's login sessions: one tray per session.
        lock_name = self.server_name if sys.platform == "win32" else name
        self._lock = QLockFile(str(directory / f"{lock_name}.lock"))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QLocalServer | None = None
        self._sockets: list[QLocalSocket] = []

    def acquire(self) -> bool:
        """Take the lock. The socket opens a moment later, once the icon is up (QtNetwork costs ~10 ms to
        load); a second start meanwhile retries for a few seconds (send)."""
        if not self._lock.tryLock(100):
            return False
        QTimer.singleShot(300, self, self._listen)
        return True

    def _listen(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        if self._server is not None or not self._lock.isLocked():
            return
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.server_name)  # a socket left by a crash; we hold the lock
        if not server.listen(self.server_name):
            log.warning("Single-instance socket unavailable: %s", server.errorString())
        server.newConnection.connect(self._on_connection)
        self._server = server

    def send(self, command: str = "show", timeout_s: float = 5.0) -> bool:
        """Deliver a command to the running instance; retries while it is still starting up."""
        from PySide6.QtNetwork import QLocalSocket

        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            sock = QLocalSocket()
            sock.connectToServer(self.server_name)
            if sock.waitForConnected(500):
                sock.write(command.encode() + b"\n")
                sock.waitForBytesWritten(1000)
                reply = b""
                answer_by = time.monotonic() + 2
                while b"\n" not in reply and time.monotonic() < answer_by:
                    if sock.bytesAvailable() or sock.waitForReadyRead(100):
                        reply += bytes(sock.readAll().data())
                sock.disconnectFromServer()
                if reply.startswith(b"ok"):
                    return True
            time.sleep(0.1)
        return False

    def _on_connection(self) -> None:
        assert self._server is not None
        while (sock := self._server.nextPendingConnection()) is not None:
            self._sockets.append(sock)
            sock.readyRead.connect(lambda s=sock: self._on_ready(s))
            sock.disconnected.connect(lambda s=sock: self._drop(s))

    def _on_ready(self, sock: QLocalSocket) -> None:
        if not sock.canReadLine():
            return
        command = bytes(sock.readLine().data()).decode(errors="replace").strip()
        sock.write(b"ok\n")
        sock.flush()
        self.message.emit(command)

    def _drop(self, sock: QLocalSocket) -> None:
        if sock in self._sockets:
            self._sockets.remove(sock)
        with contextlib.suppress(RuntimeError):  # already gone with its server at quit
            sock.deleteLater()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()


def socket_name(directory: Path, name: str, platform: str = sys.platform) -> str:
    if platform == "win32":  # a pipe name, global to the machine: this user's SID and login session
        from trayapp.core.desktop_identity import windows_instance_key

        return f"trayapp-{name}-{windows_instance_key()}"
    path = directory / f"{name}.sock"
    if len(str(path)) < 100:  # AF_UNIX path limit (108 on Linux, 104 on macOS)
        return str(path)
    digest = hashlib.sha256(str(directory).encode()).hexdigest()[:16]
    return f"trayapp-{name}-{digest}"  # Qt puts it in the temp dir; the lock still decides


# ---------------------------------------------------------------------------------------- the app


@runtime_checkable
class ScheduleEditor(Protocol):
    """The schedule calls behind the menu's "End now", "Cancel" and "Keep it longer" (StatusService has
    them; a service without them offers no scheduled entries to act on)."""

    def end_scheduled_now(self, entry_id: str) -> object: ...
    def cancel_scheduled(self, entry_id: str) -> object: ...
    def extend_scheduled(self, entry_id: str, delta: timedelta) -> object: ...


if TYPE_CHECKING:  # mypy checks that StatusService keeps these calls (renaming one fails here)
    from trayapp.core.service import StatusService

    _status_service_edits_schedule: type[ScheduleEditor] = StatusService


class TrayApp(QObject):
    """Everything the running app holds. Also the MenuActions the tray menu calls."""

    def __init__(
        self,
        service: ServiceLike,
        *,
        demo: bool = False,
        background: bool = False,
        tray_wait_s: float | None = None,
        first_run_dialog: bool = True,
        demo_factory: Callable[[], Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.collector = MainThreadCollector(parent=self)
        self.dispatcher = Dispatcher(parent=self)
        self.controller = Controller(service, self.dispatcher, parent=self)
        from trayapp.qt.autowatch import AutoWatch

        # Screen lock, sleep and idle: listened to only once the user turned them on (trayapp auto).
        self.autowatch = AutoWatch(service, self.controller.wake_now, parent=self)
        self.controller.auto_config.connect(self.autowatch.sync)
        self.tray = Tray(self.controller, self, parent=self)
        self.tray.set_state(demo=demo, autostart=None)
        self.tray.primary.connect(self.primary_action)
        self.tray.lost.connect(self._tray_lost)
        # Notices go to the desktop's notification server, tray icon or not (the no-tray window too).
        self.notices = DesktopNotices(self.tray.show_message, self.tray.balloon_allowed, parent=self)
        self.controller.notify.connect(self.notices.show)
        self.window: StatusWindow | None = None
        self.demo_session: Any = None
        self._demo_factory = demo_factory
        self._tray_wait_s = (
            tray_wait_s
            if tray_wait_s is not None
            else (TRAY_WAIT_BACKGROUND_S if background else TRAY_WAIT_INTERACTIVE_S)
        )
        self._first_run_dialog = first_run_dialog and not demo
        self._tray_deadline = 0.0
        self._tray_timer = QTimer(self)
        self._tray_timer.setInterval(TRAY_POLL_MS)
        self._tray_timer.timeout.connect(self._poll_tray)
        self.dialogs: dict[str, QDialog] = {}
        self.library: Any = None  # the presets and recents (trayapp.qt.library.Library), read on a worker
        self._library_stale = False  # a change went out: the recents change once it is in
        self.dispatcher.idle.connect(self._after_changes)
        self._closing = threading.Event()  # set at shutdown: a demo still being built is closed on its worker
        self._demo_lock = threading.Lock()
        self._unclaimed_demo: Any = None  # built, its hand-over to the GUI thread not yet run
        self._autostart_module: Any = None

    # ------------------------------------------------------------------ start / stop
    def start(self) -> None:
        self.collector.start()  # before any worker runs: garbage holding widgets is freed on this thread
        self.controller.load_now()  # the cached state: no network, no keyring
        # Shown even before a host exists: Qt attaches the icon when a tray (SNI watcher or XEmbed
        # manager) appears later. Shown before the start-up refresh is sent, so it never waits on it.
        self.tray.show()
        self.controller.catch_up()
        if self.tray_available():
            self._tray_ready()
        else:
            self._tray_deadline = time.monotonic() + self._tray_wait_s
            self._tray_timer.start()
        self._load_autostart()
        self.reload_library()
        warning = getattr(self.controller.service, "settings_warning", "")
        if warning:
            QTimer.singleShot(0, lambda: self._inform(tr("app", "Damaged settings were set aside"), warning))
        if self._first_run_dialog and not self.controller.snapshot.accounts:
            QTimer.singleShot(0, lambda: self.accounts())

    def tray_available(self) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable() and not self.tray.given_up

    def _tray_lost(self) -> None:
        log.info("The tray icon could not be added to the taskbar: showing the window")
        self.show_window()

    def _poll_tray(self) -> None:
        if self.tray_available():
            self._tray_ready()
        elif self.window is None and time.monotonic() >= self._tray_deadline:
            log.info("No system tray after %.0f s: showing the window", self._tray_wait_s)
            self.show_window()
            self._tray_timer.setInterval(5000)  # keep watching: a tray may still come (panel restart)

    def _tray_ready(self) -> None:
        self._tray_timer.stop()
        self.tray.show()
        if self.window is not None:
            self.window.tray_available = True
            self.window.show_hint(False)

    def show_window(self) -> StatusWindow:
        if self.window is None:
            from trayapp.qt.window import StatusWindow

            self.window = StatusWindow(
                self.controller, self.tray.menu, self.apply, self.quit, set_status=self.set_status
            )
        if not self.window.isVisible():
            self.window.tray_available = self.tray_available()
            self.window.show_hint(not self.window.tray_available)
            self.window.set_popup(self.window.tray_available)  # from the icon, or in place of one
        self.window.bring_up()
        return self.window

    def shutdown(self) -> None:
        self._closing.set()
        self._tray_timer.stop()
        self.controller.stop()
        for dialog in list(self.dialogs.values()):
            dialog.close()
        self.tray.hide()  # no ghost icon on Windows
        self.notices.close()
        if not self.dispatcher.shutdown(timeout=2.0):
            log.info("A request was still running at quit; it was abandoned")
        service = self.controller.service
        close = getattr(service, "close", None)
        if callable(close):
            close()
        with self._demo_lock:  # built just before the quit: its hand-over will never run now
            late, self._unclaimed_demo = self._unclaimed_demo, None
        for session in (self.demo_session, late):
            if session is not None:
                session.close()
        self.demo_session = None
        self.collector.stop()

    # ------------------------------------------------------------------ second instance, left click
    def on_message(self, command: str) -> None:
        log.info("Another start asked for %r", command)
        if self.window is not None and not self.tray_available():
            self.window.bring_up()
        else:
            self.primary_action()

    def primary_action(self) -> None:
        """Left click: one safe, idempotent thing (P2), the same on every host. With no account: the
        accounts dialog. Otherwise the status window (each account's line, the availability buttons, the
        same menu behind "Statuses and more"), raised if already open. Never a Qt menu at the pointer: on
        a panel at the bottom of the screen it opened upwards with Quit under the pointer, so a double
        click (or a second click to close it) quit the app; the right click has the menu, drawn by the
        panel itself wherever there is a StatusNotifierItem host."""
        if self.window is not None and self.window.isVisible():
            self.window.bring_up()
        elif not self.controller.snapshot.accounts and not self.tray.state.starting:
            self.accounts()
        else:
            log.info("Left click: showing the status window")
            self.show_window()

    # ------------------------------------------------------------------ MenuActions
    def apply(self, target: Target) -> None:
        self.controller.apply(target.change, target.names)

    def set_status(self, query: str = "") -> None:
        """ "Set a status…": the picker, as a dialog of its own (one at a time; opening it again raises it
        with the new query). The entry point for the menu, the window, the left click and a second
        start: a plain slot, safe to call from a D-Bus click (it opens on the next turn)."""
        from trayapp.qt.picker import StatusPicker
        from trayapp.qt.tray import locale_week_end

        def make() -> QDialog:
            picker = StatusPicker(
                self.controller,
                self._dialog_parent(),
                extra=self._library_choices,
                apply_choice=self._apply_preset_choice,
                remembered=self._remembered,
                week_end=locale_week_end,
            )
            picker.create_requested.connect(self.new_status)
            picker.new_preset_requested.connect(lambda: self.edit_preset(None))
            picker.edit_requested.connect(self._edit_choice)
            picker.delete_requested.connect(self._delete_choice)
            picker.applied.connect(lambda _key: self._changes_sent())
            return picker

        picker = self._open("picker", make)
        if isinstance(picker, StatusPicker) and query:
            picker.search.setText(query)
        self.reload_library()  # a preset added on the command line shows the next moment

    # ------------------------------------------------------------------ presets and recents
    def reload_library(self) -> None:
        """Read the presets and recents on a worker, then show them in the menu and an open picker."""
        service = self.controller.service

        def load() -> Any:
            # Imported on the worker: the picker's modules are not needed to show the icon (issue 19).
            from trayapp.qt.library import load_library

            return load_library(service)

        def failed(exc: BaseException) -> None:
            log.warning("Presets and recent changes could not be read: %s", exc)

        self.controller.run_plain(load, self._library_loaded, failed)

    def _library_loaded(self, library: Any) -> None:
        from trayapp.qt.library import menu_shortcuts
        from trayapp.qt.menu import MENU_PRESETS

        self.library = library
        presets, recents = menu_shortcuts(library, self.controller.snapshot)
        self.tray.set_state(
            presets=presets[:MENU_PRESETS], recents=recents, more_presets=len(presets) > MENU_PRESETS
        )
        picker = self.dialogs.get("picker")
        reload = getattr(picker, "reload", None)
        if callable(reload):
            reload()

    def _changes_sent(self) -> None:
        self._library_stale = True

    def _after_changes(self) -> None:
        """Every request is in: the recents may have a new line."""
        if self._library_stale:
            self._library_stale = False
            self.reload_library()

    def _library_choices(self, snapshot: Any) -> list[Any]:
        from trayapp.qt.library import library_choices

        return library_choices(self.library, snapshot) if self.library is not None else []

    def _remembered(self, key: str) -> tuple[str, ...] | None:
        return self.library.remembered.get(key) if self.library is not None else None

    def _apply_preset_choice(
        self, choice: Any, names: Sequence[str], start: datetime | None, end: datetime | None
    ) -> None:
        """A preset (or a recent one) from the picker: its parts to the accounts chosen, and the choice of
        accounts kept for next time (None when it is all of them)."""
        self.controller.apply_preset(choice.preset, choice.title, names, start=start, end=end)
        self._changes_sent()
        store = getattr(self.controller.service, "presets", None)
        if store is None or choice.kind.value != "preset":
            return
        chosen = None if set(names) == set(choice.accounts) else list(names)
        self.controller.run_plain(
            lambda: store.remember_accounts(choice.preset, chosen),
            lambda _none: None,
            lambda exc: log.warning("Could not keep the accounts chosen for a preset: %s", exc),
        )

    def apply_shortcut(self, key: str) -> None:
        """A preset or a recent change from the menu, in one click: a preset to the accounts last chosen
        for it, for its own duration; a recent change again, from now, for as long as it lasted."""
        from trayapp.qt.library import accounts_for, choice_by_key, library_choices

        if self.library is None:
            return
        choice = choice_by_key(library_choices(self.library, self.controller.snapshot), key)
        if choice is None:
            self.set_status()  # gone meanwhile (edited on the command line): the picker shows what is
            return
        end = self.controller.now() + timedelta(minutes=choice.minutes) if choice.minutes else None
        recent = next(iter(choice.extra), None) if choice.kind.value == "recent" else None
        if recent is not None:
            self.controller.repeat(recent, choice.title, end)
        else:
            self.controller.apply_preset(
                choice.preset, choice.title, accounts_for(choice, self.library), end=end
            )
        self._changes_sent()

    def edit_presets(self) -> None:
        """The picker lists the presets first: choose one, then Edit… or Delete…."""
        self.set_status()

    def new_preset(self) -> None:
        self.edit_preset(None)

    def edit_preset(self, preset: Any) -> None:
        from trayapp.qt.preset_editor import PresetEditor

        self._open(
            "preset",
            lambda: PresetEditor(
                self.controller, preset, self._dialog_parent(), on_saved=self.reload_library
            ),
            replace_existing=True,
        )

    def _edit_choice(self, choice: Any) -> None:
        if choice.kind.value == "preset":
            self.edit_preset(next(iter(choice.extra), None))
            return
        from trayapp.qt.status_edit import StatusEditDialog

        self._open(
            "status-edit",
            lambda: StatusEditDialog(self.controller, choice, self._dialog_parent()),
            replace_existing=True,
        )

    def _delete_choice(self, choice: Any) -> None:
        from trayapp.qt.status_edit import confirm_delete

        confirm_delete(self, choice)

    def clear(self) -> None:
        self.controller.clear()

    def new_status(self, name: str = "") -> None:
        from trayapp.qt.dialogs import CreateStatusDialog

        dialog = self._open("create", lambda: CreateStatusDialog(self.controller, self._dialog_parent()))
        if name and isinstance(dialog, CreateStatusDialog) and not dialog.name.text():
            dialog.name.setText(name)

    def refresh(self, names: Sequence[str] | None = None) -> None:
        self.controller.deliver_pending()  # "try again" also sends what is waiting
        self.controller.refresh(names)

    def accounts(self, name: str | None = None) -> None:
        from trayapp.qt.accounts_dialog import AccountsDialog

        def make() -> QDialog:
            dialog = AccountsDialog(self.controller, self._dialog_parent())
            dialog.try_demo.connect(self.try_demo)
            return dialog

        dialog = self._open("accounts", make)
        if name and isinstance(dialog, AccountsDialog):
            dialog.select(name)
            view = next((v for v in self.controller.snapshot.accounts if v.account.name == name), None)
            if view is not None and view.signed_out:
                QTimer.singleShot(0, dialog.edit)

    def end_scheduled(self, accounts: tuple[str, ...], entry_id: str) -> None:
        if (service := self._schedule_editor()) is not None:
            failure = tr("app", "Could not end it now")
            self._schedule_op(accounts, service.end_scheduled_now, entry_id, failure)

    def cancel_scheduled(self, accounts: tuple[str, ...], entry_id: str) -> None:
        if (service := self._schedule_editor()) is not None:
            self._schedule_op(accounts, service.cancel_scheduled, entry_id, tr("app", "Could not cancel it"))

    def extend_scheduled(self, accounts: tuple[str, ...], entry_id: str) -> None:
        if (service := self._schedule_editor()) is not None:
            longer = functools.partial(service.extend_scheduled, delta=EXTEND_BY)
            self._schedule_op(accounts, longer, entry_id, tr("app", "Could not make it longer"))

    def _schedule_editor(self) -> ScheduleEditor | None:
        service = self.controller.service
        return service if isinstance(service, ScheduleEditor) else None

    def _schedule_op(
        self, accounts: tuple[str, ...], op: Callable[[str], object], entry_id: str, failure: str
    ) -> None:
        def done(_entry: object) -> None:
            self.controller.run_schedule()  # report what the scheduler did, re-arm the timer

        self.controller.submit(
            lambda: op(entry_id),
            done,
            lambda exc: self.controller.tell_failure(failure, exc),
            keys=list(accounts),
        )

    def toggle_autostart(self, enable: bool) -> None:
        module = self._autostart_module
        if module is None:
            return

        def work() -> tuple[bool | None, str]:
            impl = module.for_platform()
            (impl.enable if enable else impl.disable)()
            enabled = bool(impl.is_enabled())  # the OS's answer, not our wish
            return enabled, str(impl.problem()) if enabled else ""

        def failed(exc: BaseException) -> None:
            self._inform(tr("app", "Launch at login"), plain_error(exc))
            self._load_autostart()

        self.controller.run_plain(work, self._autostart_state, failed)

    def _autostart_state(self, value: tuple[bool | None, str]) -> None:
        enabled, note = value
        self.tray.set_state(autostart=enabled, autostart_note=note)

    def toggle_auto_pause(self, paused: bool) -> None:
        """The menu's "Pause automatic status": what it set is put back at once; "Resume" turns it on."""
        service: Any = self.controller.service
        if not hasattr(service, "update_auto"):
            return
        from dataclasses import replace as _replace

        self.controller.run_plain(
            lambda: service.update_auto(lambda c: _replace(c, paused=paused)),
            lambda _config: self.controller.wake_now(),
            lambda exc: self.controller.tell_failure(tr("app", "Could not pause the automatic status"), exc),
        )

    def quit(self) -> None:
        QTimer.singleShot(0, QApplication.quit)  # answer the panel's D-Bus click first

    # ------------------------------------------------------------------ helpers
    def _dialog_parent(self) -> QWidget | None:
        return self.window if self.window is not None and self.window.isVisible() else None

    def _open(self, key: str, factory: Callable[[], QDialog], replace_existing: bool = False) -> QDialog:
        """One dialog of each kind; opening it again raises the open one (idempotent)."""
        existing = self.dialogs.get(key)
        if existing is not None and replace_existing:
            existing.close()
            existing = None
        if existing is None:
            dialog = factory()
            self.dialogs[key] = dialog
            dialog.finished.connect(lambda _r, k=key, d=dialog: self._closed(k, d))
            existing = dialog
        # Shown on the next turn: a DBusMenu click is answered before any window appears.
        QTimer.singleShot(0, lambda d=existing: _bring_up(d))
        return existing

    def _closed(self, key: str, dialog: QDialog) -> None:
        if self.dialogs.get(key) is dialog:
            del self.dialogs[key]
        dialog.deleteLater()

    def _inform(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok)
        box.setWindowIcon(icons.app_icon())
        self._open(f"info:{title}", lambda: box)

    def _load_autostart(self) -> None:
        if self.tray.state.demo:
            return  # a throwaway profile must not register itself at login

        def work() -> tuple[Any, bool | None, str]:
            # Imported on the worker: the module is not needed to show the icon.
            try:
                import importlib

                module = importlib.import_module("trayapp.core.autostart")
            except ImportError:
                return None, None, ""  # not in this build: the menu entry stays disabled
            impl = module.for_platform()
            if not impl.supported:
                return module, None, str(impl.reason)
            enabled = bool(impl.is_enabled())
            return module, enabled, str(impl.problem()) if enabled else ""

        def done(value: tuple[Any, bool | None, str]) -> None:
            module, enabled, note = value
            if module is None:
                return
            self._autostart_module = module
            self._autostart_state((enabled, note))
            if enabled and note:  # on, but pointing at a program that is gone: say so once per start
                title = tr("app", "Launch at login would not start trayapp")
                self.controller.tell(notices.for_failure(title, note))

        self.controller.run_plain(
            work, done, lambda exc: log.warning("Launch-at-login state unknown: %s", exc)
        )

    def try_demo(self) -> None:
        """`--demo`, and the first run's "Try the demo": build the demo profile on a worker (server,
        in-memory keyring, three accounts) and switch this running app to it. Meanwhile the menu says
        the demo is starting."""
        factory = self._demo_factory
        if factory is None:
            from trayapp.demo.profile import start_demo

            factory = functools.partial(start_demo, BACKENDS)
        closing = self._closing

        def work() -> Any:
            session = factory()
            with self._demo_lock:
                if closing.is_set():  # quit meanwhile: nobody will take it, so leave nothing behind
                    session.close()
                else:
                    self._unclaimed_demo = session  # shutdown closes it if started() never runs
            return session

        def started(session: Any) -> None:
            with self._demo_lock:
                self._unclaimed_demo = None
            self.demo_session = session
            self.tray.set_state(demo=True, starting=False)
            self.autowatch.set_service(session.service)
            self.controller.set_service(session.service)
            server = getattr(session, "server", None)
            log.info("Demo server at %s", getattr(server, "base_url", "?"))

        def failed(exc: BaseException) -> None:
            self.tray.set_state(starting=False)
            self._inform(
                tr("app", "Demo"),
                tr("app", "The demo could not start: {error}").format(error=plain_error(exc)),
            )

        self.tray.set_state(starting=True)
        self.controller.run_plain(work, started, failed)


def _bring_up(dialog: QDialog) -> None:
    from trayapp.qt.dialogs import keep_floating

    with contextlib.suppress(RuntimeError):  # closed and deleted before this turn came
        if not dialog.isVisible():
            keep_floating(dialog)  # a dialog opened from the tray's menu has no parent window
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()


# --------------------------------------------------------------------------------------- exceptions


class ErrorReporter(QObject):
    """sys.excepthook for the GUI: log the traceback, show one plain sentence, keep running."""

    shown = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._box: QMessageBox | None = None
        self._previous = sys.excepthook
        self._previous_thread = threading.excepthook

    def install(self) -> None:
        sys.excepthook = self.hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        sys.excepthook = self._previous
        threading.excepthook = self._previous_thread

    def hook(self, kind: type[BaseException], exc: BaseException, tb: types.TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("Unexpected error", exc_info=(kind, exc, tb))
        text = tr(
            "app",
            "Something went wrong inside trayapp. It keeps running; the details were written to the log.",
        )
        self.shown.emit(text)
        if self._box is not None and self._box.isVisible():
            return  # one at a time: a burst of errors must not bury the desktop in boxes
        box = QMessageBox(QMessageBox.Icon.Warning, "trayapp", text, QMessageBox.StandardButton.Ok)
        box.setWindowIcon(icons.app_icon())
        self._box = box
        box.show()

    @staticmethod
    def _thread_hook(args: threading.ExceptHookArgs) -> None:
        log.error(
            "Unexpected error in %s",
            args.thread.name if args.thread else "a thread",
            exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
        )


# --------------------------------------------------------------------------------------------- run


def tell_user(title: str, text: str) -> None:
    """A message before the tray exists: on stderr, or in a message box where there is none (pythonw,
    the windowed bundle, a start from the desktop's menu)."""
    if sys.stderr is not None:
        print(f"{title}. {text}", file=sys.stderr)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, "trayapp", title + ".", QMessageBox.StandardButton.Ok)
    box.setInformativeText(text)
    box.exec()


def instance_dir(paths: AppPaths, demo: bool) -> tuple[Path, str]:
    if demo:
        # The demo profile is throwaway, so its lock lives in the user's real runtime folder.
        return AppPaths.default().runtime_dir, "demo"
    return paths.runtime_dir, "trayapp"


def run(
    paths: AppPaths | None = None,
    demo: bool = False,
    background: bool = False,
    qt_args: Sequence[str] = (),
) -> int:
    """`qt_args`: Qt's own options from the command line (-style, -platform, ...), for QApplication."""
    from trayapp.core.logs import hold_logging, setup_logging

    paths = paths or AppPaths.default()
    log_file = hold_logging(paths.log_dir)  # the file opens once the icon is up (below)
    try:
        return _run(paths=paths, log_file=log_file, demo=demo, background=background, qt_args=qt_args)
    finally:
        setup_logging(paths.log_dir)  # whatever was still held is written, however the app ends


def _run(paths: AppPaths, log_file: Path, demo: bool, background: bool, qt_args: Sequence[str]) -> int:
    from trayapp.core.logs import setup_logging

    if sys.platform == "win32" and not getattr(sys, "frozen", False):  # the bundle's runtime hook did it
        from trayapp.core.desktop_identity import adopt_windows_app_id

        adopt_windows_app_id()  # before any window: notifications come from "trayapp", not "Python"
    if note := runtime_dir_note():  # XDG_RUNTIME_DIR unset (su, ssh, cron): a log line, no warning
        log.info("Runtime folder: %s", note)
    app = QApplication.instance() or QApplication([*sys.argv[:1], *qt_args])
    assert isinstance(app, QApplication)
    app.setApplicationName("trayapp")
    app.setApplicationDisplayName("trayapp")
    app.setDesktopFileName("trayapp")
    app.setQuitOnLastWindowClosed(False)  # closing a dialog must not quit a tray app
    app.setWindowIcon(icons.app_icon())
    install_translators(app, direction=False)  # the user's language, Qt's own texts too
    if sys.platform == "darwin":  # a pip install is a plain executable: no Dock icon, no "Python" menu
        from trayapp.core.desktop_identity import use_accessory_policy

        use_accessory_policy()

    directory, name = instance_dir(paths, demo)
    instance = SingleInstance(directory, name)
    if not instance.acquire():
        if instance.send("show"):
            log.info("trayapp is already running: asked it to show itself")
            return 0
        tell_user(
            tr("app", "trayapp is already running but does not answer"),
            tr(
                "app",
                "Quit the other trayapp (or end it in your task manager) and start it again; see the log: "
                "{path}",
            ).format(path=log_file),
        )
        return 1

    reporter = ErrorReporter()
    reporter.install()
    session: Any = None
    try:
        if demo:
            # The icon first: the demo's server, profile and accounts come in behind it (try_demo).
            from trayapp.demo.profile import DemoStarting

            service: ServiceLike = DemoStarting()
        else:
            from trayapp.core.service import StatusService

            service = StatusService(paths, backends=BACKENDS, fetch_ics=fetch_ics)
        hold_menu_styles()
        QTimer.singleShot(0, lambda: _behind_the_icon(app))  # before the dialogs start() may open
        trayapp = TrayApp(service, demo=demo, background=background)
        trayapp.demo_session = session
        instance.message.connect(trayapp.on_message)
        _quit_on_signals(app)
        trayapp.start()
        QTimer.singleShot(300, lambda: setup_logging(paths.log_dir))  # after the icon: logging.handlers
        if demo:
            trayapp.try_demo()
        log.info("trayapp started (demo=%s, background=%s)", demo, background)
        code = app.exec()
        trayapp.shutdown()
        return code
    finally:
        reporter.uninstall()
        instance.release()


def _behind_the_icon(app: QApplication) -> None:
    """At the first turn of the loop: what the icon does not need, though a menu or a dialog does.
    Each makes PySide build a large type the first time (its whole Qt namespace, QStyle), about 20 and
    15 ms before the icon otherwise."""
    set_layout_direction(app)  # right to left where the language reads so
    release_menu_styles()  # menus that scroll rather than open a second column
    log.info("Qt platform %s, style %s", app.platformName(), app.style().name())


def _quit_on_signals(app: QApplication) -> None:
    """Ctrl+C in a terminal and SIGTERM at logout quit cleanly.

    Python runs signal handlers only between bytecodes, and Qt's loop sleeps in C. Instead of a timer that
    wakes the GUI thread a few times a second (200 wake-ups a minute for nothing), the C-level handler
    writes to a socket (signal.set_wakeup_fd) that a QSocketNotifier watches: the loop wakes only when a
    signal actually arrives, and the Python handler runs in the notifier's slot."""
    global _signal_wakeup
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: QApplication.quit())
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.recv(512)

    notifier.activated.connect(drain)
    _signal_wakeup = (reader, writer, notifier)  # kept for the life of the process


_signal_wakeup: tuple[socket.socket, socket.socket, QSocketNotifier] | None = None
