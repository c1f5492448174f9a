"""`trayapp auto`: what changes the status by itself: lock/sleep, idle, calendars, and pausing it all.

The command records the wish in auto.json; the running tray app picks it up within a few seconds and
carries it out (it is the one process that hears the screen lock and reads the calendars)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from trayapp.cli.output import EXIT_OK, table
from trayapp.cli.session import with_service
from trayapp.cli.usage import Parser, UsageError
from trayapp.core.i18n import N_, _

if TYPE_CHECKING:
    from trayapp.cli.session import ServiceCommand
    from trayapp.core.auto.config import AutoConfig, PresenceSetting
    from trayapp.core.service import StatusService

TRAY_NOTE = N_("The tray app carries it out while it runs.")


def register(sub: argparse._SubParsersAction[Parser]) -> None:
    auto = sub.add_parser("auto", help=_("change the status by itself: screen lock, idle, calendars"))
    auto_sub = auto.add_subparsers(dest="auto_command", parser_class=Parser, metavar="TRIGGER", required=True)

    lock = auto_sub.add_parser("lock", help=_("Away while the screen is locked or the computer sleeps"))
    lock.add_argument("setting", choices=["on", "off", "status"])
    lock.add_argument("--account", action="append", dest="accounts", metavar="NAME")
    lock.set_defaults(func=with_service(lock_command))

    idle = auto_sub.add_parser("idle", help=_("Away after MINUTES without keyboard or mouse"))
    idle.add_argument("setting", metavar="MINUTES|off|status")
    idle.add_argument("--account", action="append", dest="accounts", metavar="NAME")
    idle.set_defaults(func=with_service(idle_command))

    calendar = auto_sub.add_parser("calendar", help=_("a status while a busy event of an ICS calendar runs"))
    cal_sub = calendar.add_subparsers(
        dest="calendar_command", parser_class=Parser, metavar="ACTION", required=True
    )
    add = cal_sub.add_parser("add", help=_("follow a calendar (an .ics file or an https address)"))
    add.add_argument("name", metavar="NAME")
    add.add_argument("--ics", required=True, metavar="PATH_OR_URL")
    what = add.add_mutually_exclusive_group()
    what.add_argument("--status", metavar="STATUS", help=_("a status name (default: Busy availability)"))
    what.add_argument("--busy", action="store_true", help=_("Busy availability (the default)"))
    what.add_argument("--away", action="store_true", help=_("Away availability"))
    add.add_argument("--account", action="append", dest="accounts", metavar="NAME")
    add.set_defaults(func=with_service(calendar_add))
    listing = cal_sub.add_parser("list", help=_("the calendars followed, with their next busy time"))
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=with_service(calendar_list))
    remove = cal_sub.add_parser("remove", help=_("stop following a calendar"))
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(func=with_service(calendar_remove))

    for word, paused, text in (
        ("pause", True, _("pause every automatic status change")),
        ("resume", False, _("resume every automatic status change")),
    ):
        p = auto_sub.add_parser(word, help=text)
        p.set_defaults(func=with_service(_pause(paused)))


def _accounts(service: StatusService, names: Sequence[str] | None) -> tuple[str, ...] | None:
    if not names:
        return None
    return tuple(service.account(n).name for n in dict.fromkeys(names))  # unknown names: a clear error


def _who(service: StatusService, setting: PresenceSetting) -> str:
    names = setting.targets(service.accounts())
    who = ", ".join(names) or _("no account")
    if setting.accounts is not None:
        return who
    return _("{accounts} (the chat accounts, by default)").format(accounts=who)


def lock_command(service: StatusService, args: argparse.Namespace) -> int:
    if args.setting == "status":
        if args.accounts:
            raise UsageError(_("'status' takes no --account."))
        setting = service.auto_config().lock
        if setting.on:
            print(_("Away while locked or asleep: on for {who}.").format(who=_who(service, setting)))
        else:
            print(_("Away while locked or asleep: off."))
        return EXIT_OK
    on = args.setting == "on"
    accounts = _accounts(service, args.accounts)

    def change(config: AutoConfig) -> AutoConfig:
        keep = accounts if accounts is not None else (config.lock.accounts if not on else None)
        return replace(config, lock=replace(config.lock, on=on, accounts=keep))

    setting = service.update_auto(change).lock
    if on:
        on = _("Away while locked or asleep: on for {who}.").format(who=_who(service, setting))
        print(f"{on} {_(TRAY_NOTE)}")
    else:
        print(_("Away while locked or asleep: off."))
    return EXIT_OK


def idle_command(service: StatusService, args: argparse.Namespace) -> int:
    word = args.setting.strip().lower()
    if word == "status":
        if args.accounts:
            raise UsageError(_("'status' takes no --account."))
        setting = service.auto_config().idle
        if setting.minutes:
            print(
                _("Away when idle: after {minutes} min, for {who}.").format(
                    minutes=setting.minutes, who=_who(service, setting)
                )
            )
        else:
            print(_("Away when idle: off."))
        return EXIT_OK
    if word == "off":
        minutes = 0
    else:
        try:
            minutes = int(word)
        except ValueError:
            raise UsageError(
                _("'{value}' is not a number of minutes (or 'off', 'status').").format(value=args.setting)
            ) from None
        if not 1 <= minutes <= 24 * 60:
            raise UsageError(_("Give the idle time in minutes, from 1 to 1440."))
    accounts = _accounts(service, args.accounts)

    def change(config: AutoConfig) -> AutoConfig:
        keep = accounts if accounts is not None else (config.idle.accounts if minutes == 0 else None)
        return replace(config, idle=replace(config.idle, minutes=minutes, accounts=keep))

    setting = service.update_auto(change).idle
    if minutes:
        on = _("Away when idle: after {minutes} min, for {who}.").format(
            minutes=minutes, who=_who(service, setting)
        )
        print(f"{on} {_(TRAY_NOTE)}")
    else:
        print(_("Away when idle: off."))
    return EXIT_OK


def calendar_add(service: StatusService, args: argparse.Namespace) -> int:
    from trayapp.core.auto.calendar import busy_windows, check_name, read_source
    from trayapp.core.auto.config import CalendarSource
    from trayapp.core.models import Availability, ChangeKind, CustomStatus, StatusChange
    from trayapp.core.ports import check_url
    from trayapp.core.timetext import local_time

    name = check_name(args.name)
    ics = args.ics.strip()
    if ics.lower().startswith(("https://", "http://")):
        ics = check_url(ics)  # https, or http to this computer only
    elif "://" in ics:
        raise UsageError(_("Give the calendar as a file path or an https:// address."))
    else:
        ics = str(Path(ics).expanduser().resolve())
    if args.status:
        change = StatusChange(ChangeKind.CUSTOM, status=CustomStatus(id="", name=args.status.strip()))
    else:
        availability = Availability.AWAY if args.away else Availability.BUSY
        change = StatusChange(ChangeKind.AVAILABILITY, availability=availability)
    accounts = _accounts(service, args.accounts) or ()
    source = CalendarSource(name, ics, change, accounts)
    now = datetime.now(timezone.utc)
    # Read it once now, so a wrong path, address or file is said here rather than in the tray.
    windows = busy_windows(read_source(source, service.fetch_ics).body or b"", now)

    def add(config: AutoConfig) -> AutoConfig:
        others = tuple(c for c in config.calendars if c.name != name)
        return replace(config, calendars=(*others, source))

    service.update_auto(add)
    service.calendars.remember(source, windows)
    upcoming = next((w for w in windows if w.end > now), None)
    when = (
        _("next busy time {start}–{end}").format(
            start=local_time(upcoming.start, now), end=local_time(upcoming.end, now)
        )
        if upcoming
        else _("no busy time in the next two weeks")
    )
    who = ", ".join(accounts) or _("every account")
    line = _("Calendar '{name}': {change} during busy events, on {who}; {when}.").format(
        name=name, change=change.describe(), who=who, when=when
    )
    print(f"{line} {_(TRAY_NOTE)}")
    return EXIT_OK


def calendar_list(service: StatusService, args: argparse.Namespace) -> int:
    from trayapp.core.timetext import local_time

    config = service.auto_config()
    now = datetime.now(timezone.utc)
    rows = []
    for source in config.calendars:
        window = service.calendar_next(source.name, now)
        rows.append(
            {
                "name": source.name,
                "ics": source.ics if not source.remote else _redacted_url(source.ics),
                "change": source.change.describe(),
                "accounts": list(source.accounts),
                "next_start": window.start.isoformat() if window else None,
                "next_end": window.end.isoformat() if window else None,
            }
        )
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print(_("No calendar is followed: add one with 'trayapp auto calendar add NAME --ics PATH_OR_URL'."))
        return EXIT_OK
    lines = []
    for row, source in zip(rows, config.calendars, strict=True):
        window = service.calendar_next(source.name, now)
        when = (
            _("next {start}–{end}").format(
                start=local_time(window.start, now), end=local_time(window.end, now)
            )
            if window
            else _("no busy time known ahead")
        )
        lines.append(
            [str(row["name"]), str(row["change"]), ",".join(source.accounts) or "all", when, str(row["ics"])]
        )
    table(lines)
    return EXIT_OK


def calendar_remove(service: StatusService, args: argparse.Namespace) -> int:
    from trayapp.core.errors import InputError

    name = args.name.strip()
    if service.auto_config().calendar(name) is None:
        known = ", ".join(c.name for c in service.auto_config().calendars) or _("none")
        raise InputError(
            _("There is no calendar named '{name}' (calendars: {known}).").format(name=name, known=known)
        )
    service.update_auto(lambda c: replace(c, calendars=tuple(s for s in c.calendars if s.name != name)))
    print(_("Calendar '{name}' is no longer followed.").format(name=name))
    return EXIT_OK


def _pause(paused: bool) -> ServiceCommand:
    def command(service: StatusService, args: argparse.Namespace) -> int:
        service.update_auto(lambda c: replace(c, paused=paused))
        if paused:
            print(_("Automatic status is paused: what it set is put back, and nothing changes by itself."))
        else:
            print(_("Automatic status is on again."))
        return EXIT_OK

    return command


def _redacted_url(url: str) -> str:
    """A secret calendar address carries its key in the path or query: show only where it points."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.hostname or ''}/…"
