"""mate-panel (its notification area hosts StatusNotifierItems) with dunst, on Xvfb: the menu as mate-panel
reads it over DBusMenu: a click changes the status on the service and the check moves, the availabilities
are one choice (radio items), and every submenu is filled without waiting for AboutToShow."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.desktops import tray
from tests.desktops.session import App, session_fixture
from tests.desktops.x11 import Mate
from tests.integration import xtray
from tests.integration.sni_menu import SNI, checked, find_path, format_tree, is_submenu, walk
from tests.integration.test_real_tray import rc_me

pytestmark = [pytest.mark.desktop, pytest.mark.skipif(sys.platform != "linux", reason="Linux desktops")]

AVAILABILITIES = ["Available", "Away", "Busy", "Offline"]


@pytest.fixture(scope="module")
def mate(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Mate]:
    yield from session_fixture(Mate(tmp_path_factory.mktemp("mate")))  # type: ignore[misc]


@pytest.fixture
def app(mate: Mate) -> Iterator[App]:
    with mate.app() as running:
        yield running


def test_a_click_in_the_menu_changes_the_status(mate: Mate, app: App, tmp_path: Path) -> None:
    with SNI(mate.bus) as sni:
        item = tray.item_of(sni, app)
        tray.wait_menu_ready(sni, item)
        mate.shot("panel")
        props = sni.props(item)
        assert props["Status"] == "Active" and props["IconPixmap"], props
        base = tray.demo_url(app)
        sni.click(item, ["Busy"])
        xtray.wait_for(lambda: rc_me(base)["status"] == "busy", 15, "Rocket.Chat to show busy")
        tree = sni.wait_layout(item, lambda t: checked(find_path(t, ["Busy"])) is True, timeout=15)
        assert checked(find_path(tree, ["Available"])) is False, format_tree(tree)
        mate.shot("after-busy")


def test_availabilities_are_one_choice(mate: Mate, app: App) -> None:
    with SNI(mate.bus) as sni:
        item = tray.item_of(sni, app)
        tree = tray.wait_menu_ready(sni, item)
        kinds = {label: find_path(tree, [label])["toggle-type"] for label in AVAILABILITIES}
        assert set(kinds.values()) == {"radio"}, kinds


def test_every_submenu_is_filled_without_about_to_show(mate: Mate, app: App) -> None:
    """A host may read the whole menu at once (GetLayout(0, -1)) and never send AboutToShow."""
    with SNI(mate.bus) as sni:
        item = tray.item_of(sni, app)
        tray.wait_menu_ready(sni, item)
        tree = sni.get_layout(item)
        empty = [n["label"] for _, n in walk(tree) if n["visible"] and is_submenu(n) and not n["children"]]
        assert not empty, f"submenus empty until AboutToShow: {empty}\n{format_tree(tree)}"
