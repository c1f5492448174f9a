"""Start and end times for services that cannot store them: pure logic over a JSON store.

Every side effect goes through a `StatusPort` and every "now" comes from the injected clock, so the
whole thing is tested with a fake clock and a fake port, without sleeping.

Crash safety (kill -9 at any point): the per-account step is written *before* each side effect
("applying", "restoring") and again after it. On the next tick an "applying" account is applied
again (harmless), a "restoring" one is restored unless the service already shows the captured state,
and an account that was never applied is never restored. The state in place before a change is read
and stored before the apply intent is written, so a re-apply never captures our own change as the
"previous" state.

Several processes (the tray and the CLI) may share one file: every read-modify-write runs under the
cross-process lock of `atomic.locked` and re-reads the file first; readers compare the file's stat to
notice changes.
"""

from __future__ import annotations

import enum
import logging
import secrets
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Protocol

from trayapp.core import atomic, codec
from trayapp.core.errors import ConfigError, InputError, RateLimited, ServiceUnavailable, TrayAppError
from trayapp.core.models import Availability, ChangeKind, CurrentStatus, StatusChange
from trayapp.core.timetext import local_time

log = logging.getLogger("trayapp.scheduler")

SCHEMA_VERSION = 1
_DAMAGE = (ValueError, KeyError, TypeError, AttributeError, RecursionError)  # what a hand edit can cause
KEEP_FINISHED = timedelta(days=7)  # finished entries stay visible ("missed", "failed") this long
DEFAULT_RATE_LIMIT_WAIT = timedelta(seconds=60)  # 429 without Retry-After
BACKOFF_FIRST = timedelta(seconds=15)
BACKOFF_MAX = timedelta(minutes=5)
# Restores have no natural deadline (the end has passed already): keep trying this long, then report.
RESTORE_RETRY_FOR = timedelta(hours=1)
# An open-ended change that keeps failing stops being retried after this: "Lunch" hours late is wrong.
OPEN_ENDED_RETRY_FOR = timedelta(hours=1)
_POINT = timedelta(microseconds=1)  # an open-ended change occupies its start instant only


class StatusPort(Protocol):
    """The scheduler's only door to the services. Every method may raise TrayAppError subclasses."""

    def read(self, account: str) -> CurrentStatus: ...

    def apply(self, account: str, change: StatusChange) -> CurrentStatus: ...

    def restore(self, account: str, state: CurrentStatus) -> None: ...

    def native_schedule(self, account: str) -> bool: ...


class Phase(str, enum.Enum):
    SCHEDULED = "scheduled"  # waiting for its start
    ACTIVE = "active"  # applied, waiting for its end
    DONE = "done"  # ended and restored, or an open-ended change applied
    FAILED = "failed"
    CANCELLED = "cancelled"
    MISSED = "missed"  # the whole window passed while the app was not running; never replayed
    SUPERSEDED = "superseded"  # replaced by a newer overlapping change

    @property
    def finished(self) -> bool:
        return self not in (Phase.SCHEDULED, Phase.ACTIVE)


class Step(str, enum.Enum):
    """Where one account of an entry stands. Written before and after each side effect."""

    PENDING = "pending"  # nothing sent yet
    APPLYING = "applying"  # previous state captured; apply sent (outcome unknown until "applied")
    APPLIED = "applied"  # our change is in place; `applied` says what it looks like
    NATIVE = "native"  # handed to a service that stores start/end itself; nothing more to do
    RESTORING = "restoring"  # restore sent (outcome unknown until "restored")
    RESTORED = "restored"
    KEPT = "kept"  # the user changed the status by hand meanwhile; left alone
    FAILED = "failed"
    MISSED = "missed"
    CANCELLED = "cancelled"
    SUPERSEDED = "superseded"
    SKIPPED = "skipped"  # interrupted before the service took the change: nothing to put back


_FINAL_STEPS = frozenset(
    {Step.RESTORED, Step.KEPT, Step.FAILED, Step.MISSED, Step.CANCELLED, Step.SUPERSEDED, Step.SKIPPED}
)

# ScheduleEvent.kind values
APPLIED = "applied"
RESTORED = "restored"
KEPT = "kept"
MISSED = "missed"
FAILED = "failed"
RETRYING = "retrying"
CANCELLED = "cancelled"
SUPERSEDED = "superseded"
EXTENDED = "extended"


@dataclass(frozen=True)
class AccountProgress:
    account: str
    native: bool = False
    step: Step = Step.PENDING
    previous: CurrentStatus | None = None  # what was in place before we applied (restored at the end)
    applied: CurrentStatus | None = None  # what the service showed right after our apply
    carried: CurrentStatus | None = None  # state a superseded active entry had applied (still in place)
    attempts: int = 0  # failed attempts of the current step
    retry_at: datetime | None = None
    since: datetime | None = None  # first failure of the current step (bounds restore retries)
    error: str = ""  # last failure, as the service's sentence
    note: str = ""  # user-facing sentence of the latest outcome

    def to_dict(self) -> dict[str, Any]:
        return {
            "account": self.account,
            "native": self.native,
            "step": self.step.value,
            "previous": _dump_opt_current(self.previous),
            "applied": _dump_opt_current(self.applied),
            "carried": _dump_opt_current(self.carried),
            "attempts": self.attempts,
            "retry_at": codec.dump_time(self.retry_at),
            "since": codec.dump_time(self.since),
            "error": self.error,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: Any) -> AccountProgress:
        if not isinstance(data, dict):
            raise ValueError("account progress is not an object")
        attempts = data.get("attempts", 0)
        if not isinstance(attempts, int):
            raise ValueError("attempts is not a number")
        return cls(
            account=_req_str(data, "account"),
            native=bool(data.get("native", False)),
            step=Step(data["step"]),
            previous=_load_opt_current(data.get("previous")),
            applied=_load_opt_current(data.get("applied")),
            carried=_load_opt_current(data.get("carried")),
            attempts=attempts,
            retry_at=codec.load_time(data.get("retry_at")),
            since=codec.load_time(data.get("since")),
            error=str(data.get("error") or ""),
            note=str(data.get("note") or ""),
        )


