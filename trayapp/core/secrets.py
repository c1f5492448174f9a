"""The only door to `keyring`. Tokens are stored under service "trayapp", key "<kind>:<account>".

Calls are serialised (concurrent Secret Service access can hang) and never made on the GUI thread
(the Qt layer only reaches this through workers). There is no plaintext fallback: a fail/null or
plaintext backend is refused with a message that says how to get a keyring.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from typing import Any

from trayapp.core.errors import AuthError, KeyringLocked, KeyringUnavailable
from trayapp.core.redaction import register_secret

SERVICE = "trayapp"
_LOCK = threading.RLock()


_KEYRING_HINTS = {
    "darwin": "The macOS Keychain should be available; check that you are logged in to a desktop session.",
    "win32": "Windows Credential Manager should be available; check that you are logged in to a desktop "
    "session.",
}
_LINUX_HINT = (
    "Install and start a Secret Service keyring (GNOME Keyring or KWallet) in your desktop session, "
    "e.g. 'sudo apt install gnome-keyring'."
)


def _how_to_get_a_keyring() -> str:
    return _KEYRING_HINTS.get(sys.platform, _LINUX_HINT)


def _is_refused(backend: Any) -> bool:
    cls = type(backend)
    module, name = cls.__module__, cls.__name__
    if module in ("keyring.backends.fail", "keyring.backends.null"):
        return True
    if "plaintext" in name.lower() or module.startswith("keyrings.alt.file"):
        return True
    if name == "ChainerBackend":
        members = list(getattr(backend, "backends", []))
        return not members or any(_is_refused(b) for b in members)
    return False


class SecretStore:
    def __init__(self, backend: Any | None = None) -> None:
        self._backend = backend  # None: ask keyring lazily (get_keyring() alone costs ~60 ms)

    def _keyring(self) -> Any:
        import keyring

        backend = self._backend if self._backend is not None else keyring.get_keyring()
        if _is_refused(backend):
            raise KeyringUnavailable(
                "No secure keyring is available to keep your tokens in, and trayapp never stores them "
                f"in plain text. {_how_to_get_a_keyring()}"
            )
        return backend

    def check(self) -> None:
        with _LOCK:
            self._keyring()

    def get(self, key: str, account_name: str) -> str:
        with _LOCK:
            value = self._call("get_password", SERVICE, key)
        if not value:
            raise AuthError(
                f"No token is stored in the keyring for '{account_name}': enter it again in Accounts… → Edit."
            )
        register_secret(str(value))
        return str(value)

    def set(self, key: str, value: str) -> None:
        register_secret(value)
        with _LOCK:
            self._call("set_password", SERVICE, key, value)

    def delete(self, key: str) -> None:
        from keyring.errors import PasswordDeleteError

        with _LOCK, contextlib.suppress(PasswordDeleteError):  # already gone: removing is idempotent
            self._call("delete_password", SERVICE, key)

    def _call(self, method: str, *args: str) -> Any:
        from keyring.errors import InitError, KeyringError, NoKeyringError, PasswordDeleteError
        from keyring.errors import KeyringLocked as _Locked

        backend = self._keyring()
        try:
            return getattr(backend, method)(*args)
        except _Locked as exc:
            if "dismiss" in str(exc).lower():
                raise KeyringLocked(
                    "The keyring unlock prompt was dismissed: unlock it and try again."
                ) from None
            raise KeyringLocked(
                "The keyring is locked: unlock it (log in again, or open your passwords app) and try again."
            ) from None
        except (NoKeyringError, InitError):
            raise KeyringUnavailable(f"The keyring could not be opened. {_how_to_get_a_keyring()}") from None
        except PasswordDeleteError:
            raise
        except KeyringError:
            raise KeyringUnavailable(f"The keyring refused the request. {_how_to_get_a_keyring()}") from None
        except Exception as exc:  # D-Bus and OS errors from backends: keep the message, never the secret
            raise KeyringUnavailable(
                f"The keyring failed ({type(exc).__name__}). {_how_to_get_a_keyring()}"
            ) from None
