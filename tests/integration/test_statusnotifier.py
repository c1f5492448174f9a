"""trayapp.statusnotifier on a real private bus, called the way a panel calls it, for what no panel
sends on purpose: unknown entries, read-only properties, a watcher that is not there, and no bus. The
item must answer each with a D-Bus error and keep serving (a panel's bad call never takes the icon away).
With a real panel: test_sni_item.py, test_menu_dbus.py and tests/desktops."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from jeepney import DBusAddress

from tests.integration import xtray
from tests.integration.sni_menu import SNI, SNIError
from trayapp.statusnotifier import ITEM_PATH, MENU_PATH, MenuNode, Pixmap, StatusNotifierItem

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="D-Bus is Linux-only")


class Heard:
    def __init__(self) -> None:
        self.clicks: list[int] = []
        self.activations: list[bool] = []
        self.tokens: list[str] = []
        self.failures: list[str] = []
        self.event = threading.Event()

    def activated(self, secondary: bool) -> None:
        self.activations.append(secondary)
        self.event.set()

    def menu_clicked(self, item_id: int) -> None:
        self.clicks.append(item_id)
        self.event.set()

    def activation_token(self, token: str) -> None:
        self.tokens.append(token)
        self.event.set()

    def failed(self, reason: str) -> None:
        self.failures.append(reason)
        self.event.set()


MENU = MenuNode(
    0,
    {"children-display": ("s", "submenu")},
    (
        MenuNode(1, {"label": ("s", "Busy"), "visible": ("b", True), "enabled": ("b", True)}),
        MenuNode(
            2,
            {"label": ("s", "More"), "children-display": ("s", "submenu"), "visible": ("b", True)},
            (MenuNode(3, {"label": ("s", "Quit"), "visible": ("b", True), "enabled": ("b", True)}),),
        ),
    ),
)


@pytest.fixture
def item(tmp_path: Path) -> Iterator[tuple[StatusNotifierItem, Heard, SNI]]:
    xtray.require("none")
    (tmp_path / "x").mkdir()
    with xtray.TraySession(tmp_path / "x", host="none", bus="bare") as session:
        heard = Heard()
        served = StatusNotifierItem(heard, address=session.bus)
        served.publish_menu(MENU)
        served.publish_icon((Pixmap(1, 1, b"\xff\x00\x80\xff"),))
        served.publish_tooltip("trayapp: Busy", "Rocket.Chat (alice): Busy")
        served.start()
        xtray.wait_for(lambda: bool(served.bus_name), 10, "the item on the bus")
        with SNI(session.bus, timeout=5) as panel:
            yield served, heard, panel
        served.stop()


def test_a_panels_bad_calls_get_errors_and_the_item_keeps_serving(
    item: tuple[StatusNotifierItem, Heard, SNI],
) -> None:
    served, heard, panel = item
    menu = DBusAddress(MENU_PATH, served.bus_name, "com.canonical.dbusmenu")
    props = DBusAddress(ITEM_PATH, served.bus_name, "org.kde.StatusNotifierItem")
    with pytest.raises(SNIError, match="InvalidArgs"):
        panel.call(menu, "GetLayout", "iias", (99, -1, []))
    with pytest.raises(SNIError, match="InvalidArgs"):
        panel.call(menu, "Event", "isvu", (99, "clicked", ("i", 0), 0))
    with pytest.raises(SNIError, match="UnknownMethod"):
        panel.call(props, "Explode", "ii", (0, 0))
    with pytest.raises(SNIError, match="PropertyReadOnly"):
        panel.call(
            DBusAddress(ITEM_PATH, served.bus_name, "org.freedesktop.DBus.Properties"),
            "Set",
            "ssv",
            ("org.kde.StatusNotifierItem", "Status", ("s", "NeedsAttention")),
        )
    # ... and still serves: the layout one level deep, names filtered, the tooltip, a click.
    _revision, (root_id, _props, children) = panel.call(menu, "GetLayout", "iias", (0, 1, ["label"]))
    assert root_id == 0 and [c[1][1] for c in children] == [
        {"label": ("s", "Busy")},
        {"label": ("s", "More")},
    ]
    assert children[1][1][2] == []  # depth 1: More's entries are not sent
    assert panel.get_all(props)["ToolTip"] == ("", [], "trayapp: Busy", "Rocket.Chat (alice): Busy")
    assert panel.call(
        menu, "EventGroup", "a(isvu)", ([(3, "clicked", ("i", 0), 0), (98, "clicked", ("i", 0), 0)],)
    ) == ([98],)
    assert heard.clicks == [3]
    panel.call(props, "SecondaryActivate", "ii", (0, 0))
    xtray.wait_for(lambda: heard.activations == [True], 5, "the middle click")
    assert served.registered.is_set() is False  # no watcher on this bus: nothing took the item
    assert heard.failures == []


def test_no_bus_is_reported_never_raised() -> None:
    heard = Heard()
    served = StatusNotifierItem(heard, address="unix:path=/nonexistent/bus")
    served.start()
    assert heard.event.wait(10)
    served.stop()
    assert len(heard.failures) == 1 and "session bus" in heard.failures[0], heard.failures