@dataclass(frozen=True)
class ScheduleEntry:
    id: str
    accounts: tuple[str, ...]
    change: StatusChange  # its start/end mirror the entry's
    start: datetime  # UTC
    end: datetime | None  # UTC; None = open-ended (applied once, never restored)
    phase: Phase
    note: str = ""
    progress: tuple[AccountProgress, ...] = ()
    created: datetime | None = None
    finished: datetime | None = None  # when the phase became final (for pruning)
    cancelled: datetime | None = None

    def account(self, name: str) -> AccountProgress | None:
        return next((p for p in self.progress if p.account == name), None)

    @property
    def previous(self) -> dict[str, CurrentStatus]:
        return {p.account: p.previous for p in self.progress if p.previous is not None}

    @property
    def applied(self) -> dict[str, CurrentStatus]:
        return {p.account: p.applied for p in self.progress if p.applied is not None}

    @property
    def attempts(self) -> int:
        return max((p.attempts for p in self.progress), default=0)

    @property
    def retry_at(self) -> datetime | None:
        times = [p.retry_at for p in self.progress if p.retry_at is not None and p.step not in _FINAL_STEPS]
        return min(times) if times else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "accounts": list(self.accounts),
            "change": codec.dump_change(self.change),
            "start": codec.dump_time(self.start),
            "end": codec.dump_time(self.end),
            "phase": self.phase.value,
            "note": self.note,
            "progress": [p.to_dict() for p in self.progress],
            "created": codec.dump_time(self.created),
            "finished": codec.dump_time(self.finished),
            "cancelled": codec.dump_time(self.cancelled),
        }

    @classmethod
    def from_dict(cls, data: Any) -> ScheduleEntry:
        if not isinstance(data, dict):
            raise ValueError("entry is not an object")
        accounts = data["accounts"]
        if not isinstance(accounts, list) or not accounts:
            raise ValueError("accounts is not a list")
        start = codec.load_time(data["start"])
        if start is None:
            raise ValueError("entry without start")
        progress = tuple(AccountProgress.from_dict(p) for p in data.get("progress") or ())
        names = tuple(str(a) for a in accounts)
        if {p.account for p in progress} != set(names):
            raise ValueError("progress does not match accounts")
        return cls(
            id=_req_str(data, "id"),
            accounts=names,
            change=codec.load_change(data["change"]),
            start=start,
            end=codec.load_time(data.get("end")),
            phase=Phase(data["phase"]),
            note=str(data.get("note") or ""),
            progress=progress,
            created=codec.load_time(data.get("created")),
            finished=codec.load_time(data.get("finished")),
            cancelled=codec.load_time(data.get("cancelled")),
        )


@dataclass(frozen=True)
class ScheduleEvent:
    """What happened to one account on a tick, as a sentence for a notification or the status line."""

    entry_id: str
    account: str
    kind: str  # applied, restored, kept, missed, failed, retrying, cancelled, superseded, extended
    message: str  # "rocket: 'Lunch' is set until 15:30." (the account's name first, for the CLI)

    @property
    def text(self) -> str:
        """The sentence without the account's name, for front ends that name the account their way."""
        prefix = f"{self.account}: "
        return self.message[len(prefix) :] if self.message.startswith(prefix) else self.message


