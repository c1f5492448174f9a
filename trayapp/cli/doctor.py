"""`trayapp doctor`: what this machine offers trayapp, and what to fix (the checks live in trayapp.doctor)."""

from __future__ import annotations

import argparse

from trayapp.cli.usage import Parser
from trayapp.core.i18n import _


def register(sub: argparse._SubParsersAction[Parser]) -> None:
    doctor = sub.add_parser("doctor", help=_("check what this machine offers trayapp, and what to fix"))
    doctor.add_argument("--json", action="store_true")
    doctor.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from trayapp import doctor

    return doctor.run(as_json=args.json)
