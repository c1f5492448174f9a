"""A StatusService with the three demo accounts, in a per-test profile."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from trayapp.backends import BACKENDS
from trayapp.core.paths import AppPaths
from trayapp.core.secrets import SecretStore
from trayapp.core.service import StatusService
from trayapp.demo.memory_keyring import MemoryKeyring
from trayapp.demo.profile import demo_accounts
from trayapp.demo.server import DemoServer


@pytest.fixture
def service(demo: DemoServer, profile: AppPaths) -> Iterator[StatusService]:
    svc = StatusService(profile, secrets=SecretStore(MemoryKeyring()), backends=BACKENDS)
    for account, secret in demo_accounts(demo):
        svc.add_account(account, secret)
    yield svc
    svc.close()


# The CLI as a user runs it (in-process main()), with the three demo accounts added through it.
from tests.cli.conftest import accounts, cli  # noqa: E402, F401
