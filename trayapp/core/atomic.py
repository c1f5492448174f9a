"""Atomic JSON files: write to a temp file in the same folder, fsync, then os.replace.

Several processes (the tray and any number of CLIs) share these files: every read-modify-write runs
under `locked(path)`, the one cross-process lock of the app (`<file>.lock` beside it, through
filelock). Readers need no lock, since a rename never shows half a file.

A file that cannot be parsed is set aside (renamed with a timestamp) so the user's data is never
silently overwritten; the caller reports the sentence returned."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from trayapp.core.errors import ConfigError
from trayapp.core.i18n import N_, _

# Why a state file was set aside, shared by every store that reads one (translated where shown)
UNEXPECTED = N_("unexpected content")
NEWER = N_("written by a newer trayapp")
OTHER_VERSION = N_("written by another version")


def write_json(path: Path, data: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=2, ensure_ascii=False)
                handle.write("\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ConfigError(
            _("Could not write {path}: {problem}.").format(path=path, problem=exc.strerror or exc)
        ) from None


FileStamp = tuple[int, int, int]


def stamp(path: Path) -> FileStamp | None:
    """Inode, modification time and size: changes when another process replaces or writes the file, so a
    store knows to read it again. None when there is no file."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ConfigError(
            _("Could not read {path}: {problem}.").format(path=path, problem=exc.strerror or exc)
        ) from None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def read_json(path: Path) -> Any:
    """The parsed file, or None when it does not exist. Raises ValueError when it is not JSON."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError as exc:
        raise ValueError("not UTF-8 text") from exc
    except OSError as exc:
        raise ConfigError(
            _("Could not read {path}: {problem}.").format(path=path, problem=exc.strerror or exc)
        ) from None
    try:
        return json.loads(text)
    except RecursionError:  # "[[[[..." a hundred thousand deep: a damaged file like any other
        raise ValueError("nested too deeply") from None


class DamageReports:
    """What a store set aside, one sentence each, so a caller can tell each of them exactly once."""

    def __init__(self) -> None:
        self.warnings: list[str] = []

    @property
    def warning(self) -> str:
        return " ".join(self.warnings)

    def _warn(self, text: str) -> None:
        self.warnings.append(text)


LOCK_WAIT = 30.0  # seconds; the small stores hold their lock for one read and one write


@contextmanager
def locked(path: Path, timeout: float | None = LOCK_WAIT) -> Iterator[None]:
    """Hold the cross-process lock of `path` (None: wait as long as it takes). Re-entrant in a thread;
    other threads of this process wait like other processes do."""
    from filelock import FileLock  # ~25 ms to import: only writers pay it, the cached menu does not

    lock_path = path.with_name(path.name + ".lock")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(lock_path, mode=0o600, is_singleton=True)  # one per file: re-entrant per thread
        lock.acquire(timeout=-1 if timeout is None else timeout, poll_interval=0.01)
    except TimeoutError:  # filelock.Timeout
        raise ConfigError(
            _("{file} is held by another trayapp process (for {seconds} s now); try again.").format(
                file=path.name, seconds=f"{timeout:.0f}"
            )
        ) from None
    except OSError as exc:
        raise ConfigError(
            _("Could not lock {path}: {problem}.").format(path=lock_path, problem=exc.strerror or exc)
        ) from None
    try:
        yield
    finally:
        lock.release()


def set_aside(path: Path, reason: str) -> str:
    """Rename a broken file out of the way; return the sentence to show the user."""
    target = _free_name(path)
    try:
        os.replace(path, target)
    except OSError as exc:
        raise ConfigError(
            _("{path} is damaged ({reason}) and could not be moved aside: {problem}.").format(
                path=path, reason=reason, problem=exc.strerror
            )
        ) from None
    return _("{file} was damaged ({reason}); it was kept as {copy} and a fresh one was started.").format(
        file=path.name, reason=reason, copy=target.name
    )


def reason(exc: BaseException) -> str:
    """Why a file could not be used, in a few words for the set-aside sentence."""
    if isinstance(exc, ValueError) and "Expecting" in str(exc):
        return _("not valid JSON")
    if "nested too deeply" in str(exc):
        return _("nested too deeply")
    return _(UNEXPECTED)


def keep_copy(path: Path, left_out: list[str]) -> str:
    """Copy a file whose bad parts are about to be dropped; return the sentence to show the user.
    The copy keeps everything, so nothing typed by hand is lost."""
    target = _free_name(path)
    try:
        shutil.copyfile(path, target)
    except OSError as exc:
        raise ConfigError(
            _("Could not keep a copy of {path}: {problem}.").format(path=path, problem=exc.strerror or exc)
        ) from None
    parts = "; ".join(left_out)
    return _("{file}: left out {parts}; the file as it was is kept as {copy}.").format(
        file=path.name, parts=parts, copy=target.name
    )


def _free_name(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.broken-{stamp}-{counter}")
        counter += 1
    return target


def label(value: Any, position: int) -> str:
    """How to name a hand-edited part in a message: its own short printable name, else its position."""
    if isinstance(value, str) and value.isprintable() and 0 < len(value) <= 40:
        return f"'{value}'"
    return _("number {position}").format(position=position + 1)
