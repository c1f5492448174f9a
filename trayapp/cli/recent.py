"""`trayapp recent [--json]` and `trayapp recent repeat [N]`: the last five distinct changes, newest first,
and doing one again (from now, for its duration, on its accounts)."""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from trayapp.cli.output import EXIT_OK, report, table
from trayapp.cli.session import with_service
from trayapp.cli.usage import Parser, UsageError
from trayapp.core.errors import TrayAppError
from trayapp.core.i18n import _

if TYPE_CHECKING:
    from trayapp.core.recents import Recent
    from trayapp.core.service import StatusService


def register(sub: argparse._SubParsersAction[Parser]) -> None:
    recent = sub.add_parser("recent", help=_("the last five changes you made, newest first; repeat one"))
    recent.add_argument("--json", action="store_true")
    recent.set_defaults(func=with_service(list_recent))
    actions = recent.add_subparsers(dest="recent_command", parser_class=Parser, metavar="ACTION")
    repeat = actions.add_parser("repeat", help=_("do a recent change again (1, the newest, by default)"))
    repeat.add_argument("number", metavar="N", nargs="?", default="1")
    repeat.set_defaults(func=with_service(repeat_recent))


def describe(recent: Recent) -> str:
    """'Lunch on rocket, callbell for 1 hour'."""
    from trayapp.core.timetext import duration_text

    text = _("{change} on {accounts}").format(change=recent.label, accounts=", ".join(recent.accounts))
    if recent.duration is None:
        return text
    return _("{change} for {duration}").format(change=text, duration=duration_text(recent.duration))


def list_recent(service: StatusService, a: argparse.Namespace) -> int:
    from trayapp.core.timetext import local_time

    recents = service.recents()
    if a.json:
        print(json.dumps([r.to_dict() for r in recents], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not recents:
        print(_("No recent changes yet."))
        return EXIT_OK
    now = datetime.now(timezone.utc)
    table(
        [[str(n), describe(r), local_time(r.at, now) if r.at else ""] for n, r in enumerate(recents, start=1)]
    )
    return EXIT_OK


def repeat_recent(service: StatusService, a: argparse.Namespace) -> int:
    recents = service.recents()
    if not recents:
        raise TrayAppError(_("There is no recent change to repeat yet."))
    if not a.number.isdigit() or not 1 <= int(a.number) <= len(recents):
        raise UsageError(
            _("'{number}' is not a number from 1 to {last} ('trayapp recent' lists them).").format(
                number=a.number, last=len(recents)
            )
        )
    chosen = recents[int(a.number) - 1]
    print(_("Repeating {change}.").format(change=describe(chosen)))
    return report(service.repeat(chosen), what=chosen.label)
