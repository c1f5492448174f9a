"""Command-line front end over StatusService. No subcommand starts the tray (Qt imported lazily).

Each failure prints one readable line on stderr and exits non-zero; no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, NoReturn

from trayapp import __version__
from trayapp.core.errors import (
    InputError,
    RateLimited,
    ServiceUnavailable,
    TrayAppError,
    TwoFactorRequired,
)
from trayapp.core.logs import setup_logging
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
from trayapp.core.redaction import redact, register_secret
from trayapp.core.statusfields import check_emoji, check_status_type
from trayapp.core.timeparse import parse_duration, parse_when
from trayapp.core.timetext import local_time
from trayapp.qt_options import split_qt_args

if TYPE_CHECKING:
    from trayapp.core.scheduler import ScheduleEntry

log = logging.getLogger("trayapp.cli")

# The exit codes the README promises (its "Command line" table).
EXIT_OK = 0
EXIT_FAILURE = 1  # the service refused, or there is nothing to act on
EXIT_USAGE = 2  # the command line itself is wrong; nothing was sent
EXIT_BUG = 70  # EX_SOFTWARE: an unexpected error, details in the log
EXIT_UNREACHABLE = 75  # EX_TEMPFAIL: a service could not be reached; a change is kept, sent later
EXIT_INTERRUPTED = 130


class UsageError(InputError):
    """An invalid value or a missing argument on the command line (exit 2)."""


@contextmanager
def _usage() -> Iterator[None]:
    """Checks of command-line values: what they refuse is a usage error."""
    try:
        yield
    except UsageError:
        raise
    except InputError as exc:
        raise UsageError(str(exc)) from None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"trayapp: {message} (see '{self.prog} --help')\n")


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
    rc.add_argument(
        "--code", help="two-factor code (authenticator app or e-mail, as the server asks), when it asks"
    )
    cb = add_sub.add_parser("callbell", help="Callbell: API key + your user uuid")
    cb.add_argument("name")
    cb.add_argument(
        "--user-uuid",
        required=True,
        help="your Callbell user uuid: 32 hex characters, dashes allowed (the API has no call that "
        "returns it: ask your Callbell admin or Callbell support)",
    )
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
    create.add_argument(
        "--type", default="", help="Rocket.Chat status type: online (the default), busy, away or offline"
    )
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

    doctor = sub.add_parser("doctor", help="check what this machine offers trayapp, and what to fix")
    doctor.add_argument("--json", action="store_true")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Qt's own options (-style fusion, -platform xcb) go to QApplication, not to this parser.
    qt_args, argv = split_qt_args(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    if qt_args and args.command is not None:
        _err(f"{qt_args[0].split('=')[0]} is an option of the tray app: give it without a command.")
        return EXIT_USAGE
    try:
        if args.command is None:
            from trayapp.preflight import EXIT_CANNOT_START, first_problem

            if problem := first_problem(qt_args):  # before Qt: it would abort (SIGABRT) instead
                _err(problem)
                return EXIT_CANNOT_START
            from trayapp.qt.app import run  # Qt is imported only when the tray starts

            return run(paths=None, demo=args.demo, background=args.background, qt_args=qt_args)
        if args.command == "demo-server":
            return _demo_server(args.port)
        if args.command == "autostart":
            return _autostart(args.state)
        if args.command == "doctor":
            from trayapp import doctor

            return doctor.run(as_json=args.json)
        return _Commands(args).run()
    except UsageError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except (ServiceUnavailable, RateLimited) as exc:  # e.g. adding an account while its server is down
        _err(str(exc))
        return EXIT_UNREACHABLE
    except TrayAppError as exc:
        _err(str(exc))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception:  # the last line of defence: a sentence for the user, the details in the log
        log.exception("unexpected error")
        _err("an unexpected error happened; please report it (details were logged).")
        return EXIT_BUG


def _err(message: str) -> None:
    print(f"trayapp: {redact(message)}", file=sys.stderr)


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
        from trayapp.backends import BACKENDS
        from trayapp.core.service import StatusService

        self.args = args
        paths = AppPaths.default()
        setup_logging(paths.log_dir)
        self.service = StatusService(paths, backends=BACKENDS)
        self._told: set[str] = set()
        self._tell_file_warnings()

    def run(self) -> int:
        handler = getattr(self, "cmd_" + self.args.command.replace("-", "_"))
        try:
            return int(handler())
        finally:
            self._tell_file_warnings()  # pending and schedule files are first read by the command
            self.service.close()

    def _tell_file_warnings(self) -> None:
        """Each damaged file or part that was set aside, said once."""
        for warning in self.service.file_warnings():
            if warning not in self._told:
                self._told.add(warning)
                _err(f"warning: {warning}")

    # -- accounts
    def cmd_accounts(self) -> int:
        return int(getattr(self, "accounts_" + self.args.accounts_command)())

    def accounts_add(self) -> int:
        a = self.args
        kind = ServiceKind(a.service)
        _check_account_values(a)  # before the secret is read, and before any request
        if kind is ServiceKind.ROCKETCHAT:
            account, secret = self._rocketchat_credentials()
        elif kind is ServiceKind.CALLBELL:
            from trayapp.backends.callbell import DEFAULT_URL, normalise_uuid
            from trayapp.core.ports import check_url

            url = check_url(a.url or DEFAULT_URL)
            user = normalise_uuid(a.user_uuid)  # before the key is read: a typo costs nothing
            secret = _read_secret("API key")
            account = Account(a.name, kind, url, user)
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
                raise UsageError(
                    "Use either --user-id with --token-stdin, or --username with --password-stdin."
                )
            if not a.password_stdin:
                raise UsageError(
                    "--username needs --password-stdin (passwords are never taken as arguments)."
                )
            from trayapp.backends.rocketchat import login

            password = _read_secret("password")
            try:
                user_id, token = login(a.url, a.username, password, a.code)
            except TwoFactorRequired as exc:
                if a.code or not sys.stdin.isatty():
                    raise InputError(f"{exc} Run again with --code CODE.") from None
                code = input(f"{exc.prompt}: ").strip()  # by the method the server names
                user_id, token = login(a.url, a.username, password, code)
            return Account(a.name, ServiceKind.ROCKETCHAT, a.url, user_id, display_user=a.username), token
        if not (a.user_id and a.token_stdin):
            raise UsageError(
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
        cells: list[list[str]] = []
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
                cells.append([result.account, status.label, status.type])
        _report_failures(results)
        if self.args.json:
            print(json.dumps(rows, indent=2, ensure_ascii=False))
        elif cells:
            _table(cells)
        return _exit_code(results)

    def cmd_create(self) -> int:
        a = self.args
        with _usage():
            if not a.status_name.strip():
                raise InputError("The status needs a name.")
            status_type = check_status_type(a.type) if a.type.strip() else ""
            emoji = check_emoji(a.emoji) if a.emoji.strip() else ""
        account = self.service.account(a.account)
        capabilities = self.service.capabilities(account)
        if capabilities.can_create:  # otherwise the service says the set is fixed
            _check_create_field(account, capabilities.create_field, status_type, emoji)
        created = self.service.create_status(a.account, a.status_name, type=status_type, emoji=emoji)
        print(f"Created '{created.label}' on {a.account}.")
        if a.emoji.strip() and not created.emoji:  # Callbell's reference has no emoji on create
            print(f"{a.account}: note: the service did not take the emoji, so the status has none.")
        return EXIT_OK

    # -- changes
    def cmd_set(self) -> int:
        a = self.args
        if a.status_name is None and a.availability is None:
            raise UsageError(
                "Say what to set: a status name, and/or --available, --away, --busy or --offline."
            )
        if a.status_name is not None and not a.status_name.strip():
            raise UsageError("The status name is empty.")
        with _usage():
            start, end = _window(a, datetime.now(timezone.utc))
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
        results = self.service.clear(self.args.accounts)
        return _report([replace(r, detail="status cleared") if r.ok else r for r in results], what="clear")

    def cmd_status(self) -> int:
        delivered = self.service.deliver_pending()  # a waiting change goes out before we read back
        _report_lines(delivered)
        _report_failures(delivered)
        # One line per account: one whose waiting change could not go out is not asked again.
        unsettled = {r.account for r in delivered if not r.ok}
        accounts = self.service.accounts()
        readable = [a.name for a in accounts if a.name not in unsettled]
        read = {r.account: r for r in self.service.current(readable)} if readable else {}
        _report_failures(list(read.values()))
        pending = self.service.pending_changes()
        now = datetime.now(timezone.utc)
        rows, cells = [], []
        for account in accounts:
            result = read.get(account.name)
            live = result is not None and result.ok
            current = (result.current if result else None) or self.service.cached_current(account.name)
            waiting = pending.get(account.name)
            row = _status_row(account, current, live=live)
            row["pending"] = waiting.change.describe() if waiting else None
            rows.append(row)
            cells.append(_status_cells(account, current, live, row["pending"], now))
        if self.args.json:
            print(json.dumps(rows, indent=2, ensure_ascii=False))
        elif not rows:
            print("No accounts yet: add one with 'trayapp accounts add'.")
        else:
            _table(cells)
        return _exit_code(delivered + list(read.values()))

    def cmd_schedule(self) -> int:
        from trayapp.core.service import describe_entry

        if self.args.schedule_command == "cancel":
            return self._cancel(self.args.entry_id)
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
        return EXIT_OK

    def _cancel(self, entry_id: str) -> int:
        from trayapp.core.scheduler import Phase

        entries = self.service.schedule_entries()
        found = next((e for e in entries if e.id == entry_id), None)
        if found is not None and found.phase.finished:
            if found.phase is Phase.CANCELLED:  # asked twice: what was wanted already holds
                print(f"{found.id}: '{found.change.describe()}' was already cancelled.")
                return EXIT_OK
            raise TrayAppError(_why_not_cancellable(found, entries))
        entry = self.service.cancel_scheduled(entry_id)
        print(f"{entry.id}: {entry.change.describe()} is {entry.phase.value}.")
        for event in self.service.run_schedule():
            print(f"{event.account}: {event.text}")
        return EXIT_OK


def _check_account_values(args: argparse.Namespace) -> None:
    """The values of `accounts add` that can be judged without the service."""
    from trayapp.core.ports import check_url
    from trayapp.core.settings import check_account_name

    with _usage():
        check_account_name(args.name)
        if args.url:  # checked before the token is sent anywhere
            check_url(args.url)
        email = getattr(args, "email", None)
        if email is not None and "@" not in email:
            raise InputError(f"'{email.strip()}' is not an e-mail address.")


def _check_create_field(account: Account, field: str | None, status_type: str, emoji: str) -> None:
    label = account.kind.label
    if status_type and field != "type":
        raise UsageError(f"{label} statuses have no type: --type is for Rocket.Chat statuses.")
    if emoji and field != "emoji":
        raise UsageError(f"{label} statuses have no emoji: --emoji is for Callbell statuses.")


def _window(args: argparse.Namespace, now: datetime) -> tuple[datetime | None, datetime | None]:
    """--start and --end/--for as aware datetimes (None when not given)."""
    start = parse_when(args.start, now) if args.start else None
    if args.duration:
        end = (start or now) + parse_duration(args.duration)
    elif args.end:
        end = parse_when(args.end, now)
        if start is not None and end <= start:
            raise InputError("The end time must be after the start time.")
    else:
        return start, None
    if end <= now:
        raise InputError(f"The end time ({local_time(end, now)}) has already passed.")
    return start, end


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
        text += " until " + local_time(current.end, now)
    availability = current.availability.label if current.availability else "Unknown"
    if not live:
        availability += " (last known)"
    if pending:
        text += f" (pending: {pending})"
    if current.notice:
        text += f" — {current.notice}"
    return [account.name, account.kind.label, availability, text]


def _report_failures(results: list[AccountResult]) -> None:
    for result in results:
        if result.outcome is Outcome.FAILED:
            _err(f"{result.account}: {result.detail}")


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


def _transient_kinds() -> set[str]:
    """Error kinds that mean 'not reached this time' (with any subclasses a backend defines)."""
    kinds: set[str] = set()
    todo: list[type[Exception]] = [ServiceUnavailable, RateLimited]
    while todo:
        kind = todo.pop()
        kinds.add(kind.__name__)
        todo.extend(kind.__subclasses__())
    return kinds


def _exit_code(results: Sequence[AccountResult]) -> int:
    """1 when a service refused, else 75 when one could not be reached (a change is kept), else 0."""
    transient = _transient_kinds()
    failed = [r for r in results if r.outcome is Outcome.FAILED]
    if any(r.error_kind not in transient for r in failed):
        return EXIT_FAILURE
    if failed or any(r.outcome is Outcome.PENDING for r in results):
        return EXIT_UNREACHABLE
    return EXIT_OK


def _report(results: list[AccountResult], what: str) -> int:
    _report_lines(results)
    _report_failures(results)
    if not results:
        _err("There are no accounts yet: add one with 'trayapp accounts add'.")
        return EXIT_FAILURE
    code = _exit_code(results)
    if code == EXIT_OK and not any(r.ok for r in results):
        _err(f"Nothing was changed: no account could apply '{what}'.")
        return EXIT_FAILURE
    return code


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
