"""The secret store refuses insecure keyrings and turns keyring failures into clear sentences."""

from __future__ import annotations

import secrets
from typing import Any

import pytest
from keyring.backends import fail, null
from keyring.errors import KeyringLocked as LibKeyringLocked

from trayapp.backends import BACKENDS
from trayapp.core.errors import AuthError, KeyringLocked, KeyringUnavailable
from trayapp.core.models import AccountResult, ChangeKind, CustomStatus, Outcome, StatusChange
from trayapp.core.paths import AppPaths
from trayapp.core.redaction import REDACTED, redact
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


def test_without_a_secure_keyring_the_way_out_fits_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(KeyringUnavailable) as linux:
        SecretStore(null.Keyring()).set("callbell:work", "s3cret-value")
    assert "GNOME Keyring or KWallet" in str(linux.value) and "sudo apt install gnome-keyring" in str(
        linux.value
    )
    monkeypatch.setattr("sys.platform", "darwin")
    with pytest.raises(KeyringUnavailable) as mac:
        SecretStore(null.Keyring()).set("callbell:work", "s3cret-value")
    assert "macOS Keychain should be available" in str(mac.value) and "apt" not in str(mac.value)


def test_a_token_refused_while_the_keyring_is_locked_signs_the_account_out(
    demo: DemoServer, profile: AppPaths
) -> None:
    keyring = CountingKeyring()
    tray = SecretStore(keyring)
    service = _smartsheet(demo, profile, tray)
    key = service.account("smartsheet").secret_key
    try:
        tray.set(key, "revoked-token")
        keyring.get_password = LockedKeyring("Failed to unlock the collection!").get_password  # type: ignore[method-assign]
        before = demo.request_count("smartsheet")
        [result] = service.refresh()
        # The refusal stands (the keyring cannot say whether the token was replaced): signed out, with
        # the server's answer, and the request is not sent a second time with the refused token.
        assert result.outcome is Outcome.FAILED and result.error_kind == "AuthError"
        assert service.snapshot().accounts[0].signed_out
        assert demo.request_count("smartsheet") - before == 1
    finally:
        service.close()


def test_a_refusal_of_a_token_read_straight_from_the_keyring_is_not_retried() -> None:
    keyring = CountingKeyring()
    SecretStore(keyring).set("smartsheet:work", "the-token")
    getter = SecretStore(keyring).getter("smartsheet:work", "work")
    # Nothing kept in this process: the refused token came from the keyring just now, so it is current.
    assert getter.refused() is False and keyring.reads == 0
    assert getter() == "the-token" and keyring.reads == 1
    assert getter.refused() is False  # read again: the same token, so the refusal stands
    assert keyring.reads == 2


def test_keyring_refusals_are_whole_sentences() -> None:
    with pytest.raises(KeyringLocked) as locked:
        SecretStore(LockedKeyring("Failed to unlock the collection!")).get("k", "work")
    assert str(locked.value) == (
        "The keyring is locked: unlock it (log in again, or open your passwords app) and try again."
    )
    with pytest.raises(KeyringLocked) as dismissed:
        SecretStore(LockedKeyring("Prompt dismissed.")).get("k", "work")
    assert str(dismissed.value) == "The keyring unlock prompt was dismissed: unlock it and try again."

    class BrokenKeyring(MemoryKeyring):
        def get_password(self, service: str, username: str) -> Any:
            raise OSError("D-Bus connection lost")

    with pytest.raises(KeyringUnavailable) as failed:
        SecretStore(BrokenKeyring()).get("k", "work")
    assert str(failed.value).startswith("The keyring failed (OSError). Install and start a Secret Service")


def test_a_token_the_keyring_did_not_take_is_not_used() -> None:
    class RefusingKeyring(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise OSError("the keyring is read-only")

    keyring = RefusingKeyring()
    MemoryKeyring.set_password(keyring, "trayapp", "callbell:work", "old-token")
    store = SecretStore(keyring)
    assert store.get("callbell:work", "work") == "old-token"
    MemoryKeyring.set_password(keyring, "trayapp", "callbell:work", "replaced-elsewhere")
    with pytest.raises(KeyringUnavailable):
        store.set("callbell:work", "new-token")
    # Neither the new token (the keyring did not take it) nor the copy kept before: the keyring's own.
    assert store.get("callbell:work", "work") == "replaced-elsewhere"


def test_a_keyring_backend_that_cannot_be_loaded_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.typo.Keyring")
    monkeypatch.setattr("keyring.core._keyring_backend", None)  # keyring picks its backend again
    with pytest.raises(KeyringUnavailable) as caught:
        SecretStore().get("callbell:work", "work")
    assert str(caught.value) == (
        "PYTHON_KEYRING_BACKEND is set to 'keyrings.typo.Keyring', which is not a keyring this computer can "
        "load (ModuleNotFoundError): correct it or unset it."
    )


def test_a_token_read_from_the_keyring_is_masked_from_then_on() -> None:
    keyring = MemoryKeyring()
    token = "tok-" + secrets.token_hex(8)
    keyring.set_password("trayapp", "rocketchat:work", token)  # stored by an earlier run
    assert SecretStore(keyring).get("rocketchat:work", "work") == token
    assert redact(f"server echoed {token}") == f"server echoed {REDACTED}"


def test_no_token_stored_says_where_to_enter_it() -> None:
    with pytest.raises(AuthError) as caught:
        SecretStore(MemoryKeyring()).get("callbell:work", "work")
    assert (
        str(caught.value)
        == "No token is stored in the keyring for 'work': enter it again in Accounts… → Edit."
    )


class ChainerBackend(MemoryKeyring):
    """Stands in for keyring's chainer (matched by name): secure only when every member is."""

    def __init__(self, *members: Any) -> None:
        super().__init__()
        self.backends = list(members)


def test_a_chain_of_secure_keyrings_is_used_and_one_with_a_plain_text_member_refused() -> None:
    store = SecretStore(ChainerBackend(MemoryKeyring()))
    store.set("callbell:work", "s3cret-chained")
    assert store.get("callbell:work", "work") == "s3cret-chained"
    for chain in (ChainerBackend(MemoryKeyring(), PlaintextKeyring()), ChainerBackend()):
        with pytest.raises(KeyringUnavailable, match="never stores them in plain text"):
            SecretStore(chain).set("callbell:work", "s3cret-value")