class Scheduler(atomic.DamageReports):
    """The schedule store and its clock-driven state machine.

    Mutations (add, cancel, end_now, extend) also carry out whatever is due right away, so the CLI
    works without a running tray; their events are returned by the next tick().
    Calls may block on the service and on another process's lock: call from a worker thread.
    """

    def __init__(self, path: Path, port: StatusPort, clock: Callable[[], datetime]) -> None:
        self.path = path
        super().__init__()
        self._port = port
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: list[ScheduleEntry] = []
        self._stat: tuple[int, int, int] | None = None
        self._events: list[ScheduleEvent] = []
        with self._lock, atomic.locked(self.path, timeout=None):
            self._load()

    # ---- public API -------------------------------------------------------------------------

    def entries(self) -> list[ScheduleEntry]:
        with self._lock:
            self._refresh()
            return sorted(self._entries, key=lambda e: (e.start, e.id))

    def add(self, accounts: Sequence[str], change: StatusChange) -> tuple[ScheduleEntry, list[ScheduleEntry]]:
        """Record a change (start default now) and supersede overlapping ones for the same accounts."""
        names = tuple(dict.fromkeys(a for a in accounts))
        if not names:
            raise InputError("Choose at least one account for the change.")
        for moment in (change.start, change.end):
            if moment is not None and moment.tzinfo is None:
                raise InputError("Start and end times need a time zone.")
        native = {name: self._port.native_schedule(name) for name in names}
        with self._lock, atomic.locked(self.path, timeout=None):
            self._load()
            now = self._now()
            start = _utc(change.start) if change.start is not None else now
            end = _utc(change.end) if change.end is not None else None
            if end is not None and end <= start:
                raise InputError("The end time must be after the start time.")
            if end is not None and end <= now:
                raise InputError("The end time has already passed.")
            entry_id = self._new_id()
            superseded, carried = self._supersede(entry_id, names, start, end, change, now)
            progress = []
            for name in names:
                previous, state = carried.get(name, (None, None))
                progress.append(AccountProgress(name, native=native[name], previous=previous, carried=state))
            entry = ScheduleEntry(
                id=entry_id,
                accounts=names,
                change=replace(change, start=start, end=end),
                start=start,
                end=end,
                phase=Phase.SCHEDULED,
                progress=tuple(progress),
                created=now,
            )
            self._entries.append(_settle(entry, now))
            self._save(now)
            self._events.extend(self._run_due(now))
            return self._get(entry_id), [self._get(e) for e in superseded]

    def cancel(self, entry_id: str) -> ScheduleEntry:
        """Scheduled → cancelled; active → ended now (the previous state is put back). Idempotent."""
        with self._lock, atomic.locked(self.path, timeout=None):
            self._load()
            now = self._now()
            entry = self._get(entry_id)
            if entry.phase.finished:
                return entry
            self._end_early(entry, now, cancel=True)
            self._events.extend(self._run_due(now))
            return self._get(entry_id)

    def end_now(self, entry_id: str) -> ScheduleEntry:
        """Active → the previous state is put back now. Idempotent on finished entries."""
        with self._lock, atomic.locked(self.path, timeout=None):
            self._load()
            now = self._now()
            entry = self._get(entry_id)
            if entry.phase.finished:
                return entry
            if entry.phase is Phase.SCHEDULED:
                raise InputError(f"'{entry.change.describe()}' has not started yet; cancel it instead.")
            self._end_early(entry, now, cancel=False)
            self._events.extend(self._run_due(now))
            return self._get(entry_id)

    def extend(self, entry_id: str, delta: timedelta) -> ScheduleEntry:
        with self._lock, atomic.locked(self.path, timeout=None):
            self._load()
            now = self._now()
            entry = self._get(entry_id)
            if entry.phase.finished:
                raise InputError(f"'{entry.change.describe()}' has already ended.")
            if entry.end is None:
                raise InputError(f"'{entry.change.describe()}' has no end time to move.")
            if any(p.step is Step.RESTORING for p in entry.progress):
                raise InputError(f"'{entry.change.describe()}' is already being ended.")
            end = entry.end + delta
            if end <= entry.start or end <= now:
                raise InputError("The new end time must be in the future and after the start.")
            live = {p.account for p in entry.progress if not _account_done(entry, p, now)}
            for other in self._entries:
                if other.id == entry.id or other.phase.finished:
                    continue
                shared = live & {p.account for p in other.progress if not _account_done(other, p, now)}
                if shared and _overlaps(entry.start, end, other.start, other.end):
                    raise InputError(
                        f"That would overlap '{other.change.describe()}' on {', '.join(sorted(shared))}; "
                        "cancel that one first."
                    )
            what = entry.change.describe()
            note = f"'{what}' now lasts until {_local(end, now)}."
            progress = []
            for p in entry.progress:
                if p.account not in live:
                    progress.append(p)
                elif p.native and p.step is Step.NATIVE:
                    # The service keeps its own end: hand the change over again with the new one.
                    progress.append(replace(_fresh(p, Step.PENDING, p.applied), note=f"{p.account}: {note}"))
                else:
                    progress.append(replace(p, note=f"{p.account}: {note}"))
            change = replace(entry.change, end=end)
            self._put(_settle(replace(entry, end=end, change=change, progress=tuple(progress)), now))
            self._save(now)
            events = self._run_due(now)
            # A hand-over again is part of this extension, not a new status being set.
            events = [e for e in events if not (e.entry_id == entry_id and e.kind == APPLIED)]
            failed = {e.account for e in events if e.entry_id == entry_id}
            extended = [
                ScheduleEvent(entry_id, name, EXTENDED, f"{name}: {note}")
                for name in entry.accounts
                if name in live and name not in failed
            ]
            self._events.extend(extended + events)
            return self._get(entry_id)

    def release(self, accounts: Sequence[str], change: StatusChange) -> list[ScheduleEntry]:
        """The user set `change` through trayapp, now: the timed changes running on these accounts end
        without putting anything back, as a new status replaces the old one's expiry in Slack. Changes
        still to start, and other accounts of the same entry, keep theirs. Returns the entries touched."""
        names = set(accounts)
        with self._lock, atomic.locked(self.path, timeout=None):
            self._load()
            now = self._now()
            touched: list[str] = []
            for entry in list(self._entries):
                if entry.phase.finished or entry.start > now:
                    continue
                what = entry.change.describe()
                progress = []
                for p in entry.progress:
                    if p.account not in names or _account_done(entry, p, now):
                        progress.append(p)
                        continue
                    note = f"{p.account}: '{what}' was replaced by '{change.describe()}'."
                    progress.append(replace(p, step=Step.SUPERSEDED, retry_at=None, note=note))
                    self._events.append(ScheduleEvent(entry.id, p.account, SUPERSEDED, note))
                if tuple(progress) != entry.progress:
                    self._put(_settle(replace(entry, progress=tuple(progress)), now))
                    touched.append(entry.id)
            if touched:
                self._save(now)
            return [self._get(entry_id) for entry_id in touched]

    def tick(self) -> list[ScheduleEvent]:
        """Do everything due at clock(), in order of time; persist after each step."""
        with self._lock, atomic.locked(self.path, timeout=None):
            self._load()
            now = self._now()
            events = self._events + self._run_due(now)
            self._events = []
            return events

    def next_wakeup(self) -> datetime | None:
        """The earliest instant something is due (now when something is overdue), or None."""
        with self._lock:
            self._refresh()
            now = self._now()
            times: list[datetime] = []
            for entry in self._entries:
                if entry.phase.finished:
                    continue
                # The phase follows the clock even when nothing is sent (native accounts).
                times.extend(t for t in (entry.start, entry.end) if t is not None and t > now)
                for p in entry.progress:
                    due = _due(entry, p, now)
                    if due is not None:
                        times.append(due)
            return max(now, min(times)) if times else None

    def active_for(self, account: str) -> ScheduleEntry | None:
        with self._lock:
            self._refresh()
            return active_entry(self._entries, account, self._now())

    def next_for(self, account: str) -> ScheduleEntry | None:
        with self._lock:
            self._refresh()
            return next_entry(self._entries, account, self._now())

    # ---- storage ------------------------------------------------------------------------------

    def _now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the scheduler's clock must return timezone-aware datetimes")
        return now.astimezone(timezone.utc)

    def _file_stat(self) -> tuple[int, int, int] | None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise ConfigError(f"Could not read {self.path}: {exc.strerror or exc}.") from None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _refresh(self) -> None:
        """Reload when another process (or instance) replaced the file. Reads need no lock: writes are
        atomic renames. Only damage takes the lock, to set the file or its bad entries aside once."""
        stat = self._file_stat()
        if stat == self._stat:
            return
        try:
            entries, bad = _parse(atomic.read_json(self.path))
        except _DAMAGE:
            bad = ["the whole file"]
        if bad:
            with atomic.locked(self.path, timeout=None):
                self._load()
        else:
            self._entries, self._stat = entries, stat

    def _load(self) -> None:
        """Read the file (call under the file lock). Always re-parses: an mtime can hide a write."""
        stat = self._file_stat()
        try:
            self._entries, bad = _parse(atomic.read_json(self.path))
        except _DAMAGE as exc:
            self._warn(atomic.set_aside(self.path, _reason(exc)))
            self._entries, stat, bad = [], None, []
        if bad:
            self._warn(atomic.keep_copy(self.path, bad))
            self._write()
            stat = self._file_stat()
        self._stat = stat

    def _warn(self, text: str) -> None:
        log.warning("%s", text)
        super()._warn(text)

    def _save(self, now: datetime) -> None:
        self._entries = _pruned(self._entries, now)
        self._write()
        self._stat = self._file_stat()

    def _write(self) -> None:
        atomic.write_json(
            self.path,
            {"schema_version": SCHEMA_VERSION, "entries": [e.to_dict() for e in self._entries]},
        )

    def _get(self, entry_id: str) -> ScheduleEntry:
        for entry in self._entries:
            if entry.id == entry_id:
                return entry
        raise InputError(f"There is no scheduled change with id '{entry_id}'.")

    def _put(self, entry: ScheduleEntry) -> None:
        self._entries = [entry if e.id == entry.id else e for e in self._entries]

    def _set(self, entry_id: str, progress: AccountProgress, now: datetime) -> ScheduleEntry:
        """Replace one account's progress and persist at once: each step is durable on its own."""
        entry = self._get(entry_id)
        updated = tuple(progress if p.account == progress.account else p for p in entry.progress)
        entry = _settle(replace(entry, progress=updated), now)
        self._put(entry)
        self._save(now)
        return entry

    def _new_id(self) -> str:
        taken = {e.id for e in self._entries}
        while True:
            candidate = secrets.token_hex(3)
            if candidate not in taken:
                return candidate

    # ---- mutations ----------------------------------------------------------------------------

    def _supersede(
        self,
        new_id: str,
        names: tuple[str, ...],
        start: datetime,
        end: datetime | None,
        change: StatusChange,
        now: datetime,
    ) -> tuple[list[str], dict[str, tuple[CurrentStatus | None, CurrentStatus | None]]]:
        """Mark overlapping unfinished accounts superseded. Returns the touched entry ids and, per
        account, (state before, state in place) taken over from an applied entry, so the new entry's
        end restores the state from before both and the old one never restores."""
        touched: list[str] = []
        carried: dict[str, tuple[CurrentStatus | None, CurrentStatus | None]] = {}
        for entry in list(self._entries):
            if entry.phase.finished or not _overlaps(start, end, entry.start, entry.end):
                continue
            progress = []
            hit = False
            for p in entry.progress:
                if p.account not in names or _account_done(entry, p, now):
                    progress.append(p)
                    continue
                hit = True
                if p.step in (Step.APPLIED, Step.APPLYING, Step.RESTORING) and not p.native:
                    carried[p.account] = (p.previous, p.applied)
                elif p.step is Step.PENDING and p.carried is not None:
                    carried[p.account] = (p.previous, p.carried)
                note = f"{p.account}: replaced by '{change.describe()}'."
                if p.native and p.step is Step.NATIVE:
                    note = f"{p.account}: replaced by '{change.describe()}'; the service keeps its own copy."
                progress.append(replace(p, step=Step.SUPERSEDED, retry_at=None, note=note))
                self._events.append(ScheduleEvent(entry.id, p.account, SUPERSEDED, note))
            if hit:
                self._put(_settle(replace(entry, progress=tuple(progress)), now))
                touched.append(entry.id)
        return touched, carried

    def _end_early(self, entry: ScheduleEntry, now: datetime, *, cancel: bool) -> None:
        what = entry.change.describe()
        progress = []
        ending = False
        for p in entry.progress:
            if _account_done(entry, p, now):
                progress.append(p)
            elif p.native and p.step is Step.NATIVE and _in_effect(entry, p, now):
                # The service keeps its own copy and cannot delete it: post what should follow, as the
                # restore at a normal end does (the state read before the hand-over, else plain Available).
                previous = p.previous or CurrentStatus(availability=Availability.AVAILABLE)
                progress.append(replace(_fresh(p, Step.APPLIED, p.applied), previous=previous))
                ending = True
            elif p.native:
                note = f"{p.account}: '{what}' was cancelled."
                if p.step is Step.NATIVE:
                    note = f"{p.account}: the service keeps its own copy of '{what}'; remove it there."
                progress.append(replace(p, step=Step.CANCELLED, retry_at=None, note=note))
                self._events.append(ScheduleEvent(entry.id, p.account, CANCELLED, note))
            elif p.step in (Step.APPLIED, Step.APPLYING, Step.RESTORING):
                progress.append(p)
                ending = True
            elif p.carried is not None:
                # A superseded change is still showing on the service: put back what was there before it.
                progress.append(_fresh(p, Step.APPLIED, p.carried))
                ending = True
            else:
                note = f"{p.account}: '{what}' was cancelled."
                progress.append(replace(p, step=Step.CANCELLED, retry_at=None, note=note))
                self._events.append(ScheduleEvent(entry.id, p.account, CANCELLED, note))
        updated = replace(entry, progress=tuple(progress), cancelled=now if cancel else entry.cancelled)
        if ending:
            end = now if entry.end is None else min(entry.end, now)
            updated = replace(updated, end=end, change=replace(entry.change, end=end))
        self._put(_settle(updated, now))
        self._save(now)

    # ---- the state machine --------------------------------------------------------------------

    def _run_due(self, now: datetime) -> list[ScheduleEvent]:
        events: list[ScheduleEvent] = []
        # Phases that only follow the clock (native accounts), and pruning, need a write of their own.
        settled = _pruned([_settle(e, now) for e in self._entries], now)
        if settled != self._entries:
            self._entries = settled
            self._save(now)
        # Each step makes progress or sets a retry time in the future, so this ends; the bound is a guard.
        for _ in range(100 * (1 + sum(len(e.progress) for e in self._entries))):
            item = self._next_due(now)
            if item is None:
                break
            events.extend(self._step(*item, now))
        return events

    def _next_due(self, now: datetime) -> tuple[ScheduleEntry, AccountProgress] | None:
        best: tuple[tuple[datetime, int, datetime, str, int], ScheduleEntry, AccountProgress] | None = None
        for entry in self._entries:
            if entry.phase.finished:
                continue
            for index, p in enumerate(entry.progress):
                due = _due(entry, p, now)
                if due is None or due > now:
                    continue
                # At one instant, ends go before starts: the next change reads the restored state.
                ending = 0 if p.step in (Step.APPLIED, Step.RESTORING) else 1
                key = (due, ending, entry.start, entry.id, index)
                if best is None or key < best[0]:
                    best = (key, entry, p)
        return None if best is None else (best[1], best[2])

    def _step(self, entry: ScheduleEntry, p: AccountProgress, now: datetime) -> list[ScheduleEvent]:
        if p.step in (Step.APPLIED, Step.RESTORING):
            return self._restore(entry, p, now)
        if _too_late(entry, p, now):
            return self._window_over(entry, p, now)
        return self._apply(entry, p, now)

    def _apply(self, entry: ScheduleEntry, p: AccountProgress, now: datetime) -> list[ScheduleEvent]:
        what = entry.change.describe()
        if p.native:
            if p.previous is None and p.applied is None:
                # Not needed for the hand-over, only to end the change early ("End now"): best effort.
                try:
                    p = replace(p, previous=self._port.read(p.account))
                except Exception as exc:
                    log.info("could not read %s before handing over '%s': %s", p.account, what, exc)
            change = replace(entry.change, start=entry.start, end=entry.end)
            try:
                applied = self._port.apply(p.account, change)
            except Exception as exc:
                return self._failure(entry, p, exc, now, doing=f"hand over '{what}'")
            note = f"{p.account}: '{what}' was handed to the service with its start and end."
            self._set(entry.id, _ok(p, Step.NATIVE, note, applied=applied), now)
            return [ScheduleEvent(entry.id, p.account, APPLIED, note)]
        previous = p.previous
        if previous is None:
            try:
                previous = self._port.read(p.account)
            except Exception as exc:
                return self._failure(entry, p, exc, now, doing=f"set '{what}'")
        # Intent first: after a crash from here on, the next tick applies again (harmless) and the
        # captured previous state survives.
        p = replace(p, step=Step.APPLYING, previous=previous)
        self._set(entry.id, p, now)
        try:
            applied = self._port.apply(p.account, replace(entry.change, start=None, end=None))
        except Exception as exc:
            return self._failure(entry, p, exc, now, doing=f"set '{what}'")
        until = f" until {_local(entry.end, now)}" if entry.end is not None else ""
        note = f"{p.account}: '{what}' is set{until}."
        self._set(entry.id, _ok(p, Step.APPLIED, note, applied=applied), now)
        return [ScheduleEvent(entry.id, p.account, APPLIED, note)]

    def _restore(self, entry: ScheduleEntry, p: AccountProgress, now: datetime) -> list[ScheduleEvent]:
        what = entry.change.describe()
        doing = f"put back the status from before '{what}'"
        previous = p.previous
        if previous is None:  # cannot happen through this module; never invent a state to restore
            note = f"{p.account}: nothing was recorded to put back after '{what}'."
            self._set(entry.id, _ok(p, Step.FAILED, note), now)
            return [ScheduleEvent(entry.id, p.account, FAILED, note)]
        try:
            current = self._port.read(p.account)
        except Exception as exc:
            return self._failure(entry, p, exc, now, doing=doing)
        target = _restorable(previous)
        back = "the previous status is back" if target is previous else _CLEARED_INSTEAD
        if p.step is Step.APPLIED:
            by_hand = current.source != "internal"  # a call or meeting showing now is the service's doing
            if by_hand and p.applied is not None and not _same(current, p.applied, _fields(entry.change)):
                note = f"{p.account}: the status was changed by hand after '{what}' was set, so it was kept."
                self._set(entry.id, _ok(p, Step.KEPT, note), now)
                return [ScheduleEvent(entry.id, p.account, KEPT, note)]
            p = replace(p, step=Step.RESTORING)
            self._set(entry.id, p, now)  # intent first
        elif _same(current, target, _ALL_FIELDS):
            # A restore sent before a crash (or a timeout) did arrive: do not send it twice.
            note = f"{p.account}: '{what}' ended; {back}."
            self._set(entry.id, _ok(p, Step.RESTORED, note), now)
            return [ScheduleEvent(entry.id, p.account, RESTORED, note)]
        try:
            self._port.restore(p.account, target)
        except Exception as exc:
            return self._failure(entry, p, exc, now, doing=doing)
        note = f"{p.account}: '{what}' ended; {back}."
        self._set(entry.id, _ok(p, Step.RESTORED, note), now)
        return [ScheduleEvent(entry.id, p.account, RESTORED, note)]

    def _window_over(self, entry: ScheduleEntry, p: AccountProgress, now: datetime) -> list[ScheduleEvent]:
        """The time to apply has passed and the service never confirmed the change."""
        what = entry.change.describe()
        if p.carried is not None and not p.native:
            # The superseded change is still showing: treat it as ours so the end puts back the state
            # from before both (the next loop iteration does the restore).
            self._set(entry.id, _fresh(p, Step.APPLIED, p.carried), now)
            return []
        if p.step is Step.PENDING and p.attempts == 0:
            span = _local(entry.start, now) + (f"–{_local(entry.end, now)}" if entry.end else "")
            note = f"{p.account}: '{what}' ({span}) was missed while the app was not running; not replayed."
            self._set(entry.id, _ok(p, Step.MISSED, note), now)
            return [ScheduleEvent(entry.id, p.account, MISSED, note)]
        if p.step is Step.APPLYING and not p.native:
            # The apply may have landed (crash or timeout after sending): look before deciding.
            try:
                current = self._port.read(p.account)
            except Exception as exc:
                note = (
                    f"{p.account}: could not set '{what}' before its end, and could not check what the "
                    f"service shows now ({exc}). Please check your status."
                )
                self._set(entry.id, _ok(p, Step.FAILED, note), now)
                return [ScheduleEvent(entry.id, p.account, FAILED, note)]
            if _looks_applied(current, entry.change):
                self._set(entry.id, _fresh(p, Step.APPLIED, current), now)
                return []
            if not p.error:
                note = f"{p.account}: '{what}' was interrupted before the service took it; nothing to undo."
                self._set(entry.id, _ok(p, Step.SKIPPED, note), now)
                return [ScheduleEvent(entry.id, p.account, FAILED, note)]
        note = f"{p.account}: could not set '{what}' in time: {p.error or 'no answer from the service.'}"
        self._set(entry.id, _ok(p, Step.FAILED, note), now)
        return [ScheduleEvent(entry.id, p.account, FAILED, note)]

    def _failure(
        self, entry: ScheduleEntry, p: AccountProgress, exc: Exception, now: datetime, *, doing: str
    ) -> list[ScheduleEvent]:
        """Rate limits and outages are retried (step unchanged); anything else fails the account."""
        if isinstance(exc, RateLimited):
            delay = timedelta(seconds=exc.retry_after) if exc.retry_after else DEFAULT_RATE_LIMIT_WAIT
        elif isinstance(exc, ServiceUnavailable):
            delay = min(BACKOFF_FIRST * (2 ** min(p.attempts, 10)), BACKOFF_MAX)
        else:
            if not isinstance(exc, TrayAppError):
                log.error("unexpected error while trying to %s on %s", doing, p.account, exc_info=exc)
            return self._give_up(entry, p, f"{exc}" if str(exc) else type(exc).__name__, now, doing=doing)
        since = p.since or now
        if p.step in (Step.APPLIED, Step.RESTORING) and now - since >= RESTORE_RETRY_FOR:
            return self._give_up(entry, p, str(exc), now, doing=doing)
        retry_at = now + max(delay, timedelta(seconds=1))
        note = f"{p.account}: could not {doing}: {exc} Trying again at {_local(retry_at, now, seconds=True)}."
        p = replace(p, attempts=p.attempts + 1, retry_at=retry_at, since=since, error=str(exc), note=note)
        self._set(entry.id, p, now)
        return [ScheduleEvent(entry.id, p.account, RETRYING, note)]

    def _give_up(
        self, entry: ScheduleEntry, p: AccountProgress, error: str, now: datetime, *, doing: str
    ) -> list[ScheduleEvent]:
        note = f"{p.account}: could not {doing}: {error}"
        if p.step is Step.PENDING and p.carried is not None and not p.native:
            # The superseded change stays on the service; still put back the older state at the end.
            note += " The previous change stays until the end."
            self._set(entry.id, replace(_fresh(p, Step.APPLIED, p.carried), note=note), now)
        else:
            self._set(entry.id, _ok(p, Step.FAILED, note, error=error), now)
        return [ScheduleEvent(entry.id, p.account, FAILED, note)]


