"""What the user has set up: the keyring (backend, unlocked?), launch at login, and each account's
reachability. The keyring and the servers may block: they run under with_deadline."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from trayapp.doctor.check import Check, with_deadline

if TYPE_CHECKING:
    from trayapp.core.models import AccountResult
    from trayapp.sessionbus import SessionBus

KEYRING_DEADLINE_S = 8.0
ACCOUNTS_DEADLINE_S = 20.0
SECRETS = "org.freedesktop.secrets"


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


def _default_collection_locked(bus: SessionBus) -> bool | None:
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


def keyring_line() -> Check:
    outcome = with_deadline({"keyring": check_keyring}, KEYRING_DEADLINE_S).get("keyring")
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
    problem = entry.problem()
    if problem:
        details["problem"] = problem
        return Check("autostart", "Launch at login", False, "on, but it would not start", problem, details)
    return Check("autostart", "Launch at login", True, f"on ({entry.location})", details=details)


def check_accounts() -> list[Check]:
    from trayapp.backends import BACKENDS
    from trayapp.core.logs import setup_logging
    from trayapp.core.models import Outcome
    from trayapp.core.paths import AppPaths
    from trayapp.core.service import StatusService

    paths = AppPaths.default()
    setup_logging(paths.log_dir)
    service = StatusService(paths, backends=BACKENDS)
    accounts = service.accounts()
    if not accounts:
        summary = "none yet ('trayapp accounts add ...', or try 'trayapp --demo')"
        return [Check("account", "Accounts", True, summary, details={"count": 0})]
    # One thread each: a server that does not answer holds up only its own line.
    works = {a.name: functools.partial(service.current, [a.name]) for a in accounts}
    answers = with_deadline(works, ACCOUNTS_DEADLINE_S, then=service.close)
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


def _account_action(result: AccountResult) -> str:
    detail = str(result.detail).rstrip(".")
    if result.error_kind in ("ServiceUnavailable", "RateLimited"):
        return f"{detail}; check your network and the server address (changes wait and are sent later)"
    if result.error_kind in ("AuthError", "TwoFactorRequired"):
        return f"{detail}; sign in again with 'trayapp accounts add' (same name)"
    return detail
