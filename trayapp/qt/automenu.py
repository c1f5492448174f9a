"""The menu's lines about the automatic status: what shows by itself now ("Away while locked", "Busy
until 15:00 (calendar)"), and pausing or resuming it. Kept apart from menu.py, which calls it once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from trayapp.core.models import AccountView, Snapshot


def auto_entries(
    snapshot: Snapshot, actions: Any, label: Callable[[AccountView, Sequence[AccountView]], str]
) -> list[Any]:
    """Nodes for the menu: one disabled line per automatic status showing (naming the accounts unless it
    is on all of them), one per trigger turned on that nothing here can hear ("Away while locked: not
    available on this system"), then "Pause automatic status" or "Resume automatic status"."""
    from trayapp.qt.i18n import tr
    from trayapp.qt.menu import ActionSpec, escape

    if not snapshot.auto_on:
        return []
    views = snapshot.accounts
    toggle = getattr(actions, "toggle_auto_pause", None)
    nodes: list[Any] = []
    groups: dict[str, list[AccountView]] = {}
    for view in views:
        if view.auto_label and not snapshot.auto_paused:
            groups.setdefault(view.auto_label, []).append(view)
    for text, group in groups.items():
        if len(group) < len(views):
            names = ", ".join(label(v, views) for v in group)
            text = tr("Menu", "{what} on {accounts}").format(what=text, accounts=names)
        key = "auto:" + "+".join(v.account.name for v in group)
        nodes.append(ActionSpec(key, escape(text), enabled=False, icon="away"))
    unheard = {
        "lock": tr("Menu", "Away while locked: not available on this system"),
        "idle": tr("Menu", "Away when idle: not available on this system"),
    }
    for what in snapshot.auto_unheard:
        nodes.append(
            ActionSpec(
                f"auto:unheard:{what}",
                unheard[what],
                enabled=False,
                tooltip=tr("Menu", "'trayapp doctor' says what this system offers"),
            )
        )
    if toggle is not None:
        paused = snapshot.auto_paused
        nodes.append(
            ActionSpec(
                "auto:pause",
                tr("Menu", "Resume automatic status") if paused else tr("Menu", "Pause automatic status"),
                lambda: toggle(not paused),
                tooltip=tr("Menu", "Nothing changes by itself while paused; what it set is put back")
                if not paused
                else "",
            )
        )
    return nodes
