"""Rocket.Chat sign-in with two-factor codes in both reply shapes servers use, and create (issue 13)."""

from __future__ import annotations

import json
import socket

import httpx
import pytest

from tests.backends.conftest import RC
from tests.backends.hostile import Hostile, Request, respond
from trayapp.backends import rocketchat
from trayapp.backends.rocketchat import login
from trayapp.core.errors import AuthError, PermissionDenied, TwoFactorRequired, ValidationError
from trayapp.demo import seed
from trayapp.demo.server import DemoServer

APP = (seed.RC_BOB_USERNAME, seed.RC_BOB_PASSWORD, seed.RC_BOB_TOTP)
EMAIL = (seed.RC_DAVE_USERNAME, seed.RC_DAVE_PASSWORD, seed.RC_DAVE_EMAIL_CODE)


@pytest.fixture(params=["documented", "login"])
def shape(request: pytest.FixtureRequest, demo: DemoServer) -> str:
    demo.settings.rc_login_2fa_shape = request.param
    return str(request.param)


@pytest.mark.parametrize(
    ("who", "method", "source"),
    [(APP, "totp", "authenticator app"), (EMAIL, "email", "e-mail")],
    ids=["app", "email"],
)
def test_code_is_asked_for_by_the_servers_method(
    demo: DemoServer, shape: str, who: tuple[str, str, str], method: str, source: str
) -> None:
    username, password, code = who
    with pytest.raises(TwoFactorRequired) as asked:
        login(demo.rocketchat_url, username, password)
    assert asked.value.method == method
    assert source in str(asked.value) and source in asked.value.prompt
    with pytest.raises(AuthError) as wrong:
        login(demo.rocketchat_url, username, password, code="000000")
    assert not isinstance(wrong.value, TwoFactorRequired)
    assert "code was wrong" in str(wrong.value) and source in str(wrong.value)
    assert "password" not in str(wrong.value)
    user_id, token = login(demo.rocketchat_url, username, password, code=code)
    assert user_id and token


def test_email_code_just_sent_is_said(demo: DemoServer) -> None:
    with pytest.raises(TwoFactorRequired, match="has just sent you by e-mail"):
        login(demo.rocketchat_url, *EMAIL[:2])
    with pytest.raises(TwoFactorRequired, match="sent you by e-mail") as again:  # no new mail this time
        login(demo.rocketchat_url, *EMAIL[:2])
    assert "just" not in str(again.value)


def test_method_is_not_guessed_when_the_server_names_none() -> None:
    """A reply without a method is read as "a two-factor code", not as "your authenticator app"."""
    bare = {"success": False, "error": "TOTP Required [totp-required]", "errorType": "totp-required"}
    assert rocketchat._two_factor_code(bare) == "totp-required"
    assert rocketchat._two_factor_code({"error": "totp-invalid"}) == "totp-invalid"
    assert rocketchat._two_factor_code({"error": 403, "message": "Incorrect password"}) == ""
    assert rocketchat._two_factor_method({}) == ""
    assert rocketchat._two_factor_method({"availableMethods": ["email"]}) == "email"
    assert rocketchat._two_factor_method({"method": 7, "availableMethods": ["email"]}) == "email"


# --- create: statusType is always sent (issue 13) ----------------------------------------------------
@pytest.mark.parametrize(("given", "sent"), [("", "online"), ("Busy", "busy"), (" away ", "away")])
def test_create_always_sends_a_lower_case_status_type(demo: DemoServer, given: str, sent: str) -> None:
    backend = RC.build(demo)
    wire = demo.record()
    try:
        created = backend.create_status("Reading", type=given)
    finally:
        backend.close()
    assert created.type == sent
    (exchange,) = wire
    assert json.loads(exchange.body) == {"name": "Reading", "statusType": sent}


def test_create_without_permission_names_the_permission(demo: DemoServer) -> None:
    """The route answers 403 error-unauthorized (the OpenAPI's permission error), not a bare refusal."""
    backend = RC.build(demo, token=seed.RC_CAROL_PAT, user=seed.RC_CAROL_ID)
    try:
        with pytest.raises(PermissionDenied, match="manage-user-status"):
            backend.create_status("Gym", type="busy")
    finally:
        backend.close()


def test_a_method_trayapp_does_not_know_asks_for_the_code_in_general_words() -> None:
    def asks(request: Request, sock: socket.socket) -> None:
        body = {"error": "totp-required", "message": "TOTP Required", "details": {"method": "webauthn"}}
        respond(sock, 401, json.dumps(body).encode())

    with Hostile(asks) as server, pytest.raises(TwoFactorRequired) as asked:
        login(server.url, "ana", "password-1")
    assert asked.value.method == "webauthn"
    assert asked.value.prompt == "Two-factor code"  # general words, not a made-up name for the method
    assert str(asked.value) == "Rocket.Chat asks for a two-factor code for ana: enter your two-factor code."


def test_a_refused_expiry_date_is_about_the_end_field() -> None:
    request = httpx.Request("POST", "https://chat.example.com/api/v1/users.setStatus")
    body = {"success": False, "error": "expiresAt must be a future date", "errorType": "error-invalid-date"}
    with pytest.raises(ValidationError) as caught:
        rocketchat._raise_for_status(httpx.Response(400, json=body, request=request), "set your status")
    assert caught.value.field == "end"
    assert str(caught.value) == "Rocket.Chat refused to set your status: expiresAt must be a future date."
