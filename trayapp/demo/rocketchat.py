"""Rocket.Chat REST fake (api-reference sections 1 and 4.1): auth, login/2FA, status, custom statuses,
and the per-(ip, route, method) rate limiter."""

from __future__ import annotations

import functools
import json
import math
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from trayapp.demo import seed
from trayapp.demo.settings import DemoSettings
from trayapp.demo.wire import JSON, BadBody, Reply, Request, iso_ms_z, json_reply, meteor_id, now, parse_iso

_API = "/api/v1/"
_STATUSES = ("online", "away", "busy", "offline")
_FORBIDDEN_NAME = re.compile(r"[<>&\"']")
_NOT_LOGGED_IN = "You must be logged in to do this."
_NO_SUCH_USER = 'The required "userId" or "username" param provided does not match any users'
_MAX_COUNT = 100
_LIST_PARAMS = frozenset({"count", "offset", "sort", "name", "_id", "query"})
_DEFAULT_COUNT = 50
_MESSAGE_LIMIT = 120
_DAY = 86400.0


@dataclass
class RcUser:
    id: str
    username: str
    name: str
    email: str
    password: str
    roles: list[str]
    totp: str | None = None  # the authenticator app's code, when the account uses one
    email_code: str | None = None  # the code "mailed" at each login without one (e-mail two-factor)
    # The manual claim: what users.setStatus stored. Before 8.6 it is simply the user's status.
    status_default: str = "online"
    status_text: str = ""
    manual: bool = False  # 8.6+: a manual claim is in place ("online" with no text is none)
    manual_expires: float | None = None
    # 8.6+: claims the server makes itself, by source: "internal" (a call, a meeting: outranks manual)
    # and "external" (an app such as a calendar: outranked by manual) -> (status, text, expires).
    claims: dict[str, tuple[str, str, float | None]] = field(default_factory=dict)
    connection: str = "online"  # "offline": no Rocket.Chat client connected
    last_login: float = field(default_factory=now)

    @property
    def admin(self) -> bool:
        return "admin" in self.roles

    def shown(self, engine: bool) -> tuple[str, str, str | None, float | None]:
        """(status, text, source, expires) of the claim that wins. Expired claims are dropped first: the
        server's 60 s sweep resets an expired manual claim to online with no text, not to what was before."""
        if not engine:
            return self.status_default, self.status_text, None, None
        moment = now()
        if self.manual and self.manual_expires is not None and moment >= self.manual_expires:
            self.manual, self.manual_expires = False, None
            self.status_default, self.status_text = "online", ""
        self.claims = {k: c for k, c in self.claims.items() if c[2] is None or moment < c[2]}
        if "internal" in self.claims:
            return (*self.claims["internal"][:2], "internal", self.claims["internal"][2])
        if self.manual:
            return self.status_default, self.status_text, "manual", self.manual_expires
        if "external" in self.claims:
            return (*self.claims["external"][:2], "external", self.claims["external"][2])
        return "online", "", None, None

    def presence(self, engine: bool) -> str:
        """What others see: offline while no client is connected, whatever was set."""
        return "offline" if self.connection == "offline" else self.shown(engine)[0]

    def public(self, engine: bool = False) -> JSON:
        status, text, _, _ = self.shown(engine)
        return {
            "_id": self.id,
            "username": self.username,
            "name": self.name,
            "status": self.presence(engine),
            "statusDefault": status,
            "statusText": text,
            "statusConnection": self.connection,
            "utcOffset": 0,
            "active": True,
            "roles": list(self.roles),
            "emails": [{"address": self.email, "verified": True}],
        }


@dataclass
class _Token:
    user_id: str
    issued: float
    personal: bool  # PATs never expire and are deleted by logout


@dataclass
class _CustomStatus:
    id: str
    name: str
    status_type: str
    updated: float

    def public(self) -> JSON:
        return {
            "_id": self.id,
            "name": self.name,
            "statusType": self.status_type,
            "_updatedAt": iso_ms_z(self.updated),
        }


