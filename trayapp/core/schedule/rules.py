"""The schedule's pure rules: what overlaps, what is due when, which phase an entry is in, whether the
service shows our change. Values in, values out: no file, no clock, no service."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from trayapp.core.errors import RateLimited, ServiceUnavailable
from trayapp.core.models import Availability, ChangeKind, CurrentStatus, StatusChange
from trayapp.core.schedule.entry import FINAL_STEPS, AccountProgress, Phase, ScheduleEntry, Step

KEEP_FINISHED = timedelta(days=7)  # finished entries stay visible ("missed", "failed") this long
DEFAULT_RATE_LIMIT_WAIT = timedelta(seconds=60)  # 429 without Retry-After
BACKOFF_FIRST = timedelta(seconds=15)
BACKOFF_MAX = timedelta(minutes=5)
# Restores have no natural deadline (the end has passed already): keep trying this long, then report.
RESTORE_RETRY_FOR = timedelta(hours=1)
# An open-ended change that keeps failing stops being retried after this: "Lunch" hours late is wrong.
OPEN_ENDED_RETRY_FOR = timedelta(hours=1)
_POINT = timedelta(microseconds=1)  # an open-ended change occupies its start instant only
ALL_FIELDS = ("availability", "status", "message")


def overlaps(a_start: datetime, a_end: datetime | None, b_start: datetime, b_end: datetime | None) -> bool:
    return a_start < (b_end or b_start + _POINT) and b_start < (a_end or a_start + _POINT)


def apply_deadline(entry: ScheduleEntry, p: AccountProgress) -> datetime | None:
    """After this instant an unconfirmed change is no longer sent."""
    if entry.end is not None:
        return entry.end
    if p.attempts > 0:
        return entry.start + OPEN_ENDED_RETRY_FOR
    return None  # an open-ended change whose start passed while the app was off is applied late


def too_late(entry: ScheduleEntry, p: AccountProgress, now: datetime) -> bool:
    deadline = apply_deadline(entry, p)
    return deadline is not None and now >= deadline


def account_done(entry: ScheduleEntry, p: AccountProgress, now: datetime) -> bool:
    if p.step in FINAL_STEPS:
        return True
    if p.step is Step.APPLIED:
        return entry.end is None
    if p.step is Step.NATIVE:
        return entry.end is None or now >= entry.end
    return False


def due(entry: ScheduleEntry, p: AccountProgress, now: datetime) -> datetime | None:
    """When this account next needs a side effect (None: nothing more to do)."""
    if account_done(entry, p, now) or p.step is Step.NATIVE:
        return None
    if p.step is Step.APPLIED:
        return p.retry_at or entry.end
    if p.step is Step.RESTORING:
        return p.retry_at or entry.end or now
    base = (entry.created or entry.start) if p.native else entry.start  # natives are handed over at once
    when = p.retry_at or base
    deadline = apply_deadline(entry, p)
    return min(when, deadline) if deadline is not None else when


def in_effect(entry: ScheduleEntry, p: AccountProgress | None, now: datetime) -> bool:
    if p is None:
        return False
    if p.step is Step.NATIVE:
        return entry.start <= now and (entry.end is None or now < entry.end)
    return p.step in (Step.APPLIED, Step.RESTORING)


def settle(entry: ScheduleEntry, now: datetime) -> ScheduleEntry:
    """Derive the entry's phase and note from its accounts and the clock."""
    progress = entry.progress
    notes = " ".join(dict.fromkeys(p.note for p in progress if p.note))
    if all(account_done(entry, p, now) for p in progress):
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
    phase = Phase.ACTIVE if any(in_effect(entry, p, now) for p in progress) else Phase.SCHEDULED
    return replace(entry, phase=phase, note=notes, finished=None)


def pruned(entries: list[ScheduleEntry], now: datetime) -> list[ScheduleEntry]:
    cutoff = now - KEEP_FINISHED
    return [e for e in entries if not (e.phase.finished and e.finished is not None and e.finished < cutoff)]


def retry_delay(exc: Exception, attempts: int) -> timedelta | None:
    """How long to wait before trying again after `exc` (None: not worth retrying). Rate limits and
    outages are retried; anything else fails the account."""
    if isinstance(exc, RateLimited):
        delay = timedelta(seconds=exc.retry_after) if exc.retry_after else DEFAULT_RATE_LIMIT_WAIT
    elif isinstance(exc, ServiceUnavailable):
        delay = min(BACKOFF_FIRST * (2 ** min(attempts, 10)), BACKOFF_MAX)
    else:
        return None
    return max(delay, timedelta(seconds=1))


def recorded(
    p: AccountProgress, step: Step, note: str, *, applied: CurrentStatus | None = None, error: str = ""
) -> AccountProgress:
    """The account's progress once a step's outcome is known (a success clears the failure count)."""
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


def fresh(p: AccountProgress, step: Step, applied: CurrentStatus | None) -> AccountProgress:
    """A new step with the failure bookkeeping of the previous one cleared."""
    return replace(p, step=step, applied=applied, attempts=0, retry_at=None, since=None, error="")


def restorable(previous: CurrentStatus) -> CurrentStatus:
    """What to put back: a status the service showed on its own (Rocket.Chat's calendar "busy", a call)
    would, set by hand, outlive the meeting; clear instead."""
    if previous.source in ("", "manual"):
        return previous
    return CurrentStatus(availability=Availability.AVAILABLE)


def changed_fields(change: StatusChange) -> tuple[str, ...]:
    """The fields a change sets: only those can tell a manual change from ours (a service may flip
    availability on its own, e.g. Rocket.Chat's idle away, while a custom status is showing)."""
    if change.kind is ChangeKind.AVAILABILITY:
        return ("availability", "message") if change.message is not None else ("availability",)
    return ("status", "message")


def same(a: CurrentStatus, b: CurrentStatus, fields: Iterable[str]) -> bool:
    for name in fields:
        if name == "availability" and a.availability != b.availability:
            return False
        if name == "message" and (a.message or "") != (b.message or ""):
            return False
        if name == "status" and not same_status(a, b):
            return False
    return True


def same_status(a: CurrentStatus, b: CurrentStatus) -> bool:
    """Ids when both sides have one; otherwise names (a read-back may lack the id)."""
    if a.status_id and b.status_id:
        return a.status_id == b.status_id
    return (a.status_name or "").casefold() == (b.status_name or "").casefold()


def looks_applied(current: CurrentStatus, change: StatusChange) -> bool:
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


def active_entry(entries: Iterable[ScheduleEntry], account: str, now: datetime) -> ScheduleEntry | None:
    """The change in effect now for an account ("Now: X until 15:30")."""
    found = [e for e in entries if e.phase is Phase.ACTIVE and in_effect(e, e.account(account), now)]
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
