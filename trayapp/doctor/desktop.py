"""What the desktop session offers: desktop and session type, the Qt platform (trayapp.preflight,
without importing PySide6), the tray (StatusNotifierItem watcher and host, XEmbed selection owner) and
the notification server. D-Bus questions go through trayapp.sessionbus, each with a short timeout."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Mapping
from importlib import metadata
from typing import TYPE_CHECKING, Any

from trayapp import preflight
from trayapp.core.i18n import N_, _
from trayapp.core.paths import runtime_dir_note
from trayapp.doctor.check import Check

if TYPE_CHECKING:  # jeepney (under sessionbus) is installed on Linux only
    from trayapp.sessionbus import BusError, SessionBus

    Bus = SessionBus | BusError  # an open bus, or why there is none

SNI_WATCHER = "org.kde.StatusNotifierWatcher"
NOTIFICATIONS = "org.freedesktop.Notifications"
GNOME_EXTENSION = N_(
    "install the “AppIndicator and KStatusNotifierItem Support” extension "
    "('sudo apt install gnome-shell-extension-appindicator' on Debian/Ubuntu, "
    "'sudo dnf install gnome-shell-extension-appindicator' on Fedora), enable it with "
    "'gnome-extensions enable appindicatorsupport@rgcjonas.gmail.com' and log in again"
)


def desktop_name(env: Mapping[str, str]) -> str:
    return (
        env.get("XDG_CURRENT_DESKTOP") or env.get("XDG_SESSION_DESKTOP") or env.get("DESKTOP_SESSION") or ""
    )


def is_gnome(env: Mapping[str, str]) -> bool:
    return "gnome" in desktop_name(env).lower().split(":")  # "GNOME", "ubuntu:GNOME"


def check_desktop(env: Mapping[str, str]) -> Check:
    desktop = desktop_name(env) or _("unknown desktop")
    session = env.get("XDG_SESSION_TYPE") or ("wayland" if env.get("WAYLAND_DISPLAY") else "")
    shown = [f"{var}={env[var]}" for var in ("WAYLAND_DISPLAY", "DISPLAY") if env.get(var)]
    summary = (
        _("{desktop}, {session} session").format(desktop=desktop, session=session) if session else desktop
    )
    summary += f" ({', '.join(shown)})" if shown else " " + _("(no display)")
    note = runtime_dir_note()
    if note:
        summary += f"; {note}"
    details = {
        "desktop": desktop_name(env),
        "session_type": session,
        "display": env.get("DISPLAY", ""),
        "wayland_display": env.get("WAYLAND_DISPLAY", ""),
        "runtime_dir_note": note,
    }
    return Check("desktop", _("Desktop"), True, summary, details=details)


def check_qt(env: Mapping[str, str]) -> tuple[Check, preflight.PlatformCheck]:
    result = preflight.check_platform(env)
    candidates = [
        {
            "platform": c.platform,
            "display": c.display,
            "display_problem": c.display_problem,
            "missing": [lib.soname for lib in c.missing],
        }
        for c in result.candidates
    ]
    details = {"platform": result.platform, "candidates": candidates, "pyside6": _pyside_version()}
    title = _("Qt platform")
    if not sys.platform.startswith("linux"):
        summary = _("native ({system})").format(system=sys.platform)
        return Check("qt", title, True, summary, details=details), result
    if result.ok:
        chosen = next(c for c in result.candidates if c.ready)
        if chosen.display:
            summary = _("{platform} on the {display}; the libraries it needs are installed").format(
                platform=chosen.platform, display=chosen.display
            )
        else:
            summary = _("{platform}; the libraries it needs are installed").format(platform=chosen.platform)
        return Check("qt", title, True, summary, details=details), result
    return Check("qt", title, False, _("the tray cannot start"), result.problem, details), result


def _pyside_version() -> str:
    for dist in ("PySide6-Essentials", "PySide6"):
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return ""


def xembed_tray(display: str) -> bool:
    """Some client owns the XEmbed tray selection _NET_SYSTEM_TRAY_S0 (an X11 tray host runs)."""
    if not display or preflight.x_display_problem(display):
        return False
    try:
        x11 = ctypes.CDLL("libX11.so.6")
    except OSError:
        return False
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XGetSelectionOwner.restype = ctypes.c_ulong
    x11.XGetSelectionOwner.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    connection = x11.XOpenDisplay(display.encode())
    if not connection:
        return False
    try:
        atom = x11.XInternAtom(connection, b"_NET_SYSTEM_TRAY_S0", 0)
        return bool(x11.XGetSelectionOwner(connection, atom))
    finally:
        x11.XCloseDisplay(connection)


def check_tray(env: Mapping[str, str], qt_platform: str, bus: Bus) -> Check:
    from trayapp.sessionbus import BusError

    details: dict[str, Any] = {"sni_watcher": False, "sni_host": False, "watcher_program": "", "xembed": None}
    found: list[str] = []
    problem = ""
    if isinstance(bus, BusError):
        problem = str(bus)
    else:
        try:
            if bus.has_owner(SNI_WATCHER):
                details["sni_watcher"] = True
                details["watcher_program"] = program = bus.owner_program(SNI_WATCHER)
                host = bus.get_property(
                    SNI_WATCHER, "/StatusNotifierWatcher", SNI_WATCHER, "IsStatusNotifierHostRegistered"
                )
                details["sni_host"] = bool(host)
                if host and program:
                    found.append(
                        _("StatusNotifierItem host ({watcher} by {program})").format(
                            watcher=SNI_WATCHER, program=program
                        )
                    )
                elif host:
                    found.append(_("StatusNotifierItem host ({watcher})").format(watcher=SNI_WATCHER))
                elif program:
                    problem = _(
                        "{watcher} runs by {program} but no panel has registered to show the icons"
                    ).format(watcher=SNI_WATCHER, program=program)
                else:
                    problem = _("{watcher} runs but no panel has registered to show the icons").format(
                        watcher=SNI_WATCHER
                    )
        except BusError as exc:
            problem = _("the StatusNotifierItem watcher did not answer ({error})").format(error=exc)
    if qt_platform == "xcb":  # XEmbed is X11 only: a Wayland client cannot dock there
        details["xembed"] = xembed_tray(env.get("DISPLAY", ""))
        if details["xembed"]:
            found.append(_("XEmbed tray ({selection})").format(selection="_NET_SYSTEM_TRAY_S0"))
    title = _("Tray")
    if found:
        return Check("tray", title, True, ", ".join(found), details=details)
    summary = (
        _("no system tray found ({problem})").format(problem=problem)
        if problem
        else _("no system tray found")
    )
    if isinstance(bus, BusError):
        action = _("start trayapp inside your desktop session, whose D-Bus the tray is found on")
    elif is_gnome(env):
        action = _("stock GNOME has no tray: {how}; until then trayapp shows a window instead").format(
            how=_(GNOME_EXTENSION)
        )
    else:
        action = _(
            "add a system tray / status notifier area to your panel (XFCE: “Status Tray Plugin”, "
            "MATE: “Notification Area”, waybar: the “tray” module); until then trayapp shows a window instead"
        )
    return Check("tray", title, False, summary, action, details)


def check_notifications(bus: Bus) -> Check:
    from trayapp.sessionbus import BusError

    title = _("Notifications")
    details: dict[str, Any] = {"running": False, "activatable": False, "server": "", "version": ""}
    if isinstance(bus, BusError):
        return Check(
            "notifications", title, False, str(bus), _("start trayapp inside your desktop session"), details
        )
    try:
        if bus.has_owner(NOTIFICATIONS):
            name, vendor, version, spec = bus.call(
                NOTIFICATIONS, "/org/freedesktop/Notifications", NOTIFICATIONS, "GetServerInformation"
            )
            details.update(running=True, server=name, vendor=vendor, version=version, spec_version=spec)
            return Check(
                "notifications", title, True, f"{name} {version} ({vendor})".strip(), details=details
            )
        if bus.activatable(NOTIFICATIONS):
            details["activatable"] = True
            summary = _("no server running yet; D-Bus starts one for the first notice")
            return Check("notifications", title, True, summary, details=details)
    except BusError as exc:
        return Check(
            "notifications", title, False,
            _("the notification server did not answer ({error})").format(error=exc),
            _("restart your desktop's notification service"), details,
        )  # fmt: skip
    action = _(
        "install one (e.g. 'dunst', 'mako' or your desktop's own); until then changes and errors show "
        "only in the tray menu"
    )
    summary = _("no notification server ({service})").format(service=NOTIFICATIONS)
    return Check("notifications", title, False, summary, action, details)


def desktop_services(env: Mapping[str, str], qt_platform: str) -> list[Check]:
    from trayapp.sessionbus import BusError, SessionBus

    try:
        with SessionBus() as bus:
            return [check_tray(env, qt_platform, bus), check_notifications(bus)]
    except BusError as exc:  # no session bus: both lines say so
        return [check_tray(env, qt_platform, exc), check_notifications(exc)]