class _Failure(Exception):
    """Raised by a handler: becomes a reply (Meteor.Error / API.v1.failure equivalent)."""

    def __init__(self, reply: Reply) -> None:
        super().__init__(reply.status)
        self.reply = reply


def _error(text: str, error_type: str | None = None, details: JSON | None = None) -> _Failure:
    """A 400 shaped like Meteor.Error(type, text, details): {"error": "text [type]", "errorType", "details"};
    without a type it is a plain API.v1.failure(text)."""
    body: JSON = {"success": False, "error": f"{text} [{error_type}]" if error_type else text}
    if error_type:
        body["errorType"] = error_type
    if details is not None:
        body["details"] = details
    return _Failure(json_reply(400, body))


def _not_authorized() -> _Failure:
    # A method-level permission failure: HTTP 400, not 401/403, and no text besides the code.
    body = {"success": False, "error": "[not_authorized]", "errorType": "not_authorized"}
    return _Failure(json_reply(400, body))


def _match_error() -> _Failure:
    return _error("Match error: Failed Match.OneOf, Match.Maybe or Match.Optional validation")


Handler = Callable[[Request, RcUser], Reply]


class RocketChatFake:
    name = "rocketchat"

    def __init__(self, settings: DemoSettings) -> None:
        self.settings = settings
        self.users: dict[str, RcUser] = {}
        self.tokens: dict[str, _Token] = {}
        self.statuses: dict[str, _CustomStatus] = {}
        self._windows: dict[tuple[str, str, str], tuple[float, int]] = {}  # key -> (window start, calls)
        self._routes: dict[tuple[str, str], Handler] = {
            ("GET", "me"): self._me,
            ("POST", "logout"): self._logout,
            ("GET", "logout"): self._logout,  # deprecated variant, still served
            ("POST", "users.setStatus"): self._set_status,
            ("GET", "users.getStatus"): self._get_status,
            ("GET", "users.getPresence"): self._get_presence,
            ("GET", "custom-user-status.list"): self._list_statuses,
            ("POST", "custom-user-status.create"): self._create_status,
            ("POST", "custom-user-status.update"): self._update_status,
            ("POST", "custom-user-status.delete"): self._delete_status,
        }
        self.reset()

    # --- state ---------------------------------------------------------------------------------
    def reset(self) -> None:
        s = seed
        self.users = {
            s.RC_ALICE_ID: RcUser(
                s.RC_ALICE_ID,
                s.RC_ALICE_USERNAME,
                s.RC_ALICE_NAME,
                s.RC_ALICE_EMAIL,
                s.RC_ALICE_PASSWORD,
                ["admin", "user"],
            ),
            s.RC_BOB_ID: RcUser(
                s.RC_BOB_ID,
                s.RC_BOB_USERNAME,
                s.RC_BOB_NAME,
                s.RC_BOB_EMAIL,
                s.RC_BOB_PASSWORD,
                ["user"],
                totp=s.RC_BOB_TOTP,
            ),
            s.RC_DAVE_ID: RcUser(
                s.RC_DAVE_ID,
                s.RC_DAVE_USERNAME,
                s.RC_DAVE_NAME,
                s.RC_DAVE_EMAIL,
                s.RC_DAVE_PASSWORD,
                ["user"],
                email_code=s.RC_DAVE_EMAIL_CODE,
            ),
            s.RC_CAROL_ID: RcUser(
                s.RC_CAROL_ID,
                s.RC_CAROL_USERNAME,
                s.RC_CAROL_NAME,
                s.RC_CAROL_EMAIL,
                s.RC_CAROL_PASSWORD,
                ["user"],
            ),
        }
        start = now()
        self.tokens = {
            s.RC_ALICE_PAT: _Token(s.RC_ALICE_ID, start, personal=True),
            s.RC_CAROL_PAT: _Token(s.RC_CAROL_ID, start, personal=True),
        }
        self.statuses = {}
        for name, status_type in s.RC_STATUSES:
            item = _CustomStatus(meteor_id(), name, status_type, start)
            self.statuses[item.id] = item
        self._windows = {}
        self._mailed: dict[str, list[float]] = {}  # user id -> expiry of each e-mailed code still valid

    @property
    def _engine(self) -> bool:
        """8.6+ presence engine: ranked claims, statusSource/statusExpiresAt, expiresAt."""
        return self.settings.rc_version in ("v8", "future")

    def user_snapshot(self, user_id: str) -> JSON:
        return self.users[user_id].public(self._engine)

    def claim(self, user_id: str, source: str, status: str, text: str, expires_in: float | None) -> None:
        """A claim the server makes itself (8.6+): "internal" (a call) or "external" (a calendar)."""
        if source not in ("internal", "external") or status not in _STATUSES:
            raise ValueError(f"unknown claim {source!r} / {status!r}")
        expires = now() + expires_in if expires_in is not None else None
        self.users[user_id].claims[source] = (status, text, expires)

    def end_claim(self, user_id: str, source: str) -> None:
        self.users[user_id].claims.pop(source, None)

    def set_connection(self, user_id: str, connection: str) -> None:
        if connection not in ("online", "offline"):
            raise ValueError(f"unknown connection {connection!r}")
        self.users[user_id].connection = connection

    def statuses_snapshot(self) -> list[JSON]:
        return [item.public() for item in sorted(self.statuses.values(), key=lambda i: i.name)]

    # --- dispatch ------------------------------------------------------------------------------
    def handle(self, req: Request) -> Reply:
        if req.path == "/api/info" and req.method == "GET":
            return json_reply(200, {"version": seed.RC_VERSIONS[self.settings.rc_version], "success": True})
        if not req.path.startswith(_API):
            return self.error_reply(404)
        route = req.path[len(_API) :]
        if route == "login":
            if req.method != "POST":
                return self.error_reply(404)
            gate = self._limit(req, route, None)
            return gate if gate.status == 429 else self._with_headers(self._login(req), gate)
        handler = self._routes.get((req.method, route))
        if handler is None:
            return self.error_reply(404)
        user = self._authenticate(req)
        # Before 7.x the limiter ran before the login check, so 401s spent budget; since 7.x they do not.
        if self.settings.rc_version == "v6":
            limited = self._limit(req, route, user)
            if limited.status == 429:
                return limited
            if user is None:
                return self._with_headers(self.error_reply(401), limited)
        else:
            if user is None:
                return self.error_reply(401)
            limited = self._limit(req, route, user)
            if limited.status == 429:
                return limited
        try:
            reply = handler(req, user)
        except _Failure as failure:
            reply = failure.reply
        except BadBody:
            reply = _error("Invalid request body", "invalid-params").reply
        return self._with_headers(reply, limited)

    @staticmethod
    def _with_headers(reply: Reply, limited: Reply) -> Reply:
        reply.headers.update(limited.headers)
        return reply

    def _authenticate(self, req: Request) -> RcUser | None:
        user_id, token = req.header("x-user-id"), req.header("x-auth-token")
        if not user_id or not token:
            return None
        entry = self.tokens.get(token)
        if entry is None or entry.user_id != user_id:
            return None
        if not entry.personal and now() >= entry.issued + self.settings.rc_login_token_ttl_days * _DAY:
            del self.tokens[token]
            return None
        return self.users.get(user_id)

    def _limit(self, req: Request, route: str, user: RcUser | None) -> Reply:
        """An empty 200 carrying the rate headers, or the 429; admins are exempt and get no headers."""
        limit, window = self.settings.rc_rate_limit, self.settings.rc_rate_window
        exempt = user is not None and user.admin and not self.settings.rc_rate_limit_admins
        if limit <= 0 or exempt:
            return Reply(200)
        key = (req.client_ip, route, req.method)
        moment = now()
        start, calls = self._windows.get(key, (moment, 0))
        if moment >= start + window:
            start, calls = moment, 0
        calls += 1
        self._windows[key] = (start, calls)
        reset_at = start + window
        if calls > limit:
            return self._too_many(limit, reset_at - moment)
        return Reply(200, headers=self._rate_headers(limit, limit - calls, reset_at))

    @staticmethod
    def _rate_headers(limit: int, remaining: int, reset_at: float) -> dict[str, str]:
        return {
            "X-RateLimit-Limit": str(limit),
            "X-RateLimit-Remaining": str(max(0, remaining)),
            "X-RateLimit-Reset": str(int(reset_at * 1000)),  # epoch milliseconds, unlike Smartsheet
        }

    def _too_many(self, limit: int, wait: float) -> Reply:
        seconds = max(1, math.ceil(wait))
        text = (
            "Error, too many requests. Please slow down. You must wait "
            f"{seconds} seconds before trying this endpoint again. [error-too-many-requests]"
        )
        return json_reply(429, {"success": False, "error": text}, self._rate_headers(limit, 0, now() + wait))

    def error_reply(self, status: int, *, reset_in: float = 60.0, retry_after: int | None = None) -> Reply:
        version = self.settings.rc_version
        if status == 401:
            if version == "v6":
                body: JSON = {"status": "error", "message": _NOT_LOGGED_IN}
            elif version in ("v7", "v8"):
                body = {
                    "success": False,
                    "error": _NOT_LOGGED_IN,
                    "status": "error",
                    "message": _NOT_LOGGED_IN,
                }
            else:
                body = {"success": False, "error": _NOT_LOGGED_IN}
            return json_reply(401, body)
        if status == 429:
            reply = self._too_many(max(self.settings.rc_rate_limit, 1), reset_in)
            if retry_after is not None:  # non-canonical: Rocket.Chat sends no Retry-After
                reply.headers["Retry-After"] = str(retry_after)
            return reply
        if status == 403:
            text = "User does not have the permissions required for this action [error-unauthorized]"
            return json_reply(403, {"success": False, "error": text})
        if status == 404:
            if version == "v6":
                return json_reply(404, {"status": "error", "message": "API endpoint does not exist"})
            return json_reply(404, {"success": False, "error": "API endpoint does not exist"})
        if status == 500:
            text = "Internal error occured" if version == "v6" else "Internal server error"  # sic, v6
            return json_reply(500, {"success": False, "error": text})
        texts = {400: "Bad request", 502: "Bad Gateway", 503: "Service Unavailable"}
        return json_reply(status, {"success": False, "error": texts.get(status, "Error")})

    # --- login / logout / me -------------------------------------------------------------------
    def _login_failure(self, error: str | int, message: str, details: JSON | None = None) -> Reply:
        version = self.settings.rc_version
        if version == "future":  # the breaking-change flag drops everything a client could branch on
            return json_reply(401, {"success": False, "error": "unauthorized"})
        body: JSON = {"status": "error", "error": error, "message": message}
        if details is not None:
            body["details"] = details
        if version in ("v7", "v8"):
            body["success"] = False
        return json_reply(401, body)

    def _find_login_user(self, params: JSON) -> RcUser | None:
        user = params.get("user")
        username, email = params.get("username"), params.get("email")
        if isinstance(user, dict):  # Meteor's {"user": {"username"|"email": ...}} form
            username, email = user.get("username", username), user.get("email", email)
        elif isinstance(user, str):
            if "@" in user:
                email = user
            else:
                username = user
        for candidate in self.users.values():
            if isinstance(username, str) and candidate.username == username:
                return candidate
            if isinstance(email, str) and candidate.email.lower() == email.lower():
                return candidate
        return None

    def _login(self, req: Request) -> Reply:
        try:
            params = req.params()
        except BadBody:
            return json_reply(400, {"status": "error", "success": False, "error": "Invalid request body"})
        resume = params.get("resume")
        if isinstance(resume, str) and resume:
            entry = self.tokens.get(resume)
            user = self.users.get(entry.user_id) if entry else None
            if (
                entry is None
                or user is None
                or (
                    not entry.personal
                    and now() >= entry.issued + self.settings.rc_login_token_ttl_days * _DAY
                )
            ):
                return self._login_failure(403, "You've been logged out by the server. Please log in again.")
            return self._login_success(user, resume)
        user = self._find_login_user(params)
        if user is None:
            return self._login_failure("Unauthorized", "Unauthorized")
        if params.get("password") != user.password:
            return self._login_failure(403, "Incorrect password")
        methods = [m for m, code in (("totp", user.totp), ("email", user.email_code)) if code]
        if methods:  # the server asks by the first enabled method, totp before email
            method = methods[0]
            code = params.get("code") or req.header("x-2fa-code") or ""
            code = re.sub(r"\D", "", str(code))  # "123-456" as printed in a mail also works
            if not code:
                details: JSON = {"method": method, **self._mail_code(user, method)}
                return self._two_factor_failure("totp-required", {**details, "availableMethods": methods})
            if code != (user.totp if method == "totp" else user.email_code):
                return self._two_factor_failure("totp-invalid", {"method": method})
        token = secrets.token_urlsafe(32)
        self.tokens[token] = _Token(user.id, now(), personal=False)
        return self._login_success(user, token)

    def _two_factor_failure(self, code: str, details: JSON) -> Reply:
        text = "TOTP Required" if code == "totp-required" else "TOTP Invalid"
        if self.settings.rc_login_2fa_shape == "login" or self.settings.rc_version == "future":
            return self._login_failure(code, text, details)
        # The envelope authentication.yaml documents in its two-factor section.
        body = {"success": False, "error": f"{text} [{code}]", "errorType": code, "details": details}
        return json_reply(401, body)

    def _mail_code(self, user: RcUser, method: str) -> JSON:
        """E-mail two-factor "sends" a code unless unexpired ones exist (then it says how many)."""
        if method != "email":
            return {}
        moment = now()
        valid = [at for at in self._mailed.get(user.id, []) if at > moment]
        if valid:
            self._mailed[user.id] = valid
            expires = [iso_ms_z(at) for at in valid]
            return {"codeGenerated": False, "codeCount": len(valid), "codeExpires": expires,
                    "emailOrUsername": user.username}  # fmt: skip
        self._mailed[user.id] = [moment + 3600]
        return {"codeGenerated": True, "emailOrUsername": user.username}

    def _login_success(self, user: RcUser, token: str) -> Reply:
        user.last_login = now()
        data = {"userId": user.id, "authToken": token, "me": user.public()}
        body: JSON = {"status": "success", "data": data}
        if self.settings.rc_version != "v6":
            body["success"] = True
        return json_reply(200, body)

    def _logout(self, req: Request, user: RcUser) -> Reply:
        # Like the real server, this also deletes a PAT used to call it.
        self.tokens.pop(req.header("x-auth-token") or "", None)
        return json_reply(200, {"status": "success", "data": {"message": "You've been logged out!"}})

    def _me(self, req: Request, user: RcUser) -> Reply:
        return json_reply(200, {**user.public(self._engine), "success": True})

    # --- status --------------------------------------------------------------------------------
    def _target(self, params: JSON, user: RcUser) -> RcUser:
        """The user named by userId/username, or the caller; others need edit-other-user-info."""
        user_id, username = params.get("userId"), params.get("username")
        if not user_id and not username:
            return user
        if not isinstance(user_id, (str, type(None))) or not isinstance(username, (str, type(None))):
            raise _match_error()
        if user_id == user.id or (not user_id and username == user.username):
            return user
        if not user.admin:
            status = 403 if self.settings.rc_version == "v6" else 401
            raise _Failure(json_reply(status, {"success": False, "error": "unauthorized"}))
        for candidate in self.users.values():
            if candidate.id == user_id or (not user_id and candidate.username == username):
                return candidate
        raise _error(_NO_SUCH_USER, "error-invalid-user", {"method": "users.setStatus"})

    def _set_status(self, req: Request, user: RcUser) -> Reply:
        params = req.params()
        status, message = params.get("status"), params.get("message")
        if (status is None and message is None) or not all(
            isinstance(v, (str, type(None))) for v in (status, message)
        ):
            raise _match_error()
        if not self.settings.rc_allow_message_change:
            raise _error("Change status is not allowed", "error-not-allowed", {"method": "users.setStatus"})
        target = self._target(params, user)
        if status:  # "" is falsy in the real code too, so it is ignored rather than rejected
            if status not in _STATUSES:
                raise _error(
                    "Valid status types include online, away, offline, and busy.",
                    "error-invalid-status",
                    {"method": "users.setStatus"},
                )
            if status == "offline" and not self.settings.rc_allow_invisible:
                raise _error(
                    "Invisible status is disabled", "error-status-not-allowed", {"method": "users.setStatus"}
                )
        expires = self._expires_at(params.get("expiresAt")) if self._engine else None
        # Validate first, then write both, so a refused call changes nothing.
        if message is not None:
            target.status_text = message.strip()[:_MESSAGE_LIMIT]
        if status:
            target.status_default = status
        if self._engine:  # online with no text hands the status back to the server (no claim)
            target.manual = not (target.status_default == "online" and not target.status_text)
            target.manual_expires = expires if target.manual else None
        return json_reply(200, {"success": True})

    @staticmethod
    def _expires_at(raw: Any) -> float | None:
        if raw is None:
            return None
        moment = parse_iso(raw) if isinstance(raw, str) else None
        where = {"method": "users.setStatus"}
        if moment is None:
            raise _error("expiresAt must be a valid date", "error-invalid-date", where)
        if moment <= now():
            raise _error("expiresAt must be a future date", "error-invalid-date", where)
        return moment

    def _lookup(self, req: Request, user: RcUser) -> RcUser:
        user_id, username = req.arg("userId"), req.arg("username")
        if not user_id and not username:
            return user
        for candidate in self.users.values():
            if candidate.id == user_id or (not user_id and candidate.username == username):
                return candidate
        raise _error(_NO_SUCH_USER, "error-invalid-user")

    def _get_status(self, req: Request, user: RcUser) -> Reply:
        target = self._lookup(req, user)
        body: JSON = {"_id": target.id, "status": target.presence(self._engine)}
        if target is user:
            body["connectionStatus"] = target.connection
        _, _, source, expires = target.shown(self._engine)
        if source is not None:  # 8.6+, and omitted when no claim is in place
            body["statusSource"] = source
        if expires is not None:
            body["statusExpiresAt"] = iso_ms_z(expires)
        body["success"] = True
        return json_reply(200, body)

    def _get_presence(self, req: Request, user: RcUser) -> Reply:
        target = self._lookup(req, user)
        if target is user:
            body: JSON = {
                "presence": target.presence(self._engine),
                "connectionStatus": target.connection,
                "lastLogin": iso_ms_z(target.last_login),
            }
        else:
            body = {"presence": target.presence(self._engine)}
        return json_reply(200, {**body, "success": True})

    # --- custom statuses -----------------------------------------------------------------------
    def _list_statuses(self, req: Request, user: RcUser) -> Reply:
        strict = self.settings.rc_version != "v6"  # 7.x+ check the query against a schema first
        unknown = sorted(set(req.query) - _LIST_PARAMS)
        if strict and unknown:
            raise _error(f"must NOT have additional properties ({unknown[0]})", "invalid-params")
        try:
            offset = max(0, int(req.arg("offset") or 0))
            count = int(req.arg("count") or _DEFAULT_COUNT)
        except ValueError:
            raise _error("Invalid pagination parameters", "error-invalid-params") from None
        if strict and count > _MAX_COUNT:
            raise _error(f"count must be <= {_MAX_COUNT}", "invalid-params")
        items = list(self.statuses.values())
        name, wanted_id = req.arg("name"), req.arg("_id")
        if name:
            items = [i for i in items if name.lower() in i.name.lower()]
        if wanted_id:
            items = [i for i in items if i.id == wanted_id]
        for key, direction in reversed(self._sort_spec(req.arg("sort"))):  # stable sorts: last key first
            items.sort(key=functools.partial(_sort_value, key=key), reverse=direction < 0)
        total = len(items)
        if count < 0:
            count = _DEFAULT_COUNT
        page = items[offset:] if count == 0 else items[offset : offset + min(count, _MAX_COUNT)]
        return json_reply(
            200,
            {
                "statuses": [i.public() for i in page],
                "count": len(page),
                "offset": offset,
                "total": total,
                "success": True,
            },
        )

    @staticmethod
    def _sort_spec(raw: str | None) -> list[tuple[str, int]]:
        if not raw:
            return [("name", 1)]
        try:
            spec = json.loads(raw)
            if not isinstance(spec, dict) or not all(v in (1, -1) for v in spec.values()):
                raise ValueError(raw)
        except ValueError:
            raise _error(f'Invalid sort parameter provided "{raw}"', "error-invalid-sort") from None
        return [(str(k), int(v)) for k, v in spec.items()] or [("name", 1)]

    def _check_definition(self, user: RcUser, name: Any, status_type: Any, own_id: str | None) -> None:
        """insertOrUpdateUserStatus's checks, in the server's order."""
        if not user.admin:
            raise _not_authorized()
        details: JSON = {"method": "insertOrUpdateUserStatus"}
        if not isinstance(name, str) or not name.strip():
            required = "error-the-field-is-required"
            raise _error("The field Name is required", required, {**details, "field": "Name"})
        if _FORBIDDEN_NAME.search(name):
            raise _error(
                f"{name} is not a valid name",
                "error-input-is-not-a-valid-field",
                {**details, "input": name, "field": "Name"},
            )
        if any(i.name == name and i.id != own_id for i in self.statuses.values()):
            raise _error(
                "The custom user status name is already in use",
                "Custom_User_Status_Error_Name_Already_In_Use",
                details,
            )
        if status_type and status_type not in _STATUSES:
            raise _error(
                f"{status_type} is not a valid status type",
                "error-input-is-not-a-valid-field",
                {**details, "input": status_type, "field": "StatusType"},
            )

    @staticmethod
    def _string_fields(params: JSON, *names: str) -> None:
        for key in names:
            if key in params and not isinstance(params[key], str):
                raise _error(f"Match error: Expected string, got {type(params[key]).__name__} in field {key}")

    def _create_status(self, req: Request, user: RcUser) -> Reply:
        if not user.admin:  # the route's own permission check, before the body is looked at
            text = "User does not have the permissions required for this action [error-unauthorized]"
            return json_reply(403, {"success": False, "error": text, "errorType": "error-unauthorized"})
        params = req.params()
        self._string_fields(params, "name", "statusType")
        for key in ("name", "statusType"):  # both required by the OpenAPI's request schema
            if key not in params:
                raise _error(f"must have required property '{key}'", "invalid-params")
        name, status_type = params.get("name"), params.get("statusType") or ""
        self._check_definition(user, name, status_type, None)
        assert isinstance(name, str)
        item = _CustomStatus(meteor_id(), name, status_type, now())
        self.statuses[item.id] = item
        return json_reply(200, {"customUserStatus": item.public(), "success": True})

    def _update_status(self, req: Request, user: RcUser) -> Reply:
        params = req.params()
        self._string_fields(params, "_id", "name", "statusType")
        for key in ("_id", "name", "statusType"):  # all three required by the OpenAPI's request schema
            if key not in params:
                raise _error(f"must have required property '{key}'", "invalid-params")
        item = self.statuses.get(params["_id"])
        if item is None:  # checked before the permission, as in the real route
            raise _error(f'No custom user status found with the id of "{params["_id"]}".')
        name, status_type = params["name"], params["statusType"]
        self._check_definition(user, name, status_type, item.id)
        item.name = name
        item.status_type = status_type
        item.updated = now()
        return json_reply(200, {"customUserStatus": item.public(), "success": True})

    def _delete_status(self, req: Request, user: RcUser) -> Reply:
        params = req.params()
        status_id = params.get("customUserStatusId")
        if not status_id or not isinstance(status_id, str):
            raise _error('The "customUserStatusId" params is required!')
        if not user.admin:
            raise _not_authorized()
        if self.statuses.pop(status_id, None) is None:
            raise _error(
                "Invalid user status",
                "Custom_User_Status_Error_Invalid_User_Status",
                {"method": "deleteCustomUserStatus"},
            )
        return json_reply(200, {"success": True})


def _sort_value(item: _CustomStatus, key: str) -> str:
    values = {
        "_id": item.id,
        "name": item.name,
        "statusType": item.status_type,
        "_updatedAt": iso_ms_z(item.updated),  # ISO strings sort chronologically
    }
    return values.get(key, "")
