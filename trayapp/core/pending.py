"""Changes that could not be delivered yet (service unreachable or rate limited), one per account:
the latest intent wins. Kept in the data folder so a restart loses nothing. Every change re-reads the
file under the cross-process lock, so several processes keeping changes at once keep all of them."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from trayapp.core import atomic, codec
from trayapp.core.i18n import _
from trayapp.core.models import StatusChange

SCHEMA_VERSION = 1
_DAMAGE = (ValueError, KeyError, TypeError, AttributeError, RecursionError)


@dataclass(frozen=True)
class PendingChange:
    account: str
    change: StatusChange
    since: datetime
    attempts: int
    last_error: str


class PendingStore(atomic.DamageReports):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__()
        self._lock = threading.Lock()

    def all(self) -> dict[str, PendingChange]:
        with self._lock:
            try:
                items, bad = _parse(atomic.read_json(self.path))
            except _DAMAGE:
                bad = ["the whole file"]
            if not bad:
                return items
            with atomic.locked(self.path):  # set aside once, by whoever gets there first
                return self._read()

    def get(self, account: str) -> PendingChange | None:
        return self.all().get(account)

    def put(self, pending: PendingChange) -> None:
        with self._lock, atomic.locked(self.path):
            items = self._read()
            items[pending.account] = pending
            self._write(items)

    def remove(self, account: str, only_if: StatusChange | None = None) -> None:
        """Drop an account's pending change (only that one, when a newer intent may have replaced it)."""
        with self._lock, atomic.locked(self.path):
            items = self._read()
            found = items.get(account)
            if found is not None and (only_if is None or found.change == only_if):
                del items[account]
                self._write(items)

    def _read(self) -> dict[str, PendingChange]:
        """The file's changes (call under the lock), with what cannot be used set aside."""
        try:
            items, bad = _parse(atomic.read_json(self.path))
        except _DAMAGE as exc:
            self._warn(atomic.set_aside(self.path, atomic.reason(exc)))
            return {}
        if bad:
            self._warn(atomic.keep_copy(self.path, bad))
            self._write(items)
        return items

    def _write(self, items: dict[str, PendingChange]) -> None:
        atomic.write_json(
            self.path,
            {"schema_version": SCHEMA_VERSION, "accounts": {name: _dump(p) for name, p in items.items()}},
        )


def _parse(raw: Any) -> tuple[dict[str, PendingChange], list[str]]:
    """The usable changes, and a description of each one left out."""
    if raw is None:
        return {}, []
    accounts = raw["accounts"]
    if not isinstance(accounts, dict):
        raise TypeError("accounts is not an object")
    items: dict[str, PendingChange] = {}
    bad: list[str] = []
    for position, (name, item) in enumerate(accounts.items()):
        try:
            items[name] = _load(name, item)
        except _DAMAGE:
            bad.append(_("the waiting change of {account}").format(account=atomic.label(name, position)))
    return items, bad


def _dump(pending: PendingChange) -> dict[str, Any]:
    return {
        "change": codec.dump_change(pending.change),
        "since": codec.dump_time(pending.since),
        "attempts": pending.attempts,
        "last_error": pending.last_error,
    }


def _load(account: str, data: Any) -> PendingChange:
    if not isinstance(data, dict):
        raise TypeError("not an object")
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
