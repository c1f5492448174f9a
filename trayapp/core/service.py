"""StatusService: the one facade both front ends call.

Every method except snapshot(), accounts() and capabilities() may block on the network or the
keyring; the Qt layer calls them only from worker threads. Fan-out over accounts runs concurrently,
and changes to one account are serialised so a quick second change cannot be overtaken by a first.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from trayapp.core.cache import StatusCache
from trayapp.core.errors import (
    AccountNotFound,
    AuthError,
    InputError,
    NotFound,
    RateLimited,
    ServiceError,
    ServiceUnavailable,
    TrayAppError,
    Unsupported,
)
from trayapp.core.i18n import _, ngettext
from trayapp.core.models import (
    Account,
    AccountResult,
    AccountView,
    Capabilities,
    ChangeKind,
    CurrentStatus,
    CustomStatus,
    Outcome,
    ServiceKind,
    Snapshot,
    StatusChange,
)
from trayapp.core.paths import AppPaths
from trayapp.core.pending import PendingChange, PendingStore
from trayapp.core.ports import BackendFactory, ConfirmsChanges, StatusBackend, check_url
from trayapp.core.retry import retrying
from trayapp.core.scheduler import (
    ScheduleEntry,
    ScheduleEvent,
    Scheduler,
    Step,
    active_entry,
    next_entry,
    read_entries,
)
from trayapp.core.secrets import SecretStore
from trayapp.core.settings import Settings, SettingsStore, check_account_name
from trayapp.core.timetext import local_time

if TYPE_CHECKING:
    # Built on first use, not before the tray's icon: the automatic status (zoneinfo, the engine),
    # the calendars, the presets and the recents (see StatusService.__init__).
    from trayapp.core.auto.calendar import CalendarCache, Fetcher
    from trayapp.core.auto.config import AutoConfig, AutoStore
    from trayapp.core.auto.engine import AccountAuto, AutoEngine, Presence, Window
    from trayapp.core.auto.repeat import Repeat, RepeatRule
    from trayapp.core.presets import Preset, PresetStore
    from trayapp.core.recents import Recent, RecentStore

Clock = Callable[[], datetime]
log = logging.getLogger(__name__)


def _taken(name: str) -> str:
    return _("An account named '{name}' already exists: pick another name.").format(name=name)


PENDING_GIVE_UP_AFTER = timedelta(hours=12)  # a status older than a working day is no longer meant


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class _Live:
    """What happened to an account in this process (not persisted)."""

    error: str = ""
    signed_out: bool = False
    pending: str = ""


class StatusService:
    def __init__(
        self,
        paths: AppPaths,
        secrets: SecretStore | None = None,
        *,
        backends: Mapping[ServiceKind, BackendFactory],
        clock: Clock = utc_now,
        fetch_ics: Fetcher | None = None,
    ) -> None:
        """`backends` builds each kind's backend; the app hands in trayapp.backends.BACKENDS, which
        loads a backend's module (httpx, TLS) only when the first one is built."""
        self.paths = paths
        self._factories: Mapping[ServiceKind, BackendFactory] = backends
        self._clock = clock
        self._secrets = secrets or SecretStore()
        self._settings_store = SettingsStore(paths.settings_file)
        self._settings = self._settings_store.load()
        self._cache = StatusCache(paths.cache_file)
        self._pending = PendingStore(paths.pending_file)
        self._lock = threading.RLock()
        self._backends: dict[str, StatusBackend] = {}
        self._account_locks: dict[str, threading.Lock] = {}
        self._live: dict[str, _Live] = {}
        self._scheduler: Scheduler | None = None
        self._events: list[ScheduleEvent] = []
        # Built on first use (under self._lock): the tray's icon needs none of them, and a CLI command
        # only the ones it touches. The presets and recents are first read on a worker (the library),
        # the automatic status once auto.json exists or a listener writes the presence.
        self._presets: PresetStore | None = None
        self._recents: RecentStore | None = None
        self._auto_store: AutoStore | None = None
        self._auto: AutoEngine | None = None
        self._presence: Presence | None = None
        self._calendars: CalendarCache | None = None
        self._calendar_windows: Callable[[], Mapping[str, Sequence[Window]]] | None = None
        self.fetch_ics = fetch_ics  # reads a calendar feed (trayapp.backends.ics); None: files only
        # True while the tray re-reads the calendars on a thread of its own (AutoWatch), so the GUI
        # thread's timer does not wake once a minute for them.
        self.calendars_polled = False

    @property
    def presence(self) -> Presence:
        """What the tray's lock and idle listeners heard (they write here, from their threads)."""
        with self._lock:
            if self._presence is None:
                from trayapp.core.auto.engine import Presence

                self._presence = Presence()
            return self._presence

    @property
    def calendars(self) -> CalendarCache:
        with self._lock:
            if self._calendars is None:
                from trayapp.core.auto.calendar import CalendarCache

                self._calendars = CalendarCache(self.paths.calendar_dir, self.fetch_ics, self._clock)
            return self._calendars

    @property
    def calendar_windows(self) -> Callable[[], Mapping[str, Sequence[Window]]]:
        """The busy times the automatic status goes by (the calendars' cache, unless replaced)."""
        return self._calendar_windows or self.calendars.windows

    @calendar_windows.setter
    def calendar_windows(self, windows: Callable[[], Mapping[str, Sequence[Window]]]) -> None:
        self._calendar_windows = windows

    @property
    def _preset_store(self) -> PresetStore:
        with self._lock:
            if self._presets is None:
                from trayapp.core.presets import PresetStore

                self._presets = PresetStore(self.paths.presets_file, self.paths.system_presets_files)
            return self._presets

    @property
    def _recent_store(self) -> RecentStore:
        with self._lock:
            if self._recents is None:
                from trayapp.core.recents import RecentStore

                self._recents = RecentStore(self.paths.recents_file)
            return self._recents

    @property
    def _auto_file(self) -> AutoStore:
        with self._lock:
            if self._auto_store is None:
                from trayapp.core.auto.config import AutoStore

                self._auto_store = AutoStore(self.paths.auto_file)
            return self._auto_store

    # ------------------------------------------------------------------ no I/O
    @property
    def settings_warning(self) -> str:
        return self._settings_store.warning

    @property
    def cache_warning(self) -> str:
        return self._cache.warning

    def file_warnings(self) -> list[str]:
        """Sentences about damaged files that were set aside (settings, cache, pending, schedule)."""
        texts = [*self._settings_store.warnings, *self._cache.warnings, *self._pending.warnings]
        for store in (self._presets, self._recents, self._auto_store):  # not built: nothing read yet
            if store is not None:
                texts.extend(store.warnings)
        if self._scheduler is not None:
            texts.extend(self._scheduler.warnings)
        return texts

    def accounts(self) -> list[Account]:
        with self._lock:
            return list(self._settings.accounts)

    def reload_settings(self) -> bool:
        """Take in the accounts another process (the CLI) added, removed or edited: re-read the settings
        file. True when anything changed. Reads the file only: no network, no keyring."""
        settings = self._settings_store.load()
        with self._lock:
            old = {a.name: a for a in self._settings.accounts}
            if (
                settings.accounts == self._settings.accounts
                and settings.preferences == self._settings.preferences
            ):
                return False
            new = {a.name: a for a in settings.accounts}
            self._settings = settings
            for name, account in old.items():
                if new.get(name) != account:  # gone or edited: its backend was built for the old one
                    self._drop_backend(name)
                    self._live.pop(name, None)
        return True

    def account(self, name: str) -> Account:
        with self._lock:
            found = self._settings.find(name)
        if found is None:
            known = ", ".join(a.name for a in self.accounts()) or _("none yet")
            raise AccountNotFound(
                _("There is no account named '{name}' (accounts: {known}).").format(name=name, known=known)
            )
        return found

    def capabilities(self, account: Account) -> Capabilities:
        """Declared by each backend class; read without building one (that loads httpx and TLS)."""
        declared = getattr(self._factories[account.kind], "capabilities", None)
        return declared if isinstance(declared, Capabilities) else self._backend(account).capabilities

    def snapshot(self) -> Snapshot:
        """No network, no keyring: settings, cache, the schedule file and this process's results."""
        views = []
        entries = read_entries(self.paths.schedule_file)  # never waits on a tick in progress
        now = self._clock()
        pending = self._pending.all() if self.paths.pending_file.exists() else {}
        # Without auto.json nothing is set up: the icon needs none of the automatic status's modules.
        auto_on, auto_paused = False, False
        auto_unheard: tuple[str, ...] = ()
        if self.paths.auto_file.exists():
            config = self.auto_config()
            auto_on, auto_paused = config.anything, config.paused
            auto_unheard = self.presence.unheard(lock=config.lock.on, idle=config.idle.minutes > 0)
        autos = self._auto.states() if self._auto is not None else {}
        for account in self.accounts():
            live = self._live_state(account.name)
            waiting = pending.get(account.name)
            active = active_entry(entries, account.name, now)
            upcoming = next_entry(entries, account.name, now)
            views.append(
                AccountView(
                    account=account,
                    capabilities=self.capabilities(account),
                    statuses=tuple(self._cache.statuses(account.name) or ()),
                    current=self._cache.current(account.name),
                    error=live.error,
                    signed_out=live.signed_out,
                    pending=live.pending or (waiting.change.describe() if waiting else ""),
                    until=active.end if active else None,
                    active_entry=active.id if active else "",
                    active_label=active.what if active else "",
                    next_label=upcoming.what if upcoming else "",
                    next_at=upcoming.start if upcoming else None,
                    next_entry=upcoming.id if upcoming else "",
                    auto_label=_auto_label(autos.get(account.name), now),
                )
            )
        return Snapshot(
            accounts=tuple(views),
            auto_on=auto_on,
            auto_paused=auto_paused,
            auto_unheard=auto_unheard,
        )

    def cached_statuses(self, name: str) -> list[CustomStatus] | None:
        return self._cache.statuses(name)

    def cached_current(self, name: str) -> CurrentStatus | None:
        return self._cache.current(name)

    # ------------------------------------------------------------------ accounts
    def test_connection(self, account: Account, secret: str) -> str:
        check_url(account.url)
        backend = self._factories[account.kind](account, lambda: secret)
        try:
            return backend.whoami()
        finally:
            backend.close()

    def add_account(self, account: Account, secret: str) -> str:
        name = check_account_name(account.name)
        url = check_url(account.url)
        with self._lock:
            if self._settings.find(name) is not None:
                raise InputError(_taken(name), field="name")
            self._refuse_twin(replace(account, url=url))
        return self._save_account(replace(account, name=name, url=url), secret, None)

    def _refuse_twin(self, account: Account, besides: str = "") -> None:
        """Two entries for one user would set every status twice: refuse one (other than `besides`,
        the account being edited) for the same user of the same service."""
        twin = self._same_user(account, besides)
        if twin is not None:
            raise InputError(
                _("This {service} user is already added, as the account '{name}'.").format(
                    service=account.kind.label, name=twin.name
                ),
                field="user",
            )

    def _same_user(self, account: Account, besides: str = "") -> Account | None:
        """An account for the same user of the same service (kind, address, user id), if any."""

        def identity(a: Account) -> tuple[str, str, str]:
            return (a.kind.value, a.url.strip().rstrip("/").casefold(), a.user.strip().casefold())

        if not account.user.strip():
            return None
        return next(
            (a for a in self._settings.accounts if a.name != besides and identity(a) == identity(account)),
            None,
        )

    def update_account(self, old_name: str, account: Account, secret: str | None) -> str:
        old = self.account(old_name)
        name = check_account_name(account.name)
        if name != old_name and self._settings.find(name) is not None:
            raise InputError(_taken(name), field="name")
        account = replace(account, name=name, url=check_url(account.url))
        with self._lock:
            self._refuse_twin(account, besides=old.name)
        if secret is None:
            secret = self._secrets.get(old.secret_key, old.name)
        return self._save_account(account, secret, old)

    def _save_account(self, account: Account, secret: str, old: Account | None) -> str:
        if not secret.strip():
            raise InputError(_("The token is empty."), field="token")
        self._secrets.check()  # refuse early, before any request, when no secure keyring exists
        label = self.test_connection(account, secret)
        if not account.display_user:
            account = replace(account, display_user=label)

        def store(settings: Settings) -> None:  # under the file lock: another process may have added one
            taken = settings.find(account.name)
            if taken is not None and (old is None or taken.name != old.name):
                raise InputError(_taken(account.name), field="name")
            self._secrets.set(account.secret_key, secret)
            if old is not None and settings.find(old.name) is not None:
                settings.accounts = [account if a.name == old.name else a for a in settings.accounts]
            else:
                settings.accounts.append(account)

        saved = self._settings_store.update(store)  # outside self._lock: the keyring may be slow
        with self._lock:
            self._settings = saved
            if old is not None:
                self._drop_backend(old.name)
        if old is not None and old.secret_key != account.secret_key:
            self._secrets.delete(old.secret_key)
            self._cache.forget(old.name)
        self._live.pop(account.name, None)
        self.refresh([account.name])  # warm the cache so the menu has statuses at once
        return label

    def remove_account(self, name: str) -> int:
        """Remove the account, its secret and everything kept for it. Returns how many timed changes
        still to run or running for it were cancelled (their other accounts keep their part)."""
        account = self.account(name)
        # First, so that no tick acts on them once the secret is gone, nor later on a new account of
        # the same name.
        cancelled = len(self.scheduler.forget_account(name))
        self._secrets.delete(account.secret_key)

        def drop(settings: Settings) -> None:
            settings.accounts = [a for a in settings.accounts if a.name != name]

        saved = self._settings_store.update(drop)
        with self._lock:
            self._settings = saved
            self._drop_backend(name)
            self._live.pop(name, None)
        self._cache.forget(name)
        self._pending.remove(name)  # a change kept for it must not go to a new account of the same name
        self._recent_store.forget([name])
        return cancelled

    # ------------------------------------------------------------------ statuses
    def statuses(self, names: Sequence[str] | None = None, refresh: bool = False) -> list[AccountResult]:
        """Cached lists, fetched for accounts that have none yet (or all, with refresh)."""
        wanted = self._select(names)
        if refresh:
            return self.refresh([a.name for a in wanted])
        missing = [a.name for a in wanted if self._cache.statuses(a.name) is None]
        fetched = {r.account: r for r in self.refresh(missing)} if missing else {}
        return [fetched.get(a.name) or AccountResult(a.name, Outcome.OK) for a in wanted]

    def refresh(self, names: Sequence[str] | None = None) -> list[AccountResult]:
        def one(account: Account) -> AccountResult:
            backend = self._backend(account)
            statuses = retrying(backend.list_statuses, f"{account.name}: list statuses")
            self._cache.put_statuses(account.name, statuses)
            current = self.current_of(account.name)
            with self._lock:  # the account answers again: drop an old error or signed-out mark
                live = self._live_state(account.name)
                live.error, live.signed_out = "", False
            return AccountResult(account.name, Outcome.OK, current=current)

        return self._fan_out(self._select(names), one)

    def current_of(self, name: str) -> CurrentStatus:
        backend = self._backend(self.account(name))
        current = self._named(name, retrying(backend.current, f"{name}: read status"))
        self._cache.put_current(name, current)
        return current

    def _named(self, name: str, current: CurrentStatus) -> CurrentStatus:
        """Rocket.Chat reports only availability + message: name the custom status they stand for."""
        if current.status_id or not current.message:
            return current
        kind = current.availability.value if current.availability else ""
        for status in self._cache.statuses(name) or ():
            if status.name == current.message and status.type in ("", kind):
                return replace(current, status_id=status.id, status_name=status.name)
        return current

    def restore(self, name: str, state: CurrentStatus) -> None:
        """Put back a status captured earlier (the end of a scheduled change)."""
        account = self.account(name)
        with self._account_lock(name):
            backend = self._backend(account)
            retrying(lambda: backend.restore(state), f"{name}: restore")
        self._cache.put_current(name, state)

    def current(self, names: Sequence[str] | None = None) -> list[AccountResult]:
        return self._fan_out(
            self._select(names),
            lambda account: AccountResult(account.name, Outcome.OK, current=self.current_of(account.name)),
        )

    def create_status(self, account_name: str, name: str, type: str = "", emoji: str = "") -> CustomStatus:
        account = self.account(account_name)
        if not name.strip():
            raise InputError(_("The status needs a name."))
        backend = self._backend(account)
        if not backend.capabilities.can_create:
            raise Unsupported(
                _("{service} has a fixed set of statuses; new ones cannot be created.").format(
                    service=account.kind.label
                )
            )
        try:
            created = backend.create_status(name, type=type, emoji=emoji)
        except AuthError as exc:
            self._record_failure(account.name, exc)
            raise
        if self._cache.statuses(account.name) is None:
            self._cache.put_statuses(account.name, backend.list_statuses())
        else:
            self._cache.add_status(account.name, created)
        return created

    def update_status(
        self, account_name: str, status: CustomStatus | str, name: str | None, type: str = ""
    ) -> CustomStatus:
        """Rename (`name`; None keeps it) or retype (`type`; "" keeps it) one of the account's custom
        statuses (a CustomStatus, or its name or id); Unsupported with a sentence where the service
        cannot (Callbell, Smartsheet RM)."""
        account = self.account(account_name)
        if name is not None and not name.strip():
            raise InputError(_("The status needs a name."))
        self._editable(account)
        old = self._find_status(account, status)
        backend = self._backend(account)
        new_name = old.name if name is None else name
        try:
            updated = retrying(
                lambda: backend.update_status(old, new_name, type=type), f"{account.name}: edit"
            )
        except AuthError as exc:
            self._record_failure(account.name, exc)
            raise
        self._cache.replace_status(account.name, old.id, updated)
        return updated

    def delete_status(self, account_name: str, status: CustomStatus | str) -> CustomStatus:
        """Delete one of the account's custom statuses; returns it. Unsupported where the service cannot."""
        account = self.account(account_name)
        self._editable(account)
        old = self._find_status(account, status)
        backend = self._backend(account)
        try:
            retrying(lambda: backend.delete_status(old), f"{account.name}: delete")
        except AuthError as exc:
            self._record_failure(account.name, exc)
            raise
        self._cache.replace_status(account.name, old.id, None)
        return old

    def _editable(self, account: Account) -> None:
        if not self.capabilities(account).can_edit:
            label = account.kind.label
            raise Unsupported(
                _(
                    "{service}'s API cannot change or delete custom statuses: do it in {service} itself."
                ).format(service=label)
            )

    def find_status(self, account_name: str, status: CustomStatus | str) -> CustomStatus | None:
        """The account's own status of that id or name (as applying it would pick), from the cached list
        (fetched when there is none yet); None when it has none."""
        return self._find(self.account(account_name), status)

    def _find(self, account: Account, status: CustomStatus | str) -> CustomStatus | None:
        wanted = status if isinstance(status, CustomStatus) else CustomStatus(id="", name=status)
        found = self._resolve(account, wanted)
        if found is None and isinstance(status, str):
            found = self._resolve(account, CustomStatus(id=status.strip(), name=""))
        return found

    def _find_status(self, account: Account, status: CustomStatus | str) -> CustomStatus:
        found = self._find(account, status)
        wanted = status if isinstance(status, CustomStatus) else CustomStatus(id="", name=status)
        if found is None:
            raise NotFound(
                _("{service} has no status named '{name}'.").format(
                    service=account.kind.label, name=wanted.name or wanted.id
                )
            )
        return found

    # ------------------------------------------------------------------ changes
    def apply(
        self, change: StatusChange, names: Sequence[str] | None = None, *, remember: bool = True
    ) -> list[AccountResult]:
        """One change on every account named (all by default), in parallel, one result each. A change
        with a start or an end goes through the schedule. A custom status or a message is kept among
        the recents when it reached an account (unless `remember` is False: part of a larger change)."""
        from trayapp.core.recents import Recent, duration_of, recent_change

        accounts = self._select(names)
        results = self._apply_each(accounts, {a.name: change for a in accounts}, shared=change)
        kept = recent_change(change) if remember else None
        if kept is not None:
            duration = duration_of(change, self._clock())
            self._remember(Recent(tuple(a.name for a in accounts), kept, duration=duration), results)
        return results

    def _apply_each(
        self,
        accounts: list[Account],
        changes: Mapping[str, StatusChange],
        *,
        shared: StatusChange | None = None,
        label: str = "",
    ) -> list[AccountResult]:
        """Each account its own change (`shared`: the same one for all, resolved by name on each)."""
        if any(c.start is not None or c.end is not None for c in changes.values()):
            return self._schedule(accounts, changes, shared, label)
        results = self._fan_out(accounts, lambda account: self._apply_one(account, changes[account.name]))
        # A new status replaces the end of a timed one still running on the same account (the change
        # sent or kept to be sent); the accounts it skipped or failed on keep theirs.
        taken = [r.account for r in results if r.outcome in (Outcome.OK, Outcome.PENDING)]
        if taken:
            self._end_timed(taken, shared or changes[taken[0]], label)
        if self._auto is not None:  # the user's own change outranks anything automatic showing there
            self._auto.release(taken)
        return results

    # ------------------------------------------------------------------ presets and recents
    @property
    def presets(self) -> PresetStore:
        """The user's presets and the organisation's (no I/O until asked; see core/presets.py)."""
        return self._preset_store

    def apply_preset(
        self,
        preset: Preset | str,
        names: Sequence[str] | None = None,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        duration: timedelta | None = None,
        open_ended: bool = False,
    ) -> list[AccountResult]:
        """Send each account its part of `preset` (a Preset or a name), in parallel, one result each; an
        account the preset leaves alone is SKIPPED with a sentence saying so. `names` limits it to those
        accounts. The window: `end`, else `duration`, else nothing when `open_ended`, else the preset's
        own duration, each from `start` (None: now). A timed preset is one schedule entry (its label the
        preset's), so "End now" and "Keep longer" act on every account, and its end puts back what each
        had before. Kept among the recents when it reached an account."""
        found = self._preset_store.get(preset) if isinstance(preset, str) else preset
        now = self._clock()
        if end is None and not open_ended:
            span = duration if duration is not None else found.duration
            if span is not None:
                end = (start or now) + span
        if end is not None and end <= (start or now):
            raise InputError(_("The end time must be after the start time."))
        wanted = self._select(names)
        parts = {a.name: part for a in wanted if (part := found.part_for(a.name, a.kind)) is not None}
        skipped = [
            AccountResult(
                a.name,
                Outcome.SKIPPED,
                _("'{preset}' leaves {service} alone.").format(preset=found.name, service=a.kind.label),
            )
            for a in wanted
            if a.name not in parts
        ]
        if names is None:
            known = {a.name for a in self.accounts()} | {kind.value for kind in ServiceKind}
            skipped += [
                AccountResult(
                    n,
                    Outcome.SKIPPED,
                    _("'{preset}' is for an account '{name}', which is gone.").format(
                        preset=found.name, name=n
                    ),
                )
                for n in found.accounts
                if n not in known
            ]
        targets = [a for a in wanted if a.name in parts]
        changes = {name: part.change(start, end) for name, part in parts.items()}
        results = self._apply_each(targets, changes, label=found.label) if targets else []
        if targets:
            from trayapp.core.recents import Recent, duration_of

            recent = Recent(
                tuple(a.name for a in targets),
                preset=found.name,
                duration=None if end is None else duration_of(changes[targets[0].name], now),
            )
            self._remember(recent, results)
        order = {a.name: i for i, a in enumerate(wanted)}
        return sorted([*results, *skipped], key=lambda r: order.get(r.account, len(order)))

    def recents(self) -> list[Recent]:
        """The last five distinct changes, newest first (no network)."""
        return self._recent_store.all()

    def repeat(self, recent: Recent) -> list[AccountResult]:
        """Do a recent change again, from now, for its duration, on its accounts still there."""
        known = {a.name for a in self.accounts()}
        names = [n for n in recent.accounts if n in known]
        if not names:
            raise AccountNotFound(
                _("None of the accounts '{change}' went to is still there.").format(change=recent.label)
            )
        if recent.preset:
            return self.apply_preset(
                recent.preset, names, duration=recent.duration, open_ended=recent.duration is None
            )
        if recent.change is None:
            raise InputError(_("That recent change is empty."))
        end = self._clock() + recent.duration if recent.duration is not None else None
        return self.apply(replace(recent.change, start=None, end=end), names)

    def _remember(self, recent: Recent, results: Sequence[AccountResult]) -> None:
        if not any(r.outcome in (Outcome.OK, Outcome.PENDING) for r in results):
            return
        try:
            self._recent_store.add(replace(recent, at=self._clock()))
        except TrayAppError as exc:  # the change went through; only the list of recents missed it
            log.warning("Could not keep '%s' among the recent changes: %s", recent.label, exc)

    def apply_named(
        self,
        status_name: str,
        message: str | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        names: Sequence[str] | None = None,
    ) -> list[AccountResult]:
        """Apply the status called `status_name` on every account that has one."""
        change = StatusChange(
            ChangeKind.CUSTOM,
            status=CustomStatus(id="", name=status_name),
            message=message,
            start=start,
            end=end,
        )
        return self.apply(change, names)

    def clear(self, names: Sequence[str] | None = None) -> list[AccountResult]:
        return self.apply(StatusChange(ChangeKind.CLEAR), names)

    def _prepare(self, account: Account, change: StatusChange) -> AccountResult | _Prepared:
        """The change as this account takes it (its own custom status), or why it does not apply."""
        backend = self._backend(account)
        caps = backend.capabilities
        label = account.kind.label
        if change.kind is ChangeKind.AVAILABILITY and change.availability not in caps.availabilities:
            offered = ", ".join(a.label for a in caps.availabilities)
            avail = change.availability.label if change.availability else "?"
            return AccountResult(
                account.name,
                Outcome.SKIPPED,
                _("{service} has no '{availability}' availability (it offers {offered}).").format(
                    service=label, availability=avail, offered=offered
                ),
            )
        if change.kind is ChangeKind.CUSTOM:
            resolved = self._resolve(account, change.status)
            if resolved is None:
                wanted = change.status.name if change.status else "?"
                return AccountResult(
                    account.name,
                    Outcome.SKIPPED,
                    _("{service} has no status named '{name}'.").format(service=label, name=wanted),
                )
            change = replace(change, status=resolved)
        if change.message and caps.message_too_long(change.message):
            return AccountResult(
                account.name,
                Outcome.FAILED,
                _("{service} keeps only {count} characters of a status message: shorten it.").format(
                    service=label, count=caps.max_message
                ),
                error_kind=InputError.__name__,
            )
        if change.message and not caps.supports_message:
            note = _("{service} has no status message; the message was not sent.").format(service=label)
            return _Prepared(change, (note,))
        return _Prepared(change, ())

    def _apply_one(self, account: Account, change: StatusChange) -> AccountResult:
        prepared = self._prepare(account, change)
        if isinstance(prepared, AccountResult):
            return prepared
        change = prepared.change
        try:
            current = self._apply_now(account, change)
        except (ServiceUnavailable, RateLimited) as exc:
            return self._keep_pending(account, change, exc, attempts=1, since=self._clock())
        self._pending.remove(account.name)  # an older undelivered intent is now out of date
        detail = change.describe()
        if current.notice:  # accepted, but not what people see: say so rather than report success
            detail = _("'{change}' is saved, but not shown: {notice}").format(
                change=detail, notice=current.notice
            )
        return AccountResult(account.name, Outcome.OK, detail, current=current, notes=prepared.notes)

    def _end_timed(self, names: Sequence[str], change: StatusChange, label: str = "") -> None:
        if not names or not self.paths.schedule_file.exists():
            return  # nothing was ever scheduled: no lock file, no read
        try:
            ended = self.scheduler.release(names, change, label)
        except TrayAppError as exc:  # the change itself went through; the old end is then kept
            log.warning("Could not end the timed changes on %s: %s", ", ".join(names), exc)
            return
        for entry in ended:
            what = label or change.describe()
            log.info("schedule %s: replaced on %s by %s", entry.id, ", ".join(names), what)

    # ------------------------------------------------------------------ undelivered changes
    def _keep_pending(
        self, account: Account, change: StatusChange, exc: ServiceError, attempts: int, since: datetime
    ) -> AccountResult:
        self._pending.put(PendingChange(account.name, change, since, attempts, str(exc)))
        with self._lock:
            live = self._live_state(account.name)
            live.error, live.signed_out, live.pending = str(exc), False, change.describe()
        return AccountResult(
            account.name,
            Outcome.PENDING,
            f"{exc} "
            + _("'{change}' is kept and will be sent when {service} answers again.").format(
                change=change.describe(), service=account.kind.label
            ),
            error_kind=type(exc).__name__,
        )

    def pending_changes(self) -> dict[str, PendingChange]:
        return self._pending.all()

    def deliver_pending(self) -> list[AccountResult]:
        """Try every undelivered change again (accounts in parallel, as a fan-out is: one unreachable
        service must not make the others wait its retries out); report what was delivered or given up."""
        now = self._clock()
        waiting = list(self._pending.all().items())
        if len(waiting) <= 1:
            outcomes = [self._deliver_one(name, pending, now) for name, pending in waiting]
        else:
            with ThreadPoolExecutor(max_workers=len(waiting), thread_name_prefix="trayapp-deliver") as pool:
                outcomes = list(pool.map(lambda item: self._deliver_one(item[0], item[1], now), waiting))
        results = [r for r in outcomes if r is not None]
        for result in results:
            log.info("pending %s: %s %s", result.account, result.outcome.value, result.detail)
        return results

    def _deliver_one(self, name: str, pending: PendingChange, now: datetime) -> AccountResult | None:
        what = pending.change.describe()
        try:
            account = self.account(name)
        except AccountNotFound:
            self._pending.remove(name)
            return None
        if now - pending.since > PENDING_GIVE_UP_AFTER:
            self._pending.remove(name, only_if=pending.change)
            return self._record_failure(
                name,
                _GaveUp(
                    _("Gave up sending '{change}' to {service} after {hours} hours: {error}").format(
                        change=what,
                        service=account.kind.label,
                        hours=_hours(PENDING_GIVE_UP_AFTER),
                        error=pending.last_error,
                    )
                ),
            )
        try:
            current = self._apply_now(account, pending.change)
        except (ServiceUnavailable, RateLimited) as exc:
            return self._keep_pending(account, pending.change, exc, pending.attempts + 1, pending.since)
        except TrayAppError as exc:
            self._pending.remove(name, only_if=pending.change)
            return self._record_failure(
                name, _GaveUp(_("Could not send '{change}': {error}").format(change=what, error=exc))
            )
        self._pending.remove(name, only_if=pending.change)
        return AccountResult(
            name,
            Outcome.OK,
            _("Sent '{change}', which was waiting since {time}.").format(
                change=what, time=_local(pending.since, now)
            ),
            current=current,
        )

    def _apply_now(self, account: Account, change: StatusChange) -> CurrentStatus:
        backend = self._backend(account)
        with self._account_lock(account.name):
            previous = self._cache.current(account.name)
            retrying(lambda: backend.apply(change), f"{account.name}: apply")
            current = backend.expected_current(previous, change)
            if isinstance(backend, ConfirmsChanges):
                current = self._confirmed(backend, current, account.name)
        self._cache.put_current(account.name, current)
        with self._lock:
            self._live[account.name] = _Live()
        return current

    @staticmethod
    def _confirmed(backend: ConfirmsChanges, expected: CurrentStatus, name: str) -> CurrentStatus:
        """Read back what the service shows. The change itself was delivered: a failed read-back
        (rate limit, outage) keeps the expectation rather than making the change pending."""
        try:
            return backend.confirm(expected)
        except ServiceError as exc:
            log.info("%s: no read-back after the change: %s", name, exc)
            return expected

    def _schedule(
        self,
        accounts: list[Account],
        changes: Mapping[str, StatusChange],
        shared: StatusChange | None,
        label: str,
    ) -> list[AccountResult]:
        """A change with a start or an end: one schedule entry for every account it applies to (so
        "End now" and "Keep longer" act on all of them), which applies what is due now."""
        prepared: dict[str, _Prepared] = {}

        def check(account: Account) -> AccountResult:
            outcome = self._prepare(account, changes[account.name])
            if isinstance(outcome, AccountResult):
                return outcome
            prepared[account.name] = outcome
            return AccountResult(account.name, Outcome.OK)

        checked = self._fan_out(accounts, check)
        names = [a.name for a in accounts if a.name in prepared]
        if not names:
            return checked
        # One account: its own status. Several: the status by name, resolved per account when applied.
        # A preset: each account its own part.
        per_account = None
        if shared is None:
            per_account = {name: prepared[name].change for name in names}
        stored = prepared[names[0]].change if len(names) == 1 or shared is None else shared
        entry, superseded = self.scheduler.add(names, stored, per_account=per_account, label=label)
        events = self.scheduler.tick()
        mine = [e for e in events if e.entry_id == entry.id]
        with self._lock:
            self._events.extend(e for e in events if e not in mine)
        entry = next((e for e in self.scheduler.entries() if e.id == entry.id), entry)
        done = {
            name: self._scheduled_result(name, entry, mine, superseded, prepared[name].notes)
            for name in names
        }
        return [done.get(r.account, r) for r in checked]

    def _scheduled_result(
        self,
        name: str,
        entry: ScheduleEntry,
        events: list[ScheduleEvent],
        superseded: list[ScheduleEntry],
        notes: tuple[str, ...],
    ) -> AccountResult:
        failed = next((e for e in events if e.account == name and e.kind in ("failed", "retrying")), None)
        if failed is not None:
            return self._record_failure(name, _ScheduleFailure(failed.text))
        replaced = [old for old in superseded if (p := old.account(name)) and p.step is Step.SUPERSEDED]
        notes += tuple(_("Replaces '{change}'.").format(change=describe_entry(old)) for old in replaced)
        if entry.end is not None and not self.capabilities(self.account(name)).native_schedule:
            notes += (
                _(
                    "trayapp puts the previous status back at the end while it runs in the tray "
                    "(or at its next start)."
                ),
            )
        with self._lock:
            self._live_state(name).pending = ""
        return AccountResult(
            name,
            Outcome.OK,
            f"{describe_entry(entry)} [{entry.id}]",
            current=self._cache.current(name),
            notes=notes,
        )

    # ------------------------------------------------------------------ schedule
    @property
    def scheduler(self) -> Scheduler:
        with self._lock:
            if self._scheduler is None:
                self._scheduler = Scheduler(self.paths.schedule_file, _SchedulePort(self), self._clock)
            return self._scheduler

    def schedule_entries(self) -> list[ScheduleEntry]:
        return self.scheduler.entries()

    def run_schedule(self) -> list[ScheduleEvent]:
        """Apply or restore whatever is due now (catch-up included), the automatic status too; returns
        what happened."""
        events = self.scheduler.tick()
        if self._auto_wanted():
            self.calendars.refresh(self.auto_config().calendars)
            events += self.auto.tick()
        with self._lock:
            events, self._events = self._events + events, []
        for event in events:
            log.info("schedule %s %s: %s", event.entry_id, event.kind, event.message)
            if event.kind == "failed":
                self._record_failure(event.account, _ScheduleFailure(event.message))
        return events

    def next_wakeup(self) -> datetime | None:
        times = [self.scheduler.next_wakeup() if self.paths.schedule_file.exists() else None]
        if self._auto_wanted():
            times.append(self.auto.next_wakeup())
            if not self.calendars_polled:  # the tray reads them on a thread of its own instead
                times.append(self.calendars.next_refresh(self.auto_config().calendars))
        found = [t for t in times if t is not None]
        return min(found) if found else None

    # ------------------------------------------------------------------ automatic status
    def calendar_next(self, name: str, now: datetime) -> Window | None:
        """The calendar's busy time running now, or its next one (as last read)."""
        source = self.auto_config().calendar(name)
        windows = self.calendars.known(source) if source is not None else ()
        return next((w for w in windows if w.end > now), None)

    def auto_config(self) -> AutoConfig:
        if self.paths.auto_file.exists():
            return self._auto_file.load()
        from trayapp.core.auto.config import AutoConfig

        return AutoConfig()

    def update_auto(self, change: Callable[[AutoConfig], AutoConfig]) -> AutoConfig:
        """Change auto.json under its lock (the CLI's `auto` commands, the menu's pause)."""
        return self._auto_file.update(change)

    @property
    def auto(self) -> AutoEngine:
        with self._lock:
            if self._auto is None:
                from trayapp.core.auto.engine import AutoEngine, Inputs

                inputs = Inputs(
                    config=self.auto_config,
                    accounts=self.accounts,
                    presence=self.presence,
                    calendars=lambda: self.calendar_windows(),
                    manual_active=self._timed_change_runs,
                    supports=self._supports,
                )
                self._auto = AutoEngine(self.paths.auto_state_file, _SchedulePort(self), self._clock, inputs)
            return self._auto

    def _auto_wanted(self) -> bool:
        """Only a process that runs the automatic status (the tray) pays for it, and only once something
        is set up or still showing."""
        return self.paths.auto_file.exists() or self.paths.auto_state_file.exists()

    def _timed_change_runs(self, name: str, now: datetime) -> bool:
        if not self.paths.schedule_file.exists():
            return False
        return active_entry(read_entries(self.paths.schedule_file), name, now) is not None

    def _supports(self, name: str, change: StatusChange) -> bool:
        try:
            caps = self.capabilities(self.account(name))
        except AccountNotFound:
            return False
        if change.kind is ChangeKind.AVAILABILITY:
            return change.availability in caps.availabilities
        if change.kind is ChangeKind.CUSTOM and change.status is not None:
            # A calendar for every account names a status some of them lack: those are left out
            # quietly (as `set` skips them), not a failure at every meeting. Unknown list: try it.
            known = self._cache.statuses(name)
            wanted = change.status.name.casefold()
            return known is None or any(s.name.casefold() == wanted for s in known)
        return True

    def add_repeat(
        self,
        change: StatusChange,
        names: Sequence[str] | None,
        repeat: Repeat,
        start: datetime,
        end: datetime,
    ) -> list[AccountResult]:
        """Record a repeating change for the accounts that take it; the running tray carries it out."""
        accounts = self._select(names)
        taken: list[str] = []

        def check(account: Account) -> AccountResult:
            outcome = self._prepare(account, replace(change, start=None, end=None))
            if isinstance(outcome, AccountResult):
                return outcome
            taken.append(account.name)
            return AccountResult(account.name, Outcome.OK, notes=outcome.notes)

        checked = self._fan_out(accounts, check)
        if not taken:
            return checked
        names_taken = tuple(a.name for a in accounts if a.name in taken)
        created = self._clock()

        from trayapp.core.auto.repeat import make_rule

        def add(config: AutoConfig) -> AutoConfig:
            ids = {r.id for r in config.repeats}
            rule_id = _new_id(ids)
            rule = make_rule(rule_id, names_taken, change, repeat, start, end, created=created)
            return replace(config, repeats=(*config.repeats, rule))

        config = self.update_auto(add)
        rule = config.repeats[-1]
        detail = f"{describe_repeat(rule, created)} [{rule.id}]"
        note = _("trayapp sets it and puts the previous status back while it runs in the tray.")
        return [
            replace(r, detail=detail, notes=(*r.notes, note)) if r.account in names_taken else r
            for r in checked
        ]

    def remove_repeat(self, rule_id: str) -> RepeatRule | None:
        removed: list[RepeatRule] = []

        def drop(config: AutoConfig) -> AutoConfig:
            removed.extend(r for r in config.repeats if r.id == rule_id)
            return replace(config, repeats=tuple(r for r in config.repeats if r.id != rule_id))

        if not any(r.id == rule_id for r in self.auto_config().repeats):
            return None
        self.update_auto(drop)
        return removed[0] if removed else None

    def cancel_scheduled(self, entry_id: str) -> ScheduleEntry:
        return self.scheduler.cancel(entry_id)

    def end_scheduled_now(self, entry_id: str) -> ScheduleEntry:
        return self.scheduler.end_now(entry_id)

    def extend_scheduled(self, entry_id: str, delta: timedelta) -> ScheduleEntry:
        return self.scheduler.extend(entry_id, delta)

    def _resolve(self, account: Account, wanted: CustomStatus | None) -> CustomStatus | None:
        if wanted is None:
            return None
        statuses = self._cache.statuses(account.name)
        if statuses is None:
            statuses = self._backend(account).list_statuses()
            self._cache.put_statuses(account.name, statuses)
        if wanted.id:
            for status in statuses:
                if status.id == wanted.id:
                    return status
        exact = wanted.name.strip()
        for status in statuses:  # Rocket.Chat names are case-sensitive: "Lunch" and "lunch" may both exist
            if status.name == exact:
                return status
        key = exact.casefold()
        for status in statuses:
            if status.name.casefold() == key:
                return status
        for status in statuses:  # Smartsheet RM codes (OOF, WFH...) work as names too
            if status.type and status.type.casefold() == key and status.id == status.type:
                return status
        return None

    # ------------------------------------------------------------------ plumbing
    def _select(self, names: Sequence[str] | None) -> list[Account]:
        if not names:
            return self.accounts()
        return [self.account(n) for n in dict.fromkeys(names)]

    def _fan_out(
        self, accounts: list[Account], fn: Callable[[Account], AccountResult]
    ) -> list[AccountResult]:
        def guarded(account: Account) -> AccountResult:
            try:
                result = fn(account)
            except TrayAppError as exc:
                result = self._record_failure(account.name, exc)
            if result.outcome in (Outcome.OK, Outcome.SKIPPED):
                with self._lock:
                    self._live_state(account.name).pending = ""
            log.info("%s: %s %s", account.name, result.outcome.value, result.detail)
            return result

        if len(accounts) <= 1:
            return [guarded(a) for a in accounts]
        with ThreadPoolExecutor(max_workers=len(accounts), thread_name_prefix="trayapp-account") as pool:
            return list(pool.map(guarded, accounts))

    def _record_failure(self, name: str, exc: TrayAppError) -> AccountResult:
        with self._lock:
            live = self._live_state(name)
            live.error = str(exc)
            live.signed_out = isinstance(exc, AuthError)
            live.pending = ""
        return AccountResult(name, Outcome.FAILED, str(exc), error_kind=type(exc).__name__)

    def _live_state(self, name: str) -> _Live:
        with self._lock:
            return self._live.setdefault(name, _Live())

    def _account_lock(self, name: str) -> threading.Lock:
        with self._lock:
            return self._account_locks.setdefault(name, threading.Lock())

    def _backend(self, account: Account) -> StatusBackend:
        with self._lock:
            backend = self._backends.get(account.name)
            if backend is None:
                # read once, then kept in memory until a server refuses it (trayapp.core.secrets)
                token = self._secrets.getter(account.secret_key, account.name)
                backend = self._factories[account.kind](account, token)
                self._backends[account.name] = backend
            return backend

    def _drop_backend(self, name: str) -> None:
        backend = self._backends.pop(name, None)
        if backend is not None:
            backend.close()

    def close(self) -> None:
        with self._lock:
            for name in list(self._backends):
                self._drop_backend(name)


