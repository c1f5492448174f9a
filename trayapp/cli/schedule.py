"""`trayapp schedule [cancel ID]`: the timed changes, and cancelling one (an active one ends now)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from trayapp.cli.output import EXIT_OK, table
from trayapp.cli.session import with_service
from trayapp.cli.usage import Parser
from trayapp.core.errors import TrayAppError
from trayapp.core.i18n import _

if TYPE_CHECKING:
    from trayapp.core.scheduler import ScheduleEntry
    from trayapp.core.service import StatusService


def register(sub: argparse._SubParsersAction[Parser]) -> None:
    schedule = sub.add_parser("schedule", help=_("list scheduled changes, or cancel one"))
    schedule.add_argument("--json", action="store_true")
    schedule.set_defaults(func=with_service(list_schedule))
    sched_sub = schedule.add_subparsers(dest="schedule_command", parser_class=Parser, metavar="ACTION")
    cancel = sched_sub.add_parser("cancel", help=_("cancel a scheduled change (an active one ends now)"))
    cancel.add_argument("entry_id", metavar="ID")
    cancel.set_defaults(func=with_service(cancel_entry))


def list_schedule(service: StatusService, args: argparse.Namespace) -> int:
    from trayapp.core.service import describe_entry

    entries = service.schedule_entries()
    rows: list[dict[str, object]] = [
        {
            "kind": "timed",
            "id": e.id,
            "accounts": list(e.accounts),
            "change": e.what,
            "start": e.start.isoformat(),
            "end": e.end.isoformat() if e.end else None,
            "phase": e.phase.value,
            "note": e.note or "; ".join(p.note for p in e.progress if p.note),
        }
        for e in entries
    ]
    lines = [
        [e.id, e.phase.value, ",".join(e.accounts), describe_entry(e), str(r["note"])]
        for r, e in zip(rows, entries, strict=True)
    ]
    auto_rows, auto_lines = _automatic(service)
    rows += auto_rows
    lines += auto_lines
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif not rows:
        print(_("Nothing is scheduled."))
    else:
        table(lines)
    return EXIT_OK


def _automatic(service: StatusService) -> tuple[list[dict[str, object]], list[list[str]]]:
    """The repeating changes and the calendars, each with its next start (a calendar's event titles
    are never shown: only its busy times)."""
    from datetime import datetime, timezone

    from trayapp.core.service import describe_repeat
    from trayapp.core.timetext import local_time

    now = datetime.now(timezone.utc)
    config = service.auto_config()
    rows: list[dict[str, object]] = []
    lines: list[list[str]] = []
    for rule in config.repeats:
        occurrence = rule.current_or_next(now)
        running = occurrence is not None and occurrence.start <= now
        phase = "paused" if config.paused else ("active" if running else "repeating")
        rows.append(
            {
                "kind": "repeat",
                "id": rule.id,
                "accounts": list(rule.accounts),
                "change": rule.change.describe(),
                "repeat": rule.repeat.value,
                "time_zone": rule.zone or "local",
                "start": occurrence.start.isoformat() if occurrence else None,
                "end": occurrence.end.isoformat() if occurrence else None,
                "phase": phase,
                "note": "",
            }
        )
        lines.append([rule.id, phase, ",".join(rule.accounts), describe_repeat(rule, now), ""])
    for source in config.calendars:
        window = service.calendar_next(source.name, now)
        running = window is not None and window.start <= now
        phase = "paused" if config.paused else ("active" if running else "calendar")
        accounts = list(source.accounts) or [_("all accounts")]
        rows.append(
            {
                "kind": "calendar",
                "id": source.name,
                "accounts": list(source.accounts),
                "change": source.change.describe(),
                "start": window.start.isoformat() if window else None,
                "end": window.end.isoformat() if window else None,
                "phase": phase,
                "note": "" if window else _("no busy time ahead (as last read)"),
            }
        )
        if window is None:
            when = _("no busy time ahead (as last read)")
        elif running:
            when = _("now until {end}").format(end=local_time(window.end, now))
        else:
            when = _("next {start}–{end}").format(
                start=local_time(window.start, now), end=local_time(window.end, now)
            )
        what = _("{change} during busy events of '{calendar}'; {when}").format(
            change=source.change.describe(), calendar=source.name, when=when
        )
        lines.append([source.name, phase, ",".join(accounts), what, ""])
    return rows, lines


def cancel_entry(service: StatusService, args: argparse.Namespace) -> int:
    from trayapp.core.scheduler import Phase

    rule = service.remove_repeat(args.entry_id)
    if rule is not None:
        print(_("{id}: '{change}' will not repeat any more.").format(id=rule.id, change=rule.describe()))
        return EXIT_OK
    entries = service.schedule_entries()
    found = next((e for e in entries if e.id == args.entry_id), None)
    if found is not None and found.phase.finished:
        if found.phase is Phase.CANCELLED:  # asked twice: what was wanted already holds
            print(_("{id}: '{change}' was already cancelled.").format(id=found.id, change=found.what))
            return EXIT_OK
        raise TrayAppError(_why_not_cancellable(found, entries))
    entry = service.cancel_scheduled(args.entry_id)
    if entry.phase is Phase.CANCELLED:
        print(_("{id}: {change} is cancelled.").format(id=entry.id, change=entry.what))
    else:  # the phase's own (machine) word, as `trayapp schedule` lists it
        print(_("{id}: {change} is {phase}.").format(id=entry.id, change=entry.what, phase=entry.phase.value))
    for event in service.run_schedule():
        print(f"{event.account}: {event.text}")
    return EXIT_OK


def _why_not_cancellable(entry: ScheduleEntry, entries: Sequence[ScheduleEntry]) -> str:
    from trayapp.core.scheduler import Phase

    what = f"'{entry.what}' ({entry.id})"
    if entry.phase is Phase.SUPERSEDED:
        newer = _replacement(entry, entries)
        if newer is None:
            return _(
                "{what} has already been replaced by a newer change; there is nothing to cancel."
            ).format(what=what)
        text = _("{what} has already been replaced by '{newer}' ({id}); there is nothing to cancel.").format(
            what=what, newer=newer.what, id=newer.id
        )
        return text if newer.phase.finished else text + " " + _("Cancel {id} instead.").format(id=newer.id)
    if entry.phase is Phase.MISSED:
        return _(
            "{what} was missed (its window passed while trayapp was not running); nothing to cancel."
        ).format(what=what)
    if entry.phase is Phase.FAILED:
        return _("{what} failed and is over; there is nothing to cancel.").format(what=what)
    return _("{what} has already been carried out; there is nothing to cancel.").format(what=what)


def _replacement(entry: ScheduleEntry, entries: Sequence[ScheduleEntry]) -> ScheduleEntry | None:
    """The entry that superseded `entry`: recorded at the moment `entry` finished, on a shared account."""
    if entry.finished is None:
        return None
    shared = set(entry.accounts)
    finished = entry.finished
    newer = [
        e
        for e in entries
        if e.id != entry.id and shared & set(e.accounts) and e.created is not None and e.created >= finished
    ]
    return min(newer, key=lambda e: (e.created or finished, e.id), default=None)
