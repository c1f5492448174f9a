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

if TYPE_CHECKING:
    from trayapp.core.scheduler import ScheduleEntry
    from trayapp.core.service import StatusService


def register(sub: argparse._SubParsersAction[Parser]) -> None:
    schedule = sub.add_parser("schedule", help="list scheduled changes, or cancel one")
    schedule.add_argument("--json", action="store_true")
    schedule.set_defaults(func=with_service(list_schedule))
    sched_sub = schedule.add_subparsers(dest="schedule_command", parser_class=Parser, metavar="ACTION")
    cancel = sched_sub.add_parser("cancel", help="cancel a scheduled change (an active one ends now)")
    cancel.add_argument("entry_id", metavar="ID")
    cancel.set_defaults(func=with_service(cancel_entry))


def list_schedule(service: StatusService, args: argparse.Namespace) -> int:
    from trayapp.core.service import describe_entry

    entries = service.schedule_entries()
    rows = [
        {
            "id": e.id,
            "accounts": list(e.accounts),
            "change": e.change.describe(),
            "start": e.start.isoformat(),
            "end": e.end.isoformat() if e.end else None,
            "phase": e.phase.value,
            "note": e.note or "; ".join(p.note for p in e.progress if p.note),
        }
        for e in entries
    ]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif not rows:
        print("Nothing is scheduled.")
    else:
        table(
            [
                [e.id, e.phase.value, ",".join(e.accounts), describe_entry(e), str(r["note"])]
                for r, e in zip(rows, entries, strict=True)
            ]
        )
    return EXIT_OK


def cancel_entry(service: StatusService, args: argparse.Namespace) -> int:
    from trayapp.core.scheduler import Phase

    entries = service.schedule_entries()
    found = next((e for e in entries if e.id == args.entry_id), None)
    if found is not None and found.phase.finished:
        if found.phase is Phase.CANCELLED:  # asked twice: what was wanted already holds
            print(f"{found.id}: '{found.change.describe()}' was already cancelled.")
            return EXIT_OK
        raise TrayAppError(_why_not_cancellable(found, entries))
    entry = service.cancel_scheduled(args.entry_id)
    print(f"{entry.id}: {entry.change.describe()} is {entry.phase.value}.")
    for event in service.run_schedule():
        print(f"{event.account}: {event.text}")
    return EXIT_OK


def _why_not_cancellable(entry: ScheduleEntry, entries: Sequence[ScheduleEntry]) -> str:
    from trayapp.core.scheduler import Phase

    what = f"'{entry.change.describe()}' ({entry.id})"
    if entry.phase is Phase.SUPERSEDED:
        newer = _replacement(entry, entries)
        if newer is None:
            return f"{what} has already been replaced by a newer change; there is nothing to cancel."
        hint = "" if newer.phase.finished else f" Cancel {newer.id} instead."
        return (
            f"{what} has already been replaced by '{newer.change.describe()}' ({newer.id}); "
            f"there is nothing to cancel.{hint}"
        )
    if entry.phase is Phase.MISSED:
        return f"{what} was missed (its window passed while trayapp was not running); nothing to cancel."
    if entry.phase is Phase.FAILED:
        return f"{what} failed and is over; there is nothing to cancel."
    return f"{what} has already been carried out; there is nothing to cancel."


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
