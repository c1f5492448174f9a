"""Start and end times for services that cannot store them: the clock-driven state machine.

Every side effect goes through a `StatusPort` and every "now" comes from the injected clock, so the
whole thing is tested with a fake clock and a fake port, without sleeping. Its parts live in
`trayapp.core.schedule`: the entries (entry), the file shared by processes (store) and the pure rules
(rules); this module is also where callers import them from.

Crash safety (kill -9 at any point): the per-account step is written *before* each side effect
("applying", "restoring") and again after it. On the next tick an "applying" account is applied
again (harmless), a "restoring" one is restored unless the service already shows the captured state,
and an account that was never applied is never restored. The state in place before a change is read
and stored before the apply intent is written, so a re-apply never captures our own change as the
"previous" state.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Protocol

from trayapp.core.errors import InputError, TrayAppError
from trayapp.core.i18n import N_, _
from trayapp.core.models import Availability, CurrentStatus, StatusChange
from trayapp.core.schedule import rules
from trayapp.core.schedule.entry import (
    APPLIED,
    CANCELLED,
    EXTENDED,
    FAILED,
    KEPT,
    MISSED,
    RESTORED,
    RETRYING,
    SUPERSEDED,
    AccountProgress,
    Phase,
    ScheduleEntry,
    ScheduleEvent,
    Step,
)
from trayapp.core.schedule.rules import KEEP_FINISHED, active_entry, next_entry
from trayapp.core.schedule.store import ScheduleFile, read_entries
from trayapp.core.timetext import local_time

__all__ = [
    "APPLIED",
    "CANCELLED",
    "EXTENDED",
    "FAILED",
    "KEEP_FINISHED",
    "KEPT",
    "MISSED",
    "RESTORED",
    "RETRYING",
    "SUPERSEDED",
    "AccountProgress",
    "Phase",
    "ScheduleEntry",
    "ScheduleEvent",
    "Scheduler",
    "StatusPort",
    "Step",
    "active_entry",
    "next_entry",
    "read_entries",
]

log = logging.getLogger("trayapp.scheduler")


class StatusPort(Protocol):
    """The scheduler's only door to the services. Every method may raise TrayAppError subclasses."""

    def read(self, account: str) -> CurrentStatus: ...

    def apply(self, account: str, change: StatusChange) -> CurrentStatus: ...

    def restore(self, account: str, state: CurrentStatus) -> None: ...

    def native_schedule(self, account: str) -> bool: ...