def removed_sentence(name: str, cancelled: int) -> str:
    """What removing an account did, for the CLI and the Accounts dialog."""
    if not cancelled:
        return _("Removed {name} and its keyring entry.").format(name=name)
    return ngettext(
        "Removed {name} and its keyring entry; also cancelled {n} timed change.",
        "Removed {name} and its keyring entry; also cancelled {n} timed changes.",
        cancelled,
    ).format(name=name, n=cancelled)


@dataclass(frozen=True)
class _Prepared:
    """A change as one account takes it, with what the user should know about it."""

    change: StatusChange
    notes: tuple[str, ...]


class _GaveUp(ServiceError):
    """An undelivered change was dropped; the sentence says which and why."""


class _ScheduleFailure(ServiceError):
    """A scheduled step failed; the scheduler's sentence says which and why."""


class _SchedulePort:
    """The scheduler's door to the services, through the same backends and cache as everything else."""

    def __init__(self, service: StatusService) -> None:
        self._service = service

    def read(self, account: str) -> CurrentStatus:
        return self._service.current_of(account)

    def apply(self, account: str, change: StatusChange) -> CurrentStatus:
        found = self._service.account(account)
        if change.kind is ChangeKind.CUSTOM:
            # An entry for several accounts names its status; each account applies its own of that name.
            status = self._service._resolve(found, change.status)
            if status is None:
                wanted = change.status.name if change.status else "?"
                raise InputError(
                    _("{service} has no status named '{name}' any more.").format(
                        service=found.kind.label, name=wanted
                    )
                )
            change = replace(change, status=status)
        return self._service._apply_now(found, change)

    def restore(self, account: str, state: CurrentStatus) -> None:
        self._service.restore(account, state)

    def read_before(self, account: str) -> CurrentStatus:
        """What a timed change should put back at its end: what shows now, unless that is an automatic
        status (away while locked, a meeting): then the state from before it, so the end of the timed
        change never brings back an automatic status that has ended meanwhile."""
        current = self.read(account)
        engine = self._service._auto
        if engine is None:
            return current
        return engine.baseline_under(account, current) or current

    def native_schedule(self, account: str) -> bool:
        return self._service.capabilities(self._service.account(account)).native_schedule


