"""Repeating a recent change (a click in the menu it was listed in) after all its accounts were removed:
one sentence that says so, and nothing is sent."""

from __future__ import annotations

import pytest

from trayapp.core.errors import AccountNotFound
from trayapp.core.models import ChangeKind, CustomStatus, StatusChange
from trayapp.core.service import StatusService
from trayapp.demo.server import DemoServer


def test_repeating_a_recent_whose_accounts_are_all_gone_says_so(
    service: StatusService, demo: DemoServer
) -> None:
    service.apply(StatusChange(ChangeKind.CUSTOM, status=CustomStatus("", "Lunch")), ["callbell"])
    [recent] = service.recents()  # as the open menu still lists it
    service.remove_account("callbell")
    sent = demo.request_count()
    with pytest.raises(AccountNotFound) as gone:
        service.repeat(recent)
    assert str(gone.value) == "None of the accounts 'Lunch' went to is still there."
    assert demo.request_count() == sent
