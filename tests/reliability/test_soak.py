"""Hundreds of changes across the three accounts with faults injected at random: at the end each
account shows its last intent, and no change was lost."""

from __future__ import annotations

import random
from collections import Counter

from trayapp.core.models import ChangeKind, CurrentStatus, CustomStatus, Outcome, StatusChange
from trayapp.core.service import StatusService
from trayapp.demo.server import DemoServer

CHANGES = 300
SERVICE_OF = {"rocket": "rocketchat", "callbell": "callbell", "smartsheet": "smartsheet"}
FAULTS = ["503", "500", "reset", "429", "html", "slow"]


def shown(current: CurrentStatus) -> tuple[str | None, str | None]:
    return (current.status_name, current.availability.value if current.availability else None)


def test_soak_with_random_faults(service: StatusService, demo: DemoServer) -> None:
    rng = random.Random(7)
    names = {a: [s.name for s in service.cached_statuses(a) or []] for a in SERVICE_OF}
    last_intent: dict[str, StatusChange] = {}
    counts: Counter[str] = Counter()
    for _ in range(CHANGES):
        account = rng.choice(sorted(SERVICE_OF))
        if rng.random() < 0.25:
            fault = rng.choice(FAULTS)
            # 1-2 failures are absorbed by the retries; 3 exhaust them and the change is kept pending
            demo.set_fault(fault, service=SERVICE_OF[account], count=rng.choice([1, 2, 3]), delay=0.05)
            counts["faults injected"] += 1
        if rng.random() < 0.15:
            change = StatusChange(ChangeKind.CLEAR)
        else:
            change = StatusChange(
                ChangeKind.CUSTOM, status=CustomStatus(id="", name=rng.choice(names[account]))
            )
        [result] = service.apply(change, [account])
        counts[result.outcome.value] += 1
        assert result.outcome in (Outcome.OK, Outcome.PENDING), result.detail
        last_intent[account] = change
        if rng.random() < 0.2:
            counts["deliveries tried"] += 1
            service.deliver_pending()
    demo.clear_faults()
    for result in service.deliver_pending():
        counts["delivered at the end"] += 1
        assert result.outcome is Outcome.OK, result.detail
    assert service.pending_changes() == {}
    lost = 0
    for account, intent in last_intent.items():
        live = service.current_of(account)
        if intent.kind is ChangeKind.CLEAR:
            expected_name = "In the office" if account == "smartsheet" else None
        else:
            assert intent.status is not None
            expected_name = intent.status.name
        if live.status_name != expected_name and live.message != expected_name:
            lost += 1
    print(f"\nsoak: {CHANGES} changes, {dict(counts)}, lost {lost}")
    assert lost == 0
    assert counts["pending"] > 0 and counts["faults injected"] > 30  # the faults really bit