# ---- pure helpers ------------------------------------------------------------------------------


def _ok(
    p: AccountProgress, step: Step, note: str, *, applied: CurrentStatus | None = None, error: str = ""
) -> AccountProgress:
    return replace(
        p,
        step=step,
        applied=applied if applied is not None else p.applied,
        attempts=0 if not error else p.attempts,
        retry_at=None,
        since=None,
        error=error,
        note=note,
    )


def _pruned(entries: list[ScheduleEntry], now: datetime) -> list[ScheduleEntry]:
    cutoff = now - KEEP_FINISHED
    return [e for e in entries if not (e.phase.finished and e.finished is not None and e.finished < cutoff)]


def _fresh(p: AccountProgress, step: Step, applied: CurrentStatus | None) -> AccountProgress:
    """A new step with the failure bookkeeping of the previous one cleared."""
    return replace(p, step=step, applied=applied, attempts=0, retry_at=None, since=None, error="")


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc)


def _overlaps(a_start: datetime, a_end: datetime | None, b_start: datetime, b_end: datetime | None) -> bool:
    return a_start < (b_end or b_start + _POINT) and b_start < (a_end or a_start + _POINT)


def _apply_deadline(entry: ScheduleEntry, p: AccountProgress) -> datetime | None:
    """After this instant an unconfirmed change is no longer sent."""
    if entry.end is not None:
        return entry.end
    if p.attempts > 0:
        return entry.start + OPEN_ENDED_RETRY_FOR
    return None  # an open-ended change whose start passed while the app was off is applied late


