"""The scheduler with a fake clock and a fake port: no sleeping, no network."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from trayapp.core.errors import (
    AuthError,
    InputError,
    RateLimited,
    ServiceUnavailable,
    TrayAppError,
)
from trayapp.core.models import Availability, ChangeKind, CurrentStatus, CustomStatus, StatusChange
from trayapp.core.scheduler import (
    KEEP_FINISHED,
    Phase,
    ScheduleEntry,
    ScheduleEvent,
    Scheduler,
    Step,
)

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
LUNCH = CustomStatus(id="lunch", name="Lunch", emoji="🍽")
BEFORE = CurrentStatus(
    availability=Availability.BUSY, status_id="focus", status_name="Focus", message="deep work"
)


class Crash(BaseException):
    """Stands for kill -9: not an Exception, so nothing in the scheduler catches it."""


class Clock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, **delta: float) -> datetime:
        """Jump to T0 + delta (hours=, minutes=, seconds=)."""
        self.now = T0 + timedelta(**delta)
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


class FakePort:
    """In-memory per-account state; can fail or 'crash' on demand."""

    def __init__(self, native: tuple[str, ...] = ()) -> None:
        self.state: dict[str, CurrentStatus] = {}
        self.native = set(native)
        self.calls: list[tuple[str, str, object]] = []
        self.failures: dict[tuple[str, str], list[Exception]] = {}
        self.crash_after: set[str] = set()
        self.crash_before: set[str] = set()

    def fail(self, op: str, account: str, *errors: Exception) -> None:
        self.failures.setdefault((op, account), []).extend(errors)

    def ops(self, op: str, account: str | None = None) -> list[object]:
        return [arg for name, acc, arg in self.calls if name == op and account in (None, acc)]

    def _enter(self, op: str, account: str, arg: object) -> None:
        self.calls.append((op, account, arg))
        if op in self.crash_before:
            self.crash_before.discard(op)
            raise Crash(op)
        queue = self.failures.get((op, account))
        if queue:
            raise queue.pop(0)

    def _leave(self, op: str) -> None:
        if op in self.crash_after:
            self.crash_after.discard(op)
            raise Crash(op)

    def read(self, account: str) -> CurrentStatus:
        self._enter("read", account, None)
        return self.state.get(account, CurrentStatus(availability=Availability.AVAILABLE))

    def apply(self, account: str, change: StatusChange) -> CurrentStatus:
        self._enter("apply", account, change)
        now = self.state.get(account, CurrentStatus(availability=Availability.AVAILABLE))
        if change.kind is ChangeKind.CUSTOM and change.status is not None:
            now = replace(
                now, status_id=change.status.id, status_name=change.status.name, message=change.message
            )
        elif change.kind is ChangeKind.AVAILABILITY:
            now = replace(now, availability=change.availability, message=change.message or now.message)
        else:
            now = replace(now, status_id=None, status_name=None, message=None)
        self.state[account] = replace(now, start=change.start, end=change.end)
        self._leave("apply")
        return self.state[account]

    def restore(self, account: str, state: CurrentStatus) -> None:
        self._enter("restore", account, state)
        self.state[account] = state
        self._leave("restore")

    def native_schedule(self, account: str) -> bool:
        return account in self.native


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def port() -> FakePort:
    port = FakePort(native=("rm",))
    port.state["rc"] = BEFORE
    return port


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "schedule.json"


@pytest.fixture
def sched(path: Path, port: FakePort, clock: Clock) -> Scheduler:
    return Scheduler(path, port, clock)


def lunch(
    start: datetime | None = None, end: datetime | None = None, message: str | None = "back soon"
) -> StatusChange:
    return StatusChange(ChangeKind.CUSTOM, status=LUNCH, message=message, start=start, end=end)


def at(**delta: float) -> datetime:
    return T0 + timedelta(**delta)


def kinds(events: list[ScheduleEvent]) -> list[str]:
    return [e.kind for e in events]


def entry(sched: Scheduler, entry_id: str) -> ScheduleEntry:
    return next(e for e in sched.entries() if e.id == entry_id)


# ---- apply and restore -------------------------------------------------------------------------


def test_applies_at_start_and_restores_everything_at_end(
    sched: Scheduler, port: FakePort, clock: Clock
) -> None:
    new, superseded = sched.add(["rc"], lunch(at(hours=1), at(hours=2)))
    assert superseded == []
    assert new.phase is Phase.SCHEDULED and new.start == at(hours=1) and new.end == at(hours=2)
    assert port.calls == [] and sched.next_wakeup() == at(hours=1)
    assert sched.next_for("rc") == new and sched.active_for("rc") is None

    clock.set(minutes=59)
    assert sched.tick() == [] and port.calls == []

    clock.set(hours=1)
    events = sched.tick()
    assert kinds(events) == ["applied"] and "rc" in events[0].message and "Lunch" in events[0].message
    assert port.state["rc"].status_id == "lunch" and port.state["rc"].message == "back soon"
    current = entry(sched, new.id)
    assert current.phase is Phase.ACTIVE and current.previous == {"rc": BEFORE}
    assert current.applied["rc"].status_id == "lunch"
    assert sched.active_for("rc") == current and sched.next_for("rc") is None
    assert sched.next_wakeup() == at(hours=2)
    assert port.ops("apply")[0] == lunch()  # start/end are ours, not sent to a service without them

    clock.set(hours=2)
    assert kinds(sched.tick()) == ["restored"]
    assert port.state["rc"] == BEFORE  # custom status, message and availability all back
    done = entry(sched, new.id)
    assert done.phase is Phase.DONE and "previous status is back" in done.note
    assert sched.next_wakeup() is None and sched.active_for("rc") is None
    assert sched.tick() == [] and len(port.ops("restore")) == 1


def test_a_readable_schedule_gives_no_warning(
    sched: Scheduler, path: Path, port: FakePort, clock: Clock
) -> None:
    """The menu shows the scheduler's warning when it has one: a healthy file must give none."""
    assert sched.warning == ""
    sched.add(["rc"], lunch(at(hours=1), at(hours=2)))
    assert Scheduler(path, port, clock).warning == ""


