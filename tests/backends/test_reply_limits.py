"""Every reply is bounded in size while it streams (on the wire and unpacked) and every request in time
(connect + headers + body), against hostile loopback servers."""

from __future__ import annotations

import gzip
import socket
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator

import httpx
import pytest

from tests.backends.hostile import Hostile, Reply, Request
from trayapp.backends import base
from trayapp.backends.rocketchat import RocketChatBackend
from trayapp.core.errors import BadReply, ServiceUnavailable, TrayAppError
from trayapp.core.models import Account, ServiceKind

MB = 1024 * 1024
GUARD = 20.0  # seconds: far beyond the bounds under test; only a request that never ends reaches it


def _backend(url: str) -> RocketChatBackend:
    return RocketChatBackend(Account("hostile", ServiceKind.ROCKETCHAT, url, "u1"), lambda: "tok-limits-1")


def _head(sock: socket.socket, headers: dict[str, str]) -> None:
    lines = ["HTTP/1.1 200 OK", "Content-Type: application/json", *(f"{k}: {v}" for k, v in headers.items())]
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())


def _finishes(call: Callable[[], object]) -> BaseException | None:
    """Run `call` on a thread; fail the test if it is still running after GUARD seconds (a hang)."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(GUARD)
    assert outcome, f"the request was still running after {GUARD:.0f} s"
    return outcome[0]


def _peak_memory(call: Callable[[], object]) -> tuple[BaseException | None, int]:
    tracemalloc.start()
    try:
        error = _finishes(call)
        return error, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture
def closing() -> Iterator[list[RocketChatBackend]]:
    made: list[RocketChatBackend] = []
    yield made
    for backend in made:
        backend.close()


def test_an_endless_reply_without_length_is_cut_at_the_cap(closing: list[RocketChatBackend]) -> None:
    sent = [0]

    def endless(request: Request, sock: socket.socket) -> None:
        _head(sock, {"Connection": "close"})  # no Content-Length: read until the server closes
        chunk = b" " * 65536
        while sent[0] < 400 * MB:  # "endless" for the old code; stops only to spare the test machine
            sock.sendall(chunk)
            sent[0] += len(chunk)

    with Hostile(endless) as server:
        backend = _backend(server.url)
        closing.append(backend)
        error, peak = _peak_memory(backend.whoami)
    assert isinstance(error, BadReply) and "larger than 5 MB" in str(error)
    assert peak < 40 * MB, f"{peak / MB:.0f} MB held for a reply capped at 5 MB"
    assert sent[0] < 100 * MB  # the client hung up instead of draining the server


def _packed_reply(encoding: str, body: bytes) -> Reply:
    def reply(request: Request, sock: socket.socket) -> None:
        _head(sock, {"Content-Encoding": encoding, "Content-Length": str(len(body))})
        sock.sendall(body)

    return reply


def _bomb(encoding: str, unpacked: int) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS if encoding == "gzip" else zlib.MAX_WBITS)
    zeros = b"0" * MB
    return b"".join(packer.compress(zeros) for _ in range(unpacked // MB)) + packer.flush()


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_a_compression_bomb_is_cut_while_it_unpacks(encoding: str, closing: list[RocketChatBackend]) -> None:
    body = _bomb(encoding, 300 * MB)
    assert len(body) < 2 * MB  # small on the wire, so the Content-Length check alone lets it in

    with Hostile(_packed_reply(encoding, body)) as server:
        backend = _backend(server.url)
        closing.append(backend)
        error, peak = _peak_memory(backend.whoami)
    assert isinstance(error, BadReply) and "larger than 5 MB" in str(error)
    assert peak < 40 * MB, f"{peak / MB:.0f} MB held while unpacking a reply capped at 5 MB"


def test_a_small_gzip_reply_still_reads(closing: list[RocketChatBackend]) -> None:
    body = gzip.compress(b'{"success": true, "_id": "u1", "username": "alice"}')

    with Hostile(_packed_reply("gzip", body)) as server:
        backend = _backend(server.url)
        closing.append(backend)
        assert backend.whoami() == "alice"
        assert server.requests[0].headers["accept-encoding"] == "gzip, deflate"


def test_deflate_without_its_zlib_header_still_reads(closing: list[RocketChatBackend]) -> None:
    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)  # raw deflate, as some servers send it
    body = packer.compress(b'{"success": true, "_id": "u1", "username": "alice"}') + packer.flush()
    with Hostile(_packed_reply("deflate", body)) as server:
        backend = _backend(server.url)
        closing.append(backend)
        assert backend.whoami() == "alice"


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_a_damaged_compressed_reply_is_told(encoding: str, closing: list[RocketChatBackend]) -> None:
    with Hostile(_packed_reply(encoding, b"\x1f\x8b not really packed")) as server:
        backend = _backend(server.url)
        closing.append(backend)
        error = _finishes(backend.whoami)
    assert isinstance(error, BadReply) and str(error) == "Rocket.Chat sent a damaged compressed reply."


def _drip(sock: socket.socket, data: bytes, every: float = 0.2) -> None:
    for byte in data:  # each byte well inside the read timeout, so it never fires
        sock.sendall(bytes([byte]))
        time.sleep(every)


@pytest.mark.parametrize("phase", ["headers", "body"])
def test_a_server_dripping_bytes_hits_the_total_deadline(
    phase: str, monkeypatch: pytest.MonkeyPatch, closing: list[RocketChatBackend]
) -> None:
    monkeypatch.setattr(base, "DEADLINE", 2.0)
    monkeypatch.setattr(base, "TIMEOUT", httpx.Timeout(connect=5.0, read=1.0, write=5.0, pool=5.0))

    def slow(request: Request, sock: socket.socket) -> None:
        if phase == "headers":
            sock.sendall(b"HTTP/1.1 200 OK\r\n")
            _drip(sock, b"X-Slow: " + b"z" * 10_000)
        else:
            _head(sock, {"Content-Length": "100000"})
            _drip(sock, b'{"success": true, "padding": "' + b"z" * 100_000)

    with Hostile(slow) as server:
        backend = _backend(server.url)
        closing.append(backend)
        error = _finishes(backend.whoami)
    assert isinstance(error, ServiceUnavailable) and str(error) == "Rocket.Chat did not answer in time."


def test_the_deadline_is_per_request(
    monkeypatch: pytest.MonkeyPatch, closing: list[RocketChatBackend]
) -> None:
    """A kept-alive connection serving several quick requests in a row is not cut by an earlier one's time."""
    monkeypatch.setattr(base, "DEADLINE", 1.0)

    def quick(request: Request, sock: socket.socket) -> None:
        time.sleep(0.4)
        body = b'{"success": true, "_id": "u1", "username": "alice"}'
        _head(sock, {"Content-Length": str(len(body))})
        sock.sendall(body)

    with Hostile(quick) as server:
        backend = _backend(server.url)
        closing.append(backend)
        for _ in range(4):  # 1.6 s in all, over one connection
            assert backend.whoami() == "alice"


def test_errors_stay_trayapp_errors(closing: list[RocketChatBackend]) -> None:
    def unknown_packing(request: Request, sock: socket.socket) -> None:
        _head(sock, {"Content-Encoding": "br", "Content-Length": "4"})
        sock.sendall(b"\x00\x01\x02\x03")

    with Hostile(unknown_packing) as server:
        backend = _backend(server.url)
        closing.append(backend)
        error = _finishes(backend.whoami)
    assert isinstance(error, TrayAppError) and "packed as 'br'" in str(error)
