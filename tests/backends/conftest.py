"""One harness per service, so the contract suite can run the same tests against every backend
over real HTTP (the demo server on loopback), with the seeded credentials."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from trayapp.backends.callbell import CallbellBackend
from trayapp.backends.rocketchat import RocketChatBackend
from trayapp.backends.smartsheet_rm import SmartsheetBackend
from trayapp.core.models import Account, ServiceKind
from trayapp.demo import seed
from trayapp.demo.server import DemoServer

Backend = RocketChatBackend | CallbellBackend | SmartsheetBackend

# Every token the suite uses: none of them may show up in a message, a repr or a log line.
ALL_SECRETS = (
    seed.RC_ALICE_PAT,
    seed.RC_CAROL_PAT,
    seed.RC_ALICE_PASSWORD,
    seed.RC_BOB_PASSWORD,
    seed.CB_TOKEN,
    seed.SS_TOKEN,
)


@dataclass(frozen=True)
class Case:
    """How to build one service's backend against the demo, and what the seed holds."""

    service: str  # the demo's service name (fault targeting, request counts)
    kind: ServiceKind
    token: str
    user: str
    url_attr: str  # DemoServer property with the account URL
    status_names: frozenset[str]
    custom_name: str  # the seeded status the contract tests apply
    whoami_contains: str

    def account(self, demo: DemoServer, user: str | None = None) -> Account:
        url: str = getattr(demo, self.url_attr)
        return Account(
            name=f"demo-{self.service}", kind=self.kind, url=url, user=self.user if user is None else user
        )

    def build(self, demo: DemoServer, token: str | None = None, user: str | None = None) -> Backend:
        secret = self.token if token is None else token
        factory: dict[ServiceKind, Callable[..., Backend]] = {
            ServiceKind.ROCKETCHAT: RocketChatBackend,
            ServiceKind.CALLBELL: CallbellBackend,
            ServiceKind.SMARTSHEET: SmartsheetBackend,
        }
        return factory[self.kind](self.account(demo, user), lambda: secret)


RC = Case(
    service="rocketchat",
    kind=ServiceKind.ROCKETCHAT,
    token=seed.RC_ALICE_PAT,
    user=seed.RC_ALICE_ID,
    url_attr="rocketchat_url",
    status_names=frozenset(name for name, _ in seed.RC_STATUSES),
    custom_name="Lunch",
    whoami_contains=seed.RC_ALICE_USERNAME,
)
CB = Case(
    service="callbell",
    kind=ServiceKind.CALLBELL,
    token=seed.CB_TOKEN,
    user=seed.CB_USER_UUID,
    url_attr="callbell_url",
    status_names=frozenset(name for name, _ in seed.CB_STATUSES),
    custom_name="Doctor",  # the last one: on the last page
    whoami_contains=seed.CB_USER_EMAIL,
)
SS = Case(
    service="smartsheet",
    kind=ServiceKind.SMARTSHEET,
    token=seed.SS_TOKEN,
    user=str(seed.SS_USER_ID),
    url_attr="smartsheet_url",
    status_names=frozenset(name for _, name in seed.SS_CODES),
    custom_name="Vacation",
    whoami_contains="Alice Example",
)
CASES = (RC, CB, SS)


@pytest.fixture(params=CASES, ids=[c.service for c in CASES])
def case(request: pytest.FixtureRequest) -> Case:
    value: Case = request.param
    return value


@pytest.fixture
def backend(case: Case, demo: DemoServer) -> Iterator[Backend]:
    made = case.build(demo)
    yield made
    made.close()


@pytest.fixture
def make(demo: DemoServer) -> Iterator[Callable[..., Backend]]:
    """Build any backend (closed at teardown): make(RC, token=..., user=...)."""
    built: list[Backend] = []

    def factory(case: Case, **kwargs: Any) -> Backend:
        made = case.build(demo, **kwargs)
        built.append(made)
        return made

    yield factory
    for made in built:
        made.close()
