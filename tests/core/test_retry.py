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
