"""Recents: the last five distinct changes the user made, newest first, for one click to repeat.

A `Recent` is a preset (by name) or a change (a custom status and/or availability, with its message),
the accounts it went to and its duration (None: open-ended). Times are not kept, only the duration:
repeating "Lunch for 1 hour" sets it for an hour from now. Doing the same thing again (same preset or
change, accounts and duration) moves it to the top instead of adding a line.

StatusService records a recent when a change reached at least one account (applied, scheduled or
kept to be sent): `apply()` for a custom status or a message, `apply_preset()` for a preset. Clearing
and a bare availability are not recorded: they are always one click away already.

The file: `recent.json` in the per-user data folder, atomic writes under the cross-process lock; a
damaged file is set aside and said once, a damaged line left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from trayapp.core import atomic, codec
from trayapp.core.i18n import _
from trayapp.core.models import ChangeKind, StatusChange

SCHEMA_VERSION = 1
KEEP = 5
_DAMAGE = (ValueError, KeyError, TypeError, AttributeError, RecursionError)


@dataclass(frozen=True)
class Recent:
    accounts: tuple[str, ...]
    change: StatusChange | None = None  # None for a preset; start/end are never kept
    preset: str = ""  # the preset's name
    duration: timedelta | None = None
    at: datetime | None = None  # when it was last done (UTC)

    @property
    def label(self) -> str:
        """'Lunch', 'Away (back at 3)': what the user picked (no accounts, no duration)."""
        if self.preset:
            return self.preset
        return self.change.describe() if self.change is not None else "?"

    @property
    def duration_minutes(self) -> int | None:
        return None if self.duration is None else int(self.duration.total_seconds() // 60)

    def _key(self) -> tuple[object, ...]:
        change = self.change
        what = None
        if change is not None:  # by name: the CLI names a status, the tray passes it with its emoji
            name = change.status.name.casefold() if change.status else ""
            what = (change.kind, name, change.availability, change.message)
        return (self.preset.casefold(), what, tuple(sorted(self.accounts)), self.duration)

    def same_as(self, other: Recent) -> bool:
        return self._key() == other._key()

    def to_dict(self) -> dict[str, Any]:
        """The shape `trayapp recent --json` prints (each line)."""
        change = self.change
        return {
            "label": self.label,
            "preset": self.preset or None,
            "status": change.status.name if change and change.status else None,
            "availability": change.availability.value if change and change.availability else None,
            "message": change.message if change else None,
            "accounts": list(self.accounts),
            "duration_minutes": self.duration_minutes,
            "at": codec.dump_time(self.at),
        }

    def _stored(self) -> dict[str, Any]:
        return {
            "preset": self.preset or None,
            "change": codec.dump_change(self.change) if self.change else None,
            "accounts": list(self.accounts),
            "duration_minutes": self.duration_minutes,
            "at": codec.dump_time(self.at),
        }

    @classmethod
    def _load(cls, data: Any) -> Recent:
        if not isinstance(data, dict):
            raise TypeError("not an object")
        accounts = data["accounts"]
        if not isinstance(accounts, list) or not accounts:
            raise ValueError("accounts is not a list")
        preset = data.get("preset") or ""
        change = codec.load_change(data["change"]) if data.get("change") else None
        if not isinstance(preset, str) or (not preset) == (change is None):
            raise ValueError("neither a preset nor a change")
        minutes = data.get("duration_minutes")
        if minutes is not None and (not isinstance(minutes, int) or minutes <= 0):
            raise ValueError("duration_minutes is not a positive number")
        return cls(
            accounts=tuple(str(a) for a in accounts),
            change=change,
            preset=preset,
            duration=None if minutes is None else timedelta(minutes=minutes),
            at=codec.load_time(data.get("at")),
        )


def recent_change(change: StatusChange) -> StatusChange | None:
    """What of a change is worth keeping as a recent (times dropped), or None (clear, bare availability)."""
    if change.kind is ChangeKind.CLEAR:
        return None
    if change.kind is ChangeKind.AVAILABILITY and not change.message:
        return None
    status = change.status
    if status is not None:  # by name: each account resolves its own status of that name
        status = replace(status, id="") if status.name else status
    return replace(change, status=status, start=None, end=None)


def duration_of(change: StatusChange, now: datetime) -> timedelta | None:
    """How long a change lasts, to the minute (None: open-ended)."""
    if change.end is None:
        return None
    minutes = round((change.end - (change.start or now)).total_seconds() / 60)
    return timedelta(minutes=max(1, minutes))


class RecentStore(atomic.DamageReports):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def all(self) -> list[Recent]:
        """Newest first, at most KEEP."""
        try:
            recents, bad = _parse(atomic.read_json(self.path))
        except _DAMAGE:
            bad = ["the whole file"]
        if not bad:
            return recents
        with atomic.locked(self.path):
            return self._load_locked()

    def add(self, recent: Recent) -> None:
        with atomic.locked(self.path):
            recents = [r for r in self._load_locked() if not r.same_as(recent)]
            self._write([recent, *recents][:KEEP])

    def forget(self, accounts: Sequence[str]) -> None:
        """Drop an account from every recent (it was removed); a recent left with none goes."""
        gone = set(accounts)
        if not self.path.exists():
            return
        with atomic.locked(self.path):
            kept = []
            for recent in self._load_locked():
                names = tuple(a for a in recent.accounts if a not in gone)
                if names:
                    kept.append(replace(recent, accounts=names))
            self._write(kept)

    def _load_locked(self) -> list[Recent]:
        try:
            recents, bad = _parse(atomic.read_json(self.path))
        except _DAMAGE as exc:
            self._warn(atomic.set_aside(self.path, atomic.reason(exc)))
            return []
        if bad:
            self._warn(atomic.keep_copy(self.path, bad))
            self._write(recents)
        return recents

    def _write(self, recents: list[Recent]) -> None:
        atomic.write_json(
            self.path, {"schema_version": SCHEMA_VERSION, "recent": [r._stored() for r in recents]}
        )


def _parse(raw: Any) -> tuple[list[Recent], list[str]]:
    if raw is None:
        return [], []
    if not isinstance(raw, dict) or raw.get("schema_version") != SCHEMA_VERSION:
        raise ValueError("not a recents file of this version")
    items = raw["recent"]
    if not isinstance(items, list):
        raise TypeError("recent is not a list")
    good: list[Recent] = []
    bad: list[str] = []
    for position, item in enumerate(items):
        try:
            good.append(Recent._load(item))
        except _DAMAGE:
            bad.append(_("recent change number {position}").format(position=position + 1))
    return good[:KEEP], bad
