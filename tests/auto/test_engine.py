"""The automatic-status state machine with a fake clock and a fake port: lock, idle, calendar and repeat
layers, their priorities, the exact restore, a manual change that wins, restarts and crashes."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from trayapp.core.auto.config import AutoConfig, CalendarSource, PresenceSetting
from trayapp.core.auto.engine import AutoEngine, Inputs, Presence, Window
from trayapp.core.auto.repeat import Repeat, make_rule
from trayapp.core.errors import InputError, ServiceUnavailable
from trayapp.core.models import (
    Account,
    Availability,
    ChangeKind,
    CurrentStatus,
    CustomStatus,
    ServiceKind,
    StatusChange,
)

T0 = datetime(2026, 12, 2, 9, 0, tzinfo=timezone.utc)
BEFORE = CurrentStatus(
    availability=Availability.BUSY, status_id="focus", status_name="Focus", message="deep work"
)
MEETING = StatusChange(ChangeKind.CUSTOM, status=CustomStatus(id="meet", name="In a meeting"))
LUNCH = StatusChange(ChangeKind.CUSTOM, status=CustomStatus(id="lunch", name="Lunch"))
ACCOUNTS = [
    Account("rocket", ServiceKind.ROCKETCHAT, "https://rc", "u1"),
    Account("callbell", ServiceKind.CALLBELL, "https://cb", "u2"),
    Account("rm", ServiceKind.SMARTSHEET, "https://rm", "u3"),
]


class Crash(BaseException):
    """kill -9: not an Exception, so nothing in the engine catches it."""


class FakePort:
    def __init__(self) -> None:
        self.state = {a.name: BEFORE for a in ACCOUNTS}
        self.calls: list[tuple[str, str, object]] = []
        self.fail: dict[tuple[str, str], list[BaseException]] = {}

    def _maybe_fail(self, op: str, account: str) -> None:
        queue = self.fail.get((op, account))
        if queue:
            raise queue.pop(0)

    def read(self, account: str) -> CurrentStatus:
        self._maybe_fail("read", account)
        return self.state[account]

    def apply(self, account: str, change: StatusChange) -> CurrentStatus:
        self._maybe_fail("apply", account)
        self.calls.append(("apply", account, change.describe()))
        old = self.state[account]
        if change.kind is ChangeKind.AVAILABILITY:
            new = replace(old, availability=change.availability)
        else:
            assert change.status is not None
            new = replace(old, status_id=change.status.id, status_name=change.status.name, message=None)
        self.state[account] = new
        return new

    def restore(self, account: str, state: CurrentStatus) -> None:
        self._maybe_fail("restore", account)
        self.calls.append(("restore", account, state))
        self.state[account] = state

    def by_hand(self, account: str, state: CurrentStatus) -> None:
        self.state[account] = state

    def ops(self, account: str | None = None) -> list[tuple[str, object]]:
        return [(op, arg) for op, acc, arg in self.calls if account in (None, acc)]


class World:
    def __init__(self, path: Path) -> None:
        self.now = T0
        self.port = FakePort()
        self.presence = Presence()
        self.presence.mark_known()
        self.config = AutoConfig(lock=PresenceSetting(on=True))
        self.windows: dict[str, list[Window]] = {}
        self.manual: set[str] = set()
        self.path = path
        self.supports: Callable[[str, StatusChange], bool] = lambda name, change: (
            not (name == "rm" and change.kind is ChangeKind.AVAILABILITY)
        )
        self.engine = self.new_engine()

    def new_engine(self) -> AutoEngine:
        inputs = Inputs(
            config=lambda: self.config,
            accounts=lambda: list(ACCOUNTS),
            presence=self.presence,
            calendars=lambda: self.windows,
            manual_active=lambda name, _now: name in self.manual,
            supports=lambda name, change: self.supports(name, change),
        )
        return AutoEngine(self.path, self.port, lambda: self.now, inputs)

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)

    def lock(self, value: bool = True) -> list[str]:
        self.presence.set_locked(value, self.now)
        return self.tick()

    def tick(self) -> list[str]:
        return [f"{e.account} {e.kind}" for e in self.engine.tick()]


@pytest.fixture
def world(tmp_path: Path) -> World:
    return World(tmp_path / "auto-state.json")


def test_lock_sets_away_on_chat_accounts_and_unlock_puts_back_exactly_what_was_there(world: World) -> None:
    assert world.lock() == ["rocket applied", "callbell applied"]  # Smartsheet RM is not opted in
    assert world.port.state["rocket"].availability is Availability.AWAY
    assert world.port.state["rm"] == BEFORE
    assert world.tick() == []  # nothing fires twice
    world.advance(minutes=30)
    assert world.lock(False) == ["rocket restored", "callbell restored"]
    assert world.port.state["rocket"] == BEFORE  # status, message and availability
    assert world.port.ops("rocket") == [("apply", "Away"), ("restore", BEFORE)]
    assert world.tick() == []


def test_a_manual_change_while_locked_is_kept_and_told_once(world: World) -> None:
    world.lock()
    mine = CurrentStatus(availability=Availability.AVAILABLE, status_name="Back soon", message="5 min")
    world.port.by_hand("rocket", mine)
    assert world.lock(False) == ["rocket kept", "callbell restored"]  # each account on its own
    assert world.port.state["rocket"] == mine
    assert world.tick() == []


def test_a_change_through_trayapp_while_locked_ends_the_automatic_one_at_once(world: World) -> None:
    world.lock()
    world.engine.release(["rocket"])
    assert world.tick() == ["rocket kept"]
    assert world.lock(False) == ["callbell restored"]
    assert [op for op, _ in world.port.ops("rocket")] == ["apply"]
    world.advance(minutes=5)
    assert world.lock() == ["rocket applied", "callbell applied"]  # a new lock starts afresh


def test_lock_during_a_meeting_and_the_meeting_ending_while_locked(world: World) -> None:
    world.config = replace(
        world.config, calendars=(CalendarSource("work", "/cal.ics", MEETING, ("rocket",)),)
    )
    world.windows = {"work": [Window(T0 + timedelta(minutes=10), T0 + timedelta(minutes=40))]}
    world.advance(minutes=10)
    assert world.tick() == ["rocket applied"]
    assert world.port.state["rocket"].status_name == "In a meeting"
    world.advance(minutes=5)
    assert world.lock() == ["callbell applied"]  # the calendar outranks the lock on rocket
    assert world.port.state["rocket"].status_name == "In a meeting"
    world.advance(minutes=25)  # the meeting ends while the screen is still locked
    assert world.tick() == ["rocket applied"]
    assert world.port.state["rocket"].availability is Availability.AWAY
    world.advance(minutes=5)
    assert world.lock(False) == ["rocket restored", "callbell restored"]
    assert world.port.state["rocket"] == BEFORE  # from before the meeting, not the meeting itself


def test_a_meeting_starting_while_locked_and_unlock_during_it(world: World) -> None:
    world.config = replace(world.config, calendars=(CalendarSource("work", "/cal.ics", MEETING),))
    world.windows = {"work": [Window(T0 + timedelta(minutes=10), T0 + timedelta(minutes=40))]}
    world.lock()
    world.advance(minutes=10)
    assert world.tick() == ["rocket applied", "callbell applied", "rm applied"]
    world.advance(minutes=5)
    assert world.lock(False) == []  # the meeting still runs
    assert world.port.state["rocket"].status_name == "In a meeting"
    world.advance(minutes=25)
    assert world.tick() == ["rocket restored", "callbell restored", "rm restored"]
    assert all(world.port.state[a.name] == BEFORE for a in ACCOUNTS)


def test_a_repeat_under_a_lock_ends_while_locked_and_unlock_restores_from_before_both(
    world: World,
) -> None:
    rule = make_rule("r1", ("rocket",), LUNCH, Repeat.DAILY, T0, T0 + timedelta(hours=1), zone="UTC")
    world.config = replace(world.config, repeats=(rule,))
    assert world.tick() == ["rocket applied"]
    assert world.engine.next_wakeup() == T0 + timedelta(hours=1)
    world.advance(minutes=20)
    assert world.lock() == ["rocket applied", "callbell applied"]  # the lock outranks the repeat
    world.advance(minutes=50)  # lunch is over while locked
    assert world.tick() == []
    world.advance(minutes=10)
    assert world.lock(False) == ["rocket restored", "callbell restored"]
    assert world.port.state["rocket"] == BEFORE
    # Tomorrow at 09:00 again, and only once.
    assert world.engine.next_wakeup() == T0 + timedelta(days=1)
    world.now = T0 + timedelta(days=1, minutes=1)
    assert world.tick() == ["rocket applied"]
    assert world.tick() == []


def test_a_timed_change_the_user_set_outranks_the_lock(world: World) -> None:
    world.manual.add("rocket")
    assert world.lock() == ["callbell applied"]
    assert world.port.state["rocket"] == BEFORE


def test_pause_puts_back_and_resume_applies_again(world: World) -> None:
    world.lock()
    world.config = replace(world.config, paused=True)
    assert world.tick() == ["rocket restored", "callbell restored"]
    world.config = replace(world.config, paused=False)
    assert world.tick() == ["rocket applied", "callbell applied"]


def test_the_state_survives_a_restart_and_waits_for_the_listener(world: World) -> None:
    world.lock()
    world.presence = Presence()  # a new process: nothing heard yet
    world.engine = world.new_engine()
    assert world.tick() == []  # not restored before the listeners said the screen is unlocked
    world.presence.set_locked(False, world.now)
    assert world.tick() == ["rocket restored", "callbell restored"]
    assert world.port.state["rocket"] == BEFORE


def test_a_crash_between_apply_and_its_record_applies_again_and_restores_the_first_state(
    world: World,
) -> None:
    world.port.fail[("apply", "rocket")] = [Crash()]
    world.presence.set_locked(True, world.now)
    with pytest.raises(Crash):
        world.engine.tick()
    world.engine = world.new_engine()
    assert world.tick() == ["rocket applied", "callbell applied"]
    assert world.lock(False) == ["rocket restored", "callbell restored"]
    assert world.port.state["rocket"] == BEFORE  # not our own Away captured as "before"


def test_a_crash_during_the_restore_is_finished_without_sending_twice(world: World) -> None:
    world.lock()

    def restore_then_crash(account: str, state: CurrentStatus) -> None:
        world.port.state[account] = state
        raise Crash()

    world.port.restore = restore_then_crash  # type: ignore[method-assign]
    world.presence.set_locked(False, world.now)
    with pytest.raises(Crash):
        world.engine.tick()
    world.port.restore = FakePort.restore.__get__(world.port)  # type: ignore[method-assign]
    world.engine = world.new_engine()
    assert world.tick() == ["rocket restored", "callbell restored"]
    assert [op for op, _ in world.port.ops("rocket")] == ["apply"]  # the restore arrived: not sent again


def test_an_outage_is_retried_and_a_refusal_is_told_once(world: World) -> None:
    world.port.fail[("apply", "rocket")] = [ServiceUnavailable("Rocket.Chat does not answer.")]
    world.port.fail[("apply", "callbell")] = [InputError("Callbell refused it.")]
    assert world.lock() == ["rocket retrying", "callbell failed"]
    assert world.tick() == []  # not before the retry time, and the refusal is not tried again
    world.advance(seconds=20)
    assert world.tick() == ["rocket applied"]
    assert world.lock(False) == ["rocket restored"]
    assert world.port.state["callbell"] == BEFORE


def test_sleep_counts_as_locked_until_resumed_and_unlocked(world: World) -> None:
    world.presence.set_locked(True, world.now)
    world.presence.set_asleep(True, world.now)
    assert len(world.tick()) == 2
    world.presence.set_asleep(False, world.now)
    assert world.tick() == []  # resumed, but the screen is still locked
    assert world.lock(False) == ["rocket restored", "callbell restored"]


def test_idle_for_chosen_accounts_only(world: World) -> None:
    world.config = AutoConfig(idle=PresenceSetting(minutes=5, accounts=("callbell",)))
    world.presence.set_idle(True, world.now)
    assert world.tick() == ["callbell applied"]
    world.presence.set_idle(False, world.now)
    assert world.tick() == ["callbell restored"]


def labels(world: World) -> Sequence[str]:
    return [s.label for s in world.engine.states().values() if s.label]


def test_labels_say_what_is_automatic(world: World) -> None:
    world.lock()
    assert labels(world) == ["Away while locked", "Away while locked"]


def test_after_a_kept_change_the_next_lock_applies_again_even_without_a_tick_between(world: World) -> None:
    world.lock()
    world.port.by_hand("rocket", CurrentStatus(availability=Availability.AWAY, message="Back soon"))
    assert world.lock(False) == ["rocket kept", "callbell restored"]
    world.presence.set_asleep(True, world.now + timedelta(seconds=1))  # straight to sleep
    world.presence.set_locked(True, world.now + timedelta(seconds=1))
    assert world.tick() == ["rocket applied", "callbell applied"]


# ---- what the user is told when a service fails, and what a restart keeps -------------------------


def told(world: World) -> list[str]:
    return [e.message for e in world.engine.tick()]


def test_a_status_that_cannot_be_read_before_the_lock_is_retried_saying_why(world: World) -> None:
    world.port.fail[("read", "rocket")] = [ServiceUnavailable("Rocket.Chat does not answer.")]
    world.presence.set_locked(True, world.now)
    assert told(world) == [
        "rocket: could not set 'Away while locked': Rocket.Chat does not answer. Trying again at 09:00:15.",
        "callbell: Away while locked.",
    ]
    world.advance(seconds=15)
    assert world.tick() == ["rocket applied"]


def test_a_status_the_service_refuses_to_read_is_told_and_nothing_is_sent(world: World) -> None:
    world.port.fail[("read", "rocket")] = [InputError("Rocket.Chat refused to read your status.")]
    world.presence.set_locked(True, world.now)
    assert told(world)[0] == (
        "rocket: could not set 'Away while locked': Rocket.Chat refused to read your status."
    )
    assert world.port.ops("rocket") == [] and world.port.state["rocket"] == BEFORE


def test_an_unexpected_error_is_logged_with_its_traceback_and_a_refusal_is_not(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    world.port.fail[("apply", "rocket")] = [RuntimeError()]
    world.port.fail[("apply", "callbell")] = [InputError("Callbell refused it.")]
    world.presence.set_locked(True, world.now)
    with caplog.at_level(logging.ERROR, logger="trayapp.auto"):
        assert told(world) == [
            "rocket: could not set 'Away while locked': RuntimeError",  # no text of its own: its kind
            "callbell: could not set 'Away while locked': Callbell refused it.",
        ]
    [logged] = caplog.records
    # (the app's log filter may have folded the traceback into the message: compare its first line)
    assert logged.getMessage().splitlines()[0] == (
        "unexpected error while trying to set 'Away while locked' on rocket"
    )
    assert logged.exc_info is not None or "\nTraceback (most recent call last):" in logged.getMessage()


def test_one_accounts_crash_is_logged_by_name_and_the_others_go_on(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    def supports(name: str, change: StatusChange) -> bool:
        if name == "rocket":
            raise RuntimeError("no statuses known")
        return name != "rm"

    world.supports = supports
    with caplog.at_level(logging.ERROR, logger="trayapp.auto"):
        assert world.lock() == ["callbell applied"]
    logged = [r.getMessage().splitlines()[0] for r in caplog.records]
    assert logged == ["automatic status on rocket: no statuses known"]


def test_the_attempts_so_far_survive_a_restart_and_the_wait_keeps_growing(world: World) -> None:
    down = ServiceUnavailable("Rocket.Chat does not answer.")
    world.port.fail[("apply", "rocket")] = [down, down, down]
    world.presence.set_locked(True, world.now)
    assert "Trying again at 09:00:15." in told(world)[0]
    world.advance(seconds=15)
    assert told(world) == ["rocket: could not set 'Away while locked': Rocket.Chat does not answer. "
                           "Trying again at 09:00:45."]  # fmt: skip
    world.advance(seconds=30)
    world.engine = world.new_engine()  # the tray restarted while it waited
    assert "Trying again at 09:01:45." in told(world)[0]  # 60 s: the third attempt, not the first


def test_a_change_by_hand_after_a_restart_is_still_kept(world: World) -> None:
    world.lock()
    world.engine = world.new_engine()  # what was applied, and how, comes back from the file
    mine = CurrentStatus(availability=Availability.AWAY, message="Back soon")  # the same availability
    world.port.by_hand("rocket", mine)
    assert world.lock(False) == ["rocket kept", "callbell restored"]
    assert world.port.state["rocket"] == mine


def test_of_two_repeating_changes_the_one_that_began_first_shows(world: World) -> None:
    walk = StatusChange(ChangeKind.CUSTOM, status=CustomStatus(id="walk", name="Walk"))
    lunch = make_rule("r1", ("rocket",), LUNCH, Repeat.DAILY, T0, T0 + timedelta(hours=1), zone="UTC")
    later = T0 + timedelta(minutes=30)
    stroll = make_rule("r2", ("rocket",), walk, Repeat.DAILY, later, later + timedelta(hours=1), zone="UTC")
    world.config = replace(world.config, repeats=(stroll, lunch))
    world.advance(minutes=45)  # both run now
    assert world.tick() == ["rocket applied"]
    assert world.port.state["rocket"].status_name == "Lunch"
    world.advance(minutes=15)
    assert world.tick() == ["rocket applied"] and world.port.state["rocket"].status_name == "Walk"


def test_unlock_says_the_previous_status_is_back(world: World) -> None:
    world.lock()
    world.presence.set_locked(False, world.now)
    assert told(world) == [
        "rocket: 'Away while locked' is over; the previous status is back.",
        "callbell: 'Away while locked' is over; the previous status is back.",
    ]
