"""Automatic status: the layers (calendar, lock, idle, repeat) and the per-account state machine that
applies the strongest one and, when none is left, puts back exactly what was there before.

Priorities, strongest first (written down in the README):

  1. the user's own change (by hand, or a timed change the user set): automation never overrides it;
     an automatic change the user replaces by hand is over at once and nothing is put back (told once);
  2. calendar: a busy event;
  3. screen lock / sleep, and idle (equal; the earlier one stays);
  4. repeating timed changes ("Lunch" every weekday).

Per account, the state before the first automatic layer (the baseline) is kept until no layer is left;
switching between layers (the meeting ends while the screen is still locked) applies the next layer and
keeps the baseline, so overlapping triggers never restore a state from between them.

Crash safety follows the scheduler's: the step is written before each side effect ("applying",
"restoring") and after it; an "applying" account is applied again, a "restoring" one is restored unless
the service already shows the target. Every "now" comes from the injected clock; every side effect goes
through the scheduler's StatusPort.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from trayapp.core import atomic, codec
from trayapp.core.auto.config import AWAY, AutoConfig
from trayapp.core.errors import TrayAppError
from trayapp.core.i18n import N_, _
from trayapp.core.models import Account, ChangeKind, CurrentStatus, StatusChange
from trayapp.core.schedule import rules
from trayapp.core.schedule.entry import (
    APPLIED,
    FAILED,
    KEPT,
    RESTORED,
    RETRYING,
    ScheduleEvent,
)
from trayapp.core.timetext import local_time

log = logging.getLogger("trayapp.auto")

SCHEMA_VERSION = 1


class Trigger(str, enum.Enum):
    CALENDAR = "calendar"
    LOCK = "lock"
    IDLE = "idle"
    REPEAT = "repeat"


# the trigger's name for people, in "Busy until 15:00 (calendar)"
_TRIGGER_WORDS = {
    Trigger.CALENDAR: N_("calendar"),
    Trigger.LOCK: N_("lock"),
    Trigger.IDLE: N_("idle"),
    Trigger.REPEAT: N_("repeat"),
}
_AUTOMATIC = N_("the automatic status")


PRIORITY = {Trigger.CALENDAR: 30, Trigger.LOCK: 20, Trigger.IDLE: 20, Trigger.REPEAT: 10}


@dataclass(frozen=True)
class Window:
    """A busy stretch of a calendar: its times only (never a title, place or attendee)."""

    start: datetime  # UTC
    end: datetime  # UTC


@dataclass(frozen=True)
class Layer:
    key: str  # one per occurrence: "lock", "idle", "calendar:work@<start>", "repeat:ab12@<start>"
    trigger: Trigger
    change: StatusChange
    since: datetime
    until: datetime | None = None  # known end (calendar, repeat)

    @property
    def occurrence(self) -> str:
        """This layer's one occurrence (a lock since 09:12), for what the user overrode: a later lock
        is a new one, even when no tick ran in between."""
        return self.key if "@" in self.key else f"{self.key}@{codec.dump_time(self.since)}"

    def label(self, now: datetime) -> str:
        """What the menu says: 'Away while locked', 'In a meeting until 15:00 (calendar)'."""
        change = self.change.describe()
        if self.trigger is Trigger.LOCK:
            return _("{change} while locked").format(change=change)
        if self.trigger is Trigger.IDLE:
            return _("{change} while idle").format(change=change)
        trigger = _(_TRIGGER_WORDS[self.trigger])
        if self.until is not None:
            return _("{change} until {end} ({trigger})").format(
                change=change, end=local_time(self.until, now), trigger=trigger
            )
        return _("{change} ({trigger})").format(change=change, trigger=trigger)


class Presence:
    """Whether the screen is locked (or the machine asleep) and whether the user is idle, as the
    listeners last said. Set from listener threads, read by the engine; `known` stays False until a
    listener has said anything (or none exists), so a restart while locked does not restore early."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._locked: datetime | None = None
        self._asleep: datetime | None = None
        self._idle: datetime | None = None
        self.known = False
        self.sources: tuple[str, ...] = ()  # which listeners run ("org.gnome.ScreenSaver", ...)
        self.idle_source: str | None = None  # where idle time comes from; "": nowhere; None: not known yet
        # Called once a tick that began after "asleep" was heard is done: the Away went out (or could
        # not), so the listener lets the suspend go on.
        self.on_settled: Callable[[], None] | None = None

    def set_locked(self, value: bool, now: datetime) -> bool:
        return self._set("_locked", value, now)

    def set_asleep(self, value: bool, now: datetime) -> bool:
        return self._set("_asleep", value, now)

    def set_idle(self, value: bool, now: datetime) -> bool:
        return self._set("_idle", value, now)

    def mark_known(self, sources: Sequence[str] = ()) -> None:
        with self._lock:
            self.known = True
            self.sources = tuple(sources)

    def mark_idle_source(self, name: str | None) -> None:
        with self._lock:
            self.idle_source = name

    def unheard(self, *, lock: bool, idle: bool) -> tuple[str, ...]:
        """Of what is turned on, what nothing here can tell: "lock" once the listeners said they hear
        no lock or sleep, "idle" once it is known that no idle source exists."""
        found: list[str] = []
        with self._lock:
            if lock and self.known and not self.sources:
                found.append("lock")
            if idle and self.idle_source == "":
                found.append("idle")
        return tuple(found)

    def _set(self, name: str, value: bool, now: datetime) -> bool:
        """Record a change; True when it changed anything."""
        with self._lock:
            self.known = True
            current = getattr(self, name)
            if value and current is None:
                setattr(self, name, now)
                return True
            if not value and current is not None:
                setattr(self, name, None)
                return True
            return False

    def settled(self, started: datetime) -> None:
        """A tick that began at `started` is done."""
        with self._lock:
            asleep, callback = self._asleep, self.on_settled
        if asleep is not None and callback is not None and started >= asleep:
            callback()

    def locked_since(self) -> datetime | None:
        """Since when the screen is locked or the machine asleep (None: neither)."""
        with self._lock:
            times = [t for t in (self._locked, self._asleep) if t is not None]
            return min(times) if times else None

    def idle_since(self) -> datetime | None:
        with self._lock:
            return self._idle


