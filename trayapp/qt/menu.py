"""The tray menu: a plain description built from a Snapshot, and a reconciler that applies it to ONE
persistent QMenu in place.

Why in place: panels read the menu over DBusMenu (AboutToShow, then GetLayout); clearing or replacing a
QMenu while a host holds it loses entries or closes it (vorta #1028, qBittorrent #18250). So every entry
has a stable key; an update changes text, check state, visibility and icons of the existing QActions and
only inserts when something new appears. Entries that disappear are hidden, not deleted. Python keeps a
reference to every QMenu, QAction and QIcon it made (PySide would otherwise let them be collected).

The shape fits GNOME's AppIndicator host, which opens submenus inside the menu (issue 15): with three
accounts and a running timed change the top level has 13 entries, and no submenu more than 20. One line
per account (a submenu with its first statuses), the running change (End now, Keep longer), presets and
recent changes, the availabilities as one exclusive choice (radio items over DBusMenu), "Set a status…"
for everything else (the searchable picker), Clear, and "More" for the rest, Quit last in it, never where
a repeated click on the icon lands.

Every submenu is filled whenever the snapshot changes, never on aboutToShow: most panels read the whole
menu at once (GetLayout(0, -1)) and never send AboutToShow. With the long lists in the picker the whole
menu is about a hundred entries, cheap to reconcile. Plasma reads one level at a time and loads a submenu
on its first hover, after placing it while empty (off-screen, issue 20): our StatusNotifierItem
(trayapp/statusnotifier.py) announces the submenus each time the menu opens, so Plasma loads them first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction, QActionGroup, QIcon
from PySide6.QtWidgets import QMenu, QWidget

from trayapp.core.models import (
    AccountView,
    Availability,
    ChangeKind,
    CurrentStatus,
    CustomStatus,
    Snapshot,
    StatusChange,
)
from trayapp.core.timetext import days_ahead, until_text
from trayapp.qt import icons
from trayapp.qt.automenu import auto_entries
from trayapp.qt.i18n import clock_text, date_text, moment_text, tr, weekday_name

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyle

A = TypeVar("A")

# --------------------------------------------------------------------------------------------- spec


@dataclass
class ActionSpec:
    key: str
    text: str
    on_trigger: Callable[[], None] | None = None
    checkable: bool = False
    checked: bool = False
    enabled: bool = True
    icon: str = ""  # an icons.named_icon name
    tooltip: str = ""
    group: str = ""  # entries of one submenu with the same group are one exclusive choice (radio items)


@dataclass
class SeparatorSpec:
    key: str


@dataclass
class MenuSpec:
    key: str
    text: str
    children: list[Node] = field(default_factory=list)
    enabled: bool = True
    icon: str = ""
    tooltip: str = ""


Node = ActionSpec | SeparatorSpec | MenuSpec

# The most entries of any submenu; longer lists (an account's 1 000 statuses, many presets) are reached
# through "Set a status…", whose search finds them.
SUBMENU_MAX = 20
MENU_STATUSES = 15  # an account's first statuses in its submenu (then "All N statuses…")
MENU_PRESETS = 10  # with the 5 recents and 3 commands, the submenu stays within 20 entries


def escape(text: str) -> str:
    """Literal text for a QAction: a single '&' would become a mnemonic."""
    return text.replace("&", "&&")


# Longest status name shown whole in the menu and the window (~350 px); longer ones are elided and the
# full text goes into the tooltip. A menu is as wide as its widest entry: one 150-character name made
# it ~1075 px wide. Counted in characters, as DBusMenu panels get text, not pixels.
STATUS_CHARS = 48
WHO_CHARS = 32


def elide(text: str, limit: int = STATUS_CHARS) -> str:
    """The text cut to `limit` characters with an ellipsis in the middle of words' run, not mid-emoji."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rstrip()
    space = cut.rfind(" ")
    if space > limit * 2 // 3:  # end on a word when that loses little
        cut = cut[:space]
    return cut.rstrip(" ,;–-") + "…"


