"""Timed changes through the real menu, against the demo server over HTTP: a later status replaces the
end of a timed one, one change on several accounts is one menu line acting on all of them, Smartsheet RM
entries are ended and extended through its API, and each click gives one notification naming accounts as
the menu does."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
from pytestqt.qtbot import QtBot

from tests.qt.conftest import entries, find, pick, wait_idle
from trayapp.backends import BACKENDS
from trayapp.core.paths import AppPaths
from trayapp.core.service import StatusService
from trayapp.core.timetext import local_time
from trayapp.demo import seed
from trayapp.demo.profile import demo_accounts
from trayapp.demo.server import DemoServer
from trayapp.qt.app import TrayApp

RC = "Rocket.Chat (alice)"
CB = f"Callbell ({seed.CB_USER_EMAIL})"
SS = f"Smartsheet RM ({seed.SS_USER_EMAIL})"
INTERNAL = re.compile(r"\b(rocket|callbell|smartsheet)\b|\b[0-9a-f]{6}\b")  # account names, entry ids


class MovableClock:
    """Real time, shifted on demand: the service's schedule and the menu's durations agree on it."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(timezone.utc) + self.offset


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def app(qtbot: QtBot, demo: DemoServer, profile: AppPaths, clock: MovableClock) -> Iterator[TrayApp]:
    service = StatusService(profile, clock=clock, backends=BACKENDS)
    for account, secret in demo_accounts(demo):
        service.add_account(account, secret)
    app = TrayApp(service, tray_wait_s=600, first_run_dialog=False)
    app.controller._clock = clock
    app.start()
    wait_idle(qtbot, app)
    yield app
    app.shutdown()
    service.close()


@pytest.fixture
def told(app: TrayApp) -> list[tuple[str, str, bool]]:
    """Every notification the app sends."""
    seen: list[tuple[str, str, bool]] = []
    app.controller.notify.connect(lambda title, text, error: seen.append((title, text, error)))
    return seen


def settle(qtbot: QtBot, app: TrayApp) -> None:
    """Until the click's work and the schedule run it asks for (within 2 s) are done."""
    wait_idle(qtbot, app)
    qtbot.wait(2500)
    wait_idle(qtbot, app)


def timed_lines(app: TrayApp) -> list[str]:
    return [e for e in entries(app.tray.menu) if e.startswith("“")]


def away_for_30_minutes(qtbot: QtBot, app: TrayApp) -> str:
    pick(qtbot, app, "Away", "30 minutes")
    settle(qtbot, app)
    [line] = timed_lines(app)
    return line


def cb_available(demo: DemoServer) -> bool:
    return bool(demo.cb_user_status(seed.CB_USER_UUID)["available"])


@pytest.mark.parametrize("then", ["Available", "Clear status"])
def test_a_status_set_during_a_timed_one_replaces_its_end(
    qtbot: QtBot, app: TrayApp, demo: DemoServer, clock: MovableClock, then: str
) -> None:
    """Before: "Available, until 19:59" with "End “Available” now", and Away came back at 19:59."""
    away_for_30_minutes(qtbot, app)
    assert demo.rc_user(seed.RC_ALICE_ID)["status"] == "away" and not cb_available(demo)
    find(app.tray.menu, then).trigger()
    settle(qtbot, app)
    shown = entries(app.tray.menu)
    assert not any("until" in line for line in shown[:3]), shown[:3]
    assert timed_lines(app) == []
    assert demo.rc_user(seed.RC_ALICE_ID)["status"] == "online"
    current = demo.ss_current(seed.SS_USER_ID)
    assert current is not None and current["status"] == "ITO"
    # At the old end nothing is put back: what the user set stays (Callbell's clear keeps availability).
    after = (
        demo.rc_user(seed.RC_ALICE_ID)["status"],
        cb_available(demo),
        len(demo.ss_history(seed.SS_USER_ID)),
    )
    clock.offset = timedelta(minutes=31)
    app.controller.run_schedule()
    settle(qtbot, app)
    assert (
        demo.rc_user(seed.RC_ALICE_ID)["status"],
        cb_available(demo),
        len(demo.ss_history(seed.SS_USER_ID)),
    ) == after
    assert entries(app.tray.menu)[0] == f"{RC}: Available"


def test_a_status_on_one_account_leaves_the_others_timed(
    qtbot: QtBot, app: TrayApp, demo: DemoServer
) -> None:
    line = away_for_30_minutes(qtbot, app)
    find(app.tray.menu, RC, "Lunch").trigger()
    settle(qtbot, app)
    shown = entries(app.tray.menu)
    assert shown[0] == f"{RC}: Lunch (away)"
    assert ", until " in shown[1] and ", until " in shown[2]
    assert timed_lines(app) == [line]


