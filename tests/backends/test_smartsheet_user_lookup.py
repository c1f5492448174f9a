"""Smartsheet RM: when the statuses answer 404, the app looks at the user to tell a retired endpoint
from a wrong id; if that look is refused too, the sentence says what was refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.backends.conftest import SS, Backend
from trayapp.core.errors import PermissionDenied
from trayapp.demo.server import DemoServer


def test_a_refused_user_lookup_after_a_404_says_it_could_not_read_the_user(
    make: Callable[..., Backend], demo: DemoServer
) -> None:
    backend = make(SS)
    demo.set_fault("404", service="smartsheet", count=1)  # GET .../statuses
    demo.set_fault("403", service="smartsheet", count=1)  # GET the user, to tell why
    with pytest.raises(PermissionDenied) as refused:
        backend.current()
    assert str(refused.value).startswith(
        "Smartsheet RM refused to read your user: this token is not allowed to do that"
    )


def test_a_token_that_may_not_read_its_user_is_told_so_when_the_account_is_checked(
    make: Callable[..., Backend], demo: DemoServer
) -> None:
    backend = make(SS)
    demo.set_fault("403", service="smartsheet", count=1)
    with pytest.raises(PermissionDenied) as refused:
        backend.whoami()  # what adding the account checks first
    assert str(refused.value).startswith(
        "Smartsheet RM refused to read your user: this token is not allowed to do that"
    )
