"""The Windows calls behind windows.WinApi, through ctypes (user32, wtsapi32, kernel32). Imported only on
Windows; kept to the calls themselves, every prototype declared (64-bit handles and LPARAMs stay whole).
Type-checked with `mypy --platform win32` (.ci/run); not run by the Linux test suite."""

from __future__ import annotations

import contextlib
import ctypes
import sys
import threading
from collections.abc import Callable
from ctypes import wintypes
from typing import Any

from trayapp.screenwatch.windows import Handler, Started, WinApi

assert sys.platform == "win32"  # mypy checks the rest only with --platform win32

WM_CLOSE = 0x0010
WM_DESTROY = 0x0002
NOTIFY_FOR_THIS_SESSION = 0
ERROR_CLASS_ALREADY_EXISTS = 1410
WTS_CURRENT_SESSION = 0xFFFFFFFF
WTS_SESSION_INFO_EX = 25  # WTS_INFO_CLASS.WTSSessionInfoEx
WTS_SESSIONSTATE_LOCK = 0  # (inverted on Windows 7, which PySide6 no longer runs on)
WTS_SESSIONSTATE_UNLOCK = 1
CLASS_NAME = "trayapp.screenwatch"

LRESULT = wintypes.LPARAM  # pointer-sized, signed
WNDPROC = ctypes.WINFUNCTYPE(LRESULT, wintypes.HWND, wintypes.UINT, wintypes.WPARAM, wintypes.LPARAM)


class WNDCLASSW(ctypes.Structure):
    _fields_ = [
        ("style", wintypes.UINT),
        ("lpfnWndProc", WNDPROC),
        ("cbClsExtra", ctypes.c_int),
        ("cbWndExtra", ctypes.c_int),
        ("hInstance", wintypes.HINSTANCE),
        ("hIcon", wintypes.HICON),
        ("hCursor", wintypes.HANDLE),
        ("hbrBackground", wintypes.HBRUSH),
        ("lpszMenuName", wintypes.LPCWSTR),
        ("lpszClassName", wintypes.LPCWSTR),
    ]


class WTSINFOEX_LEVEL1_W(ctypes.Structure):
    _fields_ = [
        ("SessionId", wintypes.ULONG),
        ("SessionState", ctypes.c_int),  # WTS_CONNECTSTATE_CLASS
        ("SessionFlags", wintypes.LONG),
        ("WinStationName", wintypes.WCHAR * 33),  # WINSTATIONNAME_LENGTH + 1
        ("UserName", wintypes.WCHAR * 21),  # USERNAME_LENGTH + 1
        ("DomainName", wintypes.WCHAR * 18),  # DOMAIN_LENGTH + 1
        ("LogonTime", wintypes.LARGE_INTEGER),
        ("ConnectTime", wintypes.LARGE_INTEGER),
        ("DisconnectTime", wintypes.LARGE_INTEGER),
        ("LastInputTime", wintypes.LARGE_INTEGER),
        ("CurrentTime", wintypes.LARGE_INTEGER),
        ("IncomingBytes", wintypes.DWORD),
        ("OutgoingBytes", wintypes.DWORD),
        ("IncomingFrames", wintypes.DWORD),
        ("OutgoingFrames", wintypes.DWORD),
        ("IncomingCompressedBytes", wintypes.DWORD),
        ("OutgoingCompressedBytes", wintypes.DWORD),
    ]


class WTSINFOEXW(ctypes.Structure):
    # Data is a union whose one member is the level-1 record (its LARGE_INTEGERs align it to 8)
    _fields_ = [("Level", wintypes.DWORD), ("Data", WTSINFOEX_LEVEL1_W)]


class LASTINPUTINFO(ctypes.Structure):
    _fields_ = [("cbSize", wintypes.UINT), ("dwTime", wintypes.DWORD)]


user32 = ctypes.WinDLL("user32", use_last_error=True)
kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
wtsapi32 = ctypes.WinDLL("wtsapi32", use_last_error=True)


def _declare(fn: Any, restype: Any, *argtypes: Any) -> Any:
    fn.restype = restype
    fn.argtypes = argtypes
    return fn


