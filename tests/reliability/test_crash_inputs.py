"""Replies and environment settings that used to crash into "an unexpected error happened" (exit 70):
each now gets its own one-line message and the documented exit code."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from tests.backends.hostile import Hostile, Request, respond
from tests.cli import conftest as cli_fixtures
from tests.cli.conftest import CLI
from trayapp.backends import base

cli = cli_fixtures.cli

ADD = {
    "rocketchat": ["--user-id", "u1"],
    "callbell": ["--user-uuid", "a" * 32],
    "smartsheet": ["--user-id", "7"],
}


def _add(cli: CLI, service: str, url: str) -> cli_fixtures.Run:
    return cli(
        "accounts", "add", service, "x", "--url", url, *ADD[service], "--token-stdin", stdin="tok-abcd\n"
    )


@pytest.mark.parametrize("service", sorted(ADD))
def test_a_reply_nested_100000_deep(service: str, cli: CLI) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000

    def nested(request: Request, sock: socket.socket) -> None:
        respond(sock, 200, deep)

    with Hostile(nested) as server:
        result = _add(cli, service, server.url)
    assert result.code == 1, result.err
    assert "sent a reply nested too deeply to read (HTTP 200)." in result.err
    assert len(result.err_lines) == 1


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e999", "1e300"])
@pytest.mark.parametrize("service", sorted(ADD))
def test_retry_after_beyond_any_number(service: str, value: str, cli: CLI) -> None:
    def limited(request: Request, sock: socket.socket) -> None:
        headers = {"Retry-After": value, "X-RateLimit-Reset": value}
        respond(sock, 429, json.dumps({"success": False, "error": "slow down"}).encode(), headers)

    with Hostile(limited) as server:
        result = _add(cli, service, server.url)
    assert result.code == 75, result.err  # the README's code for "asked us to slow down"
    assert "limiting requests" in result.err and "unexpected" not in result.err
    assert len(result.err_lines) == 1


@pytest.mark.parametrize("value", ["inf", "nan", "1e999"])
def test_unreadable_waits_are_no_wait_and_huge_ones_a_day(value: str) -> None:
    import httpx

    reply = httpx.Response(429, headers={"Retry-After": value}, request=httpx.Request("GET", "http://x"))
    assert base.parse_retry_after(reply) is None
    huge = httpx.Response(429, headers={"Retry-After": "1e300"}, request=httpx.Request("GET", "http://x"))
    assert base.parse_retry_after(huge) == base.MAX_RETRY_AFTER


@pytest.fixture
def fresh_trust(monkeypatch: pytest.MonkeyPatch) -> None:
    """The process-wide TLS context is built again, from this test's environment."""
    monkeypatch.setattr(base, "_tls", None)


def test_ssl_cert_file_naming_a_missing_file(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_trust: None
) -> None:
    missing = tmp_path / "company-ca.pem"
    monkeypatch.setenv("SSL_CERT_FILE", str(missing))
    result = _add(cli, "callbell", "http://127.0.0.1:9")
    assert result.code == 1, result.err
    assert result.err_lines == [
        f"trayapp: SSL_CERT_FILE names {missing}, which is not a file: correct it or unset it."
    ]


def test_ssl_cert_file_holding_no_certificate(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_trust: None
) -> None:
    garbage = tmp_path / "company-ca.pem"
    garbage.write_text("not a certificate\n")
    monkeypatch.setenv("SSL_CERT_FILE", str(garbage))
    result = _add(cli, "callbell", "http://127.0.0.1:9")
    assert result.code == 1, result.err
    assert "cannot be read: it must hold PEM certificates." in result.err and len(result.err_lines) == 1
