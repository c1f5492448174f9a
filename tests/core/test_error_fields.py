"""What the account and status forms read from an error besides its sentence: the field to show it at
(in any language, so not guessed from the English text) and the label of the two-factor code box."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from trayapp.backends import BACKENDS
from trayapp.core.errors import DuplicateName, InputError, TwoFactorRequired, ValidationError
from trayapp.core.models import Account, ServiceKind
from trayapp.core.paths import AppPaths
from trayapp.core.secrets import SecretStore
from trayapp.core.service import StatusService
from trayapp.demo import seed
from trayapp.demo.memory_keyring import MemoryKeyring
from trayapp.demo.server import DemoServer


@pytest.fixture
def service(profile: AppPaths) -> Iterator[StatusService]:
    svc = StatusService(profile, secrets=SecretStore(MemoryKeyring()), backends=BACKENDS)
    yield svc
    svc.close()


def test_adding_an_account_points_at_the_field_to_fix(service: StatusService, demo: DemoServer) -> None:
    rocket = Account("rocket", ServiceKind.ROCKETCHAT, demo.rocketchat_url, seed.RC_ALICE_ID)
    with pytest.raises(InputError) as empty:
        service.add_account(rocket, "   ")
    assert empty.value.field == "token"
    service.add_account(rocket, seed.RC_ALICE_PAT)
    with pytest.raises(InputError) as taken:
        service.add_account(rocket, seed.RC_ALICE_PAT)
    assert taken.value.field == "name"
    with pytest.raises(InputError) as twin:
        service.add_account(
            Account("rocket2", ServiceKind.ROCKETCHAT, demo.rocketchat_url, seed.RC_ALICE_ID), "x"
        )
    assert twin.value.field == "user"


def test_an_error_that_names_no_field_is_shown_under_the_whole_form() -> None:
    assert InputError("The account name is missing.").field == ""
    assert ValidationError("Rocket.Chat refused to save it.").field == ""
    assert DuplicateName("Callbell already has a custom status named 'Lunch'.").field == "name"


def test_a_two_factor_request_that_names_no_method_asks_for_a_two_factor_code() -> None:
    asked = TwoFactorRequired("Rocket.Chat asks for a two-factor code.")
    assert (asked.method, asked.prompt) == ("", "Two-factor code")  # never guessed as an authenticator app
    named = TwoFactorRequired("Rocket.Chat asks for a code.", method="email", prompt="Code from the e-mail")
    assert (named.method, named.prompt) == ("email", "Code from the e-mail")