GetModuleHandleW = _declare(kernel32.GetModuleHandleW, wintypes.HMODULE, wintypes.LPCWSTR)
GetTickCount = _declare(kernel32.GetTickCount, wintypes.DWORD)
RegisterClassW = _declare(user32.RegisterClassW, wintypes.ATOM, ctypes.POINTER(WNDCLASSW))
CreateWindowExW = _declare(
    user32.CreateWindowExW, wintypes.HWND,
    wintypes.DWORD, wintypes.LPCWSTR, wintypes.LPCWSTR, wintypes.DWORD,
    ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int,
    wintypes.HWND, wintypes.HMENU, wintypes.HINSTANCE, wintypes.LPVOID,
)  # fmt: skip
DefWindowProcW = _declare(
    user32.DefWindowProcW, LRESULT, wintypes.HWND, wintypes.UINT, wintypes.WPARAM, wintypes.LPARAM
)
GetMessageW = _declare(
    user32.GetMessageW,
    wintypes.BOOL,
    ctypes.POINTER(wintypes.MSG),
    wintypes.HWND,
    wintypes.UINT,
    wintypes.UINT,
)
TranslateMessage = _declare(user32.TranslateMessage, wintypes.BOOL, ctypes.POINTER(wintypes.MSG))
DispatchMessageW = _declare(user32.DispatchMessageW, LRESULT, ctypes.POINTER(wintypes.MSG))
PostMessageW = _declare(
    user32.PostMessageW, wintypes.BOOL, wintypes.HWND, wintypes.UINT, wintypes.WPARAM, wintypes.LPARAM
)
DestroyWindow = _declare(user32.DestroyWindow, wintypes.BOOL, wintypes.HWND)
PostQuitMessage = _declare(user32.PostQuitMessage, None, ctypes.c_int)
GetLastInputInfo = _declare(user32.GetLastInputInfo, wintypes.BOOL, ctypes.POINTER(LASTINPUTINFO))
WTSRegisterSessionNotification = _declare(
    wtsapi32.WTSRegisterSessionNotification, wintypes.BOOL, wintypes.HWND, wintypes.DWORD
)
WTSUnRegisterSessionNotification = _declare(
    wtsapi32.WTSUnRegisterSessionNotification, wintypes.BOOL, wintypes.HWND
)
WTSQuerySessionInformationW = _declare(
    wtsapi32.WTSQuerySessionInformationW, wintypes.BOOL,
    wintypes.HANDLE, wintypes.DWORD, ctypes.c_int,
    ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(wintypes.DWORD),
)  # fmt: skip
WTSFreeMemory = _declare(wtsapi32.WTSFreeMemory, None, ctypes.c_void_p)

_class_lock = threading.Lock()
_procedures: dict[int, Callable[[int, int, int, int], int]] = {}  # hwnd -> its Python procedure


def _dispatch(hwnd: int, message: int, wparam: int, lparam: int) -> int:
    """The one window procedure of the class (kept alive with the module): hands over to the window's."""
    procedure = _procedures.get(hwnd or 0)
    if procedure is not None:
        return procedure(hwnd, message, wparam, lparam)
    return int(DefWindowProcW(hwnd, message, wparam, lparam))


_WNDPROC = WNDPROC(_dispatch)


def _register_class(instance: int | None) -> None:
    with _class_lock:
        wc = WNDCLASSW()
        wc.lpfnWndProc = _WNDPROC
        wc.hInstance = instance
        wc.lpszClassName = CLASS_NAME
        if not RegisterClassW(ctypes.byref(wc)):
            error = ctypes.get_last_error()
            if error != ERROR_CLASS_ALREADY_EXISTS:
                raise ctypes.WinError(error)


def run_window(handle: Handler, started: Started) -> None:
    instance = GetModuleHandleW(None)
    _register_class(instance)
    hwnd = CreateWindowExW(0, CLASS_NAME, "trayapp", 0, 0, 0, 0, 0, None, None, instance, None)
    if not hwnd:
        started(None)
        raise ctypes.WinError(ctypes.get_last_error())

    def procedure(hwnd: int, message: int, wparam: int, lparam: int) -> int:
        if message == WM_DESTROY:
            WTSUnRegisterSessionNotification(hwnd)
            PostQuitMessage(0)
            return 0
        with contextlib.suppress(Exception):  # never let an exception cross the window procedure
            handle(message, wparam)
        return int(DefWindowProcW(hwnd, message, wparam, lparam))

    _procedures[hwnd] = procedure
    try:
        if not WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION):
            error = ctypes.get_last_error()
            DestroyWindow(hwnd)
            started(None)
            raise ctypes.WinError(error)

        def close() -> None:  # from any thread: the window closes on its own thread
            PostMessageW(hwnd, WM_CLOSE, 0, 0)

        started(close)
        msg = wintypes.MSG()
        while GetMessageW(ctypes.byref(msg), None, 0, 0) > 0:
            TranslateMessage(ctypes.byref(msg))
            DispatchMessageW(ctypes.byref(msg))
    finally:
        _procedures.pop(hwnd, None)


def last_input_tick() -> int:
    info = LASTINPUTINFO()
    info.cbSize = ctypes.sizeof(LASTINPUTINFO)
    if not GetLastInputInfo(ctypes.byref(info)):
        raise ctypes.WinError(ctypes.get_last_error())
    return int(info.dwTime)


def locked_now() -> bool | None:
    """This session's lock state (WTSSessionInfoEx's SessionFlags); None when Windows does not say."""
    buffer = ctypes.c_void_p()
    size = wintypes.DWORD(0)
    if not WTSQuerySessionInformationW(
        None, WTS_CURRENT_SESSION, WTS_SESSION_INFO_EX, ctypes.byref(buffer), ctypes.byref(size)
    ):
        return None
    try:
        if buffer.value is None or size.value < ctypes.sizeof(WTSINFOEXW):
            return None
        info = WTSINFOEXW.from_address(buffer.value)
        if info.Level != 1:
            return None
        flags = int(info.Data.SessionFlags)
        return {WTS_SESSIONSTATE_LOCK: True, WTS_SESSIONSTATE_UNLOCK: False}.get(flags)
    finally:
        WTSFreeMemory(buffer)


def tick_count() -> int:
    return int(GetTickCount())


def api() -> WinApi:
    return WinApi(
        run_window=run_window, tick_count=tick_count, last_input_tick=last_input_tick, locked_now=locked_now
    )
