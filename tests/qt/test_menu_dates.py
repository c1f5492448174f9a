"""The menu writes an end in another year with its year, as the CLI does (core.timetext)."""

from __future__ import annotations

from datetime import datetime, timedelta

from trayapp.qt.menu import format_at, format_until

NOW = datetime(2026, 12, 1, 10, 0).astimezone()


def test_an_end_in_another_year_shows_the_year() -> None:
    assert format_until(NOW + timedelta(days=40), NOW) == "until 10 Jan 2027 10:00"
    assert format_at(NOW + timedelta(days=400), NOW) == "at 05 Jan 2028 10:00"


def test_this_years_dates_stay_short() -> None:
    assert format_until(NOW + timedelta(hours=1), NOW) == "until 11:00"
    assert format_until(NOW + timedelta(days=20), NOW) == "until 21 Dec 10:00"
