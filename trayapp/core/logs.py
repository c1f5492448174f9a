"""Logging to the per-user log folder, with a filter that passes every record through the one redaction
(trayapp.core.redaction) before anything is written."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from trayapp.core.redaction import REDACTED, redact, register_secret

__all__ = ["REDACTED", "RedactingFilter", "redact", "register_secret", "setup_logging"]


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


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Rotating file log; returns its path. Safe to call more than once."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "trayapp.log"
    root = logging.getLogger()
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
    for noisy in ("httpx", "httpcore"):  # their debug output prints request headers
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path
