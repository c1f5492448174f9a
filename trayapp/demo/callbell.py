"""Callbell REST fake (api-reference sections 2 and 4.2): custom statuses, the user-status endpoints and
teams. Where the docs are silent the choices are switches in DemoSettings or noted inline."""

from __future__ import annotations

import math
import re
import uuid
from dataclasses import dataclass
from typing import Any

from trayapp.demo import seed
from trayapp.demo.settings import DemoSettings
from trayapp.demo.wire import (
    JSON,
    BadBody,
    Reply,
    Request,
    empty_reply,
    iso_ms_offset,
    iso_z,
    json_reply,
    now,
    ruby_time,
)

_OFFSET = seed.CB_UTC_OFFSET_MINUTES
_PLURAL = re.compile(r"^/custom_statuses/([^/]+)$")
_SINGULAR = re.compile(r"^/custom_status/([^/]+)$")
_USER_STATUS = re.compile(r"^/users/([^/]+)/status$")
_TEAM = re.compile(r"^/teams/([^/]+)$")
_MEMBERS = re.compile(r"^/teams/([^/]+)/members$")


@dataclass
class _CustomStatus:
    id: str
    name: str
    emoji: str | None
    created: float
    updated: float

    def public(self) -> JSON:
        return {
            "id": self.id,
            "name": self.name,
            "emoji": self.emoji,
            "createdAt": ruby_time(self.created, _OFFSET),
            "updatedAt": ruby_time(self.updated, _OFFSET),
        }


@dataclass
class _User:
    uuid: str
    email: str
    name: str
    available: bool
    appearance_at: float
    custom_status_id: str | None = None
    custom_status_at: float = 0.0


@dataclass
class _Team:
    uuid: str
    name: str
    default: bool
    created: float
    members: list[str]  # user uuids, in listing order


