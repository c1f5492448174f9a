"""Qt's own command-line options (-style, -platform, ...), taken out of the arguments before the CLI's
parser sees them and handed to QApplication when the tray starts. Qt-free: the CLI imports it for every
command, and must not load Qt for that.
"""

from __future__ import annotations

from collections.abc import Sequence

# QGuiApplication's and QApplication's options (qt6options(7)); each may also be written -option=value.
WITH_VALUE = frozenset(
    {
        "-style",
        "-stylesheet",
        "-platform",
        "-platformpluginpath",
        "-platformtheme",
        "-plugin",
        "-qmljsdebugger",
        "-qwindowgeometry",
        "-qwindowicon",
        "-qwindowtitle",
        "-session",
        "-display",
        "-geometry",
        "-dialogs",
        "-fontengine",
    }
)
FLAGS = frozenset({"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"})


def split_qt_args(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """(Qt's options, the rest) in their original order. A Qt option given without its value is left
    to the CLI's parser, which reports it as a usage error."""
    qt: list[str] = []
    rest: list[str] = []
    items = list(argv)
    i = 0
    while i < len(items):
        arg = items[i]
        name = arg.split("=", 1)[0]
        if arg == "--":  # everything after belongs to the CLI
            rest.extend(items[i:])
            break
        if (name in WITH_VALUE and "=" in arg) or arg in FLAGS:
            qt.append(arg)
        elif arg in WITH_VALUE and i + 1 < len(items):
            qt.extend(items[i : i + 2])
            i += 1
        else:
            rest.append(arg)
        i += 1
    return qt, rest
