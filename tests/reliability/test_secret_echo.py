"""A server that echoes the request back in an error body must not get the token printed: not on the
CLI's stderr, not in the text the tray shows (menu, notifications), not in the log."""

from __future__ import annotations

import json
import secrets
import socket
from pathlib import Path

import pytest

from tests.backends.hostile import Hostile, Request, respond, rocketchat_ok
from tests.cli import conftest as cli_fixtures
from tests.cli.conftest import CLI
from trayapp.backends import BACKENDS
from trayapp.core.models import Account, Availability, ChangeKind, ServiceKind, StatusChange
from trayapp.core.paths import AppPaths
from trayapp.core.secrets import SecretStore
from trayapp.core.service import StatusService
from trayapp.demo.memory_keyring import MemoryKeyring
from trayapp.qt.controller import plain_error

cli = cli_fixtures.cli  # the in-process CLI, as tests/cli uses it


def _echo(request: Request, sock: socket.socket) -> None:
    """400 with the request's own headers (credentials included) in every field a backend reads, and once
    more as bare values (no header name the log filter's patterns could recognise)."""
    head = request.head.decode("latin-1")
    token = request.headers.get("x-auth-token") or request.headers.get("auth") or ""
    token = token or request.headers.get("authorization", "").removeprefix("Bearer ")
    text = f"bad request, you sent {token} in {head}"
    body = {"success": False, "error": text, "message": text, "errors": [text], "status": 400}
    respond(sock, 400, json.dumps(body).encode())


def _add_argv(service: str, url: str) -> list[str]:
    if service == "rocketchat":
        return ["accounts", "add", service, "x", "--url", url, "--user-id", "u1", "--token-stdin"]
    if service == "callbell":
        return ["accounts", "add", service, "x", "--url", url, "--user-uuid", "a" * 32, "--token-stdin"]
    return ["accounts", "add", service, "x", "--url", url, "--user-id", "7", "--token-stdin"]


def _log_text(profile: AppPaths) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in Path(profile.log_dir).glob("trayapp.log*"))


@pytest.mark.parametrize("service", ["rocketchat", "callbell", "smartsheet"])
def test_cli_never_prints_an_echoed_token(service: str, cli: CLI, profile: AppPaths) -> None:
    token = "tok-" + secrets.token_hex(16)  # fresh: no earlier test has registered it
    with Hostile(_echo) as server:
        result = cli(*_add_argv(service, server.url), stdin=token + "\n")
        sent = server.requests
    assert sent and any(token in r.head.decode("latin-1") for r in sent)  # the token did go out
    assert result.code == 1
    assert "refused" in result.err and "[redacted]" in result.err  # the server's words, masked
    assert token not in result.err + result.out
    assert token not in _log_text(profile)


def _rocketchat_turning_hostile(echo: dict[str, bool]) -> Hostile:
    def reply(request: Request, sock: socket.socket) -> None:
        (_echo if echo["on"] else rocketchat_ok)(request, sock)

    return Hostile(reply)


def test_tray_texts_never_show_an_echoed_token(profile: AppPaths) -> None:
    """What the tray shows comes from the service's results and snapshot (menu lines, notifications) and
    from plain_error (dialogs): a server turning hostile after the account was added leaks into none."""
    token = "tok-" + secrets.token_hex(16)
    echo = {"on": False}
    service = StatusService(profile, secrets=SecretStore(MemoryKeyring()), backends=BACKENDS)
    try:
        with _rocketchat_turning_hostile(echo) as server:
            service.add_account(Account("rocket", ServiceKind.ROCKETCHAT, server.url, "u1"), token)
            service.close()  # a new process: the token is read from the keyring again
            echo["on"] = True
            change = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY)
            [applied] = service.apply(change, ["rocket"])
            [refreshed] = service.refresh(["rocket"])
            with pytest.raises(Exception) as raised:
                service.test_connection(Account("other", ServiceKind.ROCKETCHAT, server.url, "u1"), token)
        [view] = service.snapshot().accounts
    finally:
        service.close()
    shown = [applied.detail, refreshed.detail, view.error, plain_error(raised.value)]
    assert all("refused" in text for text in shown), shown
    for text in shown:
        assert token not in text
    assert token not in _log_text(profile)
