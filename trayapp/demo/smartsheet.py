"""Smartsheet Resource Management fake (api-reference sections 3 and 4.3): an org-wide token, users,
the status history (POST creates entries, nothing updates or deletes them), leave types, assignables."""

from __future__ import annotations

import math
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode

from trayapp.demo import seed
from trayapp.demo.settings import DemoSettings
from trayapp.demo.wire import JSON, BadBody, Reply, Request, iso_z, json_reply, now

_API = "/api/v1"
_CODES = tuple(code for code, _ in seed.SS_CODES)
_USER = re.compile(r"^/users/([^/]+)$")
_STATUSES = re.compile(r"^/users/([^/]+)/statuses$")
_ONE_STATUS = re.compile(r"^/users/([^/]+)/statuses/([^/]+)$")
_LEAVE_TYPE = re.compile(r"^/leave_types/([^/]+)$")
_ASSIGNABLE = re.compile(r"^/assignables/([^/]+)$")
_DEFAULT_PER_PAGE = 20
_MAX_PER_PAGE = 1000
_RATE_LIMIT = 120  # the docs' example value
_DAY = 86400

_FIRST_NAMES = ("Ben", "Chloe", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas")
_LAST_NAMES = ("Novak", "Okafor", "Petrov", "Quinn", "Rossi")


@dataclass
class _Status:
    id: int
    user_id: int
    status: str
    created: int  # whole epoch seconds: the wire format has no fraction
    message: str | None = None
    current_task: str | None = None
    assignable_id: int | None = None
    start: str | None = None
    end: str | None = None

    def public(self) -> JSON:
        return {
            "id": self.id,
            "user_id": self.user_id,
            "status": self.status,
            "message": self.message,
            "current_task": self.current_task,
            "assignable_id": self.assignable_id,
            "start": self.start,
            "end": self.end,
            "created_at": iso_z(self.created),
            "updated_at": iso_z(self.created),
        }


class _Failure(Exception):
    def __init__(self, status: int, body: JSON, headers: dict[str, str] | None = None) -> None:
        super().__init__(status)
        self.reply = json_reply(status, body, headers)


def _bad_data(*errors: str) -> _Failure:
    return _Failure(400, {"message": "bad data", "errors": list(errors)})


def _not_found() -> _Failure:
    return _Failure(404, {"message": "not found"})


def _not_allowed(allow: str) -> _Failure:
    return _Failure(405, {"message": "method not allowed"}, {"Allow": allow})


def _int_arg(req: Request, name: str, default: int) -> int:
    try:
        return int(req.arg(name) or default)
    except ValueError:
        return default


class SmartsheetFake:
    name = "smartsheet"

    def __init__(self, settings: DemoSettings) -> None:
        self.settings = settings
        self.users: dict[int, JSON] = {}
        self.statuses: list[_Status] = []
        self.assignables: dict[int, JSON] = {}
        self._next_id = 1
        self._last_created = 0
        self.reset()

    # --- state ---------------------------------------------------------------------------------
    def reset(self) -> None:
        start = int(now())
        created = iso_z(start - 500 * _DAY)
        names = [(f, last) for last in _LAST_NAMES for f in _FIRST_NAMES]
        self.users = {}
        for user_id in range(1, seed.SS_USER_COUNT + 1):
            if user_id == seed.SS_USER_ID:
                first, last, email = seed.SS_USER_FIRST_NAME, seed.SS_USER_LAST_NAME, seed.SS_USER_EMAIL
            else:
                first, last = names[user_id - 1]
                email = f"{first}.{last}@example.com".lower()
            self.users[user_id] = {
                "id": user_id,
                "first_name": first,
                "last_name": last,
                "display_name": f"{first} {last}",
                "email": email,
                "archived": False,
                "archived_at": None,
                "account_owner": user_id == 1,
                "user_type_id": 1 if user_id in (1, seed.SS_USER_ID) else 3,
                "license_type": "licensed",
                "billable": True,
                "guid": str(uuid.uuid4()),
                "employee_number": None,
                "role": None,
                "discipline": None,
                "location": None,
                "hire_date": None,
                "termination_date": None,
                "invitation_pending": False,
                "thumbnail": None,
                "type": "User",
                "created_at": created,
                "updated_at": created,
                "deleted_at": None,
            }
        self.assignables = {}
        for leave_id, name in seed.SS_LEAVE_TYPES:
            self.assignables[leave_id] = {
                "id": leave_id,
                "name": name,
                "description": None,
                "guid": str(uuid.uuid4()),
                "type": "LeaveType",
                "deleted_at": None,
                "created_at": created,
                "updated_at": created,
            }
        self.assignables[seed.SS_PROJECT_ID] = {
            "id": seed.SS_PROJECT_ID,
            "name": seed.SS_PROJECT_NAME,
            "description": None,
            "guid": str(uuid.uuid4()),
            "type": "Project",
            "archived": False,
            "created_at": created,
            "updated_at": created,
        }
        me, yesterday = seed.SS_USER_ID, start - _DAY
        self.statuses = [
            _Status(1, me, "ITO", start - 3 * _DAY),
            _Status(2, me, "WFH", start - 2 * _DAY, message="Deep work"),
            _Status(3, me, "OOO", yesterday, message="Client visit", assignable_id=seed.SS_PROJECT_ID),
            # Same second as id 3: only the id decides which one is current.
            _Status(4, me, "ITO", yesterday),
            _Status(5, 1, "WFH", yesterday),
        ]
        self._next_id = 6
        self._last_created = yesterday

    def current(self, user_id: int) -> JSON | None:
        mine = [s for s in self.statuses if s.user_id == user_id]
        return max(mine, key=lambda s: (s.created, s.id)).public() if mine else None

    def history(self, user_id: int) -> list[JSON]:
        """Chronological (oldest first), unlike the HTTP listing."""
        return [
            s.public() for s in sorted(self.statuses, key=lambda s: (s.created, s.id)) if s.user_id == user_id
        ]

    # --- dispatch ------------------------------------------------------------------------------
    def handle(self, req: Request) -> Reply:
        if (req.header("auth") or req.arg("auth")) != seed.SS_TOKEN:
            return self.error_reply(401)
        if not req.path.startswith(_API + "/"):
            return self.error_reply(404)
        try:
            return self._route(req, req.path[len(_API) :].rstrip("/"))
        except _Failure as failure:
            return failure.reply

    def _route(self, req: Request, path: str) -> Reply:
        method = req.method
        if path == "/users":
            if method != "GET":
                raise _not_allowed("GET")
            return self._list_users(req)
        if match := _USER.match(path):
            if method != "GET":
                raise _not_allowed("GET")
            return json_reply(200, self.users[self._user_id(match.group(1))])
        if match := _STATUSES.match(path):
            user_id = self._user_id(match.group(1))
            gone = self.settings.ss_statuses_gone
            if gone:  # an account where the deprecated user statuses were switched off
                raise _Failure(gone, {"message": "not found" if gone == 404 else "gone"})
            if method == "GET":
                return self._list_statuses(req, user_id)
            if method == "POST":
                return self._create_status(req, user_id)
            raise _not_allowed("GET, POST")  # statuses are never updated or deleted
        if _ONE_STATUS.match(path):
            raise _not_allowed("") if method in ("PUT", "PATCH", "DELETE") else _not_found()
        if path == "/leave_types" and method == "GET":
            leave = [a for a in self.assignables.values() if a["type"] == "LeaveType"]
            return self._paged(req, [self._leave_type(a) for a in leave])
        if (match := _LEAVE_TYPE.match(path)) and method == "GET":
            item = self.assignables.get(_as_int(match.group(1)) or 0)
            if item is None or item["type"] != "LeaveType":
                raise _not_found()
            return json_reply(200, self._leave_type(item))
        if (match := _ASSIGNABLE.match(path)) and method == "GET":
            item = self.assignables.get(_as_int(match.group(1)) or 0)
            if item is None:
                raise _not_found()
            return json_reply(200, dict(item))
        raise _not_found()

    def error_reply(self, status: int, *, reset_in: float = 60.0, retry_after: int | None = None) -> Reply:
        if status == 429:
            headers = {
                "X-RateLimit-Limit": str(_RATE_LIMIT),
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset": str(math.ceil(now() + reset_in)),  # epoch seconds, unlike Rocket.Chat
            }
            if retry_after is not None:  # non-canonical: the docs do not promise Retry-After
                headers["Retry-After"] = str(retry_after)
            return json_reply(429, {"message": "Too Many Requests"}, headers)
        if status == 403:
            return json_reply(403, {"message": "forbidden", "errors": ["access denied"]})
        texts = {
            400: "bad request",
            401: "Unauthorized: the auth token is missing or invalid",
            404: "not found",
            500: "internal server error",
            502: "bad gateway",
            503: "service unavailable",
        }
        return json_reply(status, {"message": texts.get(status, "error")})

    # --- paging --------------------------------------------------------------------------------
    def _paged(self, req: Request, items: Sequence[JSON]) -> Reply:
        per_page = max(_int_arg(req, "per_page", _DEFAULT_PER_PAGE), 1)
        if per_page > _MAX_PER_PAGE:  # the documented maximum; a client asking for more is refused
            raise _bad_data(f"per_page must be at most {_MAX_PER_PAGE}")
        page = max(_int_arg(req, "page", 1), 1)
        pages = max(1, math.ceil(len(items) / per_page))
        # Links are relative to the host, like the real ones; the token never goes into a link.
        kept = [
            (k, v) for k, values in req.query.items() if k not in ("auth", "page", "per_page") for v in values
        ]

        def link(number: int) -> str:
            return f"{_API}{req.path[len(_API) :]}?" + urlencode(
                [*kept, ("per_page", per_page), ("page", number)]
            )

        paging = {
            "page": page,
            "per_page": per_page,
            "previous": link(page - 1) if page > 1 else None,
            "next": link(page + 1) if page < pages else None,
            "self": link(page),
        }
        return json_reply(
            200, {"data": list(items[(page - 1) * per_page : page * per_page]), "paging": paging}
        )

    # --- users ---------------------------------------------------------------------------------
    def _user_id(self, raw: str) -> int:
        user_id = _as_int(raw)
        if user_id is None or user_id not in self.users:
            raise _not_found()
        return user_id

    def _list_users(self, req: Request) -> Reply:
        users = sorted(self.users.values(), key=lambda u: u["id"])
        fields = {"first_name": "first_name", "last_name": "last_name", "created": "created_at"}
        field = fields.get(req.arg("sort_field") or "")
        if field:
            users.sort(key=lambda u: str(u[field]), reverse=req.arg("sort_order") == "descending")
        return self._paged(req, users)

    @staticmethod
    def _leave_type(item: JSON) -> JSON:
        return {k: v for k, v in item.items() if k != "type"}

    # --- statuses ------------------------------------------------------------------------------
    def _list_statuses(self, req: Request, user_id: int) -> Reply:
        ordered = sorted((s for s in self.statuses if s.user_id == user_id), key=lambda s: (s.created, s.id))
        if len(ordered) >= 3:  # on purpose not chronological: the newest goes to the middle
            ordered.insert(len(ordered) // 2, ordered.pop())
        return self._paged(req, [s.public() for s in ordered])

    def _create_status(self, req: Request, user_id: int) -> Reply:
        if self.settings.ss_restricted_token:
            raise _Failure(403, {"message": "forbidden", "errors": ["access denied"]})
        if req.is_json():  # documented as form fields ("-d 'status=OOO'")
            raise _bad_data("the status fields must be sent as application/x-www-form-urlencoded")
        try:
            params = req.params()
        except BadBody:
            raise _bad_data("the request body is not valid form data") from None
        code = params.get("status")
        if not isinstance(code, str) or not code:
            raise _bad_data("status is required")
        if self.settings.ss_accept_lowercase:
            code = code.upper()
        if code not in _CODES:
            raise _bad_data(f"status must be one of {', '.join(_CODES)}")
        errors: list[str] = []
        texts = {key: _optional_text(params, key, errors) for key in ("message", "current_task")}
        dates = {key: _optional_date(params, key, errors) for key in ("start", "end")}
        assignable = _optional_int(params, "assignable_id", errors)
        if assignable is not None and assignable not in self.assignables:
            errors.append("assignable_id does not refer to a project or leave type")
        if errors:
            raise _bad_data(*errors)
        # Whole seconds on the wire, yet entries must stay orderable: never reuse or go back a second.
        created = max(int(now()), self._last_created + 1)
        self._last_created = created
        entry = _Status(
            self._next_id,
            user_id,
            code,
            created,
            message=texts["message"],
            current_task=texts["current_task"],
            assignable_id=assignable,
            start=dates["start"],
            end=dates["end"],
        )
        self._next_id += 1
        self.statuses.append(entry)
        return json_reply(200, entry.public())


def _as_int(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else None


def _optional_text(params: JSON, key: str, errors: list[str]) -> str | None:
    value: Any = params.get(key)
    if value is None or isinstance(value, str):
        return value
    errors.append(f"{key} must be a string")
    return None


def _optional_int(params: JSON, key: str, errors: list[str]) -> int | None:
    value: Any = params.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isdigit():  # form bodies carry numbers as text
        return int(value)
    errors.append(f"{key} must be an integer")
    return None


def _optional_date(params: JSON, key: str, errors: list[str]) -> str | None:
    """A date (YYYY-MM-DD) or an ISO date-time, echoed as sent (the docs leave the type open)."""
    value: Any = params.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            if len(value) == 10:
                date.fromisoformat(value)
            else:
                datetime.fromisoformat(value.replace("Z", "+00:00"))
            return value
        except ValueError:
            pass
    errors.append(f"{key} must be a date (YYYY-MM-DD) or an ISO 8601 date-time")
    return None
