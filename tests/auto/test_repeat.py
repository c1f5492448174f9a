"""Repeating windows: rrule dates in a named zone, wall times kept across daylight-saving changes."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from trayapp.core.auto.repeat import Repeat, RepeatRule, local_zone_name, make_rule
from trayapp.core.models import ChangeKind, CustomStatus, StatusChange

BERLIN = ZoneInfo("Europe/Berlin")
LUNCH = StatusChange(ChangeKind.CUSTOM, status=CustomStatus(id="", name="Lunch"))


def rule(repeat: Repeat, start: datetime, end: datetime) -> RepeatRule:
    return make_rule("r1", ("rocket",), LUNCH, repeat, start, end, zone="Europe/Berlin")


def local(moment: datetime) -> str:
    return moment.astimezone(BERLIN).strftime("%a %Y-%m-%d %H:%M %Z")


def test_weekdays_skip_the_weekend_and_keep_noon_across_the_autumn_change() -> None:
    # Friday 23 Oct 2026, 12:00-13:00 Berlin; the clocks go back on Sunday 25 Oct.
    r = rule(
        Repeat.WEEKDAYS,
        datetime(2026, 10, 23, 12, 0, tzinfo=BERLIN),
        datetime(2026, 10, 23, 13, 0, tzinfo=BERLIN),
    )
    after_friday = datetime(2026, 10, 23, 13, 30, tzinfo=BERLIN)
    nxt = r.current_or_next(after_friday)
    assert nxt is not None
    assert local(nxt.start) == "Mon 2026-10-26 12:00 CET"  # not Saturday, still noon after the change
    assert local(nxt.end) == "Mon 2026-10-26 13:00 CET"
    assert nxt.start.astimezone(timezone.utc).hour == 11  # it was 10:00 UTC on Friday (CEST)
    friday = r.current_or_next(datetime(2026, 10, 23, 9, 0, tzinfo=BERLIN))
    assert friday is not None and friday.start.astimezone(timezone.utc).hour == 10


def test_daily_across_the_spring_change_and_a_window_that_runs_now() -> None:
    r = rule(
        Repeat.DAILY,
        datetime(2026, 3, 27, 12, 0, tzinfo=BERLIN),
        datetime(2026, 3, 27, 13, 0, tzinfo=BERLIN),
    )
    during = datetime(2026, 3, 29, 12, 30, tzinfo=BERLIN)  # the Sunday the clocks go forward
    assert r.active(during) is not None
    occ = r.current_or_next(during)
    assert occ is not None and local(occ.start) == "Sun 2026-03-29 12:00 CEST"
    assert occ.end - occ.start == timedelta(hours=1)
    assert r.active(datetime(2026, 3, 29, 13, 0, tzinfo=BERLIN)) is None  # the end is exclusive


def test_a_wall_time_the_clock_skips_moves_on_by_the_gap() -> None:
    r = rule(
        Repeat.DAILY,
        datetime(2026, 3, 28, 2, 30, tzinfo=BERLIN),
        datetime(2026, 3, 28, 3, 30, tzinfo=BERLIN),
    )
    occ = r.current_or_next(datetime(2026, 3, 28, 12, 0, tzinfo=BERLIN))
    assert occ is not None
    assert local(occ.start) == "Sun 2026-03-29 03:30 CEST"  # 02:30 does not exist that night
    assert occ.end > occ.start


def test_weekly_repeats_on_the_same_weekday_and_survives_a_round_trip() -> None:
    r = rule(
        Repeat.WEEKLY,
        datetime(2026, 12, 4, 14, 0, tzinfo=BERLIN),  # a Friday afternoon
        datetime(2026, 12, 4, 18, 0, tzinfo=BERLIN),
    )
    r = make_rule(
        "r1", ("rocket",), LUNCH, r.repeat, datetime(2026, 12, 4, 14, 0, tzinfo=BERLIN),
        datetime(2026, 12, 4, 18, 0, tzinfo=BERLIN), zone="Europe/Berlin",
        created=datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc),
    )  # fmt: skip
    again = RepeatRule.from_dict(r.to_dict())
    assert again == r and again.created == datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)
    occ = again.current_or_next(datetime(2026, 12, 5, 9, 0, tzinfo=BERLIN))
    assert occ is not None and local(occ.start) == "Fri 2026-12-11 14:00 CET"
    assert "every week on Fridays 14:00–18:00" in again.describe()


def test_a_window_across_midnight() -> None:
    r = rule(
        Repeat.DAILY,
        datetime(2026, 12, 1, 23, 0, tzinfo=BERLIN),
        datetime(2026, 12, 2, 1, 0, tzinfo=BERLIN),
    )
    assert r.active(datetime(2026, 12, 3, 0, 30, tzinfo=BERLIN)) is not None


def test_a_damaged_rule_is_refused() -> None:
    data = rule(
        Repeat.DAILY, datetime(2026, 12, 1, 12, tzinfo=BERLIN), datetime(2026, 12, 1, 13, tzinfo=BERLIN)
    ).to_dict()
    with pytest.raises(ValueError):
        RepeatRule.from_dict({**data, "zone": "Mars/Olympus"})
    with pytest.raises(ValueError):
        RepeatRule.from_dict({**data, "first_end": data["first_start"]})
    with pytest.raises(ValueError):
        RepeatRule.from_dict({**data, "accounts": []})  # a rule for nobody


def test_a_window_across_the_autumn_change_ends_at_its_wall_time() -> None:
    # 01:00-04:00 every day; on Sunday 25 Oct 2026 the clocks go back at 03:00, so that window lasts 4 hours.
    r = rule(
        Repeat.DAILY,
        datetime(2026, 10, 20, 1, 0, tzinfo=BERLIN),
        datetime(2026, 10, 20, 4, 0, tzinfo=BERLIN),
    )
    occ = r.current_or_next(datetime(2026, 10, 24, 12, 0, tzinfo=BERLIN))
    assert occ is not None
    assert (local(occ.start), local(occ.end)) == ("Sun 2026-10-25 01:00 CEST", "Sun 2026-10-25 04:00 CET")
    assert occ.end - occ.start == timedelta(hours=4)


def test_without_tz_the_rule_takes_the_zone_etc_localtime_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TZ", raising=False)
    link = Path("/etc/localtime")
    target = os.readlink(link) if link.is_symlink() else ""
    named = target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else ""
    assert local_zone_name() == named
    monkeypatch.setenv("TZ", ":Pacific/Auckland")
    assert local_zone_name() == "Pacific/Auckland"
