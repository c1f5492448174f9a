"""What the user asked to happen by itself (auto.json beside the schedule): away while locked or idle,
the calendars, the repeating changes, and whether it is all paused.

The CLI records here and the running tray picks the file up (it watches the folder, as for the
schedule). Every read-modify-write runs under the one cross-process lock of `atomic.locked`."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trayapp.core import atomic, codec
from trayapp.core.auto.repeat import RepeatRule
from trayapp.core.i18n import _
from trayapp.core.models import Account, Availability, ChangeKind, ServiceKind, StatusChange

log = logging.getLogger("trayapp.auto")

SCHEMA_VERSION = 1
# Lock and idle go to chat presence unless the user picks: Smartsheet RM's statuses are planning records.
PRESENCE_KINDS = (ServiceKind.ROCKETCHAT, ServiceKind.CALLBELL)
AWAY = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY)
_DAMAGE = (ValueError, KeyError, TypeError, AttributeError, RecursionError)


@dataclass(frozen=True)
class PresenceSetting:
    """Lock (on/off) or idle (minutes, 0 = off), and for which accounts (None: every chat account)."""

    minutes: int = 0  # idle only
    on: bool = False
    accounts: tuple[str, ...] | None = None

    def targets(self, accounts: Iterable[Account]) -> list[str]:
        if self.accounts is not None:
            return list(self.accounts)
        return [a.name for a in accounts if a.kind in PRESENCE_KINDS]

    def to_dict(self) -> dict[str, Any]:
        return {
            "on": self.on,
            "minutes": self.minutes,
            "accounts": None if self.accounts is None else list(self.accounts),
        }

    @classmethod
    def from_dict(cls, data: Any) -> PresenceSetting:
        if not isinstance(data, dict):
            raise ValueError("not an object")
        accounts = data.get("accounts")
        minutes = data.get("minutes", 0)
        if not isinstance(minutes, int) or minutes < 0:
            raise ValueError("minutes is not a number")
        return cls(
            minutes=minutes,
            on=bool(data.get("on", False)),
            accounts=None if accounts is None else tuple(str(a) for a in accounts),
        )


@dataclass(frozen=True)
class CalendarSource:
    """One ICS calendar: a local file or an https URL. Only the times of its events are ever used."""

    name: str
    ics: str
    change: StatusChange  # what a busy event sets ("In a meeting", Busy, Away)
    accounts: tuple[str, ...] = ()  # () = every account

    @property
    def remote(self) -> bool:
        return self.ics.lower().startswith(("https://", "http://"))

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "ics": self.ics,
            "change": codec.dump_change(self.change),
            "accounts": list(self.accounts),
        }

    @classmethod
    def from_dict(cls, data: Any) -> CalendarSource:
        if not isinstance(data, dict):
            raise ValueError("not an object")
        return cls(
            name=str(data["name"]),
            ics=str(data["ics"]),
            change=codec.load_change(data["change"]),
            accounts=tuple(str(a) for a in data.get("accounts") or ()),
        )


@dataclass(frozen=True)
class AutoConfig:
    lock: PresenceSetting = field(default_factory=PresenceSetting)
    idle: PresenceSetting = field(default_factory=PresenceSetting)
    calendars: tuple[CalendarSource, ...] = ()
    repeats: tuple[RepeatRule, ...] = ()
    paused: bool = False  # the menu's "Pause automatic status"

    @property
    def anything(self) -> bool:
        return self.lock.on or self.idle.minutes > 0 or bool(self.calendars or self.repeats)

    def calendar(self, name: str) -> CalendarSource | None:
        return next((c for c in self.calendars if c.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "lock": self.lock.to_dict(),
            "idle": self.idle.to_dict(),
            "calendars": [c.to_dict() for c in self.calendars],
            "repeats": [r.to_dict() for r in self.repeats],
            "paused": self.paused,
        }


def targets(accounts: Sequence[str], known: Iterable[Account]) -> tuple[str, ...]:
    """The picked accounts, or every account when none was picked."""
    return tuple(dict.fromkeys(accounts)) if accounts else tuple(a.name for a in known)


class AutoStore(atomic.DamageReports):
    """auto.json: read without a lock (writes are atomic renames), changed under the lock. A damaged
    file is set aside and reported; a damaged calendar or repeat is left out, the rest loads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__()
        self._stamp: atomic.FileStamp | None = None
        self._config = AutoConfig()
        self._loaded = False

    def load(self) -> AutoConfig:
        """The configuration, re-read only when the file changed since the last read."""
        stamp = atomic.stamp(self.path)
        if self._loaded and stamp == self._stamp:
            return self._config
        try:
            config, bad = _parse(atomic.read_json(self.path))
        except _DAMAGE:
            with atomic.locked(self.path):
                config = self._load_locked()
        else:
            if bad:
                with atomic.locked(self.path):
                    config = self._load_locked()
        self._config, self._stamp, self._loaded = config, atomic.stamp(self.path), True
        return config

    def update(self, change: Callable[[AutoConfig], AutoConfig]) -> AutoConfig:
        with atomic.locked(self.path):
            config = change(self._load_locked())
            atomic.write_json(self.path, config.to_dict())
            self._config, self._stamp, self._loaded = config, atomic.stamp(self.path), True
            return config

    def _load_locked(self) -> AutoConfig:
        try:
            config, bad = _parse(atomic.read_json(self.path))
        except _DAMAGE as exc:
            self._warn(atomic.set_aside(self.path, atomic.reason(exc)))
            return AutoConfig()
        if bad:
            self._warn(atomic.keep_copy(self.path, bad))
            atomic.write_json(self.path, config.to_dict())
        return config

    def _warn(self, text: str) -> None:
        log.warning("%s", text)
        super()._warn(text)


def _parse(raw: Any) -> tuple[AutoConfig, list[str]]:
    if raw is None:
        return AutoConfig(), []
    if not isinstance(raw, dict):
        raise ValueError("not an object")
    if raw.get("schema_version") != SCHEMA_VERSION:
        raise ValueError("written by another version")
    bad: list[str] = []
    calendars: list[CalendarSource] = []
    for position, item in enumerate(raw.get("calendars") or ()):
        try:
            calendars.append(CalendarSource.from_dict(item))
        except _DAMAGE:
            name = item.get("name") if isinstance(item, dict) else None
            bad.append(_("calendar {calendar}").format(calendar=atomic.label(name, position)))
    repeats: list[RepeatRule] = []
    for position, item in enumerate(raw.get("repeats") or ()):
        try:
            repeats.append(RepeatRule.from_dict(item))
        except _DAMAGE:
            rule = item.get("id") if isinstance(item, dict) else None
            bad.append(_("repeat {repeat}").format(repeat=atomic.label(rule, position)))
    config = AutoConfig(
        lock=PresenceSetting.from_dict(raw.get("lock") or {}),
        idle=PresenceSetting.from_dict(raw.get("idle") or {}),
        calendars=tuple(calendars),
        repeats=tuple(repeats),
        paused=bool(raw.get("paused", False)),
    )
    return config, bad
