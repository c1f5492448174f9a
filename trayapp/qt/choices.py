"""What "Set a status…" offers: every preset, recent change, custom status and availability, as plain
values built from the snapshot (no Qt, no I/O), each with the accounts it can go to and what each gets.

A custom status of the same name on several accounts is one choice ("Lunch" on Rocket.Chat and Callbell):
one intent, applied to every account that has it. The words say what people see, not the services'
field names: "Rocket.Chat shows: Busy", and Smartsheet RM's codes by their meaning.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field

from trayapp.core.models import (
    AccountView,
    Availability,
    ChangeKind,
    CustomStatus,
    ServiceKind,
    Snapshot,
    StatusChange,
)
from trayapp.qt.i18n import N_, tr
from trayapp.qt.menu import account_label
from trayapp.qt.search import fold, search_key

RC_SHOWS = {
    "online": N_("choices", "Available"),
    "away": N_("choices", "Away"),
    "busy": N_("choices", "Busy"),
    "offline": N_("choices", "Offline"),
}


class ChoiceKind(str, enum.Enum):
    PRESET = "preset"
    RECENT = "recent"
    AVAILABILITY = "availability"
    STATUS = "status"
    CREATE = "create"


# What the detail column starts with, where the rest does not say it.
SECTION = {
    ChoiceKind.PRESET: N_("choices", "Preset"),
    ChoiceKind.RECENT: N_("choices", "Recent"),
    ChoiceKind.AVAILABILITY: "",
    ChoiceKind.STATUS: "",
    ChoiceKind.CREATE: "",
}


@dataclass(frozen=True)
class Part:
    """What one account gets."""

    account: str
    change: StatusChange


@dataclass(frozen=True)
class Choice:
    kind: ChoiceKind
    key: str  # stable: what the picker remembers (accounts per preset) and tests name
    title: str  # "🍙 Lunch"
    detail: str  # "Rocket.Chat (alice), Callbell · Rocket.Chat shows: Away"
    parts: tuple[Part, ...] = ()
    minutes: int | None = None  # the default "Clear after" (a preset's or a recent change's duration)
    name: str = ""  # the name without its emoji ("Lunch"; a preset's name is what the presets API takes)
    search: str = ""  # folded text the query is matched against
    title_key: str = ""  # the folded title, for ranking
    name_key: str = ""  # the folded name: when the query is exactly it, nothing new is offered
    preset: str = ""  # the preset it applies (a preset, or a recent one): through the presets API
    extra: tuple[object, ...] = field(default=(), compare=False)  # what the source gave (a recent entry)

    @property
    def accounts(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.account for p in self.parts))

    def statuses(self) -> list[tuple[str, CustomStatus]]:
        """(account, status) of a custom-status choice, for edit and delete."""
        return [(p.account, p.change.status) for p in self.parts if p.change.status is not None]


def make_choice(
    kind: ChoiceKind,
    key: str,
    title: str,
    detail: str,
    parts: Sequence[Part] = (),
    *,
    minutes: int | None = None,
    name: str = "",
    preset: str = "",
    words: str = "",
    extra: tuple[object, ...] = (),
) -> Choice:
    return Choice(
        kind,
        key,
        title,
        detail,
        tuple(parts),
        minutes,
        name,
        search_key(title, words),
        fold(title),
        " ".join(fold(name or title).split()),
        preset,
        extra,
    )


def shows(view: AccountView, status: CustomStatus) -> str:
    """What the service shows besides the text, in the user's words ('Rocket.Chat shows: Busy')."""
    kind = view.account.kind
    if kind is ServiceKind.ROCKETCHAT and status.type in RC_SHOWS:
        return tr("choices", "{service} shows: {availability}").format(
            service=kind.label, availability=tr("choices", RC_SHOWS[status.type])
        )
    return ""


def status_choices(snapshot: Snapshot) -> list[Choice]:
    """One choice per distinct status name, over every account that has it (signed-out ones left out)."""
    views = snapshot.accounts
    groups: dict[str, list[tuple[AccountView, CustomStatus]]] = {}
    for view in views:
        if view.signed_out:
            continue
        for status in view.statuses:
            groups.setdefault(" ".join(fold(status.name).split()), []).append((view, status))
    labels = {v.account.name: account_label(v, views) for v in views}
    out = []
    for group in groups.values():
        # The title with an emoji where one of the accounts has one ("🍙 Lunch").
        first = next((st for _, st in group if st.emoji), group[0][1])
        where = ", ".join(labels[v.account.name] for v, _ in group)
        said = [s for s in (shows(v, st) for v, st in group) if s]
        detail = " · ".join([where, *said[:1]])
        parts = [Part(v.account.name, StatusChange(ChangeKind.CUSTOM, status=st)) for v, st in group]
        key = "status:" + "+".join(f"{v.account.name}/{st.id}" for v, st in group)
        # The service's own words count too: "busy" finds the statuses Rocket.Chat shows as Busy.
        out.append(
            make_choice(ChoiceKind.STATUS, key, first.label, detail, parts, name=first.name, words=detail)
        )
    return out


def availability_choices(snapshot: Snapshot) -> list[Choice]:
    views = snapshot.accounts
    out = []
    for avail in Availability:
        offering = [v for v in views if avail in v.capabilities.availabilities and not v.signed_out]
        if not offering:
            continue
        change = StatusChange(ChangeKind.AVAILABILITY, availability=avail)
        every = len(offering) == len(views)
        if every:
            detail = tr("choices", "every account")
        else:
            detail = tr("choices", "only {accounts}").format(
                accounts=", ".join(account_label(v, views) for v in offering)
            )
        parts = [Part(v.account.name, change) for v in offering]
        key = f"avail:{avail.value}"
        out.append(make_choice(ChoiceKind.AVAILABILITY, key, avail.label, detail, parts, name=avail.label))
    return out


def create_choice(text: str) -> Choice:
    name = " ".join(text.split())
    title = tr("choices", "Create “{name}”…").format(name=name)
    return make_choice(ChoiceKind.CREATE, "create", title, tr("choices", "a new custom status"), name=name)
