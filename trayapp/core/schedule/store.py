"""The schedule file, shared by the tray and any number of CLIs.

Every read-modify-write runs under the cross-process lock of `atomic.locked` and re-reads the file
first; readers need no lock (writes are atomic renames) and compare the file's stat to notice changes.
A damaged file is set aside, a damaged entry left out (with a copy of the file as it was kept)."""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from trayapp.core import atomic
from trayapp.core.errors import ConfigError
from trayapp.core.i18n import _
from trayapp.core.schedule.entry import ScheduleEntry

log = logging.getLogger("trayapp.scheduler")

SCHEMA_VERSION = 1
_DAMAGE = (ValueError, KeyError, TypeError, AttributeError, RecursionError)  # what a hand edit can cause


class ScheduleFile(atomic.DamageReports):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__()
        self._stat: tuple[int, int, int] | None = None

    def locked(self) -> AbstractContextManager[None]:
        """Hold the file for a read-modify-write, however long another process's tick takes."""
        return atomic.locked(self.path, timeout=None)

    def refresh(self) -> list[ScheduleEntry] | None:
        """The entries when another process (or instance) replaced the file since the last load or
        save, else None. Reads need no lock: writes are atomic renames. Only damage takes the lock, to
        set the file or its bad entries aside once."""
        stat = self._file_stat()
        if stat == self._stat:
            return None
        try:
            entries, bad = _parse(atomic.read_json(self.path))
        except _DAMAGE:
            bad = ["the whole file"]
        if bad:
            with self.locked():
                return self.load()
        self._stat = stat
        return entries

    def load(self) -> list[ScheduleEntry]:
        """Read the file (call under `locked()`). Always re-parses: an mtime can hide a write."""
        stat = self._file_stat()
        try:
            entries, bad = _parse(atomic.read_json(self.path))
        except _DAMAGE as exc:
            self._warn(atomic.set_aside(self.path, _reason(exc)))
            entries, stat, bad = [], None, []
        if bad:
            self._warn(atomic.keep_copy(self.path, bad))
            self._write(entries)
            stat = self._file_stat()
        self._stat = stat
        return entries

    def save(self, entries: list[ScheduleEntry]) -> None:
        """Write the entries (call under `locked()`)."""
        self._write(entries)
        self._stat = self._file_stat()

    def _write(self, entries: list[ScheduleEntry]) -> None:
        atomic.write_json(
            self.path, {"schema_version": SCHEMA_VERSION, "entries": [e.to_dict() for e in entries]}
        )

    def _file_stat(self) -> atomic.FileStamp | None:
        return atomic.stamp(self.path)

    def _warn(self, text: str) -> None:
        log.warning("%s", text)
        super()._warn(text)


def read_entries(path: Path) -> list[ScheduleEntry]:
    """The entries for display, without any lock: writes are atomic renames, so a reader never sees
    half a file, and it never waits behind a tick that is talking to a slow server. A damaged file
    reads as empty here, and a damaged entry is skipped; the Scheduler itself sets them aside and
    reports it."""
    try:
        return _parse(atomic.read_json(path))[0]
    except (*_DAMAGE, ConfigError):
        return []


def _parse(raw: Any) -> tuple[list[ScheduleEntry], list[str]]:
    """The usable entries, and a description of each one left out."""
    if raw is None:
        return [], []
    if not isinstance(raw, dict):
        raise ValueError("not an object")
    version = raw.get("schema_version")
    if version != SCHEMA_VERSION:
        raise ValueError(f"unknown schema_version {version if isinstance(version, (int, str)) else '?'!r}")
    entries = raw["entries"]
    if not isinstance(entries, list):
        raise ValueError("entries is not a list")
    good: list[ScheduleEntry] = []
    bad: list[str] = []
    for position, item in enumerate(entries):
        try:
            good.append(ScheduleEntry.from_dict(item))
        except _DAMAGE:
            entry_id = item.get("id") if isinstance(item, dict) else None
            bad.append(_("scheduled change {entry}").format(entry=atomic.label(entry_id, position)))
    return good, bad


def _reason(exc: Exception) -> str:
    if "schema_version" in str(exc):
        return _(atomic.OTHER_VERSION)
    return atomic.reason(exc)
