"""Editing an account (the accounts dialog's Save on an existing row): renamed, its token kept, and
what the next start reads."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from trayapp.backends import BACKENDS
from trayapp.core.errors import InputError
from trayapp.core.models import Account, Outcome, ServiceKind
from trayapp.core.paths import AppPaths
from trayapp.core.secrets import SecretStore
from trayapp.core.service import StatusService
from trayapp.demo import seed
from trayapp.demo.memory_keyring import MemoryKeyring
from trayapp.demo.server import DemoServer


@pytest.fixture
def keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def service(profile: AppPaths, keyring: MemoryKeyring) -> Iterator[StatusService]:
    svc = StatusService(profile, secrets=SecretStore(keyring), backends=BACKENDS)
    yield svc
    svc.close()


def _rocket(demo: DemoServer, name: str = "rocket") -> Account:
    return Account(name, ServiceKind.ROCKETCHAT, demo.rocketchat_url, seed.RC_ALICE_ID)


def test_a_renamed_account_keeps_its_token_and_is_there_after_a_restart(
    service: StatusService, demo: DemoServer, profile: AppPaths, keyring: MemoryKeyring
) -> None:
    service.add_account(_rocket(demo), seed.RC_ALICE_PAT)
    service.update_account("rocket", _rocket(demo, " chat "), None)  # spaces typed around the name
    again = StatusService(profile, secrets=SecretStore(keyring), backends=BACKENDS)
    try:
        [chat] = again.accounts()
        assert (chat.name, chat.url, chat.user) == ("chat", demo.rocketchat_url, seed.RC_ALICE_ID)
        [listed] = again.statuses(["chat"], refresh=True)  # the token moved with the account
        assert listed.outcome is Outcome.OK, listed.detail
    finally:
        again.close()


def test_renaming_onto_another_account_is_refused_at_the_name(
    service: StatusService, demo: DemoServer
) -> None:
    service.add_account(_rocket(demo), seed.RC_ALICE_PAT)
    service.add_account(
        Account("callbell", ServiceKind.CALLBELL, demo.callbell_url, seed.CB_USER_UUID), seed.CB_TOKEN
    )
    with pytest.raises(InputError) as taken:
        service.update_account("rocket", _rocket(demo, "callbell"), None)
    assert taken.value.field == "name"
    assert sorted(a.name for a in service.accounts()) == ["callbell", "rocket"]


def test_a_name_another_process_took_meanwhile_is_refused_and_not_added_twice(
    service: StatusService, demo: DemoServer, profile: AppPaths, keyring: MemoryKeyring
) -> None:
    tray = StatusService(profile, secrets=SecretStore(keyring), backends=BACKENDS)  # started before the add
    try:
        tray.accounts()
        service.add_account(_rocket(demo), seed.RC_ALICE_PAT)  # the CLI, meanwhile
        bob = Account("rocket", ServiceKind.CALLBELL, demo.callbell_url, seed.CB_USER_UUID)
        with pytest.raises(InputError) as taken:
            tray.add_account(bob, seed.CB_TOKEN)
        assert taken.value.field == "name"
    finally:
        tray.close()
    again = StatusService(profile, secrets=SecretStore(keyring), backends=BACKENDS)
    try:
        assert [(a.name, a.kind) for a in again.accounts()] == [("rocket", ServiceKind.ROCKETCHAT)]
    finally:
        again.close()
