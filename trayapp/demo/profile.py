"""`trayapp --demo`: the embedded demo server plus a throwaway profile with one account of each kind.

The profile lives in a temporary folder and uses an in-memory keyring, so a demo never touches the
user's real settings, cache or keyring.

The tray shows its icon first, with DemoStarting behind it, and builds the session on a worker
(start_demo): the server, the keyring and the HTTP stack load behind the icon, not before it."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from trayapp.core.errors import ServiceError
from trayapp.core.models import (
    Account,
    AccountResult,
    Capabilities,
    CustomStatus,
    ServiceKind,
    Snapshot,
    StatusChange,
)
from trayapp.core.paths import AppPaths
from trayapp.core.ports import BackendFactory
from trayapp.demo import seed

if TYPE_CHECKING:
    from trayapp.core.service import StatusService
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
    from trayapp.core.secrets import SecretStore
    from trayapp.core.service import StatusService
    from trayapp.demo.memory_keyring import MemoryKeyring
    from trayapp.demo.server import DemoServer

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


class DemoStarting:
    """The service behind the tray while start_demo() runs on a worker: no accounts yet, and every call
    that would need one is answered with a sentence (the menu offers none of them meanwhile)."""

    settings_warning = ""

    def accounts(self) -> list[Account]:
        return []

    def snapshot(self) -> Snapshot:
        return Snapshot()

    @staticmethod
    def _not_yet() -> NoReturn:
        raise ServiceError("The demo is still starting: try again in a moment.")

    def capabilities(self, account: Account) -> Capabilities:
        self._not_yet()

    def add_account(self, account: Account, secret: str) -> str:
        self._not_yet()

    def update_account(self, old_name: str, account: Account, secret: str | None) -> str:
        self._not_yet()

    def test_connection(self, account: Account, secret: str) -> str:
        self._not_yet()

    def remove_account(self, name: str) -> int:
        self._not_yet()

    def refresh(self, names: Sequence[str] | None = None) -> list[AccountResult]:
        return []

    def create_status(self, account_name: str, name: str, type: str = "", emoji: str = "") -> CustomStatus:
        self._not_yet()

    def apply(self, change: StatusChange, names: Sequence[str] | None = None) -> list[AccountResult]:
        self._not_yet()

    def clear(self, names: Sequence[str] | None = None) -> list[AccountResult]:
        self._not_yet()
