"""The GUI-side state: the current snapshot, changes in flight, the schedule timer, and what results mean
for the UI.

Every service call goes through the Dispatcher, snapshot reads included: snapshot() makes no request, but
it takes locks (the scheduler's) that a worker may hold while it talks to a server, and the GUI thread
must never wait on those. The one exception is the first read at start-up, when nothing else runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from trayapp.core.errors import AuthError, TrayAppError
from trayapp.core.models import (
    Account,
    AccountResult,
    Capabilities,
    ChangeKind,
    CustomStatus,
    Outcome,
    Snapshot,
    StatusChange,
)
from trayapp.core.redaction import redact
from trayapp.core.scheduler import ScheduleEvent
from trayapp.qt import notices
from trayapp.qt.dispatcher import Dispatcher, Task
from trayapp.qt.i18n import tr

log = logging.getLogger(__name__)

T = TypeVar("T")

NOTICE_FOR = timedelta(minutes=30)  # how long the menu shows what the schedule did
MAX_SLEEP = timedelta(seconds=60)  # with something scheduled or kept, re-check this often (sleep)
AUTO_REFRESH = timedelta(minutes=5)  # pick up changes made elsewhere (web UI, phone) without hammering


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def plain_error(exc: BaseException) -> str:
    """One sentence for the user; never a traceback, never a secret (the one redaction, again here because
    every error text the tray shows passes through this)."""
    if isinstance(exc, TrayAppError):
        return redact(str(exc))
    return tr("controller", "Something unexpected went wrong; the details are in the log.")


def could_not_set(what: str) -> str:
    return tr("controller", "Could not set {change}").format(change=what)


class ServiceLike(Protocol):
    """The part of trayapp.core.service.StatusService the Qt layer uses (fakes in tests)."""

    @property
    def settings_warning(self) -> str: ...
    def accounts(self) -> list[Account]: ...
    def capabilities(self, account: Account) -> Capabilities: ...
    def snapshot(self) -> Snapshot: ...
    def add_account(self, account: Account, secret: str) -> str: ...
    def update_account(self, old_name: str, account: Account, secret: str | None) -> str: ...
    def test_connection(self, account: Account, secret: str) -> str: ...
    def remove_account(self, name: str) -> int: ...
    def refresh(self, names: Sequence[str] | None = None) -> list[AccountResult]: ...
    def create_status(
        self, account_name: str, name: str, type: str = "", emoji: str = ""
    ) -> CustomStatus: ...
    def apply(self, change: StatusChange, names: Sequence[str] | None = None) -> list[AccountResult]: ...
    def clear(self, names: Sequence[str] | None = None) -> list[AccountResult]: ...


class Controller(QObject):
    changed = Signal()  # the displayed snapshot (or refreshing state) changed
    notify = Signal(str, str, bool)  # title, text, is_error -> tray notification
    auto_config = Signal(object)  # what auto.json asks for, after each run of the schedule (AutoWatch)

    def __init__(
        self,
        service: ServiceLike,
        dispatcher: Dispatcher,
        parent: QObject | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._dispatcher = dispatcher
        self._clock = clock
        self._base = Snapshot()
        self._snapshot = Snapshot()
        # Changes in flight per account, newest last: (task id, description). Kept here so the pending line
        # shows the instant the user clicks, and until the snapshot that includes the result has arrived.
        self._pending: dict[str, list[tuple[int, str]]] = {}
        self._context: dict[str, str] = {}  # what failed last, to prefix the service's error sentence
        self._errors: dict[str, str] = {}  # failures the service could not record (unexpected errors)
        # Accounts whose last result was OK: the service keeps an old error after a successful refresh,
        # but a fresh successful read means the account works again, so the menu drops the error line.
        self._recovered: set[str] = set()
        self._refreshing = 0
        self._last_refresh: datetime | None = None
        # Snapshot reads: at most one in flight; requests meanwhile are folded into one more read.
        self._reading = False
        self._read_again = False
        self._after_next: list[Callable[[], None]] = []
        self._after_this: list[Callable[[], None]] = []
        self._wake = QTimer(self)
        self._wake.setSingleShot(True)
        self._wake.timeout.connect(self._on_wake)
        self._schedule_wake: datetime | None = None  # the schedule's next wake-up, as it last said
        self._schedule_changed = True  # the schedule file may hold something not yet run
        self._settings_changed = False  # the settings file changed: another process's accounts
        self._ticking = False
        self._delivering = False
        self._auto_seen: Any = None  # the automatic status's settings as the last run saw them
        # What the schedule did lately, for the menu: account -> (entry id, sentence, when).
        self._notices: dict[str, tuple[str, str, datetime]] = {}
        # A change recorded by the CLI while the tray runs: the data folder's files are replaced
        # atomically, so watch the folder (inotify and friends: no polling, no idle wake-ups).
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._data_changed)
        self._watched_stat: tuple[tuple[int, int] | None, ...] = ()
        self._watch_data_dir()

    # ------------------------------------------------------------------ state
    @property
    def service(self) -> ServiceLike:
        return self._service

    @property
    def dispatcher(self) -> Dispatcher:
        return self._dispatcher

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    @property
    def refreshing(self) -> bool:
        return self._refreshing > 0

    def now(self) -> datetime:
        return self._clock()

    def next_wake_ms(self) -> int | None:
        """How long until the controller next wakes the GUI thread by itself (None: it will not)."""
        return self._wake.remainingTime() if self._wake.isActive() else None

    def account_names(self) -> list[str]:
        return [v.account.name for v in self._snapshot.accounts]

    def start(self) -> None:
        self.load_now()
        self.catch_up()

    def catch_up(self) -> None:
        """On workers: apply what came due while the app was not running, send what could not be sent
        then, and refresh. The tray calls load_now(), shows its icon, then this."""
        self.run_schedule()
        self.deliver_pending()
        if self._snapshot.accounts:
            self.refresh()

    def stop(self) -> None:
        self._wake.stop()

    def _watch_data_dir(self) -> None:
        paths = getattr(self._service, "paths", None)
        if paths is None:
            return
        folder = Path(paths.data_dir)
        folder.mkdir(parents=True, exist_ok=True)
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())
        self._watcher.addPath(str(folder))
        self._schedule_file = folder / Path(paths.schedule_file).name
        # auto.json (lock, idle, calendars, repeats, pause), recorded by the CLI, lives beside it
        self._auto_file = folder / Path(getattr(paths, "auto_file", "auto.json")).name
        # The accounts, which the CLI may add or remove, live in the settings folder.
        settings_file = getattr(paths, "settings_file", None)
        self._settings_file = Path(settings_file) if settings_file is not None else None
        if self._settings_file is not None and self._settings_file.parent != folder:
            self._settings_file.parent.mkdir(parents=True, exist_ok=True)
            self._watcher.addPath(str(self._settings_file.parent))
        self._watched_stat = self._watched_stats()

    def _watched_stats(self) -> tuple[tuple[int, int] | None, ...]:
        files = [self._schedule_file, self._auto_file]
        return _stats(*files, *([self._settings_file] if self._settings_file is not None else []))

    def _data_changed(self, _folder: str) -> None:
        stat = self._watched_stats()
        if stat != self._watched_stat:  # a new or changed schedule or accounts: act on it within a moment
            if stat[2:] != self._watched_stat[2:]:
                self._settings_changed = True
            self._watched_stat = stat
            self._schedule_changed = True
            self._arm_soon(200)

    def wake_now(self) -> None:
        """Something outside the clock happened (the screen locked, the user came back): run the
        schedule and the automatic status at once, or right after the run in progress."""
        self._schedule_changed = True
        self._arm_soon(0)

    def set_service(self, service: ServiceLike) -> None:
        """Switch profile (the first-run 'Try the demo')."""
        self._service = service
        self._watch_data_dir()
        self._pending.clear()
        self._context.clear()
        self._errors.clear()
        self._recovered.clear()
        self.start()

    # ------------------------------------------------------------------ snapshot
    def load_now(self) -> None:
        """Read the snapshot on the GUI thread: only at start-up, before any worker runs."""
        try:
            self._base = self._service.snapshot()
        except Exception:  # a broken cache must not take the menu down
            log.exception("Could not read the snapshot")
        self._compose()

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Read a fresh snapshot on a worker; `then` runs once a read started after this call is in."""
        if then is not None:
            self._after_next.append(then)
        if self._reading:
            self._read_again = True
            return
        self._start_read()

    def _start_read(self) -> None:
        self._reading, self._read_again = True, False
        self._after_this, self._after_next = self._after_next, []
        service = self._service
        self._dispatcher.run(service.snapshot, lambda snap: self._read(service, snap), self._read_failed)

    def _read(self, service: ServiceLike, snapshot: Snapshot) -> None:
        if service is self._service:  # not a late answer from the profile we just left
            self._base = snapshot
        self._read_done()

    def _read_failed(self, exc: BaseException) -> None:
        log.error("Could not read the snapshot: %s", exc)
        self._read_done()

    def _read_done(self) -> None:
        """Whether the read worked or not: run what waited for it, show, and read again if asked."""
        self._reading = False
        callbacks, self._after_this = self._after_this, []
        for callback in callbacks:
            callback()
        self._compose()
        if self._read_again or self._after_next:
            self._start_read()

    def _compose(self) -> None:
        views = []
        for view in self._base.accounts:
            name = view.account.name
            pending = self._pending.get(name)
            recovered = name in self._recovered
            error = self._errors.get(name) or ("" if recovered else view.error)
            signed_out = view.signed_out and not recovered
            context = self._context.get(name, "")
            if error and not signed_out and context and not error.startswith(context):
                error = f"{context}: {error}"
            notice = self._notices.get(name)
            views.append(
                replace(
                    view,
                    notice=notice[1] if notice and self._clock() - notice[2] < NOTICE_FOR else "",
                    pending=pending[-1][1] if pending else view.pending,
                    error=error,
                    signed_out=signed_out,
                )
            )
        self._snapshot = replace(self._base, accounts=tuple(views))
        self.changed.emit()
        self._rearm_if_sooner()

    # ------------------------------------------------------------------ changes
    def apply(self, change: StatusChange, names: Sequence[str] | None = None) -> Task[list[AccountResult]]:
        targets = list(names) if names else self.account_names()
        service = self._service
        return self._change(lambda: service.apply(change, targets), targets, change.describe(), change)

    def apply_preset(
        self,
        preset: str,
        label: str,
        names: Sequence[str],
        *,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> Task[list[AccountResult]]:
        """A preset's parts to the accounts named, from `start` to `end` (None: open-ended, whatever the
        preset's own duration: the picker offers that as its "Clear after")."""
        targets = list(names)
        service: Any = self._service
        # What the pending line and the notification name: the preset, with its window.
        change = StatusChange(ChangeKind.CUSTOM, status=CustomStatus("", label), start=start, end=end)

        def work() -> list[AccountResult]:
            return list(
                service.apply_preset(preset, targets, start=start, end=end, open_ended=end is None)
            )

        return self._change(work, targets, label, change)

    def repeat(self, recent: Any, label: str, end: datetime | None) -> Task[list[AccountResult]]:
        """A recent change again, from now, for its duration (`end`, computed by the caller)."""
        targets = list(recent.accounts)
        service: Any = self._service
        change = recent.change or StatusChange(ChangeKind.CUSTOM, status=CustomStatus("", label))
        change = replace(change, start=None, end=end)
        return self._change(lambda: list(service.repeat(recent)), targets, label, change)

    def clear(self, names: Sequence[str] | None = None) -> Task[list[AccountResult]]:
        targets = list(names) if names else self.account_names()
        service = self._service
        change = StatusChange(ChangeKind.CLEAR)
        return self._change(lambda: service.clear(targets), targets, "clearing", change)

    def _change(
        self,
        fn: Callable[[], list[AccountResult]],
        names: list[str],
        description: str,
        change: StatusChange,
    ) -> Task[list[AccountResult]]:
        task_id: list[int] = []

        def done(results: list[AccountResult]) -> None:
            self._handle_results(results, change, lambda: self._unmark(task_id[0], names))

        def failed(exc: BaseException) -> None:
            for name in names:
                self._recovered.discard(name)
                self._errors[name] = plain_error(exc)
                self._context[name] = could_not_set(change.describe())
            self.tell_failure(could_not_set(change.describe()), exc)
            self.reload(lambda: self._unmark(task_id[0], names))

        task = self._dispatcher.run(fn, done, failed, keys=names)
        task_id.append(task.id)
        for name in names:
            self._pending.setdefault(name, []).append((task.id, description))
        self._compose()
        if change.start is not None or change.end is not None:
            self._schedule_changed = True
            self._arm_soon()  # the schedule has a new wake-up
        return task

    def _unmark(self, task_id: int, names: Sequence[str]) -> None:
        for name in names:
            entries = [e for e in self._pending.get(name, []) if e[0] != task_id]
            if entries:
                self._pending[name] = entries
            else:
                self._pending.pop(name, None)

    def _handle_results(
        self,
        results: Sequence[AccountResult],
        change: StatusChange | None,
        then: Callable[[], None] | None = None,
        *,
        sending: bool = False,
    ) -> None:
        pending_of = {v.account.name: v.pending for v in self._base.accounts}
        for result in results:
            if result.outcome is Outcome.FAILED:
                self._context[result.account] = (
                    could_not_set(change.describe())
                    if change is not None
                    else tr("controller", "Could not read the status")
                )
                self._errors.pop(result.account, None)
                self._recovered.discard(result.account)
            elif result.outcome is Outcome.PENDING:
                # Unreachable or rate limited: the service keeps the change and sends it later.
                kept = change.describe() if change else pending_of.get(result.account, "")
                self._context[result.account] = (
                    tr("controller", "Waiting to send {change}").format(change=kept)
                    if kept
                    else tr("controller", "Waiting to send")
                )
                self._errors.pop(result.account, None)
                self._recovered.discard(result.account)
            else:
                self._context.pop(result.account, None)
                self._errors.pop(result.account, None)
                if result.outcome is Outcome.OK:
                    self._recovered.add(result.account)
        # The pending line stays until the snapshot that contains the result is shown: no flicker back.
        self.reload(then)
        notice = notices.for_results(results, self._labels(), change, sending=sending)
        if notice is not None:
            self.tell(notice)

    def tell(self, notice: notices.Notice) -> None:
        """The one way out for notifications (the tray shows them): one per user action."""
        self.notify.emit(notice.title, notice.text, notice.error)

    def tell_failure(self, title: str, exc: BaseException) -> None:
        self.tell(notices.for_failure(title, plain_error(exc)))

    def _labels(self) -> dict[str, str]:
        return notices.labels_of(self._base)

    def deliver_pending(self) -> None:
        """Send the changes the service kept while a server was unreachable (timer, "retry" click)."""
        service: Any = self._service
        names = [v.account.name for v in self._base.accounts if v.pending]
        if not names or not hasattr(service, "deliver_pending") or self._delivering:
            return
        self._delivering = True

        def done(results: list[AccountResult]) -> None:
            self._delivering = False
            self._handle_results(results, None, sending=True)

        def failed(exc: BaseException) -> None:
            self._delivering = False
            log.error("Could not send the kept changes: %s", exc)

        self._dispatcher.run(lambda: list(service.deliver_pending()), done, failed, keys=names)

    def refresh(self, names: Sequence[str] | None = None) -> Task[list[AccountResult]]:
        targets = list(names) if names else self.account_names()
        service = self._service
        self._refreshing += 1
        self._last_refresh = self._clock()

        def done(results: list[AccountResult]) -> None:
            self._refreshing -= 1
            self._handle_results(results, None)

        def failed(exc: BaseException) -> None:
            self._refreshing -= 1
            self.tell_failure(tr("controller", "Could not refresh"), exc)
            self.reload()

        task = self._dispatcher.run(lambda: service.refresh(targets), done, failed, keys=targets)
        self.changed.emit()
        return task

    def submit(
        self,
        fn: Callable[[], T],
        on_ok: Callable[[T], None],
        on_err: Callable[[BaseException], None],
        keys: Sequence[str] = (),
    ) -> Task[T]:
        """For dialogs: run fn on a worker (serialised with changes to the same accounts), then refresh the
        displayed snapshot and hand the result to the dialog."""

        def ok(value: T) -> None:
            self.reload()
            on_ok(value)

        def err(exc: BaseException) -> None:
            if isinstance(exc, AuthError):  # the service marked these accounts signed out
                for key in keys:
                    self._context.pop(key, None)
                    self._recovered.discard(key)
            self.reload()
            on_err(exc)

        return self._dispatcher.run(fn, ok, err, keys=keys)

    def run_plain(
        self, fn: Callable[[], T], on_ok: Callable[[T], None], on_err: Callable[[BaseException], None]
    ) -> Task[Any]:
        """A worker call that touches no account (autostart files, the demo's start)."""
        return self._dispatcher.run(fn, on_ok, on_err)

    # ------------------------------------------------------------------ schedule and timers
    def run_schedule(self) -> None:
        """Apply or restore whatever the schedule says is due, then re-arm the wake-up timer."""
        service: Any = self._service
        if self._ticking or not hasattr(service, "run_schedule"):
            self._arm(None)
            return
        self._ticking = True
        self._schedule_changed = False
        reread, self._settings_changed = self._settings_changed and hasattr(service, "reload_settings"), False
        names = self.account_names()

        def work() -> tuple[list[Any], datetime | None, Any, bool]:
            accounts = bool(reread and service.reload_settings())  # before the schedule: its accounts
            events = list(service.run_schedule())
            config = service.auto_config() if hasattr(service, "auto_config") else None
            return events, service.next_wakeup(), config, accounts

        def done(value: tuple[list[Any], datetime | None, Any, bool]) -> None:
            self._ticking = False
            events, wake, config, accounts = value
            if accounts:  # the CLI added or removed accounts: the menu shows them as they are now
                known = set(names)
                self.reload(lambda: self._refresh_new(known))
            self.auto_config.emit(config)
            if config != self._auto_seen:  # turned on, off or paused: the menu's automatic lines change
                self._auto_seen = config
                self.reload()
            for event in events:
                if event.kind in ("failed", "retrying"):
                    self._recovered.discard(event.account)
                self._note(event)
            notice = notices.for_events(events, self._labels())
            if notice is not None:
                self.tell(notice)
            if events:
                self.reload()
            self._arm(wake)
            if self._schedule_changed:  # a signal or a file change came in while this run went on
                self._arm_soon(0)

        def failed(exc: BaseException) -> None:
            self._ticking = False
            log.error("The schedule could not run: %s", exc)
            self._arm(self._clock() + MAX_SLEEP)  # try again in a minute

        self._dispatcher.run(work, done, failed, keys=names)

    def _refresh_new(self, known: set[str]) -> None:
        """Read the statuses of accounts the tray has not seen yet (added by the CLI)."""
        added = [name for name in self.account_names() if name not in known]
        if added:
            self.refresh(added)

    def _note(self, event: ScheduleEvent) -> None:
        """Keep the menu's line about what the schedule did true: a change the user replaced or extended
        needs no line of its own, but an older line about it must not stay with the old end."""
        old = self._notices.get(event.account)
        about_it = old is not None and old[0] == event.entry_id
        if event.entry_id.startswith("auto-") and event.kind == "applied":
            self._notices.pop(event.account, None)  # the menu's automatic-status line says it already
            return
        if event.kind == "superseded":
            if about_it:
                del self._notices[event.account]
        elif event.kind == "extended":
            if about_it:
                self._notices[event.account] = (event.entry_id, event.text, self._clock())
        else:
            self._notices[event.account] = (event.entry_id, event.text, self._clock())

    def _arm(self, wake: datetime | None) -> None:
        """Re-arm after the schedule ran: `wake` is its next wake-up (None: nothing scheduled)."""
        self._schedule_wake = wake
        self._wake.start(self._next_delay_ms())

    def _rearm_if_sooner(self) -> None:
        """A new snapshot may show an end ("until 14:30") due before the timer fires: wake for it."""
        if self._ticking or not self._wake.isActive():
            return  # not started, stopped, or the schedule is running: its result re-arms
        delay = self._next_delay_ms()
        if delay < self._wake.remainingTime():
            self._wake.start(delay)

    def _next_delay_ms(self) -> int:
        """One single-shot timer, armed for the next thing that is actually due, so an idle app sleeps.

        QTimer counts on a monotonic clock that stops while the machine sleeps, so a timer for the
        schedule is capped at MAX_SLEEP: after a resume, a start or an end is at most a minute late. The
        same cadence retries changes kept while a server was unreachable. With nothing scheduled or
        pending, the next due things are the auto refresh and the moment a displayed end or a notice
        should disappear from the menu."""
        now = self._clock()
        due: list[datetime] = []
        if self._schedule_wake is not None or any(v.pending for v in self._base.accounts):
            soonest = now + MAX_SLEEP
            due.append(min(self._schedule_wake, soonest) if self._schedule_wake else soonest)
        if self._base.accounts:
            refresh_at = (self._last_refresh or now) + AUTO_REFRESH
            # A refresh that came due while the worker was busy is tried again later, not in a loop.
            due.append(refresh_at if refresh_at > now else now + MAX_SLEEP)
        for view in self._base.accounts:
            ends = (view.until, view.next_at, view.current.end if view.current else None)
            due.extend(moment for moment in ends if moment is not None and moment > now)
        due.extend(at + NOTICE_FOR for _id, _text, at in self._notices.values() if at + NOTICE_FOR > now)
        delay = min(due) - now if due else AUTO_REFRESH
        return max(50, min(int(delay.total_seconds() * 1000), int(AUTO_REFRESH.total_seconds() * 1000)))

    def _arm_soon(self, within_ms: int = 2000) -> None:
        if not self._ticking:
            remaining = self._wake.remainingTime() if self._wake.isActive() else within_ms
            self._wake.start(min(remaining, within_ms))

    def _on_wake(self) -> None:
        now = self._clock()
        stale = self._last_refresh is None or now - self._last_refresh >= AUTO_REFRESH
        if self._snapshot.accounts and stale and not self._dispatcher.busy():
            self.refresh()
        self.deliver_pending()
        due = self._schedule_wake is not None and self._schedule_wake <= now + timedelta(seconds=1)
        if due or self._schedule_changed:
            self.run_schedule()
        else:
            # Nothing due yet (the one-minute cap for sleep, or nothing scheduled): re-arm without a
            # worker round trip, one wake-up instead of three. After a resume the wall clock says due.
            self._arm(self._schedule_wake)
        self._compose()  # "until 14:30" must disappear once 14:30 has passed


def _stats(*paths: Path) -> tuple[tuple[int, int] | None, ...]:
    return tuple(_stat(path) for path in paths)


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)
