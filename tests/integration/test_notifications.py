"""Notifications as the user sees them, from the real app (`python -m trayapp --demo`) to a real
notification server (dunst) on the test's private session bus, every Notify call recorded by dbus-monitor:

- in a StatusNotifierItem panel (xfce4-panel): a failed change is one notice, from "trayapp" with the app's
  icon; the same failure again replaces it (replaces_id) instead of stacking; and the tray item is left
  alone meanwhile: it stays Active, with its own icon and tooltip (Qt's showMessage turned it into
  NeedsAttention with the theme's dialog-warning and the notice as its tooltip for 5-10 s);
(The no-tray window's notices: tests/qt/test_notices.py, which presses the window's own buttons.)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration import xtray
from tests.integration.notifyd import NotifyCapture, start_dunst
from tests.integration.sni_menu import SNI, Item, labels

pytestmark = [pytest.mark.realtray, pytest.mark.skipif(sys.platform != "linux", reason="Xvfb is Linux-only")]

FAILED = "Could not set Busy"


def item_state(sni: SNI, item: Item) -> dict[str, Any]:
    """What a panel draws from: status, icon (name and pixels), attention icon, tooltip."""
    raw = sni.get_all(sni._item_addr(item))
    tooltip: tuple[str, list[Any], str, str] = raw.get("ToolTip") or ("", [], "", "")
    return {
        "Status": raw.get("Status"),
        "IconName": raw.get("IconName"),
        "IconPixmap": [(w, h, bytes(data)) for w, h, data in raw.get("IconPixmap", [])],
        "AttentionIconName": raw.get("AttentionIconName", ""),
        "ToolTip": (tooltip[2], tooltip[3]),
    }


def steady_state(sni: SNI, item: Item, quiet_s: float = 1.5, timeout_s: float = 20) -> dict[str, Any]:
    """The item's state once it has not changed for `quiet_s` seconds."""
    deadline = time.monotonic() + timeout_s
    last = item_state(sni, item)
    while time.monotonic() < deadline:
        time.sleep(quiet_s)
        now = item_state(sni, item)
        if now == last:
            return now
        last = now
    raise AssertionError(f"the tray item kept changing: {last['ToolTip']}")


@pytest.fixture
def xfce_dunst(tmp_path: Path) -> Iterator[xtray.TraySession]:
    xtray.require("xfce")
    (tmp_path / "x").mkdir()
    with xtray.TraySession(tmp_path / "x", host="xfce") as session:
        start_dunst(session)
        yield session


def test_a_failure_is_one_notice_that_replaces_the_last_and_leaves_the_tray_item_alone(
    xfce_dunst: xtray.TraySession, tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    with (
        NotifyCapture(xfce_dunst, tmp_path) as capture,
        xtray.running_app(xfce_dunst, profile, "--demo") as app,
        SNI(xfce_dunst.bus, timeout=10) as sni,
    ):
        item = sni.wait_for_item(pid=app.pid, timeout=30)
        base = xtray.find_demo_server(app.pid, timeout=30)

        # The tooltip's title is the overall state (the heading on Plasma), its body one line per account.
        def tooltip_lines() -> list[str]:
            title, body = item_state(sni, item)["ToolTip"]
            return [str(title), *str(body).splitlines()]

        expected = ["trayapp (demo): Available", "Rocket.Chat (alice): Available"]
        xtray.wait_for(lambda: tooltip_lines()[:2] == expected, 30, f"the tooltip {expected}")
        xtray.inject_fault(base, "404", "rocketchat")  # a refusal: no retry, one failure

        sni.click(item, ["Busy"])
        [first] = capture.wait_for(app.pid, 1)
        assert first.app_name == "trayapp"
        assert first.summary == FAILED and first.body.startswith("Rocket.Chat (alice): "), first
        assert first.replaces_id == 0
        assert first.app_icon.endswith("trayapp.svg") and Path(first.app_icon).is_file()
        width, height, _stride, alpha, _bits, channels, pixels = first.hints["image-data"]
        assert (width, height, alpha, channels) == (64, 64, True, 4) and len(pixels) == 64 * 64 * 4
        assert capture.errors == []
        sni.wait_layout(item, lambda t: any(x.startswith(f"{FAILED}: ") for x in labels(t)), timeout=15)
        settled = steady_state(sni, item)  # the snapshot after the failure is shown
        assert settled["Status"] == "Active"
        assert settled["ToolTip"][0] == "trayapp (demo): needs attention"

        # The same failure again: one more notice, replacing the first on screen; meanwhile the item
        # keeps its status, icon and tooltip (sampled for the 5 s Qt's showMessage held NeedsAttention).
        sni.click(item, ["Busy"])
        first_seen = time.monotonic()
        notices = capture.wait_for(app.pid, 2)
        samples = []
        while time.monotonic() - first_seen < 5:
            samples.append(item_state(sni, item))
            time.sleep(0.25)
        assert len(capture.from_pid(app.pid)) == 2, [n.summary for n in capture.from_pid(app.pid)]
        second = notices[1]
        assert second.summary == FAILED and second.replaces_id == first.returned_id, second
        for sample in samples:
            assert sample["Status"] == "Active"
            assert sample["AttentionIconName"] == ""
            assert FAILED not in sample["ToolTip"][0] + sample["ToolTip"][1], sample["ToolTip"]
        # Once the request is answered the item shows exactly what it showed before.
        assert samples[-1] == settled
    assert "Traceback" not in xtray.app_log(profile)
