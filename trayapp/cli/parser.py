"""The whole command line: the tray's options, then each command's own parser, in the order of --help.

Only the command named on the line is imported (none for the tray or --version), so a command pays for
no other command's module; --help and an unknown name load them all, for the list.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence

from trayapp import __version__
from trayapp.cli import tray
from trayapp.cli.usage import Parser
from trayapp.core.i18n import _

# Command -> its module in trayapp.cli (each has register(subparsers)), in the order of --help.
COMMANDS = {
    "accounts": "accounts",
    "statuses": "statuses",
    "create": "create",
    "edit": "edit",
    "delete": "edit",  # edit.py registers both
    "set": "set_status",
    "preset": "preset",
    "recent": "recent",
    "clear": "clear",
    "status": "status",
    "schedule": "schedule",
    "auto": "auto",
    "autostart": "autostart",
    "demo-server": "demo_server",
    "doctor": "doctor",
    "self-test": "self_test",
}


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv` (without Qt's options); None: with every command."""
    parser = Parser(
        prog="trayapp", description=_("Set your work status from the system tray or the command line.")
    )
    parser.add_argument("--version", action="version", version=f"trayapp {__version__}")
    tray.register(parser)  # no command: the tray starts
    sub = parser.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")
    names = COMMANDS if argv is None else _commands_needed(argv)
    for module in dict.fromkeys(COMMANDS[name] for name in names):  # a module may register two commands
        importlib.import_module(f"trayapp.cli.{module}").register(sub)
    return parser


def _commands_needed(argv: Sequence[str]) -> Sequence[str]:
    """The top-level options take no value, so the first word that is not an option names the command."""
    for word in argv:
        if word in ("-h", "--") or (len(word) > 2 and "--help".startswith(word)):  # "--he" is --help too
            return list(COMMANDS)  # the help, or argparse's own reading of "--": the same text as ever
        if not word.startswith("-"):
            return [word] if word in COMMANDS else list(COMMANDS)
    return []
