"""One redaction for every text that leaves the process: log lines, error messages, CLI output, the
tray's menu, notifications and dialogs.

Secrets register themselves where they enter the process (read from the keyring, standard input or a
dialog, or put into a request header); `redact` then masks each of them, in the forms a server might
echo them back in (JSON-escaped, URL-encoded), and, as a second line of defence, anything that looks
like a credential header or field."""

from __future__ import annotations

import json
import re
import threading
from urllib.parse import quote

REDACTED = "[redacted]"
MIN_LENGTH = 4  # shorter values would mask ordinary words

_known: set[str] = set()
_known_sorted: tuple[str, ...] = ()
_lock = threading.Lock()
_VALUE = r"(bearer\s+)?[^\s\"',;}&]+"
_PATTERNS = (
    # credential headers, however they are printed: "X-Auth-Token: v", {'Authorization': 'Bearer v'}
    re.compile(r"(?i)\b(x-auth-token|authorization|x-2fa-code|api[_-]?key)(['\"]?\s*[:=]\s*['\"]?)" + _VALUE),
    # credential fields: "token": "v", authToken=v (a bare "token: " is left alone: our own sentences use it)
    re.compile(
        r"(?i)\b(auth|auth_?token|access_?token|token|password|passwd|secret)(['\"]\s*:\s*['\"]?|\s*=\s*['\"]?)"
        + _VALUE
    ),
)


def register_secret(value: str) -> None:
    """Remember a secret so that it is masked wherever it might appear later."""
    global _known_sorted
    if len(value.strip()) < MIN_LENGTH:
        return
    forms = {value, value.strip(), json.dumps(value)[1:-1], quote(value, safe=""), value.replace("/", "\\/")}
    with _lock:
        if forms <= _known:
            return
        _known.update(f for f in forms if len(f) >= MIN_LENGTH)
        _known_sorted = tuple(sorted(_known, key=len, reverse=True))  # longest first: no partial leftovers


def redact(text: str) -> str:
    """`text` with every registered secret and every credential-looking field masked."""
    for secret in _known_sorted:
        if secret in text:
            text = text.replace(secret, REDACTED)
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
    return text
