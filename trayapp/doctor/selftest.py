"""`trayapp self-test`: does this installation (a wheel, a pipx app, the frozen bundle) have its working
parts? Unlike `doctor`, which explains the machine, this exercises what an installation can lose without
any test noticing: keyring's backend entry points (a bundle that dropped them falls back to keyring's
fail backend), a real secret round trip, the launch-at-login round trip, and the notifier's D-Bus client.

Every check writes only what it removes again: a throwaway secret under its own key, and a launch entry
only when none was there (an entry the user has is read, never rewritten). No secret is ever printed.
"""

from __future__ import annotations

import json
import secrets
import sys
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from trayapp import __version__


@dataclass
class Result:
    check: str  # "keyring", "secret", "autostart", "notifier"
    ok: bool
    detail: str


def check_keyring() -> Result:
    """keyring found a real backend: a bundle that lost keyring's entry points gets the fail backend."""
    import keyring

    from trayapp.core.errors import TrayAppError
    from trayapp.core.secrets import SecretStore

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    members = getattr(backend, "backends", None)  # keyring's chainer: name what it chains
    if isinstance(members, list) and members:
        name += " of " + ", ".join(f"{type(b).__module__}.{type(b).__name__}" for b in members)
    try:
        SecretStore(backend).check()
    except TrayAppError as exc:
        return Result("keyring", False, f"{name}: {exc}")
    return Result("keyring", True, name)


def check_secret_round_trip() -> Result:
    from trayapp.core.errors import AuthError, TrayAppError
    from trayapp.core.secrets import SecretStore

    store = SecretStore()
    key = f"self-test:{uuid.uuid4().hex}"
    value = secrets.token_urlsafe(24)
    try:
        store.set(key, value)
        try:
            if store.get(key, "self-test") != value:
                return Result("secret", False, "the keyring gave back another value than was stored")
        finally:
            store.delete(key)
        try:
            store.get(key, "self-test")
        except AuthError:
            return Result("secret", True, "stored, read back and deleted a throwaway secret")
        return Result("secret", False, "the throwaway secret was still there after it was deleted")
    except TrayAppError as exc:
        return Result("secret", False, str(exc))


def check_autostart() -> Result:
    from trayapp.core import autostart
    from trayapp.core.errors import TrayAppError

    entry = autostart.for_platform()
    if not entry.supported:
        return Result("autostart", True, f"not available here: {entry.reason}")
    try:
        if entry.is_enabled():  # the user's own entry: read it, never rewrite it
            problem = entry.problem()
            return Result("autostart", not problem, problem or f"on, it starts trayapp ({entry.location})")
        entry.enable()
        try:
            enabled, problem = entry.is_enabled(), entry.problem()
        finally:
            entry.disable()
        if not enabled:
            return Result("autostart", False, f"written to {entry.location} but it does not read back as on")
        if problem:
            return Result("autostart", False, problem)
        if entry.is_enabled():
            return Result("autostart", False, f"still on after it was turned off ({entry.location})")
        return Result("autostart", True, f"turned on, read back and turned off again ({entry.location})")
    except TrayAppError as exc:
        return Result("autostart", False, str(exc))


def check_notifier(platform: str = sys.platform) -> Result:
    if not platform.startswith("linux"):
        return Result("notifier", True, "the tray icon's own notifications (Qt)")
    try:  # the notifier the tray sends with, and its D-Bus client (jeepney)
        from trayapp.notifier import INTERFACE, PATH, SERVICE
        from trayapp.sessionbus import BusError, SessionBus
    except ImportError as exc:  # a bundle without them could never send a notification
        return Result("notifier", False, f"the notifier is missing from this installation ({exc})")
    try:
        with SessionBus() as bus:
            name, vendor, version, _spec = bus.call(SERVICE, PATH, INTERFACE, "GetServerInformation")
    except BusError as exc:
        # The installation is fine; this desktop shows no notifications (doctor says what to do).
        return Result("notifier", True, f"the notifier loads; no notification server answered ({exc})")
    return Result("notifier", True, f"notifications go to {name} {version} ({vendor})")


CHECKS: tuple[Callable[[], Result], ...] = (
    check_keyring,
    check_secret_round_trip,
    check_autostart,
    check_notifier,
)


def run_checks(checks: tuple[Callable[[], Result], ...] = CHECKS) -> dict[str, Any]:
    results: list[Result] = []
    for check in checks:
        try:
            results.append(check())
        except Exception as exc:  # a broken installation may fail anywhere: report it, keep going
            name = check.__name__.removeprefix("check_").replace("_round_trip", "")
            results.append(Result(name, False, f"failed unexpectedly ({type(exc).__name__}: {exc})"))
    return {
        "ok": all(r.ok for r in results),
        "trayapp": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "executable": sys.executable,
        "checks": [asdict(r) for r in results],
    }


def run() -> int:
    from trayapp.core.redaction import redact

    report = run_checks()
    print(redact(json.dumps(report, indent=2, ensure_ascii=False)))
    return 0 if report["ok"] else 1