def test_start_defaults_to_now_and_is_applied_by_add(sched: Scheduler, port: FakePort) -> None:
    new, _ = sched.add(["rc"], lunch(end=at(minutes=30)))
    assert new.start == T0 and new.phase is Phase.ACTIVE
    assert len(port.ops("apply")) == 1
    assert kinds(sched.tick()) == ["applied"]  # add's events come with the next tick
    assert sched.tick() == []


def test_open_ended_change_is_applied_once_and_never_restored(
    sched: Scheduler, port: FakePort, clock: Clock
) -> None:
    new, _ = sched.add(["rc"], lunch(at(hours=1)))
    clock.set(hours=1)
    assert kinds(sched.tick()) == ["applied"]
    assert entry(sched, new.id).phase is Phase.DONE
    clock.set(days=3)
    assert sched.tick() == [] and port.ops("restore") == [] and sched.next_wakeup() is None


def test_manual_change_in_between_is_kept(sched: Scheduler, port: FakePort, clock: Clock) -> None:
    new, _ = sched.add(["rc"], lunch(end=at(hours=1)))
    manual = CurrentStatus(availability=Availability.AWAY, status_id="meeting", status_name="Meeting")
    port.state["rc"] = manual
    clock.set(hours=1)
    events = sched.tick()
    assert kinds(events) == ["applied", "kept"]
    assert "by hand" in events[-1].message
    assert port.state["rc"] == manual and port.ops("restore") == []
    done = entry(sched, new.id)
    assert done.phase is Phase.DONE and done.account("rc") is not None
    assert done.account("rc").step is Step.KEPT and "kept" in done.note  # type: ignore[union-attr]


def test_availability_flip_by_the_service_is_not_a_manual_change(
    sched: Scheduler, port: FakePort, clock: Clock
) -> None:
    sched.add(["rc"], lunch(end=at(hours=1)))
    port.state["rc"] = replace(port.state["rc"], availability=Availability.AWAY)  # idle auto-away
    clock.set(hours=1)
    assert kinds(sched.tick())[-1] == "restored" and port.state["rc"] == BEFORE


# ---- overlaps ----------------------------------------------------------------------------------


def test_overlap_supersedes_and_final_end_restores_state_from_before_both(
    sched: Scheduler, port: FakePort, clock: Clock
) -> None:
    first, _ = sched.add(["rc"], lunch(at(hours=1), at(hours=3)))
    clock.set(hours=1)
    sched.tick()
    assert port.state["rc"].status_id == "lunch"

    clock.set(hours=2)
    meeting = StatusChange(ChangeKind.CUSTOM, status=CustomStatus("meet", "Meeting"), end=at(hours=4))
    second, superseded = sched.add(["rc"], meeting)
    assert [e.id for e in superseded] == [first.id] and superseded[0].phase is Phase.SUPERSEDED
    assert "replaced by 'Meeting'" in superseded[0].note
    assert port.state["rc"].status_id == "meet"
    assert second.previous == {"rc": BEFORE}  # carried over, not the lunch we had applied
    assert kinds(sched.tick()) == ["superseded", "applied"]

    clock.set(hours=3)  # the superseded entry's end: nothing happens
    assert sched.tick() == [] and port.ops("restore") == []
    clock.set(hours=4)
    assert kinds(sched.tick()) == ["restored"]
    assert port.ops("restore") == [BEFORE] and port.state["rc"] == BEFORE
    assert entry(sched, first.id).phase is Phase.SUPERSEDED


def test_superseding_only_touches_shared_accounts_and_overlapping_spans(
    sched: Scheduler, port: FakePort, clock: Clock
) -> None:
    both, _ = sched.add(["rc", "cb"], lunch(at(hours=1), at(hours=2)))
    later, _ = sched.add(["rc"], lunch(at(hours=5), at(hours=6)))
    _, superseded = sched.add(["rc"], lunch(at(hours=1, minutes=30), at(hours=3)))
    assert [e.id for e in superseded] == [both.id]
    partly = superseded[0]
    assert partly.phase is Phase.SCHEDULED  # cb still goes ahead
    assert partly.account("rc").step is Step.SUPERSEDED  # type: ignore[union-attr]
    assert partly.account("cb").step is Step.PENDING  # type: ignore[union-attr]
    assert entry(sched, later.id).phase is Phase.SCHEDULED
    clock.set(hours=1)
    assert [(e.account, e.kind) for e in sched.tick()] == [("rc", "superseded"), ("cb", "applied")]


def test_cancelling_the_new_entry_puts_back_what_was_there_before_both(
    sched: Scheduler, port: FakePort, clock: Clock
) -> None:
    sched.add(["rc"], lunch(end=at(hours=3)))
    second, _ = sched.add(["rc"], lunch(at(hours=1), at(hours=4), message="meeting"))
    assert port.state["rc"].message == "back soon"  # the first one's, until the second starts
    cancelled = sched.cancel(second.id)
    assert cancelled.phase is Phase.CANCELLED
    assert port.state["rc"] == BEFORE


# ---- catch-up ------------------------------------------------------------------------------------


def test_catch_up_after_gap_applies_once(sched: Scheduler, port: FakePort, clock: Clock) -> None:
    new, _ = sched.add(["rc"], lunch(at(hours=1), at(hours=3)))
    clock.set(hours=2)  # the app was asleep through the start
    assert kinds(sched.tick()) == ["applied"]
    assert kinds(sched.tick()) == [] and len(port.ops("apply")) == 1
    assert entry(sched, new.id).phase is Phase.ACTIVE


def test_fully_missed_window_is_reported_not_replayed(sched: Scheduler, port: FakePort, clock: Clock) -> None:
    new, _ = sched.add(["rc"], lunch(at(hours=1), at(hours=2)))
    clock.set(hours=5)
    events = sched.tick()
    assert kinds(events) == ["missed"] and "was missed" in events[0].message
    assert port.calls == []
    missed = entry(sched, new.id)
    assert missed.phase is Phase.MISSED and "not replayed" in missed.note
    assert sched.tick() == [] and sched.next_wakeup() is None


def test_catch_up_runs_in_order_of_time(sched: Scheduler, port: FakePort, clock: Clock) -> None:
    first, _ = sched.add(["rc"], lunch(at(hours=1), at(hours=2), message="one"))
    second, _ = sched.add(["rc"], lunch(at(hours=2), at(hours=4), message="two"))
    clock.set(hours=1)
    sched.tick()
    clock.set(hours=3)  # first's end and second's start both passed while away
    assert [(e.entry_id, e.kind) for e in sched.tick()] == [(first.id, "restored"), (second.id, "applied")]
    assert entry(sched, second.id).previous == {"rc": BEFORE}
    clock.set(hours=4)
    sched.tick()
    assert port.state["rc"] == BEFORE


