"""The user's presets and recent changes, as the picker and the menu show them.

Read on a worker (the presets and recents are files under a cross-process lock: the GUI thread never
waits on them) into a `Library`, a plain value; the picker's choices and the menu's entries are built
from it and the snapshot without any I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from trayapp.core.models import AccountView, Snapshot
from trayapp.core.presets import Preset
from trayapp.core.recents import Recent
from trayapp.qt.choices import Choice, ChoiceKind, Part, make_choice
from trayapp.qt.i18n import tr
from trayapp.qt.menu import Shortcut, account_label


@dataclass(frozen=True)
class Library:
    presets: tuple[Preset, ...] = ()
    recents: tuple[Recent, ...] = ()
    remembered: dict[str, tuple[str, ...] | None] = field(default_factory=dict)  # preset key -> accounts
    warnings: tuple[str, ...] = ()


def load_library(service: Any) -> Library:
    """On a worker: the presets (the user's, then the organisation's), the recents, and the accounts
    last chosen for each preset. A service without presets (an old profile, a test fake) has none."""
    store = getattr(service, "presets", None)
    if store is None:
        return Library()
    presets = tuple(store.all())
    recents = tuple(service.recents()) if hasattr(service, "recents") else ()
    remembered = {preset_key(p.name): store.remembered_accounts(p.name) for p in presets}
    return Library(presets, recents, remembered, tuple(getattr(store, "warnings", ()) or ()))


def preset_key(name: str) -> str:
    return f"preset:{name.strip().casefold()}"


def duration_text(minutes: int | None) -> str:
    if minutes is None:
        return ""
    if minutes % (24 * 60) == 0:
        days = minutes // (24 * 60)
        return "1 day" if days == 1 else f"{days} days"
    if minutes % 60 == 0:
        hours = minutes // 60
        return "1 hour" if hours == 1 else f"{hours} hours"
    return f"{minutes} min"


def _labels(snapshot: Snapshot) -> dict[str, AccountView]:
    return {v.account.name: v for v in snapshot.accounts}


def preset_parts(preset: Preset, snapshot: Snapshot) -> list[Part]:
    """What each of the user's accounts gets (its own part, or the one for its kind of service)."""
    parts = []
    for view in snapshot.accounts:
        part = preset.part_for(view.account.name, view.account.kind)
        if part is not None:
            parts.append(Part(view.account.name, part.change()))
    return parts


def preset_detail(preset: Preset, snapshot: Snapshot) -> str:
    """'Rocket.Chat: Lunch · Callbell: Lunch, Away · 1 hour' (the services by name, as people know them)."""
    views = snapshot.accounts
    parts = []
    for view in views:
        part = preset.part_for(view.account.name, view.account.kind)
        if part is None:
            continue
        who = view.account.kind.label
        if sum(1 for v in views if v.account.kind is view.account.kind) > 1:
            who = account_label(view, views)
        parts.append(f"{who}: {part.describe()}")
    when = duration_text(preset.duration_minutes)
    org = [tr("library", "your organisation's")] if preset.system else []
    return " · ".join([*parts, *([when] if when else []), *org])


def preset_choices(library: Library, snapshot: Snapshot) -> list[Choice]:
    out = []
    for preset in library.presets:
        parts = preset_parts(preset, snapshot)
        out.append(
            make_choice(
                ChoiceKind.PRESET,
                preset_key(preset.name),
                preset.label,
                preset_detail(preset, snapshot),
                parts,
                minutes=preset.duration_minutes,
                name=preset.name,
                preset=preset.name,
                extra=(preset,),
            )
        )
    return out


def recent_key(recent: Recent) -> str:
    return f"recent:{recent.label.casefold()}:{','.join(recent.accounts)}:{recent.duration_minutes}"


def recent_choices(library: Library, snapshot: Snapshot) -> list[Choice]:
    views = _labels(snapshot)
    presets = {p.name.casefold(): p for p in library.presets}
    out = []
    for recent in library.recents:
        accounts = [a for a in recent.accounts if a in views]
        if not accounts:
            continue
        preset = presets.get(recent.preset.casefold()) if recent.preset else None
        if recent.preset and preset is None:
            continue  # a preset since removed
        if preset is not None:
            parts = [p for p in preset_parts(preset, snapshot) if p.account in accounts]
            title = preset.label
        elif recent.change is not None:
            parts = [Part(a, recent.change) for a in accounts]
            title = recent.label
        else:
            continue
        where = ", ".join(account_label(views[a], snapshot.accounts) for a in accounts)
        when = duration_text(recent.duration_minutes)
        out.append(
            make_choice(
                ChoiceKind.RECENT,
                recent_key(recent),
                title,
                " · ".join([where, *([when] if when else [])]),
                parts,
                minutes=recent.duration_minutes,
                name=recent.label,
                preset=recent.preset,
                extra=(recent,),
            )
        )
    return out


def library_choices(library: Library, snapshot: Snapshot) -> list[Choice]:
    """Presets first, then the recent changes: what the picker lists above the statuses."""
    return [*preset_choices(library, snapshot), *recent_choices(library, snapshot)]


def shortcut(choice: Choice) -> Shortcut:
    when = duration_text(choice.minutes)
    return Shortcut(choice.key, f"{choice.title}, {when}" if when else choice.title, choice.detail)


def menu_shortcuts(library: Library, snapshot: Snapshot) -> tuple[tuple[Shortcut, ...], tuple[Shortcut, ...]]:
    return (
        tuple(shortcut(c) for c in preset_choices(library, snapshot)),
        tuple(shortcut(c) for c in recent_choices(library, snapshot)[:5]),
    )


def accounts_for(choice: Choice, library: Library) -> list[str]:
    """Where a one-click preset goes: the accounts last chosen for it, else all it has a part for."""
    mine = list(choice.accounts)
    remembered = library.remembered.get(choice.key) if choice.kind is ChoiceKind.PRESET else None
    return [a for a in mine if a in remembered] if remembered is not None else mine


def end_after(minutes: int | None) -> timedelta | None:
    return None if minutes is None else timedelta(minutes=minutes)


def choice_by_key(choices: Sequence[Choice], key: str) -> Choice | None:
    return next((c for c in choices if c.key == key), None)
