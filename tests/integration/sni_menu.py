#!/usr/bin/env python3
"""(Copied from the company tool /work/shared/tools/sni_menu.py so the tests do not depend on it;
reformatted for this repository's linters; one change: layout() also opens the submenus that appear once
their parent is filled, so lazily filled menus read whole.)

Drive a tray icon's menu over D-Bus exactly as a desktop panel does (StatusNotifierItem + dbusmenu).

Black box: it needs nothing from the app but the session bus it registered on. Pure Python (jeepney).

CLI (bus = $DBUS_SESSION_BUS_ADDRESS unless --bus ADDRESS):
  sni_menu.py list [--json] [--wait S]             registered items: service, pid, Id, Title, Status, Menu
  sni_menu.py props [--item NAME] [--json]         Title, Status, ToolTip, IconName, IconPixmap sizes, ...
  sni_menu.py tree  [--item NAME] [--ids] [--all] [--json] [--no-about-to-show]
  sni_menu.py click [--item NAME] [--force] LABEL [SUBLABEL ...]   e.g. click "More" "Refresh"
  sni_menu.py activate [--item NAME] [X Y]         left click on the icon   (SNI Activate)
  sni_menu.py secondary-activate [--item NAME]     middle click             (SNI SecondaryActivate)
  sni_menu.py context-menu [--item NAME] [X Y]     SNI ContextMenu (hosts that do not render dbusmenu)
  sni_menu.py watch [--item NAME] [SECONDS]        print LayoutUpdated / ItemsPropertiesUpdated signals
--item matches Id, Title, bus name (well-known or unique) or pid; needed only when several items are
registered. --wait S waits up to S seconds for the item (for click: also for the label to appear).
Labels: case-insensitive; mnemonics ('_' as exported, or Qt's '&'), a trailing '…'/'...', leading emoji
and extra spaces are ignored; '#12' selects the menu item with dbusmenu id 12.

What a panel does (observed: xfce4-panel 4.18 + libdbusmenu-gtk3, Qt 6 app), mirrored by click():
  open menu      AboutToShow(0)            (xfce: AboutToShowGroup([0])); layout from GetLayout(0, -1, [])
  enter submenu  AboutToShow(sub) + Event(sub, "opened", <int32 0>, 0)   (xfce: the Group variants)
  click          Event(id, "clicked", <int32 0>, timestamp)              (xfce: EventGroup)
  left click on the icon: Activate(x, y) with the pointer's root coordinates; no "closed" events.
A panel offers no way to click disabled, hidden, separator or submenu entries: click() refuses them
unless force=True.

Module: SNI(address) .items() .find_item() .wait_for_item() .props() .layout() .click() .event()
        .activate() .secondary_activate() .context_menu() .wait_layout() .menu_signals() .pump();
        helpers format_tree, find_path, find_label, labels, walk, checked, norm_label, display_label.
A tree node is a dict {id, label, raw_label, enabled, visible, type, toggle-type, toggle-state,
children-display, icon-name, icon-data (PNG byte count), shortcut, props (keys the app sent), children};
the root also has 'revision' (Qt always answers 1 for the root: compare trees, or watch the signals).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from jeepney import DBusAddress, HeaderFields, MatchRule, Properties, new_method_call
from jeepney.io.blocking import open_dbus_connection
from jeepney.wrappers import DBusErrorResponse, unwrap_msg

# A DBusMenu layout node or a property map: string keys, values of every D-Bus type.
Node = dict[str, Any]

WATCHERS = ("org.kde.StatusNotifierWatcher", "org.freedesktop.StatusNotifierWatcher")
SNI_IFACES = ("org.kde.StatusNotifierItem", "org.freedesktop.StatusNotifierItem")
ITEM_NAME_RE = re.compile(r"^org\.(kde|freedesktop)\.StatusNotifierItem-")
DBUSMENU = "com.canonical.dbusmenu"
NO_MENU = ("", "/", "/NO_DBUSMENU")
BUS = DBusAddress("/org/freedesktop/DBus", "org.freedesktop.DBus", "org.freedesktop.DBus")


class SNIError(RuntimeError):
    """Anything the driver could not do (no item, no such label, item disabled, D-Bus error...)."""


# ----------------------------------------------------------------------------------------------- labels
def _strip_marks(text: str, mark: str) -> str:
    """Drop single `mark` characters, keep a doubled one as a literal."""
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == mark:
            if i + 1 < len(text) and text[i + 1] == mark:
                out.append(c)
                i += 2
                continue
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def display_label(raw: str) -> str:
    """What a panel shows for a dbusmenu label: '_' marks the mnemonic, '__' is a literal '_'.
    (Qt exports a QAction's first '&' as '_' and leaves literal '_' unescaped, so 'user_id' shows as
    'userid'.)"""
    return _strip_marks(raw, "_")


def _is_decoration(ch: str) -> bool:
    # emoji/pictographs (So), modifiers (Sk), variation selectors/combining (Mn, Me), ZWJ (Cf), spaces,
    # surrogates/private use, and bullets people put in front of labels
    return unicodedata.category(ch) in ("So", "Sk", "Mn", "Me", "Cf", "Zs", "Cs", "Co") or ch in "•·*|"


def label_key(text: str) -> str:
    """Comparison key (no mnemonic handling): NFKC ('…' -> '...'), leading emoji/bullets and a trailing
    '...' dropped, whitespace collapsed, casefolded."""
    s = unicodedata.normalize("NFKC", text).strip()
    while s and _is_decoration(s[0]):
        s = s[1:]
    s = s.strip()
    while s.endswith("..."):
        s = s[:-3].rstrip()
    return " ".join(s.split()).casefold()


def norm_label(text: str) -> str:
    """label_key of what a panel would show (dbusmenu '_' mnemonics removed)."""
    return label_key(display_label(text))


def _query_keys(q: str) -> set[str]:
    """A label the way a test may write it: as shown, as exported ('_Open'), or as in Qt source ('&Open')."""
    return {label_key(q), label_key(display_label(q)), label_key(_strip_marks(q, "&"))}


def label_matches(node: Node, query: str) -> bool:
    return bool(_query_keys(query) & {label_key(node["label"]), label_key(node["raw_label"])})


# ------------------------------------------------------------------------------------------------ items
@dataclass(frozen=True)
class Item:
    """A registered StatusNotifierItem: where it lives on the bus."""

    service: str  # bus name it registered with (Qt 6: its unique name, e.g. ":1.42")
    path: str  # object path, normally /StatusNotifierItem
    owner: str = ""  # unique connection name
    pid: int | None = None  # process owning the connection

    def __str__(self) -> str:
        return f"{self.service}{self.path}"


def _v(variant: tuple[Any, ...]) -> Any:
    """jeepney returns a D-Bus variant as (signature, value)."""
    return variant[1]


def ancestors(pid: int) -> list[int]:
    """pid, its parent, grandparent ... (Linux /proc)."""
    chain: list[int] = []
    while pid > 0 and pid not in chain:
        chain.append(pid)
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
            pid = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            break
    return chain


def _node(raw: tuple[Any, ...]) -> Node:
    """(ia{sv}av) -> tree Node, with dbusmenu's defaults filled in."""
    item_id, props, children = raw
    p = {k: _v(v) for k, v in props.items()}
    raw_label = p.get("label", "")
    return {
        "id": item_id,
        "label": display_label(raw_label),
        "raw_label": raw_label,
        "enabled": bool(p.get("enabled", True)),
        "visible": bool(p.get("visible", True)),
        "type": p.get("type", "standard"),
        "toggle-type": p.get("toggle-type", ""),
        "toggle-state": int(p.get("toggle-state", -1)),
        "children-display": p.get("children-display", ""),
        "icon-name": p.get("icon-name", ""),
        "icon-data": len(p.get("icon-data", b"") or b""),
        "shortcut": [list(k) for k in p.get("shortcut", [])],
        "props": sorted(p),
        "children": [_node(_v(c)) for c in children],
    }