class Step(str, enum.Enum):
    IDLE = "idle"  # nothing automatic is showing
    APPLYING = "applying"  # baseline captured; a layer's change sent (outcome unknown)
    APPLIED = "applied"
    RESTORING = "restoring"  # the baseline sent back (outcome unknown)


@dataclass(frozen=True)
class AccountAuto:
    account: str
    step: Step = Step.IDLE
    layer: str = ""  # the key of the layer applied (or being applied)
    trigger: Trigger | None = None
    change: StatusChange | None = None  # what that layer set
    label: str = ""
    until: datetime | None = None
    baseline: CurrentStatus | None = None  # what was there before the first automatic layer
    applied: CurrentStatus | None = None  # what the service showed after our last apply
    kept: tuple[str, ...] = ()  # layers the user overrode by hand (or that failed): not applied again
    attempts: int = 0
    retry_at: datetime | None = None
    since: datetime | None = None  # first failure of the current step
    error: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "account": self.account,
            "step": self.step.value,
            "layer": self.layer,
            "trigger": self.trigger.value if self.trigger else None,
            "change": codec.dump_change(self.change) if self.change else None,
            "label": self.label,
            "until": codec.dump_time(self.until),
            "baseline": codec.dump_current(self.baseline) if self.baseline else None,
            "applied": codec.dump_current(self.applied) if self.applied else None,
            "kept": list(self.kept),
            "attempts": self.attempts,
            "retry_at": codec.dump_time(self.retry_at),
            "since": codec.dump_time(self.since),
            "error": self.error,
        }

    @classmethod
    def from_dict(cls, data: Any) -> AccountAuto:
        if not isinstance(data, dict):
            raise ValueError("not an object")
        trigger = data.get("trigger")
        change = data.get("change")
        baseline = data.get("baseline")
        applied = data.get("applied")
        attempts = data.get("attempts", 0)
        if not isinstance(attempts, int):
            raise ValueError("attempts is not a number")
        return cls(
            account=str(data["account"]),
            step=Step(data.get("step", "idle")),
            layer=str(data.get("layer") or ""),
            trigger=Trigger(trigger) if trigger else None,
            change=codec.load_change(change) if change else None,
            label=str(data.get("label") or ""),
            until=codec.load_time(data.get("until")),
            baseline=codec.load_current(baseline) if baseline else None,
            applied=codec.load_current(applied) if applied else None,
            kept=tuple(str(k) for k in data.get("kept") or ()),
            attempts=attempts,
            retry_at=codec.load_time(data.get("retry_at")),
            since=codec.load_time(data.get("since")),
            error=str(data.get("error") or ""),
        )


