"""Smartsheet RM reads that are refused or odd: the sentence says what was being read and why; and which
history entry is the current one when two share a second."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from tests.backends.conftest import SS, Backend
from tests.backends.hostile import Hostile, Reply, Request, respond
from trayapp.backends.smartsheet_rm import SmartsheetBackend
from trayapp.core.errors import BadReply, PermissionDenied
from trayapp.core.models import Account, ServiceKind
from trayapp.demo.server import DemoServer

TOKEN = "ss-9f8e7d6c5b4a3f2e1d0c"  # not a word that occurs in messages: it is redacted from them


@contextmanager
def smartsheet_at(reply: Reply) -> Iterator[SmartsheetBackend]:
    """A Smartsheet RM account for user 7 on a loopback server that answers with `reply`."""
    with Hostile(reply) as server:
        backend = SmartsheetBackend(Account("desk", ServiceKind.SMARTSHEET, server.url, "7"), lambda: TOKEN)
        try:
            yield backend
        finally:
            backend.close()


def test_a_refused_user_lookup_after_a_404_says_it_could_not_read_the_user(
    make: Callable[..., Backend], demo: DemoServer
) -> None:
    backend = make(SS)
    demo.set_fault("404", service="smartsheet", count=1)  # GET .../statuses
    demo.set_fault("403", service="smartsheet", count=1)  # GET the user, to tell why
    with pytest.raises(PermissionDenied) as refused:
        backend.current()
    assert str(refused.value).startswith(
        "Smartsheet RM refused to read your user: this token is not allowed to do that"
    )


def test_a_token_that_may_not_read_its_user_is_told_so_when_the_account_is_checked(
    make: Callable[..., Backend], demo: DemoServer
) -> None:
    backend = make(SS)
    demo.set_fault("403", service="smartsheet", count=1)
    with pytest.raises(PermissionDenied) as refused:
        backend.whoami()  # what adding the account checks first
    assert str(refused.value).startswith(
        "Smartsheet RM refused to read your user: this token is not allowed to do that"
    )


def test_a_user_that_is_not_an_object_is_a_bad_reply_said_as_such() -> None:
    def a_list(request: Request, sock: socket.socket) -> None:
        respond(sock, 200, json.dumps([{"id": 1}]).encode())

    with smartsheet_at(a_list) as backend, pytest.raises(BadReply) as odd:
        backend.whoami()
    assert str(odd.value) == "Smartsheet RM sent a reply that is not a JSON object."


def test_the_servers_own_reason_for_a_refusal_is_passed_on() -> None:
    def refused(request: Request, sock: socket.socket) -> None:
        respond(sock, 403, json.dumps({"message": "Token lacks the READ_USERS scope"}).encode())

    with smartsheet_at(refused) as backend, pytest.raises(PermissionDenied) as denied:
        backend.whoami()
    assert str(denied.value) == (
        "Smartsheet RM refused to read your user: this token is not allowed to do that "
        "(Token lacks the READ_USERS scope)."
    )


def test_a_refused_history_says_it_could_not_read_the_statuses(
    make: Callable[..., Backend], demo: DemoServer
) -> None:
    backend = make(SS)
    demo.set_fault("403", service="smartsheet", count=1)
    with pytest.raises(PermissionDenied) as refused:
        backend.current()
    assert str(refused.value).startswith("Smartsheet RM refused to read your statuses:")


def test_two_entries_set_in_the_same_second_the_one_with_an_id_is_the_newest() -> None:
    same = "2026-12-01T09:00:00Z"
    history = {
        "data": [
            {"id": 41, "status": "WFH", "created_at": same},
            {"id": "x", "status": "OOF", "created_at": same},  # an id that is no number counts as the oldest
        ]
    }

    def reply(request: Request, sock: socket.socket) -> None:
        respond(sock, 200, json.dumps(history).encode())

    with smartsheet_at(reply) as backend:
        current = backend.current()
    assert current.status_id == "WFH"


def test_a_user_without_a_display_name_is_shown_by_first_and_last_name() -> None:
    def user(request: Request, sock: socket.socket) -> None:
        body = {"id": 7, "first_name": " Ana ", "last_name": "Lima", "email": "ana@example.com"}
        respond(sock, 200, json.dumps(body).encode())

    with smartsheet_at(user) as backend:
        assert backend.whoami() == "Ana Lima"


def test_a_next_page_pointing_back_is_not_read_again() -> None:
    asked: list[str] = []

    def history(request: Request, sock: socket.socket) -> None:
        asked.append(request.path)
        second = "page=2" in request.path
        entry = {
            "id": 2 if second else 1,
            "status": "OOF" if second else "ITO",
            "created_at": f"2026-12-0{2 if second else 1}T09:00:00Z",
        }
        body = {"data": [entry], "paging": {"next": "/api/v1/users/7/statuses?per_page=1000&page=2"}}
        respond(sock, 200, json.dumps(body).encode())

    with smartsheet_at(history) as backend:
        assert backend.current().status_id == "OOF"
    assert len(asked) == 2  # the first page, then page 2 once: its `next` is itself
