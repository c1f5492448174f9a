"""Repeating timed changes ("Lunch" every weekday 12:00–13:00): the rule, and its occurrences.

The rule is kept in wall-clock time of a named time zone (the user's at the time it was recorded), and
python-dateutil's rrule lays out the dates: 12:00 stays 12:00 across a daylight-saving change, and the
UTC instants follow. A wall time the clock skips (02:30 on the night the clocks go forward) moves on by
the gap; one it passes twice takes the first pass."""

from __future__ import annotations

import enum
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from trayapp.core import codec
from trayapp.core.i18n import N_, _
from trayapp.core.models import StatusChange

if TYPE_CHECKING:  # dateutil loads where a rule is first laid out, after the tray icon (issue 19)
    from dateutil import rrule

LOOKAHEAD = timedelta(days=400)  # the next occurrence is searched this far ahead (weekly fits easily)


_REPEAT_WORDS = {"daily": N_("every day"), "weekdays": N_("every weekday"), "weekly": N_("every week")}


class Repeat(str, enum.Enum):
    DAILY = "daily"
    WEEKDAYS = "weekdays"
    WEEKLY = "weekly"

    @property
    def label(self) -> str:
        return _(_REPEAT_WORDS[self.value])


@dataclass(frozen=True)
class Occurrence:
    start: datetime  # UTC
    end: datetime  # UTC


@dataclass(frozen=True)
class RepeatRule:
    """One repeating change. `first_start`/`first_end` are the first window as the user gave it (local
    wall time in `zone`); the same wall times come back on each repeated day."""

    id: str
    accounts: tuple[str, ...]
    change: StatusChange  # without start/end
    repeat: Repeat
    zone: str  # IANA name ("Europe/Berlin"); "" = this computer's local time
    first_start: datetime  # naive wall time in `zone`
    first_end: datetime  # naive wall time in `zone`, after first_start (may be the next day)
    created: datetime | None = None

    def tz(self) -> tzinfo:
        return zone_info(self.zone)

    def _rule(self) -> rrule.rrule:
        from dateutil import rrule

        if self.repeat is Repeat.WEEKDAYS:
            return rrule.rrule(
                rrule.WEEKLY,
                dtstart=self.first_start,
                byweekday=(rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR),
            )
        if self.repeat is Repeat.DAILY:
            return rrule.rrule(rrule.DAILY, dtstart=self.first_start)
        return rrule.rrule(rrule.WEEKLY, dtstart=self.first_start)

    def occurrences(self, after: datetime) -> Iterator[Occurrence]:
        """The windows that end after `after` (aware), in order, within LOOKAHEAD."""
        zone = self.tz()
        length = self.first_end - self.first_start  # wall-clock length: 12:00–13:00 on every day
        local_after = after.astimezone(zone).replace(tzinfo=None)
        horizon = local_after + LOOKAHEAD
        # A window that began before `after` may still run: start the search one window length back.
        for wall in self._rule().xafter(local_after - length - timedelta(days=1), inc=True):
            if wall > horizon:
                return
            start, end = _instant(wall, zone), _instant(wall + length, zone)
            if end <= start:  # the start fell in the gap of a clock change: keep the window's length
                end = start + length
            if end > after:
                yield Occurrence(start, end)

    def current_or_next(self, now: datetime) -> Occurrence | None:
        return next(self.occurrences(now), None)

    def active(self, now: datetime) -> Occurrence | None:
        found = self.current_or_next(now)
        return found if found is not None and found.start <= now < found.end else None

    def describe(self) -> str:
        span = f"{self.first_start:%H:%M}–{self.first_end:%H:%M}"
        if self.repeat is Repeat.WEEKLY:
            return _("{change} every week on {weekday}s {time}").format(
                change=self.change.describe(), weekday=f"{self.first_start:%A}", time=span
            )
        return f"{self.change.describe()} {self.repeat.label} {span}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "accounts": list(self.accounts),
            "change": codec.dump_change(self.change),
            "repeat": self.repeat.value,
            "zone": self.zone,
            "first_start": self.first_start.isoformat(),
            "first_end": self.first_end.isoformat(),
            "created": codec.dump_time(self.created),
        }

    @classmethod
    def from_dict(cls, data: Any) -> RepeatRule:
        if not isinstance(data, dict):
            raise ValueError("repeat is not an object")
        accounts = data["accounts"]
        if not isinstance(accounts, list) or not accounts:
            raise ValueError("accounts is not a list")
        first_start = datetime.fromisoformat(str(data["first_start"]))
        first_end = datetime.fromisoformat(str(data["first_end"]))
        if first_start.tzinfo is not None or first_end.tzinfo is not None or first_end <= first_start:
            raise ValueError("the repeat's window is not a local wall time range")
        zone = str(data.get("zone") or "")
        zone_info(zone)  # raises for an unknown zone
        return cls(
            id=str(data["id"]),
            accounts=tuple(str(a) for a in accounts),
            change=codec.load_change(data["change"]),
            repeat=Repeat(data["repeat"]),
            zone=zone,
            first_start=first_start,
            first_end=first_end,
            created=codec.load_time(data.get("created")),
        )


def make_rule(
    rule_id: str,
    accounts: tuple[str, ...],
    change: StatusChange,
    repeat: Repeat,
    start: datetime,
    end: datetime,
    *,
    zone: str | None = None,
    created: datetime | None = None,
) -> RepeatRule:
    """A rule from the first window as aware datetimes, kept in the wall time of `zone` (default: the
    computer's own)."""
    name = local_zone_name() if zone is None else zone
    tz = zone_info(name)
    first_start = start.astimezone(tz).replace(tzinfo=None)
    first_end = end.astimezone(tz).replace(tzinfo=None)
    return RepeatRule(
        id=rule_id,
        accounts=accounts,
        change=StatusChange(change.kind, change.status, change.availability, change.message),
        repeat=repeat,
        zone=name,
        first_start=first_start,
        first_end=first_end,
        created=created,
    )


def zone_info(name: str) -> tzinfo:
    if not name:
        from dateutil.tz import tzlocal

        return tzlocal()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r}") from None


def local_zone_name() -> str:
    """The IANA name of this computer's time zone ($TZ, else /etc/localtime's target), "" if unknown."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in candidates:
        if not name or name.startswith("/"):
            continue
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
        return name
    return ""


def _instant(wall: datetime, zone: tzinfo) -> datetime:
    """The UTC instant of a wall time in `zone` (PEP 495, fold=0): a skipped wall time is read with the
    offset before the change, so it moves on by the gap; a repeated one takes the first pass."""
    return wall.replace(tzinfo=zone, fold=0).astimezone(timezone.utc)
