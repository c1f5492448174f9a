"""`trayapp doctor`: what this machine offers the tray app, one line per part, each OK or what to do.

Qt-free and quick: the Qt platform is judged by trayapp.preflight (libraries and display, without
importing PySide6), the tray and notification server are asked over D-Bus (jeepney) and X11, each
with a short timeout. Checks that may block (the keyring, the accounts' servers) run on daemon threads
with a deadline, so the command always ends. Exit code: 0 when every line is OK, 1 when one needs
action (EXIT_NEEDS_ACTION).
"""

from __future__ import annotations

import ctypes
import functools
import json
import os
import platform
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from importlib import metadata
from typing import Any

from trayapp import __version__, preflight
from trayapp.core.paths import runtime_dir_note

EXIT_NEEDS_ACTION = 1
KEYRING_DEADLINE_S = 8.0
ACCOUNTS_DEADLINE_S = 20.0
THREAD_NAME = "trayapp-doctor"
SNI_WATCHER = "org.kde.StatusNotifierWatcher"
NOTIFICATIONS = "org.freedesktop.Notifications"
SECRETS = "org.freedesktop.secrets"
GNOME_EXTENSION = (
    "install the “AppIndicator and KStatusNotifierItem Support” extension "
    "('sudo apt install gnome-shell-extension-appindicator' on Debian/Ubuntu, "
    "'sudo dnf install gnome-shell-extension-appindicator' on Fedora), enable it with "
    "'gnome-extensions enable appindicatorsupport@rgcjonas.gmail.com' and log in again"
)


@dataclass
class Check:
    check: str  # machine name: "desktop", "qt", "tray", "notifications", "keyring", "autostart", "account"
    title: str  # what the line is about, for people
    ok: bool
    summary: str  # what was found
    action: str = ""  # what to do ("" when ok)
    details: dict[str, Any] = field(default_factory=dict)

    def line(self) -> str:
        text = f"{self.title}: {self.summary}"
        if self.action:
            text += f" — {self.action}"
        return f"{'OK ' if self.ok else 'FIX'}  {text}"


# ------------------------------------------------------------------------------------ environment


def desktop_name(env: Mapping[str, str]) -> str:
    return (
        env.get("XDG_CURRENT_DESKTOP") or env.get("XDG_SESSION_DESKTOP") or env.get("DESKTOP_SESSION") or ""
    )


def is_gnome(env: Mapping[str, str]) -> bool:
    return "gnome" in desktop_name(env).lower().split(":")  # "GNOME", "ubuntu:GNOME"


def check_desktop(env: Mapping[str, str]) -> Check:
    desktop = desktop_name(env) or "unknown desktop"
    session = env.get("XDG_SESSION_TYPE") or ("wayland" if env.get("WAYLAND_DISPLAY") else "")
    shown = [f"{var}={env[var]}" for var in ("WAYLAND_DISPLAY", "DISPLAY") if env.get(var)]
    summary = desktop + (f", {session} session" if session else "")
    summary += f" ({', '.join(shown)})" if shown else " (no display)"
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
    return Check("desktop", "Desktop", True, summary, details=details)


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
    if not sys.platform.startswith("linux"):
        return Check("qt", "Qt platform", True, f"native ({sys.platform})", details=details), result
    if result.ok:
        chosen = next(c for c in result.candidates if c.ready)
        where = f" on the {chosen.display}" if chosen.display else ""
        summary = f"{chosen.platform}{where}; the libraries it needs are installed"
        return Check("qt", "Qt platform", True, summary, details=details), result
    return Check("qt", "Qt platform", False, "the tray cannot start", result.problem, details), result


def _pyside_version() -> str:
    for dist in ("PySide6-Essentials", "PySide6"):
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return ""


# ------------------------------------------------------------------------------------ D-Bus parts


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


