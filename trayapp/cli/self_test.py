"""`trayapp self-test`: JSON about this installation's working parts (trayapp.doctor.selftest)."""

from __future__ import annotations

import argparse

from trayapp.cli.usage import Parser
from trayapp.core.i18n import _


def register(sub: argparse._SubParsersAction[Parser]) -> None:
    test = sub.add_parser(
        "self-test",
        help=_("check this installation: keyring backend, a secret round trip, launch at login, notifier"),
        description=_(
            "Exercise this installation's keyring, launch at login and notifier, print JSON, and "
            "exit 1 when one of them fails. Leaves nothing behind."
        ),
    )
    test.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from trayapp.doctor import selftest

    return selftest.run()
