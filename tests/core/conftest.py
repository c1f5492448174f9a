"""Fixtures of the core tests: a clock the test moves, and a StatusService with the three demo accounts
over real HTTP (a test module may define its own `service`, which then wins)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

import pytest

from trayapp.backends import BACKENDS
from trayapp.core.paths import AppPaths
from trayapp.core.secrets import SecretStore
from trayapp.core.service import StatusService
from trayapp.demo.memory_keyring import MemoryKeyring
from trayapp.demo.profile import demo_accounts
from trayapp.demo.server import DemoServer


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(timezone.utc)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def service(demo: DemoServer, profile: AppPaths, clock: Clock) -> Iterator[StatusService]:
    svc = StatusService(profile, secrets=SecretStore(MemoryKeyring()), backends=BACKENDS, clock=clock)
    for account, secret in demo_accounts(demo):
        svc.add_account(account, secret)
    yield svc
    svc.close()
