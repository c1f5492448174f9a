"""A server whose certificate this computer does not trust is a certificate problem, said as one, with how
a company's own certificate authority is trusted; it is not an outage, so nothing is kept and retried."""

from __future__ import annotations

import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.backends.hostile import Hostile, rocketchat_ok
from tests.cli import conftest as cli_fixtures
from tests.cli.conftest import CLI
from tests.realparts import require_tools
from trayapp.backends import BACKENDS, base
from trayapp.core.models import Account, Availability, ChangeKind, Outcome, ServiceKind, StatusChange
from trayapp.core.paths import AppPaths
from trayapp.core.secrets import SecretStore
from trayapp.core.service import StatusService
from trayapp.demo.memory_keyring import MemoryKeyring

cli = cli_fixtures.cli


@pytest.fixture
def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 signed by nobody but itself, as an internal server often has."""
    require_tools("openssl")
    cert, key = tmp_path / "server.pem", tmp_path / "server.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=chat.internal", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def tls_server(self_signed: tuple[Path, Path]) -> Iterator[Hostile]:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*self_signed)
    with Hostile(rocketchat_ok, tls=context) as server:
        yield server


@pytest.fixture(autouse=True)
def fresh_trust(monkeypatch: pytest.MonkeyPatch) -> None:
    """The process-wide TLS context is built again from this test's environment."""
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    monkeypatch.setattr(base, "_tls", None)


def _add(cli: CLI, url: str) -> cli_fixtures.Run:
    return cli(
        "accounts", "add", "rocketchat", "work", "--url", url, "--user-id", "u1", "--token-stdin",
        stdin="tok-abcd\n",
    )  # fmt: skip


def test_a_self_signed_certificate_is_named_as_such(cli: CLI, tls_server: Hostile) -> None:
    result = _add(cli, tls_server.url)
    assert result.code == 1, result.err
    [line] = result.err_lines
    assert "Cannot reach" not in line
    assert "Rocket.Chat at 127.0.0.1 presented a certificate this computer does not trust" in line
    assert "self-signed certificate" in line and "not an outage" in line and "SSL_CERT_FILE" in line


def test_the_company_ca_in_ssl_cert_file_is_trusted(
    cli: CLI, tls_server: Hostile, self_signed: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(self_signed[0]))
    result = _add(cli, tls_server.url)
    assert result.code == 0, result.err
    assert "signed in as alice" in result.out


def test_an_untrusted_certificate_is_not_kept_for_later(
    profile: AppPaths, tls_server: Hostile, self_signed: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Added while the CA was trusted; once it no longer is, a change fails at once instead of being kept
    and retried as if the server were down."""
    service = StatusService(profile, secrets=SecretStore(MemoryKeyring()), backends=BACKENDS)
    try:
        monkeypatch.setenv("SSL_CERT_FILE", str(self_signed[0]))
        service.add_account(Account("work", ServiceKind.ROCKETCHAT, tls_server.url, "u1"), "tok-abcd")
        service.close()
        monkeypatch.delenv("SSL_CERT_FILE")
        monkeypatch.setattr(base, "_tls", None)
        [result] = service.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY))
        assert result.outcome is Outcome.FAILED, result
        assert "certificate" in result.detail
        assert service.pending_changes() == {}
    finally:
        service.close()
