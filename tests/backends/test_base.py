"""The shared plumbing: date parsing, rate-limit headers, token checks, per-request auth headers."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import httpx
import pytest

from trayapp.backends.base import (
    HeaderAuth,
    clean_token,
    format_utc,
    json_body,
    parse_time,
    retry_after_from_reset,
    sentence,
    server_error,
    server_text,
)
from trayapp.core.errors import AuthError, BadReply

PLUS_ONE = timezone(timedelta(hours=1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-11-22 21:29:43 +0100", datetime(2024, 11, 22, 21, 29, 43, tzinfo=PLUS_ONE)),
        ("2024-11-22T21:29:43.311+01:00", datetime(2024, 11, 22, 21, 29, 43, 311000, tzinfo=PLUS_ONE)),
        ("2024-07-17T18:54:49Z", datetime(2024, 7, 17, 18, 54, 49, tzinfo=timezone.utc)),
        ("2023-11-04T11:44:23.366Z", datetime(2023, 11, 4, 11, 44, 23, 366000, tzinfo=timezone.utc)),
        ("2023-11-04T11:44:23.1Z", datetime(2023, 11, 4, 11, 44, 23, 100000, tzinfo=timezone.utc)),
        ("2013-01-31", datetime(2013, 1, 31, tzinfo=timezone.utc)),
    ],
)
def test_parse_time_formats(text: str, expected: datetime) -> None:
    parsed = parse_time(text)
    assert parsed == expected
    assert parsed is not None and parsed.tzinfo is not None


@pytest.mark.parametrize("value", [None, "", "soon", "2013-09-31T14:33:05Z", 12, ["2013-01-31"]])
def test_parse_time_unreadable_is_none(value: object) -> None:
    assert parse_time(value) is None


def test_format_utc() -> None:
    moment = datetime(2031, 3, 4, 10, 30, 15, 999, tzinfo=timezone(timedelta(hours=2)))
    assert format_utc(moment) == "2031-03-04T08:30:15Z"


def _response(status: int = 429, headers: dict[str, str] | None = None, body: bytes = b"") -> httpx.Response:
    return httpx.Response(
        status, headers=headers, content=body, request=httpx.Request("GET", "https://x.test/")
    )


def test_retry_after_from_reset_seconds_and_milliseconds() -> None:
    now = 1_700_000_000.0
    seconds = _response(headers={"X-RateLimit-Reset": str(int(now) + 42)})
    assert retry_after_from_reset(seconds, milliseconds=False, now=now) == pytest.approx(42)
    millis = _response(headers={"X-RateLimit-Reset": str(int(now * 1000) + 4500)})
    assert retry_after_from_reset(millis, milliseconds=True, now=now) == pytest.approx(4.5)
    past = _response(headers={"X-RateLimit-Reset": str(int(now) - 10)})
    assert retry_after_from_reset(past, milliseconds=False, now=now) == 0.0
    fallback = _response(headers={"X-RateLimit-Reset": "soon", "Retry-After": "7"})
    assert retry_after_from_reset(fallback, milliseconds=False, now=now) == 7.0
    assert retry_after_from_reset(_response(), milliseconds=False, now=now) is None


@pytest.mark.parametrize("raw", ["", "   ", "tok en", "tokén", "tok\nen", "tok\x00en"])
def test_clean_token_refuses_without_echo(raw: str) -> None:
    with pytest.raises(AuthError) as caught:
        clean_token(raw, "Callbell")
    if raw.strip():
        assert raw.strip() not in str(caught.value)


def test_clean_token_strips() -> None:
    assert clean_token("  abc.DEF-123_~  \n", "Callbell") == "abc.DEF-123_~"


def test_header_auth_only_for_own_host() -> None:
    auth = HeaderAuth("chat.example.com", lambda: {"X-Auth-Token": "s3cret"})
    own = next(auth.auth_flow(httpx.Request("GET", "https://chat.example.com/api/v1/me")))
    other = next(auth.auth_flow(httpx.Request("GET", "https://evil.example.net/")))
    assert own.headers["X-Auth-Token"] == "s3cret"
    assert "X-Auth-Token" not in other.headers
    assert "s3cret" not in repr(auth)


def test_json_body_errors() -> None:
    with pytest.raises(BadReply, match="web page"):
        json_body(_response(200, body=b"<!doctype html><html><body>hi</body></html>"), "Callbell")
    with pytest.raises(BadReply, match="not JSON"):
        json_body(_response(200, body=b""), "Callbell")


def test_server_error_mentions_a_proxy_page() -> None:
    assert "proxy" in str(server_error(_response(502, body=b"<html>bad gateway</html>"), "Callbell"))
    assert "proxy" not in str(server_error(_response(500, body=b"{}"), "Callbell"))


def test_server_text_and_sentence() -> None:
    assert server_text(["a", "b", 3, {"x": 1}]) == "a; b; 3"
    assert server_text({"nested": "x"}) == ""
    assert server_text("line\nbreak  here") == "line break here"
    assert len(server_text("x" * 1000)) == 300
    assert sentence("sleepy is not a valid status type") == "sleepy is not a valid status type."
    assert sentence("Done!") == "Done!"


def test_every_client_verifies_tls_with_one_shared_context() -> None:
    import ssl

    from trayapp.backends.base import make_client

    first, second = make_client("https://chat.example.com"), make_client("https://other.example.com")
    try:
        contexts = {
            id(client._transport._pool._ssl_context)  # type: ignore[attr-defined]
            for client in (first, second)
        }
        assert len(contexts) == 1
        context = first._transport._pool._ssl_context  # type: ignore[attr-defined]
        assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname
    finally:
        first.close()
        second.close()
