"""GNOME Shell 43 (issue 15), headless Wayland, real pointer and key events through the shell's input stack.

With the AppIndicator extension at 1280x800: the icon is in the top bar in its state, drawn from
trayapp's own pixmaps; with three accounts and one running timed change the menu opens fully and so does
every submenu (GNOME opens submenus inside the menu: a menu too tall left each a 9 px strip). Stock GNOME
(no tray): the fallback window appears, and a change made in it that fails is notified."""

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
from tests.integration import xtray
from tests.integration.sni_menu import SNI, Item, walk

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
    gnome.leave_overview()
    with gnome.app() as running:
        yield running


def indicator(gnome: GnomeShell, app: App) -> dict[str, Any]:
    state = poll(lambda: gnome.tt("iconState()"), 30, interval=0.5)
    assert isinstance(state, dict), "no AppIndicator icon in GNOME's top bar\n" + app.log()
    return state


def start_timed_change(gnome: GnomeShell, app: App, sni: SNI, item: Item) -> None:
    """Away on every account for 30 minutes, chosen in the status picker as a user would: "Set a
    status…" clicked in GNOME's own menu (which hands the app an activation token, so the picker gets
    the keyboard), then the keyboard: type to find Away, Alt+A for "Clear after", one down, back to the
    search, Enter."""
    menu = open_menu(gnome, indicator(gnome, app))
    [entry] = [i for i in menu["items"] if i["path"] == ["Set a status…"]]
    gnome.click(entry["x"] + 40, entry["y"] + entry["h"] // 2)
    picker = poll(lambda: [w for w in gnome.tt("windows()") if "Set a status" in w["title"]], 10)
    assert picker, "'Set a status…' opened no picker window"

    # Type only once the picker has the keyboard: the window maps before GNOME hands it the focus (CI
    # once lost every key to that gap), and a picker that never gets it is a defect of its own.
    def has_focus() -> list[dict[str, Any]]:
        return [w for w in gnome.tt("windows()") if "Set a status" in w["title"] and w["focus"]]

    focused = poll(has_focus, 10)
    windows = gnome.tt("windows()")
    assert focused, f"the picker opened without the keyboard focus: {picker}; windows: {windows}"
    time.sleep(0.3)
    for key in ("a", "w", "a", "y", "Alt_L+a", "Down", "Alt_L+s", "Return"):
        gnome.key(key)
        time.sleep(0.3)
    sni.wait_layout(item, lambda t: any("until" in n["label"] for _, n in walk(t)), timeout=20)


def open_menu(gnome: GnomeShell, icon: dict[str, Any]) -> dict[str, Any]:
    gnome.click(icon["x"] + icon["w"] // 2, icon["y"] + icon["h"] // 2, button=3)

    def placed() -> dict[str, Any] | None:  # open, and laid out on the screen
        menu = gnome.tt("menu()")
        return menu if menu and menu["menu"]["y"] is not None and menu["menu"]["h"] > 0 else None

    poll(placed, 5)
    time.sleep(0.8)  # its final size
    menu = placed()
    assert isinstance(menu, dict), "a right click on the icon opened no menu"
    return menu


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


def test_menu_and_every_submenu_open_fully_at_1280x800(gnome: GnomeShell, app: App) -> None:
    with SNI(gnome.bus) as sni:
        item = tray.item_of(sni, app)
        tray.wait_menu_ready(sni, item)
        start_timed_change(gnome, app, sni, item)  # three accounts and one running timed change
        expected = tray.top_submenus(sni.layout(item))
    icon = indicator(gnome, app)
    menu = open_menu(gnome, icon)

    def top_labels(menu: dict[str, Any]) -> list[str]:
        return [i["label"] for i in menu["items"] if i["submenu"] and len(i["path"]) == 1]

    # GNOME applies the menu's last updates (the timed change's labels) a moment later under load.
    deadline = time.monotonic() + 10
    while top_labels(menu) != expected and time.monotonic() < deadline:
        time.sleep(0.5)
        menu = gnome.tt("menu()") or open_menu(gnome, icon)
    gnome.shot("menu")
    box, monitor = menu["menu"], menu["monitor"]
    problems = []
    top = [i for i in menu["items"] if len(i["path"]) == 1]
    last = max(i["y"] + i["h"] for i in top)
    if box["y"] + box["h"] > monitor["h"] or last > box["y"] + box["h"]:
        problems.append(
            f"the menu itself: {box} (its last entry ends at y={last}) does not fit a "
            f"{monitor['w']}x{monitor['h']} screen"
        )
    subs = [i for i in menu["items"] if i["submenu"] and len(i["path"]) == 1]
    assert [s["label"] for s in subs] == expected, (subs, expected)
    for sub in subs:
        pending = [sub["path"]]
        while pending:  # this submenu, then the submenus inside it
            path = pending.pop(0)
            now = gnome.tt("menu()")
            if now is None:
                now = open_menu(gnome, icon)
            row = next((i for i in now["items"] if i["path"] == path), None)
            if row is None:
                problems.append(f"{' > '.join(path)!r}: gone from the menu once its parent opened")
                continue
            if not row["open"]:
                gnome.click(row["x"] + 40, row["y"] + row["h"] // 2)
                time.sleep(0.8)
                now = gnome.tt("menu()") or {"items": []}
                row = next((i for i in now["items"] if i["path"] == path), row)
            if sub is subs[0] and path == sub["path"]:
                gnome.shot("submenu")
            entries = [i for i in now["items"] if i["path"][:-1] == path]
            bottom = max((i["y"] + i["h"] for i in entries), default=0)
            if not row.get("open"):
                problems.append(f"{row['label']!r}: did not open on a click")
            elif row["shown"] < row["natural"] - 1 or bottom > monitor["h"]:
                problems.append(
                    f"{row['label']!r}: {row['shown']} of its {row['natural']} px shown"
                    + (", with a scrollbar" if row["scrolled"] else "")
                    + (f", its last entry ends at y={bottom}" if bottom > monitor["h"] else "")
                )
            pending += [i["path"] for i in entries if i["submenu"]]
    gnome.tt("closeMenus()")
    assert not problems, "submenus not usable at 1280x800:\n" + "\n".join(problems)


def test_a_notification_leaves_the_icon_and_the_tooltip_alone(gnome: GnomeShell, app: App) -> None:
    with SNI(gnome.bus) as sni, NotifyLog(gnome.bus) as notices:
        item = tray.item_of(sni, app)
        tray.wait_menu_ready(sni, item)
        indicator(gnome, app)
        mark = tray.fail_a_change(sni, item, app, notices)
        seen = []
        for n in range(7):
            seen.append(gnome.tt("iconState()"))
            if n == 1:
                gnome.shot("notification")
            time.sleep(0.6)
        title, body = tray.tooltip(sni, item)
        calls = notices.since(mark)
        tray.assert_one_notice(calls)
        shown = gnome.eval(
            "JSON.stringify(Main.messageTray.getSources().map(s => [s.title, s.notifications.length]))"
        )
    assert [s["status"] for s in seen] == ["Active"] * len(seen), seen
    assert not any("dialog-warning" in s["iconNames"] for s in seen), seen
    assert calls[0].summary not in title and calls[0].summary not in body, (title, body)
    assert shown, "GNOME Shell shows no notification"


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
        xtray.inject_fault(tray.demo_url(app), "500", "rocketchat", 3)
        stock.leave_overview()  # GNOME starts in the overview when no window is open
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
