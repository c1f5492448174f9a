"""The one interface every service backend implements, and the HTTP plumbing they share."""

from __future__ import annotations

import ipaddress
import json
import logging
from collections.abc import Callable, Generator
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpx

from trayapp.core.errors import BadReply, InputError, ServiceUnavailable
from trayapp.core.models import Account, Capabilities, CurrentStatus, CustomStatus, StatusChange

# httpx/httpcore debug output prints request headers (tokens): never let it through.
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)

TIMEOUT = httpx.Timeout(connect=5.0, read=10.0, write=10.0, pool=5.0)
MAX_REPLY_BYTES = 5 * 1024 * 1024

# Returns the secret (token) at request time; raises KeyringUnavailable/KeyringLocked.
SecretGetter = Callable[[], str]


class StatusBackend(Protocol):
    capabilities: Capabilities

    def whoami(self) -> str:
        """Check the credentials; return a human label of the signed-in user."""

    def list_statuses(self) -> list[CustomStatus]:
        """Every custom status, following pagination to the end."""

    def create_status(self, name: str, type: str = "", emoji: str = "") -> CustomStatus: ...

    def apply(self, change: StatusChange) -> None:
        """Apply a CUSTOM, AVAILABILITY or CLEAR change now."""

    def clear(self) -> None: ...

    def current(self) -> CurrentStatus:
        """What the service says the status is now."""

    def close(self) -> None: ...


def is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> str:
    """Normalise a base URL; https only, except loopback (the demo server, tests)."""
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"'{url}' is not a web address (expected https://host/...).")
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise InputError(f"'{url}' is not secure: use https:// (plain http is only allowed on this computer).")
    if parts.username or parts.password:
        raise InputError("Put credentials in the token fields, not in the address.")
    return url


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


def make_client(base_url: str, headers: Callable[[], dict[str, str]] | None = None) -> httpx.Client:
    base_url = check_url(base_url)
    auth = HeaderAuth(httpx.URL(base_url).host, headers) if headers else None
    return httpx.Client(
        base_url=base_url,
        auth=auth,
        timeout=TIMEOUT,
        follow_redirects=False,
        verify=True,
        headers={"Accept": "application/json", "User-Agent": "trayapp"},
    )


def send(client: httpx.Client, service: str, method: str, path: str, **kwargs: Any) -> httpx.Response:
    """One request; transport failures become ServiceUnavailable with a plain sentence."""
    try:
        return client.request(method, path, **kwargs)
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


class BackendFactory(Protocol):
    def __call__(self, account: Account, secret: SecretGetter) -> StatusBackend: ...