def test_one_timed_change_on_three_accounts_is_one_line_acting_on_all(
    qtbot: QtBot, app: TrayApp, demo: DemoServer, clock: MovableClock
) -> None:
    """Before: nine lines, "End “Away” now" twice; each ended or extended one account only."""
    before = entries(app.tray.menu)
    line = away_for_30_minutes(qtbot, app)
    added = [e for e in entries(app.tray.menu) if e not in before]
    assert [e for e in added if not e.startswith((RC, CB, SS, "[x] ", "[ ] "))] == [line]
    assert entries(find(app.tray.menu, line).menu()) == ["End now", "Keep 15 min longer"]

    old_end = app.controller.service.schedule_entries()[0].end  # type: ignore[attr-defined]
    assert old_end is not None
    find(app.tray.menu, line, "Keep 15 min longer").trigger()
    settle(qtbot, app)
    new_end = local_time(old_end + timedelta(minutes=15), clock())  # "Wed 00:02" across midnight
    shown = entries(app.tray.menu)
    assert all(h.endswith(f", until {new_end}") for h in shown[:3]), shown[:3]
    assert timed_lines(app) == [f"“Away” until {new_end}"]
    ss = demo.ss_current(seed.SS_USER_ID)  # the service that keeps its own end has the new one too
    assert ss is not None and ss["status"] == "OOF"
    assert datetime.fromisoformat(ss["end"].replace("Z", "+00:00")) > old_end + timedelta(minutes=14)

    find(app.tray.menu, f"“Away” until {new_end}", "End now").trigger()
    settle(qtbot, app)
    assert demo.rc_user(seed.RC_ALICE_ID)["status"] == "online" and cb_available(demo)
    ss = demo.ss_current(seed.SS_USER_ID)
    assert ss is not None and ss["status"] == "ITO"  # what was there before, posted as a new entry
    assert timed_lines(app) == []
    assert [e for e in entries(app.tray.menu) if "until" in e] == []


def test_end_now_on_smartsheet_puts_back_the_status_from_before(
    qtbot: QtBot, app: TrayApp, demo: DemoServer
) -> None:
    """Before: "the service keeps its own copy; remove it there", and the status stayed."""
    pick(qtbot, app, "Working from home", "1 hour")
    settle(qtbot, app)
    current = demo.ss_current(seed.SS_USER_ID)
    assert current is not None and current["status"] == "WFH"
    [line] = timed_lines(app)
    find(app.tray.menu, line, "End now").trigger()
    settle(qtbot, app)
    current = demo.ss_current(seed.SS_USER_ID)
    assert current is not None and current["status"] == "ITO" and not current["end"]
    shown = entries(app.tray.menu)
    assert shown[2] == f"{SS}: In the office (available)"
    assert not any("remove it there" in e for e in shown)


def test_keep_longer_leaves_no_line_with_the_old_end(
    qtbot: QtBot, app: TrayApp, demo: DemoServer, clock: MovableClock
) -> None:
    """Before: the header said the new end and the line under it ("'Lunch' is set until …") the old."""
    service = app.controller.service
    cli = StatusService(service.paths, clock=clock, backends=BACKENDS)  # type: ignore[attr-defined]  # another process
    start = clock() + timedelta(seconds=1)
    [result] = cli.apply_named("Lunch", start=start, end=start + timedelta(minutes=30), names=["rocket"])
    assert result.ok
    # The notice comes with the schedule's run, the timed line with the snapshot read after it.
    qtbot.waitUntil(
        lambda: any("is set until" in e for e in entries(app.tray.menu)) and len(timed_lines(app)) == 1,
        timeout=10_000,
    )
    [line] = timed_lines(app)
    old_end = line.rsplit(" ", 1)[1]
    find(app.tray.menu, line, "Keep 15 min longer").trigger()
    qtbot.waitUntil(lambda: timed_lines(app) != [line], timeout=10_000)
    settle(qtbot, app)
    shown = entries(app.tray.menu)
    assert not any(old_end in e for e in shown), shown
    assert shown[0].startswith(f"{RC}: Lunch (away), until ")
    cli.close()


def test_one_notification_per_click_naming_accounts_as_the_menu_does(
    qtbot: QtBot, app: TrayApp, demo: DemoServer, told: list[tuple[str, str, bool]]
) -> None:
    """Before: "rocket: 'Away' is set…", "Replaces 'Away' (f16c03)", two or three per click."""
    line = away_for_30_minutes(qtbot, app)
    assert len(told) == 1, told
    told.clear()
    pick(qtbot, app, "Lunch", "1 hour", accounts=["rocket"])  # replaces Away there
    settle(qtbot, app)
    [(title, text, error)] = told
    assert title == "Lunch" and not error
    assert "Replaces 'Away until " in text and not INTERNAL.search(text), text
    told.clear()
    # Away (still on Callbell and Smartsheet RM) and Lunch (Rocket.Chat)
    [line] = [e for e in timed_lines(app) if e.startswith("“Away”")]
    find(app.tray.menu, line, "End now").trigger()
    settle(qtbot, app)
    [(title, text, error)] = told
    assert (title, error) == ("Status restored", False)
    assert text == f"{CB}, {SS}: 'Away' ended; the previous status is back.", text


def test_a_scheduled_start_on_three_accounts_is_one_notification(
    qtbot: QtBot, app: TrayApp, clock: MovableClock, told: list[tuple[str, str, bool]]
) -> None:
    service = app.controller.service
    cli = StatusService(service.paths, clock=clock, backends=BACKENDS)  # type: ignore[attr-defined]  # another process
    start = clock() + timedelta(seconds=1)
    results = cli.apply_named(
        "Lunch", start=start, end=start + timedelta(minutes=30), names=["rocket", "callbell"]
    )
    assert all(r.ok for r in results)
    assert len({r.detail for r in results}) == 1  # one entry: the same id on both
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    settle(qtbot, app)
    [(title, text, error)] = told
    assert title == "Scheduled status set" and not error
    assert text.startswith(f"{RC}, {CB}: 'Lunch' is set until ") and "\n" not in text
    assert not INTERNAL.search(text)
    cli.close()
