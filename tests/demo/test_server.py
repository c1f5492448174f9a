"""The server around the fakes: lifecycle, request log, faults, control endpoints, reset, robustness."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict

import httpx
import pytest

from tests.demo.helpers import ALICE, CAROL, CB, SS
from trayapp.demo import seed
from trayapp.demo.server import DemoServer, RequestRecord, serve_forever


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5) as client:
        yield client


def probes(demo: DemoServer) -> dict[str, tuple[str, dict[str, str]]]:
    """One cheap authenticated GET per service."""
    return {
        "rocketchat": (demo.rocketchat_url + "/api/v1/me", ALICE),
        "callbell": (demo.callbell_url + "/auth/me", CB),
        "smartsheet": (demo.smartsheet_url + "/api/v1/users/1", SS),
    }


def get(http: httpx.Client, demo: DemoServer, service: str) -> httpx.Response:
    url, headers = probes(demo)[service]
    return http.get(url, headers=headers)


# --- lifecycle -----------------------------------------------------------------------------------
def test_urls_use_loopback_and_the_seed_prefixes(demo: DemoServer) -> None:
    assert demo.base_url.startswith("http://127.0.0.1:")
    assert demo.rocketchat_url == demo.base_url + seed.ROCKETCHAT_PREFIX
    assert demo.callbell_url == demo.base_url + seed.CALLBELL_PREFIX
    assert demo.smartsheet_url == demo.base_url + seed.SMARTSHEET_PREFIX


def test_refuses_non_loopback_hosts() -> None:
    with pytest.raises(ValueError):
        DemoServer(host="0.0.0.0")


def test_context_manager_start_stop() -> None:
    server = DemoServer()
    with pytest.raises(RuntimeError):
        _ = server.base_url
    with server as running, httpx.Client() as client:
        assert client.get(running.callbell_url + "/auth/me", headers=CB).status_code == 200
        with pytest.raises(RuntimeError):
            running.start()
    server.stop()  # idempotent


def _start_with_thread() -> tuple[DemoServer, threading.Thread]:
    """A new server and its accepting thread (other tests' servers may be running too)."""
    before = set(threading.enumerate())
    server = DemoServer().start()
    return server, next(t for t in set(threading.enumerate()) - before if t.name == "trayapp-demo-server")


def _wakeups(thread: threading.Thread) -> int:
    """How many times the thread has gone back to sleep after being woken (Linux counts it exactly)."""
    with open(f"/proc/self/task/{thread.native_id}/status") as fh:
        return int(next(ln for ln in fh if ln.startswith("voluntary_ctxt_switches:")).split()[1])


def _settled(thread: threading.Thread) -> int:
    """The thread's count once it has not moved for 0.2 s (a loaded machine may schedule it late)."""
    last = _wakeups(thread)
    for _ in range(50):
        time.sleep(0.2)
        now = _wakeups(thread)
        if now == last:
            return now
        last = now
    raise AssertionError("the server thread never settled")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_an_idle_server_sleeps_until_a_request_comes() -> None:
    # Idle means asleep: `trayapp --demo` runs this server all day, and a server that polls for its
    # stop flag (serve_forever's poll_interval) wakes the machine 1 200 times a minute.
    server, thread = _start_with_thread()
    try:
        with httpx.Client() as client:
            assert client.get(server.callbell_url + "/auth/me", headers=CB).status_code == 200
        before = _settled(thread)  # back in select() after handing the connection to its handler thread
        time.sleep(0.5)
        assert _wakeups(thread) == before
        # ...and it still wakes for the next client.
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as fresh:
            fresh.sendall(b"GET /_demo/requests HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            assert fresh.recv(64).startswith(b"HTTP/1.1 200")
    finally:
        server.stop()


def test_stop_ends_the_server_thread_and_closes_the_port() -> None:
    server, thread = _start_with_thread()
    port = server.port
    with httpx.Client() as client:  # an idle keep-alive connection must not hold the stop up
        assert client.get(server.callbell_url + "/auth/me", headers=CB).status_code == 200
        server.stop()
        assert not thread.is_alive()
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=5).close()


def test_serve_forever_calls_on_ready_and_stops_on_ctrl_c() -> None:
    seen: list[int] = []

    def on_ready(base_url: str) -> None:
        seen.append(httpx.get(base_url + seed.CALLBELL_PREFIX + "/auth/me", headers=CB).status_code)
        raise KeyboardInterrupt

    serve_forever(on_ready=on_ready)
    assert seen == [200]


def test_never_imports_qt() -> None:
    code = "import sys, trayapp.demo.server; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=30)
    assert out.stdout.strip() == "False"


# --- request log ---------------------------------------------------------------------------------
def test_request_log(demo: DemoServer, http: httpx.Client) -> None:
    http.get(demo.rocketchat_url + "/api/v1/custom-user-status.list?count=2", headers=ALICE)
    http.post(demo.callbell_url + "/custom_statuses", headers=CB, json={"name": "X"})
    http.get(demo.base_url + "/_demo/requests")  # control calls are not logged
    records = demo.requests
    assert [r.service for r in records] == ["rocketchat", "callbell"]
    first = records[0]
    assert isinstance(first, RequestRecord)
    assert (first.method, first.path, first.query) == (
        "GET",
        "/rocketchat/api/v1/custom-user-status.list",
        "count=2",
    )
    assert abs(first.at - time.time()) < 5
    assert demo.request_count() == 2
    assert demo.request_count("callbell", "post") == 1
    assert demo.request_count("callbell", "GET") == 0


# --- status faults -------------------------------------------------------------------------------
@pytest.mark.parametrize("service", ["rocketchat", "callbell", "smartsheet"])
@pytest.mark.parametrize("mode", ["401", "403", "404", "500", "502", "503"])
def test_status_faults_use_the_service_shape(
    demo: DemoServer, http: httpx.Client, service: str, mode: str
) -> None:
    demo.set_fault(mode, service, count=1)
    reply = get(http, demo, service)
    assert reply.status_code == int(mode)
    body = reply.json()
    key = {"rocketchat": "success", "callbell": "error", "smartsheet": "message"}[service]
    assert key in body or (mode == "401" and "message" in body)
    assert get(http, demo, service).status_code == 200  # count=1: only one request affected


def test_rc_fault_401_follows_the_version(demo: DemoServer, http: httpx.Client) -> None:
    demo.settings.rc_version = "v6"
    demo.set_fault("401", "rocketchat")
    assert get(http, demo, "rocketchat").json() == {
        "status": "error",
        "message": "You must be logged in to do this.",
    }


def test_rc_429_headers_in_milliseconds_without_retry_after(demo: DemoServer, http: httpx.Client) -> None:
    demo.set_fault("429", "rocketchat", count=1, delay=30)
    reply = get(http, demo, "rocketchat")
    assert reply.status_code == 429 and "Retry-After" not in reply.headers
    reset = int(reply.headers["X-RateLimit-Reset"])
    assert abs(reset - (time.time() + 30) * 1000) < 2000
    assert reply.headers["X-RateLimit-Remaining"] == "0"
    assert "You must wait 30 seconds" in reply.json()["error"]


def test_callbell_429_has_no_headers_unless_the_retry_after_variant(
    demo: DemoServer, http: httpx.Client
) -> None:
    demo.set_fault("429", "callbell", count=1)
    plain = get(http, demo, "callbell")
    assert plain.status_code == 429
    assert not any(h.lower().startswith(("x-ratelimit", "retry-after")) for h in plain.headers)
    demo.set_fault("429_retry_after", "callbell", count=1, delay=3)
    variant = get(http, demo, "callbell")
    assert variant.status_code == 429 and variant.headers["Retry-After"] == "3"


def test_smartsheet_429_headers_in_seconds(demo: DemoServer, http: httpx.Client) -> None:
    demo.set_fault("429", "smartsheet", count=1, delay=30)
    reply = get(http, demo, "smartsheet")
    assert reply.status_code == 429
    assert reply.headers["X-RateLimit-Remaining"] == "0" and int(reply.headers["X-RateLimit-Limit"]) > 0
    assert abs(int(reply.headers["X-RateLimit-Reset"]) - (time.time() + 30)) < 2


# --- fault scoping and order ---------------------------------------------------------------------
def test_faults_match_their_service_and_run_in_order(demo: DemoServer, http: httpx.Client) -> None:
    demo.set_fault("500", "callbell", count=2)
    demo.set_fault("503", "callbell", count=1)
    assert get(http, demo, "rocketchat").status_code == 200
    assert [get(http, demo, "callbell").status_code for _ in range(4)] == [500, 500, 503, 200]


def test_fault_for_all_services_until_cleared(demo: DemoServer, http: httpx.Client) -> None:
    demo.set_fault("502")
    assert {get(http, demo, s).status_code for s in ("rocketchat", "callbell", "smartsheet")} == {502}
    assert get(http, demo, "callbell").status_code == 502
    demo.clear_faults()
    assert get(http, demo, "callbell").status_code == 200


def test_faulted_requests_are_logged_and_do_not_touch_state(demo: DemoServer, http: httpx.Client) -> None:
    demo.set_fault("500", "rocketchat", count=1)
    http.post(demo.rocketchat_url + "/api/v1/users.setStatus", headers=ALICE, json={"status": "busy"})
    assert demo.request_count("rocketchat") == 1
    assert demo.rc_user(seed.RC_ALICE_ID)["status"] == "online"


def test_set_fault_validates(demo: DemoServer) -> None:
    with pytest.raises(ValueError):
        demo.set_fault("418")
    with pytest.raises(ValueError):
        demo.set_fault("500", "slack")
    with pytest.raises(ValueError):
        demo.set_fault("500", count=0)


# --- transport faults ----------------------------------------------------------------------------
def test_slow_answers_normally_after_the_delay(demo: DemoServer, http: httpx.Client) -> None:
    demo.set_fault("slow", "smartsheet", count=1, delay=0.3)
    started = time.monotonic()
    reply = get(http, demo, "smartsheet")
    assert time.monotonic() - started >= 0.3
    assert reply.status_code == 200 and reply.json()["id"] == 1


def test_slow_beyond_the_client_timeout_and_other_requests_go_on(
    demo: DemoServer, http: httpx.Client
) -> None:
    demo.set_fault("slow", "rocketchat", count=1, delay=0.6)
    url, headers = probes(demo)["rocketchat"]
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(url, headers=headers, timeout=0.2)
    started = time.monotonic()
    assert get(http, demo, "callbell").status_code == 200  # the sleeping request holds no lock
    assert time.monotonic() - started < 0.3
    assert get(http, demo, "rocketchat").status_code == 200


def test_reset_closes_without_a_reply(demo: DemoServer, http: httpx.Client) -> None:
    demo.set_fault("reset", "callbell", count=1)
    with pytest.raises(httpx.TransportError):
        get(http, demo, "callbell")
    assert get(http, demo, "callbell").status_code == 200


def test_malformed_html_wrong_shape_and_huge(demo: DemoServer, http: httpx.Client) -> None:
    demo.set_fault("malformed", "rocketchat", count=1)
    malformed = get(http, demo, "rocketchat")
    assert malformed.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        malformed.json()
    demo.set_fault("html", "rocketchat", count=1)
    html = get(http, demo, "rocketchat")
    assert html.status_code == 502 and html.headers["Content-Type"].startswith("text/html")
    assert html.text.lstrip().startswith("<html>")
    demo.set_fault("wrong_shape", "rocketchat", count=1)
    assert get(http, demo, "rocketchat").json() == {"unexpected": True}
    demo.set_fault("huge", "rocketchat", count=1)
    huge = get(http, demo, "rocketchat")
    assert huge.status_code == 200 and len(huge.content) > 5_000_000
    assert isinstance(huge.json(), dict)


# --- control endpoints ---------------------------------------------------------------------------
def test_control_endpoints(demo: DemoServer, http: httpx.Client) -> None:
    control = demo.base_url + "/_demo"
    set_reply = http.post(control + "/faults", json={"mode": "503", "service": "smartsheet", "count": 1})
    assert set_reply.status_code == 200 and set_reply.json()["faults"][0]["mode"] == "503"
    assert get(http, demo, "smartsheet").status_code == 503
    http.post(control + "/faults", json={"mode": "500", "service": "callbell"})
    assert http.post(control + "/faults", json={"mode": "none"}).json()["faults"] == []
    assert get(http, demo, "callbell").status_code == 200
    assert http.post(control + "/faults", json={"mode": "bogus"}).status_code == 400
    assert http.post(control + "/faults", content=b"nope").status_code == 400
    counts = http.get(control + "/requests").json()
    assert counts == {"total": 2, "rocketchat": 0, "callbell": 1, "smartsheet": 1}
    assert http.post(control + "/settings", json={"cb_unique_names": True}).json()["cb_unique_names"] is True
    assert asdict(demo.settings)["cb_unique_names"] is True
    assert http.post(control + "/settings", json={"rc_version": "v9"}).status_code == 400
    assert http.post(control + "/reset").json() == {"ok": True}
    assert asdict(demo.settings)["cb_unique_names"] is False and demo.request_count() == 0


# --- reset ---------------------------------------------------------------------------------------
def test_reset_restores_the_seed(demo: DemoServer, http: httpx.Client) -> None:
    rc, cb, ss = demo.rocketchat_url + "/api/v1", demo.callbell_url, demo.smartsheet_url + "/api/v1"
    http.post(rc + "/users.setStatus", headers=ALICE, json={"status": "busy", "message": "Busy"})
    http.post(rc + "/custom-user-status.create", headers=ALICE, json={"name": "Extra"})
    for _ in range(10):
        http.get(rc + "/me", headers=CAROL)
    http.put(f"{cb}/users/{seed.CB_USER_UUID}/status", headers=CB, json={"available": False})
    http.post(cb + "/custom_statuses", headers=CB, json={"name": "Extra"})
    http.post(f"{ss}/users/{seed.SS_USER_ID}/statuses", headers=SS, json={"status": "SIC"})
    demo.settings.rc_version = "v6"
    demo.set_fault("500")

    demo.reset()

    assert demo.requests == [] and asdict(demo.settings)["rc_version"] == "v8"
    alice = demo.rc_user(seed.RC_ALICE_ID)
    assert (alice["status"], alice["statusText"]) == ("online", "")
    assert len(demo.rc_custom_statuses()) == len(seed.RC_STATUSES)
    assert http.get(rc + "/me", headers=CAROL).status_code == 200  # no fault, fresh rate budget
    assert demo.cb_user_status(seed.CB_USER_UUID) == {"available": True, "custom_status_id": None}
    assert len(demo.cb_custom_statuses()) == len(seed.CB_STATUSES)
    current = demo.ss_current(seed.SS_USER_ID)
    assert current is not None and current["status"] != "SIC"


# --- robustness ----------------------------------------------------------------------------------
GARBAGE = [b"", b"{", b"[]", b"null", b'"text"', b'{"name": 5, "status": [1], "statusType": {}}', b"\xff\xfe"]


@pytest.mark.parametrize("content", GARBAGE)
def test_bad_bodies_get_a_400_in_the_service_shape(
    demo: DemoServer, http: httpx.Client, content: bytes
) -> None:
    targets = [
        (demo.rocketchat_url + "/api/v1/users.setStatus", ALICE, "success"),
        (demo.rocketchat_url + "/api/v1/custom-user-status.create", ALICE, "success"),
        (demo.rocketchat_url + "/api/v1/custom-user-status.update", ALICE, "success"),
        (demo.rocketchat_url + "/api/v1/custom-user-status.delete", ALICE, "success"),
        (demo.callbell_url + "/custom_statuses", CB, "error"),
        (demo.smartsheet_url + f"/api/v1/users/{seed.SS_USER_ID}/statuses", SS, "message"),
    ]
    for url, headers, key in targets:
        reply = http.post(url, headers={**headers, "Content-Type": "application/json"}, content=content)
        assert reply.status_code in (400, 422), (url, reply.status_code, reply.text)
        assert key in reply.json()
    assert get(http, demo, "rocketchat").status_code == 200


def test_unknown_paths_are_404_and_logged(demo: DemoServer, http: httpx.Client) -> None:
    assert http.get(demo.base_url + "/nowhere").status_code == 404
    assert http.get(demo.rocketchat_url + "/api/v1/nothing.here", headers=ALICE).status_code == 404
    assert http.get(demo.callbell_url + "/nothing", headers=CB).status_code == 404
    assert demo.request_count("unknown") == 1


def test_broken_http_gets_a_400_and_the_server_survives(demo: DemoServer, http: httpx.Client) -> None:
    with socket.create_connection(("127.0.0.1", demo.port), timeout=5) as sock:
        sock.sendall(b"POST /callbell/v1/custom_statuses HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n")
        assert sock.recv(100).startswith(b"HTTP/1.1 400")
    assert get(http, demo, "callbell").status_code == 200


def test_concurrent_requests(demo: DemoServer) -> None:
    demo.settings.rc_rate_limit = 0
    results: list[int] = []

    def worker() -> None:
        with httpx.Client(timeout=5) as client:
            for _ in range(10):
                results.append(client.get(demo.rocketchat_url + "/api/v1/me", headers=CAROL).status_code)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [200] * 80
    assert demo.request_count("rocketchat") == 80