# ------------------------------------------------------------------------------------------ labels


def account_label(view: AccountView, views: Sequence[AccountView]) -> str:
    """'Rocket.Chat (alice)': the service, and who, when the user is known or the kind repeats."""
    who = view.account.display_user
    same_kind = sum(1 for v in views if v.account.kind is view.account.kind)
    if not who and same_kind > 1:
        who = view.account.name
    return f"{view.account.kind.label} ({elide(who, WHO_CHARS)})" if who else view.account.kind.label


def format_until(end: datetime, now: datetime) -> str:
    """As a person says it: "until 14:30", "until tomorrow 09:00", "until Friday", "until 24 Dec 09:00"
    (the year only when it differs); an end of day (23:59, what Today and This week end at) drops the
    clock. Times, weekdays and dates as the user's locale writes them; LANG=C reads like the CLI."""
    if QLocale().language() == QLocale.Language.C:
        return until_text(end, now)
    local, local_now = end.astimezone(), now.astimezone()
    days, whole_day = days_ahead(end, now)
    time = clock_text(local)
    if days == 0:
        if whole_day:
            return tr("menu", "until the end of today")
        return tr("menu", "until {time}").format(time=time)
    if days == 1:
        if whole_day:
            return tr("menu", "until tomorrow")
        return tr("menu", "until tomorrow {time}").format(time=time)
    if 1 < days <= 6:
        weekday = weekday_name(local.isoweekday())
        if whole_day:
            return tr("menu", "until {weekday}").format(weekday=weekday)
        return tr("menu", "until {weekday} {time}").format(weekday=weekday, time=time)
    date = date_text(local, with_year=local.year != local_now.year)
    if whole_day:
        return tr("menu", "until {date}").format(date=date)
    return tr("menu", "until {date} {time}").format(date=date, time=time)


def format_at(moment: datetime, now: datetime) -> str:
    return tr("menu", "at {time}").format(time=moment_text(moment, now))


def short_status(current: CurrentStatus | None) -> str:
    """The status's own name, for one-line actions ("End “Lunch” now")."""
    if current is None:
        return tr("menu", "it")
    return elide(
        current.status_name
        or current.message
        or (current.availability.label if current.availability else tr("menu", "it")),
        STATUS_CHARS // 2,
    )


def status_text(current: CurrentStatus | None) -> str:
    if current is None:
        return tr("menu", "status not read yet")
    name = current.label
    avail = current.availability.label if current.availability else ""
    if name and current.message and current.message != current.status_name:
        name = f"{name} – {current.message}"
    elif not name and current.message:
        name = current.message
    if name and avail:
        return f"{name} ({avail.lower()})"
    return name or avail or tr("menu", "no status")


def header_text(
    view: AccountView, views: Sequence[AccountView], now: datetime, limit: int | None = STATUS_CHARS
) -> str:
    """The account's line; the status part elided to `limit` characters (None: whole, for tooltips)."""
    label = account_label(view, views)
    if view.signed_out:
        text = f"{label}: " + tr("menu", "token not accepted")
    else:
        status = status_text(view.current)
        text = f"{label}: {elide(status, limit) if limit else status}"
        end = view.until or (view.current.end if view.current else None)
        if end is not None and end > now:
            text += f", {format_until(end, now)}"
        if view.next_label and view.next_at is not None and view.next_at > now:
            text += "; " + tr("menu", "next: {status} {at}").format(
                status=view.next_label, at=format_at(view.next_at, now)
            )
        if view.current and view.current.notice:
            text += f" — {view.current.notice}"
    if view.pending:
        text += f" → {view.pending}…"
    return text


def error_text(view: AccountView) -> str:
    if view.signed_out:
        # The detail (the backend's sentence) says what to do; this says where.
        detail = view.error or tr("menu", "The service no longer accepts the stored token.")
        return tr("menu", "{problem}. Fix it in Accounts…").format(problem=detail.rstrip("."))
    return view.error