# ---- failures ----------------------------------------------------------------------------------


def test_rate_limit_waits_for_retry_after(sched: Scheduler, port: FakePort, clock: Clock) -> None:
    port.fail("apply", "rc", RateLimited("Rocket.Chat asks to slow down.", retry_after=30))
    new, _ = sched.add(["rc"], lunch(at(hours=1), at(hours=2)))
    clock.set(hours=1)
    events = sched.tick()
    assert kinds(events) == ["retrying"] and "slow down" in events[0].message
    assert sched.next_wakeup() == at(hours=1, seconds=30)
    waiting = entry(sched, new.id)
    assert waiting.attempts == 1 and waiting.retry_at == at(hours=1, seconds=30)
    clock.set(hours=1, seconds=29)
    assert sched.tick() == [] and len(port.ops("apply")) == 1
    clock.set(hours=1, seconds=30)
    assert kinds(sched.tick()) == ["applied"]
    assert entry(sched, new.id).attempts == 0 and port.state["rc"].status_id == "lunch"


def test_rate_limit_without_retry_after_uses_default(sched: Scheduler, port: FakePort, clock: Clock) -> None:
    port.fail("apply", "rc", RateLimited("Too many requests."))
    sched.add(["rc"], lunch(end=at(hours=1)))
    assert sched.next_wakeup() == at(minutes=1)


def test_outage_backs_off_then_succeeds(sched: Scheduler, port: FakePort, clock: Clock) -> None:
    port.fail("apply", "rc", *(ServiceUnavailable("Rocket.Chat is not reachable.") for _ in range(3)))
    sched.add(["rc"], lunch(at(hours=1), at(hours=2)))
    clock.set(hours=1)
    waits = []
    for _ in range(3):
        assert kinds(sched.tick()) == ["retrying"]
        wake = sched.next_wakeup()
        assert wake is not None
        waits.append((wake - clock.now).total_seconds())
        clock.now = wake
    assert waits == [15, 30, 60]
    assert kinds(sched.tick()) == ["applied"]
    clock.set(hours=2)
    assert kinds(sched.tick()) == ["restored"] and port.state["rc"] == BEFORE


def test_backoff_is_capped_at_five_minutes(sched: Scheduler, port: FakePort, clock: Clock) -> None:
    port.fail("apply", "rc", *(ServiceUnavailable("down") for _ in range(12)))
    sched.add(["rc"], lunch(end=at(hours=3)))
    for _ in range(10):
        wake = sched.next_wakeup()
        assert wake is not None
        clock.now = wake
        sched.tick()
    wake = sched.next_wakeup()
    assert wake is not None and wake - clock.now == timedelta(minutes=5)


def test_outage_until_after_end_fails_with_note(sched: Scheduler, port: FakePort, clock: Clock) -> None:
    port.fail("apply", "rc", *(ServiceUnavailable("Rocket.Chat is not reachable.") for _ in range(100)))
    new, _ = sched.add(["rc"], lunch(end=at(minutes=2)))
    events = []
    for _ in range(20):
        wake = sched.next_wakeup()
        if wake is None:
            break
        clock.now = wake
        events += sched.tick()
    assert kinds(events)[-1] == "failed"
    failed = entry(sched, new.id)
    assert failed.phase is Phase.FAILED
    assert "could not set '🍽 Lunch (back soon)'" in failed.note and "not reachable" in failed.note
    assert port.ops("restore") == [] and port.state["rc"] == BEFORE
    assert clock.now == at(minutes=2)  # gave up at the end, not later


def test_auth_error_fails_at_once_and_other_accounts_proceed(
    sched: Scheduler, port: FakePort, clock: Clock
) -> None:
    port.fail("apply", "cb", AuthError("Callbell refused the API key; sign in again."))
    new, _ = sched.add(["rc", "cb"], lunch(end=at(hours=1)))
    assert new.phase is Phase.ACTIVE
    assert new.account("cb").step is Step.FAILED  # type: ignore[union-attr]
    assert "sign in again" in new.note
    assert [(e.account, e.kind) for e in sched.tick()] == [("rc", "applied"), ("cb", "failed")]
    clock.set(hours=1)
    assert [(e.account, e.kind) for e in sched.tick()] == [("rc", "restored")]
    assert port.ops("restore", "cb") == []
    assert entry(sched, new.id).phase is Phase.DONE


def test_restore_retries_through_an_outage(sched: Scheduler, port: FakePort, clock: Clock) -> None:
    sched.add(["rc"], lunch(end=at(hours=1)))
    assert kinds(sched.tick()) == ["applied"]
    port.fail("restore", "rc", ServiceUnavailable("down"), ServiceUnavailable("down"))
    clock.set(hours=1)
    assert kinds(sched.tick()) == ["retrying"]
    clock.set(hours=1, seconds=15)
    assert kinds(sched.tick()) == ["retrying"]
    clock.set(hours=1, seconds=45)
    assert kinds(sched.tick()) == ["restored"] and port.state["rc"] == BEFORE


def test_restore_gives_up_after_an_hour(sched: Scheduler, port: FakePort, clock: Clock) -> None:
    new, _ = sched.add(["rc"], lunch(end=at(hours=1)))
    port.fail("read", "rc", *(ServiceUnavailable("down") for _ in range(100)))
    clock.set(hours=1)
    events = []
    while (wake := sched.next_wakeup()) is not None:
        clock.now = wake
        events += sched.tick()
    assert kinds(events)[-1] == "failed" and clock.now >= at(hours=2)
    assert "could not put back" in entry(sched, new.id).note


def test_unexpected_exception_fails_instead_of_looping(sched: Scheduler, port: FakePort) -> None:
    port.fail("apply", "rc", KeyError("bug"))
    new, _ = sched.add(["rc"], lunch(end=at(hours=1)))
    assert new.phase is Phase.FAILED and sched.next_wakeup() is None


# ---- clocks and zones --------------------------------------------------------------------------


