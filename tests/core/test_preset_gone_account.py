"""A preset that names an account since removed: the others get their part, and the removed one is
said last, in the order the accounts are listed everywhere else."""

from __future__ import annotations

from trayapp.core.models import Availability, Outcome
from trayapp.core.presets import AccountPart, Preset
from trayapp.core.service import StatusService


def test_a_preset_naming_a_removed_account_applies_the_rest_and_says_so_last(service: StatusService) -> None:
    service.presets.save(
        Preset(
            "Focus",
            accounts={
                "old-chat": AccountPart(availability=Availability.BUSY),
                "rocket": AccountPart(availability=Availability.BUSY),
            },
        )
    )
    results = service.apply_preset("Focus", open_ended=True)
    assert [(r.account, r.outcome) for r in results] == [
        ("rocket", Outcome.OK),
        ("callbell", Outcome.SKIPPED),
        ("smartsheet", Outcome.SKIPPED),
        ("old-chat", Outcome.SKIPPED),
    ]
    assert results[-1].detail == "'Focus' is for an account 'old-chat', which is gone."
