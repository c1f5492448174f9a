"""The HTTP plumbing the three backends share."""

from __future__ import annotations

import json
import logging
import re
import ssl
import threading
import time
from collections.abc import Callable, Generator
from datetime import datetime, timezone
from typing import Any

import httpx

from trayapp.backends.contract import SecretGetter, check_url
from trayapp.core.errors import AuthError, BadReply, ServiceUnavailable
from trayapp.core.models import Account

# httpx/httpcore debug output prints request headers (tokens): never let it through.
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)

TIMEOUT = httpx.Timeout(connect=5.0, read=10.0, write=10.0, pool=5.0)
MAX_REPLY_BYTES = 5 * 1024 * 1024


class HeaderAuth(httpx.Auth):
    """Adds secret headers at request time, and never to a host other than the account's own.

    httpx already drops Authorization on cross-origin redirects; custom headers (X-Auth-Token,
    auth) would survive, so we re-check the host on every request of the flow."""

    def __init__(self, host: str, headers: Callable[[], dict[str, str]]) -> None:
        self._host = host
        self._headers = headers

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if request.url.host == self._host:
            request.headers.update(self._headers())
        yield request

    def __repr__(self) -> str:
        return f"HeaderAuth(host={self._host!r})"


_tls_lock = threading.Lock()
_tls: ssl.SSLContext | None = None


def tls_context() -> ssl.SSLContext:
    """One verifying TLS context for every client of the process. httpx builds a context per client by
    default, and each one parses the whole CA bundle again (about 1 MiB and 10 ms); a context is safe to
    share between clients and threads."""
    global _tls
    with _tls_lock:
        if _tls is None:
            _tls = httpx.create_ssl_context(verify=True)  # httpx's defaults: certifi, SSL_CERT_FILE/DIR
        return _tls


def make_client(base_url: str, headers: Callable[[], dict[str, str]] | None = None) -> httpx.Client:
    base_url = check_url(base_url)
    auth = HeaderAuth(httpx.URL(base_url).host, headers) if headers else None
    return httpx.Client(
        base_url=base_url,
        auth=auth,
        timeout=TIMEOUT,
        follow_redirects=False,
        verify=tls_context(),
        headers={"Accept": "application/json", "User-Agent": "trayapp"},
    )


def send(client: httpx.Client, service: str, method: str, path: str, **kwargs: Any) -> httpx.Response:
    """One request; transport failures become ServiceUnavailable with a plain sentence. A reply that
    announces more than MAX_REPLY_BYTES is refused before its body is read."""
    try:
        response = client.send(client.build_request(method, path, **kwargs), stream=True)
        try:
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > MAX_REPLY_BYTES:
                raise BadReply(f"{service} sent an unexpectedly large reply ({int(length)} bytes).")
            response.read()
        finally:
            response.close()
        return response
    except httpx.TimeoutException:
        raise ServiceUnavailable(f"{service} did not answer in time.") from None
    except httpx.ConnectError:
        raise ServiceUnavailable(f"Cannot reach {service} at {client.base_url.host}.") from None
    except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError):
        raise ServiceUnavailable(f"The connection to {service} was cut off.") from None
    except httpx.HTTPError:
        raise ServiceUnavailable(f"Could not talk to {service}.") from None


def json_body(response: httpx.Response, service: str) -> Any:
    """The reply's JSON, or BadReply with a specific sentence (HTML proxy page, empty, huge...)."""
    if len(response.content) > MAX_REPLY_BYTES:
        raise BadReply(f"{service} sent an unexpectedly large reply ({len(response.content)} bytes).")
    try:
        return json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        kind = "a web page" if b"<html" in response.content[:512].lower() else "something that is not JSON"
        raise BadReply(f"{service} answered with {kind} (HTTP {response.status_code}).") from None


def expect(value: Any, type_: type, what: str, service: str) -> Any:
    """Shape check for one field of a reply."""
    if not isinstance(value, type_):
        raise BadReply(f"{service} sent a reply without a valid {what}.")
    return value


def parse_retry_after(response: httpx.Response) -> float | None:
    raw = response.headers.get("Retry-After")
    if raw is None:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        return None