@pytest.fixture
def set_tz() -> Iterator[object]:
    saved = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="time.tzset is POSIX only")
def test_time_zone_change_alters_nothing(
    sched: Scheduler, path: Path, port: FakePort, clock: Clock, set_tz: object
) -> None:
    set_zone = set_tz
    assert callable(set_zone)
    set_zone("America/New_York")
    new, _ = sched.add(["rc"], lunch(at(hours=1), at(hours=2)))
    stored = path.read_bytes()
    wake = sched.next_wakeup()
    set_zone("Asia/Tokyo")
    assert sched.next_wakeup() == wake == at(hours=1)
    assert path.read_bytes() == stored and entry(sched, new.id) == new
    reopened = Scheduler(path, port, clock)
    assert reopened.entries() == [new]
    clock.set(minutes=59)
    assert reopened.tick() == []
    clock.set(hours=1)
    assert kinds(reopened.tick()) == ["applied"]
    set_zone("Pacific/Kiritimati")  # +14: a whole day's jump in local time
    clock.set(hours=1, minutes=59)
    assert reopened.tick() == []
    clock.set(hours=2)
    assert kinds(reopened.tick()) == ["restored"]


def test_dst_boundary_keeps_the_instant(path: Path, port: FakePort) -> None:
    berlin = ZoneInfo("Europe/Berlin")
    # Saturday before the last Sunday of October 2026 (25 Oct): still CEST (+02:00).
    clock = Clock(datetime(2026, 10, 24, 18, 0, tzinfo=berlin))
    sched = Scheduler(path, port, clock)
    end_of_sunday = datetime(2026, 10, 25, 23, 59, tzinfo=berlin)  # CET (+01:00) by then
    new, _ = sched.add(["rc"], lunch(end=end_of_sunday))
    expected = datetime(2026, 10, 25, 22, 59, tzinfo=timezone.utc)
    assert new.end == expected and new.end.utcoffset() == timedelta(0)
    assert json.loads(path.read_text())["entries"][0]["end"] == "2026-10-25T22:59:00Z"
    assert Scheduler(path, port, clock).entries()[0].end == end_of_sunday
    assert sched.next_wakeup() == expected
    assert kinds(sched.tick()) == ["applied"]
    clock.now = expected - timedelta(hours=1)  # 22:59 wall-clock CEST arithmetic would fire here
    assert sched.tick() == []
    clock.now = expected
    assert kinds(sched.tick()) == ["restored"]


def test_naive_clock_is_refused(path: Path, port: FakePort) -> None:
    sched = Scheduler(path, port, lambda: datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="timezone-aware"):
        sched.tick()


# ---- persistence and crashes -------------------------------------------------------------------


def test_schedule_survives_restart(path: Path, port: FakePort, clock: Clock) -> None:
    new, _ = Scheduler(path, port, clock).add(["rc"], lunch(at(hours=1), at(hours=2)))
    clock.set(hours=1)
    assert kinds(Scheduler(path, port, clock).tick()) == ["applied"]
    clock.set(hours=2)
    third = Scheduler(path, port, clock)
    assert third.entries()[0].previous == {"rc": BEFORE}
    assert kinds(third.tick()) == ["restored"] and port.state["rc"] == BEFORE
    assert third.entries()[0].phase is Phase.DONE and third.entries()[0].id == new.id


def test_a_presets_own_part_for_each_account_survives_a_restart(
    path: Path, port: FakePort, clock: Clock
) -> None:
    away = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY, message="at lunch")
    Scheduler(path, port, clock).add(
        ["rc", "cb"], lunch(at(hours=1), at(hours=2)), per_account={"cb": away}, label="🍔 Lunch"
    )
    clock.set(hours=1)
    restarted = Scheduler(path, port, clock)  # the tray started again before the preset's start
    assert kinds(restarted.tick()) == ["applied", "applied"]
    assert port.state["rc"].status_name == "Lunch" and port.state["rc"].message == "back soon"
    assert port.state["cb"].availability is Availability.AWAY and port.state["cb"].message == "at lunch"
    assert port.state["cb"].status_name is None  # its own part, not the entry's custom status


def test_a_waiting_change_without_an_attempt_count_is_still_run(
    path: Path, port: FakePort, clock: Clock
) -> None:
    """A hand-edited (or older) file whose progress leaves out "attempts" means none yet."""
    Scheduler(path, port, clock).add(["rc"], lunch(at(hours=1), at(hours=2)))
    data = json.loads(path.read_text())
    del data["entries"][0]["progress"][0]["attempts"]
    path.write_text(json.dumps(data))
    clock.set(hours=1)
    restarted = Scheduler(path, port, clock)
    assert kinds(restarted.tick()) == ["applied"] and port.state["rc"].status_name == "Lunch"
    assert restarted.warnings == []


def test_crash_after_apply_reapplies_once_and_restores_once(path: Path, port: FakePort, clock: Clock) -> None:
    sched = Scheduler(path, port, clock)
    sched.add(["rc"], lunch(at(hours=1), at(hours=2)))
    port.crash_after.add("apply")
    clock.set(hours=1)
    with pytest.raises(Crash):
        sched.tick()
    on_disk = json.loads(path.read_text())["entries"][0]["progress"][0]
    assert on_disk["step"] == "applying" and on_disk["previous"]["status_id"] == "focus"

    restarted = Scheduler(path, port, clock)
    assert kinds(restarted.tick()) == ["applied"]
    assert len(port.ops("apply")) == 2  # re-applying is harmless
    assert restarted.entries()[0].previous == {"rc": BEFORE}  # not our own change
    clock.set(hours=2)
    assert kinds(restarted.tick()) == ["restored"]
    assert port.ops("restore") == [BEFORE] and port.state["rc"] == BEFORE


def test_crash_after_restore_does_not_restore_twice(path: Path, port: FakePort, clock: Clock) -> None:
    sched = Scheduler(path, port, clock)
    new, _ = sched.add(["rc"], lunch(end=at(hours=1)))
    port.crash_after.add("restore")
    clock.set(hours=1)
    with pytest.raises(Crash):
        sched.tick()
    assert json.loads(path.read_text())["entries"][0]["progress"][0]["step"] == "restoring"

    restarted = Scheduler(path, port, clock)
    [event] = restarted.tick()
    assert (
        event.kind == "restored"
        and event.message == "rc: '🍽 Lunch (back soon)' ended; the previous status is back."
    )
    assert len(port.ops("restore")) == 1 and port.state["rc"] == BEFORE
    assert entry(restarted, new.id).phase is Phase.DONE


