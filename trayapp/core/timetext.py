"""The one way a moment is written for people (CLI lines, schedule sentences, the tray menu)."""

from __future__ import annotations

import locale
from datetime import datetime, timedelta

from trayapp.core.i18n import _, ngettext

_THIS_WEEK = timedelta(days=6)


def _clock(seconds: bool) -> str:
    """24 hours, unless the locale in effect for dates (LC_TIME, set by the CLI and by Qt from the
    user's LANG) writes times with AM/PM. The C locale (LANG=C, and the tests) is 24 hours."""
    try:
        twelve = any(code in locale.nl_langinfo(locale.T_FMT) for code in ("%I", "%l", "%r", "%p"))
    except (AttributeError, ValueError):  # no nl_langinfo (Windows)
        twelve = False
    if twelve:
        return "%I:%M:%S %p" if seconds else "%I:%M %p"
    return "%H:%M:%S" if seconds else "%H:%M"


def local_time(moment: datetime, now: datetime, *, seconds: bool = False) -> str:
    """Local wall time, with just enough date to be unambiguous: '15:30' today, 'Fri 09:00' within the
    coming six days, '24 Nov 09:00' otherwise, and the year too when it is not this year."""
    local, local_now = moment.astimezone(), now.astimezone()
    clock = _clock(seconds)
    if local.date() == local_now.date():
        fmt = clock
    elif timedelta(0) < local - local_now < _THIS_WEEK:
        fmt = f"%a {clock}"
    elif local.year == local_now.year:
        fmt = f"%d %b {clock}"
    else:
        fmt = f"%d %b %Y {clock}"
    return local.strftime(fmt)


def days_ahead(moment: datetime, now: datetime) -> tuple[int, bool]:
    """Calendar days from now's local date to the moment's (0 today, 1 tomorrow), and whether the moment
    is an end of day (23:59 or later: what 'Today' and 'This week' end at, written as the day alone).
    The rules every 'until …' follows, in the CLI's English and in the GUI's languages."""
    local, local_now = moment.astimezone(), now.astimezone()
    return (local.date() - local_now.date()).days, (local.hour, local.minute) >= (23, 59)


def friendly_time(moment: datetime, now: datetime) -> str:
    """A moment as a person says it, for 'until …': '14:30' today, 'tomorrow 09:00', 'Friday 09:00' in
    the coming six days, '24 Nov 09:00' later, '24 Nov 2027 09:00' in another year. An end of day
    (23:59 or later) drops the clock: 'the end of today', 'tomorrow', 'Friday', 'Thu 24 Dec'."""
    local, local_now = moment.astimezone(), now.astimezone()
    days, whole_day = days_ahead(moment, now)
    clock = local.strftime("%H:%M")
    if days == 0:
        return _("the end of today") if whole_day else clock
    if days == 1:
        return _("tomorrow") if whole_day else _("tomorrow {time}").format(time=clock)
    if 1 < days <= 6:
        day = local.strftime("%A")
        return day if whole_day else f"{day} {clock}"
    date = local.strftime("%a %d %b" if whole_day else "%d %b")
    if local.year != local_now.year:
        date += local.strftime(" %Y")
    return date if whole_day else f"{date} {clock}"


def until_text(moment: datetime, now: datetime) -> str:
    """'until 14:30', 'until tomorrow 09:00', 'until Friday' (see friendly_time)."""
    return _("until {moment}").format(moment=friendly_time(moment, now))


def duration_text(span: timedelta) -> str:
    """'30 minutes', '1 hour', '1 hour 30 minutes', '2 days 4 hours' (to the minute)."""
    minutes = max(0, round(span.total_seconds() / 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = []
    if days:
        parts.append(ngettext("{n} day", "{n} days", days).format(n=days))
    if hours:
        parts.append(ngettext("{n} hour", "{n} hours", hours).format(n=hours))
    if minutes or not parts:
        parts.append(ngettext("{n} minute", "{n} minutes", minutes).format(n=minutes))
    return " ".join(parts)
