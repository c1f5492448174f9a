"""The HTTP plumbing the three backends share."""

from __future__ import annotations

import json
import logging
import math
import os
import re
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Generator
from datetime import datetime, timezone
from typing import Any

import httpcore
import httpx

from trayapp.core.errors import AuthError, BadReply, CertificateError, ServiceUnavailable
from trayapp.core.i18n import N_, _, ngettext
from trayapp.core.models import Account
from trayapp.core.ports import SecretGetter, check_url
from trayapp.core.redaction import register_secret

log = logging.getLogger(__name__)

# httpx/httpcore debug output prints request headers (tokens): never let it through.
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)

TIMEOUT = httpx.Timeout(connect=5.0, read=10.0, write=10.0, pool=5.0)
# httpx's read timeout restarts with every byte: a server dripping one byte at a time would hold a request
# forever. Each request also gets this total (connect, TLS, headers and body together).
DEADLINE = 30.0
MAX_REPLY_BYTES = 5 * 1024 * 1024  # on the wire and unpacked
MAX_RETRY_AFTER = 24 * 3600.0  # a longer wait asked by a server is taken as this


class HeaderAuth(httpx.Auth):
    """Adds secret headers at request time, and never to a host other than the account's own.

    httpx already drops Authorization on cross-origin redirects; custom headers (X-Auth-Token,
    auth) would survive, so we re-check the host on every request of the flow.

    After a 401, `refused` (when given) is told: it drops the token kept in memory and says whether the
    keyring now holds another one; if so the request is sent once more with it (a 401 means the server
    did nothing)."""

    requires_request_body = True  # so that a request can be sent again after a 401

    def __init__(
        self, host: str, headers: Callable[[], dict[str, str]], refused: Callable[[], bool] | None = None
    ) -> None:
        self._host = host
        self._headers = headers
        self._refused = refused

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if request.url.host != self._host:
            yield request
            return
        request.headers.update(self._headers())
        response = yield request
        if response.status_code == 401 and self._refused is not None and self._refused():
            request.headers.update(self._headers())
            yield request

    def __repr__(self) -> str:
        return f"HeaderAuth(host={self._host!r})"


# ---------------------------------------------------------------------------------------- trust

_tls_lock = threading.Lock()
_tls: ssl.SSLContext | None = None

TRUST_HINT = N_(
    "If your organisation uses its own certificate authority, add it to this computer's trusted "
    "certificates, or set SSL_CERT_FILE to a file holding it."
)


def tls_context() -> ssl.SSLContext:
    """One verifying TLS context for every client of the process (each httpx default context parses the
    whole CA bundle again; a context is safe to share between clients and threads).

    SSL_CERT_FILE / SSL_CERT_DIR, when set, are exactly what is trusted (checked first: a missing or
    unreadable file is said so). Otherwise the operating system's trust store, through truststore: that is
    where a company installs its own certificate authority (Windows and macOS policies, Linux
    update-ca-certificates), which certifi's bundle never contains."""
    global _tls
    with _tls_lock:
        if _tls is None:
            _tls = _explicit_trust() or _system_trust()
        return _tls


def _explicit_trust() -> ssl.SSLContext | None:
    cafile = os.environ.get("SSL_CERT_FILE") or None
    capath = os.environ.get("SSL_CERT_DIR") or None
    if cafile is None and capath is None:
        return None
    if cafile is not None and not os.path.isfile(cafile):
        raise CertificateError(
            _("SSL_CERT_FILE names {path}, which is not a file: correct it or unset it.").format(path=cafile)
        )
    if capath is not None and not os.path.isdir(capath):
        raise CertificateError(
            _("SSL_CERT_DIR names {path}, which is not a folder: correct it or unset it.").format(path=capath)
        )
    try:
        return ssl.create_default_context(cafile=cafile, capath=capath)
    except (OSError, ssl.SSLError, ValueError):
        raise CertificateError(
            _(
                "The certificates in {path} (SSL_CERT_FILE/SSL_CERT_DIR) cannot be read: it must hold PEM "
                "certificates."
            ).format(path=cafile or capath)
        ) from None


