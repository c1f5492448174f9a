"""Run inside a private D-Bus session by test_keyring_deadline.py: a Secret Service that owns
org.freedesktop.secrets and never answers a call, then CLI commands that need the keyring. Prints one JSON
line with each command's exit code and stderr."""

from __future__ import annotations

import contextlib
import io
import json
import sys
import threading

from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

from trayapp.cli import main
from trayapp.core import secrets
from trayapp.demo import seed
from trayapp.demo.server import DemoServer


def silent_secret_service(ready: threading.Event) -> None:
    connection = open_dbus_connection(bus="SESSION")
    connection.send_and_get_reply(message_bus.RequestName("org.freedesktop.secrets"))
    ready.set()
    while True:  # take every call and answer none
        connection.receive()


def run(argv: list[str], stdin: str = "") -> dict[str, object]:
    out, err = io.StringIO(), io.StringIO()
    sys.stdin = io.StringIO(stdin)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return {"argv": argv, "code": code, "out": out.getvalue(), "err": err.getvalue()}


if __name__ == "__main__":
    secrets.KEYRING_DEADLINE = float(sys.argv[1])
    ready = threading.Event()
    threading.Thread(target=silent_secret_service, args=(ready,), daemon=True).start()
    ready.wait(10)
    with DemoServer() as server:
        add = ["accounts", "add", "callbell", "cb", "--url", server.callbell_url]
        add += ["--user-uuid", seed.CB_USER_UUID, "--token-stdin"]
        steps = [run(add, seed.CB_TOKEN + "\n"), run(add, seed.CB_TOKEN + "\n")]
    print(json.dumps({"steps": steps}), flush=True)
