"""Calendars as busy times: an ICS file or feed in, a list of (start, end) out, nothing else kept.

icalendar parses, recurring-ical-events lays out recurrences (RRULE, RDATE, EXDATE, moved occurrences
with RECURRENCE-ID, time zones, all-day events). Left out: free time (TRANSP:TRANSPARENT, Outlook's
X-MICROSOFT-CDO-BUSYSTATUS:FREE), cancelled events, and invitations the owner declined (PARTSTAT=
DECLINED for the calendar's owner, whose address Google gives as X-WR-CALNAME). Titles, places and
attendees are read by the parser only: they are never stored, logged or sent.

The busy times are cached (calendar_dir/<name>.json), so a restart without network still knows them;
the raw calendar stays in memory only.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any

from trayapp.core import atomic, codec
from trayapp.core.auto.config import CalendarSource
from trayapp.core.auto.engine import Window
from trayapp.core.auto.repeat import local_zone_name, zone_info
from trayapp.core.errors import ConfigError, InputError, ServiceUnavailable, TrayAppError
from trayapp.core.i18n import _

log = logging.getLogger("trayapp.auto")

LOOK_BACK = timedelta(days=1)
LOOK_AHEAD = timedelta(days=14)
MAX_BYTES = 5 * 1024 * 1024  # a calendar larger than this is refused (a year of meetings is ~1 MB)
REFRESH_EVERY = timedelta(seconds=60)  # a change shows within a minute (a feed: a conditional GET)
_EARLY = timedelta(seconds=5)  # a timer may fire a little early (Qt's coarse timers: up to 5 %)
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")


@dataclass(frozen=True)
class Fetched:
    """What a feed answered: the body (None: not modified since the validators given)."""

    body: bytes | None
    etag: str = ""
    last_modified: str = ""


# (url, etag, last_modified) -> Fetched; raises TrayAppError subclasses. trayapp.backends.ics has one.
Fetcher = Callable[[str, str, str], Fetched]


def check_name(name: str) -> str:
    name = name.strip()
    if not _NAME_RE.match(name):
        raise InputError(
            _("'{name}' is not a valid calendar name: use 1 to 32 letters, digits, '.', '-' or '_'.").format(
                name=name
            )
        )
    return name


def busy_windows(data: bytes, now: datetime, zone: tzinfo | None = None) -> list[Window]:
    """The busy times between a day ago and two weeks ahead, merged where they touch or overlap.
    Raises InputError when `data` is not a calendar."""
    import icalendar
    import recurring_ical_events

    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError, TypeError) as exc:
        raise InputError(
            _("This is not an iCalendar (ICS) file: {problem}").format(problem=_short(exc))
        ) from None
    if calendar.name != "VCALENDAR":
        raise InputError(_("This is not an iCalendar (ICS) file: no VCALENDAR."))
    owner = str(calendar.get("X-WR-CALNAME", "")).strip().casefold()
    local = zone or zone_info(local_zone_name())
    try:
        events = recurring_ical_events.of(calendar, skip_bad_series=True).between(
            now - LOOK_BACK, now + LOOK_AHEAD
        )
    except Exception as exc:  # the library raises its own types for broken rules
        raise InputError(_("The calendar could not be read: {problem}").format(problem=_short(exc))) from None
    spans: list[tuple[datetime, datetime]] = []
    for event in events:
        if not _busy(event, owner):
            continue
        start = _instant(event.get("DTSTART"), local)
        end = _instant(event.get("DTEND"), local) if event.get("DTEND") else None
        if start is None:
            continue
        if end is None:
            duration = event.get("DURATION")
            length = duration.dt if duration is not None else None
            if isinstance(length, timedelta):
                end = start + length
            elif not isinstance(event.get("DTSTART").dt, datetime):
                end = start + timedelta(days=1)  # an all-day event without an end lasts its day
            else:
                continue  # a point in time: nothing to be busy for
        if end > start:
            spans.append((start, end))
    return _merged(spans)


def _busy(event: Any, owner: str) -> bool:
    if str(event.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT":
        return False
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        return False
    if str(event.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).upper() == "FREE":
        return False
    attendees = event.get("ATTENDEE")
    if attendees is None:
        return True
    if not isinstance(attendees, list):
        attendees = [attendees]
    for attendee in attendees:
        address = str(attendee).lower().removeprefix("mailto:").strip()
        declined = str(getattr(attendee, "params", {}).get("PARTSTAT", "")).upper() == "DECLINED"
        if declined and owner and address == owner:
            return False
    return True


def _instant(prop: Any, local: tzinfo) -> datetime | None:
    if prop is None:
        return None
    value = prop.dt
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=local)  # floating: local time
        return aware.astimezone(timezone.utc)
    if isinstance(value, date):  # all day: from the local midnight that starts it
        return datetime.combine(value, time(0), tzinfo=local).astimezone(timezone.utc)
    return None


def _merged(spans: list[tuple[datetime, datetime]]) -> list[Window]:
    out: list[list[datetime]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [Window(start, end) for start, end in out]


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


def read_source(source: CalendarSource, fetch: Fetcher | None, etag: str = "", modified: str = "") -> Fetched:
    """The calendar's bytes: a local file (bounded in size), or a feed through `fetch`."""
    if source.remote:
        if fetch is None:
            raise ConfigError(_("Calendar feeds are read by the tray app; this process cannot fetch them."))
        return fetch(source.ics, etag, modified)
    path = Path(source.ics).expanduser()
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                _("{path} is larger than {size} MB: not a calendar to follow.").format(
                    path=path, size=MAX_BYTES // (1024 * 1024)
                )
            )
        return Fetched(path.read_bytes())
    except FileNotFoundError:
        raise InputError(_("There is no calendar file at {path}.").format(path=path)) from None
    except OSError as exc:
        raise ConfigError(
            _("Could not read {path}: {problem}.").format(path=path, problem=exc.strerror or exc)
        ) from None