class Scheduler:
    """The clock-driven state machine over the schedule file.

    Mutations (add, cancel, end_now, extend) also carry out whatever is due right away, so the CLI
    works without a running tray; their events are returned by the next tick().
    Calls may block on the service and on another process's lock: call from a worker thread.
    """

    def __init__(self, path: Path, port: StatusPort, clock: Callable[[], datetime]) -> None:
        self.path = path
        self._file = ScheduleFile(path)
        self._port = port
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: list[ScheduleEntry] = []
        self._events: list[ScheduleEvent] = []
        with self._lock, self._file.locked():
            self._load()

    @property
    def warnings(self) -> list[str]:
        """What was set aside from the schedule file, one sentence each."""
        return self._file.warnings

    @property
    def warning(self) -> str:
        return self._file.warning

    # ---- public API -------------------------------------------------------------------------

    def entries(self) -> list[ScheduleEntry]:
        with self._lock:
            self._refresh()
            return sorted(self._entries, key=lambda e: (e.start, e.id))

    def add(
        self,
        accounts: Sequence[str],
        change: StatusChange,
        *,
        per_account: Mapping[str, StatusChange] | None = None,
        label: str = "",
    ) -> tuple[ScheduleEntry, list[ScheduleEntry]]:
        """Record a change (start default now) and supersede overlapping ones for the same accounts.
        `per_account` gives accounts their own change instead (a preset; `change` then carries the
        times), and `label` names the entry in every sentence."""
        names = tuple(dict.fromkeys(a for a in accounts))
        own = dict(per_account or {})
        if not names:
            raise InputError(_("Choose at least one account for the change."))
        for moment in (change.start, change.end):
            if moment is not None and moment.tzinfo is None:
                raise InputError(_("Start and end times need a time zone."))
        native = {name: self._port.native_schedule(name) for name in names}
        with self._lock, self._file.locked():
            self._load()
            now = self._now()
            start = _utc(change.start) if change.start is not None else now
            end = _utc(change.end) if change.end is not None else None
            if end is not None and end <= start:
                raise InputError(_("The end time must be after the start time."))
            if end is not None and end <= now:
                raise InputError(_("The end time has already passed."))
            entry_id = self._new_id()
            what = label or change.describe()
            superseded, carried = self._supersede(names, start, end, what, now)
            progress = []
            for name in names:
                previous, state = carried.get(name, (None, None))
                mine = own.get(name)
                if mine is not None:
                    mine = replace(mine, start=None, end=None)
                progress.append(
                    AccountProgress(
                        name, native=native[name], previous=previous, carried=state, change=mine
                    )
                )
            entry = ScheduleEntry(
                id=entry_id,
                accounts=names,
                change=replace(change, start=start, end=end),
                start=start,
                end=end,
                phase=Phase.SCHEDULED,
                progress=tuple(progress),
                created=now,
                label=label,
            )
            self._entries.append(rules.settle(entry, now))
            self._save(now)
            self._events.extend(self._run_due(now))
            return self._get(entry_id), [self._get(e) for e in superseded]

    def cancel(self, entry_id: str) -> ScheduleEntry:
        """Scheduled → cancelled; active → ended now (the previous state is put back). Idempotent."""
        with self._lock, self._file.locked():
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
        with self._lock, self._file.locked():
            self._load()
            now = self._now()
            entry = self._get(entry_id)
            if entry.phase.finished:
                return entry
            if entry.phase is Phase.SCHEDULED:
                raise InputError(
                    _("'{what}' has not started yet; cancel it instead.").format(what=entry.what)
                )
            self._end_early(entry, now, cancel=False)
            self._events.extend(self._run_due(now))
            return self._get(entry_id)

    def extend(self, entry_id: str, delta: timedelta) -> ScheduleEntry:
        with self._lock, self._file.locked():
            self._load()
            now = self._now()
            entry = self._get(entry_id)
            if entry.phase.finished:
                raise InputError(_("'{what}' has already ended.").format(what=entry.what))
            if entry.end is None:
                raise InputError(_("'{what}' has no end time to move.").format(what=entry.what))
            if any(p.step is Step.RESTORING for p in entry.progress):
                raise InputError(_("'{what}' is already being ended.").format(what=entry.what))
            end = entry.end + delta
            if end <= entry.start or end <= now:
                raise InputError(_("The new end time must be in the future and after the start."))
            live = {p.account for p in entry.progress if not rules.account_done(entry, p, now)}
            for other in self._entries:
                if other.id == entry.id or other.phase.finished:
                    continue
                shared = live & {p.account for p in other.progress if not rules.account_done(other, p, now)}
                if shared and rules.overlaps(entry.start, end, other.start, other.end):
                    raise InputError(
                        _("That would overlap '{other}' on {accounts}; cancel that one first.").format(
                            other=other.what, accounts=", ".join(sorted(shared))
                        )
                    )
            what = entry.what
            note = _("'{what}' now lasts until {time}.").format(what=what, time=_local(end, now))
            progress = []
            for p in entry.progress:
                if p.account not in live:
                    progress.append(p)
                elif p.native and p.step is Step.NATIVE:
                    # The service keeps its own end: hand the change over again with the new one.
                    progress.append(
                        replace(rules.fresh(p, Step.PENDING, p.applied), note=f"{p.account}: {note}")
                    )
                else:
                    progress.append(replace(p, note=f"{p.account}: {note}"))
            change = replace(entry.change, end=end)
            self._put(rules.settle(replace(entry, end=end, change=change, progress=tuple(progress)), now))
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

    def release(self, accounts: Sequence[str], change: StatusChange, label: str = "") -> list[ScheduleEntry]:
        """The user set `change` through trayapp, now: the timed changes running on these accounts end
        without putting anything back, as a new status replaces the old one's expiry in Slack. Changes
        still to start, and other accounts of the same entry, keep theirs. Returns the entries touched."""
        names = set(accounts)
        with self._lock, self._file.locked():
            self._load()
            now = self._now()
            touched: list[str] = []
            for entry in list(self._entries):
                if entry.phase.finished or entry.start > now:
                    continue
                what = entry.what
                progress = []
                for p in entry.progress:
                    if p.account not in names or rules.account_done(entry, p, now):
                        progress.append(p)
                        continue
                    note = f"{p.account}: " + _("'{what}' was replaced by '{other}'.").format(
                        what=what, other=label or change.describe()
                    )
                    progress.append(replace(p, step=Step.SUPERSEDED, retry_at=None, note=note))
                    self._events.append(ScheduleEvent(entry.id, p.account, SUPERSEDED, note))
                if tuple(progress) != entry.progress:
                    self._put(rules.settle(replace(entry, progress=tuple(progress)), now))
                    touched.append(entry.id)
            if touched:
                self._save(now)
            return [self._get(entry_id) for entry_id in touched]

    def forget_account(self, account: str) -> list[ScheduleEntry]:
        """The account is being removed: drop its part of every entry (an entry of that account alone
        goes), nothing put back (its credentials are gone) and nothing left to act later on a new
        account of the same name. Returns the entries that were still to run or running for it."""
        with self._lock, self._file.locked():
            self._load()
            now = self._now()
            cancelled: list[ScheduleEntry] = []
            kept: list[ScheduleEntry] = []
            for entry in self._entries:
                mine = entry.account(account)
                if mine is None and account not in entry.accounts:
                    kept.append(entry)
                    continue
                if not entry.phase.finished and (mine is None or not rules.account_done(entry, mine, now)):
                    cancelled.append(entry)
                names = tuple(a for a in entry.accounts if a != account)
                if names:
                    rest = tuple(p for p in entry.progress if p.account != account)
                    kept.append(rules.settle(replace(entry, accounts=names, progress=rest), now))
            self._events = [e for e in self._events if e.account != account]
            if kept != self._entries:
                self._entries = kept
                self._save(now)
            return cancelled

    def tick(self) -> list[ScheduleEvent]:
        """Do everything due at clock(), in order of time; persist after each step."""
        with self._lock, self._file.locked():
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
                    due = rules.due(entry, p, now)
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

    # ---- the entries in memory and in the file -----------------------------------------------

    def _now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the scheduler's clock must return timezone-aware datetimes")
        return now.astimezone(timezone.utc)

    def _refresh(self) -> None:
        entries = self._file.refresh()
        if entries is not None:
            self._entries = entries

    def _load(self) -> None:
        """Read the file (call under the file lock)."""
        self._entries = self._file.load()

    def _save(self, now: datetime) -> None:
        self._entries = rules.pruned(self._entries, now)
        self._file.save(self._entries)

    def _get(self, entry_id: str) -> ScheduleEntry:
        for entry in self._entries:
            if entry.id == entry_id:
                return entry
        raise InputError(_("There is no scheduled change with id '{id}'.").format(id=entry_id))

    def _put(self, entry: ScheduleEntry) -> None:
        self._entries = [entry if e.id == entry.id else e for e in self._entries]

    def _set(self, entry_id: str, progress: AccountProgress, now: datetime) -> ScheduleEntry:
        """Replace one account's progress and persist at once: each step is durable on its own."""
        entry = self._get(entry_id)
        updated = tuple(progress if p.account == progress.account else p for p in entry.progress)
        entry = rules.settle(replace(entry, progress=updated), now)
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
        names: tuple[str, ...],
        start: datetime,
        end: datetime | None,
        what: str,
        now: datetime,
    ) -> tuple[list[str], dict[str, tuple[CurrentStatus | None, CurrentStatus | None]]]:
        """Mark overlapping unfinished accounts superseded. Returns the touched entry ids and, per
        account, (state before, state in place) taken over from an applied entry, so the new entry's
        end restores the state from before both and the old one never restores."""
        touched: list[str] = []
        carried: dict[str, tuple[CurrentStatus | None, CurrentStatus | None]] = {}
        for entry in list(self._entries):
            if entry.phase.finished or not rules.overlaps(start, end, entry.start, entry.end):
                continue
            progress = []
            hit = False
            for p in entry.progress:
                if p.account not in names or rules.account_done(entry, p, now):
                    progress.append(p)
                    continue
                hit = True
                if p.step in (Step.APPLIED, Step.APPLYING, Step.RESTORING) and not p.native:
                    carried[p.account] = (p.previous, p.applied)
                elif p.step is Step.PENDING and p.carried is not None:
                    carried[p.account] = (p.previous, p.carried)
                note = f"{p.account}: " + _("replaced by '{what}'.").format(what=what)
                if p.native and p.step is Step.NATIVE:
                    kept = _("replaced by '{what}'; the service keeps its own copy.").format(what=what)
                    note = f"{p.account}: {kept}"
                progress.append(replace(p, step=Step.SUPERSEDED, retry_at=None, note=note))
                self._events.append(ScheduleEvent(entry.id, p.account, SUPERSEDED, note))
            if hit:
                self._put(rules.settle(replace(entry, progress=tuple(progress)), now))
                touched.append(entry.id)
        return touched, carried

    def _end_early(self, entry: ScheduleEntry, now: datetime, *, cancel: bool) -> None:
        what = entry.what
        progress = []
        ending = False
        for p in entry.progress:
            if rules.account_done(entry, p, now):
                progress.append(p)
            elif p.native and p.step is Step.NATIVE and rules.in_effect(entry, p, now):
                # The service keeps its own copy and cannot delete it: post what should follow, as the
                # restore at a normal end does (the state read before the hand-over, else plain Available).
                previous = p.previous or CurrentStatus(availability=Availability.AVAILABLE)
                progress.append(replace(rules.fresh(p, Step.APPLIED, p.applied), previous=previous))
                ending = True
            elif p.native:
                note = f"{p.account}: " + _("'{what}' was cancelled.").format(what=what)
                if p.step is Step.NATIVE:
                    note = f"{p.account}: " + _(
                        "the service keeps its own copy of '{what}'; remove it there."
                    ).format(what=what)
                progress.append(replace(p, step=Step.CANCELLED, retry_at=None, note=note))
                self._events.append(ScheduleEvent(entry.id, p.account, CANCELLED, note))
            elif p.step in (Step.APPLIED, Step.APPLYING, Step.RESTORING):
                progress.append(p)
                ending = True
            elif p.carried is not None:
                # A superseded change is still showing on the service: put back what was there before it.
                progress.append(rules.fresh(p, Step.APPLIED, p.carried))
                ending = True
            else:
                note = f"{p.account}: " + _("'{what}' was cancelled.").format(what=what)
                progress.append(replace(p, step=Step.CANCELLED, retry_at=None, note=note))
                self._events.append(ScheduleEvent(entry.id, p.account, CANCELLED, note))
        updated = replace(entry, progress=tuple(progress), cancelled=now if cancel else entry.cancelled)
        if ending:
            end = now if entry.end is None else min(entry.end, now)
            updated = replace(updated, end=end, change=replace(entry.change, end=end))
        self._put(rules.settle(updated, now))
        self._save(now)

    # ---- the state machine --------------------------------------------------------------------

    def _read_before(self, account: str) -> CurrentStatus:
        """The state to put back at the end: a port may know that what shows now is only an automatic
        status (away while locked) and give the state from before it (`read_before`)."""
        read_before = getattr(self._port, "read_before", None)
        state: CurrentStatus = read_before(account) if read_before is not None else self._port.read(account)
        return state

    def _run_due(self, now: datetime) -> list[ScheduleEvent]:
        events: list[ScheduleEvent] = []
        # Phases that only follow the clock (native accounts), and pruning, need a write of their own.
        settled = rules.pruned([rules.settle(e, now) for e in self._entries], now)
        if settled != self._entries:
            self._entries = settled
            self._save(now)
        # Each step makes progress or sets a retry time in the future, so this ends; the bound is a guard.
        for _step in range(100 * (1 + sum(len(e.progress) for e in self._entries))):
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
                due = rules.due(entry, p, now)
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
        if rules.too_late(entry, p, now):
            return self._window_over(entry, p, now)
        return self._apply(entry, p, now)

    def _apply(self, entry: ScheduleEntry, p: AccountProgress, now: datetime) -> list[ScheduleEvent]:
        what = entry.what
        if p.native:
            if p.previous is None and p.applied is None:
                # Not needed for the hand-over, only to end the change early ("End now"): best effort.
                try:
                    p = replace(p, previous=self._read_before(p.account))
                except Exception as exc:
                    log.info("could not read %s before handing over '%s': %s", p.account, what, exc)
            change = replace(entry.change_for(p.account), start=entry.start, end=entry.end)
            try:
                applied = self._port.apply(p.account, change)
            except Exception as exc:
                return self._failure(entry, p, exc, now, doing=_("hand over '{what}'").format(what=what))
            note = f"{p.account}: " + _("'{what}' was handed to the service with its start and end.").format(
                what=what
            )
            self._set(entry.id, rules.recorded(p, Step.NATIVE, note, applied=applied), now)
            return [ScheduleEvent(entry.id, p.account, APPLIED, note)]
        previous = p.previous
        if previous is None:
            try:
                previous = self._read_before(p.account)
            except Exception as exc:
                return self._failure(entry, p, exc, now, doing=_("set '{what}'").format(what=what))
        # Intent first: after a crash from here on, the next tick applies again (harmless) and the
        # captured previous state survives.
        p = replace(p, step=Step.APPLYING, previous=previous)
        self._set(entry.id, p, now)
        try:
            applied = self._port.apply(p.account, replace(entry.change_for(p.account), start=None, end=None))
        except Exception as exc:
            return self._failure(entry, p, exc, now, doing=_("set '{what}'").format(what=what))
        if entry.end is not None:
            note = _("'{what}' is set until {time}.").format(what=what, time=_local(entry.end, now))
        else:
            note = _("'{what}' is set.").format(what=what)
        note = f"{p.account}: {note}"
        self._set(entry.id, rules.recorded(p, Step.APPLIED, note, applied=applied), now)
        return [ScheduleEvent(entry.id, p.account, APPLIED, note)]

    def _restore(self, entry: ScheduleEntry, p: AccountProgress, now: datetime) -> list[ScheduleEvent]:
        what = entry.what
        doing = _("put back the status from before '{what}'").format(what=what)
        previous = p.previous
        if previous is None:  # cannot happen through this module; never invent a state to restore
            note = f"{p.account}: " + _("nothing was recorded to put back after '{what}'.").format(what=what)
            self._set(entry.id, rules.recorded(p, Step.FAILED, note), now)
            return [ScheduleEvent(entry.id, p.account, FAILED, note)]
        try:
            current = self._port.read(p.account)
        except Exception as exc:
            return self._failure(entry, p, exc, now, doing=doing)
        target = rules.restorable(previous)
        back = _("the previous status is back") if target is previous else _(_CLEARED_INSTEAD)
        if p.step is Step.APPLIED:
            by_hand = current.source != "internal"  # a call or meeting showing now is the service's doing
            if (
                by_hand
                and p.applied is not None
                and not rules.same(current, p.applied, rules.changed_fields(entry.change_for(p.account)))
            ):
                note = f"{p.account}: " + _(
                    "the status was changed by hand after '{what}' was set, so it was kept."
                ).format(what=what)
                self._set(entry.id, rules.recorded(p, Step.KEPT, note), now)
                return [ScheduleEvent(entry.id, p.account, KEPT, note)]
            p = replace(p, step=Step.RESTORING)
            self._set(entry.id, p, now)  # intent first
        elif rules.same(current, target, rules.ALL_FIELDS):
            # A restore sent before a crash (or a timeout) did arrive: do not send it twice.
            note = f"{p.account}: " + _("'{what}' ended; {back}.").format(what=what, back=back)
            self._set(entry.id, rules.recorded(p, Step.RESTORED, note), now)
            return [ScheduleEvent(entry.id, p.account, RESTORED, note)]
        try:
            self._port.restore(p.account, target)
        except Exception as exc:
            return self._failure(entry, p, exc, now, doing=doing)
        note = f"{p.account}: " + _("'{what}' ended; {back}.").format(what=what, back=back)
        self._set(entry.id, rules.recorded(p, Step.RESTORED, note), now)
        return [ScheduleEvent(entry.id, p.account, RESTORED, note)]

    def _window_over(self, entry: ScheduleEntry, p: AccountProgress, now: datetime) -> list[ScheduleEvent]:
        """The time to apply has passed and the service never confirmed the change."""
        what = entry.what
        if p.carried is not None and not p.native:
            # The superseded change is still showing: treat it as ours so the end puts back the state
            # from before both (the next loop iteration does the restore).
            self._set(entry.id, rules.fresh(p, Step.APPLIED, p.carried), now)
            return []
        if p.step is Step.PENDING and p.attempts == 0:
            span = _local(entry.start, now) + (f"–{_local(entry.end, now)}" if entry.end else "")
            note = f"{p.account}: " + _(
                "'{what}' ({span}) was missed while the app was not running; not replayed."
            ).format(what=what, span=span)
            self._set(entry.id, rules.recorded(p, Step.MISSED, note), now)
            return [ScheduleEvent(entry.id, p.account, MISSED, note)]
        if p.step is Step.APPLYING and not p.native:
            # The apply may have landed (crash or timeout after sending): look before deciding.
            try:
                current = self._port.read(p.account)
            except Exception as exc:
                note = f"{p.account}: " + _(
                    "could not set '{what}' before its end, and could not check what the service shows "
                    "now ({error}). Please check your status."
                ).format(what=what, error=exc)
                self._set(entry.id, rules.recorded(p, Step.FAILED, note), now)
                return [ScheduleEvent(entry.id, p.account, FAILED, note)]
            if rules.looks_applied(current, entry.change_for(p.account)):
                self._set(entry.id, rules.fresh(p, Step.APPLIED, current), now)
                return []
            if not p.error:
                note = f"{p.account}: " + _(
                    "'{what}' was interrupted before the service took it; nothing to undo."
                ).format(what=what)
                self._set(entry.id, rules.recorded(p, Step.SKIPPED, note), now)
                return [ScheduleEvent(entry.id, p.account, FAILED, note)]
        error = p.error or _("no answer from the service.")
        note = f"{p.account}: " + _("could not set '{what}' in time: {error}").format(what=what, error=error)
        self._set(entry.id, rules.recorded(p, Step.FAILED, note), now)
        return [ScheduleEvent(entry.id, p.account, FAILED, note)]

    def _failure(
        self, entry: ScheduleEntry, p: AccountProgress, exc: Exception, now: datetime, *, doing: str
    ) -> list[ScheduleEvent]:
        """Rate limits and outages are retried (step unchanged); anything else fails the account."""
        delay = rules.retry_delay(exc, p.attempts)
        if delay is None:
            if not isinstance(exc, TrayAppError):
                log.error("unexpected error while trying to %s on %s", doing, p.account, exc_info=exc)
            return self._give_up(entry, p, f"{exc}" if str(exc) else type(exc).__name__, now, doing=doing)
        since = p.since or now
        if p.step in (Step.APPLIED, Step.RESTORING) and now - since >= rules.RESTORE_RETRY_FOR:
            return self._give_up(entry, p, str(exc), now, doing=doing)
        retry_at = now + delay
        note = f"{p.account}: " + _("could not {doing}: {error} Trying again at {time}.").format(
            doing=doing, error=exc, time=_local(retry_at, now, seconds=True)
        )
        p = replace(p, attempts=p.attempts + 1, retry_at=retry_at, since=since, error=str(exc), note=note)
        self._set(entry.id, p, now)
        return [ScheduleEvent(entry.id, p.account, RETRYING, note)]

    def _give_up(
        self, entry: ScheduleEntry, p: AccountProgress, error: str, now: datetime, *, doing: str
    ) -> list[ScheduleEvent]:
        note = f"{p.account}: " + _("could not {doing}: {error}").format(doing=doing, error=error)
        if p.step is Step.PENDING and p.carried is not None and not p.native:
            # The superseded change stays on the service; still put back the older state at the end.
            note += " " + _("The previous change stays until the end.")
            self._set(entry.id, replace(rules.fresh(p, Step.APPLIED, p.carried), note=note), now)
        else:
            self._set(entry.id, rules.recorded(p, Step.FAILED, note, error=error), now)
        return [ScheduleEvent(entry.id, p.account, FAILED, note)]


# ---- sentences --------------------------------------------------------------------------------

_CLEARED_INSTEAD = N_(
    "the status was cleared, not set back by hand to what a calendar or a call had shown "
    "(the service shows that itself while it lasts)"
)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc)


def _local(moment: datetime | None, now: datetime, *, seconds: bool = False) -> str:
    return "" if moment is None else local_time(moment, now, seconds=seconds)
