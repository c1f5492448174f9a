"""The schedule's pure rules as tables: no file, no clock, no service. Each row is a situation a user
would recognise; its id says it in words.

Times are on one day: "12:00" is 2026-11-23 12:00 UTC."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from trayapp.core.errors import AuthError, RateLimited, ServiceUnavailable
from trayapp.core.models import Availability, ChangeKind, CurrentStatus, CustomStatus, StatusChange
from trayapp.core.schedule.entry import AccountProgress, Phase, ScheduleEntry, Step
from trayapp.core.schedule.rules import (
    changed_fields,
    due,
    looks_applied,
    overlaps,
    pruned,
    restorable,
    retry_delay,
    same,
    settle,
)


def at(hhmm: str, day: int = 23) -> datetime:
    hours, minutes = hhmm.split(":")
    return datetime(2026, 11, day, int(hours), int(minutes), tzinfo=timezone.utc)


LUNCH = CustomStatus(id="lunch", name="Lunch", emoji="🍽")
FOCUS = CustomStatus(id="focus", name="Focus")
SET_LUNCH = StatusChange(ChangeKind.CUSTOM, status=LUNCH)
SET_AWAY = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY)
CLEAR = StatusChange(ChangeKind.CLEAR)


def entry(
    start: str,
    end: str | None,
    *progress: AccountProgress,
    created: str | None = None,
    phase: Phase = Phase.SCHEDULED,
    cancelled: str | None = None,
    finished: datetime | None = None,
) -> ScheduleEntry:
    return ScheduleEntry(
        id="e1",
        accounts=tuple(p.account for p in progress),
        change=SET_LUNCH,
        start=at(start),
        end=at(end) if end else None,
        phase=phase,
        progress=progress,
        created=at(created) if created else None,
        finished=finished,
        cancelled=at(cancelled) if cancelled else None,
    )


def rc(step: Step, retry_at: str | None = None, attempts: int = 0, note: str = "") -> AccountProgress:
    return AccountProgress(
        "rocket", step=step, retry_at=at(retry_at) if retry_at else None, attempts=attempts, note=note
    )


def rm(step: Step, note: str = "") -> AccountProgress:
    """Smartsheet RM: the service keeps start and end itself."""
    return AccountProgress("smartsheet", native=True, step=step, note=note)


# ---- overlaps ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(("12:00", "13:00"), ("12:30", "13:30"), True, id="lunch and a meeting at 12:30"),
        pytest.param(("12:00", "13:00"), ("12:15", "12:45"), True, id="a short call inside lunch"),
        pytest.param(("12:00", "13:00"), ("13:00", "14:00"), False, id="lunch ends when the meeting starts"),
        pytest.param(("13:00", "14:00"), ("12:00", "13:00"), False, id="the same, named the other way round"),
        pytest.param(("12:00", "13:00"), ("12:30", None), True, id="'away from 12:30' during lunch"),
        pytest.param(("12:00", "13:00"), ("13:00", None), False, id="'away from 13:00' right as lunch ends"),
        pytest.param(("12:00", "13:00"), ("12:00", None), True, id="'away from 12:00' as lunch starts"),
        pytest.param(("12:00", "13:00"), ("11:00", None), False, id="'away from 11:00' is over before lunch"),
        pytest.param(("12:00", None), ("12:00", None), True, id="two open-ended changes at the same minute"),
        pytest.param(("12:00", None), ("12:01", None), False, id="two open-ended changes a minute apart"),
    ],
)
def test_overlaps(a: tuple[str, str | None], b: tuple[str, str | None], expected: bool) -> None:
    def span(s: tuple[str, str | None]) -> tuple[datetime, datetime | None]:
        return at(s[0]), at(s[1]) if s[1] else None

    assert overlaps(*span(a), *span(b)) is expected
    assert overlaps(*span(b), *span(a)) is expected


# ---- due -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("situation", "now", "expected"),
    [
        pytest.param(entry("12:00", "13:00", rc(Step.PENDING)), "11:00", "12:00", id="lunch waits for 12:00"),
        pytest.param(
            entry("12:00", "13:00", rc(Step.PENDING, retry_at="12:01", attempts=1)),
            "12:00",
            "12:01",
            id="server down at 12:00, tried again at 12:01",
        ),
        pytest.param(
            entry("12:00", "13:00", rc(Step.PENDING, retry_at="13:30", attempts=3)),
            "12:50",
            "13:00",
            id="a retry after lunch's end is moved to the end (to report it)",
        ),
        pytest.param(
            entry("12:00", "13:00", rc(Step.APPLYING)), "12:00", "12:00", id="crashed while setting lunch"
        ),
        pytest.param(entry("12:00", "13:00", rc(Step.APPLIED)), "12:10", "13:00", id="lunch on, ends 13:00"),
        pytest.param(
            entry("12:00", "13:00", rc(Step.APPLIED, retry_at="13:05", attempts=1)),
            "13:00",
            "13:05",
            id="putting back failed at 13:00, again at 13:05",
        ),
        pytest.param(
            entry("12:00", "13:00", rc(Step.RESTORING)), "13:20", "13:00", id="crashed while putting back"
        ),
        pytest.param(
            entry("12:00", None, rc(Step.RESTORING)), "12:20", "12:20", id="ending an open-ended change now"
        ),
        pytest.param(entry("12:00", "13:00", rc(Step.RESTORED)), "13:00", None, id="lunch over, status back"),
        pytest.param(entry("12:00", None, rc(Step.APPLIED)), "12:00", None, id="'away from 12:00' is set"),
        pytest.param(
            entry("12:00", None, rc(Step.PENDING)),
            "16:00",
            "12:00",
            id="'away from 12:00' with the app off till 16:00 is still set",
        ),
        pytest.param(
            entry("12:00", None, rc(Step.PENDING, retry_at="13:30", attempts=4)),
            "12:40",
            "13:00",
            id="'away from 12:00' failing: tried until 13:00",
        ),
        pytest.param(
            entry("12:00", "13:00", rm(Step.PENDING), created="09:00"),
            "09:00",
            "09:00",
            id="Smartsheet gets lunch at once, when it is scheduled",
        ),
        pytest.param(
            entry("12:00", "13:00", rm(Step.NATIVE), created="09:00"),
            "12:30",
            None,
            id="Smartsheet has lunch: nothing more to send",
        ),
    ],
)
def test_due(situation: ScheduleEntry, now: str, expected: str | None) -> None:
    assert due(situation, situation.progress[0], at(now)) == (at(expected) if expected else None)


# ---- settle: the phase an entry shows ------------------------------------------------------------


@pytest.mark.parametrize(
    ("situation", "now", "expected"),
    [
        pytest.param(entry("12:00", "13:00", rc(Step.PENDING), rm(Step.PENDING)), "11:00", Phase.SCHEDULED,
                     id="lunch not started"),
        pytest.param(entry("12:00", "13:00", rc(Step.APPLIED), rm(Step.PENDING)), "12:00", Phase.ACTIVE,
                     id="lunch set on one account so far"),
        pytest.param(entry("12:00", "13:00", rm(Step.NATIVE)), "11:00", Phase.SCHEDULED,
                     id="Smartsheet has lunch, before noon"),
        pytest.param(entry("12:00", "13:00", rm(Step.NATIVE)), "12:30", Phase.ACTIVE,
                     id="Smartsheet has lunch, at half past twelve"),
        pytest.param(entry("12:00", "13:00", rm(Step.NATIVE)), "13:00", Phase.DONE,
                     id="Smartsheet had lunch, after it ended"),
        pytest.param(entry("12:00", "13:00", rc(Step.RESTORED), rm(Step.NATIVE)), "13:00", Phase.DONE,
                     id="lunch over everywhere"),
        pytest.param(entry("12:00", "13:00", rc(Step.KEPT)), "13:00", Phase.DONE,
                     id="lunch over, the status changed by hand was kept"),
        pytest.param(entry("12:00", None, rc(Step.APPLIED)), "12:00", Phase.DONE,
                     id="'away from 12:00' is set: nothing more to do"),
        pytest.param(entry("12:00", "13:00", rc(Step.RESTORED), rm(Step.FAILED)), "13:00", Phase.DONE,
                     id="lunch worked on one account, failed on the other"),
        pytest.param(entry("12:00", "13:00", rc(Step.FAILED)), "13:00", Phase.FAILED,
                     id="lunch could not be set"),
        pytest.param(entry("12:00", "13:00", rc(Step.SKIPPED)), "13:00", Phase.FAILED,
                     id="lunch interrupted before the service took it"),
        pytest.param(entry("12:00", "13:00", rc(Step.MISSED)), "14:00", Phase.MISSED,
                     id="lunch passed while the app was off"),
        pytest.param(entry("12:00", "13:00", rc(Step.MISSED), rm(Step.SUPERSEDED)), "14:00", Phase.MISSED,
                     id="missed on one account, replaced on the other"),
        pytest.param(entry("12:00", "13:00", rc(Step.SUPERSEDED)), "12:00", Phase.SUPERSEDED,
                     id="lunch replaced by a newer change"),
        pytest.param(entry("12:00", "13:00", rc(Step.CANCELLED), cancelled="11:00"), "11:00", Phase.CANCELLED,
                     id="lunch cancelled before noon"),
        pytest.param(entry("12:00", "13:00", rc(Step.RESTORED), cancelled="12:30"), "12:30", Phase.CANCELLED,
                     id="lunch cancelled while on: status back, still shown as cancelled"),
        pytest.param(entry("12:00", "13:00", rc(Step.APPLIED), cancelled="12:30"), "12:30", Phase.ACTIVE,
                     id="lunch cancelled while on, not yet put back"),
    ],
)  # fmt: skip
def test_settle_phase(situation: ScheduleEntry, now: str, expected: Phase) -> None:
    assert settle(situation, at(now)).phase is expected


def test_settle_keeps_when_it_finished_and_says_each_note_once() -> None:
    over = entry("12:00", "13:00", rc(Step.RESTORED, note="back"), rm(Step.NATIVE, note="back"))
    done = settle(over, at("13:00"))
    assert (done.note, done.finished) == ("back", at("13:00"))
    later = settle(done, at("15:00"))
    assert later.finished == at("13:00")
    still_on = settle(entry("12:00", "13:00", rc(Step.APPLIED), finished=at("12:00")), at("12:30"))
    assert still_on.finished is None


# ---- looks_applied: after a crash, does the service show our change? -----------------------------


@pytest.mark.parametrize(
    ("current", "change", "expected"),
    [
        pytest.param(CurrentStatus(status_id="lunch", status_name="Lunch"), SET_LUNCH, True,
                     id="Lunch shows"),
        pytest.param(CurrentStatus(status_name="lunch"), SET_LUNCH, True, id="'lunch' shows, without its id"),
        pytest.param(CurrentStatus(status_id="lunch", status_name="Mittag"), SET_LUNCH, True,
                     id="Lunch's id shows under another name"),
        pytest.param(CurrentStatus(status_id="l2", status_name="Lunch"), SET_LUNCH, False,
                     id="another status named Lunch shows"),
        pytest.param(CurrentStatus(status_id="focus", status_name="Focus"), SET_LUNCH, False,
                     id="Focus shows"),
        pytest.param(CurrentStatus(status_id="lunch", status_name="Lunch", message="back at 1"),
                     StatusChange(ChangeKind.CUSTOM, status=LUNCH, message="canteen"), False,
                     id="Lunch shows with another message"),
        pytest.param(CurrentStatus(status_id="lunch", message="canteen"),
                     StatusChange(ChangeKind.CUSTOM, status=LUNCH, message="canteen"), True,
                     id="Lunch shows with our message"),
        pytest.param(CurrentStatus(availability=Availability.AWAY), SET_AWAY, True, id="Away shows"),
        pytest.param(CurrentStatus(availability=Availability.AVAILABLE), SET_AWAY, False,
                     id="still Available"),
        pytest.param(CurrentStatus(availability=Availability.BUSY), CLEAR, True, id="cleared: nothing shows"),
        pytest.param(CurrentStatus(message="deep work"), CLEAR, False, id="cleared, but a message shows"),
        pytest.param(CurrentStatus(status_name="Focus"), CLEAR, False, id="cleared, but Focus shows"),
    ],
)  # fmt: skip
def test_looks_applied(current: CurrentStatus, change: StatusChange, expected: bool) -> None:
    assert looks_applied(current, change) is expected


# ---- at the end: changed by hand?, and what to put back -------------------------------------------

LUNCH_SHOWING = CurrentStatus(availability=Availability.BUSY, status_id="lunch", status_name="Lunch")
AWAY_SHOWING = CurrentStatus(availability=Availability.AWAY)


@pytest.mark.parametrize(
    ("change", "ours", "now_showing", "by_hand"),
    [
        pytest.param(SET_LUNCH, LUNCH_SHOWING, LUNCH_SHOWING, False, id="Lunch still shows"),
        pytest.param(SET_LUNCH, LUNCH_SHOWING,
                     CurrentStatus(availability=Availability.AWAY, status_id="lunch"), False,
                     id="Lunch shows; the service went idle-away on its own"),
        pytest.param(SET_LUNCH, LUNCH_SHOWING,
                     CurrentStatus(availability=Availability.BUSY, status_name="lunch"), False,
                     id="Lunch shows, read back without its id"),
        pytest.param(SET_LUNCH, LUNCH_SHOWING, CurrentStatus(status_id="focus", status_name="Focus"), True,
                     id="the user picked Focus meanwhile"),
        pytest.param(SET_LUNCH, LUNCH_SHOWING, CurrentStatus(status_id="lunch", message="back soon"), True,
                     id="the user added a message meanwhile"),
        pytest.param(SET_AWAY, AWAY_SHOWING,
                     CurrentStatus(availability=Availability.AWAY, status_name="Focus"), False,
                     id="Away still shows; a custom status came and went"),
        pytest.param(SET_AWAY, AWAY_SHOWING, CurrentStatus(availability=Availability.BUSY), True,
                     id="the user went Busy meanwhile"),
        pytest.param(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY, message="errand"),
                     CurrentStatus(availability=Availability.AWAY, message="errand"), AWAY_SHOWING, True,
                     id="Away with a message: the user removed the message"),
    ],
)  # fmt: skip
def test_changed_by_hand(
    change: StatusChange, ours: CurrentStatus, now_showing: CurrentStatus, by_hand: bool
) -> None:
    assert same(now_showing, ours, changed_fields(change)) is not by_hand


@pytest.mark.parametrize(
    ("source", "puts_back"),
    [
        pytest.param("manual", "the same", id="set by hand before"),
        pytest.param("", "the same", id="the server does not say who set it"),
        pytest.param("external", "Available", id="a calendar's busy (it ends by itself)"),
        pytest.param("internal", "Available", id="a call in progress (it ends by itself)"),
    ],
)
def test_what_is_put_back(source: str, puts_back: str) -> None:
    before = CurrentStatus(availability=Availability.BUSY, status_name="In a meeting", source=source)
    expected = before if puts_back == "the same" else CurrentStatus(availability=Availability.AVAILABLE)
    assert restorable(before) == expected


# ---- retries and keeping -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "attempts", "wait"),
    [
        pytest.param(RateLimited("slow down", retry_after=30), 0, timedelta(seconds=30),
                     id="429, Retry-After 30"),
        pytest.param(RateLimited("slow down", retry_after=0.2), 0, timedelta(seconds=1),
                     id="429, Retry-After 0.2: at least a second"),
        pytest.param(RateLimited("slow down"), 5, timedelta(minutes=1),
                     id="429 without Retry-After: a minute"),
        pytest.param(ServiceUnavailable("down"), 0, timedelta(seconds=15), id="server down, first time"),
        pytest.param(ServiceUnavailable("down"), 1, timedelta(seconds=30), id="server down, second time"),
        pytest.param(ServiceUnavailable("down"), 4, timedelta(seconds=240), id="server down, fifth time"),
        pytest.param(ServiceUnavailable("down"), 5, timedelta(minutes=5), id="server down long: every 5 min"),
        pytest.param(ServiceUnavailable("down"), 500, timedelta(minutes=5), id="down for days: still 5 min"),
        pytest.param(AuthError("signed out"), 0, None, id="signed out: no retry"),
        pytest.param(ValueError("a bug"), 0, None, id="a bug: no retry"),
    ],
)  # fmt: skip
def test_retry_delay(error: Exception, attempts: int, wait: timedelta | None) -> None:
    assert retry_delay(error, attempts) == wait


@pytest.mark.parametrize(
    ("phase", "finished", "kept"),
    [
        pytest.param(Phase.FAILED, at("12:00", day=17), True, id="failed six days ago: still listed"),
        pytest.param(Phase.MISSED, at("12:00", day=15), False, id="missed eight days ago: dropped"),
        pytest.param(Phase.DONE, at("12:00", day=16), True, id="done exactly seven days ago: still listed"),
        pytest.param(Phase.SCHEDULED, None, True, id="scheduled long ago, never finished"),
    ],
)
def test_finished_entries_are_kept_a_week(phase: Phase, finished: datetime | None, kept: bool) -> None:
    old = entry("12:00", "13:00", rc(Step.RESTORED), phase=phase, finished=finished)
    assert (pruned([old], at("12:00")) == [old]) is kept