def describe_repeat(rule: RepeatRule, now: datetime) -> str:
    """'Lunch every weekday 12:00–13:00; next Thu 12:00–13:00' (now: '; now until 13:00')."""
    text = rule.describe()
    occurrence = rule.current_or_next(now)
    if occurrence is None:
        return text
    if occurrence.start <= now:
        return _("{change}; now until {time}").format(change=text, time=_local(occurrence.end, now))
    return _("{change}; next {start}–{end}").format(
        change=text, start=_local(occurrence.start, now), end=_local(occurrence.end, now)
    )


def _auto_label(state: AccountAuto | None, now: datetime) -> str:
    if state is None:
        return ""
    from trayapp.core.auto.engine import Step as AutoStep  # loaded with the engine that made `state`

    if state.step not in (AutoStep.APPLIED, AutoStep.APPLYING):
        return ""
    return state.label


def _new_id(taken: set[str]) -> str:
    import secrets as _secrets

    while True:
        candidate = _secrets.token_hex(3)
        if candidate not in taken:
            return candidate


def describe_entry(entry: ScheduleEntry) -> str:
    """'Lunch until 15:30', 'Lunch from Fri 09:00 until 10:00' in local time."""
    text = entry.what
    now = datetime.now(timezone.utc)
    if entry.start > now:
        text += " from " + _local(entry.start, now)
    if entry.end is not None:
        text += " until " + _local(entry.end, now)
    return text


def _hours(span: timedelta) -> int:
    return int(span.total_seconds() // 3600)


def _local(moment: datetime, now: datetime) -> str:
    return local_time(moment, now)
