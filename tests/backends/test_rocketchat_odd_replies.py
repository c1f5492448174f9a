"""Rocket.Chat replies that are JSON but not what was asked for: one sentence naming what is missing."""

from __future__ import annotations

import json
import socket

import pytest

from tests.backends.hostile import Hostile, Request, respond
from trayapp.backends.rocketchat import RocketChatBackend
from trayapp.core.errors import BadReply
from trayapp.core.models import Account, ServiceKind


def test_a_profile_that_is_not_an_object_is_a_bad_reply_said_as_such() -> None:
    def a_list(request: Request, sock: socket.socket) -> None:
        respond(sock, 200, json.dumps([{"_id": "u1"}]).encode())

    with Hostile(a_list) as server:
        backend = RocketChatBackend(
            Account("hostile", ServiceKind.ROCKETCHAT, server.url, "u1"), lambda: "tok-odd-1"
        )
        try:
            with pytest.raises(BadReply) as odd:
                backend.whoami()
        finally:
            backend.close()
    assert str(odd.value) == "Rocket.Chat sent a reply without a valid JSON object."


def test_a_profile_without_a_user_name_is_known_by_its_display_name() -> None:
    def no_username(request: Request, sock: socket.socket) -> None:
        respond(sock, 200, json.dumps({"_id": "u1", "name": " Alice Liddell ", "success": True}).encode())

    with Hostile(no_username) as server:
        backend = RocketChatBackend(
            Account("hostile", ServiceKind.ROCKETCHAT, server.url, "u1"), lambda: "tok-odd-2"
        )
        try:
            assert backend.whoami() == "Alice Liddell"
        finally:
            backend.close()
