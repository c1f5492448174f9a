"""No command: start the tray, after the checks that would otherwise make Qt abort."""

from __future__ import annotations

import argparse

from trayapp.cli.output import err
from trayapp.core.i18n import _


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--demo", action="store_true", help=_("start the tray on the embedded demo server"))
    parser.add_argument("--background", action="store_true", help=_("start in the tray only (used at login)"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from trayapp.preflight import EXIT_CANNOT_START, first_problem

    if problem := first_problem(args.qt_args):  # before Qt: it would abort (SIGABRT) instead
        err(problem)
        return EXIT_CANNOT_START
    from trayapp.qt.app import run as run_tray  # Qt is imported only when the tray starts

    return run_tray(paths=None, demo=args.demo, background=args.background, qt_args=args.qt_args)