def walk(tree: Node, depth: int = 0) -> Iterator[tuple[int, Node]]:
    """(depth, node) for every node below the root, depth-first in menu order."""
    for c in tree["children"]:
        yield depth, c
        yield from walk(c, depth + 1)


def is_separator(node: Node) -> bool:
    return bool(node["type"] == "separator")


def is_submenu(node: Node) -> bool:
    return node["children-display"] == "submenu" or bool(node["children"])


def checked(node: Node) -> bool | None:
    """True/False for a checkable (checkmark or radio) item, None if it is not checkable."""
    if not node["toggle-type"]:
        return None
    return bool(node["toggle-state"] == 1)


def match_child(parent: Node, label: str, *, include_hidden: bool = False) -> Node:
    """The child of parent whose label matches (see label_matches); '#ID' matches by id. Visible items are
    searched first; hidden ones only if include_hidden and no visible item matched."""

    def search(kids: list[Node]) -> list[Node]:
        if label.startswith("#") and label[1:].isdigit():
            return [c for c in kids if c["id"] == int(label[1:])]
        exact = [c for c in kids if label in (c["label"], c["raw_label"])]
        return exact or [c for c in kids if label_matches(c, label)]

    kids = [c for c in parent["children"] if not is_separator(c)]
    shown = [c for c in kids if c["visible"]]
    hits = search(shown)
    if not hits and include_hidden:
        hits = search([c for c in kids if not c["visible"]])
    if len(hits) == 1:
        return hits[0]
    where = repr(parent["label"]) if parent.get("label") else "the menu"
    have = ", ".join(repr(c["label"]) for c in shown) or "nothing"
    if not hits:
        raise SNIError(f"no item {label!r} in {where} (it shows: {have})")
    raise SNIError(f"{len(hits)} items match {label!r} in {where}: {have}")


