"""Logging to the per-user log folder, with a filter that redacts secrets before anything is written.

The filter masks every token the process has handled (registered by the secret store) and, as a
second line of defence, anything that looks like a credential header or field."""

from __future__ import annotations

import logging
import logging.handlers
import re
import threading
from pathlib import Path

_known: set[str] = set()
_known_lock = threading.Lock()
_PATTERNS = [
    re.compile(
        r"(?i)(x-auth-token|authorization|\bauth|x-2fa-code|api[_-]?key|token|password)(\"?\s*[:=]\s*\"?)"
        r"(bearer\s+)?[^\s\"',;}]+"
    ),
]
REDACTED = "[redacted]"


def register_secret(value: str) -> None:
    """Remember a secret so that it is masked wherever it might appear in a log record."""
    if len(value) >= 4:
        with _known_lock:
            _known.add(value)


def redact(text: str) -> str:
    with _known_lock:
        known = sorted(_known, key=len, reverse=True)
    for secret in known:
        text = text.replace(secret, REDACTED)
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
    return text


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
