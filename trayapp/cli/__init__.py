"""Command-line front end over StatusService: one module per command, each with its parser and its run
function (wired by `set_defaults(func=...)` in parser.py); no command starts the tray (Qt imported lazily).

Each failure prints one readable line on stderr and exits non-zero; no traceback reaches the user.
"""

from trayapp.cli.entry import main
from trayapp.cli.parser import build_parser

__all__ = ["build_parser", "main"]