def test_crash_before_restore_sent_restores_on_restart(path: Path, port: FakePort, clock: Clock) -> None:
    sched = Scheduler(path, port, clock)
    sched.add(["rc"], lunch(end=at(hours=1)))
    port.crash_before.add("restore")
    clock.set(hours=1)
    with pytest.raises(Crash):
        sched.tick()
    assert kinds(Scheduler(path, port, clock).tick()) == ["restored"]
    assert port.state["rc"] == BEFORE


def test_never_applied_is_never_restored(path: Path, port: FakePort, clock: Clock) -> None:
    sched = Scheduler(path, port, clock)
    new, _ = sched.add(["rc"], lunch(at(hours=1), at(hours=2)))
    port.crash_before.add("apply")  # killed after the intent was written, before the request left
    clock.set(hours=1)
    with pytest.raises(Crash):
        sched.tick()
    clock.set(hours=3)  # restarted only after the end
    restarted = Scheduler(path, port, clock)
    events = restarted.tick()
    assert kinds(events) == ["failed"] and "nothing to undo" in events[0].message
    assert port.ops("restore") == [] and port.state["rc"] == BEFORE
    assert entry(restarted, new.id).phase is Phase.FAILED


@pytest.mark.parametrize("kind", ["custom", "availability"])
def test_crash_after_apply_then_restart_after_the_end_restores(
    path: Path, port: FakePort, clock: Clock, kind: str
) -> None:
    """The change did land before the crash: after the end, what it replaced is still put back."""
    sched = Scheduler(path, port, clock)
    away = StatusChange(
        ChangeKind.AVAILABILITY, availability=Availability.AWAY, start=at(hours=1), end=at(hours=2)
    )
    sched.add(["rc"], lunch(at(hours=1), at(hours=2)) if kind == "custom" else away)
    port.crash_after.add("apply")
    clock.set(hours=1)
    with pytest.raises(Crash):
        sched.tick()
    clock.set(hours=3)
    assert kinds(Scheduler(path, port, clock).tick()) == ["restored"]
    assert port.state["rc"] == BEFORE


def test_unknown_apply_and_no_answer_after_the_end_says_to_check(
    path: Path, port: FakePort, clock: Clock
) -> None:
    sched = Scheduler(path, port, clock)
    new, _ = sched.add(["rc"], lunch(at(hours=1), at(hours=2)))
    port.crash_after.add("apply")
    clock.set(hours=1)
    with pytest.raises(Crash):
        sched.tick()
    clock.set(hours=3)
    port.fail("read", "rc", ServiceUnavailable("Rocket.Chat is unavailable right now."))
    [event] = Scheduler(path, port, clock).tick()
    assert event.kind == "failed" and event.account == "rc"
    assert "could not check what the service shows now" in event.message and "Please check" in event.message
    assert entry(sched, new.id).phase is Phase.FAILED and port.ops("restore") == []


def test_a_refused_hand_over_fails_the_account(sched: Scheduler, port: FakePort) -> None:
    port.fail("apply", "rm", AuthError("Smartsheet RM rejected this account's API token."))
    new, _ = sched.add(["rm"], lunch(at(hours=1), at(hours=2)))
    [event] = sched.tick()
    assert (event.account, event.kind) == ("rm", "failed")
    assert "rm: could not hand over '🍽 Lunch (back soon)': Smartsheet RM rejected" in event.message
    assert entry(sched, new.id).phase is Phase.FAILED


def test_a_refused_restore_fails_and_says_so(sched: Scheduler, port: FakePort, clock: Clock) -> None:
    new, _ = sched.add(["rc"], lunch(end=at(hours=1)))
    port.fail("restore", "rc", AuthError("Rocket.Chat rejected this account's token."))
    clock.set(hours=1)
    [event] = [e for e in sched.tick() if e.kind != "applied"]
    assert (event.account, event.kind) == ("rc", "failed")
    assert "could not put back the status from before" in event.message and "rejected" in event.message
    assert entry(sched, new.id).phase is Phase.FAILED


def test_a_failed_retry_says_when_it_tries_again(sched: Scheduler, port: FakePort, clock: Clock) -> None:
    port.fail("apply", "rc", RateLimited("Rocket.Chat is limiting requests.", retry_after=90))
    sched.add(["rc"], lunch(at(hours=1), at(hours=2)))
    clock.set(hours=1)
    [event] = sched.tick()
    again = at(hours=1, seconds=90).astimezone().strftime("%H:%M:%S")
    assert event.kind == "retrying" and event.message.endswith(f"Trying again at {again}.")
    assert sched.next_wakeup() == at(hours=1, seconds=90)


def test_crash_before_apply_then_restart_within_window_applies(
    path: Path, port: FakePort, clock: Clock
) -> None:
    sched = Scheduler(path, port, clock)
    sched.add(["rc"], lunch(at(hours=1), at(hours=2)))
    port.crash_before.add("apply")
    clock.set(hours=1)
    with pytest.raises(Crash):
        sched.tick()
    clock.set(hours=1, minutes=10)
    restarted = Scheduler(path, port, clock)
    assert kinds(restarted.tick()) == ["applied"]
    clock.set(hours=2)
    assert kinds(restarted.tick()) == ["restored"] and port.state["rc"] == BEFORE


def test_applied_before_crash_and_restarted_after_end_is_restored(
    path: Path, port: FakePort, clock: Clock
) -> None:
    sched = Scheduler(path, port, clock)
    sched.add(["rc"], lunch(at(hours=1), at(hours=2)))
    port.crash_after.add("apply")
    clock.set(hours=1)
    with pytest.raises(Crash):
        sched.tick()
    clock.set(hours=5)
    assert kinds(Scheduler(path, port, clock).tick()) == ["restored"]
    assert port.ops("restore") == [BEFORE] and len(port.ops("apply")) == 1


