"""Can Qt start a GUI here? Checked before PySide6 is imported, so a missing library or display gives
one line saying what to do instead of Qt's abort (SIGABRT, exit 134, and a hint naming the wrong
package: Qt blames libxcb-cursor0 for any library its xcb plugin lacks).

Qt picks its platform plugin from QT_QPA_PLATFORM, else "wayland" (when WAYLAND_DISPLAY is set or
XDG_SESSION_TYPE is wayland) and then "xcb". For each candidate we check, as Qt would find them, the
shared libraries it links to (one dlopen per soname; Qt loads the same libraries a moment later, so this
costs nothing extra) and whether its display answers. The first candidate that passes is the one Qt
will use. Qt-free and Linux-only: elsewhere Qt has no such needs.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import socket
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from trayapp.core.i18n import N_, _, ngettext

EXIT_CANNOT_START = 69  # EX_UNAVAILABLE: no display, or Qt's libraries are missing (the line says which)
CONNECT_TIMEOUT_S = 2.0


@dataclass(frozen=True)
class Library:
    soname: str
    debian: str  # Debian/Ubuntu package
    fedora: str  # Fedora package


def _libs(*rows: tuple[str, str, str]) -> tuple[Library, ...]:
    return tuple(Library(*row) for row in rows)


# What PySide6's Qt libraries link to outside the wheel (tests/firststart/test_preflight.py reads the
# installed plugins' DT_NEEDED entries and fails when one is missing here). glibc's own are left out.
BASE_LIBS = _libs(  # QtCore, QtGui, QtWidgets, QtDBus, QtNetwork, QtSvg: every platform, offscreen too
    ("libglib-2.0.so.0", "libglib2.0-0", "glib2"),
    ("libgthread-2.0.so.0", "libglib2.0-0", "glib2"),
    ("libz.so.1", "zlib1g", "zlib-ng-compat"),
    ("libzstd.so.1", "libzstd1", "libzstd"),
    ("libstdc++.so.6", "libstdc++6", "libstdc++"),
    ("libgcc_s.so.1", "libgcc-s1", "libgcc"),
    ("libGL.so.1", "libgl1", "libglvnd-glx"),
    ("libEGL.so.1", "libegl1", "libglvnd-egl"),
    ("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    ("libfreetype.so.6", "libfreetype6", "freetype"),
    ("libX11.so.6", "libx11-6", "libX11"),
    ("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    ("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
    ("libgssapi_krb5.so.2", "libgssapi-krb5-2", "krb5-libs"),  # QtNetwork (the single-instance socket)
    ("libbrotlidec.so.1", "libbrotli1", "libbrotli"),
    ("libbrotlicommon.so.1", "libbrotli1", "libbrotli"),
)
XCB_LIBS = _libs(  # the xcb platform plugin (X11, XWayland)
    ("libxcb.so.1", "libxcb1", "libxcb"),
    ("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    ("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    ("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    ("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    ("libxcb-util.so.1", "libxcb-util1", "xcb-util"),
    ("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    ("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    ("libxcb-render.so.0", "libxcb-render0", "libxcb"),
    ("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    ("libxcb-shm.so.0", "libxcb-shm0", "libxcb"),
    ("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    ("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
)
WAYLAND_LIBS = _libs(
    ("libwayland-client.so.0", "libwayland-client0", "libwayland-client"),
    ("libwayland-cursor.so.0", "libwayland-cursor0", "libwayland-cursor"),
)
PLATFORM_LIBS = {"xcb": XCB_LIBS, "wayland": WAYLAND_LIBS}
NO_DISPLAY = N_(
    "there is no display to show the tray on (neither DISPLAY nor WAYLAND_DISPLAY is set, as over ssh, "
    "in a container or from cron): start trayapp inside a desktop session; without one, "
    "'trayapp demo-server' and the command line ('trayapp status', 'trayapp set ...') work."
)

Loader = Callable[[str], bool]


@dataclass(frozen=True)
class Candidate:
    """One platform plugin Qt would try, and what stands in its way."""

    platform: str
    display: str = ""  # the display it would use, for messages: "X11 display :0", "Wayland wayland-0"
    display_problem: str = ""  # why that display cannot be used ("" when it answers, or none is needed)
    missing: tuple[Library, ...] = ()

    @property
    def ready(self) -> bool:
        return not self.display_problem and not self.missing


@dataclass(frozen=True)
class PlatformCheck:
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)
    problem: str = ""  # one line saying what to do; "" when Qt can start

    @property
    def ok(self) -> bool:
        return not self.problem

    @property
    def platform(self) -> str:
        """The plugin Qt will use ("" when none can start)."""
        return next((c.platform for c in self.candidates if c.ready), "")

    @property
    def missing(self) -> tuple[Library, ...]:
        return tuple(dict.fromkeys(lib for c in self.candidates for lib in c.missing))


# ------------------------------------------------------------------------------------- libraries


def can_load(soname: str) -> bool:
    """The dynamic loader finds and maps the library (and everything it links to)."""
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller: libraries shipped inside the bundle
    if bundle and any((Path(bundle) / sub / soname).exists() for sub in ("", "PySide6/Qt/lib")):
        return True
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(libs: Sequence[Library], load: Loader = can_load) -> tuple[Library, ...]:
    return tuple(lib for lib in libs if not load(lib.soname))


def install_hint(missing: Sequence[Library]) -> str:
    debian = " ".join(dict.fromkeys(lib.debian for lib in missing))
    fedora = " ".join(dict.fromkeys(lib.fedora for lib in missing))
    return _("'sudo apt install {debian}' (Debian/Ubuntu) or 'sudo dnf install {fedora}' (Fedora)").format(
        debian=debian, fedora=fedora
    )


def missing_line(missing: Sequence[Library]) -> str:
    """'libA and libB are missing: install them with ...'"""
    names = [lib.soname for lib in missing]
    if len(names) == 1:
        listed = names[0]
    else:
        listed = _("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])
    return ngettext(
        "{libraries} is missing: install it with {how}",
        "{libraries} are missing: install them with {how}",
        len(names),
    ).format(libraries=listed, how=install_hint(missing))


# --------------------------------------------------------------------------------------- displays

_X_DISPLAY = re.compile(r"^(?:(?P<proto>[a-z]+)/)?(?P<host>[^:]*):(?P<number>\d+)(?:\.\d+)?$")


def x_display_problem(display: str, timeout: float = CONNECT_TIMEOUT_S) -> str:
    """Why the X server named by DISPLAY cannot be used ("" when it accepts us)."""
    match = _X_DISPLAY.match(display)
    if match is None:
        return _("DISPLAY={display} is not a display name like ':0'").format(display=repr(display))
    number, host = int(match["number"]), match["host"]
    local = match["proto"] == "unix" or host in ("", "unix")
    if local:
        addresses: list[tuple[socket.AddressFamily, object]] = [
            (socket.AF_UNIX, f"\0/tmp/.X11-unix/X{number}"),  # Linux's abstract socket, as libxcb tries
            (socket.AF_UNIX, f"/tmp/.X11-unix/X{number}"),
        ]
    else:
        addresses = [(socket.AF_INET, (host, 6000 + number))]
    if not any(_connects(family, address, timeout) for family, address in addresses):
        return _("no X server answers on {display}").format(display=display)
    if not _xcb_accepts(display):
        return _("the X server on {display} refused the connection (check XAUTHORITY and xhost)").format(
            display=display
        )
    return ""


def _connects(family: socket.AddressFamily, address: object, timeout: float) -> bool:
    try:
        if family == socket.AF_INET:
            with socket.create_connection(address, timeout=timeout):  # type: ignore[arg-type]
                return True
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(address)  # type: ignore[arg-type]
            return True
    except OSError:
        return False


def _xcb_accepts(display: str) -> bool:
    """The full X handshake (authorisation included), through the libxcb Qt itself would use."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # reported as a missing library instead
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return connection is not None and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection is not None:
            xcb.xcb_disconnect(connection)


