"""X11 desktops on Xvfb (Plasma, Cinnamon, MATE): the session, real pointer events (xdotool, which sends
them through XTEST like a mouse), the mapped windows of a program (its menus and popups, read with Xlib
through ctypes) and what a screenshot shows (trayapp's icon is the only coloured thing in a grey panel)."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import select
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QImage

from tests.desktops.session import Desktop


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h

    @property
    def centre(self) -> tuple[int, int]:
        return self.x + self.w // 2, self.y + self.h // 2

    def visible_in(self, width: int, height: int) -> Rect:
        """The part of this rectangle on a width x height screen."""
        x0, y0 = max(self.x, 0), max(self.y, 0)
        x1, y1 = min(self.right, width), min(self.bottom, height)
        return Rect(x0, y0, max(x1 - x0, 0), max(y1 - y0, 0))

    def __str__(self) -> str:
        return f"{self.w}x{self.h}+{self.x}+{self.y}"


class XDesktop(Desktop):
    """Xvfb + a private session bus; subclasses start the panel."""

    display: str = ""

    def start_x(self) -> None:
        read, write = os.pipe()
        width, height = self.size
        argv = [
            "Xvfb",
            "-displayfd",
            str(write),
            "-noreset",
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
        ]
        log = open(self.root / "xvfb.log", "wb")  # noqa: SIM115  (closed in stop())
        self._logs.append(log)
        proc = subprocess.Popen(
            argv, env=self.env(), stdout=log, stderr=log, pass_fds=(write,), start_new_session=True
        )
        self._procs.append(proc)
        os.close(write)
        ready, _, _ = select.select([read], [], [], 15)
        number = os.read(read, 64).decode().split("\n")[0].strip() if ready else ""
        self._fds.append(read)  # open until stop(): Xvfb may write to it again, and a closed pipe kills it
        if not number:
            raise RuntimeError(f"Xvfb did not start ({self.root / 'xvfb.log'})")
        self.display = f":{number}"

    def env(self) -> dict[str, str]:
        env = super().env()
        if self.display:
            env["DISPLAY"] = self.display
        env["XDG_SESSION_TYPE"] = "x11"
        return env

    def app_env(self, profile: Path) -> dict[str, str]:
        return {**super().app_env(profile), "QT_QPA_PLATFORM": "xcb"}

    def screenshot(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["import", "-display", self.display, "-window", "root", str(path)],
            check=True,
            capture_output=True,
            timeout=30,
        )
        return path

    # ------------------------------------------------------------------ pointer and keys
    def xdotool(self, *args: str) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env(), capture_output=True, text=True, timeout=20)
        return done.stdout

    def move(self, x: int, y: int) -> None:
        self.xdotool("mousemove", str(x), str(y))

    def click(self, x: int, y: int, button: int = 1, repeat: int = 1, delay_ms: int = 120) -> None:
        self.xdotool(
            "mousemove",
            str(x),
            str(y),
            "click",
            "--repeat",
            str(repeat),
            "--delay",
            str(delay_ms),
            str(button),
        )

    def key(self, *names: str) -> None:
        self.xdotool("key", *names)

    # ------------------------------------------------------------------ windows
    def windows(self, wm_class: str) -> list[Rect]:
        """Mapped windows (top-level or one level down, as window managers reparent) whose WM_CLASS
        instance or class is wm_class, in root coordinates."""
        with _XDisplay(self.display) as x:
            return [r for r, cls in x.mapped() if wm_class in cls]

    def icon_in(self, shot: Path, area: Rect) -> Rect | None:
        return coloured_box(QImage(str(shot)), area)


# ---------------------------------------------------------------------------------- Xlib through ctypes
class _XWindowAttributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("border_width", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p),
        ("root", ctypes.c_ulong),
        ("class_", ctypes.c_int),
        ("bit_gravity", ctypes.c_int),
        ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int),
        ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong),
        ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong),
        ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int),
        ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long),
        ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int),
        ("screen", ctypes.c_void_p),
    ]


class _XClassHint(ctypes.Structure):
    _fields_ = [("res_name", ctypes.c_void_p), ("res_class", ctypes.c_void_p)]


IS_VIEWABLE = 2


class _XDisplay:
    def __init__(self, display: str) -> None:
        self.lib = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
        self.lib.XOpenDisplay.restype = ctypes.c_void_p
        self.lib.XDefaultRootWindow.restype = ctypes.c_ulong
        self.lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.lib.XQueryTree.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
            ctypes.POINTER(ctypes.c_uint),
        ]
        self.lib.XGetWindowAttributes.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_XWindowAttributes),
        ]
        self.lib.XGetClassHint.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(_XClassHint)]
        self.lib.XTranslateCoordinates.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_ulong,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong),
        ]
        self.lib.XFree.argtypes = [ctypes.c_void_p]
        self.lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.dpy = self.lib.XOpenDisplay(display.encode())
        if not self.dpy:
            raise RuntimeError(f"cannot open X display {display}")
        self.root = self.lib.XDefaultRootWindow(self.dpy)

    def __enter__(self) -> _XDisplay:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lib.XCloseDisplay(self.dpy)

    def children(self, window: int) -> list[int]:
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        kids = ctypes.POINTER(ctypes.c_ulong)()
        count = ctypes.c_uint()
        if not self.lib.XQueryTree(
            self.dpy,
            window,
            ctypes.byref(root),
            ctypes.byref(parent),
            ctypes.byref(kids),
            ctypes.byref(count),
        ):
            return []
        out = [kids[i] for i in range(count.value)]
        if kids:
            self.lib.XFree(kids)
        return out

    def wm_class(self, window: int) -> str:
        hint = _XClassHint()
        if not self.lib.XGetClassHint(self.dpy, window, ctypes.byref(hint)):
            return ""
        parts = []
        for pointer in (hint.res_name, hint.res_class):
            if pointer:
                parts.append(ctypes.string_at(pointer).decode(errors="replace"))
                self.lib.XFree(pointer)
        return " ".join(parts)

    def mapped(self) -> Iterator[tuple[Rect, str]]:
        for top in self.children(self.root):
            attrs = _XWindowAttributes()
            if not self.lib.XGetWindowAttributes(self.dpy, top, ctypes.byref(attrs)):
                continue
            if attrs.map_state != IS_VIEWABLE:
                continue
            frame = Rect(attrs.x, attrs.y, attrs.width, attrs.height)
            cls = self.wm_class(top)
            if cls:
                yield frame, cls
                continue
            for kid in self.children(top):  # a window manager's frame: the client is one level down
                cls = self.wm_class(kid)
                kid_attrs = _XWindowAttributes()
                if cls and self.lib.XGetWindowAttributes(self.dpy, kid, ctypes.byref(kid_attrs)):
                    if kid_attrs.map_state != IS_VIEWABLE:
                        continue
                    x, y, child = ctypes.c_int(), ctypes.c_int(), ctypes.c_ulong()
                    self.lib.XTranslateCoordinates(
                        self.dpy, kid, self.root, 0, 0, ctypes.byref(x), ctypes.byref(y), ctypes.byref(child)
                    )
                    yield Rect(x.value, y.value, kid_attrs.width, kid_attrs.height), cls


# ---------------------------------------------------------------------------------- pixels
def coloured_box(image: QImage, area: Rect, spread: int = 80) -> Rect | None:
    """Bounding box of the saturated pixels inside area (trayapp's coloured status icon on a grey panel)."""
    return colour_box(image, area, lambda r, g, b: max(r, g, b) - min(r, g, b) > spread)


def red_box(image: QImage, area: Rect) -> Rect | None:
    """Bounding box of the clearly red pixels inside area (the Busy icon)."""
    return colour_box(image, area, lambda r, g, b: r > 170 and g < 100 and b < 100)


def colour_box(image: QImage, area: Rect, wanted: Callable[[int, int, int], bool]) -> Rect | None:
    xs: list[int] = []
    ys: list[int] = []
    for y in range(max(area.y, 0), min(area.bottom, image.height())):
        for x in range(max(area.x, 0), min(area.right, image.width())):
            c = image.pixelColor(x, y)
            if wanted(c.red(), c.green(), c.blue()):
                xs.append(x)
                ys.append(y)
    if not xs:
        return None
    return Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def icon_change(a: QImage, b: QImage, area: Rect) -> float:
    """How much trayapp's icon (the coloured pixels in area) differs between two screenshots, wherever
    the panel placed it in each (another applet appearing shifts it): 1.0 when either has none."""
    box_a, box_b = coloured_box(a, area), coloured_box(b, area)
    if box_a is None or box_b is None or abs(box_a.w - box_b.w) > 1 or abs(box_a.h - box_b.h) > 1:
        return 1.0
    w, h = min(box_a.w, box_b.w), min(box_a.h, box_b.h)
    crop_a, crop_b = a.copy(box_a.x, box_a.y, w, h), b.copy(box_b.x, box_b.y, w, h)
    return changed_fraction(crop_a, crop_b, Rect(0, 0, w, h))


def changed_fraction(a: QImage, b: QImage, area: Rect, tolerance: int = 40) -> float:
    """Share of the pixels in area that differ between two screenshots by more than tolerance."""
    total = changed = 0
    for y in range(area.y, area.bottom):
        for x in range(area.x, area.right):
            ca, cb = a.pixelColor(x, y), b.pixelColor(x, y)
            total += 1
            diff = abs(ca.red() - cb.red()) + abs(ca.green() - cb.green()) + abs(ca.blue() - cb.blue())
            changed += diff > tolerance
    return changed / total if total else 0.0


def submenu_arrow_rows(image: QImage, menu: Rect, band: int = 28, margin: int = 4) -> list[int]:
    """Screen y of each row of an open menu that shows a submenu arrow at its right edge (the only thing
    Breeze and GTK themes draw there): the rows a pointer hovers to open a submenu."""
    x0, x1 = menu.right - band, menu.right - margin
    background = image.pixelColor(x1 - 1, menu.y + menu.h // 2)  # the menu's own colour near its edge

    def inked(y: int) -> bool:
        for x in range(x0, x1):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - background.red())
                + abs(c.green() - background.green())
                + abs(c.blue() - background.blue())
                > 120
            ):
                return True
        return False

    rows: list[int] = []
    run: list[int] = []
    for y in range(menu.y + margin, menu.bottom - margin):
        if inked(y):
            run.append(y)
        elif run:
            if 4 <= len(run) <= 20:  # an arrow glyph, not a separator line (1-2 px) or a full-width block
                rows.append((run[0] + run[-1]) // 2)
            run = []
    return rows


def wait_stable(read: object, timeout: float, settle: float = 0.6) -> object:
    """read() once it gives the same truthy value for `settle` seconds (or its value at timeout)."""
    deadline = time.monotonic() + timeout
    last = read()  # type: ignore[operator]
    since = time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.15)
        now = read()  # type: ignore[operator]
        if now != last or not now:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= settle:
            return now
    return last