def view_icon(view: AccountView) -> str:
    if view.error or view.signed_out or view.pending:
        return "attention"
    if view.current and view.current.availability:
        return view.current.availability.value
    return "attention"


def tooltip_text(snapshot: Snapshot, now: datetime, title: str = "trayapp", starting: bool = False) -> str:
    if not snapshot.accounts:
        what = tr("menu", "starting the demo…") if starting else tr("menu", "no accounts yet")
        return f"{title}: {what}"
    lines = [title]
    for view in snapshot.accounts:
        line = header_text(view, snapshot.accounts, now)
        if view.error and not view.signed_out:
            line += " ⚠"
        lines.append(line)
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------- durations


def end_of_today(now: datetime) -> datetime:
    local = now.astimezone()
    return datetime.combine(local.date(), datetime.max.time().replace(microsecond=0)).astimezone()


def end_of_week(now: datetime, first_day_of_week: int = 1) -> datetime:
    """End of the last day of the locale's week (ISO weekday numbers: Monday=1 ... Sunday=7)."""
    local = now.astimezone()
    last_day = (first_day_of_week - 2) % 7 + 1
    days = (last_day - local.isoweekday()) % 7
    return end_of_today(local + timedelta(days=days))


# -------------------------------------------------------------------------------------------- build


@dataclass(frozen=True)
class Target:
    """What a status entry applies: one change, to some accounts."""

    change: StatusChange
    names: tuple[str, ...]
    label: str  # for dialogs: "Lunch on Rocket.Chat (alice)"


@dataclass(frozen=True)
class Shortcut:
    """A preset or a recent change in the menu: its picker key, and how it reads ("🍙 Lunch, 1 hour")."""

    key: str
    text: str
    tooltip: str = ""


class MenuActions(Protocol):
    def apply(self, target: Target) -> None: ...
    def apply_shortcut(self, key: str) -> None: ...
    def set_status(self, query: str = "") -> None: ...
    def edit_presets(self) -> None: ...
    def new_preset(self) -> None: ...
    def clear(self) -> None: ...
    def new_status(self) -> None: ...
    def refresh(self, names: Sequence[str] | None = None) -> None: ...
    def accounts(self, name: str | None = None) -> None: ...
    # `accounts`: every account of the scheduled change (the action acts on all of them)
    def end_scheduled(self, accounts: tuple[str, ...], entry_id: str) -> None: ...
    def extend_scheduled(self, accounts: tuple[str, ...], entry_id: str) -> None: ...
    def cancel_scheduled(self, accounts: tuple[str, ...], entry_id: str) -> None: ...
    def toggle_autostart(self, enable: bool) -> None: ...
    def quit(self) -> None: ...


@dataclass(frozen=True)
class MenuState:
    """What the menu shows besides the snapshot."""

    refreshing: bool = False
    autostart: bool | None = None  # None = unknown or not available here
    autostart_note: str = ""  # why it is not available (Flatpak...)
    demo: bool = False
    starting: bool = False  # the demo's server and accounts are being set up behind the icon
    presets: tuple[Shortcut, ...] = ()
    recents: tuple[Shortcut, ...] = ()
    more_presets: bool = False  # more presets than the menu lists: "All presets…" opens the picker


def availability_targets(snapshot: Snapshot) -> list[tuple[Availability, Target, bool]]:
    """(availability, target, checked) for every availability some account supports.

    Checked when every account that offers it (and whose state is known) is in it: after "Busy",
    Rocket.Chat is busy while Callbell, which has no busy, stays available, and "Busy" is checked.
    Accounts that disagree otherwise leave nothing checked."""
    views = snapshot.accounts
    out = []
    for avail in Availability:
        offering = [v for v in views if avail in v.capabilities.availabilities]
        if not offering:
            continue
        known = [v.current.availability for v in offering if v.current and v.current.availability]
        change = StatusChange(ChangeKind.AVAILABILITY, availability=avail)
        target = Target(change, tuple(v.account.name for v in offering), avail.label)
        out.append((avail, target, bool(known) and all(a is avail for a in known)))
    return out


