"""Timed changes and the rate limiter against the demo's Rocket.Chat 8.6 presence (issue 13, item 4):
through StatusService, as the tray and the CLI use it, with a clock the test moves."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

import pytest

from tests.core.conftest import Clock
from trayapp.backends import BACKENDS
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
from trayapp.core.scheduler import KEPT, RESTORED
from trayapp.core.service import StatusService
from trayapp.demo import seed
from trayapp.demo.server import DemoServer


def _service(profile: AppPaths, demo: DemoServer, clock: Clock, user: str, token: str) -> StatusService:
    service = StatusService(profile, clock=clock, backends=BACKENDS)
    service.add_account(Account("rocket", ServiceKind.ROCKETCHAT, demo.rocketchat_url, user), token)
    return service


@pytest.fixture
def alice(profile: AppPaths, demo: DemoServer, clock: Clock) -> Iterator[StatusService]:
    service = _service(profile, demo, clock, seed.RC_ALICE_ID, seed.RC_ALICE_PAT)
    yield service
    service.close()


def _lunch_for(service: StatusService, clock: Clock, minutes: int = 30) -> None:
    change = StatusChange(
        ChangeKind.CUSTOM, status=CustomStatus("", "Lunch"), end=clock.now + timedelta(minutes=minutes)
    )
    [result] = service.apply(change, ["rocket"])
    assert result.outcome is Outcome.OK, result.detail


def test_the_end_clears_a_calendar_busy_instead_of_pinning_it(
    alice: StatusService, demo: DemoServer, clock: Clock
) -> None:
    demo.rc_claim(seed.RC_ALICE_ID, "external", "busy", "In a meeting", expires_in=3600)
    _lunch_for(alice, clock)
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == "Lunch"  # manual outranks the calendar
    clock.now += timedelta(minutes=31)
    [event] = alice.run_schedule()
    assert event.kind == RESTORED
    assert "cleared, not set back by hand" in event.message
    demo.rc_end_claim(seed.RC_ALICE_ID, "external")  # the meeting is over...
    user = demo.rc_user(seed.RC_ALICE_ID)
    assert (user["statusDefault"], user["statusText"]) == ("online", "")  # ...and so is the busy


def test_a_call_at_the_end_is_not_taken_for_a_change_by_hand(
    alice: StatusService, demo: DemoServer, clock: Clock
) -> None:
    focus = StatusChange(ChangeKind.CUSTOM, status=CustomStatus("", "Focus time"))
    assert alice.apply(focus, ["rocket"])[0].ok
    _lunch_for(alice, clock)
    demo.rc_claim(seed.RC_ALICE_ID, "internal", "busy", "On a call")
    clock.now += timedelta(minutes=31)
    [event] = alice.run_schedule()
    assert event.kind == RESTORED, event.message
    assert event.kind != KEPT
    demo.rc_end_claim(seed.RC_ALICE_ID, "internal")
    user = demo.rc_user(seed.RC_ALICE_ID)
    assert (user["statusDefault"], user["statusText"]) == ("busy", "Focus time")  # what was there before


def test_a_change_made_during_a_call_is_remembered_as_set(
    alice: StatusService, demo: DemoServer, clock: Clock
) -> None:
    demo.rc_claim(seed.RC_ALICE_ID, "internal", "busy", "On a call")
    [result] = alice.apply(StatusChange(ChangeKind.CUSTOM, status=CustomStatus("", "Lunch")), ["rocket"])
    assert "is saved, but not shown" in result.detail and "call or meeting" in result.detail
    cached = alice.cached_current("rocket")
    assert cached is not None and cached.status_name == "Lunch" and "call or meeting" in cached.notice
    [view] = alice.snapshot().accounts
    assert view.current is not None and view.current.notice == cached.notice  # what the menu line shows


def test_toggling_refresh_paging_and_a_restore_stay_within_the_limit(
    profile: AppPaths, demo: DemoServer, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Carol is rate limited like any plain user (10 calls a minute per endpoint, as on a default
    server). However fast she clicks, no endpoint gets an eleventh call within the minute: what does
    not fit is kept and sent later."""
    monkeypatch.setattr("trayapp.backends.rocketchat.PAGE_SIZE", 2)  # the 6 statuses take 3 pages
    service = _service(profile, demo, clock, seed.RC_CAROL_ID, seed.RC_CAROL_PAT)
    try:
        _lunch_for(service, clock)
        outcomes: Counter[Outcome] = Counter()
        for turn in range(12):
            availability = Availability.BUSY if turn % 2 else Availability.AWAY
            [result] = service.apply(
                StatusChange(ChangeKind.AVAILABILITY, availability=availability), ["rocket"]
            )
            outcomes[result.outcome] += 1
        for _ in range(3):
            service.refresh(["rocket"])
        [entry] = [e for e in service.schedule_entries() if e.end is not None]
        service.end_scheduled_now(entry.id)
        service.run_schedule()
    finally:
        service.close()
    per_endpoint = Counter((r.method, r.path.rsplit("/", 1)[-1]) for r in demo.requests)
    assert max(per_endpoint.values()) <= 10, per_endpoint
    assert outcomes[Outcome.OK] >= 1 and outcomes[Outcome.PENDING] >= 1  # the rest waits, none failed
    assert outcomes[Outcome.FAILED] == 0
    assert service.pending_changes()["rocket"].change.availability is Availability.BUSY  # the newest wins
