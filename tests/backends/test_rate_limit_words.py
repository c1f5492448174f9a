"""What a user reads when a service limits requests: a whole sentence with the right plural, and never
a crash when the server leaves out the header that says when to try again."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator

import pytest

from tests.backends.hostile import Hostile, Reply, Request
from trayapp.backends.rocketchat import RocketChatBackend
from trayapp.core.errors import RateLimited
from trayapp.core.models import Account, ServiceKind


@pytest.fixture
def closing() -> Iterator[list[RocketChatBackend]]:
    made: list[RocketChatBackend] = []
    yield made
    for backend in made:
        backend.close()


def _too_many(body: dict[str, object] | None, headers: dict[str, str]) -> Reply:
    data = b"" if body is None else json.dumps(body).encode()

    def reply(request: Request, sock: socket.socket) -> None:
        lines = [
            "HTTP/1.1 429 Too Many Requests",
            "Content-Type: application/json",
            f"Content-Length: {len(data)}",
            *(f"{k}: {v}" for k, v in headers.items()),
        ]
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + data)

    return reply


def _read_status(url: str, closing: list[RocketChatBackend]) -> RateLimited:
    backend = RocketChatBackend(Account("hostile", ServiceKind.ROCKETCHAT, url, "u1"), lambda: "tok-rate-1")
    closing.append(backend)
    with pytest.raises(RateLimited) as caught:
        backend.current()
    return caught.value


def test_a_429_without_reset_header_says_later(closing: list[RocketChatBackend]) -> None:
    with Hostile(_too_many(None, {})) as server:
        error = _read_status(server.url, closing)
    assert str(error) == "Rocket.Chat is limiting requests from this computer: try again later."
    assert error.retry_after is None


def test_a_429_with_an_empty_reset_header_says_later(closing: list[RocketChatBackend]) -> None:
    with Hostile(_too_many({"success": False, "error": "slow down"}, {"X-RateLimit-Reset": ""})) as server:
        error = _read_status(server.url, closing)
    assert str(error).endswith("try again later.")


@pytest.mark.parametrize(("seconds", "words"), [(1, "in 1 second."), (30, "in 30 seconds.")])
def test_the_wait_is_said_with_the_right_plural(
    seconds: int, words: str, closing: list[RocketChatBackend]
) -> None:
    text = f"Error, too many requests. Please slow down. You must wait {seconds} seconds before trying again."
    with Hostile(_too_many({"success": False, "error": text}, {})) as server:
        error = _read_status(server.url, closing)
    assert str(error).endswith(f"try again {words}"), str(error)
