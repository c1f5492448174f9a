"""The secret store refuses insecure keyrings and turns keyring failures into clear sentences."""

from __future__ import annotations

from typing import Any

import pytest
from keyring.backends import fail, null
from keyring.errors import KeyringLocked as LibKeyringLocked

from trayapp.backends import BACKENDS
from trayapp.core.errors import AuthError, KeyringLocked, KeyringUnavailable
from trayapp.core.models import AccountResult, ChangeKind, CustomStatus, Outcome, StatusChange
from trayapp.core.paths import AppPaths
from trayapp.core.secrets import SecretStore
from trayapp.core.service import StatusService
from trayapp.demo import seed
from trayapp.demo.memory_keyring import MemoryKeyring
from trayapp.demo.profile import demo_accounts
from trayapp.demo.server import DemoServer


class PlaintextKeyring(MemoryKeyring):
    """Stands in for keyrings.alt's file backend (matched by name, as the real one would be)."""


class LockedKeyring(MemoryKeyring):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def get_password(self, service: str, username: str) -> Any:
        raise LibKeyringLocked(self.text)


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), PlaintextKeyring()])
def test_insecure_backends_are_refused_with_a_way_out(backend: Any) -> None:
    store = SecretStore(backend)
    with pytest.raises(KeyringUnavailable, match="never stores them in plain text") as caught:
        store.set("callbell:work", "s3cret-value")
    assert "keyring" in str(caught.value).lower()
    # A sentence for the user, not keyring's class names ("found Keyring", "PlaintextKeyring").
    assert "found" not in str(caught.value) and "PlaintextKeyring" not in str(caught.value)
    assert "s3cret-value" not in str(caught.value)


def test_round_trip_and_idempotent_delete() -> None:
    store = SecretStore(MemoryKeyring())
    store.set("callbell:work", "s3cret-value")
    assert store.get("callbell:work", "work") == "s3cret-value"
    store.delete("callbell:work")
    store.delete("callbell:work")
    with pytest.raises(AuthError, match="No token is stored in the keyring for 'work'"):
        store.get("callbell:work", "work")


def test_locked_and_dismissed_are_distinct_messages() -> None:
    with pytest.raises(KeyringLocked, match="keyring is locked"):
        SecretStore(LockedKeyring("Failed to unlock the collection!")).get("k", "work")
    with pytest.raises(KeyringLocked, match="prompt was dismissed"):
        SecretStore(LockedKeyring("Prompt dismissed.")).get("k", "work")


# --- tokens kept in memory -----------------------------------------------------------------------


class CountingKeyring(MemoryKeyring):
    """A keyring that counts reads: each one is a Secret Service round trip on a desktop."""

    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.reads += 1
        return super().get_password(service, username)


def _smartsheet(demo: DemoServer, profile: AppPaths, store: SecretStore) -> StatusService:
    account, token = next(pair for pair in demo_accounts(demo) if pair[0].name == "smartsheet")
    service = StatusService(profile, secrets=store, backends=BACKENDS)
    service.add_account(account, token)
    return service


def _outcomes(results: list[AccountResult]) -> list[Outcome]:
    return [r.outcome for r in results]


def test_a_token_is_read_from_the_keyring_once_not_for_every_request(
    demo: DemoServer, profile: AppPaths
) -> None:
    keyring = CountingKeyring()
    service = _smartsheet(demo, profile, SecretStore(keyring))
    try:
        service.refresh()
        service.refresh()
        wfh = StatusChange(ChangeKind.CUSTOM, status=CustomStatus("WFH", "Working from home"))
        assert _outcomes(service.apply(wfh)) == [Outcome.OK]
        assert demo.request_count("smartsheet") >= 3
        assert keyring.reads == 0  # kept from add_account, which stored it
        restarted = StatusService(profile, secrets=SecretStore(keyring), backends=BACKENDS)
        try:
            restarted.refresh()
            restarted.refresh()
        finally:
            restarted.close()
        assert keyring.reads == 1
    finally:
        service.close()


def test_a_refused_token_is_read_again_so_one_replaced_elsewhere_is_used_at_once(
    demo: DemoServer, profile: AppPaths
) -> None:
    keyring = CountingKeyring()
    tray = SecretStore(keyring)
    service = _smartsheet(demo, profile, tray)
    key = service.account("smartsheet").secret_key
    try:
        tray.set(key, "revoked-token")  # what the tray holds: the server refuses it...
        SecretStore(keyring).set(key, seed.SS_TOKEN)  # ...and the user replaced it from a terminal
        assert _outcomes(service.refresh()) == [Outcome.OK]  # the 401 made the tray read the keyring
        assert keyring.reads == 1
        assert not service.snapshot().accounts[0].signed_out
    finally:
        service.close()


def test_a_refused_token_signs_the_account_out_until_it_is_fixed(demo: DemoServer, profile: AppPaths) -> None:
    keyring = CountingKeyring()
    tray = SecretStore(keyring)
    service = _smartsheet(demo, profile, tray)
    key = service.account("smartsheet").secret_key
    try:
        tray.set(key, "revoked-token")
        [result] = service.refresh()
        assert result.outcome is Outcome.FAILED and result.error_kind == "AuthError"
        assert service.snapshot().accounts[0].signed_out
        SecretStore(keyring).set(key, seed.SS_TOKEN)  # fixed from elsewhere
        assert _outcomes(service.refresh()) == [Outcome.OK]
        assert not service.snapshot().accounts[0].signed_out
    finally:
        service.close()
