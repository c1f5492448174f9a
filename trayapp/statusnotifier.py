"""Our own StatusNotifierItem and its com.canonical.dbusmenu menu, Qt-free (jeepney), on a thread of its own.

Why not the item Qt exports for a QSystemTrayIcon: Qt sends the whole tooltip as the ToolTip's title and
fills its description only while it shows a notice as NeedsAttention, so Plasma's tooltip has no heading
and no body (issue 20); its menu exporter keeps the layout revision at 1, answers a click on an entry only
once the dialog it opened closes, and exports a literal '_' as a mnemonic mark ("user_id" showed as
"userid"). Here, the item:

- is registered under the connection's unique name with org.kde.StatusNotifierWatcher, and again whenever
  a watcher (re)appears on the bus (a panel restarting);
- serves what the caller last published (icon pixmaps, tooltip title and body, the menu tree) from this
  thread, so a panel reading it never waits on the caller, and the caller never waits on the panel;
- tells the caller (on this thread) of a left or middle click, a menu entry clicked, an activation token,
  and of a bus that failed; the caller hops to its own thread;
- says what changed: NewIcon, NewToolTip, ItemsPropertiesUpdated for entries whose properties changed,
  LayoutUpdated for the topmost submenus whose entries changed. When the top level opens it announces
  every shown submenu with LayoutUpdated, so a host that loads submenus lazily (Plasma: on first hover,
  after placing the submenu while it is still empty, off-screen) loads them before the pointer gets there.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from jeepney import DBusAddress, MatchRule, MessageType, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from jeepney.low_level import HeaderFields, Message
from jeepney.wrappers import new_error, new_method_return, new_signal

from trayapp.sessionbus import session_bus_address

log = logging.getLogger(__name__)

WATCHER = "org.kde.StatusNotifierWatcher"
WATCHER_PATH = "/StatusNotifierWatcher"
ITEM_PATH = "/StatusNotifierItem"
ITEM_IFACE = "org.kde.StatusNotifierItem"
MENU_PATH = "/MenuBar"
MENU_IFACE = "com.canonical.dbusmenu"
PROPS_IFACE = "org.freedesktop.DBus.Properties"
INTROSPECT_IFACE = "org.freedesktop.DBus.Introspectable"
PEER_IFACE = "org.freedesktop.DBus.Peer"
CONNECT_TIMEOUT_S = 2.0
POLL_S = 0.25  # how soon stop() is noticed by the thread
ROOT_ID = 0

Variant = tuple[str, Any]  # jeepney's (signature, value)


@dataclass(frozen=True)
class MenuNode:
    """One entry of the menu as dbusmenu describes it: properties as variants, children in order."""

    id: int
    props: Mapping[str, Variant]
    children: tuple[MenuNode, ...] = ()


@dataclass(frozen=True)
class Pixmap:
    """One size of the icon: ARGB32, 4 bytes a pixel in network byte order, rows without padding."""

    width: int
    height: int
    argb: bytes = field(repr=False)


class ItemEvents(Protocol):
    """What the item tells its owner, on the item's thread."""

    def activated(self, secondary: bool) -> None: ...  # left click (secondary: middle click)

    def menu_clicked(self, item_id: int) -> None: ...

    def activation_token(self, token: str) -> None: ...  # xdg-activation, for the window a click opens

    def failed(self, reason: str) -> None: ...  # no bus, or the bus went away: the item is gone


def index(root: MenuNode) -> dict[int, MenuNode]:
    found: dict[int, MenuNode] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        found[node.id] = node
        stack.extend(node.children)
    return found


@dataclass(frozen=True)
class MenuChanges:
    updated: list[tuple[int, dict[str, Variant]]]  # ItemsPropertiesUpdated: changed or added properties
    removed: list[tuple[int, list[str]]]  # ItemsPropertiesUpdated: properties an entry no longer has
    layouts: list[int]  # LayoutUpdated: the topmost entries whose children changed

    def __bool__(self) -> bool:
        return bool(self.updated or self.removed or self.layouts)


