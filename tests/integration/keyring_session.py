"""A full CLI session against the demo server, run by test_secret_service.py inside a private D-Bus
session with a real gnome-keyring. Prints one JSON line with what the test checks."""

from __future__ import annotations

import contextlib
import io
import json
import sys

import keyring

from trayapp.cli import main
from trayapp.demo import seed
from trayapp.demo.server import DemoServer


def run(argv: list[str], stdin: str = "") -> dict[str, object]:
    out, err = io.StringIO(), io.StringIO()
    sys.stdin = io.StringIO(stdin)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return {"argv": argv, "code": code, "out": out.getvalue(), "err": err.getvalue()}


def full_session(server: DemoServer) -> list[dict[str, object]]:
    return [
        run(
            [
                "accounts",
                "add",
                "rocketchat",
                "rocket",
                "--url",
                server.rocketchat_url,
                "--user-id",
                seed.RC_ALICE_ID,
                "--token-stdin",
            ],
            seed.RC_ALICE_PAT + "\n",
        ),
        run(
            [
                "accounts",
                "add",
                "rocketchat",
                "bob",
                "--url",
                server.rocketchat_url,
                "--username",
                seed.RC_BOB_USERNAME,
                "--password-stdin",
                "--code",
                seed.RC_BOB_TOTP,
            ],
            seed.RC_BOB_PASSWORD + "\n",
        ),
        run(
            [
                "accounts",
                "add",
                "callbell",
                "callbell",
                "--url",
                server.callbell_url,
                "--user-uuid",
                seed.CB_USER_UUID,
                "--token-stdin",
            ],
            seed.CB_TOKEN + "\n",
        ),
        run(
            [
                "accounts",
                "add",
                "smartsheet",
                "smartsheet",
                "--url",
                server.smartsheet_url,
                "--email",
                seed.SS_USER_EMAIL,
                "--token-stdin",
            ],
            seed.SS_TOKEN + "\n",
        ),
        run(["set", "Lunch", "--message", "back at 2"]),
        run(["set", "--away", "--for", "30m"]),
        run(["status", "--json"]),
        run(["clear"]),
    ]


if __name__ == "__main__":
    mode = sys.argv[1]
    with DemoServer() as server:
        # "status": a later run, e.g. with the keyring locked
        steps = full_session(server) if mode == "session" else [run(["status"])]
    print(json.dumps({"backend": type(keyring.get_keyring()).__module__, "steps": steps}))