def is_current(view: AccountView, status: CustomStatus) -> bool:
    cur = view.current
    if cur is None:
        return False
    if cur.status_id:
        return cur.status_id == status.id
    return bool(cur.status_name) and cur.status_name == status.name


def status_target(view: AccountView, status: CustomStatus, account: str) -> Target:
    """`account` is the account_label, computed once per account: menus may list 1 000 statuses."""
    change = StatusChange(ChangeKind.CUSTOM, status=status)
    label = tr("menu", "{status} on {account}").format(status=status.label, account=account)
    return Target(change, (view.account.name,), label)


def _account_entries(view: AccountView, views: Sequence[AccountView], actions: MenuActions) -> list[Node]:
    """The account's first statuses (its current one always among them), one exclusive choice; the rest
    through the picker."""
    account = account_label(view, views)
    name = view.account.name
    shown = list(view.statuses[:MENU_STATUSES])
    current = next((s for s in view.statuses[MENU_STATUSES:] if is_current(view, s)), None)
    if current is not None:
        shown[-1] = current
    nodes: list[Node] = [
        ActionSpec(
            f"st:{name}:{s.id}",
            escape(elide(s.label)),
            _bind(actions.apply, status_target(view, s, account)),
            checkable=True,
            checked=is_current(view, s),
            tooltip=s.label if len(s.label) > STATUS_CHARS else "",
            group=f"st:{name}",
        )
        for s in shown
    ]
    if len(view.statuses) > len(shown):
        count = len(view.statuses)
        nodes.append(SeparatorSpec(f"st:{name}:sep"))
        nodes.append(
            ActionSpec(
                f"st:{name}:all",
                escape(tr("menu", "All statuses ({count})…").format(count=count)),
                _bind(actions.set_status, account),
                tooltip=tr("menu", "Search them in Set a status…"),
            )
        )
    return nodes


def _bind(fn: Callable[[A], None], arg: A) -> Callable[[], None]:
    return lambda: fn(arg)


def _bind2(fn: Callable[[tuple[str, ...], str], None], a: tuple[str, ...], b: str) -> Callable[[], None]:
    return lambda: fn(a, b)


def _labelled(texts: list[tuple[str, list[AccountView]]], views: Sequence[AccountView]) -> list[str]:
    """Texts that would read the same on two lines get the accounts they are about."""
    seen = [text for text, _ in texts]
    return [
        tr("menu", "{what} on {accounts}").format(
            what=text, accounts=", ".join(account_label(v, views) for v in group)
        )
        if seen.count(text) > 1
        else text
        for text, group in texts
    ]


def _notice_entries(views: Sequence[AccountView]) -> list[Node]:
    """What the schedule did, once per sentence however many accounts it concerns (notifications may
    not show on every desktop); the accounts are named unless it concerns all of them."""
    groups: dict[str, list[AccountView]] = {}
    for view in views:
        if view.notice:
            groups.setdefault(view.notice, []).append(view)
    nodes: list[Node] = []
    for text, group in groups.items():
        if len(group) < len(views):
            text = f"{', '.join(account_label(v, views) for v in group)}: {text}"
        key = "note:" + "+".join(v.account.name for v in group)
        nodes.append(ActionSpec(key, escape(text), enabled=False))
    return nodes


def _timed_entries(views: Sequence[AccountView], actions: MenuActions, at: datetime) -> list[Node]:
    """One line per scheduled change, however many accounts it covers: a running one opens "End now" and
    "Keep 15 min longer", which act on all its accounts; one still to come is cancelled in one click.
    A change is left out while a change to one of its accounts is on its way (that may replace it)."""
    running: dict[str, list[AccountView]] = {}
    coming: dict[str, list[AccountView]] = {}
    for view in views:
        if view.active_entry:
            running.setdefault(view.active_entry, []).append(view)
        if view.next_entry and view.next_at is not None and view.next_at > at:
            coming.setdefault(view.next_entry, []).append(view)
    running = {k: g for k, g in running.items() if not any(v.pending for v in g)}
    coming = {k: g for k, g in coming.items() if not any(v.pending for v in g)}
    return _running_entries(running, views, actions, at) + _coming_entries(coming, views, actions, at)


