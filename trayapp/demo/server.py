"""The demo server: one loopback HTTP server on a daemon thread serving the three fakes under their
path prefixes, with injectable faults and a request log. Stdlib only; never imports Qt.

Idle, it sleeps: its thread blocks in select() until a connection arrives or stop() writes to a wake-up
socket (socketserver's serve_forever() would instead wake every poll_interval to look for a shutdown
request, 1 200 times a minute at the 0.05 s it needs to stop promptly)."""

from __future__ import annotations

import contextlib
import json
import logging
import math
import selectors
import socket
import socketserver
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from trayapp.demo import seed
from trayapp.demo.callbell import CallbellFake
from trayapp.demo.faults import SERVICES, STATUS_MODES, FaultQueue, transport_reply
from trayapp.demo.rocketchat import RocketChatFake
from trayapp.demo.settings import DemoSettings
from trayapp.demo.smartsheet import SmartsheetFake
from trayapp.demo.wire import JSON, FakeService, Reply, Request, json_reply

__all__ = ["DemoServer", "Exchange", "RequestRecord", "serve_forever"]

_log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
CONTROL_PREFIX = "/_demo"
_MAX_BODY = 16 * 1024 * 1024
_DEFAULT_429_WINDOW = 2.0  # seconds; short so clients that wait for the reset keep demos and tests quick


@dataclass(frozen=True)
class RequestRecord:
    service: str  # "rocketchat" | "callbell" | "smartsheet" | "unknown"
    method: str
    path: str  # as sent, prefix included, without the query
    query: str  # raw query string, without "?"
    at: float  # time.time() on arrival


@dataclass(frozen=True)
class Exchange:
    """One request and the reply it got, as they crossed the wire (for the contract tests). Holds the
    request headers, tokens included: kept in memory only, and only while a test records."""

    service: str
    method: str
    path: str  # below the service prefix, e.g. "/api/v1/me"
    query: str  # raw, without "?"
    headers: dict[str, str]  # lower-cased names
    body: bytes
    status: int
    reply_headers: dict[str, str]
    reply_body: bytes
    reply_type: str | None


