"""What every command prints: the error line, tables, one line per account, and the exit code."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from trayapp.core.errors import RateLimited, ServiceUnavailable
from trayapp.core.i18n import _
from trayapp.core.models import AccountResult, Outcome
from trayapp.core.redaction import redact

# The exit codes the README promises (its "Command line" table).
EXIT_OK = 0
EXIT_FAILURE = 1  # the service refused, or there is nothing to act on
EXIT_USAGE = 2  # the command line itself is wrong; nothing was sent
EXIT_BUG = 70  # EX_SOFTWARE: an unexpected error, details in the log
EXIT_UNREACHABLE = 75  # EX_TEMPFAIL: a service could not be reached; a change is kept, sent later
EXIT_INTERRUPTED = 130


def err(message: str) -> None:
    print(f"trayapp: {redact(message)}", file=sys.stderr)


def table(rows: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def report_failures(results: Sequence[AccountResult]) -> None:
    for result in results:
        if result.outcome is Outcome.FAILED:
            err(f"{result.account}: {result.detail}")


def report_lines(results: Sequence[AccountResult]) -> None:
    for result in results:
        if result.outcome is Outcome.OK:
            done = result.detail or _("done")
            print(f"{result.account}: {done}")
        elif result.outcome is Outcome.SKIPPED:
            print(f"{result.account}: " + _("skipped: {detail}").format(detail=result.detail))
        elif result.outcome is Outcome.PENDING:
            err(f"{result.account}: " + _("pending: {detail}").format(detail=result.detail))
        for note in result.notes:
            print(f"{result.account}: " + _("note: {note}").format(note=note))


def report(results: list[AccountResult], what: str) -> int:
    """A change's outcome on each account, and the exit code for all of them."""
    report_lines(results)
    report_failures(results)
    if not results:
        err(_("There are no accounts yet: add one with 'trayapp accounts add'."))
        return EXIT_FAILURE
    code = exit_code(results)
    if code == EXIT_OK and not any(r.ok for r in results):
        err(_("Nothing was changed: no account could apply '{what}'.").format(what=what))
        return EXIT_FAILURE
    return code


def exit_code(results: Sequence[AccountResult]) -> int:
    """1 when a service refused, else 75 when one could not be reached (a change is kept), else 0."""
    transient = _transient_kinds()
    failed = [r for r in results if r.outcome is Outcome.FAILED]
    if any(r.error_kind not in transient for r in failed):
        return EXIT_FAILURE
    if failed or any(r.outcome is Outcome.PENDING for r in results):
        return EXIT_UNREACHABLE
    return EXIT_OK


def _transient_kinds() -> set[str]:
    """Error kinds that mean 'not reached this time' (with any subclasses a backend defines)."""
    kinds: set[str] = set()
    todo: list[type[Exception]] = [ServiceUnavailable, RateLimited]
    while todo:
        kind = todo.pop()
        kinds.add(kind.__name__)
        todo.extend(kind.__subclasses__())
    return kinds
