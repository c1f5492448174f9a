"""Service backends (no Qt). BACKENDS maps each ServiceKind to its backend class, loaded on first use.

A backend module loads httpx and TLS (about 45 ms and 10 MiB here). The tray reads what it needs to show
its icon and menu (the cache and each service's capabilities, declared below) without them, and the
first request, on a worker thread after the icon shows, loads them.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from trayapp.core.models import Account, Availability, Capabilities, ServiceKind
from trayapp.core.ports import BackendFactory, SecretGetter, StatusBackend

if TYPE_CHECKING:  # the calendar code loads with the service or the first fetch, not with the backends
    from trayapp.core.auto.calendar import Fetched

CAPABILITIES: dict[ServiceKind, Capabilities] = {
    ServiceKind.ROCKETCHAT: Capabilities(
        availabilities=(Availability.AVAILABLE, Availability.AWAY, Availability.BUSY, Availability.OFFLINE),
        can_create=True,
        create_field="type",
        native_schedule=False,
        supports_message=True,
        max_message=120,  # the server trims and cuts longer messages without a word
        can_edit=True,  # custom-user-status.update / .delete (manage-user-status)
    ),
    ServiceKind.CALLBELL: Capabilities(
        availabilities=(Availability.AVAILABLE, Availability.AWAY),
        can_create=True,
        create_field="emoji",
        native_schedule=False,
        supports_message=False,
    ),
    ServiceKind.SMARTSHEET: Capabilities(
        availabilities=(Availability.AVAILABLE, Availability.AWAY),
        can_create=False,
        create_field=None,
        native_schedule=True,
        supports_message=True,
    ),
}


@dataclass(frozen=True)
class LazyBackend:
    """A backend class named by module and class, imported when the first backend is built."""

    module: str
    name: str
    capabilities: Capabilities

    def load(self) -> BackendFactory:
        factory: BackendFactory = getattr(importlib.import_module(self.module), self.name)
        return factory

    def __call__(self, account: Account, secret: SecretGetter) -> StatusBackend:
        return self.load()(account, secret)


BACKENDS: dict[ServiceKind, LazyBackend] = {
    ServiceKind.ROCKETCHAT: LazyBackend(
        "trayapp.backends.rocketchat", "RocketChatBackend", CAPABILITIES[ServiceKind.ROCKETCHAT]
    ),
    ServiceKind.CALLBELL: LazyBackend(
        "trayapp.backends.callbell", "CallbellBackend", CAPABILITIES[ServiceKind.CALLBELL]
    ),
    ServiceKind.SMARTSHEET: LazyBackend(
        "trayapp.backends.smartsheet_rm", "SmartsheetBackend", CAPABILITIES[ServiceKind.SMARTSHEET]
    ),
}



def fetch_ics(url: str, etag: str = "", last_modified: str = "") -> Fetched:
    """A calendar feed's bytes (trayapp.backends.ics, loaded with httpx on the first feed read)."""
    from trayapp.backends.ics import fetch_ics as fetch

    return fetch(url, etag, last_modified)


__all__ = ["BACKENDS", "CAPABILITIES", "BackendFactory", "LazyBackend", "StatusBackend", "fetch_ics"]
