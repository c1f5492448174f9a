"""The only door to `keyring`. Tokens are stored under service "trayapp", key "<kind>:<account>".

Calls are serialised (concurrent Secret Service access can hang) and never made on the GUI thread
(the Qt layer only reaches this through workers). Each runs on a thread of its own and its caller waits
at most KEYRING_DEADLINE: a Secret Service that never answers gets a clear message, and while such a call
is stuck every other keyring call fails at once instead of queueing behind it. There is no plaintext
fallback: a fail/null or plaintext backend is refused with a message that says how to get a keyring.

A token read once is kept in this process's memory (a SecretStore's own, never on disk), so the requests
that follow make no Secret Service round trip each and do not load the keyring again. A server's refusal
(HTTP 401) drops the kept copy: the next use reads the keyring again, which is how a token replaced
elsewhere (the CLI, another session) is picked up (KeptToken.refused).
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
from trayapp.core.i18n import N_, _
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
        _(
            "The keyring did not answer in {seconds} s; is it unlocked? Unlock it (or answer its "
            "prompt) and try again."
        ).format(seconds=f"{KEYRING_DEADLINE:g}")
    )


_GATE = _Gate()


_KEYRING_HINTS = {
    "darwin": N_(
        "The macOS Keychain should be available; check that you are logged in to a desktop session."
    ),
    "win32": N_(
        "Windows Credential Manager should be available; check that you are logged in to a desktop session."
    ),
}
_LINUX_HINT = N_(
    "Install and start a Secret Service keyring (GNOME Keyring or KWallet) in your desktop session, "
    "e.g. 'sudo apt install gnome-keyring'."
)


def _how_to_get_a_keyring() -> str:
    return _(_KEYRING_HINTS.get(sys.platform, _LINUX_HINT))


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
        self._kept: dict[str, str] = {}  # key -> token read or written by this process
        self._kept_lock = threading.Lock()

    def _keyring(self) -> Any:
        backend = self._backend if self._backend is not None else _default_keyring()
        if _is_refused(backend):
            raise KeyringUnavailable(
                _(
                    "No secure keyring is available to keep your tokens in, and trayapp never stores them "
                    "in plain text. {how}"
                ).format(how=_how_to_get_a_keyring())
            )
        return backend

    def check(self) -> None:
        _GATE.call(self._keyring)

    def get(self, key: str, account_name: str) -> str:
        """The token, from memory after the first read."""
        with self._kept_lock:
            kept = self._kept.get(key)
        if kept is not None:
            return kept
        value = self._call("get_password", SERVICE, key)
        if not value:
            raise AuthError(
                _(
                    "No token is stored in the keyring for '{name}': enter it again in Accounts… → Edit."
                ).format(name=account_name)
            )
        register_secret(str(value))
        with self._kept_lock:
            self._kept[key] = str(value)
        return str(value)

    def set(self, key: str, value: str, platform: str = sys.platform) -> None:
        register_secret(value)
        if platform == "win32" and len(value.encode("utf-16-le")) > CREDENTIAL_MANAGER_MAX_BYTES:
            raise KeyringUnavailable(
                _(
                    "This token is {length} characters long; Windows Credential Manager keeps at most "
                    "{limit} per entry. Check that you pasted only the token (no spaces or lines around "
                    "it), or create a shorter one (a personal access token)."
                ).format(length=len(value), limit=CREDENTIAL_MANAGER_MAX_BYTES // 2)
            )
        with self._kept_lock:
            self._kept.pop(key, None)  # a failed write must not leave the new value looking stored
        self._call("set_password", SERVICE, key, value)
        with self._kept_lock:
            self._kept[key] = value

    def delete(self, key: str) -> None:
        from keyring.errors import PasswordDeleteError

        self.forget(key)
        with contextlib.suppress(PasswordDeleteError):  # already gone: removing is idempotent
            self._call("delete_password", SERVICE, key)

    def forget(self, key: str) -> str | None:
        """Drop the kept copy (the server refused it); returns it. The keyring itself is not touched."""
        with self._kept_lock:
            return self._kept.pop(key, None)

    def getter(self, key: str, account_name: str) -> KeptToken:
        return KeptToken(self, key, account_name)

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
                    _("The keyring unlock prompt was dismissed: unlock it and try again.")
                ) from None
            raise KeyringLocked(
                _(
                    "The keyring is locked: unlock it (log in again, or open your passwords app) "
                    "and try again."
                )
            ) from None
        except (NoKeyringError, InitError):
            raise KeyringUnavailable(
                _("The keyring could not be opened. {how}").format(how=_how_to_get_a_keyring())
            ) from None
        except PasswordDeleteError:
            raise
        except KeyringError as exc:
            raise KeyringUnavailable(refusal_text(str(exc))) from None
        except Exception as exc:  # D-Bus and OS errors from backends: keep the message, never the secret
            raise KeyringUnavailable(
                _("The keyring failed ({error}). {how}").format(
                    error=type(exc).__name__, how=_how_to_get_a_keyring()
                )
            ) from None


def refusal_text(error: str, platform: str | None = None) -> str:
    """The sentence for a keyring that refused (never the backend's text: it may echo what was asked)."""
    platform = sys.platform if platform is None else platform
    if platform == "darwin" and any(code in error for code in _KEYCHAIN_REFUSALS):
        return _(
            "The macOS Keychain refused to give trayapp its token. Open trayapp again and choose "
            "“Always Allow” when the Keychain asks; it asks again after each update of a build that is "
            "not signed with a Developer ID."
        )
    return _("The keyring refused the request. {how}").format(how=_how_to_get_a_keyring())


class KeptToken:
    """A backend's secret getter: the account's token, read from the keyring once and kept in memory."""

    def __init__(self, store: SecretStore, key: str, account_name: str) -> None:
        self._store = store
        self._key = key
        self._account_name = account_name

    def __call__(self) -> str:
        return self._store.get(self._key, self._account_name)

    def refused(self) -> bool:
        """The server answered 401 to the kept token: forget it and read the keyring again. True when the
        keyring now holds another token (replaced elsewhere meanwhile), so the request is worth one more
        try; False when it holds the same one, none, or cannot be read (the refusal stands)."""
        old = self._store.forget(self._key)
        if old is None:
            return False  # not read from memory: it came straight from the keyring, so it is current
        try:
            return self() != old
        except TrayAppError:
            return False

    def __repr__(self) -> str:
        return f"KeptToken({self._key!r})"  # never the token


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
            _(
                "PYTHON_KEYRING_BACKEND is set to '{value}', which is not a keyring this computer can "
                "load ({error}): correct it or unset it."
            ).format(value=chosen[:80], error=type(exc).__name__)
        ) from None
