"""What the user has set up: the keyring (backend, unlocked?), launch at login, and each account's
reachability. The keyring and the servers may block: they run under with_deadline."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from trayapp.core.i18n import N_, _
from trayapp.doctor.check import Check, with_deadline

if TYPE_CHECKING:
    from trayapp.core.models import AccountResult
    from trayapp.sessionbus import SessionBus

KEYRING_DEADLINE_S = 8.0
ACCOUNTS_DEADLINE_S = 20.0
SECRETS = "org.freedesktop.secrets"


NO_KEYRING = N_("no keyring")
_BACKEND_NAMES = {
    "keyring.backends.fail": NO_KEYRING,
    "keyring.backends.null": NO_KEYRING,
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
    names = [_(NO_KEYRING) if name == NO_KEYRING else name for name in names]
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
    title = _("Keyring")
    details: dict[str, Any] = {
        "backend": f"{type(backend).__module__}.{type(backend).__name__}",
        "locked": None,
    }
    try:
        SecretStore(backend).check()
    except KeyringUnavailable as exc:
        summary = (
            _("no secure keyring")
            if label == _(NO_KEYRING)
            else _("no secure keyring (found {backend})").format(backend=label)
        )
        return Check("keyring", title, False, summary, str(exc), details)
    if "Secret Service" not in label:
        return Check("keyring", title, True, label, details=details)
    try:
        with SessionBus() as bus:  # its own connection: this runs on a thread that may outlive the others
            provider = bus.owner_program(SECRETS)
            locked = _default_collection_locked(bus)
    except BusError:
        return Check("keyring", title, True, label, details=details)
    label += f" ({provider})" if provider else ""
    details["locked"] = locked
    if locked:
        action = _(
            "unlock it (log in again, or open your passwords app); until then trayapp cannot read its tokens"
        )
        return Check("keyring", title, False, _("{keyring}, locked").format(keyring=label), action, details)
    if locked is False:
        summary = _("{keyring}, unlocked").format(keyring=label)
    else:
        summary = _("{keyring}, no default keyring yet (it is made at the first sign-in)").format(
            keyring=label
        )
    return Check("keyring", title, True, summary, details=details)


def keyring_line() -> Check:
    outcome = with_deadline({"keyring": check_keyring}, KEYRING_DEADLINE_S).get("keyring")
    if isinstance(outcome, Check):
        return outcome
    if outcome is None:
        summary = _("no answer within {seconds} s").format(seconds=f"{KEYRING_DEADLINE_S:g}")
        action = _("restart your desktop's keyring service")
    else:
        summary = _("failed ({error})").format(error=type(outcome).__name__)
        action = _("see the log, or report it")
    return Check("keyring", _("Keyring"), False, summary, action)


def check_autostart() -> Check:
    from trayapp.core import autostart

    entry = autostart.for_platform()
    details: dict[str, Any] = {"supported": entry.supported, "enabled": False, "location": entry.location}
    title = _("Launch at login")
    if not entry.supported:
        summary = _("not available here: {reason}").format(reason=entry.reason)
        return Check("autostart", title, True, summary, details=details)
    enabled = entry.is_enabled()
    details["enabled"] = enabled
    if not enabled:
        summary = _("off ('trayapp autostart on' starts trayapp at login)")
        return Check("autostart", title, True, summary, details=details)
    problem = entry.problem()
    if problem:
        details["problem"] = problem
        return Check("autostart", title, False, _("on, but it would not start"), problem, details)
    summary = _("on ({location})").format(location=entry.location)
    return Check("autostart", title, True, summary, details=details)


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
        summary = _("none yet ('trayapp accounts add ...', or try 'trayapp --demo')")
        return [Check("account", _("Accounts"), True, summary, details={"count": 0})]
    # One thread each: a server that does not answer holds up only its own line.
    works = {a.name: functools.partial(service.current, [a.name]) for a in accounts}
    answers = with_deadline(works, ACCOUNTS_DEADLINE_S, then=service.close)
    by_name = {name: got[0] for name, got in answers.items() if isinstance(got, list) and got}
    checks = []
    for account in accounts:
        title = _("Account {name}").format(name=account.name)
        details: dict[str, Any] = {"account": account.name, "service": account.kind.value, "url": account.url}
        result = by_name.get(account.name)
        where = _("{service} at {url}").format(service=account.kind.label, url=account.url)
        if result is None:
            action = _("check your network and the server address; changes wait and are sent later")
            summary = _("{where}, no answer within {seconds} s").format(
                where=where, seconds=f"{ACCOUNTS_DEADLINE_S:g}"
            )
            checks.append(Check("account", title, False, summary, action, {**details, "reachable": False}))
        elif result.outcome is Outcome.OK:
            current = result.current
            state = current.availability.label if current and current.availability else ""
            if state:
                summary = _("{where}, reachable, signed in ({availability})").format(
                    where=where, availability=state
                )
            else:
                summary = _("{where}, reachable, signed in").format(where=where)
            checks.append(Check("account", title, True, summary, details={**details, "reachable": True}))
        else:
            details.update(reachable=False, error=result.error_kind)
            if result.error_kind in ("ServiceUnavailable", "RateLimited"):
                summary = _("{where}, not reachable").format(where=where)
            elif result.error_kind == "AuthError":
                summary = _("{where}, signed out").format(where=where)
            else:
                summary = _("{where}, not usable").format(where=where)
            checks.append(Check("account", title, False, summary, _account_action(result), details))
    return checks


def _account_action(result: AccountResult) -> str:
    detail = str(result.detail).rstrip(".")
    if result.error_kind in ("ServiceUnavailable", "RateLimited"):
        return _(
            "{problem}; check your network and the server address (changes wait and are sent later)"
        ).format(problem=detail)
    if result.error_kind in ("AuthError", "TwoFactorRequired"):
        return _("{problem}; sign in again with 'trayapp accounts add' (same name)").format(problem=detail)
    return detail