class _Failure(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.reply = json_reply(status, {"error": message})


def _not_found(what: str = "Not found") -> _Failure:
    return _Failure(404, what)


def _page_number(req: Request) -> int:
    """Rails pagination: anything that is not a positive integer means page 1."""
    try:
        return max(1, int(req.arg("page") or 1))
    except ValueError:
        return 1


def _paged(items: list[Any], page: int) -> tuple[list[Any], JSON]:
    size = seed.CB_PAGE_SIZE
    pages = max(1, math.ceil(len(items) / size))
    return items[(page - 1) * size : page * size], {"page": page, "pages": pages}


class CallbellFake:
    name = "callbell"

    def __init__(self, settings: DemoSettings) -> None:
        self.settings = settings
        self.statuses: dict[str, _CustomStatus] = {}
        self.users: dict[str, _User] = {}
        self.teams: dict[str, _Team] = {}
        self.reset()

    # --- state ---------------------------------------------------------------------------------
    def reset(self) -> None:
        start = now()
        self.statuses = {}
        for index, (name, emoji) in enumerate(seed.CB_STATUSES):
            created = start - 86400 * (len(seed.CB_STATUSES) - index)  # distinct, in seed order
            item = _CustomStatus(str(uuid.uuid4()), name, emoji, created, created)
            self.statuses[item.id] = item
        earlier = start - 3600
        people = [
            _User(uuid.uuid4().hex, "carla@example.com", "Carla Example", True, earlier),
            _User(seed.CB_OTHER_UUID, seed.CB_OTHER_EMAIL, seed.CB_OTHER_NAME, False, earlier),
            _User(uuid.uuid4().hex, "dan@example.com", "Dan Example", True, earlier),
            _User(seed.CB_USER_UUID, seed.CB_USER_EMAIL, seed.CB_USER_NAME, True, earlier),
            _User(uuid.uuid4().hex, "emma@example.com", "Emma Example", False, earlier),
        ]
        lunch = next(iter(self.statuses.values()))
        people[1].custom_status_id, people[1].custom_status_at = lunch.id, earlier
        self.users = {person.uuid: person for person in people}
        created = start - 400 * 86400
        self.teams = {
            seed.CB_TEAM_UUID: _Team(seed.CB_TEAM_UUID, "General", True, created, [p.uuid for p in people]),
            seed.CB_SUPPORT_TEAM_UUID: _Team(
                seed.CB_SUPPORT_TEAM_UUID,
                "Support",
                False,
                created + 86400,
                [seed.CB_OTHER_UUID, seed.CB_USER_UUID],
            ),
        }

    def user_status(self, user_uuid: str) -> JSON:
        user = self.users[user_uuid]
        return {"available": user.available, "custom_status_id": user.custom_status_id}

    def statuses_snapshot(self) -> list[JSON]:
        return [item.public() for item in self.statuses.values()]

    # --- dispatch ------------------------------------------------------------------------------
    def handle(self, req: Request) -> Reply:
        authorization = req.header("authorization") or ""
        scheme, _, key = authorization.partition(" ")
        if scheme.lower() != "bearer" or key.strip() != seed.CB_TOKEN:
            return self.error_reply(401)
        path = req.path.rstrip("/") or "/"
        try:
            return self._route(req, path)
        except _Failure as failure:
            return failure.reply
        except BadBody as exc:
            return json_reply(400, {"error": str(exc)})

    def _route(self, req: Request, path: str) -> Reply:
        method = req.method
        if path == "/auth/me" and method == "GET":
            return self._me()
        if path == "/custom_statuses":
            if method == "GET":
                return self._list_statuses(req)
            if method == "POST":
                return self._create_status(req)
        if match := _PLURAL.match(path):
            status_id = match.group(1)
            if method == "GET":
                return json_reply(200, {"customStatus": self._status(status_id).public()})
            if method in ("PUT", "PATCH"):
                return self._update_status(req, status_id)
            if method == "DELETE" and self.settings.cb_delete_paths != "singular":
                return self._delete_status(status_id)
        if (
            (match := _SINGULAR.match(path))
            and method == "DELETE"
            and self.settings.cb_delete_paths != "plural"
        ):
            return self._delete_status(match.group(1))
        if match := _USER_STATUS.match(path):
            if method in ("PUT", "PATCH"):
                return self._put_user_status(req, match.group(1))
            if method == "DELETE":
                return self._delete_user_status(match.group(1))
        if method == "GET":
            if path == "/teams":
                teams, meta = _paged(list(self.teams.values()), _page_number(req))
                return json_reply(200, {"teams": [self._team(t) for t in teams], "meta": meta})
            if match := _TEAM.match(path):
                return json_reply(200, {"team": self._team(self._find_team(match.group(1)))})
            if match := _MEMBERS.match(path):
                return self._members(req, self._find_team(match.group(1)))
        raise _not_found()

    def error_reply(self, status: int, *, reset_in: float = 60.0, retry_after: int | None = None) -> Reply:
        texts = {
            400: "Bad request",
            401: "Unauthorized",
            403: "Forbidden",
            404: "Not found",
            422: "Unprocessable entity",
            429: "Too many requests",
            500: "Internal server error",
            502: "Bad gateway",
            503: "Service unavailable",
        }
        reply = json_reply(status, {"error": texts.get(status, "Error")})
        if status == 429 and retry_after is not None:  # non-canonical: the docs promise no headers
            reply.headers["Retry-After"] = str(retry_after)
        return reply

    # --- auth / custom statuses ----------------------------------------------------------------
    def _me(self) -> Reply:
        return json_reply(
            200,
            {
                "status": "ok",
                "user_email": seed.CB_USER_EMAIL,
                "user_name": seed.CB_USER_NAME,
                "api_key": seed.CB_API_KEY_NAME,
            },
        )

    def _status(self, status_id: str) -> _CustomStatus:
        item = self.statuses.get(status_id)
        if item is None:
            raise _not_found("Custom status not found")
        return item

    def _list_statuses(self, req: Request) -> Reply:
        ordered = sorted(self.statuses.values(), key=lambda item: item.created)
        page, meta = _paged(ordered, _page_number(req))
        return json_reply(200, {"customStatuses": [item.public() for item in page], "meta": meta})

    def _checked_fields(self, params: JSON, own_id: str | None, creating: bool) -> tuple[str | None, Any]:
        name, emoji = params.get("name"), params.get("emoji", ...)
        if creating or "name" in params:
            if not isinstance(name, str) or not name.strip():
                raise _Failure(422, "Name can't be blank")
            if self.settings.cb_unique_names and any(
                item.name == name and item.id != own_id for item in self.statuses.values()
            ):
                raise _Failure(422, "Name has already been taken")
        if emoji is not ... and emoji is not None and not isinstance(emoji, str):
            raise _Failure(422, "Emoji is invalid")
        return (name if isinstance(name, str) else None), emoji

    def _create_status(self, req: Request) -> Reply:
        params = req.params()
        if self.settings.cb_refuse_emoji and "emoji" in params:  # Rails' strict strong parameters
            raise _Failure(400, "found unpermitted parameter: :emoji")
        name, emoji = self._checked_fields(params, None, creating=True)
        assert name is not None
        moment = now()
        item = _CustomStatus(
            str(uuid.uuid4()), name, emoji if isinstance(emoji, str) and emoji else None, moment, moment
        )
        self.statuses[item.id] = item
        return json_reply(200, {"customStatus": item.public()})

    def _update_status(self, req: Request, status_id: str) -> Reply:
        item = self._status(status_id)
        name, emoji = self._checked_fields(req.params(), item.id, creating=False)
        if name is not None:
            item.name = name
        if emoji is not ...:
            item.emoji = emoji if isinstance(emoji, str) and emoji else None
        item.updated = max(now(), item.updated + 1)  # updatedAt has whole seconds: make the change visible
        return json_reply(200, {"customStatus": item.public()})

    def _delete_status(self, status_id: str) -> Reply:
        self._status(status_id)
        del self.statuses[status_id]
        for user in self.users.values():  # assignments of a destroyed status go with it
            if user.custom_status_id == status_id:
                user.custom_status_id = None
        return json_reply(200, {"status": "custom status was destroyed"})

    # --- user status ---------------------------------------------------------------------------
    def _user(self, user_uuid: str) -> _User:
        user = self.users.get(user_uuid)
        if user is None:
            raise _not_found("User not found")
        return user

    def _put_user_status(self, req: Request, user_uuid: str) -> Reply:
        params = req.json_object()  # empty or non-JSON bodies: 400 (handle() maps BadBody)
        if "available" not in params and "custom_status_uuid" not in params:
            raise _Failure(400, "param is missing or the value is empty: available or custom_status_uuid")
        available = params.get("available")
        if "available" in params and not isinstance(available, bool):
            raise _Failure(400, "available must be true or false")
        wanted = params.get("custom_status_uuid")
        if wanted is not None and not isinstance(wanted, str):
            raise _Failure(400, "custom_status_uuid must be a string or null")
        user = self._user(user_uuid)
        if isinstance(wanted, str) and wanted not in self.statuses:
            raise _Failure(self.settings.cb_unknown_status_code, "Custom status not found")
        moment = now()
        if isinstance(available, bool):
            user.available, user.appearance_at = available, moment
        if "custom_status_uuid" in params:
            user.custom_status_id, user.custom_status_at = wanted, moment
        return json_reply(200, {"user_status": self._user_status(user)})

    def _user_status(self, user: _User) -> JSON:
        custom: JSON | None = None
        if user.custom_status_id is not None:
            item = self.statuses[user.custom_status_id]
            custom = {
                "id": item.id,
                "name": item.name,
                "last_updated_at": iso_ms_offset(user.custom_status_at, _OFFSET),
            }
        appearance = {
            "available": user.available,
            "last_updated_at": iso_ms_offset(user.appearance_at, _OFFSET),
        }
        return {"custom_status": custom, "appearance": appearance}

    def _delete_user_status(self, user_uuid: str) -> Reply:
        user = self._user(user_uuid)
        user.custom_status_id, user.custom_status_at = None, now()
        return empty_reply(self.settings.cb_delete_status_code)

    # --- teams ---------------------------------------------------------------------------------
    def _find_team(self, team_uuid: str) -> _Team:
        team = self.teams.get(team_uuid)
        if team is None:
            raise _not_found("Team not found")
        return team

    @staticmethod
    def _team(team: _Team) -> JSON:
        return {
            "uuid": team.uuid,
            "name": team.name,
            "createdAt": iso_z(team.created),
            "default": team.default,
            "members": len(team.members),
        }

    def _members(self, req: Request, team: _Team) -> Reply:
        users = [self.users[u] for u in team.members]
        wanted = req.arg("status")
        if wanted in ("available", "away"):
            users = [u for u in users if u.available == (wanted == "available")]
        page, meta = _paged(users, _page_number(req))
        return json_reply(200, {"users": [self._member(u) for u in page], "meta": meta})

    def _member(self, user: _User) -> JSON:
        # Members carry no uuid: clients find themselves by e-mail.
        member: JSON = {
            "email": user.email,
            "name": user.name,
            "available": user.available,
            "lastUpdatedAt": iso_z(user.appearance_at),
        }
        if user.custom_status_id is not None:
            item = self.statuses[user.custom_status_id]
            member["userCustomStatus"] = {
                "id": item.id,
                "name": item.name,
                "emoji": item.emoji,
                "updatedAt": iso_z(user.custom_status_at),
            }
        return member
