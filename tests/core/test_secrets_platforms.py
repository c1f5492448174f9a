"""What Windows Credential Manager and the macOS Keychain refuse, said in a sentence a user can act on."""

from __future__ import annotations

from typing import Any

import pytest
from keyring.errors import KeyringError

from trayapp.core.errors import KeyringUnavailable
from trayapp.core.secrets import CREDENTIAL_MANAGER_MAX_BYTES, SecretStore, refusal_text
from trayapp.demo.memory_keyring import MemoryKeyring

KEYCHAIN_DENIED = (
    "Can't get password from keychain: (-25293, 'The user name or passphrase you entered is not correct.')"
)


def test_a_token_too_long_for_credential_manager_is_refused_before_it_is_sent() -> None:
    backend = MemoryKeyring()
    store = SecretStore(backend)
    longest = "t" * (CREDENTIAL_MANAGER_MAX_BYTES // 2)  # 1 280 characters: UTF-16, two bytes each
    store.set("rocketchat:work", longest, platform="win32")
    assert store.get("rocketchat:work", "work") == longest
    with pytest.raises(KeyringUnavailable) as refused:
        store.set("rocketchat:work", longest + "t", platform="win32")
    text = str(refused.value)
    assert text.startswith(
        "This token is 1281 characters long; Windows Credential Manager keeps at most 1280 per entry. "
    )
    assert "Check that you pasted only the token" in text and longest not in text
    assert store.get("rocketchat:work", "work") == longest  # the stored one is kept
    store.set("rocketchat:work", longest + "t", platform="linux")  # Secret Service has no such limit


def test_characters_outside_the_bmp_count_twice_toward_the_limit() -> None:
    store = SecretStore(MemoryKeyring())
    with pytest.raises(KeyringUnavailable, match="is 641 characters long"):
        store.set("callbell:x", "🔑" * 641, platform="win32")  # 641 × 4 bytes in UTF-16 > 2 560


@pytest.mark.parametrize("code", ["-25293", "-25308", "-128"])
def test_a_keychain_refusal_says_always_allow_and_signing(code: str) -> None:
    text = refusal_text(f"Can't get password from keychain: ({code}, 'x')", platform="darwin")
    assert "macOS Keychain refused" in text and "“Always Allow”" in text and "Developer ID" in text


def test_other_refusals_keep_the_generic_sentence_without_the_backends_text() -> None:
    assert refusal_text(KEYCHAIN_DENIED, platform="linux").startswith("The keyring refused the request.")
    assert refusal_text("(-25299, 'duplicate item')", platform="darwin").startswith("The keyring refused")

    class Refusing(MemoryKeyring):
        def get_password(self, service: str, username: str) -> Any:
            raise KeyringError(KEYCHAIN_DENIED)

    with pytest.raises(KeyringUnavailable) as refused:
        SecretStore(Refusing()).get("rocketchat:work", "work")
    assert "passphrase" not in str(refused.value)  # never the backend's own words
