"""sway + waybar + mako (issue 15): a real left click on trayapp's icon in waybar's tray does what the app
promises: the status window or the picker, as a proper dialog (floating, its own size, not the New status
form tiled across the whole screen)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from tests.desktops import tray
from tests.desktops.session import poll, session_fixture
from tests.desktops.sway import Sway
from tests.desktops.x11 import Rect, coloured_box
from tests.integration.sni_menu import SNI

pytestmark = [pytest.mark.desktop, pytest.mark.skipif(sys.platform != "linux", reason="Linux desktops")]


@pytest.fixture(scope="module")
def sway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sway]:
    yield from session_fixture(Sway(tmp_path_factory.mktemp("sway")))  # type: ignore[misc]


def test_left_click_opens_a_proper_dialog(sway: Sway, tmp_path: Path) -> None:
    with sway.app() as app, SNI(sway.bus) as sni:
        item = tray.item_of(sni, app)
        tray.wait_menu_ready(sni, item)
        width, height = sway.size
        bar = Rect(width // 2, 0, width - width // 2, 30)

        def icon() -> Rect | None:
            return coloured_box(QImage(str(sway.screenshot(tmp_path / "bar.png"))), bar)

        found = poll(icon, 20, interval=0.5)
        assert isinstance(found, Rect), f"no coloured icon in waybar's tray ({tmp_path / 'bar.png'})"
        sway.shot("waybar")
        assert sway.windows() == [], sway.windows()  # nothing but the bar before the click

        sway.click(*found.centre, button=1)

        def opened() -> list[dict[str, Any]]:
            return [w for w in sway.windows() if w["pid"] == app.pid]

        windows = poll(opened, 10)
        time.sleep(1)  # its final size
        windows = opened()
        sway.shot("left-click")
        assert windows, "a left click on the icon opened nothing\n" + app.log()
        [window] = windows
        rect = window["rect"]
        assert "New status" not in str(window["name"]), window
        assert window["floating"], f"tiled like a document window, not a dialog: {window}"
        assert rect["width"] < 0.9 * width and rect["height"] < 0.9 * height, f"fills the screen: {window}"
        assert app.alive()
