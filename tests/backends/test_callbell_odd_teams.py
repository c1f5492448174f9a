"""Callbell answering the team list in a shape the app cannot use: the sentence names what was wrong."""

from __future__ import annotations

import json
import socket

import pytest

from tests.backends.hostile import Hostile, Request, respond
from trayapp.backends.callbell import CallbellBackend
from trayapp.core.errors import BadReply
from trayapp.core.models import Account, ServiceKind


def odd_teams(request: Request, sock: socket.socket) -> None:
    if request.path.startswith("/auth/me"):
        body: object = {"user_name": "Alice", "user_email": "alice@example.com"}
    else:  # /teams: a team whose uuid is a number
        body = {"teams": [{"uuid": 5, "name": "Support"}], "meta": {"page": 1, "pages": 1}}
    respond(sock, 200, json.dumps(body).encode())


def test_a_team_without_a_text_uuid_is_named_in_the_error() -> None:
    with Hostile(odd_teams) as server:
        account = Account(
            "callbell", ServiceKind.CALLBELL, server.url, "0e7d5b1c-3f7a-4c55-9a43-5a4d1a2b3c4d"
        )
        backend = CallbellBackend(account, lambda: "key")
        try:
            with pytest.raises(BadReply) as odd:
                backend.current()
        finally:
            backend.close()
    assert str(odd.value) == "Callbell sent a reply without a valid team uuid."
