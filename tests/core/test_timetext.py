"""One way a moment is written: as much date as it takes to be unambiguous, the year included."""

from __future__ import annotations

import locale
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from trayapp.core.i18n import use_system_locale
from trayapp.core.timetext import duration_text, friendly_time, local_time, until_text

NOW = datetime(2026, 12, 1, 10, 0).astimezone()  # a Tuesday, local time


def test_today_is_the_clock_time() -> None:
    assert local_time(NOW + timedelta(hours=2), NOW) == "12:00"
    assert local_time(NOW + timedelta(hours=2, seconds=5), NOW, seconds=True) == "12:00:05"


def test_the_coming_days_are_named() -> None:
    assert local_time(NOW + timedelta(days=3), NOW) == "Fri 10:00"


def test_six_days_ahead_is_a_date_again() -> None:
    """A weekday names one of the coming six days only: a week from now (same weekday) would be ambiguous."""
    assert local_time(NOW + timedelta(days=6, minutes=-1), NOW) == "Mon 09:59"
    assert local_time(NOW + timedelta(days=6), NOW) == "07 Dec 10:00"


def test_later_or_earlier_this_year_is_a_date() -> None:
    assert local_time(NOW + timedelta(days=20), NOW) == "21 Dec 10:00"
    assert local_time(NOW - timedelta(days=1), NOW) == "30 Nov 10:00"  # never a weekday for the past


def test_another_year_is_written_with_its_year() -> None:
    assert local_time(NOW + timedelta(days=40), NOW) == "10 Jan 2027 10:00"
    assert local_time(NOW + timedelta(days=400), NOW) == "05 Jan 2028 10:00"
    assert local_time(NOW - timedelta(days=340), NOW) == "26 Dec 2025 10:00"


# ---- friendly "until" times (the picker, the menu's account lines, the CLI) ---------------------


def test_until_today_is_the_clock_time() -> None:
    assert until_text(NOW.replace(hour=14, minute=30), NOW) == "until 14:30"


def test_until_tomorrow_names_the_day() -> None:
    assert until_text(NOW.replace(hour=9) + timedelta(days=1), NOW) == "until tomorrow 09:00"


def test_until_later_this_week_names_the_weekday() -> None:
    assert until_text(NOW.replace(hour=9) + timedelta(days=3), NOW) == "until Friday 09:00"


def test_an_end_of_day_is_the_day_alone() -> None:
    friday_night = NOW.replace(hour=23, minute=59, second=59) + timedelta(days=3)
    assert until_text(friday_night, NOW) == "until Friday"
    assert until_text(NOW.replace(hour=23, minute=59, second=59), NOW) == "until the end of today"
    assert until_text(NOW.replace(hour=23, minute=59) + timedelta(days=1), NOW) == "until tomorrow"


def test_later_dates_carry_the_year_only_when_it_differs() -> None:
    assert friendly_time(NOW.replace(hour=9) + timedelta(days=20), NOW) == "21 Dec 09:00"
    assert friendly_time(NOW.replace(hour=9) + timedelta(days=40), NOW) == "10 Jan 2027 09:00"
    assert friendly_time(NOW.replace(hour=23, minute=59) + timedelta(days=40), NOW) == "Sun 10 Jan 2027"


def test_durations_are_written_in_words() -> None:
    assert duration_text(timedelta(minutes=30)) == "30 minutes"
    assert duration_text(timedelta(hours=1)) == "1 hour"
    assert duration_text(timedelta(hours=1, minutes=30)) == "1 hour 30 minutes"
    assert duration_text(timedelta(days=2, hours=4)) == "2 days 4 hours"


# ---- a 12-hour locale (LANG=en_US.UTF-8, as the CLI takes it at start) ----------------------------


@pytest.fixture
def us_english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    before = locale.setlocale(locale.LC_TIME)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    use_system_locale()
    if locale.setlocale(locale.LC_TIME) != "en_US.UTF-8":
        pytest.fail("the en_US.UTF-8 locale is not compiled: run scripts/system-deps.sh")
    try:
        yield
    finally:
        locale.setlocale(locale.LC_TIME, before)


def test_a_12_hour_locale_writes_am_and_pm(us_english: None) -> None:
    assert local_time(NOW.replace(hour=14, minute=30), NOW) == "02:30 PM"
    assert local_time(NOW.replace(hour=14, minute=30, second=5), NOW, seconds=True) == "02:30:05 PM"
    assert local_time(NOW.replace(hour=9) + timedelta(days=3), NOW) == "Fri 09:00 AM"
    assert local_time(NOW + timedelta(days=40), NOW) == "10 Jan 2027 10:00 AM"


def test_two_days_ahead_is_named_by_its_weekday() -> None:
    assert until_text(NOW.replace(hour=9) + timedelta(days=2), NOW) == "until Thursday 09:00"


def test_one_day_is_singular() -> None:
    assert duration_text(timedelta(days=1, hours=2)) == "1 day 2 hours"
    assert duration_text(timedelta(days=1)) == "1 day"


def test_without_nl_langinfo_the_clock_is_24_hours(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows' Python has no locale.nl_langinfo: the clock stays 24 hours there."""
    monkeypatch.delattr(locale, "nl_langinfo")
    assert local_time(NOW.replace(hour=14, minute=30), NOW) == "14:30"
