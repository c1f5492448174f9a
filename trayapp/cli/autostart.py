"""`trayapp autostart on|off|status`: launch at login, as the OS itself reports it."""

from __future__ import annotations

import argparse
import sys

from trayapp.cli.usage import Parser
from trayapp.core.i18n import _


def register(sub: argparse._SubParsersAction[Parser]) -> None:
    autostart = sub.add_parser("autostart", help=_("launch trayapp at login: on, off or status"))
    autostart.add_argument("state", choices=["on", "off", "status"])
    autostart.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from trayapp.core import autostart

    state: str = args.state
    entry = autostart.for_platform()
    if state == "on":
        entry.enable()
    elif state == "off":
        entry.disable()
    enabled = entry.is_enabled()  # always the OS's own answer, not what we meant to do
    if enabled:
        print(_("Launch at login is on ({location}).").format(location=entry.location))
    else:
        print(_("Launch at login is off ({location}).").format(location=entry.location))
    problem = entry.problem() if enabled else entry.reason
    if problem:
        print(problem, file=sys.stderr)  # on but broken, or not possible from this installation
    if enabled and problem:
        return 1
    return 0 if state == "status" or enabled == (state == "on") else 1
