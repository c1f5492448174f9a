from __future__ import annotations

from collections.abc import Callable

import pytest

from trayapp.core import retry
from trayapp.core.errors import BadReply, RateLimited, ServiceUnavailable


def flaky(*errors: Exception) -> tuple[list[int], Callable[[], str]]:
    calls: list[int] = []

    def fn() -> str:
        calls.append(1)
        if len(calls) <= len(errors):
            raise errors[len(calls) - 1]
        return "ok"

    return calls, fn


def test_outage_backs_off_then_succeeds() -> None:
    slept: list[float] = []
    calls, fn = flaky(ServiceUnavailable("down"), ServiceUnavailable("down"))
    assert retry.retrying(fn, "t", sleep=slept.append) == "ok"
    assert len(calls) == 3 and len(slept) == 2 and slept[1] > slept[0]


def test_gives_up_after_bounded_attempts() -> None:
    calls, fn = flaky(*[ServiceUnavailable("down")] * 5)
    with pytest.raises(ServiceUnavailable):
        retry.retrying(fn, "t", sleep=lambda _: None)
    assert len(calls) == retry.ATTEMPTS


def test_short_rate_limit_waits_the_servers_time() -> None:
    slept: list[float] = []
    _calls, fn = flaky(RateLimited("slow down", retry_after=2.0))
    assert retry.retrying(fn, "t", sleep=slept.append) == "ok"
    assert slept and 2.0 <= slept[0] < 2.5


def test_long_rate_limit_and_other_errors_fail_at_once() -> None:
    for error in (RateLimited("later", retry_after=600), RateLimited("unknown"), BadReply("junk")):
        calls, fn = flaky(error)
        with pytest.raises(type(error)):
            retry.retrying(fn, "t", sleep=lambda _: None)
        assert len(calls) == 1


def test_outages_back_off_half_a_second_then_a_second_with_jitter(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    jitter: list[tuple[float, float]] = []

    def uniform(low: float, high: float) -> float:
        jitter.append((low, high))
        return high

    monkeypatch.setattr("trayapp.core.retry.random.uniform", uniform)
    monkeypatch.setattr(retry, "BASE_DELAY", 0.5)  # the suite shortens it (tests/conftest.py)
    caplog.set_level("INFO", logger="trayapp.core.retry")
    slept: list[float] = []
    _calls, fn = flaky(ServiceUnavailable("down"), ServiceUnavailable("down"))
    assert retry.retrying(fn, "rocket", sleep=slept.append) == "ok"
    assert slept == pytest.approx([0.6, 1.2]) and jitter == [(0.8, 1.2)] * 2
    assert caplog.messages == [
        "rocket: unavailable, retry 1 in 0.6 s",
        "rocket: unavailable, retry 2 in 1.2 s",
    ]


def test_a_rate_limit_of_exactly_the_longest_wait_is_still_waited(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO", logger="trayapp.core.retry")
    slept: list[float] = []
    _calls, fn = flaky(RateLimited("slow down", retry_after=retry.MAX_RATE_LIMIT_WAIT))
    assert retry.retrying(fn, "callbell", sleep=slept.append) == "ok"
    assert slept == pytest.approx([retry.MAX_RATE_LIMIT_WAIT + 0.05])
    assert caplog.messages == ["callbell: rate limited, retrying in 10.0 s"]
