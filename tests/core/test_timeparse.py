from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from trayapp.core.errors import InputError
from trayapp.core.timeparse import parse_duration, parse_when

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("text", "minutes"), [("30m", 30), ("2h", 120), ("1h30m", 90), ("1h 5min", 65), ("00000090m", 90)]
)
def test_durations(text: str, minutes: int) -> None:
    assert parse_duration(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize("text", ["", "abc", "0m", "5", "-1h"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(InputError):
        parse_duration(text)


def test_iso_with_zone_is_kept_and_naive_is_local() -> None:
    assert parse_when("2026-11-24T09:00:00Z", NOW) == datetime(2026, 11, 24, 9, tzinfo=timezone.utc)
    naive = parse_when("2026-11-24T09:00", NOW)
    assert naive.tzinfo is not None and naive.replace(tzinfo=None) == datetime(2026, 11, 24, 9)


def test_clock_time_is_today_local() -> None:
    when = parse_when("15:30", NOW)
    local = when.astimezone()
    assert (local.hour, local.minute) == (15, 30)
    assert local.date() == NOW.astimezone().date()


@pytest.mark.parametrize("text", ["25:00", "tomorrow", "12:61"])
def test_bad_times(text: str) -> None:
    with pytest.raises(InputError):
        parse_when(text, NOW)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("70000000h", "longer than ten years"),
        ("9" * 5000 + "h", "longer than ten years"),  # int() refuses more than 4300 digits
        ("87601h", "longer than ten years"),
    ],
)
def test_absurd_durations_are_refused_with_a_sentence(text: str, expected: str) -> None:
    with pytest.raises(InputError, match=expected):
        parse_duration(text)


def test_the_longest_duration_is_ten_years() -> None:
    assert parse_duration("87600h") == timedelta(days=3650)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0001-01-01T00:00", "more than ten years ago"),  # naive: the local offset overflows
        ("0001-01-01T00:00+05:00", "more than ten years ago"),
        ("9999-12-31T23:59", "more than ten years ahead"),
        ("9999-12-31T23:59-05:00", "more than ten years ahead"),
        ("2040-01-01T00:00Z", "more than ten years ahead"),
    ],
)
def test_times_far_from_now_are_refused_with_a_sentence(text: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_when(text, NOW)
    assert str(caught.value) == f"'{text}' is {expected}: give a time within ten years of now."


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("25:00", "'25:00' is not a time of day (use HH:MM, 00:00 to 23:59)."),
        ("tomorrow", "'tomorrow' is not a time: use HH:MM (today) or ISO 8601 such as 2026-11-24T09:00."),
    ],
)
def test_a_time_that_cannot_be_read_is_quoted_back(text: str, told: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_when(text, NOW)
    assert str(caught.value) == told


def test_a_clock_time_starts_on_the_minute() -> None:
    assert parse_when("15:30", NOW.replace(second=42, microsecond=123)).astimezone().second == 0


def test_a_zero_duration_is_refused_with_a_sentence() -> None:
    with pytest.raises(InputError) as caught:
        parse_duration("0h0m")
    assert str(caught.value) == "The duration must be longer than zero."


def test_a_time_years_ahead_but_within_ten_is_kept() -> None:
    assert parse_when("2030-01-02T09:00Z", NOW) == datetime(2030, 1, 2, 9, tzinfo=timezone.utc)
