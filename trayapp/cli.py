"""Command-line front end over StatusService. No subcommand starts the tray (Qt imported lazily).

Each failure prints one readable line on stderr and exits non-zero; no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any, NoReturn

from trayapp import __version__
from trayapp.core.errors import InputError, TrayAppError, TwoFactorRequired
from trayapp.core.logs import register_secret, setup_logging
from trayapp.core.models import (
    Account,
    AccountResult,
    Availability,
    ChangeKind,
    CurrentStatus,
    Outcome,
    ServiceKind,
    StatusChange,
)
from trayapp.core.paths import AppPaths
from trayapp.core.timeparse import parse_duration, parse_when

log = logging.getLogger("trayapp.cli")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"trayapp: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="trayapp", description="Set your work status from the system tray or the command line."
    )
    parser.add_argument("--version", action="version", version=f"trayapp {__version__}")
    parser.add_argument("--demo", action="store_true", help="start the tray on the embedded demo server")
    parser.add_argument("--background", action="store_true", help="start in the tray only (used at login)")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    accounts = sub.add_parser("accounts", help="add, list or remove accounts")
    acc_sub = accounts.add_subparsers(
        dest="accounts_command", required=True, parser_class=_Parser, metavar="ACTION"
    )
    add = acc_sub.add_parser("add", help="add an account")
    add_sub = add.add_subparsers(dest="service", required=True, parser_class=_Parser, metavar="SERVICE")
    rc = add_sub.add_parser("rocketchat", help="Rocket.Chat: personal access token or username + password")
    rc.add_argument("name")
    rc.add_argument("--url", required=True, help="workspace address, e.g. https://chat.example.com")
    rc.add_argument("--user-id", help="your user id (shown with the personal access token)")
    rc.add_argument("--token-stdin", action="store_true", help="read the personal access token from stdin")
    rc.add_argument("--username", help="sign in with username (or e-mail) and password instead")
    rc.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    rc.add_argument("--code", help="two-factor code, when the server asks for one")
    cb = add_sub.add_parser("callbell", help="Callbell: API key + your user uuid")
    cb.add_argument("name")
    cb.add_argument("--user-uuid", required=True)
    cb.add_argument("--token-stdin", action="store_true", required=True, help="read the API key from stdin")
    cb.add_argument("--url", help="API address (default: the public Callbell API)")
    ss = add_sub.add_parser(
        "smartsheet", help="Smartsheet Resource Management: API token + your user id or e-mail"
    )
    ss.add_argument("name")
    who = ss.add_mutually_exclusive_group(required=True)
    who.add_argument("--user-id")
    who.add_argument("--email", help="look your user id up by e-mail")
    ss.add_argument("--token-stdin", action="store_true", required=True, help="read the API token from stdin")
    ss.add_argument("--url", help="API address (default: the public one; EU: https://api.rm.smartsheet.eu)")
    listing = acc_sub.add_parser("list", help="list accounts")
    listing.add_argument("--json", action="store_true")
    remove = acc_sub.add_parser("remove", help="remove an account and its keyring entry")
    remove.add_argument("name")

    statuses = sub.add_parser("statuses", help="list custom statuses")
    statuses.add_argument("--account")
    statuses.add_argument("--refresh", action="store_true", help="fetch again instead of using the cache")
    statuses.add_argument("--json", action="store_true")

    create = sub.add_parser("create", help="create a custom status")
    create.add_argument("status_name", metavar="STATUS_NAME")
    create.add_argument("--account", required=True)
    create.add_argument("--type", default="", help="Rocket.Chat status type: online, busy, away or offline")
    create.add_argument("--emoji", default="", help="Callbell emoji")

    setp = sub.add_parser("set", help="apply a status and/or availability")
    setp.add_argument("status_name", metavar="STATUS_NAME", nargs="?")
    avail = setp.add_mutually_exclusive_group()
    for value in Availability:
        avail.add_argument(f"--{value.value}", dest="availability", action="store_const", const=value)
    setp.add_argument("--message")
    setp.add_argument("--start", metavar="WHEN", help="HH:MM today, or ISO 8601")
    until = setp.add_mutually_exclusive_group()
    until.add_argument("--end", metavar="WHEN", help="HH:MM today, or ISO 8601")
    until.add_argument("--for", dest="duration", metavar="DURATION", help="e.g. 30m, 2h, 1h30m")
    setp.add_argument("--account", action="append", dest="accounts", metavar="NAME")

    clear = sub.add_parser("clear", help="clear the custom status and message")
    clear.add_argument("--account", action="append", dest="accounts", metavar="NAME")

    status = sub.add_parser("status", help="show each account's current status")
    status.add_argument("--json", action="store_true")

    schedule = sub.add_parser("schedule", help="list scheduled changes, or cancel one")
    schedule.add_argument("--json", action="store_true")
    sched_sub = schedule.add_subparsers(dest="schedule_command", parser_class=_Parser, metavar="ACTION")
    cancel = sched_sub.add_parser("cancel", help="cancel a scheduled change (an active one ends now)")
    cancel.add_argument("entry_id", metavar="ID")

    autostart = sub.add_parser("autostart", help="launch trayapp at login: on, off or status")
    autostart.add_argument("state", choices=["on", "off", "status"])

    demo = sub.add_parser("demo-server", help="run the demo server in the foreground")
    demo.add_argument("--port", type=int, default=0)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command is None:
            from trayapp.qt.app import run  # Qt is imported only when the tray starts

            return run(paths=None, demo=args.demo, background=args.background)
        if args.command == "demo-server":
            return _demo_server(args.port)
        if args.command == "autostart":
            return _autostart(args.state)
        return _Commands(args).run()
    except TrayAppError as exc:
        _err(str(exc))
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception:  # the last line of defence: a sentence for the user, the details in the log
        log.exception("unexpected error")
        _err("an unexpected error happened; please report it (details were logged).")
        return 70


def _err(message: str) -> None:
    print(f"trayapp: {message}", file=sys.stderr)


def _read_secret(what: str) -> str:
    if sys.stdin is None:
        raise InputError(f"No {what} on standard input.")
    if sys.stdin.isatty():
        value = getpass.getpass(f"{what.capitalize()}: ")
    else:
        value = sys.stdin.readline().rstrip("\r\n")
    if not value.strip():
        raise InputError(f"The {what} read from standard input is empty.")
    register_secret(value)
    return value


class _Commands:
    def __init__(self, args: argparse.Namespace) -> None:
        from trayapp.core.service import StatusService

        self.args = args
        paths = AppPaths.default()
        setup_logging(paths.log_dir)
        self.service = StatusService(paths)
        for warning in (self.service.settings_warning, self.service.cache_warning):
            if warning:
                _err(f"warning: {warning}")

    def run(self) -> int:
        handler = getattr(self, "cmd_" + self.args.command.replace("-", "_"))
        try:
            return int(handler())
        finally:
            self.service.close()

    # -- accounts
    def cmd_accounts(self) -> int:
        return int(getattr(self, "accounts_" + self.args.accounts_command)())

    def accounts_add(self) -> int:
        a = self.args
        kind = ServiceKind(a.service)
        if kind is ServiceKind.ROCKETCHAT:
            account, secret = self._rocketchat_credentials()
        elif kind is ServiceKind.CALLBELL:
            from trayapp.backends.callbell import DEFAULT_URL

            secret = _read_secret("API key")
            account = Account(a.name, kind, a.url or DEFAULT_URL, a.user_uuid.strip())
        else:
            from trayapp.backends.smartsheet_rm import DEFAULT_URL as SS_URL
            from trayapp.backends.smartsheet_rm import find_user_id

            secret = _read_secret("API token")
            url = a.url or SS_URL
            if a.email:
                user_id, label = find_user_id(url, secret, a.email)
                account = Account(a.name, kind, url, user_id, display_user=label)
            else:
                account = Account(a.name, kind, url, a.user_id.strip())
        label = self.service.add_account(account, secret)
        print(f"Added {account.name} ({kind.label}, signed in as {label}).")
        return 0

    def _rocketchat_credentials(self) -> tuple[Account, str]:
        a = self.args
        if a.username:
            if a.user_id or a.token_stdin:
                raise InputError(
                    "Use either --user-id with --token-stdin, or --username with --password-stdin."
                )
            if not a.password_stdin:
                raise InputError(
                    "--username needs --password-stdin (passwords are never taken as arguments)."
                )
            from trayapp.backends.rocketchat import login

            password = _read_secret("password")
            try:
                user_id, token = login(a.url, a.username, password, a.code)
            except TwoFactorRequired as exc:
                if a.code or not sys.stdin.isatty():
                    raise InputError(
                        f"Rocket.Chat asks for a two-factor code ({exc.method}): run again with --code CODE."
                    ) from None
                code = input("Two-factor code: ").strip()
                user_id, token = login(a.url, a.username, password, code)
            return Account(a.name, ServiceKind.ROCKETCHAT, a.url, user_id, display_user=a.username), token
        if not (a.user_id and a.token_stdin):
            raise InputError(
                "Rocket.Chat needs --user-id with --token-stdin, or --username with --password-stdin."
            )
        return Account(a.name, ServiceKind.ROCKETCHAT, a.url, a.user_id.strip()), _read_secret("access token")

    def accounts_list(self) -> int:
        accounts = self.service.accounts()
        rows = [
            {"name": a.name, "service": a.kind.value, "url": a.url, "user": a.display_user or a.user}
            for a in accounts
        ]
        if self.args.json:
            print(json.dumps(rows, indent=2, ensure_ascii=False))
        elif not rows:
            print("No accounts yet: add one with 'trayapp accounts add'.")
        else:
            _table([[r["name"], ServiceKind(r["service"]).label, r["user"], r["url"]] for r in rows])
        return 0

    def accounts_remove(self) -> int:
        self.service.remove_account(self.args.name)
        print(f"Removed {self.args.name} and its keyring entry.")
        return 0

    # -- statuses
    def cmd_statuses(self) -> int:
        names = [self.args.account] if self.args.account else None
        results = self.service.statuses(names, refresh=self.args.refresh)
        rows: list[dict[str, str]] = []
        for result in results:
            for status in self.service.cached_statuses(result.account) or []:
                rows.append(
                    {
                        "account": result.account,
                        "id": status.id,
                        "name": status.name,
                        "type": status.type,
                        "emoji": status.emoji,
                    }
                )
        failed = _report_failures(results)
        if self.args.json:
            print(json.dumps(rows, indent=2, ensure_ascii=False))
        elif rows:
            _table([[r["account"], f"{r['emoji']} {r['name']}".strip(), r["type"]] for r in rows])
        return 1 if failed else 0

    def cmd_create(self) -> int:
        a = self.args
        created = self.service.create_status(
            a.account, a.status_name, type=a.type.strip().lower(), emoji=a.emoji
        )
        print(f"Created '{created.label}' on {a.account}.")
        return 0

    # -- changes
    def cmd_set(self) -> int:
        a = self.args
        now = datetime.now(timezone.utc)
        start = parse_when(a.start, now) if a.start else None
        end = _end_time(a, start or now)
        if a.status_name is None and a.availability is None:
            raise InputError(
                "Say what to set: a status name, and/or --available, --away, --busy or --offline."
            )
        results: list[AccountResult] = []
        if a.availability is not None:
            change = StatusChange(
                ChangeKind.AVAILABILITY, availability=a.availability, message=a.message, start=start, end=end
            )
            results += self.service.apply(change, a.accounts)
        if a.status_name is not None:
            results += self.service.apply_named(a.status_name, a.message, start, end, a.accounts)
        return _report(results, what=a.status_name or a.availability.label)

    def cmd_clear(self) -> int:
        return _report(self.service.clear(self.args.accounts), what="clear")

    def cmd_status(self) -> int:
        delivered = self.service.deliver_pending()  # a waiting change goes out before we read back
        _report_lines(delivered)
        pending = self.service.pending_changes()
        results = self.service.current()
        rows = []
        for result in results:
            account = self.service.account(result.account)
            current = result.current or self.service.cached_current(result.account)
            row = _status_row(account, current, live=result.ok)
            waiting = pending.get(account.name)
            row["pending"] = waiting.change.describe() if waiting else None
            rows.append(row)
        failed = _report_failures(results)
        if self.args.json:
            print(json.dumps(rows, indent=2, ensure_ascii=False))
        elif not rows:
            print("No accounts yet: add one with 'trayapp accounts add'.")
        else:
            _table([_status_cells(r) for r in rows])
        return 1 if failed else 0

    def cmd_schedule(self) -> int:
        from trayapp.core.service import describe_entry

        if self.args.schedule_command == "cancel":
            entry = self.service.cancel_scheduled(self.args.entry_id)
            print(f"{entry.id}: {entry.change.describe()} is {entry.phase.value}.")
            for event in self.service.run_schedule():
                print(f"{event.account}: {event.message}")
            return 0
        entries = self.service.schedule_entries()
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
        if self.args.json:
            print(json.dumps(rows, indent=2, ensure_ascii=False))
        elif not rows:
            print("Nothing is scheduled.")
        else:
            _table(
                [
                    [e.id, e.phase.value, ",".join(e.accounts), describe_entry(e), str(r["note"])]
                    for r, e in zip(rows, entries, strict=True)
                ]
            )
        return 0


def _end_time(args: argparse.Namespace, start: datetime) -> datetime | None:
    if args.duration:
        return start + parse_duration(args.duration)
    if args.end:
        end = parse_when(args.end, datetime.now(timezone.utc))
        if end <= start:
            raise InputError("The end time must be after the start time.")
        return end
    return None


def _status_row(account: Account, current: CurrentStatus | None, live: bool) -> dict[str, Any]:
    current = current or CurrentStatus()
    return {
        "account": account.name,
        "service": account.kind.value,
        "availability": current.availability.value if current.availability else None,
        "status": current.status_name,
        "message": current.message,
        "start": current.start.isoformat() if current.start else None,
        "end": current.end.isoformat() if current.end else None,
        "source": current.source or None,  # Rocket.Chat 8.6+: manual, internal (a call), external
        "notice": current.notice or None,
        "live": live,
    }


def _status_cells(row: dict[str, Any]) -> list[str]:
    text = row["status"] or "—"
    if row["message"] and row["message"] != row["status"]:
        text += f' "{row["message"]}"'
    if row["end"]:
        text += " until " + datetime.fromisoformat(row["end"]).astimezone().strftime("%a %H:%M")
    availability = (row["availability"] or "unknown").capitalize()
    if not row["live"]:
        availability += " (last known)"
    if row.get("pending"):
        text += f" (pending: {row['pending']})"
    if row.get("notice"):
        text += f" — {row['notice']}"
    return [row["account"], ServiceKind(row["service"]).label, availability, text]


def _report_failures(results: list[AccountResult]) -> bool:
    failed = [r for r in results if r.outcome is Outcome.FAILED]
    for result in failed:
        _err(f"{result.account}: {result.detail}")
    return bool(failed)


def _report_lines(results: list[AccountResult]) -> None:
    for result in results:
        if result.outcome is Outcome.OK:
            print(f"{result.account}: {result.detail or 'done'}")
        elif result.outcome is Outcome.SKIPPED:
            print(f"{result.account}: skipped: {result.detail}")
        elif result.outcome is Outcome.PENDING:
            _err(f"{result.account}: pending: {result.detail}")
        for note in result.notes:
            print(f"{result.account}: note: {note}")


EXIT_PENDING = 75  # EX_TEMPFAIL: kept, will be delivered later


def _report(results: list[AccountResult], what: str) -> int:
    _report_lines(results)
    failed = _report_failures(results)
    if not results:
        _err("There are no accounts yet: add one with 'trayapp accounts add'.")
        return 1
    if failed:
        return 1
    if any(r.outcome is Outcome.PENDING for r in results):
        return EXIT_PENDING
    if not any(r.ok for r in results):
        _err(f"Nothing was changed: no account could apply '{what}'.")
        return 1
    return 0


def _table(rows: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def _autostart(state: str) -> int:
    from trayapp.core import autostart

    entry = autostart.for_platform()
    if state == "on":
        entry.enable()
    elif state == "off":
        entry.disable()
    enabled = entry.is_enabled()  # always the OS's own answer, not what we meant to do
    print(f"Launch at login is {'on' if enabled else 'off'} ({entry.location}).")
    return 0 if state == "status" or enabled == (state == "on") else 1


def _demo_server(port: int) -> int:
    from trayapp.demo import seed
    from trayapp.demo.server import serve_forever

    def ready(base_url: str) -> None:
        print(base_url, flush=True)
        print(
            "Demo accounts (public demo credentials, loopback only):\n"
            f"  echo {seed.RC_ALICE_PAT} | trayapp accounts add rocketchat rocket "
            f"--url {base_url}{seed.ROCKETCHAT_PREFIX} --user-id {seed.RC_ALICE_ID} --token-stdin\n"
            f"  echo {seed.CB_TOKEN} | trayapp accounts add callbell callbell "
            f"--url {base_url}{seed.CALLBELL_PREFIX} --user-uuid {seed.CB_USER_UUID} --token-stdin\n"
            f"  echo {seed.SS_TOKEN} | trayapp accounts add smartsheet smartsheet "
            f"--url {base_url}{seed.SMARTSHEET_PREFIX} --email {seed.SS_USER_EMAIL} --token-stdin\n"
            "Press Ctrl+C to stop.",
            flush=True,
        )

    try:
        serve_forever(port, on_ready=ready)
    except OSError as exc:
        raise InputError(f"Could not start the demo server on port {port}: {exc.strerror or exc}.") from None
    return 0
