"""HTTP values shared by the three fakes: the parsed request, the reply, body parsing and formats.

The fakes are plain functions of (state, Request) -> Reply, so they can be tested and reasoned
about without sockets; server.py does the socket work."""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Protocol
from urllib.parse import parse_qs

JSON = dict[str, Any]


class BadBody(ValueError):
    """The request body cannot be read as the endpoint expects (each fake maps it to its own 400)."""


@dataclass(frozen=True)
class Request:
    method: str
    path: str  # below the service prefix, e.g. "/api/v1/me"; no query
    query: Mapping[str, list[str]]
    headers: Mapping[str, str]  # keys lower-cased
    body: bytes = b""
    client_ip: str = "127.0.0.1"

    def arg(self, name: str) -> str | None:
        """Last value of a query parameter (what Rails and Express both pick)."""
        values = self.query.get(name)
        return values[-1] if values else None

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def _content_type(self) -> str:
        return (self.header("content-type") or "").split(";")[0].strip().lower()

    def is_json(self) -> bool:
        """Declared as JSON, or a body that reads as a JSON object or list whatever it declares."""
        return self._content_type() == "application/json" or (
            self._content_type() != "application/x-www-form-urlencoded"
            and self.body.lstrip().startswith((b"{", b"["))
        )

    def json_object(self) -> JSON:
        """The body as a JSON object, whatever the Content-Type says; anything else is BadBody."""
        if not self.body.strip():
            raise BadBody("empty body")
        try:
            value = json.loads(self.body)
        except (UnicodeDecodeError, ValueError) as exc:
            raise BadBody("body is not valid JSON") from exc
        if not isinstance(value, dict):
            raise BadBody("body is not a JSON object")
        return value

    def params(self) -> JSON:
        """JSON or form-encoded body; an empty body is {}. Form values arrive as strings."""
        if not self.body.strip():
            return {}
        kind = self._content_type()
        if kind == "application/x-www-form-urlencoded" or (
            kind != "application/json" and not self.body.lstrip().startswith((b"{", b"["))
        ):
            try:
                form = parse_qs(self.body.decode("utf-8"), keep_blank_values=True, strict_parsing=True)
            except (UnicodeDecodeError, ValueError) as exc:
                raise BadBody("body is not valid form data") from exc
            return {key: values[-1] for key, values in form.items()}
        return self.json_object()


@dataclass
class Reply:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = "application/json; charset=utf-8"


def json_reply(status: int, payload: object, headers: Mapping[str, str] | None = None) -> Reply:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    return Reply(status, body, dict(headers or {}))


def empty_reply(status: int) -> Reply:
    return Reply(status, b"", {}, None)


class FakeService(Protocol):
    """What the server needs from each fake."""

    name: str

    def reset(self) -> None: ...

    def handle(self, req: Request) -> Reply: ...

    def error_reply(self, status: int, *, reset_in: float = 60.0, retry_after: int | None = None) -> Reply:
        """The service's own body (and headers, for 429) for an HTTP error status."""
        ...


# --- identifiers ---------------------------------------------------------------------------------
_METEOR_CHARS = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz"


def meteor_id() -> str:
    """A 17-character Meteor Random.id(), the shape of Rocket.Chat ids."""
    return "".join(secrets.choice(_METEOR_CHARS) for _ in range(17))


# --- timestamps ----------------------------------------------------------------------------------
def now() -> float:
    return time.time()


def _utc(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, tz=timezone.utc)


def parse_iso(text: str) -> float | None:
    """Epoch seconds of an ISO 8601 date-time ("2026-06-22T18:00:00.000Z"), or None when unreadable."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).timestamp()


def iso_ms_z(ts: float) -> str:
    """2023-11-04T11:44:23.366Z (Rocket.Chat)."""
    return _utc(ts).strftime("%Y-%m-%dT%H:%M:%S.") + f"{_utc(ts).microsecond // 1000:03d}Z"


def iso_z(ts: float) -> str:
    """2013-09-12T14:33:05Z (Smartsheet RM, Callbell teams/members)."""
    return _utc(ts).strftime("%Y-%m-%dT%H:%M:%SZ")


def _zone(offset_minutes: int) -> timezone:
    return timezone(timedelta(minutes=offset_minutes))


def ruby_time(ts: float, offset_minutes: int) -> str:
    """2024-11-22 21:29:43 +0100 (Callbell custom statuses: Ruby's default Time#to_s)."""
    return datetime.fromtimestamp(ts, tz=_zone(offset_minutes)).strftime("%Y-%m-%d %H:%M:%S %z")


def iso_ms_offset(ts: float, offset_minutes: int) -> str:
    """2024-11-26T20:14:40.649+01:00 (Callbell user status)."""
    return datetime.fromtimestamp(ts, tz=_zone(offset_minutes)).isoformat(timespec="milliseconds")
