"""PyInstaller runtime hook: give the frozen Windows app its own identity before Qt starts (P6).

Without an AppUserModelID, Windows attributes tray balloons/toasts and taskbar grouping to the
bootloader or to "Python". trayapp.core.desktop_identity sets the explicit ID for this process and
registers it under HKCU\\Software\\Classes\\AppUserModelId\\<id> with a display name and, here, the
bundle's icon, which is what lets a portable (not installed, no Start-menu shortcut) build show "trayapp"
as the sender. pip installs get the same ID when the tray starts (trayapp.qt.app.run). An installer that
creates a Start-menu shortcut should also stamp System.AppUserModel.ID=<id> on it.

Runs only on Windows; every failure is ignored (the app works without it, only less nicely).
Built and run only on Linux CI; the logic is tested with stand-ins in tests/core/test_desktop_identity.py.
"""

import os
import sys

if sys.platform == "win32":
    try:
        from trayapp.core.desktop_identity import adopt_windows_app_id

        adopt_windows_app_id(
            icon=os.path.join(getattr(sys, "_MEIPASS", os.path.dirname(sys.executable)), "trayapp.ico")
        )
    except Exception:  # cosmetic only: never stop the app from starting
        pass