def find_path(tree: Node, path: Sequence[str], *, include_hidden: bool = False) -> Node:
    """Follow a label path from the root, e.g. ["More", "Refresh"]; raises SNIError if absent."""
    node = tree
    for label in path:
        node = match_child(node, label, include_hidden=include_hidden)
    return node


def find_label(tree: Node, label: str, *, include_hidden: bool = False) -> Node | None:
    """First node anywhere in the tree whose label matches, or None - handy in predicates."""
    for _, n in walk(tree):
        if not is_separator(n) and (include_hidden or n["visible"]) and label_matches(n, label):
            return n
    return None


def labels(tree: Node, *, include_hidden: bool = False) -> list[str]:
    """Labels of a node's direct children as shown (separators as '---')."""
    return [
        "---" if is_separator(c) else c["label"] for c in tree["children"] if include_hidden or c["visible"]
    ]


def format_tree(tree: Node, *, ids: bool = False, show_hidden: bool = False, indent: str = "  ") -> str:
    """Indented text: '[x]'/'[ ]' checkmarks, '(*)'/'( )' radios, '>' submenus, '----' separators."""
    lines = []
    for depth, n in walk(tree):
        if not n["visible"] and not show_hidden:
            continue
        pre = indent * depth + (f"#{n['id']:<3} " if ids else "")
        if is_separator(n):
            lines.append(pre + "----")
            continue
        mark = ""
        if n["toggle-type"] == "checkmark":
            mark = {1: "[x] ", 0: "[ ] "}.get(n["toggle-state"], "[~] ")
        elif n["toggle-type"] == "radio":
            mark = {1: "(*) ", 0: "( ) "}.get(n["toggle-state"], "(~) ")
        flags = []
        if is_submenu(n):
            flags.append(">")
        if not n["enabled"]:
            flags.append("[disabled]")
        if not n["visible"]:
            flags.append("[hidden]")
        if n["icon-name"]:
            flags.append(f"{{icon {n['icon-name']}}}")
        elif n["icon-data"]:
            flags.append(f"{{icon {n['icon-data']} B png}}")
        if n["shortcut"]:
            flags.append("{" + " ".join("+".join(k) for k in n["shortcut"]) + "}")
        lines.append(pre + mark + n["label"] + ("  " + " ".join(flags) if flags else ""))
    return "\n".join(lines)


def describe_signal(member: str, body: tuple[Any, ...]) -> str:
    """One line for a dbusmenu signal."""

    def show(v: Any) -> str:
        return f"<{len(v)} B>" if isinstance(v, bytes) else repr(v)

    if member == "ItemsPropertiesUpdated":
        updated, removed = body
        parts = [
            f"#{i} " + " ".join(f"{k}={show(_v(v))}" for k, v in sorted(props.items()))
            for i, props in updated
        ]
        parts += [f"#{i} reset {list(names)}" for i, names in removed]
        return f"{member} " + "; ".join(parts)
    if member == "LayoutUpdated":
        return f"{member} revision={body[0]} parent={body[1]}"
    return f"{member} {body!r}"


class SignalLog:
    """What SNI.menu_signals yields: the menu's signals in arrival order (read the socket with SNI.pump)."""

    def __init__(self, raw: deque[Any]) -> None:
        self._raw = raw

    def entries(self) -> list[tuple[str, tuple[Any, ...]]]:
        return [(m.header.fields.get(HeaderFields.member, ""), m.body) for m in self._raw]

    def members(self) -> list[str]:
        return [m for m, _ in self.entries()]

    def lines(self) -> list[str]:
        return [describe_signal(m, b) for m, b in self.entries()]

    def __len__(self) -> int:
        return len(self._raw)

    def clear(self) -> None:
        self._raw.clear()