# ---------------------------------------------------------------------------------- the X11 desktops
WATCHER = "org.kde.StatusNotifierWatcher"


class SniXDesktop(XDesktop):
    """An X11 desktop whose panel hosts StatusNotifierItems and draws their DBusMenu itself."""

    menu_class = ""  # WM_CLASS of the program that draws the host's menus
    panel_height = 44
    desktop_env: dict[str, str] = {}  # noqa: RUF012

    def env(self) -> dict[str, str]:
        return {**super().env(), **self.desktop_env}

    def host_registered(self) -> bool:
        from tests.integration.sni_menu import SNI

        with SNI(self.bus) as sni:
            return sni.host_registered()

    def wait_host(self, timeout: float = 45) -> None:
        try:
            wait_for_host = time.monotonic() + timeout
            while not self.host_registered():
                if time.monotonic() > wait_for_host:
                    raise TimeoutError
                time.sleep(0.3)
        except TimeoutError:
            raise RuntimeError(
                f"no StatusNotifierHost registered within {timeout:.0f} s ({self.root})"
            ) from None

    def tray_area(self) -> Rect:
        """Where the panel's tray sits: the right half of the bottom panel."""
        width, height = self.size
        return Rect(width // 2, height - self.panel_height, width - width // 2, self.panel_height)

    def popups(self) -> list[Rect]:
        """The host's mapped menus and popups (not its panel or desktop)."""
        width, _ = self.size
        return [r for r in self.windows(self.menu_class) if r.w != width and r.w > 20 and r.h > 20]


class Plasma(SniXDesktop):
    """KDE Plasma 5.27: kwin_x11 + plasmashell; kded5 (D-Bus activated) loads the StatusNotifierWatcher,
    as ksmserver does in a real session."""

    name = "kde"
    needs = ("Xvfb", "dbus-daemon", "kwin_x11", "plasmashell", "xdotool", "import")
    menu_class = "plasmashell"
    panel_height = 44
    desktop_env = {"XDG_CURRENT_DESKTOP": "KDE", "KDE_FULL_SESSION": "true", "KDE_SESSION_VERSION": "5"}  # noqa: RUF012

    def start(self) -> Plasma:
        self.start_x()
        self.start_bus()
        self.spawn("kwin", ["kwin_x11"])
        self.wait_bus_name("org.kde.KWin", 30, "kwin")
        self.spawn("plasmashell", ["plasmashell", "--no-respawn"])
        self.wait_bus_name("org.kde.plasmashell", 60, "plasmashell")
        subprocess.run(
            [
                "dbus-send",
                "--session",
                "--print-reply",
                "--dest=org.kde.kded5",
                "/kded",
                "org.kde.kded5.loadModule",
                "string:statusnotifierwatcher",
            ],
            env=self.env(),
            capture_output=True,
            timeout=30,
            check=True,
        )
        self.wait_host()
        self.wait_bus_name("org.freedesktop.Notifications", 30, "Plasma's notification server")
        return self


class Cinnamon(SniXDesktop):
    """Cinnamon 5.6 (`cinnamon --replace`: muffin and the shell) with xapp-sn-watcher, which owns the
    StatusNotifierWatcher and draws each item's DBusMenu as a GTK menu in its own process."""

    name = "cinnamon"
    needs = ("Xvfb", "dbus-daemon", "cinnamon", "xdotool", "import")
    menu_class = "xapp-sn-watcher"
    panel_height = 40
    desktop_env = {"XDG_CURRENT_DESKTOP": "X-Cinnamon"}  # noqa: RUF012
    watcher = "/usr/libexec/xapps/sn-watcher/xapp-sn-watcher"

    def require(self) -> None:
        super().require()
        if not os.access(self.watcher, os.X_OK):
            from tests.realparts import require_tools

            require_tools(self.watcher)

    def start(self) -> Cinnamon:
        self.start_x()
        self.start_bus()
        self.spawn("sn-watcher", [self.watcher])
        self.spawn("cinnamon", ["cinnamon", "--replace"])
        self.wait_bus_name("org.Cinnamon", 60, "cinnamon")
        self.wait_host()
        self.wait_bus_name("org.freedesktop.Notifications", 30, "Cinnamon's notification server")
        return self


class Mate(SniXDesktop):
    """mate-panel (its notification area hosts StatusNotifierItems) with dunst for notifications."""

    name = "mate"
    needs = ("Xvfb", "dbus-daemon", "mate-panel", "dunst", "import")
    menu_class = "mate-panel"
    desktop_env = {"XDG_CURRENT_DESKTOP": "MATE"}  # noqa: RUF012

    def start(self) -> Mate:
        self.start_x()
        self.start_bus()
        self.spawn("mate-panel", ["mate-panel"])
        self.spawn("dunst", ["dunst"])
        self.wait_host()
        self.wait_bus_name("org.freedesktop.Notifications", 30, "dunst")
        return self
