"""Left click in a StatusNotifierItem panel (issue 11): the panel draws the right-click menu in its own look,
so the left click must not pop a second, Qt-drawn menu next to it; it opens the status window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration import xtray
from tests.integration.sni_menu import SNI
from tests.integration.test_real_tray import xfce  # noqa: F401  (the fixture)
from tests.realparts import require_tools

pytestmark = [pytest.mark.realtray, pytest.mark.skipif(sys.platform != "linux", reason="Xvfb is Linux-only")]


def window_types(display: str, pid: int) -> list[str]:
    """_NET_WM_WINDOW_TYPE of each visible window of the process (NORMAL, POPUP_MENU, ...)."""
    env = {**os.environ, "DISPLAY": display}
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", ""], env=env, capture_output=True, text=True
    )
    types = []
    for window in found.stdout.split():
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


def test_left_click_opens_the_status_window_not_a_qt_menu(
    xfce: xtray.TraySession,  # noqa: F811
    tmp_path: Path,
) -> None:
    require_tools("xdotool", "xprop")
    profile = tmp_path / "profile"
    with xtray.running_app(xfce, profile, "--demo") as app, SNI(xfce.bus, timeout=10) as sni:
        item = sni.wait_for_item(pid=app.pid, timeout=30)
        assert window_types(xfce.display, app.pid) == []  # only the icon, which the panel draws
        sni.activate(item, 1200, 10)
        xtray.wait_for(lambda: "NORMAL" in window_types(xfce.display, app.pid), 15, "the status window")
        sni.activate(item, 1200, 10)  # idempotent: the same window, raised
        types = window_types(xfce.display, app.pid)
        assert types == ["NORMAL"], types  # no POPUP_MENU / DROPDOWN_MENU: no second menu look
    log = (profile / "state" / "trayapp" / "log" / "trayapp.log").read_text()
    assert "Left click: showing the status window" in log
