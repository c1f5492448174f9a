"""Service backends (no Qt). BACKENDS maps each ServiceKind to its backend class."""

from __future__ import annotations

from trayapp.backends.base import BackendFactory, StatusBackend
from trayapp.backends.callbell import CallbellBackend
from trayapp.backends.rocketchat import RocketChatBackend
from trayapp.backends.smartsheet_rm import SmartsheetBackend
from trayapp.core.models import ServiceKind

BACKENDS: dict[ServiceKind, BackendFactory] = {
    ServiceKind.ROCKETCHAT: RocketChatBackend,
    ServiceKind.CALLBELL: CallbellBackend,
    ServiceKind.SMARTSHEET: SmartsheetBackend,
}

__all__ = ["BACKENDS", "StatusBackend"]
