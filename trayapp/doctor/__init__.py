"""`trayapp doctor`: what this machine offers the tray app, one line per part, each OK or what to do.

Qt-free and quick: desktop.py asks the session (Qt platform, tray, notification server), accounts.py
what the user set up (keyring, launch at login, accounts), each with a short timeout or a deadline, so
the command always ends. Exit code: 0 when every line is OK, 1 when one needs action (EXIT_NEEDS_ACTION).
"""

from __future__ import annotations

import json
import os
import platform
import sys
from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from trayapp import __version__
from trayapp.doctor.accounts import check_accounts, check_autostart, keyring_line
from trayapp.doctor.check import Check
from trayapp.doctor.desktop import check_desktop, check_qt, desktop_services
from trayapp.doctor.presence import check_presence

EXIT_NEEDS_ACTION = 1
__all__ = ["EXIT_NEEDS_ACTION", "Check", "check_autostart", "diagnose", "report", "run"]


def diagnose(env: Mapping[str, str] | None = None) -> list[Check]:
    env = os.environ if env is None else env
    qt, result = check_qt(env)
    checks = [check_desktop(env), qt]
    if sys.platform.startswith("linux"):
        checks += desktop_services(env, result.platform)
    checks += [keyring_line(), check_autostart(), check_presence(), *check_accounts()]
    return checks


def report(checks: list[Check]) -> dict[str, Any]:
    return {
        "ok": all(c.ok for c in checks),
        "trayapp": __version__,
        "python": platform.python_version(),
        "system": platform.platform(),
        "checks": [asdict(c) for c in checks],
    }


def run(as_json: bool = False) -> int:
    checks = diagnose()
    if as_json:
        print(json.dumps(report(checks), indent=2, ensure_ascii=False))
    else:
        print(f"trayapp {__version__}, Python {platform.python_version()}, {platform.platform()}")
        for check in checks:
            print(check.line())
    return 0 if all(c.ok for c in checks) else EXIT_NEEDS_ACTION
