"""Reading a calendar feed (an https .ics address): bounded in time and in size, never logged.

A published calendar's address carries its secret key: it is never written to the log or an error,
which name the host only. Conditional requests (ETag / Last-Modified) keep the once-a-minute check cheap.
"""

from __future__ import annotations

import time

import httpx

from trayapp.backends.base import tls_context
from trayapp.core.auto.calendar import MAX_BYTES, Fetched
from trayapp.core.errors import InputError, ServiceUnavailable
from trayapp.core.i18n import _
from trayapp.core.ports import check_url

TIMEOUT = httpx.Timeout(10.0, connect=5.0)
DEADLINE_S = 20.0  # the whole request, however slowly the bytes trickle in
MAX_REDIRECTS = 3


def fetch_ics(url: str, etag: str = "", last_modified: str = "") -> Fetched:
    url = check_url(url)
    host = httpx.URL(url).host
    headers = {"User-Agent": "trayapp", "Accept": "text/calendar, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + DEADLINE_S
    try:
        with httpx.Client(timeout=TIMEOUT, verify=tls_context(), follow_redirects=False) as client:
            for _hop in range(MAX_REDIRECTS + 1):
                with client.stream("GET", url, headers=headers) as reply:
                    if reply.is_redirect and "location" in reply.headers:
                        url = check_url(str(reply.url.join(reply.headers["location"])))
                        continue
                    if reply.status_code == 304:
                        return Fetched(None, etag, last_modified)
                    if reply.status_code in (401, 403, 404, 410):
                        raise InputError(
                            _(
                                "The calendar at {host} answered {status}: check its address "
                                "(a private calendar address may have been reset)."
                            ).format(host=host, status=reply.status_code)
                        )
                    if reply.status_code >= 400:
                        raise ServiceUnavailable(
                            _("The calendar at {host} answered {status}.").format(
                                host=host, status=reply.status_code
                            )
                        )
                    body = bytearray()
                    for chunk in reply.iter_bytes():
                        body.extend(chunk)
                        if len(body) > MAX_BYTES:
                            raise InputError(
                                _(
                                    "The calendar at {host} is larger than {size} MB; "
                                "trayapp stopped reading it."
                                ).format(host=host, size=MAX_BYTES // 2**20)
                            )
                        if time.monotonic() > deadline:
                            raise ServiceUnavailable(
                                _("The calendar at {host} is too slow to read.").format(host=host)
                            )
                    return Fetched(
                        bytes(body), reply.headers.get("etag", ""), reply.headers.get("last-modified", "")
                    )
            raise InputError(_("The calendar at {host} redirects too many times.").format(host=host))
    except httpx.HTTPError as exc:
        raise ServiceUnavailable(
            _("The calendar at {host} could not be reached ({error}).").format(
                host=host, error=type(exc).__name__
            )
        ) from None
