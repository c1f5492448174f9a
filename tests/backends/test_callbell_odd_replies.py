"""Callbell answering in a shape the app cannot use, or refusing without a reason: the sentence says what."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.backends.hostile import Hostile, Reply, Request, respond
from trayapp.backends import callbell
from trayapp.backends.callbell import CallbellBackend
from trayapp.core.errors import BadReply, NotFound, PermissionDenied, ServiceUnavailable, ValidationError
from trayapp.core.models import Account, Availability, ChangeKind, ServiceKind, StatusChange

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


USER_UUID = "0e7d5b1c-3f7a-4c55-9a43-5a4d1a2b3c4d"
KEY = "cb-4a1f9e2d7c6b5a3e"


@contextmanager
def callbell_at(reply: Reply) -> Iterator[CallbellBackend]:
    with Hostile(reply) as server:
        backend = CallbellBackend(
            Account("callbell", ServiceKind.CALLBELL, server.url, USER_UUID), lambda: KEY
        )
        try:
            yield backend
        finally:
            backend.close()


def answering(body: object) -> Reply:
    def reply(request: Request, sock: socket.socket) -> None:
        respond(sock, 200, body if isinstance(body, bytes) else json.dumps(body).encode())

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
    with callbell_at(replies(teams, members)) as backend, pytest.raises(BadReply) as odd:
        backend.current()
    assert str(odd.value) == said


def test_a_key_refused_without_a_reason_is_one_plain_sentence() -> None:
    def refused(request: Request, sock: socket.socket) -> None:
        respond(sock, 403, b"")

    with callbell_at(refused) as backend, pytest.raises(PermissionDenied) as denied:
        backend.whoami()  # what adding the account checks first
    assert (
        str(denied.value) == "Callbell refused to check the API key: this API key is not allowed to do that."
    )


def test_callbell_down_is_named_in_the_sentence() -> None:
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}"
    backend = CallbellBackend(Account("callbell", ServiceKind.CALLBELL, dead, USER_UUID), lambda: KEY)
    try:
        with pytest.raises(ServiceUnavailable) as down:
            backend.whoami()
    finally:
        backend.close()
    assert str(down.value) == "Cannot reach Callbell at 127.0.0.1."


@pytest.mark.parametrize(
    ("call", "body", "said"),
    [
        ("whoami", b"<html><body>Sign in</body></html>", "Callbell answered with a web page (HTTP 200)."),
        (
            "list_statuses",
            {"customStatuses": [{"id": "s1"}], "meta": ONE_PAGE},
            "Callbell sent a reply without a valid custom status name.",
        ),
    ],
)
def test_an_odd_reply_names_what_is_wrong(call: str, body: object, said: str) -> None:
    with callbell_at(answering(body)) as backend, pytest.raises(BadReply) as odd:
        getattr(backend, call)()
    assert str(odd.value) == said


def test_a_member_list_that_is_not_a_list_is_named() -> None:
    with callbell_at(replies([{"uuid": "t1"}], "alice")) as backend, pytest.raises(BadReply) as odd:
        backend.current()
    assert str(odd.value) == "Callbell sent a reply without a valid list of team members."


def test_a_key_owner_in_no_team_is_told_so() -> None:
    with callbell_at(replies([], [])) as backend, pytest.raises(NotFound) as missing:
        backend.current()
    assert "lists no team member with the e-mail alice@example.com" in str(missing.value)


@pytest.mark.parametrize(("on_page", "found"), [(3, True), (4, False)])
def test_the_member_lists_are_read_up_to_the_page_cap(
    monkeypatch: pytest.MonkeyPatch, on_page: int, found: bool
) -> None:
    monkeypatch.setattr(callbell, "_MAX_PAGES", 3)  # 1000 in use: the same rule, fewer requests

    def reply(request: Request, sock: socket.socket) -> None:
        if request.path.startswith("/auth/me"):
            body: object = ME
        elif "/members" in request.path:
            page = int(request.path.rsplit("page=", 1)[1])
            email = ME["user_email"] if page == on_page else f"someone{page}@example.com"
            body = {"users": [{"email": email, "available": True}], "meta": {"page": page, "pages": 5}}
        else:
            body = {"teams": [{"uuid": "t1"}], "meta": ONE_PAGE}
        respond(sock, 200, json.dumps(body).encode())

    with callbell_at(reply) as backend:
        if found:
            assert backend.current().availability is Availability.AVAILABLE
        else:
            with pytest.raises(NotFound):
                backend.current()


def test_a_refused_availability_says_so() -> None:
    def reply(request: Request, sock: socket.socket) -> None:
        respond(sock, 422, json.dumps({"error": "available must be true or false"}).encode())

    change = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY)
    with callbell_at(reply) as backend, pytest.raises(ValidationError) as refused:
        backend.apply(change)
    assert str(refused.value) == "Callbell refused to set your availability: available must be true or false."
