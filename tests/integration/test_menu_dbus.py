"""The menu as a StatusNotifierItem panel reads it over DBusMenu (xfce4-panel on Xvfb, the app in demo mode):

- the availabilities are radio items (toggle-type "radio"), one of them on, as one exclusive choice shows;
- every submenu already holds its entries in the first GetLayout, before any AboutToShow (issue 20: a
  submenu filled only on AboutToShow may be placed while empty, off-screen on Plasma);
- the top level fits: at most 14 entries, no submenu over 20, Quit one level down (under "More").
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from tests.integration import xtray
from tests.integration.sni_menu import (
    SNI,
    checked,
    find_label,
    find_path,
    format_tree,
    is_separator,
    is_submenu,
    walk,
)
from tests.integration.test_real_tray import xfce  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.realtray, pytest.mark.skipif(sys.platform != "linux", reason="Xvfb is Linux-only")]


def shown(node: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in node["children"] if c["visible"] and not is_separator(c)]


def test_the_panel_reads_radio_items_and_filled_submenus_without_about_to_show(
    xfce: xtray.TraySession,  # noqa: F811
    tmp_path: Path,
) -> None:
    profile = tmp_path / "profile"
    with xtray.running_app(xfce, profile, "--demo") as app, SNI(xfce.bus, timeout=10) as sni:
        item = sni.wait_for_item(pid=app.pid, timeout=30)
        # The cached statuses are shown once the start-up refresh is in: wait for the accounts' lines.
        tree = sni.wait_layout(
            item,
            lambda t: sum(1 for c in shown(t) if c["label"].startswith("Rocket.Chat (")) == 1,
            timeout=20,
        )
        text = format_tree(tree)

        # No AboutToShow was sent (wait_layout only reads): every submenu has its entries already.
        submenus = [n for _, n in walk(tree) if is_submenu(n) and n["visible"]]
        assert len(submenus) >= 4, text  # three accounts' lines and "More"
        for node in submenus:
            assert shown(node), f"{node['label']!r} is empty before AboutToShow:\n{text}"
            assert len(shown(node)) <= 20, text

        top = shown(tree)
        assert len(top) <= 14, text
        assert "Quit" not in [c["label"] for c in top]
        assert find_path(tree, ["More", "Quit"])["enabled"]

        # Available/Away/Busy/Offline: radio items, exactly one on (the demo starts available).
        radios = [find_path(tree, [name]) for name in ("Available", "Away", "Busy", "Offline")]
        assert [r["toggle-type"] for r in radios] == ["radio"] * 4, text
        assert [checked(r) for r in radios] == [True, False, False, False], text
        # An account's statuses are radio items too; "Launch at login" stays a check mark.
        rc = next(c for c in top if c["label"].startswith("Rocket.Chat ("))
        assert {c["toggle-type"] for c in shown(rc)} == {"radio"}, text
        assert find_path(tree, ["More", "Launch at login"])["toggle-type"] == "checkmark"

        # A click on Busy moves the one radio mark there, once the service confirms.
        sni.click(item, ["Busy"])
        tree = sni.wait_layout(item, lambda t: checked(find_path(t, ["Busy"])) is True, timeout=15)
        states = [checked(find_path(tree, [n])) for n in ("Available", "Away", "Busy", "Offline")]
        assert states == [False, False, True, False], format_tree(tree)
    assert "Traceback" not in xtray.app_log(profile)


def test_a_lazy_host_hears_of_every_submenu_when_the_menu_opens(
    xfce: xtray.TraySession,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Plasma reads the top level alone (GetLayout(0, depth 1)) and a submenu on its first hover, where
    it placed it while still empty, off-screen (issue 20); it also loads a submenu it knows on
    LayoutUpdated(revision, that submenu's id). So when a host opens the menu (AboutToShow(0)), the app
    announces each shown submenu, once per opening, and nothing a user sees changes."""
    profile = tmp_path / "profile"
    with xtray.running_app(xfce, profile, "--demo") as app, SNI(xfce.bus, timeout=10) as sni:
        item = sni.wait_for_item(pid=app.pid, timeout=30)
        # Once the start-up refresh is over ("Refreshing…" is "Refresh" again), the menu stays as it is.
        sni.wait_layout(
            item,
            lambda t: (
                any(c["label"].startswith("Rocket.Chat (") for c in shown(t))
                and find_label(t, "Refresh") is not None
            ),
            timeout=30,
        )
        addr = sni.menu_addr(item)
        before = format_tree(sni.get_layout(item))
        # What Plasma knows after its first read: the top level, its submenus without their entries.
        top = sni.get_layout(item, depth=1)
        subs = {n["id"] for n in top["children"] if n["children-display"] == "submenu"}
        shown_subs = {n["id"] for n in top["children"] if n["id"] in subs and n["visible"]}
        assert len(shown_subs) >= 5, format_tree(top)  # the three accounts, presets and recent, More
        assert not any(n["children"] for n in top["children"]), format_tree(top)
        with sni.menu_signals(item) as log:
            for opening in (1, 2):
                log.clear()
                sni.about_to_show(item, 0, addr=addr)
                sni.pump(1.5)
                announced = [b[1] for m, b in log.entries() if m == "LayoutUpdated" and b[1] in subs]
                assert sorted(announced) == sorted(shown_subs), (
                    f"opening {opening}: LayoutUpdated for {announced}, submenus {sorted(shown_subs)}:\n"
                    + "\n".join(log.lines())
                )
            log.clear()
            sni.pump(2.5)  # and nothing more until the next opening
            assert not [b for m, b in log.entries() if m == "LayoutUpdated" and b[1] in subs], log.lines()
        assert format_tree(sni.get_layout(item)) == before
    assert "Traceback" not in xtray.app_log(profile)
