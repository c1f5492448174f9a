"""`trayapp demo-server`: the embedded demo server in the foreground, with the commands to try it."""

from __future__ import annotations

import argparse

from trayapp.cli.usage import Parser
from trayapp.core.errors import InputError
from trayapp.core.i18n import _


def register(sub: argparse._SubParsersAction[Parser]) -> None:
    demo = sub.add_parser("demo-server", help=_("run the demo server in the foreground"))
    demo.add_argument("--port", type=_port, default=0, help=_("0 picks a free port"))
    demo.set_defaults(func=run)


def _port(text: str) -> int:
    """A TCP port, refused on the command line (exit 2) before any socket is touched."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a port: give a number from 0 to 65535").format(text=text)
        )
    return port


def run(args: argparse.Namespace) -> int:
    from trayapp.demo import seed
    from trayapp.demo.server import serve_forever

    port: int = args.port

    def ready(base_url: str) -> None:
        print(base_url, flush=True)
        print(
            _("Demo accounts (public demo credentials, loopback only):") + "\n"
            f"  echo {seed.RC_ALICE_PAT} | trayapp accounts add rocketchat rocket "
            f"--url {base_url}{seed.ROCKETCHAT_PREFIX} --user-id {seed.RC_ALICE_ID} --token-stdin\n"
            f"  echo {seed.CB_TOKEN} | trayapp accounts add callbell callbell "
            f"--url {base_url}{seed.CALLBELL_PREFIX} --user-uuid {seed.CB_USER_UUID} --token-stdin\n"
            f"  echo {seed.SS_TOKEN} | trayapp accounts add smartsheet smartsheet "
            f"--url {base_url}{seed.SMARTSHEET_PREFIX} --email {seed.SS_USER_EMAIL} --token-stdin\n"
            + _("Press Ctrl+C to stop."),
            flush=True,
        )

    try:
        serve_forever(port, on_ready=ready)
    except OSError as exc:
        raise InputError(
            _("Could not start the demo server on port {port}: {reason}.").format(
                port=port, reason=exc.strerror or exc
            )
        ) from None
    return 0
