"""Smartsheet RM fake: the behaviour a client depends on (api-reference 3.2-3.8, 4.3)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

import httpx
import pytest

from tests.demo.helpers import ISO_Z, SS
from trayapp.demo import seed
from trayapp.demo.server import DemoServer

MINE = f"/api/v1/users/{seed.SS_USER_ID}/statuses"


@pytest.fixture
def ss(demo: DemoServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=demo.smartsheet_url, headers=SS, timeout=5) as client:
        yield client


# --- auth ----------------------------------------------------------------------------------------
def test_token_in_header_or_query(demo: DemoServer) -> None:
    url = demo.smartsheet_url + "/api/v1/users/1"
    assert httpx.get(url, headers={"auth": seed.SS_TOKEN}).status_code == 200
    assert httpx.get(url, params={"auth": seed.SS_TOKEN}).status_code == 200
    for headers in ({}, {"auth": "wrong"}, {"Authorization": f"Bearer {seed.SS_TOKEN}"}):
        reply = httpx.get(url, headers=headers)
        assert reply.status_code == 401 and isinstance(reply.json()["message"], str)


# --- users ---------------------------------------------------------------------------------------
def test_users_paging(ss: httpx.Client) -> None:
    first = ss.get("/api/v1/users").json()
    assert len(first["data"]) == 20
    assert first["paging"] == {
        "page": 1,
        "per_page": 20,
        "previous": None,
        "next": "/api/v1/users?per_page=20&page=2",
        "self": "/api/v1/users?per_page=20&page=1",
    }
    last = ss.get("/api/v1/users", params={"page": 3}).json()
    assert len(last["data"]) == seed.SS_USER_COUNT - 40
    assert last["paging"]["next"] is None and last["paging"]["previous"] == "/api/v1/users?per_page=20&page=2"
    largest = ss.get("/api/v1/users", params={"per_page": 1000}).json()
    assert largest["paging"]["per_page"] == 1000 and len(largest["data"]) == seed.SS_USER_COUNT


def test_users_refuses_more_than_1000_per_page(ss: httpx.Client) -> None:
    reply = ss.get("/api/v1/users", params={"per_page": 1001})
    assert reply.status_code == 400
    assert reply.json() == {"message": "bad data", "errors": ["per_page must be at most 1000"]}


def collect(client: httpx.Client, first_url: str, resolve: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    url: str | None = first_url
    while url:
        body = client.get(url).json()
        found += body["data"]
        url = resolve(body["paging"]["next"]) if body["paging"]["next"] else None
    return found


def test_next_links_work_appended_to_the_account_url_or_resolved_against_the_host(
    demo: DemoServer, ss: httpx.Client
) -> None:
    appended = collect(ss, demo.smartsheet_url + "/api/v1/users", lambda link: demo.smartsheet_url + link)
    joined = collect(
        ss, demo.smartsheet_url + "/api/v1/users", lambda link: urljoin(demo.smartsheet_url, link)
    )
    assert len(appended) == len(joined) == seed.SS_USER_COUNT
    emails = [u["email"].lower() for u in appended]
    assert len(set(emails)) == seed.SS_USER_COUNT
    me = [u for u in appended if u["email"].lower() == seed.SS_USER_EMAIL.lower()]
    assert [u["id"] for u in me] == [seed.SS_USER_ID]
    assert me[0]["email"] == seed.SS_USER_EMAIL  # mixed case on the wire


def test_one_user_and_unknown_users(ss: httpx.Client) -> None:
    user = ss.get(f"/api/v1/users/{seed.SS_USER_ID}").json()
    assert user["id"] == seed.SS_USER_ID and user["email"] == seed.SS_USER_EMAIL
    assert ss.get("/api/v1/users/9999").status_code == 404
    assert ss.get("/api/v1/users/abc").status_code == 404
    assert ss.get("/api/v1/users/9999/statuses").status_code == 404
    assert ss.post("/api/v1/users/9999/statuses", data={"status": "ITO"}).status_code == 404


# --- statuses ------------------------------------------------------------------------------------
def newest(entries: list[dict[str, Any]]) -> dict[str, Any]:
    return max(entries, key=lambda s: (s["created_at"], s["id"]))


def test_history_is_not_in_chronological_order(demo: DemoServer, ss: httpx.Client) -> None:
    body = ss.get(MINE).json()
    entries = body["data"]
    keys = [(s["created_at"], s["id"]) for s in entries]
    assert keys != sorted(keys) and keys != sorted(keys, reverse=True)
    assert newest(entries) == demo.ss_current(seed.SS_USER_ID)
    assert set(body["paging"]) == {"page", "per_page", "previous", "next", "self"}
    for entry in entries:
        assert ISO_Z.match(entry["created_at"]) and ISO_Z.match(entry["updated_at"])


def test_current_breaks_created_at_ties_by_id(demo: DemoServer, ss: httpx.Client) -> None:
    entries = ss.get(MINE).json()["data"]
    current = demo.ss_current(seed.SS_USER_ID)
    assert current is not None
    tied = [s for s in entries if s["created_at"] == current["created_at"]]
    assert len(tied) > 1 and current["id"] == max(s["id"] for s in tied)


def test_post_form_echoes_fields(demo: DemoServer, ss: httpx.Client) -> None:
    leave_id = seed.SS_LEAVE_TYPES[0][0]
    fields = {
        "status": "VAC",
        "message": "Back on Monday",
        "current_task": "Resting",
        "assignable_id": leave_id,
        "start": "2030-07-01",
        "end": "2030-07-05",
    }
    reply = ss.post(MINE, data=fields)
    assert reply.status_code == 200
    made = reply.json()
    assert {k: made[k] for k in fields} == fields  # numbers sent as form text come back as numbers
    assert made["user_id"] == seed.SS_USER_ID and isinstance(made["id"], int)
    assert ISO_Z.match(made["created_at"]) and made["updated_at"] == made["created_at"]
    assert demo.ss_current(seed.SS_USER_ID) == made


def test_post_form_and_created_at_strictly_increases(demo: DemoServer, ss: httpx.Client) -> None:
    made = [
        ss.post(MINE, data={"status": code, "assignable_id": ""}).json() for code in ("WFH", "ITO", "OOF")
    ]
    stamps = [m["created_at"] for m in made]
    assert stamps == sorted(stamps) and len(set(stamps)) == 3
    assert made[0]["assignable_id"] is None
    assert demo.ss_current(seed.SS_USER_ID) == made[-1]
    assert newest(ss.get(MINE, params={"per_page": 1000}).json()["data"]) == made[-1]


@pytest.mark.parametrize(
    "fields",
    [{}, {"status": ""}, {"status": "XYZ"}, {"status": "wfh"}, {"status": "ITO", "assignable_id": 424242}],
)
def test_post_bad_data(ss: httpx.Client, fields: dict[str, Any]) -> None:
    reply = ss.post(MINE, data=fields)
    assert reply.status_code == 400
    body = reply.json()
    assert (
        body["message"] == "bad data" and body["errors"] and all(isinstance(e, str) for e in body["errors"])
    )


def test_lower_case_codes_can_be_accepted(demo: DemoServer, ss: httpx.Client) -> None:
    demo.settings.ss_accept_lowercase = True
    assert ss.post(MINE, data={"status": "wfh"}).json()["status"] == "WFH"


@pytest.mark.parametrize(
    "body, content_type",
    [(b'{"status": "ITO"}', "application/json"), (b'{"status": "ITO"}', "text/plain"), (b"{nope", "")],
)
def test_json_body_is_refused(demo: DemoServer, ss: httpx.Client, body: bytes, content_type: str) -> None:
    """The reference documents form fields for this POST; a JSON body is bad data and changes nothing."""
    before = demo.ss_current(seed.SS_USER_ID)
    reply = ss.post(MINE, content=body, headers={"Content-Type": content_type} if content_type else {})
    assert reply.status_code == 400
    assert reply.json()["message"] == "bad data" and "form" in reply.json()["errors"][0]
    assert demo.ss_current(seed.SS_USER_ID) == before


@pytest.mark.parametrize("code", [404, 410])
def test_statuses_can_be_switched_off(demo: DemoServer, ss: httpx.Client, code: int) -> None:
    demo.settings.ss_statuses_gone = code
    assert ss.get(MINE).status_code == code
    assert ss.post(MINE, data={"status": "ITO"}).status_code == code
    assert ss.get(f"/api/v1/users/{seed.SS_USER_ID}").status_code == 200


def test_restricted_token_is_forbidden_to_post(demo: DemoServer, ss: httpx.Client) -> None:
    demo.settings.ss_restricted_token = True
    reply = ss.post(MINE, data={"status": "ITO"})
    assert reply.status_code == 403
    assert reply.json() == {"message": "forbidden", "errors": ["access denied"]}
    assert ss.get(MINE).status_code == 200


def test_statuses_cannot_be_updated_or_deleted(ss: httpx.Client) -> None:
    assert ss.put(MINE, json={"status": "ITO"}).status_code == 405
    assert ss.delete(MINE).status_code == 405
    assert ss.put(f"{MINE}/1", json={"status": "ITO"}).status_code == 405
    assert ss.delete(f"{MINE}/1").status_code == 405


# --- leave types / assignables -------------------------------------------------------------------
def test_leave_types_and_assignables(ss: httpx.Client) -> None:
    body = ss.get("/api/v1/leave_types").json()
    assert sorted(t["name"] for t in body["data"]) == ["Sick", "Vacation"]
    assert "paging" in body
    leave_id = body["data"][0]["id"]
    assert ss.get(f"/api/v1/leave_types/{leave_id}").json()["id"] == leave_id
    assert ss.get(f"/api/v1/assignables/{leave_id}").json()["id"] == leave_id
    assert ss.get(f"/api/v1/assignables/{seed.SS_PROJECT_ID}").json()["name"] == seed.SS_PROJECT_NAME
    assert ss.get("/api/v1/assignables/424242").status_code == 404
