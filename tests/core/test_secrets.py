"""The secret store refuses insecure keyrings and turns keyring failures into clear sentences."""

from __future__ import annotations

from typing import Any

import pytest
from keyring.backends import fail, null
from keyring.errors import KeyringLocked as LibKeyringLocked

from trayapp.core.errors import AuthError, KeyringLocked, KeyringUnavailable
from trayapp.core.secrets import SecretStore
from trayapp.demo.memory_keyring import MemoryKeyring


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
