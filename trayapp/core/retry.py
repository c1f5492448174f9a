"""Bounded retries for requests that are safe to repeat (reads, and status writes whose effect is
the same if applied twice). Creating a status is never retried: a lost reply could mean a duplicate.

Outages back off (with jitter, so several accounts do not retry in lockstep); a 429 waits the
server's own retry time when it is short, and otherwise fails at once with that time in the error."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from trayapp.core.errors import RateLimited, ServiceUnavailable

T = TypeVar("T")
log = logging.getLogger(__name__)

ATTEMPTS = 3
BASE_DELAY = 0.5  # seconds; doubled each retry
MAX_RATE_LIMIT_WAIT = 10.0  # longer waits are left to the caller (the scheduler, the pending queue)


def retrying(fn: Callable[[], T], what: str, sleep: Callable[[float], None] = time.sleep) -> T:
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return fn()
        except RateLimited as exc:
            wait = exc.retry_after
            if attempt == ATTEMPTS or wait is None or wait > MAX_RATE_LIMIT_WAIT:
                raise
            log.info("%s: rate limited, retrying in %.1f s", what, wait)
            sleep(wait + 0.05)
        except ServiceUnavailable:
            if attempt == ATTEMPTS:
                raise
            delay = BASE_DELAY * 2 ** (attempt - 1) * random.uniform(0.8, 1.2)
            log.info("%s: unavailable, retry %d in %.1f s", what, attempt, delay)
            sleep(delay)
    raise AssertionError("unreachable")
