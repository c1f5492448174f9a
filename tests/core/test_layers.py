"""The core, the backends and the demo server must never pull in Qt."""

from __future__ import annotations

import subprocess
import sys


def test_core_backends_demo_and_cli_import_without_pyside6() -> None:
    code = (
        "import sys, pkgutil, importlib, trayapp.core, trayapp.backends, trayapp.demo\n"
        "for pkg in (trayapp.core, trayapp.backends, trayapp.demo):\n"
        "    for m in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "import trayapp.cli\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6') or m.startswith('shiboken'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
