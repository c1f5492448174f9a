"""trayapp's item as the desktop sees it (StatusNotifierItem + DBusMenu, read as a panel reads them), and
what the tests make the app do: a timed change, a failed change (a notification)."""

from __future__ import annotations

import time
from typing import Any

from tests.desktops.notices import Notify, NotifyLog
from tests.desktops.session import App
from tests.integration import xtray
from tests.integration.sni_menu import SNI, Item, is_separator, is_submenu, walk


def item_of(sni: SNI, app: App, timeout: float = 40) -> Item:
    try:
        return sni.wait_for_item(pid=app.pid, timeout=timeout, alive=app.alive)
    except Exception as e:
        raise AssertionError(f"the tray icon never reached the panel: {e}\n{app.log()}") from None


def tooltip(sni: SNI, item: Item) -> tuple[str, str]:
    tip = sni.props(item)["ToolTip"]
    return str(tip["title"]), str(tip["description"])


def assert_tooltip_has_title_and_body(sni: SNI, item: Item) -> None:
    """The SNI ToolTip: a one-line title (the overall state) and a body with one line per account."""
    title, body = tooltip(sni, item)
    assert title.strip() and "\n" not in title, f"tooltip title should be one line: {title!r} / {body!r}"
    assert "Rocket.Chat (alice)" in body and "Callbell" in body and "Smartsheet RM" in body, (title, body)


def top_submenus(tree: dict[str, Any]) -> list[str]:
    return [n["label"] for n in tree["children"] if n["visible"] and is_submenu(n)]


def top_entries(tree: dict[str, Any]) -> list[str]:
    return [n["label"] for n in tree["children"] if n["visible"] and not is_separator(n)]


def demo_url(app: App) -> str:
    return xtray.find_demo_server(app.pid, timeout=20)


def wait_menu_ready(sni: SNI, item: Item, timeout: float = 30) -> dict[str, Any]:
    """The menu once the start-up refresh filled it (the account lines show a status)."""
    return sni.wait_layout(
        item, lambda t: any("Rocket.Chat (alice)" in n["label"] for _, n in walk(t)), timeout=timeout
    )


def fail_a_change(sni: SNI, item: Item, app: App, notices: NotifyLog, timeout: float = 20) -> float:
    """Rocket.Chat answers 500 while the user picks Away in the menu: the app must say so. Returns once
    the first notice reached the notification server; the mark to read that event's notices with."""
    xtray.inject_fault(demo_url(app), "500", "rocketchat", 3)
    mark = time.monotonic()
    sni.click(item, ["Away"])
    if notices.first(mark, timeout) is None:
        raise AssertionError("no notification reached the desktop's notification server\n" + app.log())
    return mark


def assert_one_notice(calls: list[Notify]) -> None:
    """One event, one notice (read a few seconds after the first, so a duplicate shows up)."""
    assert len(calls) == 1, "one event, one notice; got:\n" + "\n".join(map(str, calls))
    assert calls[0].app_name == "trayapp", str(calls[0])


def watch_status(sni: SNI, item: Item, seconds: float) -> list[str]:
    """The item's SNI Status read every 0.25 s for `seconds` (a host shows NeedsAttention differently)."""
    seen = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        seen.append(str(sni.props(item)["Status"]))
        time.sleep(0.25)
    return seen


def settle_icon(sni: SNI, item: Item, quiet: float = 1.0, timeout: float = 8) -> list[str]:
    """Wait until the icon the app exports (IconPixmap) has not changed for `quiet` seconds: a change the
    user made may change the icon's state legitimately. Returns the Status values seen meanwhile."""
    addr = sni._item_addr(item)
    seen: list[str] = []
    last, since = None, time.monotonic()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        props = sni.get_all(addr)
        seen.append(str(props["Status"]))
        pixmaps = repr(props["IconPixmap"])
        if pixmaps != last:
            last, since = pixmaps, time.monotonic()
        elif time.monotonic() - since >= quiet:
            break
        time.sleep(0.2)
    return seen
