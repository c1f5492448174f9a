"""Logging to the per-user log folder, with a filter that passes every record through the one redaction
(trayapp.core.redaction) before anything is written.

The tray starts with hold_logging(): records are kept in memory until setup_logging() opens the
rotating file a moment after the icon shows (logging.handlers and what it imports cost the icon about
5 ms), and are then written in order, nothing lost."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from trayapp.core.redaction import REDACTED, redact, register_secret

__all__ = ["REDACTED", "RedactingFilter", "hold_logging", "redact", "register_secret", "setup_logging"]

LOG_NAME = "trayapp.log"


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
            record.exc_text = None
        record.msg = redact(message)
        record.args = None
        return True


class _Held(logging.Handler):
    """Records kept until the file handler exists (each frozen to its redacted text at once)."""

    MAX = 1000  # a start-up that logs more than this before the file opens keeps the latest ones

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []
        self._held_lock = threading.Lock()
        self.addFilter(RedactingFilter())

    def emit(self, record: logging.LogRecord) -> None:
        with self._held_lock:
            self.records.append(record)
            del self.records[: -self.MAX]

    def take(self) -> list[logging.LogRecord]:
        with self._held_lock:
            records, self.records = self.records, []
        return records


def hold_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Keep records in memory until setup_logging(log_dir); returns the log file's path."""
    root = logging.getLogger()
    if not any(isinstance(h, _Held) for h in root.handlers):
        root.addHandler(_Held())
        root.setLevel(level)
    _quiet_noisy()
    return log_dir / LOG_NAME


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Rotating file log; returns its path. Safe to call more than once. What hold_logging() kept is
    written first."""
    import logging.handlers

    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_NAME
    root = logging.getLogger()
    held = [h for h in root.handlers if isinstance(h, _Held)]
    for old in [h for h in root.handlers if getattr(h, "_trayapp", None) not in (None, str(path))]:
        root.removeHandler(old)  # another profile (tests, demo) in the same process
        old.close()
    if not any(getattr(h, "_trayapp", None) == str(path) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=512_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.addFilter(RedactingFilter())
        handler._trayapp = str(path)  # type: ignore[attr-defined]
        root.addHandler(handler)
        root.setLevel(level)
    for old_held in held:
        root.removeHandler(old_held)
        for record in old_held.take():
            root.handle(record)
    _quiet_noisy()
    return path


def _quiet_noisy() -> None:
    for noisy in ("httpx", "httpcore"):  # their debug output prints request headers
        logging.getLogger(noisy).setLevel(logging.WARNING)
