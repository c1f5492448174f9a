"""Last fetched statuses and last known current status per account, so the menu opens instantly
and works offline. The cache folder may vanish at any time: everything here is re-fetchable.

Reads use the copy in memory until another process replaces the file; every write re-reads the file
under the cross-process lock first, so a tray and a CLI never undo each other's entries."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from trayapp.core import atomic, codec
from trayapp.core.i18n import _
from trayapp.core.models import CurrentStatus, CustomStatus

SCHEMA_VERSION = 1
_DAMAGE = (ValueError, KeyError, TypeError, AttributeError, RecursionError)


class StatusCache(atomic.DamageReports):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__()
        self._lock = threading.Lock()
        self._data: dict[str, dict[str, Any]] = {}
        self._stat: tuple[int, int, int] | None = None
        self._loaded = False

    def statuses(self, account: str) -> list[CustomStatus] | None:
        with self._lock:
            entry = self._accounts().get(account)
            if entry is None or "statuses" not in entry:
                return None
            return [codec.load_status(s) for s in entry["statuses"]]

    def current(self, account: str) -> CurrentStatus | None:
        with self._lock:
            raw = self._accounts().get(account, {}).get("current")
            return None if raw is None else codec.load_current(raw)

    def put_statuses(self, account: str, statuses: list[CustomStatus]) -> None:
        self._update(account, statuses=[codec.dump_status(s) for s in statuses])

    def put_current(self, account: str, current: CurrentStatus) -> None:
        self._update(account, current=codec.dump_current(current))

    def add_status(self, account: str, status: CustomStatus) -> None:
        with self._lock, atomic.locked(self.path):
            self._load()
            entry = self._data.setdefault(account, {})
            entry.setdefault("statuses", []).append(codec.dump_status(status))
            self._save()

    def replace_status(self, account: str, status_id: str, status: CustomStatus | None) -> None:
        """Put `status` in place of the cached status `status_id` (None: drop it, it was deleted)."""
        with self._lock, atomic.locked(self.path):
            self._load()
            entry = self._data.get(account)
            if not entry or "statuses" not in entry:
                return
            kept = []
            for item in entry["statuses"]:
                if item.get("id") != status_id:
                    kept.append(item)
                elif status is not None:
                    kept.append(codec.dump_status(status))
            entry["statuses"] = kept
            self._save()

    def forget(self, account: str) -> None:
        with self._lock, atomic.locked(self.path):
            self._load()
            if self._data.pop(account, None) is not None:
                self._save()

    def _update(self, account: str, **fields: Any) -> None:
        with self._lock, atomic.locked(self.path):
            self._load()
            self._data.setdefault(account, {}).update(fields)
            self._save()

    # ---- storage -------------------------------------------------------------------------------

    def _accounts(self) -> dict[str, dict[str, Any]]:
        """The entries, re-read when another process replaced the file (a stat per call)."""
        if not self._loaded or self._file_stat() != self._stat:
            stat = self._file_stat()
            try:
                data, bad = _parse(atomic.read_json(self.path))
            except _DAMAGE:
                bad = ["the whole file"]
            if bad:  # set aside under the lock, once, by whoever gets there first
                with atomic.locked(self.path):
                    self._load()
            else:
                self._data, self._stat, self._loaded = data, stat, True
        return self._data

    def _load(self) -> None:
        """Read the file (under the lock), setting aside what cannot be used."""
        stat = self._file_stat()
        try:
            data, bad = _parse(atomic.read_json(self.path))
        except _DAMAGE as exc:
            self._warn(atomic.set_aside(self.path, atomic.reason(exc)))
            data, bad, stat = {}, [], None
        self._data, self._stat, self._loaded = data, stat, True
        if bad:
            self._warn(atomic.keep_copy(self.path, bad))
            self._save()

    def _save(self) -> None:
        atomic.write_json(self.path, {"schema_version": SCHEMA_VERSION, "accounts": self._data})
        self._stat = self._file_stat()

    def _file_stat(self) -> atomic.FileStamp | None:
        return atomic.stamp(self.path)


def _parse(raw: Any) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The usable entries, and a description of each one left out."""
    if raw is None:
        return {}, []
    if not isinstance(raw, dict):
        raise TypeError("not an object")
    accounts = raw["accounts"]
    if not isinstance(accounts, dict):
        raise TypeError("accounts is not an object")
    good: dict[str, dict[str, Any]] = {}
    bad: list[str] = []
    for position, (name, entry) in enumerate(accounts.items()):
        try:
            _check_entry(entry)
        except _DAMAGE:
            bad.append(_("the cached statuses of {account}").format(account=atomic.label(name, position)))
            continue
        good[name] = entry
    return good, bad


def _check_entry(entry: Any) -> None:
    """Validate now, so a bad entry is caught once, here, and never in the middle of building a menu."""
    if not isinstance(entry, dict):
        raise TypeError("entry is not an object")
    statuses = entry.get("statuses", [])
    if not isinstance(statuses, list):
        raise TypeError("statuses is not a list")
    for status in statuses:
        codec.load_status(status)
    if entry.get("current") is not None:
        codec.load_current(entry["current"])
