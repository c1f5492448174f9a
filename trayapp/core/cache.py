"""Last fetched statuses and last known current status per account, so the menu opens instantly
and works offline. The cache folder may vanish at any time: everything here is re-fetchable."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from trayapp.core import atomic, codec
from trayapp.core.models import CurrentStatus, CustomStatus

SCHEMA_VERSION = 1


class StatusCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.warning = ""
        self._lock = threading.Lock()
        self._data: dict[str, dict[str, Any]] | None = None

    def _accounts(self) -> dict[str, dict[str, Any]]:
        if self._data is None:
            self._data = self._load()
        return self._data

    def _load(self) -> dict[str, dict[str, Any]]:
        try:
            raw = atomic.read_json(self.path)
            if raw is None:
                return {}
            accounts = raw["accounts"]
            if not isinstance(accounts, dict):
                raise TypeError("accounts is not an object")
            for entry in accounts.values():  # validate now so a bad file is caught once, here
                [codec.load_status(s) for s in entry.get("statuses", [])]
                if entry.get("current") is not None:
                    codec.load_current(entry["current"])
            return accounts
        except (ValueError, KeyError, TypeError, AttributeError):
            self.warning = atomic.set_aside(self.path, "unexpected content")
            return {}

    def statuses(self, account: str) -> list[CustomStatus] | None:
        with self._lock:
            entry = self._accounts().get(account)
            if entry is None or "statuses" not in entry:
                return None
            return [codec.load_status(s) for s in entry["statuses"]]

    def current(self, account: str) -> CurrentStatus | None:
        with self._lock:
            entry = self._accounts().get(account, {})
            raw = entry.get("current")
            return None if raw is None else codec.load_current(raw)

    def put_statuses(self, account: str, statuses: list[CustomStatus]) -> None:
        self._update(account, statuses=[codec.dump_status(s) for s in statuses])

    def put_current(self, account: str, current: CurrentStatus) -> None:
        self._update(account, current=codec.dump_current(current))

    def add_status(self, account: str, status: CustomStatus) -> None:
        with self._lock:
            entry = self._accounts().setdefault(account, {})
            entry.setdefault("statuses", []).append(codec.dump_status(status))
            self._save()

    def forget(self, account: str) -> None:
        with self._lock:
            if self._accounts().pop(account, None) is not None:
                self._save()

    def _update(self, account: str, **fields: Any) -> None:
        with self._lock:
            self._accounts().setdefault(account, {}).update(fields)
            self._save()

    def _save(self) -> None:
        atomic.write_json(self.path, {"schema_version": SCHEMA_VERSION, "accounts": self._accounts()})