def menu_changes(old: Mapping[int, MenuNode], new: MenuNode) -> MenuChanges:
    """What a host holding `old` must be told to show `new`: the property changes of every entry both
    have, and a new layout for each topmost entry whose list of children changed.

    Properties are always sent, even inside a new layout: GNOME's AppIndicator reads a new layout with
    only `type` and `children-display`, and asks the other properties only for entries new to it, so
    an account's line kept "Available → Away…" when its label changed with the menu's shape."""
    updated: list[tuple[int, dict[str, Variant]]] = []
    removed: list[tuple[int, list[str]]] = []
    layouts: list[int] = []
    for node in index(new).values():
        before = old.get(node.id)
        if before is None:
            continue  # new to the host: it reads all of it
        changed = {k: v for k, v in node.props.items() if before.props.get(k) != v}
        if changed:
            updated.append((node.id, changed))
        gone = [k for k in before.props if k not in node.props]
        if gone:
            removed.append((node.id, gone))

    def walk(node: MenuNode) -> None:
        before = old.get(node.id)
        if before is None:
            return  # inside a new layout of its parent
        if [c.id for c in before.children] != [c.id for c in node.children]:
            layouts.append(node.id)
            return
        for child in node.children:
            walk(child)

    walk(new)
    updated.sort(key=lambda change: change[0])
    removed.sort(key=lambda change: change[0])
    return MenuChanges(updated, removed, layouts)


def layout(
    node: MenuNode, depth: int, names: frozenset[str]
) -> tuple[int, dict[str, Variant], list[Variant]]:
    """GetLayout's (ia{sv}av) for `node`: `depth` levels of children (-1: all), only `names` (empty: all)."""
    props = {k: v for k, v in node.props.items() if not names or k in names}
    children = [] if depth == 0 else [("(ia{sv}av)", layout(c, depth - 1, names)) for c in node.children]
    return (node.id, props, children)


def _introspection(*interfaces: str) -> str:
    return (
        '<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN" '
        '"http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">\n<node>'
        + "".join(interfaces)
        + "</node>"
    )


def _method(name: str, ins: tuple[str, ...] = (), outs: tuple[str, ...] = ()) -> str:
    args = [f'<arg type="{t}" direction="in"/>' for t in ins] + [
        f'<arg type="{t}" direction="out"/>' for t in outs
    ]
    return f'<method name="{name}">{"".join(args)}</method>'


def _signal_xml(name: str, *types: str) -> str:
    return f'<signal name="{name}">{"".join(f"<arg type={chr(34)}{t}{chr(34)}/>" for t in types)}</signal>'


def _interface(name: str, properties: tuple[tuple[str, str], ...], *members: str) -> str:
    props = "".join(f'<property name="{p}" type="{t}" access="read"/>' for p, t in properties)
    return f'<interface name="{name}">{props}{"".join(members)}</interface>'


_PROPERTIES_XML = _interface(
    PROPS_IFACE,
    (),
    _method("Get", ("s", "s"), ("v",)),
    _method("GetAll", ("s",), ("a{sv}",)),
    _method("Set", ("s", "s", "v")),
    _signal_xml("PropertiesChanged", "s", "a{sv}", "as"),
)
_ITEM_XML = _introspection(
    _interface(
        ITEM_IFACE,
        (
            ("Category", "s"),
            ("Id", "s"),
            ("Title", "s"),
            ("Status", "s"),
            ("WindowId", "i"),
            ("IconThemePath", "s"),
            ("Menu", "o"),
            ("ItemIsMenu", "b"),
            ("IconName", "s"),
            ("IconPixmap", "a(iiay)"),
            ("OverlayIconName", "s"),
            ("OverlayIconPixmap", "a(iiay)"),
            ("AttentionIconName", "s"),
            ("AttentionIconPixmap", "a(iiay)"),
            ("AttentionMovieName", "s"),
            ("ToolTip", "(sa(iiay)ss)"),
        ),
        *(_method(m, ("i", "i")) for m in ("ContextMenu", "Activate", "SecondaryActivate")),
        _method("Scroll", ("i", "s")),
        _method("ProvideXdgActivationToken", ("s",)),
        *(
            _signal_xml(s)
            for s in ("NewTitle", "NewIcon", "NewAttentionIcon", "NewOverlayIcon", "NewToolTip")
        ),
        _signal_xml("NewStatus", "s"),
    ),
    _PROPERTIES_XML,
)
_MENU_XML = _introspection(
    _interface(
        MENU_IFACE,
        (("Version", "u"), ("TextDirection", "s"), ("Status", "s"), ("IconThemePath", "as")),
        _method("GetLayout", ("i", "i", "as"), ("u", "(ia{sv}av)")),
        _method("GetGroupProperties", ("ai", "as"), ("a(ia{sv})",)),
        _method("GetProperty", ("i", "s"), ("v",)),
        _method("Event", ("i", "s", "v", "u")),
        _method("EventGroup", ("a(isvu)",), ("ai",)),
        _method("AboutToShow", ("i",), ("b",)),
        _method("AboutToShowGroup", ("ai",), ("ai", "ai")),
        _signal_xml("ItemsPropertiesUpdated", "a(ia{sv})", "a(ias)"),
        _signal_xml("LayoutUpdated", "u", "i"),
        _signal_xml("ItemActivationRequested", "i", "u"),
    ),
    _PROPERTIES_XML,
)


