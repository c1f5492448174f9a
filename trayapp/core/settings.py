"""Accounts (never secrets) and preferences, in settings.json in the per-user config folder."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trayapp.core import atomic
from trayapp.core.errors import InputError
from trayapp.core.i18n import _
from trayapp.core.models import Account, ServiceKind

SCHEMA_VERSION = 1
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")


def check_account_name(name: str) -> str:
    name = name.strip()
    if not _NAME_RE.match(name):
        raise InputError(
            _("'{name}' is not a valid account name: use 1 to 32 letters, digits, '.', '-' or '_'.").format(
                name=name
            ),
            field="name",
        )
    return name


@dataclass
class Settings:
    accounts: list[Account] = field(default_factory=list)
    preferences: dict[str, Any] = field(default_factory=dict)

    def find(self, name: str) -> Account | None:
        return next((a for a in self.accounts if a.name == name), None)


class SettingsStore(atomic.DamageReports):
    """Saves atomically, and changes under the cross-process lock, so two processes adding accounts
    at once keep both. A damaged file is set aside and reported, never overwritten; a damaged account
    is left out (the file as it was is kept) and the others load."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__()

    def load(self) -> Settings:
        try:
            raw = atomic.read_json(self.path)
            if raw is None:
                return Settings()
            settings, bad = _parse(raw)
        except (ValueError, KeyError, TypeError, RecursionError):
            with atomic.locked(self.path):
                return self._load_locked()
        if bad:
            with atomic.locked(self.path):
                return self._load_locked()
        return settings

    def update(self, change: Callable[[Settings], None]) -> Settings:
        """Read the file as it is now, apply `change` (which may raise to write nothing), write it back,
        all under the lock: a read-modify-write that no other process can interleave with."""
        with atomic.locked(self.path):
            settings = self._load_locked()
            change(settings)
            self._write(settings)
            return settings

    def save(self, settings: Settings) -> None:
        with atomic.locked(self.path):
            self._write(settings)

    def _load_locked(self) -> Settings:
        try:
            raw = atomic.read_json(self.path)
            if raw is None:
                return Settings()
            settings, bad = _parse(raw)
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            self._warn(atomic.set_aside(self.path, _reason(exc)))
            return Settings()
        if bad:
            self._warn(atomic.keep_copy(self.path, bad))
            self._write(settings)  # said once: the next start finds a clean file
        return settings

    def _write(self, settings: Settings) -> None:
        atomic.write_json(
            self.path,
            {
                "schema_version": SCHEMA_VERSION,
                "accounts": [_dump_account(a) for a in settings.accounts],
                "preferences": settings.preferences,
            },
        )


def _reason(exc: Exception) -> str:
    # the ValueError's own text stays English: it is matched here, never shown
    if isinstance(exc, ValueError) and "newer" in str(exc):
        return _(atomic.NEWER)
    return atomic.reason(exc)


def _dump_account(account: Account) -> dict[str, str]:
    return {
        "name": account.name,
        "service": account.kind.value,
        "url": account.url,
        "user": account.user,
        "display_user": account.display_user,
    }


def _parse(raw: Any) -> tuple[Settings, list[str]]:
    """The settings, and a description of each account that had to be left out."""
    if not isinstance(raw, dict) or not isinstance(raw.get("accounts", []), list):
        raise TypeError("settings is not an object with an accounts list")
    version = raw.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int):
        raise TypeError("schema_version is not a number")
    if version > SCHEMA_VERSION:
        raise ValueError("written by a newer trayapp")
    preferences = raw.get("preferences", {})
    if not isinstance(preferences, dict):
        raise TypeError("preferences is not an object")
    accounts: list[Account] = []
    bad: list[str] = []
    for position, item in enumerate(raw.get("accounts", [])):
        name = item.get("name") if isinstance(item, dict) else None
        try:
            account = _load_account(item)
        except (InputError, ValueError, KeyError, TypeError, RecursionError) as exc:
            bad.append(
                _("account {account} ({problem})").format(
                    account=atomic.label(name, position), problem=_account_problem(exc)
                )
            )
            continue
        if any(a.name == account.name for a in accounts):
            bad.append(
                _("account {account} (a second account with that name)").format(
                    account=atomic.label(name, position)
                )
            )
            continue
        accounts.append(account)
    return Settings(accounts=accounts, preferences=preferences), bad


def _load_account(item: Any) -> Account:
    if not isinstance(item, dict):
        raise TypeError("not an object")
    return Account(
        name=check_account_name(_text(item, "name")),
        kind=ServiceKind(_text(item, "service")),
        url=_text(item, "url"),
        user=_text(item, "user", numbers=True),  # a user id typed by hand without quotes
        display_user=_text(item, "display_user", required=False),
    )


def _text(item: dict[str, Any], key: str, *, required: bool = True, numbers: bool = False) -> str:
    value = item.get(key, None if required else "")
    if numbers and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise TypeError(f"{key} is missing or not text")
    return value


def _account_problem(exc: Exception) -> str:
    if isinstance(exc, InputError):
        return _("not a valid account name")
    if isinstance(exc, ValueError) and "ServiceKind" in str(exc):
        return _("unknown service")
    if isinstance(exc, TypeError) and exc.args and str(exc.args[0]).endswith(" is missing or not text"):
        # the TypeError's own text stays English (matched here); the sentence shown is translated
        return _("{field} is missing or not text").format(field=str(exc.args[0]).split(" ", 1)[0])
    return _(atomic.UNEXPECTED)