def wayland_socket(env: Mapping[str, str]) -> str:
    name = env.get("WAYLAND_DISPLAY") or "wayland-0"
    if name.startswith("/"):
        return name
    return str(Path(env.get("XDG_RUNTIME_DIR") or "/nonexistent") / name)


def wayland_display_problem(env: Mapping[str, str], timeout: float = CONNECT_TIMEOUT_S) -> str:
    if env.get("WAYLAND_SOCKET"):
        return ""  # an inherited connection: nothing to probe without taking it over
    path = wayland_socket(env)
    if not env.get("XDG_RUNTIME_DIR") and not path.startswith("/"):
        return _("XDG_RUNTIME_DIR is not set, so the Wayland socket cannot be found")
    if not _connects(socket.AF_UNIX, path, timeout):
        return _("no Wayland compositor answers on {path}").format(path=path)
    return ""


# ------------------------------------------------------------------------------------ the check


def qt_platforms(env: Mapping[str, str]) -> list[str]:
    """The plugins Qt tries, in order (QGuiApplication's choice on Linux)."""
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return [part.split(":", 1)[0].strip() for part in chosen.split(";") if part.strip()]
    wayland = bool(env.get("WAYLAND_DISPLAY")) or env.get("XDG_SESSION_TYPE") == "wayland"
    return ["wayland", "xcb"] if wayland else ["xcb"]