def _running_entries(
    groups: dict[str, list[AccountView]], views: Sequence[AccountView], actions: MenuActions, at: datetime
) -> list[Node]:
    texts = []
    for group in groups.values():
        first = group[0]
        what = first.active_label or short_status(first.current)
        until = f" {format_until(first.until, at)}" if first.until is not None else ""
        texts.append((f"“{what}”{until}", group))
    nodes: list[Node] = []
    for (entry_id, group), text in zip(groups.items(), _labelled(texts, views), strict=True):
        names = tuple(v.account.name for v in group)
        children: list[Node] = [
            ActionSpec(
                f"timed:{entry_id}:end",
                tr("menu", "End now"),
                _bind2(actions.end_scheduled, names, entry_id),
                tooltip=tr("menu", "Put back the status from before it"),
            )
        ]
        if group[0].until is not None:
            extend = _bind2(actions.extend_scheduled, names, entry_id)
            longer = tr("menu", "Keep %n min longer", None, 15)
            children.append(ActionSpec(f"timed:{entry_id}:extend", longer, extend))
        nodes.append(MenuSpec(f"timed:{entry_id}", escape(text), children))
    return nodes


def _coming_entries(
    groups: dict[str, list[AccountView]], views: Sequence[AccountView], actions: MenuActions, at: datetime
) -> list[Node]:
    texts = [
        (
            tr("menu", "Cancel “{status}” {at}").format(
                status=g[0].next_label, at=format_at(g[0].next_at or at, at)
            ),
            g,
        )
        for g in groups.values()
    ]
    nodes: list[Node] = []
    for (entry_id, group), text in zip(groups.items(), _labelled(texts, views), strict=True):
        cancel = _bind2(actions.cancel_scheduled, tuple(v.account.name for v in group), entry_id)
        nodes.append(ActionSpec(f"cancel:{entry_id}", escape(text), cancel))
    return nodes


def _shortcut_entries(
    prefix: str, shortcuts: Sequence[Shortcut], actions: MenuActions, tail: list[Node]
) -> list[Node]:
    nodes: list[Node] = [
        ActionSpec(
            f"{prefix}:{s.key}",
            escape(elide(s.text)),
            _bind(actions.apply_shortcut, s.key),
            tooltip=s.tooltip,
        )
        for s in shortcuts
    ]
    if tail:
        if nodes:
            nodes.append(SeparatorSpec(f"{prefix}:sep"))
        nodes.extend(tail)
    return nodes