def _too_late(entry: ScheduleEntry, p: AccountProgress, now: datetime) -> bool:
    deadline = _apply_deadline(entry, p)
    return deadline is not None and now >= deadline


def _account_done(entry: ScheduleEntry, p: AccountProgress, now: datetime) -> bool:
    if p.step in _FINAL_STEPS:
        return True
    if p.step is Step.APPLIED:
        return entry.end is None
    if p.step is Step.NATIVE:
        return entry.end is None or now >= entry.end
    return False


def _due(entry: ScheduleEntry, p: AccountProgress, now: datetime) -> datetime | None:
    """When this account next needs a side effect (None: nothing more to do)."""
    if _account_done(entry, p, now) or p.step is Step.NATIVE:
        return None
    if p.step is Step.APPLIED:
        return p.retry_at or entry.end
    if p.step is Step.RESTORING:
        return p.retry_at or entry.end or now
    base = (entry.created or entry.start) if p.native else entry.start  # natives are handed over at once
    due = p.retry_at or base
    deadline = _apply_deadline(entry, p)
    return min(due, deadline) if deadline is not None else due


def _in_effect(entry: ScheduleEntry, p: AccountProgress | None, now: datetime) -> bool:
    if p is None:
        return False
    if p.step is Step.NATIVE:
        return entry.start <= now and (entry.end is None or now < entry.end)
    return p.step in (Step.APPLIED, Step.RESTORING)


