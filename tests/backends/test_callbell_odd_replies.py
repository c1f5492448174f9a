"""Callbell answering in a shape the app cannot use, or refusing without a reason: the sentence says what."""

from __future__ import annotations

import json
import socket

import pytest

from tests.backends.hostile import Hostile, Reply, Request, respond
from trayapp.backends.callbell import CallbellBackend
from trayapp.core.errors import BadReply, PermissionDenied, ServiceUnavailable
from trayapp.core.models import Account, ServiceKind

ME = {"user_name": "Alice", "user_email": "alice@example.com"}
ONE_PAGE = {"page": 1, "pages": 1}


def replies(teams: object, members: object) -> Reply:
    def reply(request: Request, sock: socket.socket) -> None:
        if request.path.startswith("/auth/me"):
            body: object = ME
        elif request.path.endswith("/members") or "/members?" in request.path:
            body = {"users": members, "meta": ONE_PAGE}
        else:
            body = {"teams": teams, "meta": ONE_PAGE}
        respond(sock, 200, json.dumps(body).encode())

    return reply


@pytest.mark.parametrize(
    ("teams", "members", "said"),
    [
        ([{"uuid": 5, "name": "Support"}], [], "Callbell sent a reply without a valid team uuid."),
        (
            [{"uuid": "t1", "name": "Support"}],
            ["alice"],
            "Callbell sent a team member that is not an object.",
        ),
    ],
)
def test_an_odd_team_list_is_named_in_the_error(teams: object, members: object, said: str) -> None:
    with Hostile(replies(teams, members)) as server:
        account = Account(
            "callbell", ServiceKind.CALLBELL, server.url, "0e7d5b1c-3f7a-4c55-9a43-5a4d1a2b3c4d"
        )
        backend = CallbellBackend(account, lambda: "cb-4a1f9e2d7c6b5a3e")
        try:
            with pytest.raises(BadReply) as odd:
                backend.current()
        finally:
            backend.close()
    assert str(odd.value) == said


def test_a_key_refused_without_a_reason_is_one_plain_sentence() -> None:
    def refused(request: Request, sock: socket.socket) -> None:
        respond(sock, 403, b"")

    with Hostile(refused) as server:
        account = Account(
            "callbell", ServiceKind.CALLBELL, server.url, "0e7d5b1c-3f7a-4c55-9a43-5a4d1a2b3c4d"
        )
        backend = CallbellBackend(account, lambda: "cb-4a1f9e2d7c6b5a3e")
        try:
            with pytest.raises(PermissionDenied) as denied:
                backend.whoami()  # what adding the account checks first
        finally:
            backend.close()
    assert (
        str(denied.value) == "Callbell refused to check the API key: this API key is not allowed to do that."
    )


def test_callbell_down_is_named_in_the_sentence() -> None:
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}"
    backend = CallbellBackend(
        Account("callbell", ServiceKind.CALLBELL, dead, "0e7d5b1c-3f7a-4c55-9a43-5a4d1a2b3c4d"),
        lambda: "cb-4a1f9e2d7c6b5a3e",
    )
    try:
        with pytest.raises(ServiceUnavailable) as down:
            backend.whoami()
    finally:
        backend.close()
    assert str(down.value) == "Cannot reach Callbell at 127.0.0.1."
