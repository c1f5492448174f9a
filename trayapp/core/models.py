"""Plain, frozen values that cross every seam (backends, service, CLI, Qt).

Nothing here holds a secret: tokens live in the keyring and are fetched at request time.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from trayapp.core.i18n import N_, _


class ServiceKind(str, enum.Enum):
    ROCKETCHAT = "rocketchat"
    CALLBELL = "callbell"
    SMARTSHEET = "smartsheet"

    @property
    def label(self) -> str:
        return _SERVICE_LABELS[self]


_SERVICE_LABELS = {
    ServiceKind.ROCKETCHAT: "Rocket.Chat",
    ServiceKind.CALLBELL: "Callbell",
    ServiceKind.SMARTSHEET: "Smartsheet RM",
}


class Availability(str, enum.Enum):
    AVAILABLE = "available"
    AWAY = "away"
    BUSY = "busy"
    OFFLINE = "offline"

    @property
    def label(self) -> str:
        """The availability in the user's language ("Away", "Abwesend")."""
        return _(_AVAILABILITY_LABELS[self])


_AVAILABILITY_LABELS = {
    Availability.AVAILABLE: N_("Available"),
    Availability.AWAY: N_("Away"),
    Availability.BUSY: N_("Busy"),
    Availability.OFFLINE: N_("Offline"),
}


@dataclass(frozen=True)
class Account:
    """One connected account. `user` is the service's id for the person (RC user id, Callbell uuid,
    Smartsheet RM numeric user id); `display_user` is what to show (username, e-mail)."""

    name: str
    kind: ServiceKind
    url: str
    user: str
    display_user: str = ""

    @property
    def secret_key(self) -> str:
        return f"{self.kind.value}:{self.name}"


@dataclass(frozen=True)
class Capabilities:
    availabilities: tuple[Availability, ...]
    can_create: bool
    create_field: str | None  # "type" (Rocket.Chat statusType), "emoji" (Callbell) or None
    native_schedule: bool  # the service stores start/end itself (Smartsheet RM)
    supports_message: bool
    max_message: int = 0  # characters of a message the service keeps (0: no known limit)
    can_edit: bool = False  # a custom status can be renamed/retyped and deleted (Rocket.Chat)

    def message_too_long(self, text: str) -> bool:
        """Counted in UTF-16 units, as the JavaScript servers count (an emoji is two)."""
        return self.max_message > 0 and len(text.strip().encode("utf-16-le")) // 2 > self.max_message


def status_label(emoji: str, name: str) -> str:
    """How a status is shown everywhere (CLI, menu, sentences): '🍙 Lunch', or just the name."""
    return f"{emoji} {name}" if emoji and name else name


@dataclass(frozen=True)
class CustomStatus:
    """A status the user can pick. `type` is the Rocket.Chat statusType or the Smartsheet RM code."""

    id: str
    name: str
    type: str = ""
    emoji: str = ""

    @property
    def label(self) -> str:
        return status_label(self.emoji, self.name)


class ChangeKind(str, enum.Enum):
    CUSTOM = "custom"  # apply a custom status (optionally with a message)
    AVAILABILITY = "availability"  # set availability only
    CLEAR = "clear"  # clear custom status and message


@dataclass(frozen=True)
class StatusChange:
    kind: ChangeKind
    status: CustomStatus | None = None
    availability: Availability | None = None
    message: str | None = None
    start: datetime | None = None  # timezone-aware; None = now
    end: datetime | None = None  # timezone-aware; None = open-ended

    def describe(self) -> str:
        if self.kind is ChangeKind.CLEAR:
            return _("clear status")
        if self.kind is ChangeKind.AVAILABILITY and self.availability is not None:
            text = self.availability.label
        elif self.status is not None:
            text = self.status.label
        else:
            text = "?"
        if self.message:
            text += f" ({self.message})"
        return text


@dataclass(frozen=True)
class CurrentStatus:
    """What the service says the status is now (fields the service cannot report are None)."""

    availability: Availability | None = None
    status_id: str | None = None
    status_name: str | None = None
    message: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    emoji: str = ""
    # Rocket.Chat 8.6+: who set what is shown ("manual"; "internal": a call or meeting; "external": an
    # app such as a calendar), "" when the server does not say.
    source: str = ""
    notice: str = ""  # why people do not see what was set ("... shows you offline until ..."), or ""

    @property
    def label(self) -> str:
        """The custom status as shown everywhere ('🍙 Lunch'); '' when none is set."""
        return status_label(self.emoji, self.status_name or "")


class Outcome(str, enum.Enum):
    OK = "ok"
    SKIPPED = "skipped"  # not applicable to this account (no such status, unsupported availability)
    PENDING = "pending"  # not delivered yet (unreachable, rate limited): kept and sent later
    FAILED = "failed"


@dataclass(frozen=True)
class AccountResult:
    """One account's result of a fan-out action; `detail` is a user-facing sentence."""

    account: str
    outcome: Outcome
    detail: str = ""
    error_kind: str = ""  # the TrayAppError class name when FAILED, for the UI to pick a field
    current: CurrentStatus | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.OK


@dataclass(frozen=True)
class AccountView:
    """Everything the tray shows for one account, built without any network request."""

    account: Account
    capabilities: Capabilities
    statuses: tuple[CustomStatus, ...] = ()
    current: CurrentStatus | None = None
    error: str = ""  # the last failure, as a user-facing sentence ("" when the last action worked)
    signed_out: bool = False
    pending: str = ""  # description of a change not yet confirmed by the service
    until: datetime | None = None  # end of the scheduled change in effect now
    active_entry: str = ""  # its schedule id (for "+15 min", "End now")
    active_label: str = ""  # what it set ("Away"), the same on every account of the entry
    next_label: str = ""  # the next scheduled change ("Lunch") ...
    next_at: datetime | None = None  # ... and when it starts
    next_entry: str = ""  # its schedule id (for "Cancel next")
    notice: str = ""  # what the schedule did lately ("'Lunch' ended; the previous status is back.")
    auto_label: str = ""  # what automatic status shows ("Away while locked", "Busy until 15:00 (calendar)")


class OverallState(str, enum.Enum):
    AVAILABLE = "available"
    AWAY = "away"
    BUSY = "busy"
    OFFLINE = "offline"
    ATTENTION = "attention"  # signed out, unreachable, or a pending change


@dataclass(frozen=True)
class Snapshot:
    accounts: tuple[AccountView, ...] = ()
    auto_on: bool = False  # something automatic is set up (lock, idle, a calendar, a repeat)
    auto_paused: bool = False  # ... and the user paused it from the menu
    # "lock", "idle": turned on, but nothing on this system tells it (the menu says so)
    auto_unheard: tuple[str, ...] = ()

    @property
    def overall(self) -> OverallState:
        """The icon's state: attention wins; otherwise the 'least available' account decides."""
        if not self.accounts:
            return OverallState.ATTENTION
        if any(v.error or v.signed_out or v.pending for v in self.accounts):
            return OverallState.ATTENTION
        order = [Availability.OFFLINE, Availability.BUSY, Availability.AWAY, Availability.AVAILABLE]
        known = [v.current.availability for v in self.accounts if v.current and v.current.availability]
        if not known:
            return OverallState.ATTENTION
        return OverallState(min(known, key=order.index).value)
