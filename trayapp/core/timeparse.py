"""Parsing of the CLI's WHEN (ISO 8601 or HH:MM today, local time) and DURATION (30m, 2h, 1h30m)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from trayapp.core.errors import InputError

_DURATION_RE = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*$", re.IGNORECASE)
_CLOCK_RE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


def parse_when(text: str, now: datetime) -> datetime:
    """An aware datetime. `now` must be aware; naive inputs are taken as local time."""
    match = _CLOCK_RE.match(text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise InputError(f"'{text}' is not a time of day (use HH:MM, 00:00 to 23:59).")
        local_now = now.astimezone()
        return local_now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    try:
        parsed = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InputError(
            f"'{text}' is not a time: use HH:MM (today) or ISO 8601 such as 2026-11-24T09:00."
        ) from None
    return parsed.astimezone() if parsed.tzinfo is None else parsed


def parse_duration(text: str) -> timedelta:
    match = _DURATION_RE.match(text)
    if not match or not (match.group(1) or match.group(2)):
        raise InputError(f"'{text}' is not a duration: use forms such as 30m, 2h or 1h30m.")
    delta = timedelta(hours=int(match.group(1) or 0), minutes=int(match.group(2) or 0))
    if delta <= timedelta(0):
        raise InputError("The duration must be longer than zero.")
    return delta
