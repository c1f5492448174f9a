"""PyInstaller runtime hook: give the frozen Windows app its own identity before Qt starts (P6).

Without an AppUserModelID, Windows attributes tray balloons/toasts and taskbar grouping to the
bootloader or to "Python". We set the explicit ID for this process and register it under
HKCU\\Software\\Classes\\AppUserModelId\\<id> with a display name and icon, which is what lets a
portable (not installed, no Start-menu shortcut) build show "trayapp" as the sender. An installer that
creates a Start-menu shortcut should also stamp System.AppUserModel.ID=<id> on it.

Runs only on Windows; every failure is ignored (the app works without it, only less nicely).
UNTESTED here: written from the Win32 documentation, built and run only on Linux CI.
"""

import sys

if sys.platform == "win32":
    try:
        import ctypes
        import os
        import winreg

        _APP_ID = "io.github.trayapp"  # trayapp.core.autostart.BUNDLE_ID
        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(_APP_ID)
        _icon = os.path.join(getattr(sys, "_MEIPASS", os.path.dirname(sys.executable)), "trayapp.ico")
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, rf"Software\Classes\AppUserModelId\{_APP_ID}") as key:
            winreg.SetValueEx(key, "DisplayName", 0, winreg.REG_SZ, "trayapp")
            if os.path.isfile(_icon):
                winreg.SetValueEx(key, "IconUri", 0, winreg.REG_SZ, _icon)
    except Exception:  # cosmetic only: never stop the app from starting
        pass
