"""`trayapp set`: a status and/or an availability, now or for a window (--start, --end, --for)."""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from trayapp.cli.output import report
from trayapp.cli.session import with_service
from trayapp.cli.usage import Parser, UsageError, usage
from trayapp.core.auto.repeat import Repeat
from trayapp.core.errors import InputError
from trayapp.core.i18n import _
from trayapp.core.models import AccountResult, Availability, ChangeKind, CustomStatus, StatusChange
from trayapp.core.timeparse import parse_duration, parse_when
from trayapp.core.timetext import local_time

if TYPE_CHECKING:
    from trayapp.core.service import StatusService


def register(sub: argparse._SubParsersAction[Parser]) -> None:
    setp = sub.add_parser("set", help=_("apply a status and/or availability"))
    setp.add_argument("status_name", metavar="STATUS_NAME", nargs="?")
    avail = setp.add_mutually_exclusive_group()
    for value in Availability:
        avail.add_argument(f"--{value.value}", dest="availability", action="store_const", const=value)
    setp.add_argument("--message")
    setp.add_argument("--start", metavar="WHEN", help=_("HH:MM today, or ISO 8601"))
    until = setp.add_mutually_exclusive_group()
    until.add_argument("--end", metavar="WHEN", help=_("HH:MM today, or ISO 8601"))
    until.add_argument("--for", dest="duration", metavar="DURATION", help=_("e.g. 30m, 2h, 1h30m"))
    setp.add_argument(
        "--repeat",
        choices=[r.value for r in Repeat],
        help=_("repeat the --start/--end window: daily, weekdays (Monday to Friday) or weekly"),
    )
    setp.add_argument("--account", action="append", dest="accounts", metavar="NAME")
    setp.add_argument("--preset", metavar="NAME", help=_("apply a preset: each account gets its part"))
    setp.set_defaults(func=with_service(set_status))


def set_status(service: StatusService, a: argparse.Namespace) -> int:
    if a.preset is not None:
        return set_preset(service, a)
    if a.status_name is None and a.availability is None:
        raise UsageError(
            _("Say what to set: a status name, and/or --available, --away, --busy or --offline.")
        )
    if a.status_name is not None and not a.status_name.strip():
        raise UsageError(_("The status name is empty."))
    with usage():
        start, end = _window(a, datetime.now(timezone.utc))
    if a.repeat is not None:
        return _repeat(service, a, start, end)
    results: list[AccountResult] = []
    if a.availability is not None:
        change = StatusChange(
            ChangeKind.AVAILABILITY, availability=a.availability, message=a.message, start=start, end=end
        )
        # With a status too, the recents keep the status (with its message), not the availability alone.
        results += service.apply(change, a.accounts, remember=a.status_name is None)
    if a.status_name is not None:
        results += service.apply_named(a.status_name, a.message, start, end, a.accounts)
    return report(results, what=a.status_name or a.availability.label)


def _repeat(
    service: StatusService, a: argparse.Namespace, start: datetime | None, end: datetime | None
) -> int:
    """A repeating window: recorded for the running tray, which sets and restores each occurrence."""
    if start is None or end is None:
        raise UsageError(_("--repeat needs the window it repeats: give --start and --end (or --for)."))
    if end - start >= timedelta(days=1):
        raise UsageError(_("A repeating window must be shorter than a day."))
    repeat = Repeat(a.repeat)
    results: list[AccountResult] = []
    if a.availability is not None:
        change = StatusChange(ChangeKind.AVAILABILITY, availability=a.availability, message=a.message)
        results += service.add_repeat(change, a.accounts, repeat, start, end)
    if a.status_name is not None:
        change = StatusChange(
            ChangeKind.CUSTOM, status=CustomStatus(id="", name=a.status_name), message=a.message
        )
        results += service.add_repeat(change, a.accounts, repeat, start, end)
    return report(results, what=a.status_name or a.availability.label)


def set_preset(service: StatusService, a: argparse.Namespace) -> int:
    """`set --preset NAME`: --for overrides the preset's duration, --end sets the end itself, --start
    delays it (the preset's duration then counts from the start)."""
    if a.status_name is not None or a.availability is not None or a.message is not None:
        raise UsageError(
            _("--preset sets what the preset says: give no status name, availability or --message.")
        )
    if not a.preset.strip():
        raise UsageError(_("The preset name is empty."))
    if a.repeat is not None:
        raise UsageError(_("--repeat is for a status or an availability, not a preset."))
    preset = service.presets.get(a.preset)  # unknown: exit 1, naming the presets there are
    now = datetime.now(timezone.utc)
    with usage():
        start, end = _window(a, now)
        if end is None and preset.duration is not None and (start or now) + preset.duration <= now:
            raise InputError(_("The preset's end would already have passed."))
    results = service.apply_preset(preset, a.accounts, start=start, end=end)
    return report(results, what=preset.label)


def _window(args: argparse.Namespace, now: datetime) -> tuple[datetime | None, datetime | None]:
    """--start and --end/--for as aware datetimes (None when not given). With --repeat the window only
    gives the time of day (and the weekday): today's may be over, the next one is tomorrow's."""
    start = parse_when(args.start, now) if args.start else None
    if args.duration:
        end = (start or now) + parse_duration(args.duration)
    elif args.end:
        end = parse_when(args.end, now)
        if start is not None and end <= start:
            raise InputError(_("The end time must be after the start time."))
    else:
        return start, None
    if end <= now and args.repeat is None:
        raise InputError(_("The end time ({time}) has already passed.").format(time=local_time(end, now)))
    return start, end