def build_menu(
    snapshot: Snapshot, state: MenuState, actions: MenuActions, now: Callable[[], datetime]
) -> list[Node]:
    views = snapshot.accounts
    at = now()
    nodes: list[Node] = []

    # One line per account (status, until): a submenu of its first statuses, and its error line under it.
    if not views and state.starting:
        nodes.append(ActionSpec("hdr:starting", tr("menu", "Starting the demo…"), enabled=False))
    elif not views:
        nodes.append(ActionSpec("hdr:none", tr("menu", "No accounts yet"), enabled=False, icon="attention"))
        nodes.append(ActionSpec("hdr:add", tr("menu", "Add an account…"), lambda: actions.accounts()))
    for view in views:
        name = view.account.name
        line, whole = header_text(view, views, at), header_text(view, views, at, limit=None)
        tip = whole if whole != line else ""
        if view.statuses and not view.signed_out:
            children = _account_entries(view, views, actions)
            nodes.append(MenuSpec(f"hdr:{name}", escape(line), children, icon=view_icon(view), tooltip=tip))
        else:
            nodes.append(
                ActionSpec(f"hdr:{name}", escape(line), enabled=False, icon=view_icon(view), tooltip=tip)
            )
        err = error_text(view)
        if err:
            if view.signed_out:
                retry = _bind(actions.accounts, name)
                tip = tr("menu", "Open Accounts to enter a new token")
            else:
                retry = _bind(actions.refresh, [name])
                tip = tr("menu", "Try again now")
            nodes.append(ActionSpec(f"err:{name}", escape(err), retry, icon="attention", tooltip=tip))
    nodes.extend(_notice_entries(views))
    # A change with an end, or one waiting to start: end, extend or cancel it from here.
    nodes.extend(_timed_entries(views, actions, at))
    nodes.extend(auto_entries(snapshot, actions, account_label))  # automatic status (qt/automenu.py)

    # Presets and recent changes, in one submenu (recent first): one click applies one to its accounts,
    # for its duration. One entry, not two: GNOME's AppIndicator host opens submenus inside the menu, so
    # every top-level line is height a submenu cannot use at 1280×800.
    if views:
        nodes.append(SeparatorSpec("sep:presets"))
        tail: list[Node] = [ActionSpec("presets:new", tr("menu", "New preset…"), actions.new_preset)]
        if state.presets:
            tail.append(ActionSpec("presets:edit", tr("menu", "Edit presets…"), actions.edit_presets))
        if state.more_presets:
            everything = ActionSpec("presets:all", tr("menu", "All presets…"), lambda: actions.set_status(""))
            tail.insert(0, everything)
        presets = _shortcut_entries("preset", state.presets[:MENU_PRESETS], actions, tail)
        shown = {p.text for p in state.presets[:MENU_PRESETS]}  # a preset just used is also a recent
        fresh = [r for r in state.recents if r.text not in shown][:5]
        recents = _shortcut_entries("recent", fresh, actions, [])
        if recents:
            recents.append(SeparatorSpec("recent:end"))
        nodes.append(MenuSpec("presets", tr("menu", "Presets and recent"), [*recents, *presets]))

    # Availability: one exclusive choice (radio items), applied to every account that has it.
    avail = availability_targets(snapshot)
    if avail:
        nodes.append(SeparatorSpec("sep:avail"))
    for a, target, checked in avail:
        # No icon on checkable entries: Qt's own menu style draws the icon instead of the check mark.
        nodes.append(
            ActionSpec(
                f"avail:{a.value}",
                a.label,
                _bind(actions.apply, target),
                checkable=True,
                checked=checked,
                tooltip=_supported_tip(a, target, views),
                group="avail",
            )
        )

    if views:  # with the availabilities: no separator (GNOME counts every pixel, see above)
        nodes.append(ActionSpec("set", tr("menu", "Set a status…"), lambda: actions.set_status("")))
        nodes.append(ActionSpec("clear", tr("menu", "Clear status"), actions.clear))

    nodes.append(SeparatorSpec("sep:more"))
    nodes.append(MenuSpec("more", tr("menu", "More"), _more_entries(views, state, actions)))
    return nodes


def _more_entries(views: Sequence[AccountView], state: MenuState, actions: MenuActions) -> list[Node]:
    can_create = any(v.capabilities.can_create or v.statuses for v in views)
    demo: list[Node] = []
    if state.demo:  # the icon's tooltip says "(demo)" too
        demo = [
            ActionSpec("hdr:demo", tr("menu", "Demo mode: nothing leaves this computer"), enabled=False),
        ]
    return [
        *demo,
        ActionSpec("new", tr("menu", "New status…"), actions.new_status, enabled=bool(views) and can_create),
        ActionSpec(
            "refresh",
            tr("menu", "Refreshing…") if state.refreshing else tr("menu", "Refresh"),
            lambda: actions.refresh(None),
            enabled=bool(views) and not state.refreshing,
        ),
        ActionSpec("accounts", tr("menu", "Accounts…"), lambda: actions.accounts()),
        SeparatorSpec("sep:app"),
        ActionSpec(
            "autostart",
            tr("menu", "Launch at login"),
            lambda: actions.toggle_autostart(not state.autostart),
            checkable=True,
            checked=bool(state.autostart),
            enabled=state.autostart is not None and not state.demo,
            tooltip=state.autostart_note or (tr("menu", "Not in demo mode") if state.demo else ""),
        ),
        ActionSpec("quit", tr("menu", "Quit"), actions.quit),  # last, in a submenu: never under a click
    ]