def test_broken_file_is_set_aside_with_warning(path: Path, port: FakePort, clock: Clock) -> None:
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    sched = Scheduler(path, port, clock)
    assert "damaged (not valid JSON)" in sched.warning
    aside = list(path.parent.glob("schedule.json.broken-*"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == "{not json"
    assert sched.entries() == []
    sched.add(["rc"], lunch(end=at(hours=1)))
    assert len(Scheduler(path, port, clock).entries()) == 1


def test_file_with_bad_content_is_set_aside(path: Path, port: FakePort, clock: Clock) -> None:
    path.parent.mkdir(parents=True)
    path.write_text('{"schema_version": 1, "entries": [{"id": "x"}]}', encoding="utf-8")
    sched = Scheduler(path, port, clock)
    # the bad entry is left out (the file as it was is kept), the rest of the file stays in use
    assert "left out scheduled change 'x'" in sched.warning and sched.entries() == []
    assert len(list(path.parent.glob("schedule.json.broken-*"))) == 1


def test_file_damaged_while_running_is_set_aside_on_read(
    sched: Scheduler, path: Path, port: FakePort, clock: Clock
) -> None:
    sched.add(["rc"], lunch(end=at(hours=1)))
    path.write_text("[]]", encoding="utf-8")
    assert sched.entries() == [] and "damaged" in sched.warning


def test_finished_entries_are_pruned_after_a_week(sched: Scheduler, port: FakePort, clock: Clock) -> None:
    old, _ = sched.add(["rc"], lunch(end=at(hours=1)))
    clock.set(hours=1)
    sched.tick()
    clock.now = at(hours=1) + KEEP_FINISHED - timedelta(minutes=1)
    sched.add(["cb"], lunch(end=clock.now + timedelta(hours=1)))
    assert old.id in {e.id for e in sched.entries()}
    clock.now = at(hours=1) + KEEP_FINISHED + timedelta(minutes=1)
    sched.tick()
    assert old.id not in {e.id for e in sched.entries()}


# ---- two processes -----------------------------------------------------------------------------


def test_two_instances_on_one_file_keep_each_others_entries(path: Path, port: FakePort, clock: Clock) -> None:
    tray = Scheduler(path, port, clock)
    cli = Scheduler(path, port, clock)
    a, _ = tray.add(["rc"], lunch(at(hours=1), at(hours=2)))
    b, _ = cli.add(["cb"], lunch(at(hours=1), at(hours=2)))
    assert {e.id for e in tray.entries()} == {a.id, b.id} == {e.id for e in cli.entries()}
    assert tray.next_wakeup() == at(hours=1)
    cli.cancel(a.id)
    assert entry(tray, a.id).phase is Phase.CANCELLED
    clock.set(hours=1)
    assert [(e.entry_id, e.kind) for e in tray.tick()] == [(b.id, "applied")]
    assert kinds(cli.tick()) == ["cancelled"]  # events stay with the instance that caused them
    assert cli.tick() == [] and len(port.ops("apply")) == 1


def test_concurrent_adds_from_two_instances_lose_nothing(path: Path, port: FakePort, clock: Clock) -> None:
    instances = [Scheduler(path, port, clock) for _ in range(2)]
    errors: list[BaseException] = []

    def work(sched: Scheduler, n: int) -> None:
        try:
            for i in range(15):
                sched.add([f"acc{n}-{i}"], lunch(at(hours=1), at(hours=2)))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s, n)) for n, s in enumerate(instances)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert len(Scheduler(path, port, clock).entries()) == 30