def _settle(entry: ScheduleEntry, now: datetime) -> ScheduleEntry:
    """Derive the entry's phase and note from its accounts and the clock."""
    progress = entry.progress
    notes = " ".join(dict.fromkeys(p.note for p in progress if p.note))
    if all(_account_done(entry, p, now) for p in progress):
        steps = {p.step for p in progress}
        if entry.cancelled is not None:
            phase = Phase.CANCELLED
        elif steps & {Step.RESTORED, Step.KEPT, Step.APPLIED, Step.NATIVE}:
            phase = Phase.DONE
        elif steps & {Step.FAILED, Step.SKIPPED}:
            phase = Phase.FAILED
        elif Step.MISSED in steps:
            phase = Phase.MISSED
        elif Step.SUPERSEDED in steps:
            phase = Phase.SUPERSEDED
        else:
            phase = Phase.CANCELLED
        finished = entry.finished if entry.phase.finished and entry.finished else now
        return replace(entry, phase=phase, note=notes, finished=finished)
    phase = Phase.ACTIVE if any(_in_effect(entry, p, now) for p in progress) else Phase.SCHEDULED
    return replace(entry, phase=phase, note=notes, finished=None)


_ALL_FIELDS = ("availability", "status", "message")
_CLEARED_INSTEAD = (
    "the status was cleared, not set back by hand to what a calendar or a call had shown "
    "(the service shows that itself while it lasts)"
)


