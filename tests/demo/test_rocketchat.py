"""Rocket.Chat fake: the behaviour a client depends on (api-reference 1.2-1.6, 4.1)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.demo.helpers import ALICE, CAROL, RC_ID, RC_ISO
from trayapp.demo import seed
from trayapp.demo.server import DemoServer
from trayapp.demo.settings import RcVersion

NOT_LOGGED_IN = "You must be logged in to do this."


@pytest.fixture
def rc(demo: DemoServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=demo.rocketchat_url + "/api/v1", timeout=5) as client:
        yield client


def login(rc: httpx.Client, **fields: Any) -> httpx.Response:
    return rc.post("/login", json=fields)


# --- authentication ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("version", "body"),
    [
        ("v6", {"status": "error", "message": NOT_LOGGED_IN}),
        ("v7", {"success": False, "error": NOT_LOGGED_IN, "status": "error", "message": NOT_LOGGED_IN}),
        ("future", {"success": False, "error": NOT_LOGGED_IN}),
    ],
)
def test_missing_auth_gives_the_401_body_of_the_version(
    demo: DemoServer, rc: httpx.Client, version: RcVersion, body: dict[str, Any]
) -> None:
    demo.settings.rc_version = version
    reply = rc.get("/me")
    assert reply.status_code == 401
    assert reply.json() == body


def test_token_must_belong_to_the_user_id(rc: httpx.Client) -> None:
    crossed = {"X-User-Id": seed.RC_CAROL_ID, "X-Auth-Token": seed.RC_ALICE_PAT}
    assert rc.get("/me", headers=crossed).status_code == 401
    assert rc.get("/me", headers={"X-User-Id": seed.RC_ALICE_ID}).status_code == 401
    assert rc.get(
        "/me", headers={"x-user-id": seed.RC_ALICE_ID, "x-auth-token": seed.RC_ALICE_PAT}
    ).is_success


def test_me_returns_the_fields_the_app_reads(rc: httpx.Client) -> None:
    me = rc.get("/me", headers=CAROL).json()
    assert me["_id"] == seed.RC_CAROL_ID
    assert me["username"] == seed.RC_CAROL_USERNAME
    assert me["success"] is True
    for key in ("name", "status", "statusDefault", "statusText", "statusConnection", "roles"):
        assert key in me


def test_api_info_reports_the_version_mode(demo: DemoServer, rc: httpx.Client) -> None:
    demo.settings.rc_version = "v6"
    assert httpx.get(demo.rocketchat_url + "/api/info").json()["version"].startswith("6.")


# --- login / logout ------------------------------------------------------------------------------
def test_password_login_gives_a_working_token(rc: httpx.Client) -> None:
    reply = login(rc, user=seed.RC_ALICE_USERNAME, password=seed.RC_ALICE_PASSWORD)
    body = reply.json()
    assert reply.status_code == 200
    assert body["status"] == "success" and body["success"] is True
    data = body["data"]
    assert data["userId"] == seed.RC_ALICE_ID and data["me"]["username"] == "alice"
    headers = {"X-User-Id": data["userId"], "X-Auth-Token": data["authToken"]}
    assert rc.get("/me", headers=headers).json()["_id"] == seed.RC_ALICE_ID


def test_login_accepts_form_bodies_and_email(rc: httpx.Client) -> None:
    reply = rc.post("/login", data={"user": seed.RC_CAROL_EMAIL.upper(), "password": seed.RC_CAROL_PASSWORD})
    assert reply.status_code == 200
    assert reply.json()["data"]["userId"] == seed.RC_CAROL_ID
    reply = rc.post("/login", data={"username": "carol", "password": seed.RC_CAROL_PASSWORD})
    assert reply.json()["data"]["userId"] == seed.RC_CAROL_ID


def test_v6_login_success_has_no_success_flag(demo: DemoServer, rc: httpx.Client) -> None:
    demo.settings.rc_version = "v6"
    body = login(rc, user="alice", password=seed.RC_ALICE_PASSWORD).json()
    assert body["status"] == "success" and "success" not in body


def test_login_failures(rc: httpx.Client) -> None:
    unknown = login(rc, user="nobody", password="x")
    assert unknown.status_code == 401
    assert unknown.json() == {
        "status": "error",
        "error": "Unauthorized",
        "message": "Unauthorized",
        "success": False,
    }
    wrong = login(rc, user="alice", password="wrong")
    assert wrong.status_code == 401
    assert wrong.json()["error"] == 403  # a number, from Meteor's accounts package


def test_future_login_failure_hides_the_reason(demo: DemoServer, rc: httpx.Client) -> None:
    demo.settings.rc_version = "future"
    reply = login(rc, user="bob", password=seed.RC_BOB_PASSWORD)
    assert reply.status_code == 401
    assert reply.json() == {"success": False, "error": "unauthorized"}


def test_two_factor_login(rc: httpx.Client) -> None:
    needed = login(rc, user="bob", password=seed.RC_BOB_PASSWORD)
    assert needed.status_code == 401
    assert needed.json() == {  # the envelope of authentication.yaml's two-factor section
        "success": False,
        "error": "TOTP Required [totp-required]",
        "errorType": "totp-required",
        "details": {"method": "totp", "availableMethods": ["totp"]},
    }
    wrong = login(rc, user="bob", password=seed.RC_BOB_PASSWORD, code="000000")
    assert wrong.status_code == 401
    assert wrong.json() == {
        "success": False,
        "error": "TOTP Invalid [totp-invalid]",
        "errorType": "totp-invalid",
        "details": {"method": "totp"},
    }
    dashed = seed.RC_BOB_TOTP[:3] + "-" + seed.RC_BOB_TOTP[3:]
    assert login(rc, user="bob", password=seed.RC_BOB_PASSWORD, code=dashed).status_code == 200
    by_header = rc.post(
        "/login",
        json={"user": "bob", "password": seed.RC_BOB_PASSWORD},
        headers={"X-2fa-code": seed.RC_BOB_TOTP},
    )
    assert by_header.json()["data"]["userId"] == seed.RC_BOB_ID


def test_two_factor_login_in_the_login_routes_own_shape(demo: DemoServer, rc: httpx.Client) -> None:
    demo.settings.rc_login_2fa_shape = "login"
    body = login(rc, user="bob", password=seed.RC_BOB_PASSWORD).json()
    assert body == {
        "status": "error",
        "error": "totp-required",
        "message": "TOTP Required",
        "details": {"method": "totp", "availableMethods": ["totp"]},
        "success": False,
    }
    wrong = login(rc, user="bob", password=seed.RC_BOB_PASSWORD, code="000000").json()
    assert (wrong["error"], wrong["message"]) == ("totp-invalid", "TOTP Invalid")


def test_two_factor_login_by_email_code(rc: httpx.Client) -> None:
    first = login(rc, user="dave", password=seed.RC_DAVE_PASSWORD)
    assert first.status_code == 401 and first.json()["errorType"] == "totp-required"
    assert first.json()["details"] == {
        "method": "email",
        "codeGenerated": True,
        "emailOrUsername": "dave",
        "availableMethods": ["email"],
    }
    again = login(rc, user="dave", password=seed.RC_DAVE_PASSWORD).json()["details"]
    assert again["codeGenerated"] is False and again["codeCount"] == 1 and len(again["codeExpires"]) == 1
    assert login(rc, user="dave", password=seed.RC_DAVE_PASSWORD, code="111111").json()["details"] == {
        "method": "email"
    }
    ok = login(rc, user="dave", password=seed.RC_DAVE_PASSWORD, code=seed.RC_DAVE_EMAIL_CODE)
    assert ok.status_code == 200 and ok.json()["data"]["userId"] == seed.RC_DAVE_ID


def test_wrong_password_is_reported_before_two_factor(rc: httpx.Client) -> None:
    assert login(rc, user="bob", password="nope").json()["error"] == 403


def test_login_tokens_expire_but_pats_do_not(demo: DemoServer, rc: httpx.Client) -> None:
    data = login(rc, user="alice", password=seed.RC_ALICE_PASSWORD).json()["data"]
    headers = {"X-User-Id": data["userId"], "X-Auth-Token": data["authToken"]}
    assert rc.get("/me", headers=headers).status_code == 200
    demo.settings.rc_login_token_ttl_days = 0
    assert rc.get("/me", headers=headers).status_code == 401
    assert rc.get("/me", headers=ALICE).status_code == 200


def test_resume_login_and_logout(rc: httpx.Client) -> None:
    data = login(rc, user="alice", password=seed.RC_ALICE_PASSWORD).json()["data"]
    resumed = login(rc, resume=data["authToken"]).json()
    assert resumed["data"]["authToken"] == data["authToken"]
    headers = {"X-User-Id": data["userId"], "X-Auth-Token": data["authToken"]}
    out = rc.post("/logout", headers=headers)
    assert out.json() == {"status": "success", "data": {"message": "You've been logged out!"}}
    assert rc.get("/me", headers=headers).status_code == 401
    assert login(rc, resume=data["authToken"]).status_code == 401


# --- users.setStatus / getStatus / getPresence ---------------------------------------------------
def test_set_status_stores_status_and_message(demo: DemoServer, rc: httpx.Client) -> None:
    reply = rc.post("/users.setStatus", headers=CAROL, json={"status": "busy", "message": "  In a call  "})
    assert reply.json() == {"success": True}
    user = demo.rc_user(seed.RC_CAROL_ID)
    assert (user["status"], user["statusDefault"], user["statusText"]) == ("busy", "busy", "In a call")
    assert rc.get("/me", headers=CAROL).json()["statusText"] == "In a call"


def test_set_status_cuts_long_messages_silently_and_empty_clears(demo: DemoServer, rc: httpx.Client) -> None:
    assert rc.post("/users.setStatus", headers=ALICE, json={"message": "x" * 200}).json() == {"success": True}
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == "x" * 120
    rc.post("/users.setStatus", headers=ALICE, json={"message": ""})
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == ""


def test_set_status_accepts_form_bodies(demo: DemoServer, rc: httpx.Client) -> None:
    assert rc.post("/users.setStatus", headers=ALICE, data={"status": "away", "message": "Lunch"}).is_success
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == "Lunch"


def test_set_status_validation(demo: DemoServer, rc: httpx.Client) -> None:
    neither = rc.post("/users.setStatus", headers=ALICE, json={})
    assert neither.status_code == 400
    assert neither.json() == {
        "success": False,
        "error": "Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation",
    }
    capital = rc.post("/users.setStatus", headers=ALICE, json={"status": "Busy", "message": "kept?"})
    assert capital.status_code == 400
    assert capital.json()["errorType"] == "error-invalid-status"
    assert capital.json()["details"] == {"method": "users.setStatus"}
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == ""  # a refused call changes nothing
    wrong_type = rc.post("/users.setStatus", headers=ALICE, json={"status": 5})
    assert wrong_type.status_code == 400 and "errorType" not in wrong_type.json()


def test_invisible_can_be_disallowed(demo: DemoServer, rc: httpx.Client) -> None:
    assert rc.post("/users.setStatus", headers=ALICE, json={"status": "offline"}).is_success
    demo.settings.rc_allow_invisible = False
    reply = rc.post("/users.setStatus", headers=ALICE, json={"status": "offline"})
    assert reply.status_code == 400 and reply.json()["errorType"] == "error-status-not-allowed"


def test_message_change_switch_refuses_the_whole_call(demo: DemoServer, rc: httpx.Client) -> None:
    demo.settings.rc_allow_message_change = False
    reply = rc.post("/users.setStatus", headers=ALICE, json={"status": "away"})
    assert reply.status_code == 400
    assert reply.json()["error"] == "Change status is not allowed [error-not-allowed]"
    assert demo.rc_user(seed.RC_ALICE_ID)["status"] == "online"


@pytest.mark.parametrize(("version", "code"), [("v6", 403), ("v7", 401)])
def test_setting_another_users_status_needs_permission(
    demo: DemoServer, rc: httpx.Client, version: RcVersion, code: int
) -> None:
    demo.settings.rc_version = version
    reply = rc.post("/users.setStatus", headers=CAROL, json={"userId": seed.RC_BOB_ID, "status": "away"})
    assert reply.status_code == code
    assert reply.json() == {"success": False, "error": "unauthorized"}
    assert rc.post("/users.setStatus", headers=ALICE, json={"username": "bob", "status": "away"}).is_success
    assert demo.rc_user(seed.RC_BOB_ID)["status"] == "away"


@pytest.mark.parametrize(("version", "source"), [("v6", {}), ("v7", {}), ("v8", {"statusSource": "manual"})])
def test_get_status_has_no_message(demo: DemoServer, rc: httpx.Client, version: str, source: Any) -> None:
    demo.settings.rc_version = version  # type: ignore[assignment]
    rc.post("/users.setStatus", headers=ALICE, json={"status": "busy", "message": "Focus"})
    own = rc.get("/users.getStatus", headers=ALICE).json()
    expected = {"_id": seed.RC_ALICE_ID, "status": "busy", "connectionStatus": "online", **source}
    assert own == {**expected, "success": True}
    other = rc.get("/users.getStatus", headers=ALICE, params={"username": "carol"}).json()
    assert "connectionStatus" not in other and other["_id"] == seed.RC_CAROL_ID


def test_get_presence_self_and_other(rc: httpx.Client) -> None:
    own = rc.get("/users.getPresence", headers=ALICE).json()
    assert set(own) == {"presence", "connectionStatus", "lastLogin", "success"}
    assert RC_ISO.match(own["lastLogin"])
    other = rc.get("/users.getPresence", headers=ALICE, params={"userId": seed.RC_BOB_ID}).json()
    assert other == {"presence": "online", "success": True}


# --- custom-user-status.list ---------------------------------------------------------------------
def test_list_defaults_to_name_order_with_paging_fields(rc: httpx.Client) -> None:
    body = rc.get("/custom-user-status.list", headers=ALICE).json()
    names = [s["name"] for s in body["statuses"]]
    assert names == sorted(name for name, _ in seed.RC_STATUSES)
    assert (body["count"], body["offset"], body["total"], body["success"]) == (6, 0, 6, True)
    first = body["statuses"][0]
    assert RC_ID.match(first["_id"]) and RC_ISO.match(first["_updatedAt"])
    assert set(first) == {"_id", "name", "statusType", "_updatedAt"}


def test_list_count_offset_sort_and_filters(rc: httpx.Client) -> None:
    page = rc.get("/custom-user-status.list", headers=ALICE, params={"count": 2, "offset": 4}).json()
    assert (page["count"], page["offset"], page["total"]) == (2, 4, 6)
    desc = rc.get("/custom-user-status.list", headers=ALICE, params={"sort": '{"name": -1}'}).json()
    assert desc["statuses"][0]["name"] == "On vacation"
    found = rc.get("/custom-user-status.list", headers=ALICE, params={"name": "CALL"}).json()
    assert [s["name"] for s in found["statuses"]] == ["In a call"]
    the_id = found["statuses"][0]["_id"]
    exact = rc.get("/custom-user-status.list", headers=ALICE, params={"_id": the_id}).json()
    assert exact["total"] == 1
    assert rc.get("/custom-user-status.list", headers=ALICE, params={"_id": the_id[:-1]}).json()["total"] == 0
    bad = rc.get("/custom-user-status.list", headers=ALICE, params={"sort": "{name"})
    assert bad.status_code == 400 and bad.json()["errorType"] == "error-invalid-sort"


def test_list_count_above_100_is_refused_clamped_on_v6_and_zero_means_all(
    demo: DemoServer, rc: httpx.Client
) -> None:
    for number in range(100):
        assert rc.post(
            "/custom-user-status.create", headers=ALICE, json={"name": f"S{number:03d}", "statusType": "away"}
        ).is_success
    refused = rc.get("/custom-user-status.list", headers=ALICE, params={"count": 101})
    assert refused.status_code == 400 and refused.json()["errorType"] == "invalid-params"
    demo.settings.rc_version = "v6"  # the Restivus era clamped silently
    clamped = rc.get("/custom-user-status.list", headers=ALICE, params={"count": 500}).json()
    assert (clamped["count"], clamped["total"]) == (100, 106)
    demo.settings.rc_version = "v8"
    everything = rc.get("/custom-user-status.list", headers=ALICE, params={"count": 0}).json()
    assert everything["count"] == 106
    default = rc.get("/custom-user-status.list", headers=ALICE).json()
    assert default["count"] == 50


# --- create / update / delete --------------------------------------------------------------------
def create(rc: httpx.Client, headers: dict[str, str], **fields: Any) -> httpx.Response:
    return rc.post("/custom-user-status.create", headers=headers, json=fields)


def test_create_checks_in_order(rc: httpx.Client) -> None:
    not_admin = create(rc, CAROL, name="")  # the route's permission comes before everything
    assert not_admin.status_code == 403
    assert not_admin.json() == {  # the OpenAPI's "Permission Error" shape
        "success": False,
        "error": "User does not have the permissions required for this action [error-unauthorized]",
        "errorType": "error-unauthorized",
    }
    untyped = create(rc, ALICE, name="Gym")
    assert untyped.status_code == 400
    assert untyped.json() == {
        "success": False,
        "error": "must have required property 'statusType' [invalid-params]",
        "errorType": "invalid-params",
    }
    blank = create(rc, ALICE, name="   ", statusType="Busy")
    assert blank.json()["errorType"] == "error-the-field-is-required"
    assert blank.json()["details"] == {"method": "insertOrUpdateUserStatus", "field": "Name"}
    bad_name = create(rc, ALICE, name="Tom & Jerry", statusType="Busy")
    assert bad_name.json()["error"] == "Tom & Jerry is not a valid name [error-input-is-not-a-valid-field]"
    assert bad_name.json()["details"]["field"] == "Name"
    taken = create(rc, ALICE, name="Lunch", statusType="Busy")  # duplicate is checked before the type
    assert taken.json()["errorType"] == "Custom_User_Status_Error_Name_Already_In_Use"
    bad_type = create(rc, ALICE, name="Gym", statusType="Busy")
    assert bad_type.status_code == 400
    assert bad_type.json() == {
        "success": False,
        "error": "Busy is not a valid status type [error-input-is-not-a-valid-field]",
        "errorType": "error-input-is-not-a-valid-field",
        "details": {"method": "insertOrUpdateUserStatus", "input": "Busy", "field": "StatusType"},
    }


def test_create_is_case_sensitive_about_duplicates_and_returns_the_object(rc: httpx.Client) -> None:
    reply = create(rc, ALICE, name="lunch", statusType="away")
    assert reply.status_code == 200
    made = reply.json()["customUserStatus"]
    assert made["name"] == "lunch" and made["statusType"] == "away" and RC_ID.match(made["_id"])
    assert RC_ISO.match(made["_updatedAt"])
    untyped = create(rc, ALICE, name="No type", statusType="").json()["customUserStatus"]
    assert untyped["statusType"] == ""


def test_update(rc: httpx.Client) -> None:
    statuses = rc.get("/custom-user-status.list", headers=ALICE, params={"name": "Lunch"}).json()["statuses"]
    lunch_id = statuses[0]["_id"]
    untyped = rc.post("/custom-user-status.update", headers=ALICE, json={"_id": lunch_id, "name": "X"})
    assert untyped.status_code == 400  # the OpenAPI requires _id, name and statusType
    assert untyped.json() == {
        "success": False,
        "error": "must have required property 'statusType' [invalid-params]",
        "errorType": "invalid-params",
    }

    def update(headers: dict[str, str], status_id: str, name: str) -> httpx.Response:
        body = {"_id": status_id, "name": name, "statusType": "away"}
        return rc.post("/custom-user-status.update", headers=headers, json=body)

    unknown = update(CAROL, "nope", "X")
    assert unknown.status_code == 400
    assert unknown.json() == {"success": False, "error": 'No custom user status found with the id of "nope".'}
    refused = update(CAROL, lunch_id, "X")
    assert refused.json()["errorType"] == "not_authorized"
    same = update(ALICE, lunch_id, "Lunch")
    assert same.is_success  # its own name is not a duplicate
    clash = update(ALICE, lunch_id, "Commuting")
    assert clash.json()["errorType"] == "Custom_User_Status_Error_Name_Already_In_Use"
    renamed = rc.post(
        "/custom-user-status.update",
        headers=ALICE,
        json={"_id": lunch_id, "name": "Late lunch", "statusType": "busy"},
    )
    assert renamed.json()["customUserStatus"] == {**renamed.json()["customUserStatus"], "name": "Late lunch"}
    assert renamed.json()["customUserStatus"]["statusType"] == "busy"


def test_delete(rc: httpx.Client) -> None:
    lunch_id = rc.get("/custom-user-status.list", headers=ALICE, params={"name": "Lunch"}).json()["statuses"][
        0
    ]["_id"]
    missing = rc.post("/custom-user-status.delete", headers=ALICE, json={})
    assert missing.json() == {"success": False, "error": 'The "customUserStatusId" params is required!'}
    refused = rc.post("/custom-user-status.delete", headers=CAROL, json={"customUserStatusId": lunch_id})
    assert refused.json()["errorType"] == "not_authorized"
    unknown = rc.post("/custom-user-status.delete", headers=ALICE, json={"customUserStatusId": "nope"})
    assert unknown.status_code == 400
    assert unknown.json()["error"] == "Invalid user status [Custom_User_Status_Error_Invalid_User_Status]"
    assert rc.post(
        "/custom-user-status.delete", headers=ALICE, json={"customUserStatusId": lunch_id}
    ).json() == {"success": True}
    assert rc.get("/custom-user-status.list", headers=ALICE).json()["total"] == 5


# --- rate limiter --------------------------------------------------------------------------------
def test_rate_limiter_headers_and_429(rc: httpx.Client) -> None:
    before_ms = time.time() * 1000
    for number in range(10):
        reply = rc.get("/me", headers=CAROL)
        assert reply.status_code == 200
        assert reply.headers["X-RateLimit-Limit"] == "10"
        assert reply.headers["X-RateLimit-Remaining"] == str(9 - number)
    reset_ms = int(reply.headers["X-RateLimit-Reset"])
    assert before_ms + 59_000 < reset_ms < before_ms + 61_000  # epoch milliseconds
    limited = rc.get("/me", headers=CAROL)
    assert limited.status_code == 429
    assert "Retry-After" not in limited.headers
    assert limited.headers["X-RateLimit-Remaining"] == "0"
    error = limited.json()["error"]
    assert error.startswith("Error, too many requests. Please slow down. You must wait ")
    assert error.endswith(" seconds before trying this endpoint again. [error-too-many-requests]")
    assert limited.json()["success"] is False
    assert rc.get("/users.getStatus", headers=CAROL).status_code == 200  # another route, another budget
    assert rc.post("/me", headers=CAROL).status_code == 404


def test_admin_is_exempt_and_gets_no_headers(rc: httpx.Client) -> None:
    for _ in range(12):
        reply = rc.get("/me", headers=ALICE)
        assert reply.status_code == 200 and "X-RateLimit-Limit" not in reply.headers


def test_rejected_logins_do_not_spend_budget_on_v7_but_do_on_v6(demo: DemoServer, rc: httpx.Client) -> None:
    for _ in range(10):
        assert rc.get("/me").status_code == 401
    assert rc.get("/me", headers=CAROL).headers["X-RateLimit-Remaining"] == "9"
    demo.reset()
    demo.settings.rc_version = "v6"
    for number in range(10):
        unauthenticated = rc.get("/me")
        assert unauthenticated.status_code == 401
        assert unauthenticated.headers["X-RateLimit-Remaining"] == str(9 - number)
    assert rc.get("/me").status_code == 429  # the limiter answers before the login check
    assert rc.get("/me", headers=CAROL).status_code == 429


def test_rate_limit_can_be_switched_off(demo: DemoServer, rc: httpx.Client) -> None:
    demo.settings.rc_rate_limit = 0
    for _ in range(12):
        reply = rc.get("/me", headers=CAROL)
        assert reply.status_code == 200 and "X-RateLimit-Limit" not in reply.headers


# --- 8.6 presence: claims, expiresAt, connection ------------------------------------------------
def _future(seconds: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(time.time() + seconds))


def test_set_status_takes_a_future_expires_at_and_refuses_a_past_one(
    demo: DemoServer, rc: httpx.Client
) -> None:
    past = rc.post(
        "/users.setStatus", headers=ALICE, json={"status": "busy", "expiresAt": "2020-01-01T00:00:00.000Z"}
    )
    assert past.status_code == 400
    assert past.json() == {
        "success": False,
        "error": "expiresAt must be a future date [error-invalid-date]",
        "errorType": "error-invalid-date",
        "details": {"method": "users.setStatus"},
    }
    bad = rc.post("/users.setStatus", headers=ALICE, json={"status": "busy", "expiresAt": "soon"})
    assert bad.status_code == 400 and bad.json()["errorType"] == "error-invalid-date"
    assert demo.rc_user(seed.RC_ALICE_ID)["statusDefault"] == "online"  # a refused call changes nothing
    ok = rc.post(
        "/users.setStatus", headers=ALICE, json={"status": "busy", "message": "x", "expiresAt": _future(600)}
    )
    assert ok.is_success
    own = rc.get("/users.getStatus", headers=ALICE).json()
    assert own["statusSource"] == "manual" and RC_ISO.match(own["statusExpiresAt"])


def test_an_expired_status_resets_to_online_without_its_message(
    demo: DemoServer, rc: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    rc.post("/users.setStatus", headers=ALICE, json={"status": "away", "message": "Before"})
    rc.post(
        "/users.setStatus",
        headers=ALICE,
        json={"status": "busy", "message": "Lunch", "expiresAt": _future(60)},
    )
    later = time.time() + 120
    monkeypatch.setattr("trayapp.demo.rocketchat.now", lambda: later)
    own = rc.get("/users.getStatus", headers=ALICE).json()
    assert own["status"] == "online" and "statusSource" not in own and "statusExpiresAt" not in own
    me = rc.get("/me", headers=ALICE).json()
    assert (me["statusDefault"], me["statusText"]) == ("online", "")  # not "away: Before"


@pytest.mark.parametrize("version", ["v6", "v7"])
def test_older_versions_ignore_expires_at_and_report_no_source(
    demo: DemoServer, rc: httpx.Client, version: RcVersion
) -> None:
    demo.settings.rc_version = version
    reply = rc.post(
        "/users.setStatus", headers=ALICE, json={"status": "busy", "expiresAt": "2020-01-01T00:00:00Z"}
    )
    assert reply.is_success
    assert set(rc.get("/users.getStatus", headers=ALICE).json()) == {
        "_id",
        "status",
        "connectionStatus",
        "success",
    }


def test_a_call_outranks_manual_which_outranks_the_calendar(demo: DemoServer, rc: httpx.Client) -> None:
    def shown() -> tuple[str, str | None, str]:
        own = rc.get("/users.getStatus", headers=ALICE).json()
        return own["status"], own.get("statusSource"), rc.get("/me", headers=ALICE).json()["statusText"]

    assert shown() == ("online", None, "")  # nothing claimed: the server manages it
    demo.rc_claim(seed.RC_ALICE_ID, "external", "busy", "In a meeting")
    assert shown() == ("busy", "external", "In a meeting")
    rc.post("/users.setStatus", headers=ALICE, json={"status": "away", "message": "Lunch"})
    assert shown() == ("away", "manual", "Lunch")
    demo.rc_claim(seed.RC_ALICE_ID, "internal", "busy", "On a call")
    assert shown() == ("busy", "internal", "On a call")
    rc.post("/users.setStatus", headers=ALICE, json={"status": "online", "message": "Back"})
    assert shown() == ("busy", "internal", "On a call")  # still the call...
    demo.rc_end_claim(seed.RC_ALICE_ID, "internal")
    assert shown() == ("online", "manual", "Back")  # ...then the manual one
    rc.post("/users.setStatus", headers=ALICE, json={"status": "online", "message": ""})
    assert shown() == ("busy", "external", "In a meeting")  # cleared: the calendar shows again


def test_no_client_connected_shows_offline_whatever_was_set(demo: DemoServer, rc: httpx.Client) -> None:
    rc.post("/users.setStatus", headers=ALICE, json={"status": "busy", "message": "Focus"})
    demo.rc_set_connection(seed.RC_ALICE_ID, "offline")
    own = rc.get("/users.getStatus", headers=ALICE).json()
    assert (own["status"], own["connectionStatus"]) == ("offline", "offline")
    me = rc.get("/me", headers=ALICE).json()
    assert (me["status"], me["statusDefault"], me["statusText"]) == ("offline", "busy", "Focus")
    other = rc.get("/users.getPresence", headers=CAROL, params={"userId": seed.RC_ALICE_ID}).json()
    assert other["presence"] == "offline"


def test_list_refuses_parameters_the_server_does_not_take(demo: DemoServer, rc: httpx.Client) -> None:
    ok: dict[str, str | int] = {
        "count": 5, "offset": 0, "sort": '{"name": 1}', "name": "a", "_id": "x", "query": "{}"
    }
    assert rc.get("/custom-user-status.list", headers=ALICE, params=ok).is_success
    extras: list[dict[str, str | int]] = [{"page": 2}, {"fields": "{}"}, {"count": 101}]
    for extra in extras:
        refused = rc.get("/custom-user-status.list", headers=ALICE, params=extra)
        assert refused.status_code == 400, extra
        assert refused.json()["errorType"] == "invalid-params" and refused.json()["success"] is False


def test_the_limiter_can_cover_admins_when_a_test_asks(demo: DemoServer, rc: httpx.Client) -> None:
    demo.settings.rc_rate_limit = 2
    demo.settings.rc_rate_limit_admins = True
    first = rc.get("/me", headers=ALICE)
    assert first.headers["X-RateLimit-Remaining"] == "1"
    rc.get("/me", headers=ALICE)
    refused = rc.get("/me", headers=ALICE)
    assert refused.status_code == 429 and "You must wait" in refused.json()["error"]
