"""Accounts (never secrets) and preferences, in settings.json in the per-user config folder."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trayapp.core import atomic
from trayapp.core.errors import InputError
from trayapp.core.models import Account, ServiceKind

SCHEMA_VERSION = 1
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")


def check_account_name(name: str) -> str:
    name = name.strip()
    if not _NAME_RE.match(name):
        raise InputError(
            f"'{name}' is not a valid account name: use 1 to 32 letters, digits, '.', '-' or '_'."
        )
    return name


@dataclass
class Settings:
    accounts: list[Account] = field(default_factory=list)
    preferences: dict[str, Any] = field(default_factory=dict)

    def find(self, name: str) -> Account | None:
        return next((a for a in self.accounts if a.name == name), None)


class SettingsStore:
    """Loads once, saves atomically. A damaged file is set aside and reported, never overwritten."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warning = ""
        self._lock = threading.Lock()

    def load(self) -> Settings:
        with self._lock:
            try:
                raw = atomic.read_json(self.path)
                return Settings() if raw is None else _parse(raw)
            except (ValueError, KeyError, TypeError) as exc:
                self.warning = atomic.set_aside(self.path, _reason(exc))
                return Settings()

    def save(self, settings: Settings) -> None:
        with self._lock:
            atomic.write_json(
                self.path,
                {
                    "schema_version": SCHEMA_VERSION,
                    "accounts": [_dump_account(a) for a in settings.accounts],
                    "preferences": settings.preferences,
                },
            )


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValueError) and "Expecting" in str(exc):
        return "not valid JSON"
    return "unexpected content"


def _dump_account(account: Account) -> dict[str, str]:
    return {
        "name": account.name,
        "service": account.kind.value,
        "url": account.url,
        "user": account.user,
        "display_user": account.display_user,
    }


def _parse(raw: Any) -> Settings:
    if not isinstance(raw, dict) or not isinstance(raw.get("accounts", []), list):
        raise TypeError("settings is not an object with an accounts list")
    if raw.get("schema_version", SCHEMA_VERSION) > SCHEMA_VERSION:
        raise ValueError("written by a newer trayapp")
    accounts = []
    for item in raw.get("accounts", []):
        accounts.append(
            Account(
                name=check_account_name(str(item["name"])),
                kind=ServiceKind(item["service"]),
                url=str(item["url"]),
                user=str(item["user"]),
                display_user=str(item.get("display_user", "")),
            )
        )
    preferences = raw.get("preferences", {})
    if not isinstance(preferences, dict):
        raise TypeError("preferences is not an object")
    return Settings(accounts=accounts, preferences=preferences)