def _candidate(platform: str, env: Mapping[str, str], load: Loader) -> Candidate:
    family = "wayland" if platform.startswith("wayland") else platform
    missing = missing_libraries((*BASE_LIBS, *PLATFORM_LIBS.get(family, ())), load)
    if family == "xcb":
        display = env.get("DISPLAY", "")
        if not display:
            return Candidate(platform, "", _("DISPLAY is not set"), missing)
        where = _("X11 display {display}").format(display=display)
        return Candidate(platform, where, x_display_problem(display), missing)
    if family == "wayland":
        where = _("Wayland display {display}").format(display=env.get("WAYLAND_DISPLAY") or "wayland-0")
        return Candidate(platform, where, wayland_display_problem(env), missing)
    return Candidate(platform, "", "", missing)  # offscreen, minimal, vnc...: no display to reach


def check_platform(env: Mapping[str, str] | None = None, load: Loader = can_load) -> PlatformCheck:
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return PlatformCheck()
    candidates = tuple(_candidate(p, env, load) for p in qt_platforms(env))
    if any(c.ready for c in candidates):
        return PlatformCheck(candidates)
    return PlatformCheck(candidates, _problem(candidates, env))


def _problem(candidates: Sequence[Candidate], env: Mapping[str, str]) -> str:
    # The first candidate whose display answers only lacks libraries: that is what to fix.
    for c in candidates:
        if not c.display_problem:
            if c.display:
                return _("Qt cannot start on the {display}: {problem}.").format(
                    display=c.display, problem=missing_line(c.missing)
                )
            return _("Qt cannot start on the {platform} platform: {problem}.").format(
                platform=c.platform, problem=missing_line(c.missing)
            )
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return _(NO_DISPLAY)
    reasons = "; ".join(f"{c.platform}: {c.display_problem}" for c in candidates)
    return _("Qt cannot reach a display ({reasons}): start trayapp inside your desktop session.").format(
        reasons=reasons
    )


def with_qt_args(env: Mapping[str, str], qt_args: Sequence[str]) -> dict[str, str]:
    """The environment as Qt will read it: `-platform NAME` and `-display NAME` on the command line win
    over QT_QPA_PLATFORM and DISPLAY."""
    seen = dict(env)
    items = list(qt_args)
    for i, arg in enumerate(items):
        name, has_value, value = arg.partition("=")
        if not has_value and i + 1 < len(items):
            value = items[i + 1]
        if name == "-platform" and value:
            seen["QT_QPA_PLATFORM"] = value
        elif name == "-display" and value:
            seen["DISPLAY"] = value
    return seen


def first_problem(qt_args: Sequence[str] = ()) -> str:
    """The one line to print before starting the GUI ("" when Qt can start)."""
    with contextlib.suppress(Exception):  # a probe that itself fails must never stop a working desktop
        return check_platform(with_qt_args(os.environ, qt_args)).problem
    return ""
