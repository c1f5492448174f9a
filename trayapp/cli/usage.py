"""What a wrong command line gets: one line naming the problem, exit 2, nothing sent."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

from trayapp.cli.output import EXIT_USAGE
from trayapp.core.errors import InputError


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
        self.exit(EXIT_USAGE, f"trayapp: {message} (see '{self.prog} --help')\n")
