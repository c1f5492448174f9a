"""KDE Plasma 5.27 and Cinnamon 5.6 on Xvfb, through their own tray hosts, with real pointer events
(issue 20): a double click on the icon leaves the app running and covers nothing; the icon stays
trayapp's (the item never asks for attention) while a notification shows; every submenu opens fully on
screen on its first hover, after each of ten starts, at 1280x800 and 1366x768."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.desktops import tray
from tests.desktops.notices import NotifyLog
from tests.desktops.session import App, session_fixture
from tests.desktops.x11 import (
    Cinnamon,
    Plasma,
    Rect,
    SniXDesktop,
    icon_change,
    submenu_arrow_rows,
    wait_stable,
)
from tests.integration.sni_menu import SNI

pytestmark = [pytest.mark.desktop, pytest.mark.skipif(sys.platform != "linux", reason="Linux desktops")]

DESKTOPS = {"kde": Plasma, "cinnamon": Cinnamon}
OPENINGS = 10  # menu openings in a row, each submenu hovered once per opening


@pytest.fixture(scope="module", params=sorted(DESKTOPS))
def desk(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SniXDesktop]:
    cls = DESKTOPS[request.param]
    yield from session_fixture(cls(tmp_path_factory.mktemp(request.param)))  # type: ignore[misc]


def find_icon(desk: SniXDesktop, where: Path, timeout: float = 20) -> Rect:
    """trayapp's icon in the panel: the coloured pixels in the tray area of a screenshot, once they stay
    put for a second (right after a start the panel may still be laying out its icons)."""
    desk.move(desk.size[0] // 2, desk.size[1] // 3)  # away from the panel: no hover highlight, no tooltip

    def look() -> Rect | None:
        return desk.icon_in(desk.screenshot(where), desk.tray_area())

    found = wait_stable(look, timeout, settle=1.0)
    assert isinstance(found, Rect), f"no coloured icon in the panel's tray area {desk.tray_area()} ({where})"
    return found


def open_host_menu(desk: SniXDesktop, locate: Callable[[], Rect], shot: Path) -> tuple[Rect, list[int]]:
    """Right click on the icon: the host's own menu (its largest popup) once it stopped moving, and the
    rows of its submenu arrows once they are painted and stay put (read from screenshots into `shot`)."""
    # Three times at most, looking for the icon again each time, as a user would click again when no
    # menu shows: right after a start, Cinnamon's xapp-sn-watcher sometimes drops a right click (seen 2
    # of ~40 starts in CI, twice in a row once), and under load it once mapped a menu window it never
    # painted (the screenshot shows the bare desktop).
    for _ in range(3):
        desk.click(*locate().centre, button=3)
        menu = wait_stable(lambda: max(desk.popups(), key=lambda r: r.w * r.h, default=None), timeout=8)
        if isinstance(menu, Rect) and menu.h > 100:

            def arrows(menu: Rect = menu) -> list[int]:
                return submenu_arrow_rows(QImage(str(desk.screenshot(shot))), menu)

            rows = wait_stable(arrows, timeout=6, settle=0.5)
            if isinstance(rows, list) and rows:
                return menu, rows
        close_menus(desk)
    raise AssertionError(f"no host menu showed on three right clicks (popups: {desk.popups()}, {shot})")


def close_menus(desk: SniXDesktop) -> None:
    for _ in range(3):
        if not desk.popups():
            return
        desk.key("Escape")
        time.sleep(0.4)


@pytest.fixture
def app(desk: SniXDesktop) -> Iterator[App]:
    close_menus(desk)
    with desk.app() as running:
        yield running


def test_double_click_on_the_icon_leaves_the_app_running(desk: SniXDesktop, app: App, tmp_path: Path) -> None:
    with SNI(desk.bus) as sni:
        item = tray.item_of(sni, app)
        tray.wait_menu_ready(sni, item)
    icon = find_icon(desk, tmp_path / "panel.png")
    desk.click(*icon.centre, button=1, repeat=2, delay_ms=150)
    time.sleep(3)
    desk.shot("after-double-click")
    assert app.alive(), f"a double click on the icon quit trayapp (exit {app.proc.returncode})\n{app.log()}"
    over_icon = [
        w
        for w in desk.windows("trayapp")
        if w.x <= icon.centre[0] < w.right and w.y <= icon.centre[1] < w.bottom
    ]
    assert not over_icon, f"a trayapp window covers the icon after the clicks: {over_icon}"
    close_menus(desk)


def hover_each_submenu(
    desk: SniXDesktop, locate: Callable[[], Rect], shots: Path, opening: int
) -> tuple[list[int], list[str]]:
    """Open the host's menu and hover every submenu row once, top to bottom; returns the rows (found in a
    screenshot of the menu) and what went wrong (a submenu that did not open, or opened off screen)."""
    menu, rows = open_host_menu(desk, locate, shots / f"menu-{opening}.png")
    if opening == 1:
        desk.shot(f"menu-{desk.size[0]}x{desk.size[1]}")
    problems = []
    before: list[Rect] = []
    x = menu.x + menu.w // 3
    for n, y in enumerate(rows):
        desk.move(x, y - 5)
        time.sleep(0.1)
        desk.move(x, y)

        def opened(before: list[Rect] = before) -> list[Rect]:
            subs = [r for r in desk.popups() if r != menu]
            return subs if subs and subs != before else []

        subs = wait_stable(opened, timeout=5, settle=0.4)
        assert isinstance(subs, list)
        if not subs:
            problems.append(f"opening {opening}: the submenu at y={y} did not open on hover (menu {menu})")
            desk.screenshot(shots / f"closed-{opening}-{n}.png")
        width, height = desk.size
        for sub in subs:
            if sub.visible_in(width, height) != sub:
                problems.append(
                    f"opening {opening}: submenu at y={y} is {sub}, partly off the {width}x{height} screen"
                )
                desk.screenshot(shots / f"offscreen-{opening}-{n}.png")
        if opening == 1 and n == 0:
            desk.shot(f"submenu-{desk.size[0]}x{desk.size[1]}")
        before = subs
    close_menus(desk)
    return rows, problems


def check_submenus(desk: SniXDesktop, shots: Path) -> None:
    """Ten starts of the app, each followed by one menu opening in which every submenu is hovered for the
    first time (a host loads a submenu on its first hover and keeps it while the item lives). No one
    else asks for the submenus first: the host's hover is their first AboutToShow."""
    problems: list[str] = []
    for opening in range(1, OPENINGS + 1):
        with desk.app() as app, SNI(desk.bus) as sni:
            item = tray.item_of(sni, app)
            tray.wait_menu_ready(sni, item)

            def locate() -> Rect:
                return find_icon(desk, shots / "panel.png")

            rows, more = hover_each_submenu(desk, locate, shots, opening)
            problems += more
            expected = tray.top_submenus(sni.get_layout(item))
            assert len(rows) == len(expected), (
                f"opening {opening}: {len(rows)} submenu arrows in the host's menu at {rows}; the menu has "
                f"{expected} ({shots / f'menu-{opening}.png'})"
            )
    assert not problems, "\n".join(problems)