def check_tray(env: Mapping[str, str], qt_platform: str, bus: Any) -> Check:
    """bus: an open SessionBus, or the BusError saying why there is none."""
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
                by = f" by {program}" if program else ""
                if host:
                    found.append(f"StatusNotifierItem host ({SNI_WATCHER}{by})")
                else:
                    problem = f"{SNI_WATCHER} runs{by} but no panel has registered to show the icons"
        except BusError as exc:
            problem = f"the StatusNotifierItem watcher did not answer ({exc})"
    if qt_platform == "xcb":  # XEmbed is X11 only: a Wayland client cannot dock there
        details["xembed"] = xembed_tray(env.get("DISPLAY", ""))
        if details["xembed"]:
            found.append("XEmbed tray (_NET_SYSTEM_TRAY_S0)")
    if found:
        return Check("tray", "Tray", True, ", ".join(found), details=details)
    summary = "no system tray found" + (f" ({problem})" if problem else "")
    if isinstance(bus, BusError):
        action = "start trayapp inside your desktop session, whose D-Bus the tray is found on"
    elif is_gnome(env):
        action = f"stock GNOME has no tray: {GNOME_EXTENSION}; until then trayapp shows a window instead"
    else:
        action = (
            "add a system tray / status notifier area to your panel (XFCE: “Status Tray Plugin”, "
            "MATE: “Notification Area”, waybar: the “tray” module); until then trayapp shows a window instead"
        )
    return Check("tray", "Tray", False, summary, action, details)


