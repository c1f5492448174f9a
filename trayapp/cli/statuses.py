"""`trayapp statuses`: each account's custom statuses, from the cache unless asked to refresh."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from trayapp.cli.output import exit_code, report_failures, table
from trayapp.cli.session import with_service
from trayapp.cli.usage import Parser
from trayapp.core.i18n import _

if TYPE_CHECKING:
    from trayapp.core.service import StatusService


def register(sub: argparse._SubParsersAction[Parser]) -> None:
    statuses = sub.add_parser("statuses", help=_("list custom statuses"))
    statuses.add_argument("--account")
    statuses.add_argument("--refresh", action="store_true", help=_("fetch again instead of using the cache"))
    statuses.add_argument("--json", action="store_true")
    statuses.set_defaults(func=with_service(list_statuses))


def list_statuses(service: StatusService, args: argparse.Namespace) -> int:
    names = [args.account] if args.account else None
    results = service.statuses(names, refresh=args.refresh)
    rows: list[dict[str, str]] = []
    cells: list[list[str]] = []
    for result in results:
        for status in service.cached_statuses(result.account) or []:
            rows.append(
                {
                    "account": result.account,
                    "id": status.id,
                    "name": status.name,
                    "type": status.type,
                    "emoji": status.emoji,
                }
            )
            cells.append([result.account, status.label, status.type])
    report_failures(results)
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif cells:
        table(cells)
    return exit_code(results)
