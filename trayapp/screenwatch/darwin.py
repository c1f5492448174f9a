"""The macOS calls behind macos.MacApi, through ctypes (CoreFoundation, CoreGraphics, IOKit: C APIs, so
no Objective-C runtime and no pyobjc). Imported only on macOS; kept to the calls themselves, every
prototype declared. Type-checked with `mypy --platform darwin` (.ci/run); not run by the Linux tests."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import sys
import threading
from collections.abc import Callable, Sequence
from ctypes import POINTER, c_bool, c_char_p, c_double, c_int32, c_long, c_uint8, c_uint32, c_void_p
from typing import Any

from trayapp.screenwatch.macos import IO_CAN_SYSTEM_SLEEP, IO_SYSTEM_WILL_SLEEP, MacApi, Started

assert sys.platform == "darwin"  # mypy checks the rest only with --platform darwin


def _framework(*names: str) -> ctypes.CDLL:
    for name in names:
        path = ctypes.util.find_library(name)
        if path:
            return ctypes.CDLL(path)
    raise OSError(f"the {names[0]} framework is not there")


def _declare(fn: Any, restype: Any, *argtypes: Any) -> Any:
    fn.restype = restype
    fn.argtypes = argtypes
    return fn


cf = _framework("CoreFoundation")
cg = _framework("CoreGraphics", "ApplicationServices")  # its own framework since 10.8
iokit = _framework("IOKit")

UTF8 = 0x08000100  # kCFStringEncodingUTF8
DELIVER_IMMEDIATELY = 4  # CFNotificationSuspensionBehaviorDeliverImmediately
COMBINED_SESSION_STATE = 0  # kCGEventSourceStateCombinedSessionState
ANY_INPUT_EVENT = 0xFFFFFFFF  # kCGAnyInputEventType (~0)
RUN_FINISHED = 1  # kCFRunLoopRunFinished: the run loop has no source left
RUN_SLICE_S = 3600.0  # the power thread's run loop returns at least hourly to look at `stopped`

# void (*)(CFNotificationCenterRef, void *observer, CFStringRef name, const void *object, CFDictionaryRef)
NOTIFICATION_CALLBACK = ctypes.CFUNCTYPE(None, c_void_p, c_void_p, c_void_p, c_void_p, c_void_p)
# void (*)(void *refcon, io_service_t, uint32_t messageType, void *messageArgument)
POWER_CALLBACK = ctypes.CFUNCTYPE(None, c_void_p, c_uint32, c_uint32, c_void_p)

CFStringCreateWithCString = _declare(cf.CFStringCreateWithCString, c_void_p, c_void_p, c_char_p, c_uint32)
CFRelease = _declare(cf.CFRelease, None, c_void_p)
CFGetTypeID = _declare(cf.CFGetTypeID, c_long, c_void_p)
CFBooleanGetTypeID = _declare(cf.CFBooleanGetTypeID, c_long)
CFBooleanGetValue = _declare(cf.CFBooleanGetValue, c_bool, c_void_p)
CFDictionaryGetValue = _declare(cf.CFDictionaryGetValue, c_void_p, c_void_p, c_void_p)
CFNotificationCenterGetDistributedCenter = _declare(cf.CFNotificationCenterGetDistributedCenter, c_void_p)
CFNotificationCenterAddObserver = _declare(
    cf.CFNotificationCenterAddObserver, None,
    c_void_p, c_void_p, NOTIFICATION_CALLBACK, c_void_p, c_void_p, c_long,
)  # fmt: skip
CFNotificationCenterRemoveEveryObserver = _declare(
    cf.CFNotificationCenterRemoveEveryObserver, None, c_void_p, c_void_p
)
CFRunLoopGetCurrent = _declare(cf.CFRunLoopGetCurrent, c_void_p)
CFRunLoopAddSource = _declare(cf.CFRunLoopAddSource, None, c_void_p, c_void_p, c_void_p)
CFRunLoopRunInMode = _declare(cf.CFRunLoopRunInMode, c_int32, c_void_p, c_double, c_uint8)
CFRunLoopStop = _declare(cf.CFRunLoopStop, None, c_void_p)
DEFAULT_MODE = c_void_p.in_dll(cf, "kCFRunLoopDefaultMode").value

CGSessionCopyCurrentDictionary = _declare(cg.CGSessionCopyCurrentDictionary, c_void_p)
CGEventSourceSecondsSinceLastEventType = _declare(
    cg.CGEventSourceSecondsSinceLastEventType, c_double, c_int32, c_uint32
)

IORegisterForSystemPower = _declare(
    iokit.IORegisterForSystemPower, c_uint32, c_void_p, POINTER(c_void_p), POWER_CALLBACK, POINTER(c_uint32)
)
IONotificationPortGetRunLoopSource = _declare(iokit.IONotificationPortGetRunLoopSource, c_void_p, c_void_p)
IOAllowPowerChange = _declare(iokit.IOAllowPowerChange, c_int32, c_uint32, c_long)
IODeregisterForSystemPower = _declare(iokit.IODeregisterForSystemPower, c_int32, POINTER(c_uint32))
IOServiceClose = _declare(iokit.IOServiceClose, c_int32, c_uint32)
IONotificationPortDestroy = _declare(iokit.IONotificationPortDestroy, None, c_void_p)


def _cfstr(text: str) -> int:
    ref = CFStringCreateWithCString(None, text.encode(), UTF8)
    if not ref:
        raise OSError(f"CFStringCreateWithCString({text!r}) failed")
    return int(ref)


def observe(names: Sequence[str], callback: Callable[[str], None]) -> Callable[[], None]:
    center = CFNotificationCenterGetDistributedCenter()
    if not center:
        raise OSError("no distributed notification center")
    token = ctypes.c_int(0)  # the observer's identity: its address
    observer = ctypes.addressof(token)
    keep: list[Any] = [token]  # the callbacks and strings live as long as the observation

    for name in names:

        def heard(_c: Any, _o: Any, _n: Any, _obj: Any, _info: Any, name: str = name) -> None:
            with contextlib.suppress(Exception):  # never let an exception cross into CoreFoundation
                callback(name)

        function = NOTIFICATION_CALLBACK(heard)
        cfname = _cfstr(name)
        keep += [function, cfname]
        CFNotificationCenterAddObserver(center, observer, function, cfname, None, DELIVER_IMMEDIATELY)

    def unobserve() -> None:
        CFNotificationCenterRemoveEveryObserver(center, observer)
        for item in keep:
            if isinstance(item, int):
                CFRelease(item)
        keep.clear()

    return unobserve


def run_power(handle: Callable[[int], None], started: Started) -> None:
    port = c_void_p()
    notifier = c_uint32(0)
    root = [0]

    def heard(_refcon: Any, _service: int, message: int, argument: int | None) -> None:
        with contextlib.suppress(Exception):
            handle(message)
        if message in (IO_CAN_SYSTEM_SLEEP, IO_SYSTEM_WILL_SLEEP):
            IOAllowPowerChange(root[0], argument or 0)  # without it, the sleep waits 30 s

    function = POWER_CALLBACK(heard)
    root[0] = int(IORegisterForSystemPower(None, ctypes.byref(port), function, ctypes.byref(notifier)))
    if not root[0]:
        started(None)
        raise OSError("IORegisterForSystemPower failed")
    loop = CFRunLoopGetCurrent()
    CFRunLoopAddSource(loop, IONotificationPortGetRunLoopSource(port), DEFAULT_MODE)
    stopped = threading.Event()

    def stop() -> None:  # from any thread (CFRunLoopStop is thread-safe)
        stopped.set()
        CFRunLoopStop(loop)

    started(stop)
    try:
        while not stopped.is_set():
            if CFRunLoopRunInMode(DEFAULT_MODE, RUN_SLICE_S, 0) == RUN_FINISHED:
                break
    finally:
        IODeregisterForSystemPower(ctypes.byref(notifier))
        IOServiceClose(root[0])
        IONotificationPortDestroy(port)


def screen_locked() -> bool:
    session = CGSessionCopyCurrentDictionary()
    if not session:
        return False
    key = _cfstr("CGSSessionScreenIsLocked")
    try:
        value = CFDictionaryGetValue(session, key)
        return bool(value) and CFGetTypeID(value) == CFBooleanGetTypeID() and bool(CFBooleanGetValue(value))
    finally:
        CFRelease(key)
        CFRelease(session)


def seconds_idle() -> float:
    return float(CGEventSourceSecondsSinceLastEventType(COMBINED_SESSION_STATE, ANY_INPUT_EVENT))


def api() -> MacApi:
    return MacApi(
        observe=observe, run_power=run_power, screen_locked=screen_locked, seconds_idle=seconds_idle
    )
