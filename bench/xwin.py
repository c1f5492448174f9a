"""Tiny ctypes Xlib helper (no python-xlib): is a process's tray icon embedded in the tray host?

"Shown" = a window carrying _NET_WM_PID == pid has been reparented away from the root window (the XEmbed
tray host took it) and is viewable. Qt sets _NET_WM_PID on every window it creates, so the same test works
for the app and for the bare PySide6 floor program.
"""

from __future__ import annotations

import ctypes
from ctypes import POINTER, byref, c_char_p, c_int, c_long, c_uint, c_ulong, c_void_p

_x = ctypes.cdll.LoadLibrary("libX11.so.6")
_x.XOpenDisplay.restype = c_void_p
_x.XOpenDisplay.argtypes = [c_char_p]
_x.XDefaultRootWindow.restype = c_ulong
_x.XDefaultRootWindow.argtypes = [c_void_p]
_x.XInternAtom.restype = c_ulong
_x.XInternAtom.argtypes = [c_void_p, c_char_p, c_int]
_x.XQueryTree.argtypes = [
    c_void_p,
    c_ulong,
    POINTER(c_ulong),
    POINTER(c_ulong),
    POINTER(POINTER(c_ulong)),
    POINTER(c_uint),
]
_x.XGetWindowProperty.argtypes = [
    c_void_p,
    c_ulong,
    c_ulong,
    c_long,
    c_long,
    c_int,
    c_ulong,
    POINTER(c_ulong),
    POINTER(c_int),
    POINTER(c_ulong),
    POINTER(c_ulong),
    POINTER(c_void_p),
]
_x.XFree.argtypes = [c_void_p]
_x.XCloseDisplay.argtypes = [c_void_p]
_x.XSync.argtypes = [c_void_p, c_int]


class _Attrs(ctypes.Structure):
    _fields_ = [
        ("x", c_int),
        ("y", c_int),
        ("width", c_int),
        ("height", c_int),
        ("border_width", c_int),
        ("depth", c_int),
        ("visual", c_void_p),
        ("root", c_ulong),
        ("c_class", c_int),
        ("bit_gravity", c_int),
        ("win_gravity", c_int),
        ("backing_store", c_int),
        ("backing_planes", c_ulong),
        ("backing_pixel", c_ulong),
        ("save_under", c_int),
        ("colormap", c_ulong),
        ("map_installed", c_int),
        ("map_state", c_int),
        ("all_event_masks", c_long),
        ("your_event_mask", c_long),
        ("do_not_propagate_mask", c_long),
        ("override_redirect", c_int),
        ("screen", c_void_p),
    ]


_x.XGetWindowAttributes.argtypes = [c_void_p, c_ulong, POINTER(_Attrs)]
_ERRH = ctypes.CFUNCTYPE(c_int, c_void_p, c_void_p)
_ignore = _ERRH(lambda _d, _e: 0)  # windows vanish between calls: ignore BadWindow instead of exiting
_x.XSetErrorHandler(_ignore)
IS_VIEWABLE = 2


class Display:
    def __init__(self, name: str) -> None:
        self.dpy = _x.XOpenDisplay(name.encode())
        if not self.dpy:
            raise RuntimeError(f"cannot open X display {name}")
        self.root = _x.XDefaultRootWindow(self.dpy)
        self.pid_atom = _x.XInternAtom(self.dpy, b"_NET_WM_PID", 0)

    def close(self) -> None:
        _x.XCloseDisplay(self.dpy)

    def _children(self, win: int) -> tuple[int, list[int]]:
        root, parent, kids, n = c_ulong(), c_ulong(), POINTER(c_ulong)(), c_uint()
        if not _x.XQueryTree(self.dpy, win, byref(root), byref(parent), byref(kids), byref(n)):
            return 0, []
        out = [kids[i] for i in range(n.value)]
        if kids:
            _x.XFree(kids)
        return parent.value, out

    def _pid(self, win: int) -> int | None:
        typ, fmt, nitems, after, data = c_ulong(), c_int(), c_ulong(), c_ulong(), c_void_p()
        ok = _x.XGetWindowProperty(
            self.dpy,
            win,
            self.pid_atom,
            0,
            1,
            0,
            0,
            byref(typ),
            byref(fmt),
            byref(nitems),
            byref(after),
            byref(data),
        )
        if ok != 0 or not data.value:
            return None
        try:
            return int(ctypes.cast(data, POINTER(c_ulong))[0]) if nitems.value else None
        finally:
            _x.XFree(data)

    def icon_embedded(self, pid: int) -> bool:
        """Whether a window of `pid` sits below a non-root parent (embedded) and is viewable."""
        _x.XSync(self.dpy, 0)
        stack = [(self.root, 0)]
        while stack:
            win, depth = stack.pop()
            _parent, kids = self._children(win)
            for kid in kids:
                if depth >= 1 and self._pid(kid) == pid:
                    attrs = _Attrs()
                    if (
                        _x.XGetWindowAttributes(self.dpy, kid, byref(attrs))
                        and attrs.map_state == IS_VIEWABLE
                    ):
                        return True
                stack.append((kid, depth + 1))
        return False
