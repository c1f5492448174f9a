"""`trayapp status`: each account's current status, read back after any waiting change goes out."""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from trayapp.cli.output import exit_code, report_failures, report_lines, table
from trayapp.cli.session import with_service
from trayapp.cli.usage import Parser
from trayapp.core.i18n import _
from trayapp.core.models import Account, CurrentStatus
from trayapp.core.timetext import local_time

if TYPE_CHECKING:
    from trayapp.core.service import StatusService


def register(sub: argparse._SubParsersAction[Parser]) -> None:
    status = sub.add_parser("status", help=_("show each account's current status"))
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=with_service(show_status))


def show_status(service: StatusService, args: argparse.Namespace) -> int:
    delivered = service.deliver_pending()  # a waiting change goes out before we read back
    report_lines(delivered)
    report_failures(delivered)
    # One line per account: one whose waiting change could not go out is not asked again.
    unsettled = {r.account for r in delivered if not r.ok}
    accounts = service.accounts()
    readable = [a.name for a in accounts if a.name not in unsettled]
    read = {r.account: r for r in service.current(readable)} if readable else {}
    report_failures(list(read.values()))
    pending = service.pending_changes()
    now = datetime.now(timezone.utc)
    rows, cells = [], []
    for account in accounts:
        result = read.get(account.name)
        live = result is not None and result.ok
        current = (result.current if result else None) or service.cached_current(account.name)
        waiting = pending.get(account.name)
        row = _status_row(account, current, live=live)
        row["pending"] = waiting.change.describe() if waiting else None
        rows.append(row)
        cells.append(_status_cells(account, current, live, row["pending"], now))
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif not rows:
        print(_("No accounts yet: add one with 'trayapp accounts add'."))
    else:
        table(cells)
    return exit_code(delivered + list(read.values()))


def _status_row(account: Account, current: CurrentStatus | None, live: bool) -> dict[str, Any]:
    current = current or CurrentStatus()
    return {
        "account": account.name,
        "service": account.kind.value,
        "availability": current.availability.value if current.availability else None,
        "status": current.status_name,
        "emoji": current.emoji,
        "message": current.message,
        "start": current.start.isoformat() if current.start else None,
        "end": current.end.isoformat() if current.end else None,
        "source": current.source or None,  # Rocket.Chat 8.6+: manual, internal (a call), external
        "notice": current.notice or None,
        "live": live,
    }


def _status_cells(
    account: Account, current: CurrentStatus | None, live: bool, pending: str | None, now: datetime
) -> list[str]:
    current = current or CurrentStatus()
    text = current.label or "—"
    if current.message and current.message != current.status_name:
        text += f' "{current.message}"'
    if current.end:
        text += " " + _("until {time}").format(time=local_time(current.end, now))
    availability = current.availability.label if current.availability else _("Unknown")
    if not live:
        availability += " " + _("(last known)")
    if pending:
        text += " " + _("(pending: {change})").format(change=pending)
    if current.notice:
        text += f" — {current.notice}"
    return [account.name, account.kind.label, availability, text]