@dataclass
class Inputs:
    """What the engine reads on a tick (all callables: each tick sees the latest)."""

    config: Callable[[], AutoConfig]
    accounts: Callable[[], list[Account]]
    presence: Presence
    calendars: Callable[[], Mapping[str, Sequence[Window]]] = dict
    manual_active: Callable[[str, datetime], bool] = lambda _account, _now: False
    supports: Callable[[str, StatusChange], bool] = lambda _account, _change: True


class AutoEngine:
    """The state machine over auto-state.json. Call tick() from a worker thread (it talks to servers)."""

    def __init__(self, path: Path, port: Any, clock: Callable[[], datetime], inputs: Inputs) -> None:
        self.path = path
        self._port = port
        self._clock = clock
        self._inputs = inputs
        self._lock = threading.Lock()
        self._released: set[str] = set()
        self.warnings: list[str] = []

    # ---- the layers ---------------------------------------------------------------------------

    def layers(self, account: str, now: datetime) -> list[Layer]:
        """Every layer that holds for `account` now, strongest first (kept ones included)."""
        config = self._inputs.config()
        if config.paused:
            return []
        known = self._inputs.accounts()
        found: list[Layer] = []
        presence = self._inputs.presence
        locked = presence.locked_since()
        if config.lock.on and locked is not None and account in config.lock.targets(known):
            found.append(Layer("lock", Trigger.LOCK, AWAY, locked))
        idle = presence.idle_since()
        if config.idle.minutes > 0 and idle is not None and account in config.idle.targets(known):
            found.append(Layer("idle", Trigger.IDLE, AWAY, idle))
        windows = self._inputs.calendars()
        for source in config.calendars:
            if source.accounts and account not in source.accounts:
                continue
            for window in windows.get(source.name, ()):
                if window.start <= now < window.end:
                    key = f"calendar:{source.name}@{codec.dump_time(window.start)}"
                    found.append(Layer(key, Trigger.CALENDAR, source.change, window.start, window.end))
        for rule in config.repeats:
            if account not in rule.accounts:
                continue
            occurrence = rule.active(now)
            if occurrence is not None:
                key = f"repeat:{rule.id}@{codec.dump_time(occurrence.start)}"
                found.append(Layer(key, Trigger.REPEAT, rule.change, occurrence.start, occurrence.end))
        found = [layer for layer in found if self._inputs.supports(account, layer.change)]
        return sorted(found, key=lambda layer: (-PRIORITY[layer.trigger], layer.since, layer.key))

    def next_wakeup(self) -> datetime | None:
        """The next instant a layer starts or ends by the clock, or a retry is due (None: only
        signals can change anything)."""
        now = self._now()
        config = self._inputs.config()
        times: list[datetime] = []
        for state in self._load().values():
            if state.retry_at is not None:
                times.append(state.retry_at)
            if state.step in (Step.APPLYING, Step.RESTORING):
                times.append(now)
        if not config.paused:
            for rule in config.repeats:
                occurrence = rule.current_or_next(now)
                if occurrence is not None:
                    times.append(occurrence.start if occurrence.start > now else occurrence.end)
            windows = self._inputs.calendars()
            for source in config.calendars:
                for window in windows.get(source.name, ()):
                    times.extend(t for t in (window.start, window.end) if t > now)
        return max(now, min(times)) if times else None

    def states(self) -> dict[str, AccountAuto]:
        return self._load()

    def baseline_under(self, account: str, current: CurrentStatus) -> CurrentStatus | None:
        """The state from before the automatic status, when `current` is that automatic status (the
        scheduler asks before a timed change the user set replaces it); None otherwise."""
        state = self._load().get(account)
        if state is None or state.step not in (Step.APPLIED, Step.APPLYING) or state.applied is None:
            return None
        if state.change is None or not rules.same(current, state.applied, _compared(state.change)):
            return None
        return state.baseline

    # ---- the user's own changes -----------------------------------------------------------------

    def release(self, accounts: Iterable[str]) -> None:
        """The user set a status by hand on these accounts (through trayapp): whatever automatic
        change shows there is over, nothing is put back; the next tick tells it once."""
        with self._lock:
            self._released.update(accounts)

    # ---- the tick -------------------------------------------------------------------------------

    def tick(self) -> list[ScheduleEvent]:
        with self._lock, atomic.locked(self.path):
            now = self._now()
            states = self._load()
            names = [a.name for a in self._inputs.accounts()]
            events: list[ScheduleEvent] = []
            released, self._released = self._released, set()
            for name in names:
                state = states.get(name, AccountAuto(name))
                try:
                    state, told = self._step(state, now, by_hand=name in released)
                except Exception as exc:  # one account's trouble never stops the others
                    log.error("automatic status on %s: %s", name, exc, exc_info=exc)
                    continue
                events.extend(told)
                if state != states.get(name, AccountAuto(name)):
                    states[name] = state
                    self._save(states)
            gone = [name for name in states if name not in names]
            for name in gone:
                del states[name]
            if gone:
                self._save(states)
        self._inputs.presence.settled(now)
        return events

    def _step(
        self, state: AccountAuto, now: datetime, *, by_hand: bool
    ) -> tuple[AccountAuto, list[ScheduleEvent]]:
        name = state.account
        layers = self.layers(name, now)
        active_keys = {layer.occurrence for layer in layers}
        kept = tuple(k for k in state.kept if k in active_keys)
        if kept != state.kept:
            state = replace(state, kept=kept)
        if by_hand and state.step is not Step.IDLE:
            return self._kept(state, layers, now)
        if state.retry_at is not None and now < state.retry_at:
            return state, []
        if not self._inputs.presence.known and state.trigger in (Trigger.LOCK, Trigger.IDLE):
            return state, []  # the listeners have not said yet whether the screen is still locked
        candidates = [layer for layer in layers if layer.occurrence not in state.kept]
        if self._inputs.manual_active(name, now):
            # A timed change the user set is running: it outranks everything automatic.
            candidates = []
        wanted = candidates[0] if candidates else None
        if state.step is Step.IDLE:
            return (self._apply(state, wanted, now, fresh=True)) if wanted is not None else (state, [])
        if state.step is Step.APPLYING:
            if wanted is not None and wanted.key == state.layer:
                return self._apply(state, wanted, now, fresh=False)
            return self._restore_or_switch(state, wanted, now, check=False)
        if state.step is Step.APPLIED:
            if wanted is not None and wanted.key == state.layer:
                return state, []
            return self._restore_or_switch(state, wanted, now, check=True, layers=layers)
        # RESTORING
        if wanted is not None:
            return self._apply(replace(state, step=Step.APPLIED), wanted, now, fresh=False)
        return self._restore(state, now, resend=True)

    def _restore_or_switch(
        self,
        state: AccountAuto,
        wanted: Layer | None,
        now: datetime,
        *,
        check: bool,
        layers: Sequence[Layer] = (),
    ) -> tuple[AccountAuto, list[ScheduleEvent]]:
        if check and state.applied is not None and state.change is not None:
            try:
                current = self._port.read(state.account)
            except Exception as exc:
                return self._failure(state, exc, now, doing=_("read the status"))
            by_hand = current.source != "internal"
            if by_hand and not rules.same(current, state.applied, _compared(state.change)):
                return self._kept(state, layers, now)
        if wanted is not None:
            return self._apply(state, wanted, now, fresh=False)
        return self._restore(state, now, resend=False)

    def _apply(
        self, state: AccountAuto, layer: Layer, now: datetime, *, fresh: bool
    ) -> tuple[AccountAuto, list[ScheduleEvent]]:
        name = state.account
        what = layer.label(now)
        baseline = state.baseline
        if fresh or baseline is None:
            try:
                baseline = self._port.read(name)
            except Exception as exc:
                return self._failure(state, exc, now, doing=_("set '{change}'").format(change=what))
        intent = replace(
            state,
            step=Step.APPLYING,
            layer=layer.key,
            trigger=layer.trigger,
            change=layer.change,
            label=what,
            until=layer.until,
            baseline=baseline,
        )
        self._persist(intent)  # intent first: after a crash the next tick applies again
        try:
            applied = self._port.apply(name, layer.change)
        except Exception as exc:
            if rules.retry_delay(exc, intent.attempts) is not None:
                return self._failure(intent, exc, now, doing=_("set '{change}'").format(change=what))
            # Refused for good: this layer is not tried again while it lasts; what showed stays.
            kept = (*state.kept, layer.occurrence)
            event = self._failed_event(intent, exc, doing=_("set '{change}'").format(change=what))
            if state.step is Step.APPLIED:
                return replace(state, kept=kept, attempts=0, retry_at=None, since=None, error=""), [event]
            if state.step in (Step.APPLYING, Step.RESTORING) and state.baseline is not None:
                # An earlier layer may still show: put the baseline back on the next tick.
                return replace(state, step=Step.RESTORING, kept=kept), [event]
            return AccountAuto(name, kept=kept), [event]
        done = replace(
            intent, step=Step.APPLIED, applied=applied, attempts=0, retry_at=None, since=None, error=""
        )
        return done, [ScheduleEvent(_event_id(layer.trigger), name, APPLIED, f"{name}: {what}.")]

    def _restore(
        self, state: AccountAuto, now: datetime, *, resend: bool
    ) -> tuple[AccountAuto, list[ScheduleEvent]]:
        name = state.account
        what = state.label or _(_AUTOMATIC)
        doing = _("put back the status from before '{change}'").format(change=what)
        if state.baseline is None:  # never invent a state to put back
            return AccountAuto(name, kept=state.kept), []
        target = rules.restorable(state.baseline)
        if resend:
            try:
                current = self._port.read(name)
            except Exception as exc:
                return self._failure(state, exc, now, doing=doing)
            if rules.same(current, target, rules.ALL_FIELDS):  # sent before a crash, and it arrived
                return self._ended(state, what)
        intent = replace(state, step=Step.RESTORING)
        self._persist(intent)
        try:
            self._port.restore(name, target)
        except Exception as exc:
            return self._failure(intent, exc, now, doing=doing)
        return self._ended(state, what)

    def _ended(self, state: AccountAuto, what: str) -> tuple[AccountAuto, list[ScheduleEvent]]:
        name = state.account
        note = _("{account}: '{change}' is over; the previous status is back.").format(
            account=name, change=what
        )
        return AccountAuto(name, kept=state.kept), [
            ScheduleEvent(_event_id(state.trigger), name, RESTORED, note)
        ]

    def _kept(
        self, state: AccountAuto, layers: Sequence[Layer], now: datetime
    ) -> tuple[AccountAuto, list[ScheduleEvent]]:
        """The user changed the status by hand while ours showed: ours is over, nothing is put back, and
        every layer that holds now stays off until it ends (one that starts later applies again)."""
        name = state.account
        what = state.label or _(_AUTOMATIC)
        kept = tuple(dict.fromkeys((*state.kept, *(layer.occurrence for layer in layers))))
        note = _("{account}: the status was changed by hand while '{change}' was on, so it was kept.").format(
            account=name, change=what
        )
        return AccountAuto(name, kept=kept), [ScheduleEvent(_event_id(state.trigger), name, KEPT, note)]

    def _failure(
        self, state: AccountAuto, exc: Exception, now: datetime, *, doing: str
    ) -> tuple[AccountAuto, list[ScheduleEvent]]:
        """Rate limits and outages are tried again later (the step stays); anything else is reported
        once and the account goes back to showing nothing automatic."""
        name = state.account
        delay = rules.retry_delay(exc, state.attempts)
        since = state.since or now
        if delay is not None and now - since < rules.RESTORE_RETRY_FOR:
            retry_at = now + delay
            note = _("{account}: could not {doing}: {problem} Trying again at {time}.").format(
                account=name, doing=doing, problem=exc, time=local_time(retry_at, now, seconds=True)
            )
            failed = replace(
                state, attempts=state.attempts + 1, retry_at=retry_at, since=since, error=str(exc)
            )
            return failed, [ScheduleEvent(_event_id(state.trigger), name, RETRYING, note)]
        return AccountAuto(name, kept=state.kept), [self._failed_event(state, exc, doing=doing)]

    @staticmethod
    def _failed_event(state: AccountAuto, exc: Exception, *, doing: str) -> ScheduleEvent:
        if not isinstance(exc, TrayAppError):
            log.error("unexpected error while trying to %s on %s", doing, state.account, exc_info=exc)
        note = _("{account}: could not {doing}: {problem}").format(
            account=state.account, doing=doing, problem=str(exc) or type(exc).__name__
        )
        return ScheduleEvent(_event_id(state.trigger), state.account, FAILED, note)

    # ---- the file -------------------------------------------------------------------------------

    def _now(self) -> datetime:
        now = self._clock()
        if now.tzinfo is None:
            raise ValueError("the clock must return timezone-aware datetimes")
        return now.astimezone(timezone.utc)

    def _load(self) -> dict[str, AccountAuto]:
        try:
            raw = atomic.read_json(self.path)
        except ValueError:
            raw = None
        states: dict[str, AccountAuto] = {}
        if not isinstance(raw, dict) or raw.get("schema_version") != SCHEMA_VERSION:
            return states
        for item in raw.get("accounts") or ():
            try:
                state = AccountAuto.from_dict(item)
            except (ValueError, KeyError, TypeError, AttributeError):
                continue
            states[state.account] = state
        return states

    def _persist(self, state: AccountAuto) -> None:
        states = self._load()
        states[state.account] = state
        self._save(states)

    def _save(self, states: Mapping[str, AccountAuto]) -> None:
        atomic.write_json(
            self.path,
            {"schema_version": SCHEMA_VERSION, "accounts": [s.to_dict() for s in states.values()]},
        )


def _compared(change: StatusChange) -> tuple[str, ...]:
    """The fields that tell a change by hand from ours. Ours sets an availability and leaves the rest:
    a new message or status ("Back soon", also an away status) is the user's. A custom status compares
    as the scheduler does (a service may flip the availability on its own while it shows)."""
    if change.kind is ChangeKind.AVAILABILITY:
        return rules.ALL_FIELDS
    return rules.changed_fields(change)


def _event_id(trigger: Trigger | None) -> str:
    """The id events carry (the menu keys its notices by it): 'auto-lock', 'auto-calendar'."""
    return f"auto-{trigger.value if trigger else 'status'}"
