"""What the menu shows after a timed change ends and after an account is removed: the service's cache and
per-account flags, through StatusService against the demo server, with a clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from tests.core.conftest import Clock
from trayapp.backends import BACKENDS
from trayapp.core.models import (
    Account,
    AccountView,
    ChangeKind,
    CustomStatus,
    Outcome,
    ServiceKind,
    StatusChange,
)
from trayapp.core.paths import AppPaths
from trayapp.core.scheduler import RESTORED
from trayapp.core.secrets import SecretStore
from trayapp.core.service import StatusService
from trayapp.demo import seed
from trayapp.demo.memory_keyring import MemoryKeyring
from trayapp.demo.server import DemoServer


@pytest.fixture
def service(profile: AppPaths, clock: Clock) -> Iterator[StatusService]:
    svc = StatusService(profile, secrets=SecretStore(MemoryKeyring()), backends=BACKENDS, clock=clock)
    yield svc
    svc.close()


def _rocket(demo: DemoServer, user: str = seed.RC_ALICE_ID) -> Account:
    return Account("rocket", ServiceKind.ROCKETCHAT, demo.rocketchat_url, user)


def _view_of(service: StatusService, name: str) -> AccountView:
    return next(v for v in service.snapshot().accounts if v.account.name == name)


def _set(service: StatusService, name: str, end: datetime | None = None) -> Outcome:
    change = StatusChange(ChangeKind.CUSTOM, status=CustomStatus("", name), end=end)
    [result] = service.apply(change, ["rocket"])
    return result.outcome


def test_the_menu_shows_the_status_put_back_at_the_end(
    service: StatusService, demo: DemoServer, clock: Clock
) -> None:
    service.add_account(_rocket(demo), seed.RC_ALICE_PAT)
    assert _set(service, "In a call") is Outcome.OK
    assert _set(service, "Lunch", end=clock.now + timedelta(minutes=30)) is Outcome.OK
    during = _view_of(service, "rocket").current
    assert during is not None and during.status_name == "Lunch"
    clock.now += timedelta(minutes=31)
    assert [e.kind for e in service.run_schedule()] == [RESTORED]
    # No refresh in between: the menu is drawn from the cache, which must say what was put back.
    shown = _view_of(service, "rocket").current
    assert shown is not None and shown.message == "In a call"
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == "In a call"


def test_a_removed_account_leaves_nothing_behind(
    service: StatusService, demo: DemoServer, profile: AppPaths
) -> None:
    service.add_account(_rocket(demo), seed.RC_ALICE_PAT)
    demo.set_fault("503", service="rocketchat")
    assert _set(service, "Lunch") is Outcome.PENDING  # kept, to be sent when Rocket.Chat answers
    assert _view_of(service, "rocket").pending and _view_of(service, "rocket").error
    service.remove_account("rocket")
    assert "Lunch" not in profile.cache_file.read_text(encoding="utf-8")  # its statuses are gone
    demo.clear_faults()

    # The name is free again, for another user: none of the old account's state may stick to it.
    service.add_account(_rocket(demo, seed.RC_CAROL_ID), seed.RC_CAROL_PAT)
    view = _view_of(service, "rocket")
    assert (view.error, view.signed_out, view.pending) == ("", False, "")
    service.deliver_pending()
    assert demo.rc_user(seed.RC_CAROL_ID)["statusText"] != "Lunch"  # Alice's kept lunch is not Carol's
