"""Left click, the same on every host (issues 11, 15, 20): it opens the status window, a small dialog-type
window (so window managers keep it floating), never a Qt-drawn menu at the pointer. On Plasma such a menu
opened upwards from the bottom panel with Quit under the pointer, so a double click quit the app.

- a StatusNotifierItem panel (xfce4-panel) draws the right-click menu in its own look; Activate, sent twice
  as Plasma does on a double click, shows one window and the app keeps running;
- an XEmbed tray (trayer): a real left click and a real double click on the icon, the same."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.integration import xtray
from tests.integration.sni_menu import SNI
from tests.integration.test_real_tray import xfce  # noqa: F401  (the fixture)
from tests.realparts import require_tools

pytestmark = [pytest.mark.realtray, pytest.mark.skipif(sys.platform != "linux", reason="Xvfb is Linux-only")]


def window_types(display: str, pid: int, skip: Sequence[str] = ()) -> list[str]:
    """_NET_WM_WINDOW_TYPE of each visible window of the process (NORMAL, POPUP_MENU, ...), but `skip`."""
    env = {**os.environ, "DISPLAY": display}
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", ""], env=env, capture_output=True, text=True
    )
    types = []
    for window in found.stdout.split():
        if window in skip:
            continue
        props = subprocess.run(
            ["xprop", "-id", window, "_NET_WM_PID", "_NET_WM_WINDOW_TYPE"],
            env=env,
            capture_output=True,
            text=True,
        ).stdout
        if f"_NET_WM_PID(CARDINAL) = {pid}" not in props:
            continue
        line = next((x for x in props.splitlines() if x.startswith("_NET_WM_WINDOW_TYPE(ATOM)")), "")
        # The first type is the one meant; "POPUP_MENU, NORMAL" is a menu with a fallback.
        types.append(line.partition("= ")[2].split(",")[0].replace("_NET_WM_WINDOW_TYPE_", "") or "?")
    return types


def window_title_and_size(display: str, pid: int) -> list[tuple[str, int, int]]:
    """Title, width and height of each visible window of the process."""
    env = {**os.environ, "DISPLAY": display}
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(pid)], env=env, capture_output=True
    )
    out = []
    for window in found.stdout.decode().split():
        name = subprocess.run(["xdotool", "getwindowname", window], env=env, capture_output=True, text=True)
        info = subprocess.run(["xwininfo", "-id", window], env=env, capture_output=True, text=True).stdout
        size = {k.strip(): v.strip() for k, _, v in (ln.partition(":") for ln in info.splitlines())}
        out.append((name.stdout.strip(), int(size.get("Width", 0)), int(size.get("Height", 0))))
    return out


def test_left_click_opens_the_status_window_not_a_qt_menu(
    xfce: xtray.TraySession,  # noqa: F811
    tmp_path: Path,
) -> None:
    require_tools("xdotool", "xprop")
    profile = tmp_path / "profile"
    with xtray.running_app(xfce, profile, "--demo") as app, SNI(xfce.bus, timeout=10) as sni:
        item = sni.wait_for_item(pid=app.pid, timeout=30)

        def tooltip_body() -> str:
            return str(sni.props(item)["ToolTip"]["description"])

        # The demo's icon comes before its accounts: clicked earlier, it would open the window saying so.
        xtray.wait_for(lambda: "Rocket.Chat (alice): Available" in tooltip_body(), 30, "the demo's accounts")
        assert window_types(xfce.display, app.pid) == []  # only the icon, which the panel draws
        sni.activate(item, 1200, 10)
        xtray.wait_for(lambda: "DIALOG" in window_types(xfce.display, app.pid), 15, "the status window")
        sni.activate(item, 1200, 10)  # idempotent: the same window, raised
        types = window_types(xfce.display, app.pid)
        assert types == ["DIALOG"], types  # no POPUP_MENU / DROPDOWN_MENU: no second menu look
        [(title, width, height)] = window_title_and_size(xfce.display, app.pid)
        assert title == "trayapp"
        assert 400 <= width <= 900 and height <= 600, (width, height)  # a popup, not the whole screen
        # A double click on Plasma: Activate twice, back to back. Still one window, and running.
        sni.activate(item, 1200, 10)
        sni.activate(item, 1200, 10)
        time.sleep(1)
        assert window_types(xfce.display, app.pid) == ["DIALOG"]
        assert app.poll() is None
        # An error line that wraps onto two rows: the window grows to show it whole (it was cut off).
        xtray.inject_fault(xtray.find_demo_server(app.pid), "404", "rocketchat")
        sni.click(item, ["Busy"])
        row = 10  # the height of a line of text in the default font, at least

        def grown() -> bool:
            """Taller by more than one row: Qt alone gave the line's first row only, cutting the rest."""
            [(_title, _width, now)] = window_title_and_size(xfce.display, app.pid)
            return now > height + 1.5 * row

        xtray.wait_for(grown, 15, f"the window to grow from {height} px for a two-row error line")
    log = (profile / "state" / "trayapp" / "log" / "trayapp.log").read_text()
    assert "Left click: showing the status window" in log


def icon_window(display: str, pid: int) -> str:
    """The app's icon window embedded into the XEmbed tray ("" until it is)."""
    env = {**os.environ, "DISPLAY": display}
    found = subprocess.run(["xdotool", "search", "--pid", str(pid)], env=env, capture_output=True, text=True)
    for window in found.stdout.split():
        tree = subprocess.run(["xwininfo", "-id", window, "-tree"], env=env, capture_output=True, text=True)
        attrs = subprocess.run(["xwininfo", "-id", window], env=env, capture_output=True, text=True).stdout
        parent = next((ln for ln in tree.stdout.splitlines() if "Parent window id" in ln), "")
        if parent and "(the root window)" not in parent and "IsViewable" in attrs:
            return window
    return ""


def test_left_and_double_click_in_an_xembed_tray_open_the_window_and_never_quit(tmp_path: Path) -> None:
    xtray.require("trayer")
    require_tools("xprop")
    (tmp_path / "x").mkdir()
    profile = tmp_path / "profile"
    with (
        xtray.TraySession(tmp_path / "x", host="trayer") as session,
        xtray.running_app(session, profile, "--demo") as app,
    ):
        env = session.env()
        xtray.wait_for(lambda: icon_window(session.display, app.pid), 30, "the icon to embed into trayer")
        icon = icon_window(session.display, app.pid)
        subprocess.run(
            ["xdotool", "mousemove", "--window", icon, "8", "8", "click", "1"], env=env, check=True
        )

        def shown() -> list[str]:
            return window_types(session.display, app.pid, skip=[icon])

        xtray.wait_for(lambda: "DIALOG" in shown(), 15, "the status window")
        assert shown() == ["DIALOG"]  # no POPUP_MENU: no menu at the pointer
        # A double click: the window stays the one window, and nothing quits the app.
        click_twice = [
            "xdotool",
            "mousemove",
            "--window",
            icon,
            "8",
            "8",
            "click",
            "--repeat",
            "2",
            "--delay",
            "80",
            "1",
        ]
        subprocess.run(click_twice, env=env, check=True)
        time.sleep(1)
        assert app.poll() is None, xtray.app_log(profile)
        assert shown() == ["DIALOG"]
