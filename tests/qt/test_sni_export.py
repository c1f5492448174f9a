"""What our StatusNotifierItem publishes from the tray's QMenu, before any bus: the labels as dbusmenu
shows them, the icon's bytes in the order the spec asks, the entries with stable ids, and only the
changes a host must hear of (over D-Bus, with real panels: tests/integration/test_sni_item.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtGui import QColor, QIcon, QPixmap
from pytestqt.qtbot import QtBot

from tests.qt.conftest import NOON, FakeService, FixedClock, three_views
from tests.qt.test_menu import Recorder
from trayapp.core.models import CustomStatus, Snapshot
from trayapp.qt.controller import Controller
from trayapp.qt.dispatcher import Dispatcher
from trayapp.qt.sni import SniIcon, argb_pixmaps, dbus_label
from trayapp.qt.tray import Tray
from trayapp.statusnotifier import MenuNode, index, menu_changes


@pytest.mark.parametrize(
    ("qt_text", "shown"),
    [
        ("Lunch", "Lunch"),
        ("user_id", "user__id"),  # a literal underscore stays one (dbusmenu: '__')
        ("Tom && Jerry", "Tom & Jerry"),  # menu.escape() doubled it for Qt
        ("&Quit", "_Quit"),  # Qt's mnemonic mark becomes dbusmenu's
        ("R&&D &team", "R&D _team"),
        ("Save 100&", "Save 100&"),  # a trailing '&' marks nothing
    ],
)
def test_labels_reach_the_panel_as_written(qt_text: str, shown: str) -> None:
    assert dbus_label(qt_text) == shown


def test_the_icon_is_sent_as_argb_in_network_byte_order(qtbot: QtBot) -> None:
    red = QPixmap(16, 16)
    red.fill(QColor(255, 0, 0, 128))
    icon = QIcon(red)
    (pixmap,) = argb_pixmaps(icon)
    assert (pixmap.width, pixmap.height) == (16, 16)
    assert pixmap.argb[:4] == bytes([128, 255, 0, 0])  # alpha, red, green, blue
    assert len(pixmap.argb) == 16 * 16 * 4


@pytest.fixture
def tray(qtbot: QtBot) -> Iterator[tuple[Tray, SniIcon, FakeService, Controller]]:
    service = FakeService(Snapshot(three_views()))
    controller = Controller(service, Dispatcher(), clock=FixedClock(NOON))  # type: ignore[arg-type]
    controller.load_now()
    tray = Tray(controller, Recorder())
    sni = SniIcon(tray.menu, "trayapp", tray)  # never started: no bus, only what it would serve
    tray.sni = sni  # as on a StatusNotifierItem host: every update publishes
    tray.update()
    yield tray, sni, service, controller
    controller.dispatcher.shutdown()


def labels(node: MenuNode) -> list[str]:
    return [str(c.props["label"][1]) for c in node.children if "label" in c.props and c.props["visible"][1]]


def by_label(node: MenuNode, start: str) -> MenuNode:
    return next(c for c in node.children if str(c.props.get("label", ("s", ""))[1]).startswith(start))


def test_the_menu_is_the_trays_own_entries(tray: tuple[Tray, SniIcon, FakeService, Controller]) -> None:
    _tray, sni, _service, _controller = tray
    root = sni.item.menu
    top = labels(root)
    assert top[0].startswith("Rocket.Chat (rocket-user)")
    assert [t for t in top if t in ("Available", "Away", "Busy", "Offline")] == [
        "Available",
        "Away",
        "Busy",
        "Offline",
    ]
    rc = by_label(root, "Rocket.Chat")
    assert rc.props["children-display"] == ("s", "submenu")
    assert {
        c.props["toggle-type"] for c in rc.children if c.props["visible"][1] and "toggle-type" in c.props
    } == {("s", "radio")}
    more = by_label(root, "More")
    assert by_label(more, "Launch at login").props["toggle-type"] == ("s", "checkmark")
    assert "Quit" in labels(more) and "Quit" not in top


def test_an_update_changes_properties_in_place_and_a_new_status_relayouts_one_submenu(
    tray: tuple[Tray, SniIcon, FakeService, Controller],
) -> None:
    _tray, sni, service, controller = tray
    before = sni.item.menu
    ids = {c.id for c in before.children}
    rc, cb, ss = service.snap.accounts
    rc_node = by_label(before, "Rocket.Chat")

    # A new status in Rocket.Chat's list: that submenu (and nothing above it) gets a new layout.
    rc2 = replace(rc, statuses=(CustomStatus("rc0", "Focus", "busy"), *rc.statuses))
    service.snap = Snapshot((rc2, cb, ss))
    controller.load_now()
    after = sni.item.menu
    assert {c.id for c in after.children} == ids  # the same entries keep their ids
    changes = menu_changes(index(before), after)
    assert changes.layouts == [rc_node.id]
    assert "Focus" in labels(by_label(after, "Rocket.Chat"))

    # Nothing changed: nothing to tell.
    sni.sync_menu()
    assert not menu_changes(index(after), sni.item.menu)


def test_menu_changes_names_only_what_changed() -> None:
    def node(i: int, label: str, *children: MenuNode) -> MenuNode:
        return MenuNode(i, {"label": ("s", label), "visible": ("b", True)}, children)

    old = node(0, "", node(1, "A", node(3, "x")), node(2, "B"))
    relabelled = node(0, "", node(1, "A", node(3, "y")), node(2, "B"))
    changes = menu_changes(index(old), relabelled)
    assert changes.updated == [(3, {"label": ("s", "y")})] and not changes.layouts and not changes.removed

    grown = node(0, "", node(1, "A", node(3, "x"), node(4, "new")), node(2, "C"))
    changes = menu_changes(index(old), grown)
    assert changes.layouts == [1] and changes.updated == [(2, {"label": ("s", "C")})]

    # A submenu whose entries and own label both change: a new layout, and its label as a property
    # (GNOME's AppIndicator reads only the children on LayoutUpdated).
    renamed = node(0, "", node(1, "A, until 5", node(4, "new")), node(2, "B"))
    changes = menu_changes(index(old), renamed)
    assert changes.layouts == [1] and changes.updated == [(1, {"label": ("s", "A, until 5")})]

    # The top level changed shape: one layout for it, and still the labels that changed inside it (GNOME
    # reads a new layout without labels).
    nested = node(0, "", node(2, "B"), node(1, "A", node(4, "z")))
    changes = menu_changes(index(old), nested)
    assert changes.layouts == [0] and changes.updated == []
    reshaped = node(0, "", node(2, "B2"), node(1, "A", node(3, "x2")))
    changes = menu_changes(index(old), reshaped)
    assert changes.layouts == [0] and changes.updated == [
        (2, {"label": ("s", "B2")}),
        (3, {"label": ("s", "x2")}),
    ]

    unlabelled = replace(old, children=(old.children[0], MenuNode(2, {"visible": ("b", True)})))
    assert menu_changes(index(old), unlabelled).removed == [(2, ["label"])]
