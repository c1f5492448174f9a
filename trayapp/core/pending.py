"""Changes that could not be delivered yet (service unreachable or rate limited), one per account:
the latest intent wins. Kept in the data folder so a restart loses nothing."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from trayapp.core import atomic, codec
from trayapp.core.models import StatusChange

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class PendingChange:
    account: str
    change: StatusChange
    since: datetime
    attempts: int
    last_error: str


class PendingStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.warning = ""
        self._lock = threading.Lock()

    def all(self) -> dict[str, PendingChange]:
        with self._lock:
            return self._read()

    def get(self, account: str) -> PendingChange | None:
        return self.all().get(account)

    def put(self, pending: PendingChange) -> None:
        with self._lock:
            items = self._read()
            items[pending.account] = pending
            self._write(items)

    def remove(self, account: str, only_if: StatusChange | None = None) -> None:
        """Drop an account's pending change (only that one, when a newer intent may have replaced it)."""
        with self._lock:
            items = self._read()
            found = items.get(account)
            if found is not None and (only_if is None or found.change == only_if):
                del items[account]
                self._write(items)

    def _read(self) -> dict[str, PendingChange]:
        try:
            raw = atomic.read_json(self.path)
            if raw is None:
                return {}
            return {name: _load(name, item) for name, item in raw["accounts"].items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            self.warning = atomic.set_aside(self.path, "unexpected content")
            return {}

    def _write(self, items: dict[str, PendingChange]) -> None:
        atomic.write_json(
            self.path,
            {"schema_version": SCHEMA_VERSION, "accounts": {name: _dump(p) for name, p in items.items()}},
        )


def _dump(pending: PendingChange) -> dict[str, Any]:
    return {
        "change": codec.dump_change(pending.change),
        "since": codec.dump_time(pending.since),
        "attempts": pending.attempts,
        "last_error": pending.last_error,
    }


def _load(account: str, data: Any) -> PendingChange:
    since = codec.load_time(data["since"])
    if since is None:
        raise ValueError("pending change without a time")
    return PendingChange(
        account=account,
        change=codec.load_change(data["change"]),
        since=since,
        attempts=int(data.get("attempts", 0)),
        last_error=str(data.get("last_error", "")),
    )
