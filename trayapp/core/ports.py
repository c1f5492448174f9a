"""The port the core owns: the interface every service backend implements, and the address rule.

The core names only these; the backends (trayapp.backends) implement them and are handed to
StatusService where the app is assembled (CLI, tray, demo, doctor), so the core never imports them.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from typing import Protocol, runtime_checkable
from urllib.parse import urlsplit

from trayapp.core.errors import InputError
from trayapp.core.i18n import _
from trayapp.core.models import Account, Capabilities, CurrentStatus, CustomStatus, StatusChange

# Returns the secret (token) at request time; raises KeyringUnavailable/KeyringLocked.
SecretGetter = Callable[[], str]


class StatusBackend(Protocol):
    capabilities: Capabilities

    def whoami(self) -> str:
        """Check the credentials; return a human label of the signed-in user."""

    def list_statuses(self) -> list[CustomStatus]:
        """Every custom status, following pagination to the end."""

    def create_status(self, name: str, type: str = "", emoji: str = "") -> CustomStatus: ...

    def update_status(self, status: CustomStatus, name: str, type: str = "") -> CustomStatus:
        """Rename or retype a custom status (capabilities.can_edit); the updated status. Services that
        cannot raise Unsupported with a sentence saying so."""

    def delete_status(self, status: CustomStatus) -> None:
        """Delete a custom status (capabilities.can_edit); Unsupported where the service cannot."""

    def apply(self, change: StatusChange) -> None:
        """Apply a CUSTOM, AVAILABILITY or CLEAR change now."""

    def clear(self) -> None: ...

    def current(self) -> CurrentStatus:
        """What the service says the status is now."""

    def expected_current(self, previous: CurrentStatus | None, change: StatusChange) -> CurrentStatus:
        """What current() should report after apply(change) succeeded, without a request."""

    def restore(self, state: CurrentStatus) -> None:
        """Put back a status read earlier with current() (the end of a scheduled change), in one request."""

    def close(self) -> None: ...


@runtime_checkable
class ConfirmsChanges(Protocol):
    """A backend whose service may show something other than what was just set (Rocket.Chat: a call
    outranks a manual status; no client connected shows offline)."""

    def confirm(self, expected: CurrentStatus) -> CurrentStatus:
        """`expected` (from expected_current) completed with what the service shows now: one read."""


def is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _NO_CREDENTIALS() -> str:
    return _("Put credentials in the token fields, not in the address.")


def check_url(url: str) -> str:
    """Normalise a base URL; https only, except loopback (the demo server, tests). An address carrying a
    user name or password is refused first, and no message ever repeats such an address."""
    url = url.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        credentials = bool(parts.username or parts.password)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number from 0 to 65535
    except ValueError:
        if "@" in url:
            raise InputError(_NO_CREDENTIALS(), field="url") from None
        raise InputError(
            _("'{url}' is not a valid web address (expected https://host/...).").format(url=url), field="url"
        ) from None
    if credentials or "@" in parts.netloc:
        raise InputError(_NO_CREDENTIALS(), field="url")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(
            _("'{url}' is not a web address (expected https://host/...).").format(url=url), field="url"
        )
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise InputError(
            _("'{url}' is not secure: use https:// (plain http is only allowed on this computer).").format(
                url=url
            ),
            field="url",
        )
    return url


class BackendFactory(Protocol):
    """Builds a backend for an account. May also declare `capabilities`, so the core can read them
    without building a backend (that would load httpx and TLS)."""

    def __call__(self, account: Account, secret: SecretGetter) -> StatusBackend: ...