class _Refused(Exception):
    """A call we answer with a D-Bus error."""

    def __init__(self, name: str, text: str) -> None:
        super().__init__(text)
        self.name = name


class StatusNotifierItem:
    """The item and its menu. publish_* are called from the owner's thread; everything else runs here."""

    def __init__(
        self,
        events: ItemEvents,
        *,
        item_id: str = "trayapp",
        title: str = "trayapp",
        right_to_left: bool = False,
        address: str | None = None,
    ) -> None:
        self._events = events
        self._id = item_id
        self._title = title
        self._direction = "rtl" if right_to_left else "ltr"
        self._address = session_bus_address() if address is None else address
        self._lock = threading.Lock()  # the published state, and sending on the connection
        self._pixmaps: tuple[Pixmap, ...] = ()
        self._tooltip = ("", "")
        self._menu = MenuNode(ROOT_ID, {"children-display": ("s", "submenu")})
        self._nodes: dict[int, MenuNode] = {ROOT_ID: self._menu}
        self._revision = 1
        self._conn: DBusConnection | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._pending: dict[int, str] = {}  # serials of our calls awaiting a reply, and what they were
        self.registered = threading.Event()  # the watcher took the item (set again after a panel restart)

    # ------------------------------------------------------------------ the owner's side
    @property
    def menu(self) -> MenuNode:
        """The menu as last published (what a host reads)."""
        return self._menu

    @property
    def tooltip(self) -> tuple[str, str]:
        return self._tooltip

    @property
    def bus_name(self) -> str:
        return self._conn.unique_name if self._conn is not None else ""

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="trayapp-sni", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 1.0) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def publish_icon(self, pixmaps: tuple[Pixmap, ...]) -> None:
        with self._lock:
            if pixmaps == self._pixmaps:
                return
            self._pixmaps = pixmaps
        self._signal(ITEM_PATH, ITEM_IFACE, "NewIcon")

    def publish_tooltip(self, title: str, body: str) -> None:
        with self._lock:
            if (title, body) == self._tooltip:
                return
            self._tooltip = (title, body)
        self._signal(ITEM_PATH, ITEM_IFACE, "NewToolTip")

    def publish_menu(self, root: MenuNode) -> None:
        with self._lock:
            changes = menu_changes(self._nodes, root)
            if not changes:
                return
            self._menu, self._nodes = root, index(root)
            self._revision += 1
            revision = self._revision
        if changes.updated or changes.removed:
            self._signal(
                MENU_PATH,
                MENU_IFACE,
                "ItemsPropertiesUpdated",
                "a(ia{sv})a(ias)",
                changes.updated,
                changes.removed,
            )
        for parent in changes.layouts:
            self._signal(MENU_PATH, MENU_IFACE, "LayoutUpdated", "ui", revision, parent)

    # ------------------------------------------------------------------ the bus thread
    def _run(self) -> None:
        try:
            if not self._address:
                raise OSError("DBUS_SESSION_BUS_ADDRESS is not set")
            conn = open_dbus_connection(self._address, auth_timeout=CONNECT_TIMEOUT_S)
        except Exception as exc:  # an unusable address, refused, timed out: no item
            self._events.failed(f"the session bus does not answer ({getattr(exc, 'strerror', None) or exc})")
            return
        self._conn = conn
        try:
            rule = MatchRule(
                type="signal",
                sender=message_bus.bus_name,
                interface=message_bus.interface,
                member="NameOwnerChanged",
                path=message_bus.object_path,
            )
            rule.add_arg_condition(0, WATCHER)
            self._call(message_bus.AddMatch(rule), "AddMatch")
            self._register()
            while not self._stop.is_set():
                try:
                    message = conn.receive(timeout=POLL_S)
                except TimeoutError:
                    continue
                self._handle(message)
        except (OSError, ConnectionError, ValueError) as exc:  # the bus went away, or sent garbage
            if not self._stop.is_set():
                self._events.failed(f"the session bus connection failed ({exc})")
        finally:
            self.registered.clear()
            with self._lock:
                self._conn = None
            conn.close()

    def _send(self, message: Message) -> int:
        with self._lock:
            conn = self._conn
            if conn is None:
                return 0
            serial: int = next(conn.outgoing_serial)
            conn.send(message, serial=serial)
            return serial

    def _call(self, message: Message, what: str) -> None:
        serial = self._send(message)
        if serial:
            self._pending[serial] = what

    def _signal(
        self, path: str, interface: str, member: str, signature: str | None = None, *body: Any
    ) -> None:
        try:
            self._send(new_signal(DBusAddress(path, interface=interface), member, signature, body))
        except OSError as exc:  # the thread sees the same failure and reports it
            log.debug("Could not send %s: %s", member, exc)

    def _register(self) -> None:
        self.registered.clear()
        watcher = DBusAddress(WATCHER_PATH, WATCHER, WATCHER)
        self._call(new_method_call(watcher, "RegisterStatusNotifierItem", "s", (self.bus_name,)), "register")

    def _handle(self, message: Message) -> None:
        kind = message.header.message_type
        fields = message.header.fields
        if kind is MessageType.method_call:
            self._answer(message)
        elif kind in (MessageType.method_return, MessageType.error):
            what = self._pending.pop(fields.get(HeaderFields.reply_serial, -1), "")
            if what == "register":
                if kind is MessageType.method_return:
                    self.registered.set()
                    log.info("The tray item is registered with %s", WATCHER)
                else:
                    log.warning("%s refused the tray item: %s", WATCHER, message.body[:1])
        elif fields.get(HeaderFields.member) == "NameOwnerChanged" and message.body[:1] == (WATCHER,):
            if message.body[2]:  # a watcher (again): the new one knows nothing of us
                log.info("A tray watcher appeared on the bus: registering the item with it")
                self._register()
            else:
                self.registered.clear()

    def _answer(self, call: Message) -> None:
        fields = call.header.fields
        path, interface, member = (
            fields.get(f, "") for f in (HeaderFields.path, HeaderFields.interface, HeaderFields.member)
        )
        try:
            signature, body = self._dispatch(path, interface, member, call.body)
            reply = new_method_return(call, signature, body)
        except _Refused as exc:
            reply = new_error(call, exc.name, "s", (str(exc),))
        except Exception as exc:  # a malformed call must not end the item; the caller gets an error
            log.debug("A tray call %s.%s failed: %r", interface, member, exc)
            reply = new_error(call, "org.freedesktop.DBus.Error.Failed", "s", (type(exc).__name__,))
        self._send(reply)

    def _dispatch(
        self, path: str, interface: str, member: str, args: tuple[Any, ...]
    ) -> tuple[str | None, tuple[Any, ...]]:
        if interface == PEER_IFACE and member == "Ping":
            return None, ()
        if path == ITEM_PATH:
            return self._item_call(interface, member, args)
        if path == MENU_PATH:
            return self._menu_call(interface, member, args)
        if interface == INTROSPECT_IFACE and path == "/":
            return "s", (_introspection('<node name="StatusNotifierItem"/><node name="MenuBar"/>'),)
        raise _Refused("org.freedesktop.DBus.Error.UnknownObject", f"no object at {path}")

    # ------------------------------------------------------------------ org.kde.StatusNotifierItem
    def _item_properties(self) -> dict[str, Variant]:
        with self._lock:
            pixmaps = [(p.width, p.height, p.argb) for p in self._pixmaps]
            title, body = self._tooltip
        return {
            "Category": ("s", "ApplicationStatus"),
            "Id": ("s", self._id),
            "Title": ("s", self._title),
            "Status": ("s", "Active"),
            "WindowId": ("i", 0),
            "IconThemePath": ("s", ""),
            "Menu": ("o", MENU_PATH),
            "ItemIsMenu": ("b", False),
            "IconName": ("s", ""),
            "IconPixmap": ("a(iiay)", pixmaps),
            "OverlayIconName": ("s", ""),
            "OverlayIconPixmap": ("a(iiay)", []),
            "AttentionIconName": ("s", ""),
            "AttentionIconPixmap": ("a(iiay)", []),
            "AttentionMovieName": ("s", ""),
            "ToolTip": ("(sa(iiay)ss)", ("", [], title, body)),
        }

    def _item_call(
        self, interface: str, member: str, args: tuple[Any, ...]
    ) -> tuple[str | None, tuple[Any, ...]]:
        if interface == PROPS_IFACE:
            return self._properties(ITEM_IFACE, self._item_properties(), member, args)
        if interface == INTROSPECT_IFACE and member == "Introspect":
            return "s", (_ITEM_XML,)
        if interface in (ITEM_IFACE, ""):
            if member in ("Activate", "SecondaryActivate"):
                self._events.activated(secondary=member == "SecondaryActivate")
                return None, ()
            if member in ("ContextMenu", "Scroll"):  # the host draws the menu from MENU_PATH
                return None, ()
            if member == "ProvideXdgActivationToken" and args:
                self._events.activation_token(str(args[0]))
                return None, ()
        raise _Refused("org.freedesktop.DBus.Error.UnknownMethod", f"{interface}.{member} is not known here")

    @staticmethod
    def _properties(
        own: str, values: dict[str, Variant], member: str, args: tuple[Any, ...]
    ) -> tuple[str | None, tuple[Any, ...]]:
        if member == "GetAll":
            return "a{sv}", (values if args[:1] in ((own,), ("",)) else {},)
        if member == "Get" and len(args) == 2 and args[1] in values:
            return "v", (values[args[1]],)
        if member == "Set":
            raise _Refused(
                "org.freedesktop.DBus.Error.PropertyReadOnly", "the tray item's properties are read-only"
            )
        raise _Refused("org.freedesktop.DBus.Error.UnknownProperty", f"no property {args[1:2]}")

    # ------------------------------------------------------------------ com.canonical.dbusmenu
    def _menu_call(
        self, interface: str, member: str, args: tuple[Any, ...]
    ) -> tuple[str | None, tuple[Any, ...]]:
        if interface == PROPS_IFACE:
            values: dict[str, Variant] = {
                "Version": ("u", 3),
                "TextDirection": ("s", self._direction),
                "Status": ("s", "normal"),
                "IconThemePath": ("as", []),
            }
            return self._properties(MENU_IFACE, values, member, args)
        if interface == INTROSPECT_IFACE and member == "Introspect":
            return "s", (_MENU_XML,)
        with self._lock:
            nodes, revision = self._nodes, self._revision
        if member == "GetLayout":
            parent, depth, names = args
            return "u(ia{sv}av)", (revision, layout(self._node(nodes, parent), depth, frozenset(names)))
        if member == "GetGroupProperties":
            ids, names = args
            wanted = frozenset(names)
            chosen = [nodes[i] for i in ids if i in nodes] if ids else list(nodes.values())
            return "a(ia{sv})", (
                [(n.id, {k: v for k, v in n.props.items() if not wanted or k in wanted}) for n in chosen],
            )
        if member == "GetProperty":
            item, name = args
            props = self._node(nodes, item).props
            if name not in props:
                raise _Refused("org.freedesktop.DBus.Error.InvalidArgs", f"entry {item} has no {name}")
            return "v", (props[name],)
        if member == "Event":
            item, event = args[0], args[1]
            self._node(nodes, item)
            self._event(nodes, item, event)
            return None, ()
        if member == "EventGroup":
            unknown = [e[0] for e in args[0] if e[0] not in nodes]
            for event in args[0]:
                if event[0] in nodes:
                    self._event(nodes, event[0], event[1])
            if unknown and len(unknown) == len(args[0]):
                raise _Refused("org.freedesktop.DBus.Error.InvalidArgs", "no such entries")
            return "ai", (unknown,)
        if member == "AboutToShow":
            self._opening(nodes, self._node(nodes, args[0]).id)
            return "b", (False,)
        if member == "AboutToShowGroup":
            for item in args[0]:
                if item in nodes:
                    self._opening(nodes, item)
            return "aiai", ([], [i for i in args[0] if i not in nodes])
        raise _Refused("org.freedesktop.DBus.Error.UnknownMethod", f"{interface}.{member} is not known here")

    @staticmethod
    def _node(nodes: Mapping[int, MenuNode], item: int) -> MenuNode:
        node = nodes.get(item)
        if node is None:
            raise _Refused("org.freedesktop.DBus.Error.InvalidArgs", f"no menu entry {item}")
        return node

    def _event(self, nodes: Mapping[int, MenuNode], item: int, event: str) -> None:
        if event == "clicked":
            self._events.menu_clicked(item)
        elif event == "opened":
            self._opening(nodes, item)

    def _opening(self, nodes: Mapping[int, MenuNode], item: int) -> None:
        """The top level opens: announce each shown submenu (see the module's docstring)."""
        if item != ROOT_ID:
            return
        with self._lock:
            revision = self._revision
        for sub in _shown_submenus(nodes[ROOT_ID]):
            self._signal(MENU_PATH, MENU_IFACE, "LayoutUpdated", "ui", revision, sub.id)


def _shown_submenus(node: MenuNode) -> Iterator[MenuNode]:
    for child in node.children:
        if (
            child.props.get("children-display") == ("s", "submenu")
            and child.props.get("visible", ("b", True))[1]
        ):
            yield child
            yield from _shown_submenus(child)
