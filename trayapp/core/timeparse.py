"""Parsing of the CLI's WHEN (ISO 8601 or HH:MM today, local time) and DURATION (30m, 2h, 1h30m).

Times and durations are bounded to ten years around now: no status is meant for longer
(`--for 70000000h` is a typo), and far beyond that datetime arithmetic overflows."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from trayapp.core.errors import InputError
from trayapp.core.i18n import _

MAX_SPAN = timedelta(days=3650)
_DURATION_RE = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*$", re.IGNORECASE)
_CLOCK_RE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


def parse_when(text: str, now: datetime) -> datetime:
    """An aware datetime within MAX_SPAN of `now`. `now` must be aware; naive inputs are local time."""
    match = _CLOCK_RE.match(text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise InputError(
                _("'{text}' is not a time of day (use HH:MM, 00:00 to 23:59).").format(text=text)
            )
        local_now = now.astimezone()
        return local_now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    try:
        parsed = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InputError(
            _("'{text}' is not a time: use HH:MM (today) or ISO 8601 such as 2026-11-24T09:00.").format(
                text=text
            )
        ) from None
    try:
        when = parsed.astimezone() if parsed.tzinfo is None else parsed
        distance = when - now
    except (OverflowError, ValueError, OSError):  # near year 1 or 9999 the local offset overflows
        raise _far(text, ahead=parsed.year > now.year) from None
    if abs(distance) > MAX_SPAN:
        raise _far(text, ahead=distance > MAX_SPAN)
    return when


def _far(text: str, ahead: bool) -> InputError:
    sentence = (
        _("'{text}' is more than ten years ahead: give a time within ten years of now.")
        if ahead
        else _("'{text}' is more than ten years ago: give a time within ten years of now.")
    )
    return InputError(sentence.format(text=text))


def parse_duration(text: str) -> timedelta:
    """A positive duration of at most MAX_SPAN."""
    match = _DURATION_RE.match(text)
    if not match or not (match.group(1) or match.group(2)):
        raise InputError(
            _("'{text}' is not a duration: use forms such as 30m, 2h or 1h30m.").format(text=text)
        )
    hours, minutes = match.group(1) or "0", match.group(2) or "0"
    too_long = InputError(
        _("'{text}' is longer than ten years: give at most 87600h.").format(text=text.strip())
    )
    if len(hours) > 6 or len(minutes) > 8:  # int() and timedelta() refuse absurd digit counts
        raise too_long
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    if delta <= timedelta(0):
        raise InputError(_("The duration must be longer than zero."))
    if delta > MAX_SPAN:
        raise too_long
    return delta
