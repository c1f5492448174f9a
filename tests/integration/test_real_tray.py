"""The app in a real system tray: `python -m trayapp --demo` on Xvfb with a real tray host.

- xfce4-panel (StatusNotifierItem, what KDE/XFCE/GNOME+AppIndicator speak): the item registers with the
  panel, its menu is read and clicked over DBusMenu exactly as the panel does, and the click changes the
  status on the demo server (checked over the services' own HTTP APIs).
- trayer (XEmbed): the icon window is embedded into the tray.
Missing binaries skip locally and fail in CI (CI=true), so these tests can never be silently skipped.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration import xtray
from tests.integration.sni_menu import SNI, Item, checked, find_label, find_path, format_tree
from trayapp.demo import seed

pytestmark = [pytest.mark.realtray, pytest.mark.skipif(sys.platform != "linux", reason="Xvfb is Linux-only")]

RC = "Rocket.Chat (alice)"
SS = f"Smartsheet RM ({seed.SS_USER_EMAIL})"


def rc_me(base: str) -> dict[str, object]:
    request = urllib.request.Request(
        f"{base}{seed.ROCKETCHAT_PREFIX}/api/v1/me",
        headers={"X-User-Id": seed.RC_ALICE_ID, "X-Auth-Token": seed.RC_ALICE_PAT},
    )
    with urllib.request.urlopen(request, timeout=5) as reply:
        body = json.loads(reply.read())
    assert isinstance(body, dict)
    return body


@pytest.fixture
def xfce(tmp_path: Path) -> Iterator[xtray.TraySession]:
    xtray.require("xfce")
    session = xtray.TraySession(tmp_path / "x", host="xfce")
    (tmp_path / "x").mkdir()
    with session:
        yield session


def account_line(tree: dict[str, Any], account: str) -> dict[str, Any]:
    """The account's line ("Rocket.Chat (alice): Available"), a submenu of its statuses."""
    [node] = [n for n in tree["children"] if n["visible"] and n["label"].startswith(f"{account}: ")]
    return dict(node)


