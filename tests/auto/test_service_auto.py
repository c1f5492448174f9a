"""The automatic status through StatusService, as the tray runs it (run_schedule), against the demo's
Rocket.Chat, with a clock the test moves: a repeat, and a timed change the user sets while locked."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from trayapp.backends import BACKENDS
from trayapp.core.auto.config import CalendarSource, PresenceSetting
from trayapp.core.auto.repeat import Repeat
from trayapp.core.models import (
    Account,
    Availability,
    ChangeKind,
    CustomStatus,
    Outcome,
    ServiceKind,
    StatusChange,
)
from trayapp.core.paths import AppPaths
from trayapp.core.service import StatusService
from trayapp.demo import seed
from trayapp.demo.server import DemoServer

LUNCH = StatusChange(ChangeKind.CUSTOM, status=CustomStatus("", "Lunch"))


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(timezone.utc).replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def service(profile: AppPaths, demo: DemoServer, clock: Clock) -> Iterator[StatusService]:
    s = StatusService(profile, clock=clock, backends=BACKENDS)
    s.add_account(
        Account("rocket", ServiceKind.ROCKETCHAT, demo.rocketchat_url, seed.RC_ALICE_ID), seed.RC_ALICE_PAT
    )
    busy = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.BUSY, message="Reviewing PRs")
    assert s.apply(busy, ["rocket"])[0].outcome is Outcome.OK
    s.presence.mark_known(("test",))
    yield s
    s.close()


def shown(demo: DemoServer) -> tuple[str, str]:
    user = demo.rc_user(seed.RC_ALICE_ID)
    return user["statusDefault"], user["statusText"]


def kinds(service: StatusService) -> list[str]:
    return [f"{e.account} {e.kind}" for e in service.run_schedule()]


def test_a_repeat_is_set_at_its_start_and_put_back_at_its_end(
    service: StatusService, demo: DemoServer, clock: Clock
) -> None:
    start = clock.now + timedelta(minutes=10)
    [result] = service.add_repeat(LUNCH, ["rocket"], Repeat.DAILY, start, start + timedelta(hours=1))
    assert result.outcome is Outcome.OK, result.detail
    assert service.next_wakeup() == start
    assert kinds(service) == []
    clock.now = start
    assert kinds(service) == ["rocket applied"]
    assert shown(demo) == ("away", "Lunch")
    assert service.snapshot().accounts[0].auto_label.startswith("Lunch until")
    assert kinds(service) == []
    clock.now = start + timedelta(hours=1)
    assert kinds(service) == ["rocket restored"]
    assert shown(demo) == ("busy", "Reviewing PRs")
    assert service.next_wakeup() == start + timedelta(days=1)


def test_a_timed_change_set_while_locked_puts_back_the_state_from_before_the_lock(
    service: StatusService, demo: DemoServer, clock: Clock
) -> None:
    service.update_auto(lambda c: replace(c, lock=PresenceSetting(on=True)))
    service.presence.set_locked(True, clock.now)
    assert kinds(service) == ["rocket applied"]
    assert shown(demo)[0] == "away"
    [result] = service.apply(replace(LUNCH, end=clock.now + timedelta(minutes=30)), ["rocket"])
    assert result.outcome is Outcome.OK, result.detail
    assert shown(demo) == ("away", "Lunch")
    assert kinds(service) == ["rocket kept"]  # the user's own change outranks the lock
    service.presence.set_locked(False, clock.now)
    assert kinds(service) == []  # nothing put back over Lunch
    clock.now += timedelta(minutes=30)
    assert kinds(service) == ["rocket restored"]
    assert shown(demo) == ("busy", "Reviewing PRs")  # from before the lock, not "Away while locked"


def test_a_calendar_for_every_account_leaves_out_quietly_those_without_its_status(
    service: StatusService, demo: DemoServer, clock: Clock, tmp_path: Path
) -> None:
    service.add_account(
        Account("callbell", ServiceKind.CALLBELL, demo.callbell_url, seed.CB_USER_UUID), seed.CB_TOKEN
    )
    start = clock.now + timedelta(minutes=5)
    ics = tmp_path / "work.ics"
    ics.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//t//EN\nBEGIN:VEVENT\nUID:m@t\n"
        f"DTSTART:{start:%Y%m%dT%H%M%SZ}\nDTEND:{start + timedelta(minutes=30):%Y%m%dT%H%M%SZ}\n"
        "SUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n",
        encoding="utf-8",
    )
    focus = StatusChange(ChangeKind.CUSTOM, status=CustomStatus("", "Focus time"))  # Rocket.Chat only
    service.update_auto(lambda c: replace(c, calendars=(CalendarSource("work", str(ics), focus),)))
    assert kinds(service) == []
    assert service.next_wakeup() == clock.now + timedelta(minutes=1)  # the file is looked at once a minute
    clock.now = start
    assert kinds(service) == ["rocket applied"]  # no failure for callbell, at this meeting or any other
    assert shown(demo) == ("busy", "Focus time")
    assert service.snapshot().accounts[0].auto_label.endswith("(calendar)")
    clock.now = start + timedelta(minutes=30)
    assert kinds(service) == ["rocket restored"]
