"""GNOME Shell 43 (issue 15), headless Wayland, real pointer and key events through the shell's input stack.

With the AppIndicator extension at 1280x800: the icon is in the top bar in its state, drawn from
trayapp's own pixmaps. Stock GNOME (no tray): the fallback window appears, and a change made in it that
fails is notified though there is no tray."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from tests.desktops import tray
from tests.desktops.gnome import GnomeShell
from tests.desktops.notices import NotifyLog
from tests.desktops.session import App, poll, session_fixture
from tests.desktops.x11 import Rect, red_box
from tests.integration.sni_menu import SNI

pytestmark = [pytest.mark.desktop, pytest.mark.skipif(sys.platform != "linux", reason="Linux desktops")]


@pytest.fixture(scope="module")
def gnome(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GnomeShell]:
    yield from session_fixture(GnomeShell(tmp_path_factory.mktemp("gnome")))  # type: ignore[misc]


@pytest.fixture(scope="module")
def stock(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GnomeShell]:
    yield from session_fixture(GnomeShell(tmp_path_factory.mktemp("stock"), appindicator=False))  # type: ignore[misc]


@pytest.fixture
def app(gnome: GnomeShell) -> Iterator[App]:
    gnome.tt("closeMenus()")
    with gnome.app() as running:
        yield running


def indicator(gnome: GnomeShell, app: App) -> dict[str, Any]:
    state = poll(lambda: gnome.tt("iconState()"), 30, interval=0.5)
    assert isinstance(state, dict), "no AppIndicator icon in GNOME's top bar\n" + app.log()
    return state


def test_icon_is_in_the_top_bar_in_the_right_state(gnome: GnomeShell, app: App) -> None:
    with SNI(gnome.bus) as sni:
        item = tray.item_of(sni, app)
        tray.wait_menu_ready(sni, item)
        state = indicator(gnome, app)
        gnome.shot("panel")
        assert state["status"] == "Active", state
        assert state["name"] == "trayapp", state
        assert 16 <= state["w"] <= 64 and state["y"] == 0, state  # in the top bar, an icon's size
        assert "dialog-warning" not in state["iconNames"], state  # trayapp's own pixmaps, not a theme icon


def test_stock_gnome_shows_the_fallback_window_and_notifications_arrive(
    stock: GnomeShell, tmp_path: Path
) -> None:
    with stock.app() as app, NotifyLog(stock.bus) as notices:

        def window() -> dict[str, Any] | None:
            found = [w for w in stock.tt("windows()") if w["pid"] == app.pid or w["title"] == "trayapp"]
            return found[0] if found else None

        shown = poll(window, 30, interval=0.5)
        assert isinstance(shown, dict), "no fallback window on stock GNOME\n" + app.log()
        time.sleep(2)  # the start-up refresh fills it
        # A change made in that window fails on one service: the user is told, though there is no tray.
        tray.fault(tray.demo_url(app), "500", "rocketchat", 3)
        stock.eval("Main.overview.hide(); true")  # GNOME starts in the overview when no window is open
        time.sleep(1)
        assert stock.eval("Main.overview.visible") is False
        stock.shot("fallback")
        placed = window()  # where the shell put it (it moves once placed)
        assert placed is not None and placed["title"] == "trayapp" and placed["w"] >= 300, placed
        frame = Rect(placed["x"], placed["y"], placed["w"], placed["h"])
        busy = red_box(QImage(str(stock.screenshot(tmp_path / "fallback.png"))), frame)
        assert busy is not None, f"no Busy button (its red icon) in the fallback window {frame}"
        mark = time.monotonic()
        stock.click(*busy.centre)  # Busy: sent to every account, Rocket.Chat fails
        first = notices.first(mark, 20)
        stock.shot("fallback-notification")
        assert first is not None, "no notification from the fallback window's change\n" + app.log()
        assert first.app_name == "trayapp", str(first)