def _system_trust() -> ssl.SSLContext:
    import truststore

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def _certificate_problem(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return cause
        seen.add(id(cause))
        cause = cause.__cause__ or cause.__context__
    return None


def _untrusted(service: str, host: str, problem: ssl.SSLCertVerificationError) -> CertificateError:
    reason = str(getattr(problem, "verify_message", "") or "").strip().rstrip(".")
    if reason:
        text = _(
            "{service} at {host} presented a certificate this computer does not trust ({reason}): this is "
            "a certificate problem, not an outage."
        ).format(service=service, host=host, reason=reason)
    else:
        text = _(
            "{service} at {host} presented a certificate this computer does not trust: this is a "
            "certificate problem, not an outage."
        ).format(service=service, host=host)
    return CertificateError(f"{text} {_(TRUST_HINT)}")


# ------------------------------------------------------------------------------- total deadline


class _Deadline(threading.local):
    at: float | None = None  # time.monotonic() by which the request of this thread must be done


_deadline = _Deadline()


def _left(timeout: float | None, expired: type[Exception]) -> float | None:
    """The socket timeout for the next step: httpx's own, cut to what is left of the request's total."""
    at = _deadline.at
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise expired("the request took longer than its total deadline")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, _left(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's socket layer with every connect, read and write bounded by the request's total."""

    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        bounded = _left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_tcp(host, port, bounded, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        bounded = _left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_unix_socket(path, bounded, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _bound_transports(client: httpx.Client) -> None:
    """Wrap the socket layer of every transport of the client (the direct one and any proxy from the
    environment). httpx has no public hook for it; should a later httpx move these attributes, the body is
    still cut at the deadline between chunks (send), only slow headers would not be."""
    mounted = [t for t in getattr(client, "_mounts", {}).values() if t is not None]
    for transport in [getattr(client, "_transport", None), *mounted]:
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if backend is None:
            log.warning(
                "cannot bound %s requests in time (httpx internals changed)", type(transport).__name__
            )
        elif not isinstance(backend, _DeadlineBackend):
            pool._network_backend = _DeadlineBackend(backend)  # type: ignore[union-attr]


def make_client(
    base_url: str,
    headers: Callable[[], dict[str, str]] | None = None,
    refused: Callable[[], bool] | None = None,
) -> httpx.Client:
    base_url = check_url(base_url)
    auth = HeaderAuth(httpx.URL(base_url).host, headers, refused) if headers else None
    client = httpx.Client(
        base_url=base_url,
        auth=auth,
        timeout=TIMEOUT,
        follow_redirects=False,
        verify=tls_context(),
        # only what _Unpacker reads (httpx would also offer br/zstd when those modules are installed)
        headers={"Accept": "application/json", "Accept-Encoding": "gzip, deflate", "User-Agent": "trayapp"},
    )
    _bound_transports(client)
    return client


# ------------------------------------------------------------------------------ bounded replies


def _LARGE() -> str:
    return _("{service} sent an unexpectedly large reply ({size} bytes).")


def _too_large(service: str) -> BadReply:
    return BadReply(
        _("{service} sent a reply larger than {size} MB; trayapp stopped reading it.").format(
            service=service, size=MAX_REPLY_BYTES // 2**20
        )
    )


class _Unpacker:
    """Unpacks a gzip or deflate body while it streams, never past the room left under the cap (a small
    compressed reply can unpack to gigabytes)."""

    def __init__(self, encoding: str, service: str) -> None:
        self._service = service
        self._raw_deflate_tried = encoding != "deflate"
        self._zlib: Any = None
        if encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS)
        elif encoding not in ("", "identity"):
            raise BadReply(
                _("{service} sent a reply packed as '{encoding}', which trayapp cannot read.").format(
                    service=service, encoding=encoding[:40]
                )
            )

    def feed(self, data: bytes, room: int) -> bytes:
        if self._zlib is None:
            out = data
        else:
            try:
                out = self._zlib.decompress(data, room + 1)
            except zlib.error:
                if self._raw_deflate_tried:
                    raise BadReply(
                        _("{service} sent a damaged compressed reply.").format(service=self._service)
                    ) from None
                self._raw_deflate_tried = True  # "deflate" without the zlib header, as some servers send
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                return self.feed(data, room)
        self._raw_deflate_tried = True
        if len(out) > room:
            raise _too_large(self._service)
        return bytes(out)

    def finish(self, room: int) -> bytes:
        out = b"" if self._zlib is None else self._zlib.flush()
        if len(out) > room:
            raise _too_large(self._service)
        return bytes(out)


def _read_body(response: httpx.Response, service: str) -> bytes:
    """The whole body, refused as soon as it passes MAX_REPLY_BYTES, compressed or unpacked."""
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > MAX_REPLY_BYTES:
        raise BadReply(_LARGE().format(service=service, size=int(length)))
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    unpacker = _Unpacker(encoding, service)
    parts: list[bytes] = []
    received = size = 0
    for raw in response.iter_raw():
        received += len(raw)
        if received > MAX_REPLY_BYTES:
            raise _too_large(service)
        _left(None, httpx.ReadTimeout)  # also between chunks, should the socket layer not be bounded
        part = unpacker.feed(raw, MAX_REPLY_BYTES - size)
        size += len(part)
        parts.append(part)
    parts.append(unpacker.finish(MAX_REPLY_BYTES - size))
    return b"".join(parts)


_DROPPED_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


def send(client: httpx.Client, service: str, method: str, path: str, **kwargs: Any) -> httpx.Response:
    """One request, bounded in time (DEADLINE) and size (MAX_REPLY_BYTES); transport failures become
    ServiceUnavailable with a plain sentence, an untrusted certificate a CertificateError."""
    outer = _deadline.at
    _deadline.at = time.monotonic() + DEADLINE if outer is None else outer
    try:
        response = client.send(client.build_request(method, path, **kwargs), stream=True)
        try:
            body = _read_body(response, service)
        finally:
            response.close()
        headers = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in _DROPPED_HEADERS]
        return httpx.Response(response.status_code, headers=headers, content=body, request=response.request)
    except httpx.TimeoutException:
        raise ServiceUnavailable(_("{service} did not answer in time.").format(service=service)) from None
    except httpx.ConnectError as exc:
        problem = _certificate_problem(exc)
        if problem is not None:
            raise _untrusted(service, client.base_url.host, problem) from None
        raise ServiceUnavailable(
            _("Cannot reach {service} at {host}.").format(service=service, host=client.base_url.host)
        ) from None
    except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError):
        cut = _("The connection to {service} was cut off.").format(service=service)
        raise ServiceUnavailable(cut) from None
    except httpx.HTTPError:
        raise ServiceUnavailable(_("Could not talk to {service}.").format(service=service)) from None
    finally:
        _deadline.at = outer


def json_body(response: httpx.Response, service: str) -> Any:
    """The reply's JSON, or BadReply with a specific sentence (HTML proxy page, empty, huge, too deep...)."""
    if len(response.content) > MAX_REPLY_BYTES:
        raise BadReply(_LARGE().format(service=service, size=len(response.content)))
    try:
        return json.loads(response.content)
    except RecursionError:
        raise BadReply(
            _("{service} sent a reply nested too deeply to read (HTTP {status}).").format(
                service=service, status=response.status_code
            )
        ) from None
    except (ValueError, UnicodeDecodeError):
        if b"<html" in response.content[:512].lower():
            text = _("{service} answered with a web page (HTTP {status}).")
        else:
            text = _("{service} answered with something that is not JSON (HTTP {status}).")
        raise BadReply(text.format(service=service, status=response.status_code)) from None


def expect(value: Any, type_: type, what: str, service: str) -> Any:
    """Shape check for one field of a reply; `what` names the field for people, marked with N_()."""
    if not isinstance(value, type_):
        raise BadReply(
            _("{service} sent a reply without a valid {field}.").format(service=service, field=_(what))
        )
    return value


def wait_seconds(value: float) -> float | None:
    """A wait a server asked for, as a sane number of seconds: None when unreadable (inf, nan), at most
    MAX_RETRY_AFTER."""
    if not math.isfinite(value):
        return None
    return min(max(0.0, value), MAX_RETRY_AFTER)


def try_again(retry_after: float | None, otherwise: str | None = None) -> str:
    """How soon to try again, in words: "in 1 second", "in 30 seconds", else `otherwise` ("later":
    the wait was not said). It completes "try again {when}"."""
    if retry_after is None:
        return _("later") if otherwise is None else otherwise
    seconds = max(1, round(retry_after))
    return ngettext("in {n} second", "in {n} seconds", seconds).format(n=seconds)


def parse_retry_after(response: httpx.Response) -> float | None:
    raw = response.headers.get("Retry-After")
    if raw is None:
        return None
    try:
        return wait_seconds(float(raw))
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
            reset = math.nan
        if math.isfinite(reset):
            if milliseconds:
                reset /= 1000.0
            return wait_seconds(reset - (time.time() if now is None else now))
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
    register_secret(token)  # whatever goes into a header is masked in every text from here on
    if not token:
        raise AuthError(
            _("No {service} token is saved for this account: enter it again in Accounts… → Edit.").format(
                service=service
            )
        )
    if any(not 0x21 <= ord(ch) <= 0x7E for ch in token):
        raise AuthError(
            _("The saved {service} token contains characters a token cannot have: paste it again.").format(
                service=service
            )
        )
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
    if page:
        text = _(
            "{service} is unavailable right now: it answered HTTP {status} with a web page (an error page "
            "from a proxy in front of it); try again later."
        )
    else:
        text = _("{service} is unavailable right now: it answered HTTP {status}; try again later.")
    return ServiceUnavailable(text.format(service=service, status=response.status_code))


def refusal(service: str, doing: str, text: str = "") -> str:
    """ "{service} refused to {doing}: {the server's own words}." (or just "... refused to {doing}.").
    `doing` is a translated infinitive phrase ("set your status")."""
    if text:
        return _("{service} refused to {doing}: {reason}").format(
            service=service, doing=doing, reason=sentence(text)
        )
    return _("{service} refused to {doing}.").format(service=service, doing=doing)


def unexpected_status(service: str, code: int, doing: str) -> str:
    return _("{service} answered with an unexpected HTTP {code} when asked to {doing}.").format(
        service=service, code=code, doing=doing
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

    def _refused(self) -> bool:
        """A 401: the getter (trayapp.core.secrets.KeptToken) forgets its kept token; True if another."""
        refused = getattr(self._secret, "refused", None)
        return bool(refused()) if callable(refused) else False

    @property
    def client(self) -> httpx.Client:
        with self._client_lock:
            if self._client is None:
                self._client = make_client(self._api_url(), self._auth_headers, self._refused)
            return self._client

    def close(self) -> None:
        with self._client_lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(account={self.account.name!r}, url={self.account.url!r})"
