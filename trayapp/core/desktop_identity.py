"""Who this process is to the desktop on Windows and macOS, set before the first window or notification.

- Windows: an explicit AppUserModelID, registered with a display name and icon, so notifications come
  from "trayapp" rather than "Python" (pip installs) or the bootloader (the bundle's runtime hook calls
  the same function); and the user's SID plus the session id, which name the single-instance pipe: pipe
  names are global to the machine, and a user name is neither unique (DOMAIN\\ana and PC\\ana) nor
  stable (renames), while each login session wants its own tray.
- macOS: run as an "accessory" (no Dock icon, no "Python" menu bar) when not started from the .app,
  whose Info.plist says LSUIElement. Qt promotes a plain executable to a regular app; this undoes it.

Each OS call goes through a small stand-in-able object, so the logic is tested on any OS. Every failure
is ignored: these are cosmetic or fall back to the user name, and must never stop the app.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import getpass
import hashlib
import logging
import os
import sys
from typing import Any, Protocol

from trayapp.core.autostart import BUNDLE_ID

log = logging.getLogger(__name__)

APP_USER_MODEL_ID = BUNDLE_ID
AUMID_KEY = rf"Software\Classes\AppUserModelId\{APP_USER_MODEL_ID}"
NS_ACTIVATION_POLICY_ACCESSORY = 1  # NSApplicationActivationPolicyAccessory


# ---- Windows: AppUserModelID ---------------------------------------------------------------------


class AumidRegistry(Protocol):
    def set_string(self, key: str, name: str, value: str) -> None: ...


def adopt_windows_app_id(
    *, shell32: Any = None, registry: AumidRegistry | None = None, icon: str = ""
) -> bool:
    """Set this process's AppUserModelID and register its display name (and icon). True when set."""
    try:
        if shell32 is None:
            shell32 = ctypes.windll.shell32  # type: ignore[attr-defined]
        result = shell32.SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID)
        if result != 0:  # an HRESULT: 0 is S_OK
            log.info("SetCurrentProcessExplicitAppUserModelID failed: %#x", result & 0xFFFFFFFF)
            return False
        if registry is None:
            from trayapp.core.autostart import WinregRegistry

            registry = WinregRegistry()
        registry.set_string(AUMID_KEY, "DisplayName", "trayapp")
        if icon and os.path.isfile(icon):
            registry.set_string(AUMID_KEY, "IconUri", icon)
        return True
    except Exception as exc:  # cosmetic: never stop the app
        log.info("No AppUserModelID for this process: %s", exc)
        return False


# ---- Windows: the user's SID and the login session ---------------------------------------------


class SessionApi(Protocol):
    def user_sid(self) -> str: ...  # "S-1-5-21-…-1001"

    def session_id(self) -> int: ...


class _Win32SessionApi:
    """advapi32/kernel32 through ctypes: the current process token's user SID, and its session id."""

    def user_sid(self) -> str:
        from ctypes import wintypes

        advapi32 = ctypes.windll.advapi32  # type: ignore[attr-defined]
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        token = wintypes.HANDLE()
        token_query, token_user = 0x0008, 1
        if not advapi32.OpenProcessToken(kernel32.GetCurrentProcess(), token_query, ctypes.byref(token)):
            raise OSError("OpenProcessToken failed")
        try:
            size = wintypes.DWORD()
            advapi32.GetTokenInformation(token, token_user, None, 0, ctypes.byref(size))
            buffer = ctypes.create_string_buffer(size.value)
            if not advapi32.GetTokenInformation(token, token_user, buffer, size, ctypes.byref(size)):
                raise OSError("GetTokenInformation failed")
            sid = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_void_p))[0]  # TOKEN_USER.User.Sid
            text = wintypes.LPWSTR()
            if not advapi32.ConvertSidToStringSidW(ctypes.c_void_p(sid), ctypes.byref(text)):
                raise OSError("ConvertSidToStringSidW failed")
            try:
                return str(text.value)
            finally:
                kernel32.LocalFree(text)
        finally:
            kernel32.CloseHandle(token)

    def session_id(self) -> int:
        from ctypes import wintypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        session = wintypes.DWORD()
        if not kernel32.ProcessIdToSessionId(kernel32.GetCurrentProcessId(), ctypes.byref(session)):
            raise OSError("ProcessIdToSessionId failed")
        return int(session.value)


def windows_instance_key(api: SessionApi | None = None) -> str:
    """A short name for (this user, this login session): one tray per session, never another user's."""
    try:
        api = api if api is not None else _Win32SessionApi()
        who = f"{api.user_sid()}:{api.session_id()}"
    except Exception as exc:
        log.info("No SID or session id (%s): the single-instance name falls back to the user name", exc)
        who = getpass.getuser()
    return hashlib.sha256(who.encode()).hexdigest()[:16]


# ---- macOS: no Dock icon outside the .app --------------------------------------------------------


class ObjcRuntime(Protocol):
    def send(self, receiver: int, selector: str, *args: int) -> int: ...

    def get_class(self, name: str) -> int: ...


class _LibObjc:
    """The Objective-C runtime through ctypes: just enough to send [NSApp setActivationPolicy:]."""

    def __init__(self) -> None:
        path = ctypes.util.find_library("objc")
        if not path:
            raise OSError("libobjc not found")
        self._lib = ctypes.cdll.LoadLibrary(path)
        self._lib.objc_getClass.restype = ctypes.c_void_p
        self._lib.objc_getClass.argtypes = [ctypes.c_char_p]
        self._lib.sel_registerName.restype = ctypes.c_void_p
        self._lib.sel_registerName.argtypes = [ctypes.c_char_p]

    def get_class(self, name: str) -> int:
        return int(self._lib.objc_getClass(name.encode()) or 0)

    def send(self, receiver: int, selector: str, *args: int) -> int:
        # objc_msgSend must be called through a prototype of the method's exact signature (arm64).
        prototype = ctypes.CFUNCTYPE(
            ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, *([ctypes.c_long] * len(args))
        )
        send = prototype(("objc_msgSend", self._lib))
        return int(send(receiver, self._lib.sel_registerName(selector.encode()), *args) or 0)


def use_accessory_policy(*, runtime: ObjcRuntime | None = None, frozen: bool | None = None) -> bool:
    """Make this a menu-bar-only app (no Dock icon, no app menu). Call after QApplication exists (Qt
    makes a plain executable a regular app while it starts). The .app needs nothing: LSUIElement."""
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if frozen:
        return False
    try:
        runtime = runtime if runtime is not None else _LibObjc()
        ns_app = runtime.send(runtime.get_class("NSApplication"), "sharedApplication")
        if not ns_app:
            return False
        return bool(runtime.send(ns_app, "setActivationPolicy:", NS_ACTIVATION_POLICY_ACCESSORY))
    except Exception as exc:
        log.info("Could not hide the Dock icon: %s", exc)
        return False
