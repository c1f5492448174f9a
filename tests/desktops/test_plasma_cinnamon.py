"""KDE Plasma 5.27 and Cinnamon 5.6 on Xvfb, through their own tray hosts, with real pointer events
(issue 20): a double click on the icon leaves the app running and covers nothing, and the icon stays
trayapp's (the item never asks for attention) while a notification shows."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.desktops import tray
from tests.desktops.notices import NotifyLog
from tests.desktops.session import App, poll, session_fixture
from tests.desktops.x11 import (
    Cinnamon,
    Plasma,
    Rect,
    SniXDesktop,
    icon_change,
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


def test_icon_stays_trayapps_during_a_notification(desk: SniXDesktop, app: App, tmp_path: Path) -> None:
    with SNI(desk.bus) as sni, NotifyLog(desk.bus) as notices:
        item = tray.item_of(sni, app)
        tray.wait_menu_ready(sni, item)
        find_icon(desk, tmp_path / "panel.png")  # in the panel before the notice
        tip_before = tray.tooltip(sni, item)
        mark = tray.fail_a_change(sni, item, app, notices)
        # From the notice on, the item never asks for attention; once the icon trayapp exports is steady
        # (the change may change its state), the icon the panel draws stays it (no theme warning icon for
        # the notice's 5-10 s); the tooltip is not the notice's text.
        statuses = tray.settle_icon(sni, item)
        frames = []
        for n in range(7):
            frames.append(QImage(str(desk.screenshot(tmp_path / f"film-{n}.png"))))
            statuses.append(str(sni.props(item)["Status"]))
            if n == 1:
                desk.shot("notification")
            time.sleep(0.6)
        calls = notices.since(mark)
        tray.assert_one_notice(calls)
        assert "NeedsAttention" not in statuses, statuses
        changed = [round(icon_change(frames[0], f, desk.tray_area()), 2) for f in frames[1:]]
        assert max(changed) < 0.1, (
            f"the icon changed during the notification: {changed} ({tmp_path}/film-*.png)"
        )
        title, body = tray.tooltip(sni, item)
        assert calls[0].summary not in title and calls[0].summary not in body, (tip_before, (title, body))
