"""The only door to `keyring`. Tokens are stored under service "trayapp", key "<kind>:<account>".

Calls are serialised (concurrent Secret Service access can hang) and never made on the GUI thread
(the Qt layer only reaches this through workers). Each runs on a thread of its own and its caller waits
at most KEYRING_DEADLINE: a Secret Service that never answers gets a clear message, and while such a call
is stuck every other keyring call fails at once instead of queueing behind it. There is no plaintext
fallback: a fail/null or plaintext backend is refused with a message that says how to get a keyring.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from trayapp.core.errors import AuthError, KeyringLocked, KeyringUnavailable, TrayAppError
from trayapp.core.redaction import register_secret

SERVICE = "trayapp"
KEYRING_DEADLINE = 20.0  # seconds; long enough to type the password into an unlock prompt
# Windows Credential Manager keeps at most CRED_MAX_CREDENTIAL_BLOB_SIZE (5 × 512) bytes per secret,
# and keyring stores it as UTF-16: a longer token fails deep in win32cred with "the stub received bad data".
CREDENTIAL_MANAGER_MAX_BYTES = 2560
# Keychain (Security framework) results that mean "refused", as keyring's macOS backend reports them:
# errSecAuthFailed, errSecInteractionNotAllowed, userCanceledErr.
_KEYCHAIN_REFUSALS = ("-25293", "-25308", "-128")

T = TypeVar("T")


class _Gate:
    """One keyring call at a time, each on its own daemon thread; a caller never waits past the deadline,
    and none waits at all while an earlier call is known to be stuck."""

    def __init__(self) -> None:
        self._running = threading.Lock()  # held by the thread doing the call, until the keyring answers
        self._state = threading.Lock()
        self._stuck = False

    def call(self, fn: Callable[[], T]) -> T:
        deadline = time.monotonic() + KEYRING_DEADLINE
        with self._state:
            if self._stuck:
                raise _not_answering()
        if not self._running.acquire(timeout=KEYRING_DEADLINE):
            raise _not_answering()
        outcome: list[tuple[bool, Any]] = []
        done = threading.Event()

        def run() -> None:
            try:
                outcome.append((True, fn()))
            except BaseException as exc:  # handed to the caller's thread as is
                outcome.append((False, exc))
            finally:
                with self._state:
                    self._stuck = False
                    done.set()
                self._running.release()

        threading.Thread(target=run, daemon=True, name="keyring-call").start()
        if not done.wait(max(0.0, deadline - time.monotonic())):
            with self._state:
                self._stuck = not done.is_set()
            if self._stuck:
                raise _not_answering()
        ok, value = outcome[0]
        if ok:
            return value  # type: ignore[no-any-return]
        raise value


def _not_answering() -> KeyringUnavailable:
    return KeyringUnavailable(
        f"The keyring did not answer in {KEYRING_DEADLINE:g} s; is it unlocked? Unlock it (or answer its "
        "prompt) and try again."
    )


_GATE = _Gate()


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
        backend = self._backend if self._backend is not None else _default_keyring()
        if _is_refused(backend):
            raise KeyringUnavailable(
                "No secure keyring is available to keep your tokens in, and trayapp never stores them "
                f"in plain text. {_how_to_get_a_keyring()}"
            )
        return backend

    def check(self) -> None:
        _GATE.call(self._keyring)

    def get(self, key: str, account_name: str) -> str:
        value = self._call("get_password", SERVICE, key)
        if not value:
            raise AuthError(
                f"No token is stored in the keyring for '{account_name}': enter it again in Accounts… → Edit."
            )
        register_secret(str(value))
        return str(value)

    def set(self, key: str, value: str, platform: str = sys.platform) -> None:
        register_secret(value)
        if platform == "win32" and len(value.encode("utf-16-le")) > CREDENTIAL_MANAGER_MAX_BYTES:
            raise KeyringUnavailable(
                f"This token is {len(value)} characters long; Windows Credential Manager keeps at most "
                f"{CREDENTIAL_MANAGER_MAX_BYTES // 2} per entry. Check that you pasted only the token "
                "(no spaces or lines around it), or create a shorter one (a personal access token)."
            )
        self._call("set_password", SERVICE, key, value)

    def delete(self, key: str) -> None:
        from keyring.errors import PasswordDeleteError

        with contextlib.suppress(PasswordDeleteError):  # already gone: removing is idempotent
            self._call("delete_password", SERVICE, key)

    def _call(self, method: str, *args: str) -> Any:
        from keyring.errors import InitError, KeyringError, NoKeyringError, PasswordDeleteError
        from keyring.errors import KeyringLocked as _Locked

        try:
            return _GATE.call(lambda: getattr(self._keyring(), method)(*args))
        except TrayAppError:
            raise
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
        except KeyringError as exc:
            raise KeyringUnavailable(refusal_text(str(exc))) from None
        except Exception as exc:  # D-Bus and OS errors from backends: keep the message, never the secret
            raise KeyringUnavailable(
                f"The keyring failed ({type(exc).__name__}). {_how_to_get_a_keyring()}"
            ) from None


def refusal_text(error: str, platform: str | None = None) -> str:
    """The sentence for a keyring that refused (never the backend's text: it may echo what was asked)."""
    platform = sys.platform if platform is None else platform
    if platform == "darwin" and any(code in error for code in _KEYCHAIN_REFUSALS):
        return (
            "The macOS Keychain refused to give trayapp its token. Open trayapp again and choose "
            "“Always Allow” when the Keychain asks; it asks again after each update of a build that is "
            "not signed with a Developer ID."
        )
    return f"The keyring refused the request. {_how_to_get_a_keyring()}"


def _default_keyring() -> Any:
    """keyring's own choice; a PYTHON_KEYRING_BACKEND naming something that cannot be loaded here (a typo,
    another platform's backend) is said so instead of crashing."""
    import keyring

    try:
        return keyring.get_keyring()
    except Exception as exc:
        chosen = os.environ.get("PYTHON_KEYRING_BACKEND", "").strip()
        if not chosen:
            raise
        raise KeyringUnavailable(
            f"PYTHON_KEYRING_BACKEND is set to '{chosen[:80]}', which is not a keyring this computer can "
            f"load ({type(exc).__name__}): correct it or unset it."
        ) from None
