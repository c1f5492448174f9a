"""The Qt front end: the only package that imports PySide6.

Importing this package first turns off a PySide6 start-up cost that buys trayapp nothing. To support its
opt-in `from __feature__ import ...` syntax, PySide6 reads the whole source of every Python module loaded
in the process (inspect.getsource, at import) to see whether the text mentions PySide6, and linecache
keeps all of it: about 240 files, 9 MiB of memory and 50 ms of start-up for trayapp (napari #8584 traced
the same cost). trayapp never uses __feature__, so every module gets the answer a PyInstaller build
already gets, where no source exists to read: "does not use it".
"""

from __future__ import annotations

import sys


def _skip_pyside_source_scan() -> None:
    try:
        import shiboken6  # noqa: F401  (loads shibokensupport.feature and its import hook)
    except ImportError:
        return
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = lambda _module: False  # type: ignore[attr-defined]


_skip_pyside_source_scan()