class CalendarCache:
    """The busy times of every calendar in auto.json, refreshed at most once a REFRESH_EVERY each."""

    def __init__(self, folder: Path, fetch: Fetcher | None, clock: Callable[[], datetime]) -> None:
        self.folder = folder
        self._fetch = fetch
        self._clock = clock
        self._lock = threading.Lock()
        self._refresh_lock = threading.Lock()
        self._windows: dict[str, list[Window]] = {}
        self._raw: dict[str, bytes] = {}  # memory only
        self._validators: dict[str, tuple[str, str, str]] = {}  # name -> (ics, etag, last_modified)
        self._checked: dict[str, datetime] = {}
        self._stamp: dict[str, object] = {}
        self.errors: dict[str, str] = {}

    def windows(self) -> Mapping[str, Sequence[Window]]:
        with self._lock:
            return dict(self._windows)

    def known(self, source: CalendarSource) -> Sequence[Window]:
        """The busy times as last read, from memory or from the cache file (for the CLI)."""
        with self._lock:
            if source.name not in self._windows:
                self._windows[source.name] = self._cached(source)
            return self._windows[source.name]

    def remember(self, source: CalendarSource, windows: list[Window]) -> None:
        """Busy times read elsewhere (the CLI's check when a calendar is added)."""
        with self._lock:
            self._windows[source.name] = windows
            self._store(source, windows, self._clock())

    def next_refresh(self, sources: Sequence[CalendarSource]) -> datetime | None:
        if not sources:
            return None
        now = self._clock()
        return min(self._checked.get(s.name, now) + REFRESH_EVERY for s in sources)

    def refresh(self, sources: Sequence[CalendarSource], *, force: bool = False) -> bool:
        """Re-read what is due; True when any calendar's busy times changed. Thread-safe: the tray
        reads on its own listener thread once a minute, and on a worker when the settings change."""
        with self._refresh_lock:
            return self._refresh(sources, force=force)

    def _refresh(self, sources: Sequence[CalendarSource], *, force: bool) -> bool:
        now = self._clock()
        changed = False
        names = {s.name for s in sources}
        with self._lock:
            for name in [n for n in self._windows if n not in names]:
                self._windows.pop(name, None)
                self._raw.pop(name, None)
                changed = True
        for source in sources:
            with self._lock:
                if source.name not in self._windows:
                    self._windows[source.name] = self._cached(source)
            last = self._checked.get(source.name)
            if not force and last is not None and now - last < REFRESH_EVERY - _EARLY:
                continue
            self._checked[source.name] = now
            try:
                windows = self._read(source, now)
            except TrayAppError as exc:
                if self.errors.get(source.name) != str(exc):
                    log.warning("calendar '%s': %s", source.name, exc)
                self.errors[source.name] = str(exc)
                continue
            self.errors.pop(source.name, None)
            with self._lock:
                if windows != self._windows.get(source.name):
                    self._windows[source.name] = windows
                    changed = True
                    self._store(source, windows, now)
        return changed

    def _read(self, source: CalendarSource, now: datetime) -> list[Window]:
        ics, etag, modified = self._validators.get(source.name, ("", "", ""))
        if ics != source.ics:
            etag, modified = "", ""
            self._raw.pop(source.name, None)
            self._stamp.pop(source.name, None)
        if not source.remote:
            stamp = _file_stamp(Path(source.ics).expanduser())
            if stamp is not None and stamp == self._stamp.get(source.name) and source.name in self._raw:
                return busy_windows(self._raw[source.name], now)
            self._stamp[source.name] = stamp
        fetched = read_source(source, self._fetch, etag if source.name in self._raw else "", modified)
        if fetched.body is None:
            raw = self._raw.get(source.name)
            if raw is None:
                raise ServiceUnavailable(_("The calendar feed answered 'not modified' to a first request."))
        else:
            raw = fetched.body
            self._raw[source.name] = raw
            self._validators[source.name] = (source.ics, fetched.etag, fetched.last_modified)
        windows = busy_windows(raw, now)
        log.info("calendar '%s': %d busy times in the next two weeks", source.name, len(windows))
        return windows

    def _file(self, name: str) -> Path:
        return self.folder / f"{name}.json"

    def _cached(self, source: CalendarSource) -> list[Window]:
        try:
            raw = atomic.read_json(self._file(source.name))
            if not isinstance(raw, dict) or raw.get("source") != _digest(source.ics):
                return []
            found = []
            for start, end in raw.get("windows") or ():
                s, e = codec.load_time(start), codec.load_time(end)
                if s is not None and e is not None and e > s:
                    found.append(Window(s, e))
            return found
        except (ValueError, TypeError, ConfigError):
            return []

    def _store(self, source: CalendarSource, windows: list[Window], now: datetime) -> None:
        try:
            atomic.write_json(
                self._file(source.name),
                {
                    "source": _digest(source.ics),  # which address it was read from, not the address itself
                    "read": codec.dump_time(now),
                    "windows": [[codec.dump_time(w.start), codec.dump_time(w.end)] for w in windows],
                },
            )
        except ConfigError as exc:
            log.warning("%s", exc)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _file_stamp(path: Path) -> object:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)