# Plasma loads a submenu lazily (GetLayout(id, 1) on its first hover, or on LayoutUpdated(id)) and placed
# it while still empty, at x = width - 4, until trayapp announced its submenus on each opening (issue 20).
SUBMENU_HOSTS = ["cinnamon", "kde"]


@pytest.mark.parametrize("desk", SUBMENU_HOSTS, indirect=True)
def test_every_submenu_opens_on_screen_on_first_hover_1280x800(desk: SniXDesktop, tmp_path: Path) -> None:
    close_menus(desk)
    check_submenus(desk, tmp_path)


@pytest.mark.parametrize("desk", SUBMENU_HOSTS, indirect=True)
def test_every_submenu_opens_on_screen_on_first_hover_1366x768(desk: SniXDesktop, tmp_path: Path) -> None:
    """The same on a 1366x768 screen: a session of its own."""
    small = type(desk)(tmp_path / "desk", size=(1366, 768))
    with small:
        check_submenus(small, tmp_path)


def test_icon_stays_trayapps_during_a_notification(desk: SniXDesktop, app: App, tmp_path: Path) -> None:
    with SNI(desk.bus) as sni, NotifyLog(desk.bus) as notices:
        item = tray.item_of(sni, app)
        tray.wait_menu_ready(sni, item)
        find_icon(desk, tmp_path / "panel.png")  # in the panel before the notice
        tip_before = tray.tooltip(sni, item)
        mark = tray.fail_a_change(sni, item, app, notices)
        # From the notice on, the item never asks for attention; once the icon trayapp exports is steady
        # (the change may change its state), the icon the panel draws stays it (no theme warning icon for
        # the notice's 5-10 s); the tooltip is not the notice's text.
        statuses = tray.settle_icon(sni, item)
        frames = []
        for n in range(7):
            frames.append(QImage(str(desk.screenshot(tmp_path / f"film-{n}.png"))))
            statuses.append(str(sni.props(item)["Status"]))
            if n == 1:
                desk.shot("notification")
            time.sleep(0.6)
        calls = notices.since(mark)
        tray.assert_one_notice(calls)
        assert "NeedsAttention" not in statuses, statuses
        changed = [round(icon_change(frames[0], f, desk.tray_area()), 2) for f in frames[1:]]
        assert max(changed) < 0.1, (
            f"the icon changed during the notification: {changed} ({tmp_path}/film-*.png)"
        )
        title, body = tray.tooltip(sni, item)
        assert calls[0].summary not in title and calls[0].summary not in body, (tip_before, (title, body))


def test_the_tooltip_has_a_title_and_a_body(desk: SniXDesktop, app: App, tmp_path: Path) -> None:
    """The item's ToolTip is a heading (the overall state) and a body (one line per account); hovered,
    the panel shows it (screenshot "tooltip" for the eye: Plasma draws the title bold above the body)."""
    with SNI(desk.bus) as sni:
        item = tray.item_of(sni, app)
        tray.wait_menu_ready(sni, item)
        tray.assert_tooltip_has_title_and_body(sni, item)
        title, _body = tray.tooltip(sni, item)
        assert title == "trayapp (demo): Available", title
    icon = find_icon(desk, tmp_path / "panel.png")
    before = QImage(str(tmp_path / "panel.png"))
    desk.move(icon.centre[0], icon.centre[1] - 3)
    desk.move(*icon.centre)

    def tooltip_pixels() -> int:
        """Pixels changed above the icon since the hover: the tooltip (Cinnamon draws it on its own
        stage, no window of its own to find)."""
        now = QImage(str(desk.screenshot(tmp_path / "hover.png")))
        left, right = max(0, icon.x - 700), min(desk.size[0], icon.right + 50)
        return sum(
            1
            for y in range(max(0, icon.y - 160), icon.y - 2, 2)
            for x in range(left, right, 2)
            if now.pixel(x, y) != before.pixel(x, y)
        )

    deadline = time.monotonic() + 10
    while tooltip_pixels() < 1500 and time.monotonic() < deadline:
        time.sleep(0.5)
    desk.shot("tooltip")
    assert tooltip_pixels() >= 1500, f"no tooltip showed over the icon ({tmp_path}/hover.png)"
    desk.move(desk.size[0] // 2, desk.size[1] // 3)