# ------------------------------------------------------------------------------------------- the client
class SNI:
    """One connection to a session bus; every call is one a panel (StatusNotifierHost) would send."""

    def __init__(self, address: str | None = None, timeout: float = 5.0) -> None:
        self.address = address or os.environ.get("DBUS_SESSION_BUS_ADDRESS") or "SESSION"
        self.timeout = timeout
        try:
            self.conn = open_dbus_connection(bus=self.address)
        except (OSError, KeyError, ValueError) as e:
            raise SNIError(f"cannot connect to the session bus {self.address!r}: {e}") from None
        self._iface: dict[Item, str] = {}

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SNI:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing
    def call(
        self,
        addr: DBusAddress,
        method: str,
        sig: str | None = None,
        body: tuple[Any, ...] = (),
        timeout: float | None = None,
    ) -> tuple[Any, ...]:
        """Method call -> reply body. D-Bus errors become SNIError; a timeout raises TimeoutError."""
        msg = new_method_call(addr, method, sig, body)
        try:
            reply = self.conn.send_and_get_reply(msg, timeout=self.timeout if timeout is None else timeout)
            return tuple(unwrap_msg(reply))
        except DBusErrorResponse as e:
            raise SNIError(f"{addr.bus_name}{addr.object_path} {addr.interface}.{method}: {e}") from None

    def get_all(self, addr: DBusAddress) -> Node:
        """org.freedesktop.DBus.Properties.GetAll(addr.interface), variants unwrapped."""
        msg = Properties(addr).get_all()
        try:
            body = unwrap_msg(self.conn.send_and_get_reply(msg, timeout=self.timeout))
        except DBusErrorResponse as e:
            raise SNIError(f"{addr.bus_name}{addr.object_path} GetAll({addr.interface}): {e}") from None
        return {k: _v(v) for k, v in body[0].items()}

    def get(self, addr: DBusAddress, name: str, timeout: float | None = None) -> Any:
        msg = Properties(addr).get(name)
        try:
            body = unwrap_msg(
                self.conn.send_and_get_reply(msg, timeout=self.timeout if timeout is None else timeout)
            )
        except DBusErrorResponse as e:
            raise SNIError(f"{addr.bus_name}{addr.object_path} Get({addr.interface}.{name}): {e}") from None
        return _v(body[0])

    def names(self) -> list[str]:
        return list(self.call(BUS, "ListNames")[0])

    def name_owner(self, name: str) -> str:
        if name.startswith(":"):
            return name
        try:
            return str(self.call(BUS, "GetNameOwner", "s", (name,))[0])
        except SNIError:
            return ""

    def pid_of(self, name: str) -> int | None:
        try:
            return int(self.call(BUS, "GetConnectionUnixProcessID", "s", (name,))[0])
        except SNIError:
            return None

    # -- discovery
    def watcher(self) -> str | None:
        """Bus name of the StatusNotifierWatcher (the panel's registry), or None."""
        names = set(self.names())
        return next((w for w in WATCHERS if w in names), None)

    def host_registered(self) -> bool:
        """Does the watcher report a StatusNotifierHost?
        (Qt uses SNI only if so, else falls back to XEmbed.)"""
        w = self.watcher()
        if not w:
            return False
        try:
            return bool(
                self.get(DBusAddress("/StatusNotifierWatcher", w, w), "IsStatusNotifierHostRegistered")
            )
        except SNIError:
            return False

    def items(self) -> list[Item]:
        """Registered items, as a panel sees them: the watcher's RegisteredStatusNotifierItems, plus bus names
        of the form org.kde.StatusNotifierItem-<pid>-<n>; with no watcher on the bus, every connection is
        probed for /StatusNotifierItem (Qt 6 registers with its unique name). Deduplicated by owner."""
        names = self.names()
        entries: list[tuple[str, str]] = []
        for w in WATCHERS:
            if w not in names:
                continue
            try:
                reg = self.get(DBusAddress("/StatusNotifierWatcher", w, w), "RegisteredStatusNotifierItems")
            except SNIError:
                reg = []
            for entry in reg:
                # forms: ":1.6/StatusNotifierItem" (xfce + Qt 6), "org.kde.StatusNotifierItem-12-1/...",
                # or a bare bus name (path then defaults to /StatusNotifierItem)
                # GNOME's AppIndicator extension lists "<bus name>@<path>"
                i = entry.find("/")
                service = entry[:i].rstrip("@")
                entries.append((entry, "/StatusNotifierItem") if i < 0 else (service, entry[i:]))
        entries += [(n, "/StatusNotifierItem") for n in names if ITEM_NAME_RE.match(n)]
        if not any(w in names for w in WATCHERS):
            entries += [(n, "/StatusNotifierItem") for n in names if n.startswith(":") and self._has_item(n)]
        seen: set[tuple[str, str]] = set()
        out = []
        for service, path in entries:
            owner = self.name_owner(service)
            if not owner or (owner, path) in seen:
                continue
            seen.add((owner, path))
            out.append(Item(service, path, owner, self.pid_of(owner)))
        return out

    def _has_item(self, name: str, path: str = "/StatusNotifierItem") -> bool:
        for iface in SNI_IFACES:
            try:
                self.get(DBusAddress(path, name, iface), "Id", timeout=0.5)
                return True
            except (SNIError, TimeoutError):
                continue
        return False

    def _item_addr(self, item: Item) -> DBusAddress:
        iface = self._iface.get(item)
        if iface is None:
            iface = SNI_IFACES[0]
            for cand in SNI_IFACES:
                try:
                    self.get(DBusAddress(item.path, item.owner or item.service, cand), "Id")
                    iface = cand
                    break
                except SNIError:
                    continue
            self._iface[item] = iface
        return DBusAddress(item.path, item.owner or item.service, iface)

    def props(self, item: Item) -> Node:
        """All SNI properties with variants unwrapped; *Pixmap as [(w, h), ...]; ToolTip as
        {'icon', 'pixmaps', 'title', 'description'}."""
        out: dict[str, Any] = {}
        for k, v in self.get_all(self._item_addr(item)).items():
            if k.endswith("Pixmap"):
                out[k] = [(w, h) for (w, h, _data) in v]
            elif k == "ToolTip" and isinstance(v, tuple) and len(v) == 4:
                out[k] = {
                    "icon": v[0],
                    "pixmaps": [(w, h) for (w, h, _d) in v[1]],
                    "title": v[2],
                    "description": v[3],
                }
            else:
                out[k] = v
        return out

    def describe(self, item: Item) -> Node:
        try:
            p = self.props(item)
        except (SNIError, TimeoutError) as e:
            p = {"error": str(e) or "timeout"}
        return {
            "service": item.service,
            "path": item.path,
            "owner": item.owner,
            "pid": item.pid,
            "Id": p.get("Id", ""),
            "Title": p.get("Title", ""),
            "Status": p.get("Status", ""),
            "Menu": p.get("Menu", ""),
            **({"error": p["error"]} if "error" in p else {}),
        }

    def find_item(
        self, name: str | int | None = None, *, pid: int | None = None, exclude: Iterable[Item] = ()
    ) -> Item:
        """The one item matching name (Id, Title, service, owner, or pid) and/or pid (the item's process is
        pid or a descendant of it, so a wrapper script's pid works too). SNIError if none or several."""
        excl = {(i.owner, i.path) for i in exclude}
        cands = [i for i in self.items() if (i.owner, i.path) not in excl]
        if pid is not None:
            cands = [i for i in cands if i.pid is not None and pid in ancestors(i.pid)]
        if name is not None and str(name) != "":
            s = str(name)
            hits = []
            for i in cands:
                if s in (i.service, i.owner, str(i)) or (s.isdigit() and i.pid == int(s)):
                    hits.append(i)
                    continue
                try:
                    p = self.props(i)
                except (SNIError, TimeoutError):
                    continue
                if s.casefold() in (str(p.get("Id", "")).casefold(), str(p.get("Title", "")).casefold()):
                    hits.append(i)
            cands = hits
        if len(cands) == 1:
            return cands[0]
        what = (f"name={name!r} " if name is not None else "") + (f"pid={pid} " if pid is not None else "")
        if not cands:
            have = ", ".join(f"{i} pid={i.pid}" for i in self.items()) or "none"
            raise SNIError(
                f"no StatusNotifierItem {what}on the bus (registered: {have}; "
                f"watcher: {self.watcher() or 'none'})"
            )
        raise SNIError(
            f"{len(cands)} StatusNotifierItems match {what or 'anything'}- choose one with --item "
            f"(Id/Title/service/pid): " + ", ".join(f"{i} pid={i.pid}" for i in cands)
        )

    def wait_for_item(
        self,
        name: str | int | None = None,
        *,
        pid: int | None = None,
        timeout: float = 10.0,
        exclude: Iterable[Item] = (),
        interval: float = 0.1,
        alive: Callable[[], bool] | None = None,
    ) -> Item:
        """find_item, retried until it succeeds or timeout; alive() returning False (e.g. the app's process
        exited) stops the wait early."""
        exclude = list(exclude)
        deadline = time.monotonic() + timeout
        while True:
            try:
                return self.find_item(name, pid=pid, exclude=exclude)
            except SNIError as e:
                if alive is not None and not alive():
                    raise SNIError(f"the process went away before registering a tray item ({e})") from None
                if time.monotonic() >= deadline:
                    raise SNIError(f"after {timeout:g}s: {e}") from None
            time.sleep(interval)

    # -- the menu
    def menu_addr(self, item: Item) -> DBusAddress:
        path = self.get(self._item_addr(item), "Menu")
        if path in NO_MENU:
            raise SNIError(f"{item} exports no menu (Menu={path!r})")
        return DBusAddress(path, item.owner or item.service, DBUSMENU)

    def about_to_show(self, item: Item, node_id: int = 0, *, addr: DBusAddress | None = None) -> bool:
        """AboutToShow(id): the app may rebuild that (sub)menu now.
        Returns its needUpdate (Qt: always False)."""
        return bool(self.call(addr or self.menu_addr(item), "AboutToShow", "i", (node_id,))[0])

    def get_layout(
        self, item: Item, parent: int = 0, *, addr: DBusAddress | None = None, depth: int = -1
    ) -> Node:
        """GetLayout(parent, depth, []) -> tree Node (root gets 'revision'); no AboutToShow. depth=1 reads
        one level, as Plasma does (its submenus come back without their entries)."""
        rev, raw = self.call(addr or self.menu_addr(item), "GetLayout", "iias", (parent, depth, []))
        tree = _node(raw)
        tree["revision"] = rev
        return tree

    def layout(
        self,
        item: Item,
        *,
        about_to_show: bool = True,
        submenus: bool = True,
        addr: DBusAddress | None = None,
    ) -> Node:
        """The whole menu tree as a panel opening it would see it: AboutToShow(0), GetLayout(0, -1, []);
        with submenus=True also AboutToShow(<each visible submenu>) and a re-read, repeated for the submenus
        that the re-read reveals, as if the pointer had visited every submenu (apps that fill submenus
        lazily need it: a submenu's entries, nested submenus included, may exist only once it was shown)."""
        addr = addr or self.menu_addr(item)
        if about_to_show:
            self.about_to_show(item, 0, addr=addr)
        tree = self.get_layout(item, addr=addr)
        opened: set[int] = set()
        while about_to_show and submenus:
            subs = [n["id"] for _, n in walk(tree) if is_submenu(n) and n["visible"]]
            subs = [sid for sid in subs if sid not in opened]
            if not subs:
                break
            for sid in subs:
                self.about_to_show(item, sid, addr=addr)
            opened.update(subs)
            tree = self.get_layout(item, addr=addr)
        return tree

    def menu_props(self, item: Item) -> Node:
        """com.canonical.dbusmenu properties (Version, Status, TextDirection, IconThemePath)."""
        return self.get_all(self.menu_addr(item))

    def event(
        self,
        item: Item,
        node_id: int,
        event_id: str = "clicked",
        *,
        addr: DBusAddress | None = None,
        timestamp: int | None = None,
        reply_timeout: float = 2.0,
    ) -> bool:
        """Event(id, event_id, <int32 0>, timestamp). Returns False if the app has not answered within
        reply_timeout (Qt answers when the action's slot returns - a modal dialog delays it) or vanished."""
        ts = (int(time.monotonic() * 1000) if timestamp is None else timestamp) & 0xFFFFFFFF
        try:
            self.call(
                addr or self.menu_addr(item),
                "Event",
                "isvu",
                (node_id, event_id, ("i", 0), ts),
                timeout=reply_timeout,
            )
            return True
        except TimeoutError:
            return False
        except SNIError as e:
            if "NoReply" in str(e) or "ServiceUnknown" in str(e):  # the app quit while handling it
                return False
            raise

    def click(
        self,
        item: Item,
        path: Sequence[str],
        *,
        force: bool = False,
        reply_timeout: float = 2.0,
        wait: float = 0.0,
    ) -> Node:
        """Open the menu, walk into submenus, click the item at the label path - the panel's call sequence.
        Returns the clicked node (as read just before the click) plus 'answered' (see event()).
        wait: keep re-opening for up to this many seconds until the path resolves."""
        if isinstance(path, str):
            path = [path]
        if not path:
            raise SNIError("click: empty label path")
        addr = self.menu_addr(item)
        deadline = time.monotonic() + wait
        while True:
            try:
                node = self._open_path(item, addr, path)
                break
            except SNIError:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.1)
        if not force:
            why = (
                "a separator"
                if is_separator(node)
                else "hidden"
                if not node["visible"]
                else "disabled"
                if not node["enabled"]
                else "a submenu"
                if is_submenu(node)
                else ""
            )
            if why:
                raise SNIError(
                    f"{' > '.join(path)!r} is {why}; a panel would not let you click it "
                    f"(force=True sends the event anyway)"
                )
        node = dict(node)
        node["answered"] = self.event(item, node["id"], "clicked", addr=addr, reply_timeout=reply_timeout)
        return node

    def _open_path(self, item: Item, addr: DBusAddress, path: Sequence[str]) -> Node:
        self.about_to_show(item, 0, addr=addr)
        node = self.get_layout(item, addr=addr)
        for depth, label in enumerate(path):
            node = match_child(node, label, include_hidden=True)
            if depth < len(path) - 1:
                if not is_submenu(node):
                    raise SNIError(f"{label!r} is not a submenu (path {list(path)!r})")
                # the pointer enters the submenu: AboutToShow + "opened", then its current content
                self.about_to_show(item, node["id"], addr=addr)
                self.event(item, node["id"], "opened", addr=addr, timestamp=0)
                node = self.get_layout(item, node["id"], addr=addr)
        return node

    def wait_layout(
        self,
        item: Item,
        predicate: Callable[[Node], Any],
        *,
        timeout: float = 10.0,
        interval: float = 0.1,
        about_to_show: bool = False,
    ) -> Node:
        """Re-read the layout until predicate(tree) is truthy; returns that tree. By default it does NOT send
        AboutToShow while polling (that would tell the app its menu opens ten times a second)."""
        deadline = time.monotonic() + timeout
        last: Node | None = None
        err: Exception | None = None
        while True:
            try:
                last = self.layout(item, about_to_show=about_to_show)
                err = None
                if predicate(last):
                    return last
            except (SNIError, TimeoutError) as e:
                err = e
            if time.monotonic() >= deadline:
                shown = format_tree(last) if last else "(no layout)"
                raise SNIError(
                    f"menu condition not met within {timeout:g}s"
                    + (f" (last error: {err})" if err else "")
                    + f"; last menu:\n{shown}"
                )
            time.sleep(interval)

    @contextlib.contextmanager
    def menu_signals(self, item: Item) -> Iterator[SignalLog]:
        """Collect the menu's change signals while the block runs, as a panel listens to them:
        LayoutUpdated(revision, parent) on structural changes, ItemsPropertiesUpdated(updated, removed) on
        label/enabled/visible/check changes (Qt does not bump any revision for those). Call pump() to read."""
        addr = self.menu_addr(item)
        rule = MatchRule(
            type="signal", sender=item.owner or item.service, interface=DBUSMENU, path=addr.object_path
        )
        self.call(BUS, "AddMatch", "s", (rule.serialise(),))
        raw: deque[Any] = deque(maxlen=10000)
        try:
            with self.conn.filter(rule, queue=raw):
                yield SignalLog(raw)
        finally:
            with contextlib.suppress(SNIError, TimeoutError, OSError):
                self.call(BUS, "RemoveMatch", "s", (rule.serialise(),))

    def pump(self, timeout: float = 0.0) -> None:
        """Read what arrives on the connection for `timeout` seconds (feeds menu_signals logs)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            try:
                self.conn.recv_messages(timeout=max(left, 0.001))
            except TimeoutError:
                return
            if left <= 0:
                return

    # -- the icon itself
    def activate(self, item: Item, x: int = 0, y: int = 0) -> None:
        """Primary (left) click on the icon: Activate(x, y). Qt: QSystemTrayIcon.activated(Trigger)."""
        self.call(self._item_addr(item), "Activate", "ii", (x, y))

    def secondary_activate(self, item: Item, x: int = 0, y: int = 0) -> None:
        """Middle click: SecondaryActivate(x, y). Qt: activated(MiddleClick)."""
        self.call(self._item_addr(item), "SecondaryActivate", "ii", (x, y))

    def context_menu(self, item: Item, x: int = 0, y: int = 0) -> None:
        """ContextMenu(x, y): sent by hosts that do not render the dbusmenu themselves (xfce never sends it).
        Qt only emits activated(Context); it does not pop a menu up itself."""
        self.call(self._item_addr(item), "ContextMenu", "ii", (x, y))

    def scroll(self, item: Item, delta: int, orientation: str = "vertical") -> None:
        self.call(self._item_addr(item), "Scroll", "is", (delta, orientation))


# ------------------------------------------------------------------------------------------------- CLI
def _main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="sni_menu.py", description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--bus", help="D-Bus address (default: $DBUS_SESSION_BUS_ADDRESS)")
    ap.add_argument("--timeout", type=float, default=5.0, help="per-call timeout, seconds")
    sub = ap.add_subparsers(dest="cmd", required=True)

    def with_item(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--item", help="Id, Title, bus name or pid of the item (when several are registered)")
        p.add_argument("--wait", type=float, default=0.0, help="wait up to this many seconds for the item")
        return p

    p = sub.add_parser("list", help="registered StatusNotifierItems")
    p.add_argument("--json", action="store_true")
    p.add_argument("--wait", type=float, default=0.0, help="wait up to N s for at least one item")
    with_item(sub.add_parser("props", help="the item's properties")).add_argument(
        "--json", action="store_true"
    )
    p = with_item(sub.add_parser("tree", help="the menu as an indented tree"))
    p.add_argument("--ids", action="store_true", help="prefix dbusmenu ids")
    p.add_argument("--all", action="store_true", help="show hidden items too")
    p.add_argument("--json", action="store_true", help="print the tree Node as JSON")
    p.add_argument("--no-about-to-show", action="store_true", help="read without AboutToShow")
    p = with_item(sub.add_parser("click", help="click a menu item by label path"))
    p.add_argument("--force", action="store_true", help="send the click even if disabled/hidden/submenu")
    p.add_argument("labels", nargs="+")
    with_item(sub.add_parser("watch", help="print the menu's change signals")).add_argument(
        "seconds", type=float, nargs="?", default=10.0
    )
    for name in ("activate", "context-menu", "secondary-activate"):
        with_item(sub.add_parser(name, help=f"SNI {name} on the icon")).add_argument(
            "xy", nargs="*", type=int, metavar="X Y"
        )
    a = ap.parse_args(argv)

    try:
        with SNI(a.bus, timeout=a.timeout) as sni:
            if a.cmd == "list":
                deadline = time.monotonic() + a.wait
                items = sni.items()
                while not items and time.monotonic() < deadline:
                    time.sleep(0.1)
                    items = sni.items()
                rows = [sni.describe(i) for i in items]
                if a.json:
                    print(json.dumps(rows, indent=2, ensure_ascii=False))
                elif not rows:
                    print(f"no StatusNotifierItem registered (watcher: {sni.watcher() or 'none'})")
                for r in [] if a.json else rows:
                    print(
                        f"{r['service']}{r['path']}  pid={r['pid']} Id={r['Id']!r} Title={r['Title']!r} "
                        f"Status={r['Status']} Menu={r['Menu']}"
                        + (f"  ERROR {r['error']}" if "error" in r else "")
                    )
                return 0 if rows else 1
            item = sni.wait_for_item(a.item, timeout=a.wait) if a.wait else sni.find_item(a.item)
            if a.cmd == "props":
                props = sni.props(item)
                if a.json:
                    print(json.dumps(props, indent=2, ensure_ascii=False, default=str))
                else:
                    print(f"item: {item}  pid={item.pid}")
                    for k in sorted(props):
                        print(f"  {k}: {props[k]!r}")
                    try:
                        print(
                            "  dbusmenu: "
                            + " ".join(f"{k}={v!r}" for k, v in sorted(sni.menu_props(item).items()))
                        )
                    except SNIError as e:
                        print(f"  dbusmenu: {e}")
            elif a.cmd == "tree":
                tree = sni.layout(item, about_to_show=not a.no_about_to_show)
                if a.json:
                    print(json.dumps(tree, indent=2, ensure_ascii=False))
                else:
                    title = sni.props(item).get("Title", "")
                    print(f"{title} ({item}, pid {item.pid}) revision {tree['revision']}")
                    print(format_tree(tree, ids=a.ids, show_hidden=a.all))
            elif a.cmd == "click":
                node = sni.click(item, a.labels, force=a.force, wait=a.wait)
                print(
                    f"clicked #{node['id']} {node['label']!r}"
                    + (
                        ""
                        if node["answered"]
                        else "  (no reply yet: the app is busy, e.g. in a modal dialog)"
                    )
                )
            elif a.cmd == "watch":
                with sni.menu_signals(item) as log:
                    end, seen = time.monotonic() + a.seconds, 0
                    while time.monotonic() < end:
                        sni.pump(min(0.2, max(end - time.monotonic(), 0)))
                        for line in log.lines()[seen:]:
                            print(f"{time.strftime('%H:%M:%S')} {line}", flush=True)
                        seen = len(log)
            else:
                x, y = [*a.xy, 0, 0][:2]
                {
                    "activate": sni.activate,
                    "context-menu": sni.context_menu,
                    "secondary-activate": sni.secondary_activate,
                }[a.cmd](item, x, y)
                print(f"{a.cmd} sent to {item} at ({x}, {y})")
        return 0
    except SNIError as e:
        print(f"sni_menu: {e}", file=sys.stderr)
        return 1
    except TimeoutError:
        print("sni_menu: the app did not answer in time (hung, or busy in a modal dialog)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(_main())