def retry_after_from_reset(
    response: httpx.Response, milliseconds: bool, now: float | None = None
) -> float | None:
    """Seconds until X-RateLimit-Reset (epoch seconds, or milliseconds for Rocket.Chat), else Retry-After."""
    raw = response.headers.get("X-RateLimit-Reset")
    if raw is not None:
        try:
            reset = float(raw)
        except ValueError:
            reset = None
        if reset is not None:
            if milliseconds:
                reset /= 1000.0
            return max(0.0, reset - (time.time() if now is None else now))
    return parse_retry_after(response)


_SPACED_OFFSET = re.compile(r"^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{4})$")
_FRACTION = re.compile(r"\.(\d+)")


def parse_time(value: object) -> datetime | None:
    """An aware datetime from the formats the three services use, or None (absent or unreadable).

    Accepts "2024-11-22 21:29:43 +0100" (Callbell custom statuses), ISO 8601 with or without
    milliseconds and with "Z" or an offset ("2024-11-22T21:29:43.311+01:00", "2013-09-12T14:33:05Z"),
    and a bare date ("2013-01-31", taken as midnight UTC). Times are informational in every reply
    the app reads, so an unreadable one is dropped rather than failing the whole reply."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        spaced = _SPACED_OFFSET.match(text)
        if spaced:
            return datetime.strptime(text, "%Y-%m-%d %H:%M:%S %z")
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        # Python 3.10's fromisoformat takes only 3 or 6 fraction digits: normalise to 6.
        text = _FRACTION.sub(lambda m: "." + (m.group(1) + "000000")[:6], text, count=1)
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed.replace(tzinfo=timezone.utc) if parsed.tzinfo is None else parsed


def format_utc(moment: datetime) -> str:
    """YYYY-MM-DDTHH:MM:SSZ in UTC (naive values are taken as local time)."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def clean_token(raw: str, service: str) -> str:
    """The saved token, checked before it goes into a header (never echoed in a message)."""
    token = raw.strip()
    if not token:
        raise AuthError(f"No {service} token is saved for this account: enter it again in Accounts… → Edit.")
    if any(not 0x21 <= ord(ch) <= 0x7E for ch in token):
        raise AuthError(f"The saved {service} token contains characters a token cannot have: paste it again.")
    return token


def server_text(value: object, limit: int = 300) -> str:
    """A server-supplied error text, one line, bounded, for use as a detail in our own sentence."""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value if isinstance(v, (str, int, float)))
    if not isinstance(value, str):
        return ""
    text = " ".join(value.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def server_error(response: httpx.Response, service: str) -> ServiceUnavailable:
    """A 5xx answer: worth retrying later, whatever the body (often a proxy's HTML error page)."""
    page = b"<html" in response.content[:512].lower()
    via = " with a web page (an error page from a proxy in front of it)" if page else ""
    return ServiceUnavailable(
        f"{service} is unavailable right now: it answered HTTP {response.status_code}{via}; try again later."
    )


def sentence(text: str) -> str:
    """The server's words unchanged, with a final full stop."""
    text = text.strip()
    if not text:
        return text
    return text if text.endswith((".", "!", "?")) else text + "."


class HttpBackend:
    """What the three backends share: the account, the secret getter (never the secret), and one
    lazily created, reused httpx client (keep-alive). Subclasses set SERVICE and implement
    _api_url() and _auth_headers()."""

    SERVICE = "The service"

    def __init__(self, account: Account, secret: SecretGetter) -> None:
        self.account = account
        self._secret = secret
        self._client: httpx.Client | None = None
        self._client_lock = threading.Lock()

    def _api_url(self) -> str:
        raise NotImplementedError

    def _auth_headers(self) -> dict[str, str]:
        raise NotImplementedError

    def _token(self) -> str:
        return clean_token(self._secret(), self.SERVICE)

    @property
    def client(self) -> httpx.Client:
        with self._client_lock:
            if self._client is None:
                self._client = make_client(self._api_url(), self._auth_headers)
            return self._client

    def close(self) -> None:
        with self._client_lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(account={self.account.name!r}, url={self.account.url!r})"
