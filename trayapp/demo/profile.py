"""`trayapp --demo`: the embedded demo server plus a throwaway profile with one account of each kind.

The profile lives in a temporary folder and uses an in-memory keyring, so a demo never touches the
user's real settings, cache or keyring."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from trayapp.core.models import Account, ServiceKind
from trayapp.core.paths import AppPaths
from trayapp.core.ports import BackendFactory
from trayapp.core.secrets import SecretStore
from trayapp.core.service import StatusService
from trayapp.demo import seed
from trayapp.demo.memory_keyring import MemoryKeyring
from trayapp.demo.server import DemoServer


@dataclass
class DemoSession:
    server: DemoServer
    paths: AppPaths
    service: StatusService
    root: Path

    def close(self) -> None:
        self.service.close()
        self.server.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def demo_accounts(server: DemoServer) -> list[tuple[Account, str]]:
    return [
        (
            Account(
                "rocket",
                ServiceKind.ROCKETCHAT,
                server.rocketchat_url,
                seed.RC_ALICE_ID,
                seed.RC_ALICE_USERNAME,
            ),
            seed.RC_ALICE_PAT,
        ),
        (
            Account(
                "callbell", ServiceKind.CALLBELL, server.callbell_url, seed.CB_USER_UUID, seed.CB_USER_EMAIL
            ),
            seed.CB_TOKEN,
        ),
        (
            Account(
                "smartsheet",
                ServiceKind.SMARTSHEET,
                server.smartsheet_url,
                str(seed.SS_USER_ID),
                seed.SS_USER_EMAIL,
            ),
            seed.SS_TOKEN,
        ),
    ]


def start_demo(backends: Mapping[ServiceKind, BackendFactory], port: int = 0) -> DemoSession:
    """`backends` as for StatusService: the demo server fakes the services and knows no client."""
    root = Path(tempfile.mkdtemp(prefix="trayapp-demo-"))
    server = DemoServer(port=port).start()
    paths = AppPaths.under(root)
    service = StatusService(paths, secrets=SecretStore(MemoryKeyring()), backends=backends)
    try:
        for account, secret in demo_accounts(server):
            service.add_account(account, secret)
    except BaseException:
        service.close()
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
        raise
    return DemoSession(server=server, paths=paths, service=service, root=root)