def _restorable(previous: CurrentStatus) -> CurrentStatus:
    """What to put back: a status the service showed on its own (Rocket.Chat's calendar "busy", a call)
    would, set by hand, outlive the meeting; clear instead."""
    if previous.source in ("", "manual"):
        return previous
    return CurrentStatus(availability=Availability.AVAILABLE)


def _fields(change: StatusChange) -> tuple[str, ...]:
    """The fields a change sets: only those can tell a manual change from ours (a service may flip
    availability on its own, e.g. Rocket.Chat's idle away, while a custom status is showing)."""
    if change.kind is ChangeKind.AVAILABILITY:
        return ("availability", "message") if change.message is not None else ("availability",)
    return ("status", "message")


def _same(a: CurrentStatus, b: CurrentStatus, fields: Iterable[str]) -> bool:
    for name in fields:
        if name == "availability" and a.availability != b.availability:
            return False
        if name == "message" and (a.message or "") != (b.message or ""):
            return False
        if name == "status" and not _same_status(a, b):
            return False
    return True


def _same_status(a: CurrentStatus, b: CurrentStatus) -> bool:
    """Ids when both sides have one; otherwise names (a read-back may lack the id)."""
    if a.status_id and b.status_id:
        return a.status_id == b.status_id
    return (a.status_name or "").casefold() == (b.status_name or "").casefold()


