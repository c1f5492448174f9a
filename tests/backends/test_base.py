"""The shared plumbing: date parsing, rate-limit headers, token checks, per-request auth headers."""

from __future__ import annotations

import ssl
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest

from trayapp.backends import base
from trayapp.backends.base import (
    HeaderAuth,
    clean_token,
    format_utc,
    json_body,
    parse_time,
    refusal,
    retry_after_from_reset,
    sentence,
    server_error,
    server_text,
    unexpected_status,
)
from trayapp.core.errors import AuthError, BadReply, CertificateError

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


@pytest.mark.parametrize(
    ("body", "told"),
    [
        (b"<!doctype html><html><body>hi</body></html>", "Callbell answered with a web page (HTTP 200)."),
        (b"", "Callbell answered with something that is not JSON (HTTP 200)."),
        (b"[" * 100_000 + b"]" * 100_000, "Callbell sent a reply nested too deeply to read (HTTP 200)."),
    ],
)
def test_a_reply_that_is_not_json_is_told_as_what_it_is(body: bytes, told: str) -> None:
    with pytest.raises(BadReply) as caught:
        json_body(_response(200, body=body), "Callbell")
    assert str(caught.value) == told


def test_server_error_mentions_a_proxy_page() -> None:
    assert str(server_error(_response(502, body=b"<html>bad gateway</html>"), "Callbell")) == (
        "Callbell is unavailable right now: it answered HTTP 502 with a web page (an error page from a "
        "proxy in front of it); try again later."
    )
    assert str(server_error(_response(500, body=b"{}"), "Callbell")) == (
        "Callbell is unavailable right now: it answered HTTP 500; try again later."
    )


def test_a_refusal_names_the_service_and_what_it_was_asked() -> None:
    assert refusal("Callbell", "set your status") == "Callbell refused to set your status."
    assert refusal("Callbell", "set your status", "user is archived") == (
        "Callbell refused to set your status: user is archived."
    )
    assert unexpected_status("Callbell", 418, "list the custom statuses") == (
        "Callbell answered with an unexpected HTTP 418 when asked to list the custom statuses."
    )


def test_a_certificate_problem_is_found_anywhere_in_the_chain_even_a_looping_one() -> None:
    refused = ssl.SSLCertVerificationError("certificate verify failed")
    outer, inner = httpx.ConnectError("connect failed"), OSError("handshake")
    outer.__cause__, inner.__context__ = inner, refused
    assert base._certificate_problem(outer) is refused
    looping_a, looping_b = httpx.ConnectError("a"), OSError("b")
    looping_a.__context__, looping_b.__context__ = looping_b, looping_a  # never ends if followed blindly
    assert base._certificate_problem(looping_a) is None


@pytest.fixture
def fresh_trust(monkeypatch: pytest.MonkeyPatch) -> None:
    """The process-wide TLS context is built again, from this test's environment."""
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    monkeypatch.setattr(base, "_tls", None)


@pytest.mark.parametrize(
    ("variable", "content", "told"),
    [
        ("SSL_CERT_DIR", "", "SSL_CERT_DIR names {path}, which is not a folder: correct it or unset it."),
        (
            "SSL_CERT_FILE",
            "not a certificate",
            "The certificates in {path} (SSL_CERT_FILE/SSL_CERT_DIR) cannot be read: it must hold PEM "
            "certificates.",
        ),
    ],
)
def test_a_mistaken_ssl_cert_variable_is_told(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_trust: None, variable: str, content: str, told: str
) -> None:
    path = tmp_path / "company-ca"  # a file: not the folder SSL_CERT_DIR wants, nor PEM for SSL_CERT_FILE
    path.write_text(content, encoding="utf-8")
    monkeypatch.setenv(variable, str(path))
    with pytest.raises(CertificateError) as caught:
        base.tls_context()
    assert str(caught.value) == told.format(path=path)


def test_server_text_and_sentence() -> None:
    assert server_text(["a", "b", 3, {"x": 1}]) == "a; b; 3"
    assert server_text({"nested": "x"}) == ""
    assert server_text("line\nbreak  here") == "line break here"
    assert len(server_text("x" * 1000)) == 300
    assert sentence("sleepy is not a valid status type") == "sleepy is not a valid status type."
    assert sentence("Done!") == "Done!"


def test_every_client_verifies_tls_with_one_shared_context() -> None:
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
