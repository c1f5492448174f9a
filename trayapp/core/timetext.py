"""The one way a moment is written for people (CLI lines, schedule sentences, the tray menu)."""

from __future__ import annotations

from datetime import datetime, timedelta

_THIS_WEEK = timedelta(days=6)


def local_time(moment: datetime, now: datetime, *, seconds: bool = False) -> str:
    """Local wall time, with just enough date to be unambiguous: '15:30' today, 'Fri 09:00' within the
    coming six days, '24 Nov 09:00' otherwise, and the year too when it is not this year."""
    local, local_now = moment.astimezone(), now.astimezone()
    clock = "%H:%M:%S" if seconds else "%H:%M"
    if local.date() == local_now.date():
        fmt = clock
    elif timedelta(0) < local - local_now < _THIS_WEEK:
        fmt = f"%a {clock}"
    elif local.year == local_now.year:
        fmt = f"%d %b {clock}"
    else:
        fmt = f"%d %b %Y {clock}"
    return local.strftime(fmt)
