"""`trayapp [COMMAND]`: parse, run the command's function, and turn every failure into one line and its
exit code; no traceback reaches the user."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from trayapp.cli.output import (
    EXIT_BUG,
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_UNREACHABLE,
    EXIT_USAGE,
    err,
)
from trayapp.cli.parser import build_parser
from trayapp.cli.usage import UsageError
from trayapp.core.errors import RateLimited, ServiceUnavailable, TrayAppError
from trayapp.core.i18n import _, set_languages, use_system_locale
from trayapp.qt_options import split_qt_args

if TYPE_CHECKING:
    from trayapp.cli.session import Command

log = logging.getLogger("trayapp.cli")


def main(argv: Sequence[str] | None = None) -> int:
    use_system_locale()  # weekday and month names, 12 or 24 hours, as the user's locale writes them
    # Qt's own options (-style fusion, -platform xcb) go to QApplication, not to this parser.
    qt_args, argv = split_qt_args(sys.argv[1:] if argv is None else argv)
    args = build_parser(argv).parse_args(argv)
    if qt_args and args.command is not None:
        option = qt_args[0].split("=")[0]
        err(_("{option} is an option of the tray app: give it without a command.").format(option=option))
        return EXIT_USAGE
    args.qt_args = qt_args  # for the tray (trayapp.cli.tray)
    command: Command = args.func
    if getattr(args, "json", False):
        # --json is for scripts: the same text in every locale (keys and machine values never change;
        # the sentences in it, e.g. doctor's lines or a change's description, are the English source)
        set_languages(["C"])
    try:
        return command(args)
    except UsageError as exc:
        err(str(exc))
        return EXIT_USAGE
    except (ServiceUnavailable, RateLimited) as exc:  # e.g. adding an account while its server is down
        err(str(exc))
        return EXIT_UNREACHABLE
    except TrayAppError as exc:
        err(str(exc))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception:  # the last line of defence: a sentence for the user, the details in the log
        log.exception("unexpected error")
        err(_("an unexpected error happened; please report it (details were logged)."))
        return EXIT_BUG
    finally:
        if getattr(args, "json", False):
            set_languages(None)