def test_another_process_adds_while_this_one_runs(path: Path, port: FakePort, clock: Clock) -> None:
    tray = Scheduler(path, port, clock)
    tray.add(["rc"], lunch(at(hours=1), at(hours=2)))
    code = textwrap.dedent(
        f"""
        import sys
        from datetime import datetime
        from pathlib import Path
        from trayapp.core.models import CurrentStatus, StatusChange, ChangeKind
        from trayapp.core.scheduler import Scheduler

        class Port:
            def read(self, account): return CurrentStatus()
            def apply(self, account, change): return CurrentStatus()
            def restore(self, account, state): pass
            def native_schedule(self, account): return False

        now = datetime.fromisoformat({T0.isoformat()!r})
        sched = Scheduler(Path(sys.argv[1]), Port(), lambda: now)
        for i in range(10):
            sched.add([f"cli{{i}}"], StatusChange(ChangeKind.CLEAR, start=datetime.fromisoformat(
                {at(hours=3).isoformat()!r})))
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", code, str(path)], stderr=subprocess.PIPE, text=True)
    for i in range(10):
        tray.add([f"tray{i}"], lunch(at(hours=4), at(hours=5)))
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert len(tray.entries()) == 21


# ---- native start/end --------------------------------------------------------------------------


def test_native_schedule_accounts_get_one_apply_with_start_and_end(
    sched: Scheduler, port: FakePort, clock: Clock
) -> None:
    new, _ = sched.add(["rm", "rc"], lunch(at(hours=1), at(hours=2)))
    sent = port.ops("apply", "rm")
    assert len(sent) == 1 and sent[0] == lunch(at(hours=1), at(hours=2))
    assert len(port.ops("read", "rm")) == 1  # only the state to post back if it is ended early
    assert new.phase is Phase.SCHEDULED and new.account("rm").step is Step.NATIVE  # type: ignore[union-attr]
    assert "handed to the service" in new.note
    assert sched.next_wakeup() == at(hours=1)

    clock.set(hours=1)
    assert [(e.account, e.kind) for e in sched.tick()] == [("rm", "applied"), ("rc", "applied")]
    assert entry(sched, new.id).phase is Phase.ACTIVE and sched.active_for("rm") is not None
    clock.set(hours=2)
    assert [(e.account, e.kind) for e in sched.tick()] == [("rc", "restored")]
    assert port.ops("restore", "rm") == [] and len(port.ops("read", "rm")) == 1
    assert len(port.ops("apply", "rm")) == 1
    assert entry(sched, new.id).phase is Phase.DONE


def test_native_only_entry_phase_follows_the_clock(sched: Scheduler, port: FakePort, clock: Clock) -> None:
    new, _ = sched.add(["rm"], lunch(at(hours=1), at(hours=2)))
    assert new.phase is Phase.SCHEDULED and sched.next_for("rm") == new
    assert kinds(sched.tick()) == ["applied"]
    clock.set(hours=1)
    assert sched.tick() == []
    assert entry(sched, new.id).phase is Phase.ACTIVE and sched.next_wakeup() == at(hours=2)
    clock.set(hours=2)
    sched.tick()
    assert entry(sched, new.id).phase is Phase.DONE and sched.next_wakeup() is None
    assert [c[0] for c in port.calls] == ["read", "apply"]  # the read: what "End now" would post


# ---- cancel, end now, extend -------------------------------------------------------------------


def test_cancel_scheduled_and_active(sched: Scheduler, port: FakePort, clock: Clock) -> None:
    later, _ = sched.add(["rc"], lunch(at(hours=5), at(hours=6)))
    cancelled = sched.cancel(later.id)
    assert cancelled.phase is Phase.CANCELLED and "cancelled" in cancelled.note and port.calls == []
    assert sched.cancel(later.id) == cancelled  # idempotent

    now, _ = sched.add(["rc"], lunch(end=at(hours=1)))
    clock.set(minutes=10)
    stopped = sched.cancel(now.id)
    assert stopped.phase is Phase.CANCELLED and stopped.end == at(minutes=10)
    assert port.state["rc"] == BEFORE and len(port.ops("restore")) == 1
    assert kinds(sched.tick()) == ["cancelled", "applied", "restored"]


def test_cancel_unknown_id_is_input_error(sched: Scheduler) -> None:
    with pytest.raises(InputError, match="no scheduled change"):
        sched.cancel("nope")
    assert issubclass(InputError, TrayAppError)


def test_end_now_restores(sched: Scheduler, port: FakePort, clock: Clock) -> None:
    new, _ = sched.add(["rc"], lunch(end=at(hours=2)))
    clock.set(minutes=30)
    ended = sched.end_now(new.id)
    assert ended.phase is Phase.DONE and ended.end == at(minutes=30) and port.state["rc"] == BEFORE
    assert sched.end_now(new.id) == ended
    later, _ = sched.add(["rc"], lunch(at(hours=5), at(hours=6)))
    with pytest.raises(InputError, match="cancel it instead"):
        sched.end_now(later.id)


def test_extend_moves_the_end(sched: Scheduler, port: FakePort, clock: Clock) -> None:
    new, _ = sched.add(["rc"], lunch(end=at(hours=1)))
    extended = sched.extend(new.id, timedelta(minutes=15))
    assert extended.end == at(hours=1, minutes=15) and extended.change.end == extended.end
    assert kinds(sched.tick()) == ["applied", "extended"]  # the extension is reported like any step
    clock.set(hours=1)
    assert sched.tick() == []
    assert port.ops("restore") == []
    clock.set(hours=1, minutes=15)
    assert "restored" in kinds(sched.tick())


def test_extend_refuses_overlap_and_bad_input(sched: Scheduler, clock: Clock) -> None:
    new, _ = sched.add(["rc"], lunch(end=at(hours=1)))
    sched.add(["rc"], lunch(at(hours=2), at(hours=3)))
    with pytest.raises(InputError, match="overlap"):
        sched.extend(new.id, timedelta(hours=2))
    with pytest.raises(InputError, match="future"):
        sched.extend(new.id, timedelta(hours=-2))
    open_ended, _ = sched.add(["cb"], lunch(at(hours=5)))
    with pytest.raises(InputError, match="no end time"):
        sched.extend(open_ended.id, timedelta(minutes=15))


def test_extend_boundaries(sched: Scheduler, clock: Clock) -> None:
    new, _ = sched.add(["rc"], lunch(end=at(hours=1)))
    sched.add(["rc"], lunch(at(hours=2), at(hours=3)))
    touching = sched.extend(new.id, timedelta(hours=1))  # ends as the next one starts: no overlap
    assert touching.end == at(hours=2)
    clock.set(minutes=30)
    with pytest.raises(InputError, match="future"):  # an end of right now is not in the future
        sched.extend(new.id, timedelta(minutes=-90))
    later, _ = sched.add(["cb"], lunch(at(hours=5), at(hours=6)))
    with pytest.raises(InputError, match="after the start"):  # nor one at the start itself
        sched.extend(later.id, timedelta(hours=-1))
    assert entry(sched, later.id).end == at(hours=6)


def test_next_wakeup_looks_past_finished_changes(sched: Scheduler, clock: Clock) -> None:
    """A finished change stays listed for a while: the tray must still wake for the ones after it."""
    done, _ = sched.add(["rc"], lunch(end=at(minutes=30)))
    clock.set(minutes=31)
    sched.tick()
    assert entry(sched, done.id).phase is Phase.DONE
    later, _ = sched.add(["rc"], lunch(at(hours=2), at(hours=3)))
    assert [e.id for e in sched.entries()].index(done.id) < [e.id for e in sched.entries()].index(later.id)
    assert sched.next_wakeup() == at(hours=2)


def test_a_new_change_replaces_an_overlapping_one_after_a_finished_one(
    sched: Scheduler, port: FakePort, clock: Clock
) -> None:
    done, _ = sched.add(["rc"], lunch(end=at(minutes=30)))
    clock.set(minutes=31)
    sched.tick()
    assert entry(sched, done.id).phase is Phase.DONE
    first, _ = sched.add(["rc"], lunch(at(hours=2), at(hours=3)))
    second, superseded = sched.add(["rc"], lunch(at(hours=2, minutes=30), at(hours=4)))
    assert [e.id for e in superseded] == [first.id]  # not both run
    assert entry(sched, second.id).phase is Phase.SCHEDULED
    assert entry(sched, first.id).account("rc").step is Step.SUPERSEDED  # type: ignore[union-attr]
    assert kinds(sched.tick()) == ["superseded"]
    applied = len(port.ops("apply"))
    clock.set(hours=2)
    assert sched.tick() == [] and len(port.ops("apply")) == applied  # the replaced one never applies


def test_add_validates_input(sched: Scheduler) -> None:
    with pytest.raises(InputError, match="after the start"):
        sched.add(["rc"], lunch(at(hours=2), at(hours=1)))
    with pytest.raises(InputError, match="already passed"):
        sched.add(["rc"], lunch(at(hours=-2), at(hours=-1)))
    with pytest.raises(InputError, match="time zone"):
        sched.add(["rc"], lunch(end=datetime(2026, 11, 23, 12, 0)))
    with pytest.raises(InputError, match="at least one account"):
        sched.add([], lunch())
    assert sched.entries() == []


def test_entry_round_trips_through_dict(sched: Scheduler, clock: Clock) -> None:
    new, _ = sched.add(["rc", "rm"], lunch(end=at(hours=1)))
    assert ScheduleEntry.from_dict(json.loads(json.dumps(new.to_dict()))) == new


# ---- changes made by hand through trayapp, and one entry for several accounts ------------------


def test_a_change_by_hand_ends_the_running_entry_without_restoring(
    sched: Scheduler, port: FakePort, clock: Clock
) -> None:
    """Away for 30 minutes, then Available: the new status has no end, and nothing is put back later."""
    away = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY, end=at(minutes=30))
    new, _ = sched.add(["rc", "cb"], away)
    later, _ = sched.add(["rc"], lunch(at(hours=2), at(hours=3)))
    clock.set(minutes=5)
    available = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AVAILABLE)
    [touched] = sched.release(["rc"], available)
    assert touched.id == new.id and touched.account("rc").step is Step.SUPERSEDED  # type: ignore[union-attr]
    assert "was replaced by 'Available'" in touched.note
    assert sched.active_for("rc") is None
    assert sched.active_for("cb") is not None  # an account the change did not touch keeps its end
    assert sched.next_for("rc") == entry(sched, later.id)  # a change still to come stays
    clock.set(minutes=30)
    events = sched.tick()
    assert [(e.account, e.kind) for e in events if e.kind != "applied"] == [
        ("rc", "superseded"),
        ("cb", "restored"),
    ]
    assert port.ops("restore", "rc") == []
    assert sched.release(["rc"], available) == []  # nothing left running there: no write


def test_a_change_by_hand_stops_a_start_that_is_still_being_retried(
    sched: Scheduler, port: FakePort, clock: Clock
) -> None:
    port.fail("apply", "rc", ServiceUnavailable("Rocket.Chat is not answering."))
    new, _ = sched.add(["rc"], lunch(end=at(hours=1)))
    assert entry(sched, new.id).account("rc").retry_at is not None  # type: ignore[union-attr]
    sched.release(["rc"], StatusChange(ChangeKind.CLEAR))
    clock.set(minutes=1)
    sched.tick()
    assert len(port.ops("apply", "rc")) == 1  # the old change is not sent over the new one
    assert entry(sched, new.id).phase is Phase.SUPERSEDED


def test_end_now_on_a_native_account_posts_the_state_from_before(
    sched: Scheduler, port: FakePort, clock: Clock
) -> None:
    """The service keeps its own copy and cannot delete it: post what should follow, as a restore does."""
    port.state["rm"] = CurrentStatus(Availability.AVAILABLE, "WFH", "Working from home")
    new, _ = sched.add(["rm", "rc"], lunch(end=at(hours=1)))
    clock.set(minutes=10)
    ended = sched.end_now(new.id)
    assert port.ops("restore", "rm") == [CurrentStatus(Availability.AVAILABLE, "WFH", "Working from home")]
    assert port.ops("restore", "rc") == [BEFORE]
    assert ended.phase is Phase.DONE and "remove it there" not in ended.note
    assert [(e.account, e.kind) for e in sched.tick() if e.kind == "restored"] == [
        ("rm", "restored"),
        ("rc", "restored"),
    ]


def test_extend_hands_a_native_account_the_new_end(sched: Scheduler, port: FakePort, clock: Clock) -> None:
    new, _ = sched.add(["rm", "rc"], lunch(end=at(hours=1)))
    sched.tick()
    sched.extend(new.id, timedelta(minutes=15))
    handed = port.ops("apply", "rm")
    assert len(handed) == 2 and handed[-1].end == at(hours=1, minutes=15)  # type: ignore[attr-defined]
    events = sched.tick()
    assert [(e.account, e.kind) for e in events] == [("rm", "extended"), ("rc", "extended")]
    new_end = at(hours=1, minutes=15).astimezone()
    assert events[0].text == f"'🍽 Lunch (back soon)' now lasts until {new_end:%H:%M}."
    assert "change it there too" not in entry(sched, new.id).note


def test_event_text_leaves_out_the_account_name(sched: Scheduler) -> None:
    [event] = [e for e in (sched.add(["rc"], lunch()), sched.tick())[1]]
    assert event.message.startswith("rc: ") and event.text == "'🍽 Lunch (back soon)' is set."


def test_removing_an_account_drops_its_part_of_what_is_still_to_run(
    sched: Scheduler, port: FakePort, clock: Clock
) -> None:
    port.state["cb"] = BEFORE
    alone, _ = sched.add(["rc"], lunch(at(hours=1), at(hours=2)))
    shared, _ = sched.add(["rc", "cb"], lunch(at(hours=3), at(hours=4)))
    other, _ = sched.add(["cb"], lunch(at(hours=5), at(hours=6)))
    cancelled = sched.forget_account("rc")
    assert [e.id for e in cancelled] == [alone.id, shared.id]
    left = {e.id: e for e in sched.entries()}
    assert set(left) == {shared.id, other.id}  # the one of rc alone is gone
    assert left[shared.id].accounts == ("cb",) and [p.account for p in left[shared.id].progress] == ["cb"]
    clock.set(hours=3)
    assert [(e.account, e.kind) for e in sched.tick()] == [("cb", "applied")]
    assert port.ops("apply", "rc") == []


def test_a_schedule_from_another_version_is_set_aside_and_said(
    path: Path, port: FakePort, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"schema_version": 99, "entries": []}))
    sched = Scheduler(path, port, clock)
    assert sched.entries() == []
    assert sched.warning.startswith("schedule.json was damaged (written by another version); it was kept as ")
    assert "schedule.json was damaged (written by another version)" in caplog.text  # and in the log


def test_a_damaged_scheduled_change_is_left_out_named_and_the_rest_kept(
    sched: Scheduler, path: Path, port: FakePort, clock: Clock
) -> None:
    kept, _ = sched.add(["rc"], lunch(at(hours=1), at(hours=2)))
    raw = json.loads(path.read_text())
    raw["entries"].append({"accounts": ["rc"]})  # a hand edit without an id or anything else
    path.write_text(json.dumps(raw))
    restarted = Scheduler(path, port, clock)
    assert [e.id for e in restarted.entries()] == [kept.id]
    assert "left out scheduled change number 2;" in restarted.warning