def check_notifications(bus: Any) -> Check:
    from trayapp.sessionbus import BusError

    title = "Notifications"
    details: dict[str, Any] = {"running": False, "activatable": False, "server": "", "version": ""}
    if isinstance(bus, BusError):
        return Check(
            "notifications", title, False, str(bus), "start trayapp inside your desktop session", details
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
            summary = "no server running yet; D-Bus starts one for the first notice"
            return Check("notifications", title, True, summary, details=details)
    except BusError as exc:
        return Check(
            "notifications", title, False, f"the notification server did not answer ({exc})",
            "restart your desktop's notification service", details,
        )  # fmt: skip
    action = (
        "install one (e.g. 'dunst', 'mako' or your desktop's own); until then changes and errors show "
        "only in the tray menu"
    )
    return Check("notifications", title, False, f"no notification server ({NOTIFICATIONS})", action, details)


# ---------------------------------------------------------------------------------------- keyring

_BACKEND_NAMES = {
    "keyring.backends.fail": "no keyring",
    "keyring.backends.null": "no keyring",
    "keyring.backends.SecretService": "Secret Service",
    "keyring.backends.kwallet": "KWallet",
    "keyring.backends.macOS": "macOS Keychain",
    "keyring.backends.Windows": "Windows Credential Locker",
}


def _backend_label(backend: Any) -> str:
    members = list(getattr(backend, "backends", [])) or [backend]
    names = [
        _BACKEND_NAMES.get(type(b).__module__, f"{type(b).__module__}.{type(b).__name__}") for b in members
    ]
    return ", ".join(dict.fromkeys(names))


def _default_collection_locked(bus: Any) -> bool | None:
    """The Secret Service's default keyring is locked (None: there is none yet, or no answer)."""
    from trayapp.sessionbus import BusError

    try:
        return bool(
            bus.get_property(
                SECRETS,
                "/org/freedesktop/secrets/aliases/default",
                "org.freedesktop.Secret.Collection",
                "Locked",
            )
        )
    except BusError:
        return None


def check_keyring() -> Check:
    import keyring

    from trayapp.core.errors import KeyringUnavailable
    from trayapp.core.secrets import SecretStore
    from trayapp.sessionbus import BusError, SessionBus

    backend = keyring.get_keyring()
    label = _backend_label(backend)
    details: dict[str, Any] = {
        "backend": f"{type(backend).__module__}.{type(backend).__name__}",
        "locked": None,
    }
    try:
        SecretStore(backend).check()
    except KeyringUnavailable as exc:
        summary = "no secure keyring" + ("" if label == "no keyring" else f" (found {label})")
        return Check("keyring", "Keyring", False, summary, str(exc), details)
    if "Secret Service" not in label:
        return Check("keyring", "Keyring", True, label, details=details)
    try:
        with SessionBus() as bus:  # its own connection: this runs on a thread that may outlive the others
            provider = bus.owner_program(SECRETS)
            locked = _default_collection_locked(bus)
    except BusError:
        return Check("keyring", "Keyring", True, label, details=details)
    label += f" ({provider})" if provider else ""
    details["locked"] = locked
    if locked:
        action = (
            "unlock it (log in again, or open your passwords app); until then trayapp cannot read its tokens"
        )
        return Check("keyring", "Keyring", False, f"{label}, locked", action, details)
    state = "unlocked" if locked is False else "no default keyring yet (it is made at the first sign-in)"
    return Check("keyring", "Keyring", True, f"{label}, {state}", details=details)


# -------------------------------------------------------------------------------------- autostart


def check_autostart() -> Check:
    from trayapp.core import autostart

    entry = autostart.for_platform()
    details: dict[str, Any] = {"supported": entry.supported, "enabled": False, "location": entry.location}
    if not entry.supported:
        return Check(
            "autostart", "Launch at login", True, f"not available here: {entry.reason}", details=details
        )
    enabled = entry.is_enabled()
    details["enabled"] = enabled
    if not enabled:
        summary = "off ('trayapp autostart on' starts trayapp at login)"
        return Check("autostart", "Launch at login", True, summary, details=details)
    stale = _missing_program(entry)
    if stale:
        action = "run 'trayapp autostart on' again to point it at this installation"
        return Check(
            "autostart",
            "Launch at login",
            False,
            f"on, but it starts {stale}, which is gone",
            action,
            details,
        )
    return Check("autostart", "Launch at login", True, f"on ({entry.location})", details=details)


def _missing_program(entry: Any) -> str:
    """The program an XDG autostart entry runs, when that program no longer exists ("" otherwise)."""
    from pathlib import Path

    from trayapp.core.autostart import parse_desktop_entry

    path = getattr(entry, "path", None)
    if not isinstance(path, Path) or not path.is_file():
        return ""
    try:
        program = parse_desktop_entry(path.read_text(encoding="utf-8", errors="replace")).get("TryExec", "")
    except OSError:
        return ""
    return program if program.startswith("/") and not Path(program).exists() else ""


# --------------------------------------------------------------------------------------- accounts


def check_accounts() -> list[Check]:
    from trayapp.core.logs import setup_logging
    from trayapp.core.models import Outcome
    from trayapp.core.paths import AppPaths
    from trayapp.core.service import StatusService

    paths = AppPaths.default()
    setup_logging(paths.log_dir)
    service = StatusService(paths)
    accounts = service.accounts()
    if not accounts:
        summary = "none yet ('trayapp accounts add ...', or try 'trayapp --demo')"
        return [Check("account", "Accounts", True, summary, details={"count": 0})]
    # One thread each: a server that does not answer holds up only its own line.
    works = {a.name: functools.partial(service.current, [a.name]) for a in accounts}
    answers = _with_deadline(works, ACCOUNTS_DEADLINE_S, then=service.close)
    by_name = {name: got[0] for name, got in answers.items() if isinstance(got, list) and got}
    checks = []
    for account in accounts:
        title = f"Account {account.name}"
        details: dict[str, Any] = {"account": account.name, "service": account.kind.value, "url": account.url}
        result = by_name.get(account.name)
        where = f"{account.kind.label} at {account.url}"
        if result is None:
            action = "check your network and the server address; changes wait and are sent later"
            summary = f"{where}, no answer within {ACCOUNTS_DEADLINE_S:g} s"
            checks.append(Check("account", title, False, summary, action, {**details, "reachable": False}))
        elif result.outcome is Outcome.OK:
            current = result.current
            state = current.availability.label if current and current.availability else ""
            summary = f"{where}, reachable, signed in" + (f" ({state})" if state else "")
            checks.append(Check("account", title, True, summary, details={**details, "reachable": True}))
        else:
            details.update(reachable=False, error=result.error_kind)
            summary = f"{where}, {'signed out' if result.error_kind == 'AuthError' else 'not usable'}"
            if result.error_kind in ("ServiceUnavailable", "RateLimited"):
                summary = f"{where}, not reachable"
            checks.append(Check("account", title, False, summary, _account_action(result), details))
    return checks


def _account_action(result: Any) -> str:
    detail = str(result.detail).rstrip(".")
    if result.error_kind in ("ServiceUnavailable", "RateLimited"):
        return f"{detail}; check your network and the server address (changes wait and are sent later)"
    if result.error_kind in ("AuthError", "TwoFactorRequired"):
        return f"{detail}; sign in again with 'trayapp accounts add' (same name)"
    return detail


# -------------------------------------------------------------------------------------------- run


def _with_deadline(
    works: Mapping[str, Callable[[], Any]], seconds: float, then: Callable[[], None] | None = None
) -> dict[str, Any]:
    """Each work's result (or its exception), run side by side; those not finished within `seconds`
    are left out. They go on on daemon threads, so a hung keyring or server never keeps the command
    from ending; `then` (e.g. closing connections) runs once all of them are done."""
    results: dict[str, Any] = {}

    def one(key: str, work: Callable[[], Any]) -> None:
        try:
            results[key] = work()
        except Exception as exc:
            results[key] = exc

    threads = [
        threading.Thread(target=one, args=item, name=THREAD_NAME, daemon=True) for item in works.items()
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + seconds
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    answered = dict(results)

    def finish() -> None:
        for thread in threads:
            thread.join()
        if then is not None:
            then()

    if any(t.is_alive() for t in threads):
        threading.Thread(target=finish, name=THREAD_NAME, daemon=True).start()
    else:
        finish()
    return answered


def _keyring_line() -> Check:
    outcome = _with_deadline({"keyring": check_keyring}, KEYRING_DEADLINE_S).get("keyring")
    if isinstance(outcome, Check):
        return outcome
    if outcome is None:
        summary, action = (
            f"no answer within {KEYRING_DEADLINE_S:g} s",
            "restart your desktop's keyring service",
        )
    else:
        summary, action = f"failed ({type(outcome).__name__})", "see the log, or report it"
    return Check("keyring", "Keyring", False, summary, action)


def diagnose(env: Mapping[str, str] | None = None) -> list[Check]:
    env = os.environ if env is None else env
    qt, result = check_qt(env)
    checks = [check_desktop(env), qt]
    if sys.platform.startswith("linux"):
        checks += _desktop_services(env, result.platform)
    checks += [_keyring_line(), check_autostart(), *check_accounts()]
    return checks


def _desktop_services(env: Mapping[str, str], qt_platform: str) -> list[Check]:
    from trayapp.sessionbus import BusError, SessionBus

    try:
        with SessionBus() as bus:
            return [check_tray(env, qt_platform, bus), check_notifications(bus)]
    except BusError as exc:  # no session bus: both lines say so
        return [check_tray(env, qt_platform, exc), check_notifications(exc)]


def report(checks: list[Check]) -> dict[str, Any]:
    return {
        "ok": all(c.ok for c in checks),
        "trayapp": __version__,
        "python": platform.python_version(),
        "system": platform.platform(),
        "checks": [asdict(c) for c in checks],
    }


def run(as_json: bool = False) -> int:
    checks = diagnose()
    if as_json:
        print(json.dumps(report(checks), indent=2, ensure_ascii=False))
    else:
        print(f"trayapp {__version__}, Python {platform.python_version()}, {platform.platform()}")
        for check in checks:
            print(check.line())
    return 0 if all(c.ok for c in checks) else EXIT_NEEDS_ACTION