def _supported_tip(a: Availability, target: Target, views: Sequence[AccountView]) -> str:
    missing = [account_label(v, views) for v in views if v.account.name not in target.names]
    if not missing:
        return ""
    return tr("menu", "{availability} is not offered by {accounts}").format(
        availability=a.label, accounts=", ".join(missing)
    )


def entry_count(nodes: Sequence[Node]) -> int:
    """Entries a user sees at this level (separators excluded)."""
    return sum(1 for n in nodes if not isinstance(n, SeparatorSpec))


# --------------------------------------------------------------------------------------- reconciler


class _MenuState:
    def __init__(self, menu: QMenu) -> None:
        self.menu = menu
        self.actions: dict[str, QAction] = {}
        self.submenus: dict[str, _MenuState] = {}
        self.callbacks: dict[str, Callable[[], None] | None] = {}
        self.checked: dict[str, bool] = {}
        self.icons: dict[str, str] = {}
        self.tooltips: dict[str, str] = {}
        self.groups: dict[str, QActionGroup] = {}
        self.order: list[str] = []


class MenuReconciler:
    """Applies a list of Nodes to a persistent QMenu, in place."""

    def __init__(self, menu: QMenu) -> None:
        self.root = _MenuState(menu)

    @property
    def menu(self) -> QMenu:
        return self.root.menu

    def sync(self, nodes: Sequence[Node]) -> None:
        self._sync(self.root, nodes)

    def action(self, *keys: str) -> QAction:
        """The QAction for a key path (tests, and code that mirrors some entries)."""
        state = self.root
        for key in keys[:-1]:
            state = state.submenus[key]
        return state.actions[keys[-1]]

    def _sync(self, state: _MenuState, nodes: Sequence[Node]) -> None:
        wanted = [node.key for node in nodes]
        keep = set(wanted)
        for node in nodes:
            action = state.actions.get(node.key)
            if isinstance(node, SeparatorSpec):
                if action is None:
                    action = QAction(state.menu)
                    action.setSeparator(True)
                    state.actions[node.key] = action
            elif isinstance(node, MenuSpec):
                sub = state.submenus.get(node.key)
                if sub is None:
                    sub = _MenuState(style_menu(QMenu(state.menu)))
                    state.submenus[node.key] = sub
                    state.actions[node.key] = sub.menu.menuAction()
                action = state.actions[node.key]
                if sub.menu.title() != node.text:
                    sub.menu.setTitle(node.text)
                self._set_icon(state, node.key, action, node.icon)
                self._set_tooltip(state, node.key, action, node.tooltip)
                action.setEnabled(node.enabled)
                self._sync(sub, node.children)
            else:
                if action is None:
                    action = QAction(state.menu)
                    action.triggered.connect(lambda *_a, s=state, k=node.key: self._fire(s, k))
                    state.actions[node.key] = action
                if action.text() != node.text:
                    action.setText(node.text)
                self._set_group(state, action, node.group)
                action.setCheckable(node.checkable)
                action.setChecked(node.checked)
                action.setEnabled(node.enabled)
                self._set_tooltip(state, node.key, action, node.tooltip)
                self._set_icon(state, node.key, action, node.icon)
                state.callbacks[node.key] = node.on_trigger
                state.checked[node.key] = node.checked
            action.setVisible(True)
        for key, action in state.actions.items():
            if key not in keep:
                action.setVisible(False)
                state.callbacks[key] = None
        if wanted != state.order:
            self._reorder(state, wanted, keep)

    @staticmethod
    def _set_group(state: _MenuState, action: QAction, name: str) -> None:
        """Radio items: an exclusive QActionGroup is what Qt exports as DBusMenu toggle-type "radio".
        ExclusiveOptional: accounts that disagree leave every entry unchecked."""
        current = action.actionGroup()
        if name:
            group = state.groups.get(name)
            if group is None:
                group = QActionGroup(state.menu)
                group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
                state.groups[name] = group
            if current is not group:
                group.addAction(action)
        elif current is not None:
            current.removeAction(action)

    @staticmethod
    def _set_tooltip(state: _MenuState, key: str, action: QAction, tooltip: str) -> None:
        if state.tooltips.get(key, "") != tooltip:
            state.tooltips[key] = tooltip
            action.setToolTip(tooltip)

    @staticmethod
    def _set_icon(state: _MenuState, key: str, action: QAction, name: str) -> None:
        if state.icons.get(key, "") == name:
            return
        state.icons[key] = name
        action.setIcon(icons.named_icon(name) if name else QIcon())

    @staticmethod
    def _reorder(state: _MenuState, wanted: list[str], keep: set[str]) -> None:
        # Only when entries appear, vanish or move (accounts or statuses changed), never on a plain update.
        managed = set(state.actions.values())
        current = [a for a in state.menu.actions() if a in managed]
        desired = [state.actions[k] for k in wanted]
        hidden = [a for k, a in state.actions.items() if k not in keep]
        if current != desired + hidden:
            for action in current:
                state.menu.removeAction(action)
            state.menu.addActions(desired + hidden)
        state.order = list(wanted)

    def _fire(self, state: _MenuState, key: str) -> None:
        action = state.actions[key]
        if action.isCheckable():
            # Qt flips the check on click (and an exclusive group unchecks the others); the check only
            # moves when the service confirms the change.
            group = action.actionGroup()
            for other_key, other in state.actions.items():
                if other is action or (group is not None and other.actionGroup() is group):
                    other.setChecked(state.checked.get(other_key, False))
        callback = state.callbacks.get(key)
        if callback is not None:
            callback()


