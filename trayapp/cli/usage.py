"""What a wrong command line gets: one line naming the problem, exit 2, nothing sent."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

from trayapp.cli.output import EXIT_USAGE
from trayapp.core.errors import InputError
from trayapp.core.i18n import N_, _

# argparse's own texts (Python 3.10 to 3.13), for the catalogue: argparse translates them through
# gettext's global domain, which the CLI makes trayapp's (trayapp.core.i18n.use_system_locale).
ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
)


class UsageError(InputError):
    """An invalid value or a missing argument on the command line (exit 2)."""


@contextmanager
def usage() -> Iterator[None]:
    """Checks of command-line values: what they refuse is a usage error."""
    try:
        yield
    except UsageError:
        raise
    except InputError as exc:
        raise UsageError(str(exc)) from None


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        hint = _("(see '{command} --help')").format(command=self.prog)
        self.exit(EXIT_USAGE, f"trayapp: {message} {hint}\n")
