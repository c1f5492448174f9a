"""Atomic JSON files: write to a temp file in the same folder, fsync, then os.replace.

A file that cannot be parsed is set aside (renamed with a timestamp) so the user's data is never
silently overwritten; the caller reports the sentence returned."""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from trayapp.core.errors import ConfigError


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
        raise ConfigError(f"Could not write {path}: {exc.strerror or exc}.") from None


def read_json(path: Path) -> Any:
    """The parsed file, or None when it does not exist. Raises ValueError when it is not JSON."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError as exc:
        raise ValueError("not UTF-8 text") from exc
    except OSError as exc:
        raise ConfigError(f"Could not read {path}: {exc.strerror or exc}.") from None
    return json.loads(text)


def set_aside(path: Path, reason: str) -> str:
    """Rename a broken file out of the way; return the sentence to show the user."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.broken-{stamp}-{counter}")
        counter += 1
    try:
        os.replace(path, target)
    except OSError as exc:
        raise ConfigError(
            f"{path} is damaged ({reason}) and could not be moved aside: {exc.strerror}."
        ) from None
    return f"{path.name} was damaged ({reason}); it was kept as {target.name} and a fresh one was started."