def test_menu_in_the_panel_changes_the_status_on_the_server(xfce: xtray.TraySession, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    with xtray.running_app(xfce, profile, "--demo") as app, SNI(xfce.bus, timeout=10) as sni:
        try:
            item: Item = sni.wait_for_item(pid=app.pid, timeout=30)
        except Exception:
            pytest.fail("the tray icon never registered with the panel:\n" + xtray.app_log(profile))
        # Embedded: the panel's watcher lists the item, which shows an icon and a useful tooltip (once the
        # demo's accounts are in: the icon comes first, "starting the demo…" until then).
        props = sni.props(item)
        assert props["Status"] in ("Active", "NeedsAttention")
        assert props["IconPixmap"], "no icon pixmaps exported"

        def tooltip_text() -> str:
            tooltip = sni.props(item)["ToolTip"]
            return " ".join(str(p) for p in tooltip) if isinstance(tooltip, (list, tuple)) else str(tooltip)

        xtray.wait_for(lambda: "Rocket.Chat (alice): Available" in tooltip_text(), 15, "the demo's accounts")

        base = xtray.find_demo_server(app.pid)
        assert rc_me(base)["status"] == "online"
        requests_before = xtray.settled_request_log(base)  # the start-up refresh has finished

        # What the panel shows when the user opens the menu.
        tree = sni.layout(item)
        shown = format_tree(tree)
        for line in (
            f"{RC}: Available",
            f"Callbell ({seed.CB_USER_EMAIL}): Available",
            f"{SS}: In the office (available)",
        ):
            assert find_label(tree, line) is not None, shown
        assert checked(find_path(tree, ["Available"])) is True
        assert checked(find_path(tree, ["Busy"])) is False
        # Opening the menu made no request: it shows the cache.
        requests_after = json.loads(urllib.request.urlopen(f"{base}/_demo/requests", timeout=5).read())
        assert requests_after["total"] == requests_before["total"]

        # Click "Busy" the way the panel does; the status changes on the server and the check moves.
        sni.click(item, ["Busy"])
        xtray.wait_for(lambda: rc_me(base)["status"] == "busy", 15, "Rocket.Chat to show busy")
        tree = sni.wait_layout(item, lambda t: checked(find_path(t, ["Busy"])) is True, timeout=15)
        assert checked(find_path(tree, ["Available"])) is False

        # A custom status from an account's line, which opens its statuses.
        sni.click(item, [f"#{account_line(tree, RC)['id']}", "Lunch"])
        xtray.wait_for(lambda: rc_me(base)["statusText"] == "Lunch", 15, "Rocket.Chat to show Lunch")
        sni.click(item, [f"#{account_line(tree, SS)['id']}", "Working from home"])
        sni.wait_layout(item, lambda t: find_label(t, f"{SS}: Working from home (available)") is not None)

        # A logout's SIGTERM quits cleanly, and the icon leaves the panel.
        app.send_signal(signal.SIGTERM)
        assert app.wait(15) == 0, xtray.app_log(profile)
        xtray.wait_for(lambda: not any(i.pid == app.pid for i in sni.items()), 10, "the item to go away")
    assert "Traceback" not in xtray.app_log(profile)


def test_second_start_hands_over_and_exits(xfce: xtray.TraySession, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    with xtray.running_app(xfce, profile, "--demo") as app, SNI(xfce.bus, timeout=10) as sni:
        sni.wait_for_item(pid=app.pid, timeout=30)
        second = subprocess.run(
            [sys.executable, "-m", "trayapp", "--demo"],
            env=xfce.app_env(profile),
            capture_output=True,
            timeout=30,
        )
        assert second.returncode == 0, second.stderr.decode()
        assert app.poll() is None  # the first one keeps running
        assert len([i for i in sni.items() if i.pid == app.pid]) == 1
        # "Quit" in the panel's menu (under "More") ends it cleanly.
        sni.click(sni.find_item(pid=app.pid), ["More", "Quit"])
        assert app.wait(15) == 0
    assert (
        "Another start asked for 'show'"
        in (profile / "state" / "trayapp" / "log" / "trayapp.log").read_text()
    )


@pytest.mark.parametrize("colour", ["0xf2f2f2", "0x202020"], ids=["light-panel", "dark-panel"])
def test_icon_embeds_in_an_xembed_tray(tmp_path: Path, colour: str) -> None:
    xtray.require("trayer")
    root = tmp_path / "x"
    root.mkdir()
    with xtray.TraySession(root, host="trayer", panel_colour=colour) as session:
        profile = tmp_path / "profile"
        with xtray.running_app(session, profile, "--demo") as app:
            env = session.env()

            def embedded() -> bool:
                """One of the app's windows is a mapped child of the tray (not of the root window)."""
                found = subprocess.run(
                    ["xdotool", "search", "--pid", str(app.pid)], env=env, capture_output=True, text=True
                )
                for window in found.stdout.split():
                    tree = subprocess.run(
                        ["xwininfo", "-id", window, "-tree"], env=env, capture_output=True, text=True
                    ).stdout
                    attrs = subprocess.run(
                        ["xwininfo", "-id", window], env=env, capture_output=True, text=True
                    ).stdout
                    parent = next((ln for ln in tree.splitlines() if "Parent window id" in ln), "")
                    if parent and "(the root window)" not in parent and "IsViewable" in attrs:
                        width = next((ln for ln in attrs.splitlines() if "Width:" in ln), "0")
                        return int(width.split(":")[1]) >= 16
                return False

            xtray.wait_for(embedded, 30, "the icon to embed into trayer")
            if os.environ.get("TRAYAPP_SHOTS"):
                session.screenshot(Path(os.environ["TRAYAPP_SHOTS"]) / f"xembed-{colour}.png")
        assert app.returncode == 0 or app.returncode == -signal.SIGTERM
