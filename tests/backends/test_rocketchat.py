"""Rocket.Chat specifics: creating statuses, password login with 2FA, version-dependent bodies."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.backends.conftest import RC, Backend
from trayapp.backends.rocketchat import RocketChatBackend, login
from trayapp.core.errors import (
    AuthError,
    DuplicateName,
    InputError,
    NotFound,
    PermissionDenied,
    RateLimited,
    TwoFactorRequired,
    ValidationError,
)
from trayapp.core.i18n import set_languages
from trayapp.core.models import Availability, ChangeKind, CurrentStatus, CustomStatus, StatusChange
from trayapp.demo import seed
from trayapp.demo.server import DemoServer


@pytest.fixture
def rc(make: Callable[..., Backend]) -> RocketChatBackend:
    backend = make(RC)
    assert isinstance(backend, RocketChatBackend)
    return backend


@pytest.fixture
def carol(make: Callable[..., Backend]) -> RocketChatBackend:
    backend = make(RC, token=seed.RC_CAROL_PAT, user=seed.RC_CAROL_ID)
    assert isinstance(backend, RocketChatBackend)
    return backend


# --- create ----------------------------------------------------------------------------------------
def test_create_then_listed(rc: RocketChatBackend, demo: DemoServer) -> None:
    created = rc.create_status("  Gym  ", type="Busy")  # trimmed; type sent lower case
    assert (created.name, created.type) == ("Gym", "busy")
    assert created in rc.list_statuses()
    assert any(s["name"] == "Gym" and s["statusType"] == "busy" for s in demo.rc_custom_statuses())


def test_create_duplicate(rc: RocketChatBackend) -> None:
    with pytest.raises(DuplicateName, match="already in use") as caught:
        rc.create_status("Lunch", type="away")
    assert caught.value.field == "name"
    assert "[" not in str(caught.value)  # the trailing [code] is dropped


def test_create_invalid_type(rc: RocketChatBackend) -> None:
    with pytest.raises(ValidationError, match="sleepy is not a valid status type") as caught:
        rc.create_status("Nap", type="sleepy")
    assert caught.value.field == "type"


@pytest.mark.parametrize("name", ["", "   "])
def test_create_blank_name(rc: RocketChatBackend, name: str) -> None:
    with pytest.raises(ValidationError, match="required") as caught:
        rc.create_status(name, type="away")
    assert caught.value.field == "name"


def test_create_forbidden_characters(rc: RocketChatBackend) -> None:
    with pytest.raises(ValidationError, match="not a valid name") as caught:
        rc.create_status("<b>Bold</b>", type="away")
    assert caught.value.field == "name"


def test_create_without_permission(carol: RocketChatBackend) -> None:
    with pytest.raises(PermissionDenied, match="manage-user-status"):
        carol.create_status("Gym", type="busy")


def test_status_without_type_sets_only_the_message(rc: RocketChatBackend, demo: DemoServer) -> None:
    """A definition stored with an empty type (older clients could make one) changes only the message."""
    rc.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.BUSY))
    untyped = CustomStatus(id="untyped", name="Reading", type="")
    rc.apply(StatusChange(ChangeKind.CUSTOM, status=untyped))
    user = demo.rc_user(seed.RC_ALICE_ID)
    assert (user["statusDefault"], user["statusText"]) == ("busy", "Reading")


# --- change and delete ------------------------------------------------------------------------------
def server_types(demo: DemoServer) -> dict[str, str]:
    return {s["name"]: s["statusType"] for s in demo.rc_custom_statuses()}


def test_rename_and_retype(rc: RocketChatBackend, demo: DemoServer) -> None:
    lunch = next(s for s in rc.list_statuses() if s.name == "Lunch")
    updated = rc.update_status(lunch, "  Late lunch  ", type=" Busy ")  # trimmed; type sent lower case
    assert (updated.id, updated.name, updated.type) == (lunch.id, "Late lunch", "busy")
    assert server_types(demo)["Late lunch"] == "busy" and "Lunch" not in server_types(demo)
    kept = rc.update_status(updated, "Lunch")  # no type given: the status keeps its own
    assert kept.type == "busy" and server_types(demo)["Lunch"] == "busy"


def test_renaming_to_a_name_in_use_is_refused_in_the_servers_words(
    rc: RocketChatBackend, demo: DemoServer
) -> None:
    lunch = next(s for s in rc.list_statuses() if s.name == "Lunch")
    with pytest.raises(DuplicateName) as caught:
        rc.update_status(lunch, "Commuting")
    assert str(caught.value).startswith("Rocket.Chat refused to change the custom status: ")
    assert "Lunch" in server_types(demo)


def test_a_status_with_no_type_is_changed_to_online(rc: RocketChatBackend, demo: DemoServer) -> None:
    lunch = next(s for s in rc.list_statuses() if s.name == "Lunch")
    updated = rc.update_status(CustomStatus(id=lunch.id, name="Lunch", type=""), "Lunch")
    assert updated.type == "online" and server_types(demo)["Lunch"] == "online"


def test_a_changed_status_is_named_in_the_current_status(rc: RocketChatBackend) -> None:
    lunch = next(s for s in rc.list_statuses() if s.name == "Lunch")
    renamed = rc.update_status(lunch, "Long lunch")
    rc.apply(StatusChange(ChangeKind.CUSTOM, status=renamed))
    now = rc.current()  # recognised from what the backend knows, without listing again
    assert (now.status_id, now.status_name) == (lunch.id, "Long lunch")


def test_a_deleted_status_is_gone_and_no_longer_named(rc: RocketChatBackend, demo: DemoServer) -> None:
    statuses = rc.list_statuses()
    commuting = next(s for s in statuses if s.name == "Commuting")
    rc.apply(StatusChange(ChangeKind.CUSTOM, status=commuting))
    rc.delete_status(commuting)
    assert "Commuting" not in server_types(demo)
    assert set(server_types(demo)) == {s.name for s in statuses} - {"Commuting"}
    now = rc.current()
    assert now.message == "Commuting" and now.status_name is None  # the text stays; no status has it


def test_deleting_a_status_deleted_elsewhere_says_so(rc: RocketChatBackend) -> None:
    commuting = next(s for s in rc.list_statuses() if s.name == "Commuting")
    rc.delete_status(commuting)
    with pytest.raises(NotFound, match="no such custom status any more"):
        rc.delete_status(commuting)
    with pytest.raises(NotFound, match="no such custom status any more"):
        rc.update_status(commuting, "Train")


@pytest.mark.parametrize("language", ["C", "fr"])
def test_without_the_permission_every_edit_is_refused_in_the_users_language(
    carol: RocketChatBackend, demo: DemoServer, language: str
) -> None:
    lunch = next(s for s in carol.list_statuses() if s.name == "Lunch")
    expected = {"C": "only users with the manage-user-status permission", "fr": "seuls les utilisateurs"}
    set_languages([language])
    try:
        for edit in (
            lambda: carol.create_status("Gym", type="busy"),
            lambda: carol.update_status(lunch, "Brunch"),
            lambda: carol.delete_status(lunch),
        ):
            with pytest.raises(PermissionDenied, match=expected[language]):
                edit()
    finally:
        set_languages(None)
    assert server_types(demo)["Lunch"] == lunch.type and "Gym" not in server_types(demo)


# --- apply / current -------------------------------------------------------------------------------
def test_custom_sets_type_and_name_or_message(rc: RocketChatBackend, demo: DemoServer) -> None:
    lunch = next(s for s in rc.list_statuses() if s.name == "Lunch")
    rc.apply(StatusChange(ChangeKind.CUSTOM, status=lunch))
    user = demo.rc_user(seed.RC_ALICE_ID)
    assert (user["statusDefault"], user["statusText"]) == ("away", "Lunch")
    rc.apply(StatusChange(ChangeKind.CUSTOM, status=lunch, message="Back at 14:00"))
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == "Back at 14:00"
    now = rc.current()
    assert now.availability is Availability.AWAY
    assert now.message == "Back at 14:00"
    assert now.status_name is None  # the message is no longer a status name


def test_availability_keeps_the_message_unless_given(rc: RocketChatBackend, demo: DemoServer) -> None:
    focus = next(s for s in rc.list_statuses() if s.name == "Focus time")
    rc.apply(StatusChange(ChangeKind.CUSTOM, status=focus))
    rc.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.OFFLINE))
    user = demo.rc_user(seed.RC_ALICE_ID)
    assert (user["statusDefault"], user["statusText"]) == ("offline", "Focus time")
    rc.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AVAILABLE, message="Here"))
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == "Here"


def test_clear_sets_online_and_empties_the_message(rc: RocketChatBackend, demo: DemoServer) -> None:
    rc.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.BUSY, message="x"))
    rc.clear()
    user = demo.rc_user(seed.RC_ALICE_ID)
    assert (user["statusDefault"], user["statusText"]) == ("online", "")
    assert rc.current() == CurrentStatus(availability=Availability.AVAILABLE)


def test_current_names_the_status_from_a_given_list(rc: RocketChatBackend) -> None:
    statuses = rc.list_statuses()
    commuting = next(s for s in statuses if s.name == "Commuting")
    rc.apply(StatusChange(ChangeKind.CUSTOM, status=commuting))
    fresh = RocketChatBackend(rc.account, lambda: seed.RC_ALICE_PAT)  # knows no list yet
    try:
        assert fresh.current().status_name is None
        assert fresh.current(statuses).status_id == commuting.id
    finally:
        fresh.close()


@pytest.mark.parametrize("version", ["v7", "v8"])
def test_expected_current_matches_the_server(rc: RocketChatBackend, demo: DemoServer, version: str) -> None:
    demo.settings.rc_version = version  # type: ignore[assignment]
    rc.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.BUSY))
    busy = next(s for s in rc.list_statuses() if s.name == "In a call")
    long_message = "  " + "m" * 120 + " "  # trimmed by the server; the longest message it keeps whole
    changes = [
        StatusChange(ChangeKind.CUSTOM, status=busy),
        StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY),
        StatusChange(ChangeKind.CUSTOM, status=busy, message=long_message),
        StatusChange(ChangeKind.CLEAR),
    ]
    previous = rc.current()
    for change in changes:
        rc.apply(change)
        predicted = rc.expected_current(previous, change)
        assert predicted == rc.current()
        previous = predicted


def test_apply_custom_without_status_is_input_error(rc: RocketChatBackend) -> None:
    with pytest.raises(InputError):
        rc.apply(StatusChange(ChangeKind.CUSTOM))


def test_refused_status_maps_to_status_field(rc: RocketChatBackend, demo: DemoServer) -> None:
    demo.settings.rc_allow_invisible = False
    with pytest.raises(ValidationError, match="Invisible status is disabled") as caught:
        rc.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.OFFLINE))
    assert caught.value.field == "status"
    demo.settings.rc_allow_message_change = False
    with pytest.raises(ValidationError, match="not allowed") as caught:
        rc.clear()
    assert caught.value.field == "status"


def test_bad_stored_status_type_is_validation_error(rc: RocketChatBackend) -> None:
    odd = CustomStatus(id="x", name="Odd", type="Busy")
    with pytest.raises(ValidationError, match="Valid status types") as caught:
        rc.apply(StatusChange(ChangeKind.CUSTOM, status=odd))
    assert caught.value.field == "status"


# --- versions, limits ------------------------------------------------------------------------------
@pytest.mark.parametrize("version", ["v6", "v7", "future"])
def test_signed_out_in_every_version(make: Callable[..., Backend], demo: DemoServer, version: str) -> None:
    demo.settings.rc_version = version  # type: ignore[assignment]
    backend = make(RC, token="revoked")
    with pytest.raises(AuthError, match="make a new personal access token"):
        backend.whoami()
    demo.set_fault("401", service="rocketchat")
    with pytest.raises(AuthError, match="make a new personal access token"):
        make(RC).current()


def test_wrong_user_id_for_token(make: Callable[..., Backend]) -> None:
    with pytest.raises(AuthError):
        make(RC, user=seed.RC_CAROL_ID).whoami()


def test_missing_user_id(make: Callable[..., Backend]) -> None:
    with pytest.raises(AuthError, match="no user id"):
        make(RC, user=" ").whoami()


def test_real_rate_limiter(carol: RocketChatBackend, demo: DemoServer) -> None:
    demo.settings.rc_rate_limit = 2
    carol.whoami()
    carol.whoami()
    with pytest.raises(RateLimited) as caught:
        carol.whoami()
    assert caught.value.retry_after is not None
    assert 0 < caught.value.retry_after <= 60
    carol.list_statuses()  # budgets are per route


def test_forbidden_route(rc: RocketChatBackend, demo: DemoServer) -> None:
    demo.set_fault("403", service="rocketchat")
    with pytest.raises(PermissionDenied, match="does not have the permissions"):
        rc.current()


def test_list_follows_offsets(
    rc: RocketChatBackend, demo: DemoServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trayapp.backends import rocketchat

    monkeypatch.setattr(rocketchat, "PAGE_SIZE", 4)
    assert len(rc.list_statuses()) == len(seed.RC_STATUSES)
    assert demo.request_count("rocketchat") == 2


# --- login -----------------------------------------------------------------------------------------
def test_login_with_password(demo: DemoServer) -> None:
    user_id, token = login(demo.rocketchat_url, seed.RC_CAROL_USERNAME, seed.RC_CAROL_PASSWORD)
    assert user_id == seed.RC_CAROL_ID
    account = RC.account(demo, user=user_id)
    backend = RocketChatBackend(account, lambda: token)
    try:
        assert backend.whoami() == seed.RC_CAROL_USERNAME
    finally:
        backend.close()


def test_login_two_factor(demo: DemoServer) -> None:
    url = demo.rocketchat_url
    with pytest.raises(TwoFactorRequired) as caught:
        login(url, seed.RC_BOB_USERNAME, seed.RC_BOB_PASSWORD)
    assert caught.value.method == "totp"
    assert "authenticator" in str(caught.value)
    with pytest.raises(AuthError) as wrong:
        login(url, seed.RC_BOB_USERNAME, seed.RC_BOB_PASSWORD, code="000000")
    assert not isinstance(wrong.value, TwoFactorRequired)
    assert "two-factor code" in str(wrong.value)
    user_id, token = login(url, seed.RC_BOB_EMAIL, seed.RC_BOB_PASSWORD, code=" 123456 ")
    assert user_id == seed.RC_BOB_ID
    assert token


@pytest.mark.parametrize(
    ("username", "password"),
    [(seed.RC_ALICE_USERNAME, "wrong"), ("nobody", "whatever")],
    ids=["wrong-password", "unknown-user"],
)
@pytest.mark.parametrize("version", ["v6", "v7", "future"])
def test_login_refused(demo: DemoServer, username: str, password: str, version: str) -> None:
    demo.settings.rc_version = version  # type: ignore[assignment]
    with pytest.raises(AuthError) as caught:
        login(demo.rocketchat_url, username, password)
    assert not isinstance(caught.value, TwoFactorRequired)
    assert str(caught.value).startswith("Rocket.Chat did not accept")


def test_login_future_cannot_tell_two_factor(demo: DemoServer) -> None:
    demo.settings.rc_version = "future"
    with pytest.raises(AuthError, match="two-factor code, if the account uses one"):
        login(demo.rocketchat_url, seed.RC_BOB_USERNAME, seed.RC_BOB_PASSWORD)


def test_login_needs_name_and_password(demo: DemoServer) -> None:
    with pytest.raises(InputError):
        login(demo.rocketchat_url, " ", "x")


def test_login_rate_limited(demo: DemoServer) -> None:
    demo.set_fault("429", service="rocketchat", delay=5)
    with pytest.raises(RateLimited):
        login(demo.rocketchat_url, seed.RC_CAROL_USERNAME, seed.RC_CAROL_PASSWORD)


def test_login_insecure_url_refused() -> None:
    with pytest.raises(InputError, match="not secure"):
        login("http://chat.example.com", "alice", "pw")
