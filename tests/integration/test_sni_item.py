"""Our StatusNotifierItem as a panel meets it (xfce4-panel on Xvfb, its own watcher and host; the app in
demo mode), for what Qt's item did not do (issue 20):

- the tooltip is a heading (the overall state, one line) and a body (one line per account), and the panel
  hears NewToolTip when it changes;
- a click on an entry that opens a dialog is answered at once (Qt answered once the dialog closed, and
  a panel waiting on the reply froze its menu);
- the item comes back when the panel restarts (a new watcher knows nothing of it).
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jeepney import DBusAddress, MatchRule

from tests.integration import xtray
from tests.integration.sni_menu import SNI, Item, find_path
from tests.integration.test_real_tray import xfce  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.realtray, pytest.mark.skipif(sys.platform != "linux", reason="Xvfb is Linux-only")]

WATCHER = "org.kde.StatusNotifierWatcher"
ACCOUNTS = ("Rocket.Chat (alice)", "Callbell (alice@example.com)", "Smartsheet RM (")


def tooltip(sni: SNI, item: Item) -> tuple[str, str]:
    tip = sni.props(item)["ToolTip"]
    return str(tip["title"]), str(tip["description"])


def ready(sni: SNI, item: Item) -> None:
    """The start-up refresh is in: every account has its line in the tooltip's body."""
    xtray.wait_for(lambda: all(a in tooltip(sni, item)[1] for a in ACCOUNTS), 30, "the demo's accounts")


def registered(sni: SNI) -> list[str]:
    addr = DBusAddress("/StatusNotifierWatcher", WATCHER, WATCHER)
    try:
        return [str(s) for s in sni.get(addr, "RegisteredStatusNotifierItems")]
    except Exception:  # no watcher (yet)
        return []


@contextlib.contextmanager
def demo_item(
    session: xtray.TraySession, tmp_path: Path
) -> Iterator[tuple[subprocess.Popen[bytes], SNI, Item]]:
    """The demo running on the panel, its start-up refresh in; no traceback in its log at the end."""
    profile = tmp_path / "profile"
    with xtray.running_app(session, profile, "--demo") as app, SNI(session.bus, timeout=10) as sni:
        item = sni.wait_for_item(pid=app.pid, timeout=30)
        ready(sni, item)
        yield app, sni, item
    assert "Traceback" not in xtray.app_log(profile)


def test_the_tooltip_is_a_heading_and_a_line_per_account(
    xfce: xtray.TraySession,  # noqa: F811
    tmp_path: Path,
) -> None:
    with demo_item(xfce, tmp_path) as (_app, sni, item):
        title, body = tooltip(sni, item)
        assert title == "trayapp (demo): Available", (title, body)
        lines = body.splitlines()
        assert len(lines) == 3 and [any(line.startswith(a) for line in lines) for a in ACCOUNTS] == [True] * 3
        assert lines[0] == "Rocket.Chat (alice): Available", lines

        # Busy from the panel's menu: the panel hears NewToolTip, and the heading says Busy.
        rule = MatchRule(
            type="signal", sender=item.owner or item.service, interface="org.kde.StatusNotifierItem"
        )
        sni.call(
            DBusAddress("/org/freedesktop/DBus", "org.freedesktop.DBus", "org.freedesktop.DBus"),
            "AddMatch",
            "s",
            (rule.serialise(),),
        )
        heard: deque[Any] = deque(maxlen=100)
        with sni.conn.filter(rule, queue=heard):
            sni.click(item, ["Busy"])
            deadline = time.monotonic() + 15
            while tooltip(sni, item)[0] != "trayapp (demo): Busy" and time.monotonic() < deadline:
                sni.pump(0.3)
            sni.pump(0.5)
        title, body = tooltip(sni, item)
        assert title == "trayapp (demo): Busy", (title, body)
        assert body.splitlines()[0] == "Rocket.Chat (alice): Busy", body
        members = [m.header.fields.get(3) for m in heard]  # 3: the member field
        assert "NewToolTip" in members and "NewIcon" in members, members


def test_a_click_that_opens_a_dialog_is_answered_at_once(
    xfce: xtray.TraySession,  # noqa: F811
    tmp_path: Path,
) -> None:
    with demo_item(xfce, tmp_path) as (_app, sni, item):
        entry = find_path(sni.get_layout(item), ["More", "Accounts…"])
        answered = sni.event(item, entry["id"], "clicked", reply_timeout=2.0)
        shown = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", "^Accounts$"],
            env=xfce.env(),
            capture_output=True,
            text=True,
            timeout=20,
        )
        assert shown.stdout.strip(), "the Accounts dialog never opened:\n" + xtray.app_log(
            tmp_path / "profile"
        )
        assert answered, "the click was not answered while its dialog was open"
        # The menu still answers with the dialog open, as the panel needs to show it again.
        assert find_path(sni.get_layout(item), ["Set a status…"])["enabled"]


def test_the_icon_comes_back_when_the_panel_restarts(
    xfce: xtray.TraySession,  # noqa: F811
    tmp_path: Path,
) -> None:
    with demo_item(xfce, tmp_path) as (app, sni, item):
        mine = item.owner or item.service
        assert any(s.startswith(mine) for s in registered(sni)), registered(sni)
        xfce.restart_panel()
        xtray.wait_for(
            lambda: any(s.startswith(mine) for s in registered(sni)), 15, "the item registered again"
        )
        assert app.poll() is None
        assert xtray.has_tray(xfce.display)
        assert tooltip(sni, item)[0] == "trayapp (demo): Available"
