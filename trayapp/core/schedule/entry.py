"""One timed change, how far each account has got with it, and its JSON form in the schedule file.

Loading raises on anything a hand edit can break; the store then leaves that entry out."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from trayapp.core import codec
from trayapp.core.models import CurrentStatus, StatusChange


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


FINAL_STEPS = frozenset(
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
    change: StatusChange | None = None  # this account's own change (a preset), else the entry's

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
            "change": None if self.change is None else codec.dump_change(self.change),
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
            change=None if data.get("change") is None else codec.load_change(data["change"]),
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
    label: str = ""  # what it is called when it is not its change's description (a preset: "🍔 Lunch")

    def account(self, name: str) -> AccountProgress | None:
        return next((p for p in self.progress if p.account == name), None)

    @property
    def what(self) -> str:
        """How the change is named in every sentence: the preset's label, else the change described."""
        return self.label or self.change.describe()

    def change_for(self, name: str) -> StatusChange:
        """The change this account gets: its own (a preset gives each account its part), else the
        entry's, with the entry's start and end."""
        p = self.account(name)
        if p is None or p.change is None:
            return self.change
        return replace(p.change, start=self.change.start, end=self.change.end)

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
        times = [p.retry_at for p in self.progress if p.retry_at is not None and p.step not in FINAL_STEPS]
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
            "label": self.label,
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
            label=str(data.get("label") or ""),
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


def _req_str(data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value:
        raise ValueError(f"{key} is not a string")
    return value


def _dump_opt_current(state: CurrentStatus | None) -> dict[str, Any] | None:
    return None if state is None else codec.dump_current(state)


def _load_opt_current(data: Any) -> CurrentStatus | None:
    return None if data is None else codec.load_current(data)
