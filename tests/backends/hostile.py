"""A hostile HTTP server on loopback: each connection's request is parsed, then a test's function writes
whatever it likes on the raw socket (an echo of the credentials, an endless body, one byte every while).

Used as `with Hostile(reply) as server: ... server.url ...`; stopping never waits for a handler that is
still dripping bytes (its socket is closed under it)."""

from __future__ import annotations

import contextlib
import json
import socket
import socketserver
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    head: bytes  # the raw request line and headers, as sent
    body: bytes = b""


Reply = Callable[[Request, socket.socket], None]


@dataclass
class _State:
    reply: Reply
    tls: ssl.SSLContext | None = None
    requests: list[Request] = field(default_factory=list)
    sockets: list[socket.socket] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _read_request(sock: socket.socket) -> Request | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, path, _ = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0") or 0)
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        rest += chunk
    return Request(method, path, headers, head + b"\r\n\r\n", rest[:length])


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        state = self.server.state
        with state.lock:
            state.sockets.append(self.request)
        try:
            if state.tls is not None:  # a client refusing the certificate ends the handshake here
                self.request = state.tls.wrap_socket(self.request, server_side=True)
            while True:  # keep-alive: several requests may come on one connection
                request = _read_request(self.request)
                if request is None:
                    return
                with state.lock:
                    state.requests.append(request)
                state.reply(request, self.request)
        except OSError:  # the client gave up (what the tests want), or the server stopped
            return
        finally:
            if isinstance(self.request, ssl.SSLSocket):  # socketserver closes only the plain socket
                self.request.close()


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    state: _State


class Hostile:
    def __init__(self, reply: Reply, tls: ssl.SSLContext | None = None) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.state = _State(reply, tls)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True, name="hostile")

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        assert isinstance(host, str)
        return f"{'https' if self._server.state.tls else 'http'}://{host}:{port}"

    @property
    def requests(self) -> list[Request]:
        with self._server.state.lock:
            return list(self._server.state.requests)

    def __enter__(self) -> Hostile:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        with self._server.state.lock:
            for sock in self._server.state.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()


def respond(
    sock: socket.socket, status: int, body: bytes, headers: dict[str, str] | None = None, length: bool = True
) -> None:
    """A complete reply; with length=False no Content-Length is sent and the connection closes after."""
    lines = [f"HTTP/1.1 {status} X"]
    fields = {"Content-Type": "application/json", **(headers or {})}
    if length:
        fields["Content-Length"] = str(len(body))
    else:
        fields["Connection"] = "close"
    lines += [f"{name}: {value}" for name, value in fields.items()]
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
    if not length:
        sock.shutdown(socket.SHUT_WR)


def rocketchat_ok(request: Request, sock: socket.socket) -> None:
    """Just enough of Rocket.Chat for `accounts add` with a personal access token to succeed."""
    if request.path.startswith("/api/v1/me"):
        me = {"success": True, "_id": "u1", "username": "alice", "status": "online"}
        respond(sock, 200, json.dumps(me).encode())
    else:
        respond(sock, 200, json.dumps({"success": True, "statuses": [], "total": 0}).encode())
