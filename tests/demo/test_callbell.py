"""Callbell fake: the behaviour a client depends on (api-reference 2.1-2.8, 4.2)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.demo.helpers import CB, CB_ISO_MS_OFFSET, CB_RUBY_TIME, DASHED_UUID, ISO_Z
from trayapp.demo import seed
from trayapp.demo.server import DemoServer

ME = f"/users/{seed.CB_USER_UUID}/status"


@pytest.fixture
def cb(demo: DemoServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=demo.callbell_url, headers=CB, timeout=5) as client:
        yield client


def all_statuses(cb: httpx.Client) -> list[dict[str, Any]]:
    found, page, pages = [], 1, 1
    while page <= pages:
        body = cb.get("/custom_statuses", params={"page": page}).json()
        found += body["customStatuses"]
        pages = body["meta"]["pages"]
        page += 1
    return found


def status_id(cb: httpx.Client, name: str) -> str:
    return str(next(s["id"] for s in all_statuses(cb) if s["name"] == name))


# --- auth ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {seed.CB_TOKEN}"}]
)
def test_bearer_token_required(demo: DemoServer, headers: dict[str, str]) -> None:
    reply = httpx.get(demo.callbell_url + "/auth/me", headers=headers)
    assert reply.status_code == 401
    assert reply.json() == {"error": "Unauthorized"}


def test_auth_me_has_no_uuid(cb: httpx.Client) -> None:
    assert cb.get("/auth/me").json() == {
        "status": "ok",
        "user_email": seed.CB_USER_EMAIL,
        "user_name": seed.CB_USER_NAME,
        "api_key": seed.CB_API_KEY_NAME,
    }


# --- custom statuses -----------------------------------------------------------------------------
def test_list_is_paged_with_meta(cb: httpx.Client) -> None:
    first = cb.get("/custom_statuses").json()
    pages = math.ceil(len(seed.CB_STATUSES) / seed.CB_PAGE_SIZE)
    assert first["meta"] == {"page": 1, "pages": pages}
    assert len(first["customStatuses"]) == seed.CB_PAGE_SIZE
    found = all_statuses(cb)
    assert [(s["name"], s["emoji"]) for s in found] == list(seed.CB_STATUSES)
    item = found[0]
    assert set(item) == {"id", "name", "emoji", "createdAt", "updatedAt"}
    assert DASHED_UUID.match(item["id"])
    assert CB_RUBY_TIME.match(item["createdAt"]) and item["createdAt"].endswith(" +0100")
    beyond = cb.get("/custom_statuses", params={"page": pages + 1}).json()
    assert beyond["customStatuses"] == []


def test_create_get_update_with_emoji(cb: httpx.Client) -> None:
    made = cb.post("/custom_statuses", json={"name": "Gym", "emoji": "🏋️"})
    assert made.status_code == 200
    item = made.json()["customStatus"]
    assert item["name"] == "Gym" and item["emoji"] == "🏋️" and DASHED_UUID.match(item["id"])
    plain = cb.post("/custom_statuses", json={"name": "Plain"}).json()["customStatus"]
    assert plain["emoji"] is None
    assert cb.get(f"/custom_statuses/{item['id']}").json() == {"customStatus": item}
    updated = cb.put(f"/custom_statuses/{item['id']}", json={"name": "Gym time"}).json()["customStatus"]
    assert updated["name"] == "Gym time" and updated["emoji"] == "🏋️"
    assert updated["updatedAt"] != item["updatedAt"] and updated["createdAt"] == item["createdAt"]


def test_custom_status_errors(demo: DemoServer, cb: httpx.Client) -> None:
    assert cb.get("/custom_statuses/00000000-0000-0000-0000-000000000000").status_code == 404
    assert (
        cb.put("/custom_statuses/00000000-0000-0000-0000-000000000000", json={"name": "x"}).status_code == 404
    )
    assert cb.post("/custom_statuses", json={"name": "  "}).status_code == 422
    assert cb.post("/custom_statuses", json={}).status_code == 422
    assert cb.post("/custom_statuses", json={"name": "Lunch"}).status_code == 200  # duplicates allowed
    demo.settings.cb_unique_names = True
    taken = cb.post("/custom_statuses", json={"name": "Lunch"})
    assert taken.status_code == 422 and "taken" in taken.json()["error"]


def test_delete_plural_and_singular(demo: DemoServer, cb: httpx.Client) -> None:
    lunch, meeting = status_id(cb, "Lunch"), status_id(cb, "Meeting")
    gone = cb.delete(f"/custom_statuses/{lunch}")
    assert gone.status_code == 200 and gone.json() == {"status": "custom status was destroyed"}
    assert cb.get(f"/custom_statuses/{lunch}").status_code == 404
    assert cb.delete(f"/custom_statuses/{lunch}").status_code == 404
    demo.settings.cb_delete_paths = "plural"
    assert cb.delete(f"/custom_status/{meeting}").status_code == 404
    demo.settings.cb_delete_paths = "singular"
    assert cb.delete(f"/custom_statuses/{meeting}").status_code == 404
    assert cb.delete(f"/custom_status/{meeting}").json() == {"status": "custom status was destroyed"}


# --- user status ---------------------------------------------------------------------------------
def test_put_user_status(demo: DemoServer, cb: httpx.Client) -> None:
    lunch = status_id(cb, "Lunch")
    reply = cb.put(ME, json={"available": False, "custom_status_uuid": lunch})
    assert reply.status_code == 200
    status = reply.json()["user_status"]
    assert status["custom_status"]["id"] == lunch and status["custom_status"]["name"] == "Lunch"
    assert status["appearance"]["available"] is False
    assert CB_ISO_MS_OFFSET.match(status["appearance"]["last_updated_at"])
    assert CB_ISO_MS_OFFSET.match(status["custom_status"]["last_updated_at"])
    assert demo.cb_user_status(seed.CB_USER_UUID) == {"available": False, "custom_status_id": lunch}
    only_available = cb.put(ME, json={"available": True}).json()["user_status"]
    assert only_available["custom_status"]["id"] == lunch  # untouched when not sent
    cleared = cb.put(ME, json={"custom_status_uuid": None}).json()["user_status"]
    assert cleared["custom_status"] is None and cleared["appearance"]["available"] is True


@pytest.mark.parametrize("code", [404, 422])
def test_put_unknown_custom_status_code_is_a_switch(demo: DemoServer, cb: httpx.Client, code: int) -> None:
    demo.settings.cb_unknown_status_code = code
    reply = cb.put(ME, json={"custom_status_uuid": "00000000-0000-0000-0000-000000000000"})
    assert reply.status_code == code and "error" in reply.json()


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b"[1, 2]", b"{}", b'{"available": "yes"}', b'{"custom_status_uuid": 5}'],
)
def test_put_bad_bodies_are_400(cb: httpx.Client, content: bytes) -> None:
    reply = cb.put(ME, content=content, headers={"Content-Type": "application/json"})
    assert reply.status_code == 400 and "error" in reply.json()


def test_put_unknown_user_is_404(cb: httpx.Client) -> None:
    assert (
        cb.put("/users/0123456789abcdef0123456789abcdef/status", json={"available": True}).status_code == 404
    )


@pytest.mark.parametrize("code", [200, 204])
def test_delete_user_status_keeps_availability(demo: DemoServer, cb: httpx.Client, code: int) -> None:
    demo.settings.cb_delete_status_code = code
    cb.put(ME, json={"available": False, "custom_status_uuid": status_id(cb, "Meeting")})
    reply = cb.delete(ME)
    assert reply.status_code == code and reply.content == b""
    assert demo.cb_user_status(seed.CB_USER_UUID) == {"available": False, "custom_status_id": None}


def test_deleting_a_definition_unassigns_it(demo: DemoServer, cb: httpx.Client) -> None:
    meeting = status_id(cb, "Meeting")
    cb.put(ME, json={"custom_status_uuid": meeting})
    cb.delete(f"/custom_statuses/{meeting}")
    assert demo.cb_user_status(seed.CB_USER_UUID)["custom_status_id"] is None


# --- teams ---------------------------------------------------------------------------------------
def test_teams(cb: httpx.Client) -> None:
    body = cb.get("/teams").json()
    assert body["meta"] == {"page": 1, "pages": 1}
    general = next(t for t in body["teams"] if t["uuid"] == seed.CB_TEAM_UUID)
    assert general["default"] is True and ISO_Z.match(general["createdAt"]) and general["members"] >= 3
    assert cb.get(f"/teams/{seed.CB_TEAM_UUID}").json() == {"team": general}
    assert cb.get("/teams/ffffffffffffffffffffffffffffffff").status_code == 404


def members(cb: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    found, page, pages = [], 1, 1
    while page <= pages:
        body = cb.get(f"/teams/{seed.CB_TEAM_UUID}/members", params={**params, "page": page}).json()
        found += body["users"]
        pages = body["meta"]["pages"]
        page += 1
    return found


def test_members_reflect_the_demo_users_live_state(cb: httpx.Client) -> None:
    first_page = cb.get(f"/teams/{seed.CB_TEAM_UUID}/members").json()
    assert first_page["meta"]["pages"] > 1
    assert seed.CB_USER_EMAIL not in [m["email"] for m in first_page["users"]]  # clients must page
    everyone = members(cb)
    assert all("uuid" not in m for m in everyone)
    me = next(m for m in everyone if m["email"] == seed.CB_USER_EMAIL)
    assert me["available"] is True and "userCustomStatus" not in me and ISO_Z.match(me["lastUpdatedAt"])
    lunch = status_id(cb, "Lunch")
    cb.put(ME, json={"available": False, "custom_status_uuid": lunch})
    me = next(m for m in members(cb) if m["email"] == seed.CB_USER_EMAIL)
    assert me["available"] is False
    assert me["userCustomStatus"]["id"] == lunch and me["userCustomStatus"]["emoji"] == "🍙"
    assert ISO_Z.match(me["userCustomStatus"]["updatedAt"])
    assert seed.CB_USER_EMAIL in [m["email"] for m in members(cb, status="away")]
    assert seed.CB_USER_EMAIL not in [m["email"] for m in members(cb, status="available")]