class DemoServer:
    """All three services on http://127.0.0.1:PORT (port 0 picks a free one at start())."""

    def __init__(self, host: str = LOOPBACK, port: int = 0) -> None:
        if host not in (LOOPBACK, "localhost"):
            raise ValueError("the demo server only binds to loopback (127.0.0.1)")
        self._port = port
        self.settings = DemoSettings()
        self._lock = threading.RLock()  # guards all fake-service state
        self._log_lock = threading.Lock()
        self._log: list[RequestRecord] = []
        self._faults = FaultQueue()
        self._exchanges: list[Exchange] | None = None  # recording is off unless a test turns it on
        self._rc = RocketChatFake(self.settings)
        self._cb = CallbellFake(self.settings)
        self._ss = SmartsheetFake(self.settings)
        self._services: dict[str, FakeService] = {
            "rocketchat": self._rc,
            "callbell": self._cb,
            "smartsheet": self._ss,
        }
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle -----------------------------------------------------------------------------
    def start(self) -> DemoServer:
        if self._httpd is not None:
            raise RuntimeError("the demo server is already running")
        httpd = _HTTPServer((LOOPBACK, self._port), self)
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_until_stopped, name="trayapp-demo-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        httpd, thread = self._httpd, self._thread
        self._httpd = self._thread = None
        if httpd is None:
            return
        httpd.wake_to_stop()
        if thread is not None:
            thread.join(timeout=5)
        httpd.close_connections()  # wake handler threads parked on idle keep-alive connections
        httpd.server_close()

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def reset(self) -> None:
        """Reseed every service, restore default settings, clear faults, the request log and rate limits."""
        with self._lock:
            self.settings.restore_defaults()
            for service in self._services.values():
                service.reset()
        self._faults.clear()
        with self._log_lock:
            self._log.clear()
            self._exchanges = None

    # --- addresses -----------------------------------------------------------------------------
    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("the demo server is not running; call start() first")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def rocketchat_url(self) -> str:
        return self.base_url + seed.ROCKETCHAT_PREFIX

    @property
    def callbell_url(self) -> str:
        return self.base_url + seed.CALLBELL_PREFIX

    @property
    def smartsheet_url(self) -> str:
        return self.base_url + seed.SMARTSHEET_PREFIX

    # --- faults --------------------------------------------------------------------------------
    def set_fault(
        self, mode: str, service: str | None = None, count: int | None = None, delay: float = 0.0
    ) -> None:
        """Queue a fault for the next `count` matching requests (None: until cleared). Faults apply in
        the order set. `delay`: seconds to wait for "slow"; for 429 modes, seconds until the limit resets
        (default 2). Mode "none" clears the faults of `service` (or all)."""
        self._faults.add(mode, service, count, delay)

    def clear_faults(self) -> None:
        self._faults.clear()

    # --- request log ---------------------------------------------------------------------------
    @property
    def requests(self) -> list[RequestRecord]:
        """A snapshot copy, safe to iterate while the server keeps logging."""
        with self._log_lock:
            return list(self._log)

    def request_count(self, service: str | None = None, method: str | None = None) -> int:
        wanted = method.upper() if method else None
        with self._log_lock:
            return sum(
                1
                for r in self._log
                if (service is None or r.service == service) and (wanted is None or r.method == wanted)
            )

    def record(self) -> list[Exchange]:
        """Start recording every exchange (request and reply) into the returned list, which fills as
        requests arrive; reset() and stop_recording() end it."""
        with self._log_lock:
            self._exchanges = []
            return self._exchanges

    def stop_recording(self) -> None:
        with self._log_lock:
            self._exchanges = None

    # --- state readers (copies) ----------------------------------------------------------------
    def rc_user(self, user_id: str) -> dict[str, Any]:
        with self._lock:
            return self._rc.user_snapshot(user_id)

    def rc_claim(
        self, user_id: str, source: str, status: str = "busy", text: str = "", expires_in: float | None = None
    ) -> None:
        """Rocket.Chat 8.6+: the server itself claims the user's status ("internal": a call or meeting,
        outranking a manual status; "external": a calendar, outranked by one)."""
        with self._lock:
            self._rc.claim(user_id, source, status, text, expires_in)

    def rc_end_claim(self, user_id: str, source: str) -> None:
        with self._lock:
            self._rc.end_claim(user_id, source)

    def rc_set_connection(self, user_id: str, connection: str) -> None:
        """ "offline": no Rocket.Chat client of this user is connected (the server then shows offline)."""
        with self._lock:
            self._rc.set_connection(user_id, connection)

    def rc_custom_statuses(self) -> list[dict[str, Any]]:
        with self._lock:
            return self._rc.statuses_snapshot()

    def cb_user_status(self, uuid: str) -> dict[str, Any]:
        with self._lock:
            return self._cb.user_status(uuid)

    def cb_custom_statuses(self) -> list[dict[str, Any]]:
        with self._lock:
            return self._cb.statuses_snapshot()

    def ss_current(self, user_id: int) -> dict[str, Any] | None:
        with self._lock:
            return self._ss.current(user_id)

    def ss_history(self, user_id: int) -> list[dict[str, Any]]:
        with self._lock:
            return self._ss.history(user_id)

    # --- request handling (called on handler threads) ------------------------------------------
    def _route(self, path: str) -> tuple[str, str]:
        """(service, path below its prefix)."""
        prefixes = (
            ("rocketchat", seed.ROCKETCHAT_PREFIX),
            ("callbell", seed.CALLBELL_PREFIX),
            ("smartsheet", seed.SMARTSHEET_PREFIX),
        )
        for service, prefix in prefixes:
            if path == prefix or path.startswith(prefix + "/"):
                return service, path[len(prefix) :] or "/"
        if path.startswith("/api/v1/"):
            # Smartsheet paging links are host-relative ("/api/v1/users?page=2"); serving them here too
            # lets a client either resolve them against the host or append them to the account URL.
            return "smartsheet", path
        return "unknown", path

    def respond(
        self, method: str, target: str, headers: dict[str, str], body: bytes, client_ip: str
    ) -> Reply | None:
        """The reply for one request, or None to reset the connection without answering."""
        reply = self._respond(method, target, headers, body, client_ip)
        with self._log_lock:
            recording = self._exchanges
        split = urlsplit(target)
        if recording is not None and reply is not None and not split.path.startswith(CONTROL_PREFIX):
            service, sub_path = self._route(split.path)
            exchange = Exchange(
                service, method, sub_path, split.query, dict(headers), body,
                reply.status, dict(reply.headers), reply.body, reply.content_type,
            )  # fmt: skip
            with self._log_lock:
                recording.append(exchange)
        return reply

    def _respond(
        self, method: str, target: str, headers: dict[str, str], body: bytes, client_ip: str
    ) -> Reply | None:
        split = urlsplit(target)
        if split.path == CONTROL_PREFIX or split.path.startswith(CONTROL_PREFIX + "/"):
            return self._control(method, split.path, body)
        service_name, sub_path = self._route(split.path)
        with self._log_lock:
            self._log.append(RequestRecord(service_name, method, split.path, split.query, time.time()))
        service = self._services.get(service_name)
        if service is None:
            return json_reply(404, {"error": "not found", "path": split.path})
        fault = self._faults.take(service_name)
        if fault is not None:
            if fault.mode == "reset":
                return None
            if fault.mode == "slow":
                time.sleep(fault.delay)  # outside the state lock: other requests go on meanwhile
            elif fault.mode in STATUS_MODES:
                window = fault.delay or _DEFAULT_429_WINDOW
                retry_after = math.ceil(window) if fault.mode == "429_retry_after" else None
                status = 429 if fault.mode.startswith("429") else int(fault.mode)
                with self._lock:
                    return service.error_reply(status, reset_in=window, retry_after=retry_after)
            else:
                return transport_reply(fault.mode)
        request = Request(
            method=method,
            path=sub_path,
            query=parse_qs(split.query, keep_blank_values=True),
            headers=headers,
            body=body,
            client_ip=client_ip,
        )
        with self._lock:
            try:
                return service.handle(request)
            except Exception:  # a fake's bug must cost one 500, never the server
                _log.exception("demo %s crashed on %s %s", service_name, method, split.path)
                return service.error_reply(500)

    def _control(self, method: str, path: str, body: bytes) -> Reply:
        """Test and manual-trial hooks; never logged and never faulted."""
        action = path[len(CONTROL_PREFIX) :].strip("/")
        try:
            payload: JSON = json.loads(body) if body.strip() else {}
            if not isinstance(payload, dict):
                raise ValueError("body must be a JSON object")
            if action == "faults" and method == "POST":
                delay = payload.get("delay") or 0.0
                count = payload.get("count")
                if not isinstance(delay, (int, float)) or not isinstance(count, (int, type(None))):
                    raise ValueError("count must be an integer or null, delay a number")
                self.set_fault(str(payload.get("mode", "")), payload.get("service"), count, float(delay))
                return json_reply(200, {"ok": True, "faults": [asdict(f) for f in self._faults.active()]})
            if action == "faults" and method == "GET":
                return json_reply(200, {"faults": [asdict(f) for f in self._faults.active()]})
            if action == "requests" and method == "GET":
                counts: JSON = {name: self.request_count(name) for name in SERVICES}
                return json_reply(200, {"total": self.request_count(), **counts})
            if action == "reset" and method == "POST":
                self.reset()
                return json_reply(200, {"ok": True})
            if action == "settings" and method in ("GET", "POST"):
                with self._lock:
                    self.settings.update(payload)
                    return json_reply(200, asdict(self.settings))
        except ValueError as exc:  # includes json.JSONDecodeError
            return json_reply(400, {"error": str(exc)})
        return json_reply(404, {"error": f"no control endpoint {method} {path}"})


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    timeout = 0  # handle_request() after select() said a connection waits: accept it, never block

    def __init__(self, address: tuple[str, int], demo: DemoServer) -> None:
        self.demo = demo
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        self._wake_reader, self._wake_writer = socket.socketpair()
        super().__init__(address, _Handler)

    def serve_until_stopped(self) -> None:
        """Accept connections until wake_to_stop(); in between, sleep in select() with no timeout."""
        with selectors.DefaultSelector() as selector:
            selector.register(self, selectors.EVENT_READ)
            selector.register(self._wake_reader, selectors.EVENT_READ)
            while True:
                ready = selector.select()
                if any(key.fileobj is self._wake_reader for key, _ in ready):
                    return
                self.handle_request()  # accept (never blocks: timeout 0), then a thread per connection

    def wake_to_stop(self) -> None:
        with contextlib.suppress(OSError):
            self._wake_writer.send(b"x")

    def server_close(self) -> None:
        super().server_close()
        self._wake_reader.close()
        self._wake_writer.close()

    def server_bind(self) -> None:
        # HTTPServer.server_bind resolves the host name (socket.getfqdn), which can stall without DNS.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = LOOPBACK, int(self.server_address[1])

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that gave up (timeout, reset) is normal here; anything else is worth a log line.
        _log.debug("demo server connection error from %s", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like the real services behind their proxies
    server_version = "trayapp-demo"
    sys_version = ""
    timeout = 30  # idle keep-alive connections end instead of pinning a thread forever
    disable_nagle_algorithm = True  # headers and body go out as two writes; avoid the 40 ms ACK stall
    server: _HTTPServer

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_PATCH(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the request log lives in DemoServer.requests

    def _serve(self) -> None:
        body = self._read_body()
        if body is None:
            self.close_connection = True
            self._write(json_reply(400, {"error": "unreadable request body"}))
            return
        headers = {key.lower(): value for key, value in self.headers.items()}
        reply = self.server.demo.respond(self.command, self.path, headers, body, self.client_address[0])
        if reply is None:
            self._reset()
        else:
            self._write(reply)

    def _read_body(self) -> bytes | None:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            return self._read_chunked()
        raw = self.headers.get("Content-Length") or "0"
        if not raw.isdigit() or int(raw) > _MAX_BODY:
            return None
        return self.rfile.read(int(raw))

    def _read_chunked(self) -> bytes | None:
        parts: list[bytes] = []
        size_total = 0
        while True:
            line = self.rfile.readline(1024).split(b";")[0].strip()
            try:
                size = int(line, 16)
            except ValueError:
                return None
            if size == 0:
                while self.rfile.readline(1024).strip():  # trailers
                    pass
                return b"".join(parts)
            size_total += size
            if size_total > _MAX_BODY:
                return None
            parts.append(self.rfile.read(size))
            self.rfile.readline(1024)  # CRLF after the chunk

    def _write(self, reply: Reply) -> None:
        try:
            self.send_response(reply.status)
            if reply.content_type and reply.body:
                self.send_header("Content-Type", reply.content_type)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.status != 204:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            if reply.body and reply.status != 204:
                self.wfile.write(reply.body)
        except OSError:
            self.close_connection = True  # the client went away (e.g. gave up on a slow reply)

    def _reset(self) -> None:
        """Abort with a TCP RST and no reply: SO_LINGER 0 makes close() discard instead of FIN."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()


def serve_forever(port: int = 0, on_ready: Callable[[str], None] | None = None) -> None:
    """Run the demo server in the foreground until Ctrl+C (for `trayapp demo-server`)."""
    server = DemoServer(port=port).start()
    try:
        if on_ready is not None:
            on_ready(server.base_url)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
