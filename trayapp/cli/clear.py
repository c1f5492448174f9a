"""`trayapp clear`: the custom status and message off every account, or the named ones."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import TYPE_CHECKING

from trayapp.cli.output import report
from trayapp.cli.session import with_service
from trayapp.cli.usage import Parser
from trayapp.core.i18n import _

if TYPE_CHECKING:
    from trayapp.core.service import StatusService


def register(sub: argparse._SubParsersAction[Parser]) -> None:
    clear = sub.add_parser("clear", help=_("clear the custom status and message"))
    clear.add_argument("--account", action="append", dest="accounts", metavar="NAME")
    clear.set_defaults(func=with_service(clear_status))


def clear_status(service: StatusService, args: argparse.Namespace) -> int:
    results = service.clear(args.accounts)
    cleared = [replace(r, detail=_("status cleared")) if r.ok else r for r in results]
    return report(cleared, what=_("clear status"))
