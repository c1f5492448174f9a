"""The demo server in its own process (so its request handling never competes with the measured process
for the GIL), driven over a multiprocessing pipe: request log, faults."""

from __future__ import annotations

import contextlib
import multiprocessing as mp
from multiprocessing.connection import Connection
from typing import Any


def _serve(conn: Connection) -> None:
    from trayapp.demo.server import DemoServer

    server = DemoServer().start()
    conn.send(server.base_url)
    while True:
        try:
            cmd, *args = conn.recv()
        except EOFError:
            break
        if cmd == "stop":
            break
        if cmd == "count":
            conn.send(len(server.requests))
        elif cmd == "since":
            conn.send([(r.service, r.method, r.path, r.at) for r in server.requests[args[0] :]])
        elif cmd == "fault":
            server.set_fault(*args)
            conn.send(True)
        elif cmd == "clear":
            server.clear_faults()
            conn.send(True)
    server.stop()
    conn.send(True)


class RemoteDemo:
    def __init__(self) -> None:
        ctx = mp.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child,), daemon=True, name="bench-demo-server")
        self._proc.start()
        self.base_url: str = self._conn.recv()

    def _ask(self, *cmd: Any) -> Any:
        self._conn.send(cmd)
        return self._conn.recv()

    def count(self) -> int:
        return int(self._ask("count"))

    def since(self, mark: int) -> list[tuple[str, str, str, float]]:
        return list(self._ask("since", mark))

    def fault(
        self, mode: str, service: str | None = None, count: int | None = None, delay: float = 0.0
    ) -> None:
        self._ask("fault", mode, service, count, delay)

    def clear(self) -> None:
        self._ask("clear")

    def stop(self) -> None:
        with contextlib.suppress(EOFError, BrokenPipeError, OSError):
            self._ask("stop")
        self._proc.join(5)
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(5)

    # what demo_accounts() reads
    @property
    def rocketchat_url(self) -> str:
        from trayapp.demo import seed

        return self.base_url + seed.ROCKETCHAT_PREFIX

    @property
    def callbell_url(self) -> str:
        from trayapp.demo import seed

        return self.base_url + seed.CALLBELL_PREFIX

    @property
    def smartsheet_url(self) -> str:
        from trayapp.demo import seed

        return self.base_url + seed.SMARTSHEET_PREFIX
