"""The StatusService a command works on: opened with the log and the state-file warnings, always closed."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from trayapp.cli.output import err
from trayapp.core.logs import setup_logging
from trayapp.core.paths import AppPaths

if TYPE_CHECKING:
    from trayapp.core.service import StatusService

# What `set_defaults(func=...)` holds: run the parsed command line, return the exit code.
Command = Callable[[argparse.Namespace], int]
ServiceCommand = Callable[["StatusService", argparse.Namespace], int]


def with_service(command: ServiceCommand) -> Command:
    """`command` run on the user's StatusService and the backends, imported only when a command runs:
    parsing, --help and a usage error need neither."""

    def run(args: argparse.Namespace) -> int:
        from trayapp.backends import BACKENDS, fetch_ics
        from trayapp.core.service import StatusService

        paths = AppPaths.default()
        setup_logging(paths.log_dir)
        service = StatusService(paths, backends=BACKENDS, fetch_ics=fetch_ics)
        told: set[str] = set()
        _tell_file_warnings(service, told)
        try:
            return int(command(service, args))
        finally:
            _tell_file_warnings(service, told)  # pending and schedule files are first read by the command
            service.close()

    return run


def _tell_file_warnings(service: StatusService, told: set[str]) -> None:
    """Each damaged file or part that was set aside, said once."""
    for warning in service.file_warnings():
        if warning not in told:
            told.add(warning)
            err(f"warning: {warning}")
