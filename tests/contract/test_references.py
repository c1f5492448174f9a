"""The contract check has teeth: what the backends sent before issue 13, and replies the references do
not describe, are caught. Each exchange here is built by hand, as it would cross the wire."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.contract.conftest import require_specs
from tests.contract.references import problems
from trayapp.demo.server import Exchange

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
RC_AUTH = {"x-user-id": "aLiCeDemoUser0001", "x-auth-token": "t"}
AUTH = {"callbell": {"authorization": "Bearer k"}, "smartsheet": {"auth": "t"}}


def exchange(
    service: str,
    method: str,
    path: str,
    body: object = None,
    *,
    query: str = "",
    kind: str = JSON,
    status: int = 200,
    reply: object = None,
    headers: dict[str, str] | None = None,
) -> Exchange:
    sent = json.dumps(body).encode() if kind == JSON and body is not None else (body or b"")
    assert isinstance(sent, bytes)
    request_headers = {**AUTH.get(service, {}), **(headers or {}), **({"content-type": kind} if sent else {})}
    answer = json.dumps(reply).encode() if reply is not None else b""
    return Exchange(
        service, method, path, query, request_headers, sent, status, {}, answer, JSON if answer else None
    )


OK_STATUS = {
    "id": 9,
    "user_id": 7,
    "status": "ITO",
    "message": None,
    "current_task": None,
    "assignable_id": None,
    "start": None,
    "end": None,
    "created_at": "2030-01-01T00:00:00Z",
    "updated_at": "2030-01-01T00:00:00Z",
}
CREATED = {"customUserStatus": {"_id": "x", "name": "Gym", "statusType": "busy"}, "success": True}

DIVERGENT = {
    "RM status change sent as JSON (before)": exchange(
        "smartsheet", "POST", "/api/v1/users/7/statuses", {"status": "ITO"}, reply=OK_STATUS
    ),
    "RM status code outside the six": exchange(
        "smartsheet", "POST", "/api/v1/users/7/statuses", b"status=OUT", kind=FORM, reply=OK_STATUS
    ),
    "RM users paged above 1000": exchange(
        "smartsheet", "GET", "/api/v1/users", query="per_page=5000",
        reply={"data": [], "paging": {"page": 1, "per_page": 5000, "previous": None, "next": None,
                                      "self": "/"}},
    ),
    "RC create without statusType (before)": exchange(
        "rocketchat", "POST", "/api/v1/custom-user-status.create", {"name": "Gym"}, reply=CREATED,
        headers=RC_AUTH,
    ),
    "RC create with a field the OpenAPI does not list": exchange(
        "rocketchat", "POST", "/api/v1/custom-user-status.create",
        {"name": "Gym", "statusType": "busy", "emoji": "x"}, reply=CREATED, headers=RC_AUTH,
    ),
    "RC list with a query parameter the OpenAPI does not declare": exchange(
        "rocketchat", "GET", "/api/v1/custom-user-status.list", query="count=10&fields=name", headers=RC_AUTH,
        reply={"statuses": [], "count": 0, "offset": 0, "total": 0, "success": True},
    ),
    "RC login 401 in neither documented shape": exchange(
        "rocketchat", "POST", "/api/v1/login", {"user": "bob", "password": "p"}, status=401,
        reply={"success": False, "error": "totp-required"},
    ),
    "RC create refused with a status the reference does not give": exchange(
        "rocketchat", "POST", "/api/v1/custom-user-status.create", {"name": "G", "statusType": "busy"},
        status=418, reply={"success": False}, headers=RC_AUTH,
    ),
    "Callbell create with an unknown field": exchange(
        "callbell", "POST", "/custom_statuses", {"name": "Gym", "colour": "red"},
        reply={"customStatus": {"id": "0d6041a2-8b88-49ec-a99b-a88a078a16c1", "name": "Gym",
               "createdAt": "2024-12-04 14:12:14 +0100", "updatedAt": "2024-12-04 14:12:14 +0100"}},
    ),
    "Callbell user status with a dashed uuid in the path": exchange(
        "callbell", "DELETE", "/users/ad42a097-1581-4e64-83b1-c5debd6a2dbc/status"
    ),
    "Callbell reply missing the documented meta": exchange(
        "callbell", "GET", "/custom_statuses", reply={"customStatuses": []}
    ),
    "an endpoint no reference has": exchange("callbell", "GET", "/users/me"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(DIVERGENT), ids=list(DIVERGENT))
def test_divergence_is_caught(shared_specs: Path, case: str) -> None:
    assert problems(DIVERGENT[case], shared_specs), f"not caught: {case}"


CONFORMING = {
    "RM status change as form fields (now)": exchange(
        "smartsheet", "POST", "/api/v1/users/7/statuses", b"status=ITO&message=Hi", kind=FORM, reply=OK_STATUS
    ),
    "RC create with statusType (now)": exchange(
        "rocketchat", "POST", "/api/v1/custom-user-status.create", {"name": "Gym", "statusType": "busy"},
        reply=CREATED, headers=RC_AUTH,
    ),
    "RC create refused by the route's permission, as the OpenAPI shows it": exchange(
        "rocketchat", "POST", "/api/v1/custom-user-status.create", {"name": "G", "statusType": "busy"},
        status=403, headers=RC_AUTH, reply={
            "success": False, "errorType": "error-unauthorized",
            "error": "User does not have the permissions required for this action [error-unauthorized]",
        },
    ),
    "RC login asking for an e-mail code, documented envelope": exchange(
        "rocketchat", "POST", "/api/v1/login", {"user": "dave", "password": "p"}, status=401, reply={
            "success": False, "error": "TOTP Required [totp-required]", "errorType": "totp-required",
            "details": {"method": "email", "codeGenerated": False, "codeCount": 1,
                        "codeExpires": ["2020-01-02T13:06:42.408Z"], "availableMethods": ["email"]},
        },
    ),
    "Callbell DELETE with empty bodies both ways": exchange(
        "callbell", "DELETE", "/users/ad42a09715814e6483b1c5debd6a2dbc/status", status=204
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", list(CONFORMING), ids=list(CONFORMING))
def test_conforming_exchange_passes(shared_specs: Path, case: str) -> None:
    assert problems(CONFORMING[case], shared_specs) == []


@pytest.mark.parametrize("ci", ["true", ""])
def test_missing_references_fail_under_ci_and_skip_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ci: str
) -> None:
    monkeypatch.setenv("CI", ci)
    expected = pytest.fail.Exception if ci else pytest.skip.Exception
    with pytest.raises(expected, match="references are not at"):
        require_specs(tmp_path / "shared" / "specs")