def _scrolling_style() -> QStyle:
    """Menus taller than the screen scroll instead of opening a second column (Qt's default in the
    Fusion style): at QT_SCALE_FACTOR=2 on 1280x800 the menu split in two with Quit alone on the right.

    Made on first use: PySide builds its QStyle type (every enum of it) when it is first touched, about
    15 ms, which the tray spends behind its icon (hold_menu_styles)."""
    from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleHintReturn, QStyleOption

    class ScrollingMenus(QProxyStyle):
        def styleHint(
            self,
            hint: QStyle.StyleHint,
            option: QStyleOption | None = None,
            widget: QWidget | None = None,
            returnData: QStyleHintReturn | None = None,
        ) -> int:
            if hint == QStyle.StyleHint.SH_Menu_Scrollable:
                return 1
            return super().styleHint(hint, option, widget, returnData)

    return ScrollingMenus()


_menu_style: list[QStyle] = []  # one for every menu, kept alive here (widgets do not own it)
_held: list[QMenu] | None = None  # menus made while the styles are held (hold_menu_styles)


def hold_menu_styles() -> None:
    """Menus made from now on get their style at release_menu_styles() (the tray: behind its icon)."""
    global _held
    if not _menu_style and _held is None:
        _held = []


def release_menu_styles() -> None:
    """Style the menus made while held (those still alive), and every later one at once."""
    global _held
    held, _held = _held or [], None
    for menu in held:
        if shiboken6.isValid(menu):
            style_menu(menu)


def style_menu(menu: QMenu) -> QMenu:
    menu.setToolTipsVisible(True)
    if _held is not None:
        _held.append(menu)
        return menu
    if not _menu_style:
        _menu_style.append(_scrolling_style())
    menu.setStyle(_menu_style[0])
    return menu


def make_menu(parent: QWidget | None = None) -> QMenu:
    return style_menu(QMenu(parent))