def _looks_applied(current: CurrentStatus, change: StatusChange) -> bool:
    """Whether the service shows `change` (used only when an apply's outcome is unknown)."""
    if change.message is not None and (current.message or "") != change.message:
        return False
    if change.kind is ChangeKind.AVAILABILITY:
        return current.availability == change.availability
    if change.kind is ChangeKind.CLEAR:
        return not current.status_id and not current.status_name and not current.message
    if change.status is None:
        return False
    if current.status_id and change.status.id:
        return current.status_id == change.status.id
    return (current.status_name or "").casefold() == change.status.name.casefold()


def _local(moment: datetime | None, now: datetime, *, seconds: bool = False) -> str:
    return "" if moment is None else local_time(moment, now, seconds=seconds)


def read_entries(path: Path) -> list[ScheduleEntry]:
    """The entries for display, without any lock: writes are atomic renames, so a reader never sees
    half a file, and it never waits behind a tick that is talking to a slow server. A damaged file
    reads as empty here, and a damaged entry is skipped; the Scheduler itself sets them aside and
    reports it."""
    try:
        return _parse(atomic.read_json(path))[0]
    except (*_DAMAGE, ConfigError):
        return []


def active_entry(entries: Iterable[ScheduleEntry], account: str, now: datetime) -> ScheduleEntry | None:
    """The change in effect now for an account ("Now: X until 15:30")."""
    found = [e for e in entries if e.phase is Phase.ACTIVE and _in_effect(e, e.account(account), now)]
    return max(found, key=lambda e: (e.start, e.id), default=None)


def next_entry(entries: Iterable[ScheduleEntry], account: str, now: datetime) -> ScheduleEntry | None:
    """The next change waiting to start for an account ("Next: Y at Fri 09:00")."""
    found = [
        e
        for e in entries
        if e.phase is Phase.SCHEDULED
        and e.start > now
        and (p := e.account(account)) is not None
        and p.step in (Step.PENDING, Step.NATIVE)
    ]
    return min(found, key=lambda e: (e.start, e.id), default=None)


def _parse(raw: Any) -> tuple[list[ScheduleEntry], list[str]]:
    """The usable entries, and a description of each one left out."""
    if raw is None:
        return [], []
    if not isinstance(raw, dict):
        raise ValueError("not an object")
    version = raw.get("schema_version")
    if version != SCHEMA_VERSION:
        raise ValueError(f"unknown schema_version {version if isinstance(version, (int, str)) else '?'!r}")
    entries = raw["entries"]
    if not isinstance(entries, list):
        raise ValueError("entries is not a list")
    good: list[ScheduleEntry] = []
    bad: list[str] = []
    for position, item in enumerate(entries):
        try:
            good.append(ScheduleEntry.from_dict(item))
        except _DAMAGE:
            entry_id = item.get("id") if isinstance(item, dict) else None
            bad.append(f"scheduled change {atomic.label(entry_id, position)}")
    return good, bad


def _reason(exc: Exception) -> str:
    if "schema_version" in str(exc):
        return "written by another version"
    return atomic.reason(exc)


def _req_str(data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value:
        raise ValueError(f"{key} is not a string")
    return value


def _dump_opt_current(state: CurrentStatus | None) -> dict[str, Any] | None:
    return None if state is None else codec.dump_current(state)


def _load_opt_current(data: Any) -> CurrentStatus | None:
    return None if data is None else codec.load_current(data)
