"""Injected faults: a FIFO of (mode, service, remaining count) consumed by matching requests."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass

from trayapp.demo.wire import Reply, json_reply

SERVICES = ("rocketchat", "callbell", "smartsheet")

# Modes answered with the service's own error body and headers.
STATUS_MODES = frozenset({"401", "403", "404", "500", "502", "503", "429", "429_retry_after"})
# Modes the server handles itself (same for every service).
TRANSPORT_MODES = frozenset({"slow", "reset", "malformed", "html", "wrong_shape", "huge"})
MODES = STATUS_MODES | TRANSPORT_MODES

_HUGE_SIZE = 6_000_000


@dataclass
class Fault:
    mode: str
    service: str | None  # None: every service
    remaining: int | None  # None: until cleared
    delay: float = 0.0  # "slow": seconds to wait; 429 modes: seconds until the limit resets


class FaultQueue:
    """Faults apply in the order they were set; each lasts for its count, so tests can script a
    sequence such as "one 500, then one 429, then normal"."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def add(self, mode: str, service: str | None, count: int | None, delay: float) -> None:
        if mode != "none" and mode not in MODES:
            raise ValueError(f"unknown fault mode {mode!r}; known: none, {', '.join(sorted(MODES))}")
        if service is not None and service not in SERVICES:
            raise ValueError(f"unknown service {service!r}; known: {', '.join(SERVICES)}")
        if count is not None and count < 1:
            raise ValueError("count must be at least 1 (or None for 'until cleared')")
        if delay < 0:
            raise ValueError("delay must not be negative")
        if mode == "none":
            self.clear(service)
            return
        with self._lock:
            self._faults.append(Fault(mode, service, count, float(delay)))

    def clear(self, service: str | None = None) -> None:
        with self._lock:
            self._faults = [f for f in self._faults if service is not None and f.service != service]

    def take(self, service: str) -> Fault | None:
        """The first fault matching this request, with one use consumed."""
        with self._lock:
            for fault in self._faults:
                if fault.service in (None, service):
                    if fault.remaining is not None:
                        fault.remaining -= 1
                        if fault.remaining == 0:
                            self._faults.remove(fault)
                    return Fault(fault.mode, fault.service, fault.remaining, fault.delay)
        return None

    def active(self) -> list[Fault]:
        with self._lock:
            return [Fault(f.mode, f.service, f.remaining, f.delay) for f in self._faults]


_huge_body: bytes | None = None


def transport_reply(mode: str) -> Reply:
    """Replies for the modes that do not depend on the service ("slow" and "reset" are not replies)."""
    global _huge_body
    if mode == "malformed":
        return Reply(200, b'{"success": true, "statuses": [{"_id": "abc", "name": ', {})
    if mode == "html":
        page = (
            b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
            b"</body>\r\n</html>\r\n"
        )
        return Reply(502, page, {}, "text/html")
    if mode == "wrong_shape":
        return json_reply(200, {"unexpected": True})
    if mode == "huge":
        if _huge_body is None:  # built once: the same 6 MB serves every request
            _huge_body = json.dumps({"data": "x" * _HUGE_SIZE}).encode("ascii")
        return Reply(200, _huge_body, {})
    raise ValueError(f"{mode!r} is not a transport fault with a reply")
