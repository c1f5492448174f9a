"""Rocket.Chat: custom statuses are workspace-wide definitions (name + statusType); applying one is
users.setStatus(status=<statusType>, message=<name>), as the official web client does.

account.url = workspace URL (API under url + "/api/v1"); account.user = user id; secret = personal
access token or login token, sent as X-User-Id + X-Auth-Token."""

from __future__ import annotations

import contextlib
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from trayapp.backends import CAPABILITIES
from trayapp.backends.base import (
    HttpBackend,
    expect,
    json_body,
    make_client,
    parse_time,
    refusal,
    send,
    server_error,
    server_text,
    try_again,
    unexpected_status,
    wait_seconds,
)
from trayapp.core.errors import (
    AuthError,
    BadReply,
    DuplicateName,
    InputError,
    NotFound,
    PermissionDenied,
    RateLimited,
    TwoFactorRequired,
    ValidationError,
)
from trayapp.core.i18n import N_, _
from trayapp.core.models import (
    Account,
    Availability,
    ChangeKind,
    CurrentStatus,
    CustomStatus,
    ServiceKind,
    StatusChange,
)
from trayapp.core.ports import SecretGetter

SERVICE = "Rocket.Chat"
DEFAULT_CREATE_TYPE = "online"  # a status created without a type shows the user online with its name
MESSAGE_LIMIT = CAPABILITIES[ServiceKind.ROCKETCHAT].max_message  # the server cuts silently at 120
PAGE_SIZE = 100  # the server's default upper limit; larger counts are clamped
_MAX_PAGES = 1000

_TO_STATUS = {
    Availability.AVAILABLE: "online",
    Availability.AWAY: "away",
    Availability.BUSY: "busy",
    Availability.OFFLINE: "offline",
}
_FROM_STATUS = {value: key for key, value in _TO_STATUS.items()}

_CODE_SUFFIX = re.compile(r"\s*\[[^\[\]]*\]\s*$")
_WAIT_SECONDS = re.compile(r"wait (\d+(?:\.\d+)?) seconds?", re.IGNORECASE)

_SIGNED_OUT = N_(
    "Rocket.Chat rejected this account's token (wrong, expired or revoked): check it, or make a new "
    "personal access token under My Account → Personal Access Tokens."
)
_NO_INVISIBLE = N_(
    "This Rocket.Chat workspace does not allow the Invisible (offline) status{said}: an admin can turn "
    "on 'Allow Invisible status option' in the Accounts settings."
)
_NO_CLIENT = N_("Rocket.Chat shows you offline until a Rocket.Chat client is open.")
_NOT_ADMIN = N_(
    "Rocket.Chat refused: only users with the manage-user-status permission (by default admins) "
    "may create or change custom statuses."
)


def _api_url(url: str) -> str:
    return url.strip().rstrip("/") + "/api/v1"


def _without_code(text: str) -> str:
    """ "The field Name is required [error-the-field-is-required]" -> "The field Name is required"."""
    return _CODE_SUFFIX.sub("", text).strip()


def _object(response: httpx.Response) -> dict[str, Any]:
    return expect(json_body(response, SERVICE), dict, N_("JSON object"), SERVICE)  # type: ignore[no-any-return]


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _error_body(response: httpx.Response) -> dict[str, Any]:
    """The error envelope if it is one, else {} (a proxy page or an empty body tells us nothing more)."""
    try:
        body = json_body(response, SERVICE)
    except BadReply:
        return {}
    return body if isinstance(body, dict) else {}


def _until_reset(response: httpx.Response) -> float | None:
    """Seconds until X-RateLimit-Reset (epoch milliseconds), measured against the server's own Date
    header when it sends one, so a computer clock that is off does not shorten or stretch the wait."""
    raw = response.headers.get("X-RateLimit-Reset", "")
    try:
        reset = float(raw) / 1000.0
    except ValueError:
        return None
    now = time.time()
    with contextlib.suppress(TypeError, ValueError, IndexError):
        server_now = parsedate_to_datetime(response.headers.get("Date", "")).timestamp()
        if abs(server_now - now) > 2.0:  # Date has whole seconds: use it only against real skew
            now = server_now
    return wait_seconds(reset - now)  # None for inf/nan, at most a day


def _wait_seconds(response: httpx.Response) -> float | None:
    """A 429's "You must wait N seconds" (relative: immune to clock skew), else the reset header."""
    match = _WAIT_SECONDS.search(server_text(_error_body(response).get("error")))
    return wait_seconds(float(match.group(1))) if match else _until_reset(response)


def _slowed(retry_after: float | None) -> RateLimited:
    when = try_again(retry_after)
    text = _("Rocket.Chat is limiting requests from this computer: try again {when}.").format(when=when)
    return RateLimited(text, retry_after)


def _rate_limited(response: httpx.Response) -> RateLimited:
    return _slowed(_wait_seconds(response))


class _CallBudget:
    """Rocket.Chat counts calls per endpoint (10 a minute by default) and tells a limited user, on every
    reply, how many are left and when the window resets. With none left we do not send at all: the
    caller gets RateLimited with the time left (short waits are waited out, longer ones kept and sent
    later), and the server never has to refuse. Exempt users (admins, bots) get no headers: no budget."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._closed: dict[tuple[str, str], float] = {}  # endpoint -> time.monotonic() it opens again

    def check(self, method: str, path: str) -> None:
        with self._lock:
            opens = self._closed.get((method, path))
            wait = opens - time.monotonic() if opens is not None else 0.0
            if wait <= 0:
                self._closed.pop((method, path), None)
                return
        raise _slowed(wait)

    def note(self, method: str, path: str, response: httpx.Response) -> None:
        if response.status_code == 429:
            wait = _wait_seconds(response)
        else:
            remaining = response.headers.get("X-RateLimit-Remaining", "")
            wait = _until_reset(response) if remaining.strip() == "0" else None
        with self._lock:
            if wait:
                self._closed[(method, path)] = time.monotonic() + wait
            else:
                self._closed.pop((method, path), None)


def _raise_for_status(response: httpx.Response, doing: str) -> None:
    """Map an error reply to the shared error tree. `doing` completes "Rocket.Chat refused to ..."."""
    code = response.status_code
    if code < 400:
        return
    if code == 401:
        raise AuthError(_(_SIGNED_OUT))
    if code == 429:
        raise _rate_limited(response)
    if code >= 500:
        raise server_error(response, SERVICE)
    body = _error_body(response)
    error_type = body.get("errorType")
    error_type = error_type if isinstance(error_type, str) else ""
    details = _dict(body.get("details"))
    text = _without_code(server_text(body.get("error")) or server_text(body.get("message")))
    said = refusal(SERVICE, doing, text)
    if code == 403:
        raise PermissionDenied(
            said if text else refusal(SERVICE, doing, _("this account does not have the permission."))
        )
    if code == 404:
        raise NotFound(
            _("Rocket.Chat has no such API at this address: check the workspace URL ({doing}).").format(
                doing=doing
            )
        )
    if code != 400:
        raise BadReply(unexpected_status(SERVICE, code, doing))
    if error_type == "not_authorized" or text == "not_authorized":
        raise PermissionDenied(_(_NOT_ADMIN))
    if text.startswith("No custom user status found") or error_type.endswith("_Invalid_User_Status"):
        raise NotFound(
            _("Rocket.Chat has no such custom status any more (it may have been deleted): refresh the list.")
        )
    if error_type == "Custom_User_Status_Error_Name_Already_In_Use":
        raise DuplicateName(said)
    if error_type == "error-the-field-is-required":
        raise ValidationError(said, field="name")
    if error_type == "error-input-is-not-a-valid-field":
        field = str(details.get("field", "")).lower()
        field = "type" if field == "statustype" else ("name" if field == "name" else field)
        raise ValidationError(said, field=field)
    if error_type == "error-status-not-allowed":
        raise ValidationError(_(_NO_INVISIBLE).format(said=f" ({text})" if text else ""), field="status")
    if error_type in ("error-invalid-status", "error-not-allowed"):
        raise ValidationError(said, field="status")
    if error_type == "error-invalid-date":
        raise ValidationError(said, field="end")
    if error_type.startswith("totp-"):
        raise TwoFactorRequired(
            _(
                "Rocket.Chat asks for a two-factor code to {doing}; use a personal access token instead."
            ).format(doing=doing),
            method=_two_factor_method(details),
        )
    if text.lower() == "unauthorized":  # the handler-level refusal (HTTP 403 on <= 6.x, 401 later)
        raise PermissionDenied(refusal(SERVICE, doing, _("this account is not allowed to do that.")))
    raise ValidationError(said)


@dataclass(frozen=True)
class _Shown:
    """What users.getStatus says others see (8.6+ adds source and expiry; 6.x/7.x lack them)."""

    status: str = ""
    source: str = ""
    expires: datetime | None = None
    connection: str = ""


def _shown(body: dict[str, Any]) -> _Shown:
    def text(key: str) -> str:
        value = body.get(key)
        return value if isinstance(value, str) else ""

    return _Shown(text("status"), text("statusSource"), parse_time(body.get("statusExpiresAt")),
                  text("connectionStatus"))  # fmt: skip


def _notice(shown: _Shown, chosen: Availability | None) -> str:
    """Why people do not see the status that was set, or ""."""
    if shown.connection == "offline" and chosen is not Availability.OFFLINE:
        return _(_NO_CLIENT)
    if shown.source == "internal":
        return _(
            "Rocket.Chat shows a call or meeting ({status}), which outranks a status set by hand "
            "until it ends."
        ).format(status=shown.status or "busy")
    if shown.source == "external" and chosen is not None and _FROM_STATUS.get(shown.status) != chosen:
        return _("Rocket.Chat shows a status set by an app such as a calendar ({status}).").format(
            status=shown.status or "busy"
        )
    return ""


def _status(item: Any) -> CustomStatus:
    if not isinstance(item, dict):
        raise BadReply(_("Rocket.Chat sent a custom status that is not an object."))
    status_id = expect(item.get("_id"), str, N_("custom status id"), SERVICE)
    name = expect(item.get("name"), str, N_("custom status name"), SERVICE)
    status_type = item.get("statusType")
    return CustomStatus(id=status_id, name=name, type=status_type if isinstance(status_type, str) else "")


class RocketChatBackend(HttpBackend):
    SERVICE = SERVICE
    capabilities = CAPABILITIES[ServiceKind.ROCKETCHAT]

    def __init__(self, account: Account, secret: SecretGetter) -> None:
        super().__init__(account, secret)
        # The last list seen (no secret): lets current() name the custom status without a request.
        self._known: tuple[CustomStatus, ...] = ()
        self._budget = _CallBudget()
        self._no_invisible = ""  # the server's refusal of offline, once seen: not sent again
        self._claims_seen = False  # the server has reported a statusSource (8.6+)

    def _api_url(self) -> str:
        return _api_url(self.account.url)

    def _auth_headers(self) -> dict[str, str]:
        user = self.account.user.strip()
        if not user:
            raise AuthError(
                _("This Rocket.Chat account has no user id: type the one shown next to your token.")
            )
        return {"X-User-Id": user, "X-Auth-Token": self._token()}

    def _call(self, method: str, path: str, doing: str, **kwargs: Any) -> dict[str, Any]:
        self._budget.check(method, path)
        response = send(self.client, SERVICE, method, path, **kwargs)
        self._budget.note(method, path, response)
        _raise_for_status(response, doing)
        body = _object(response)
        if body.get("success") is not True:  # every Rocket.Chat API reply carries it
            raise BadReply(
                _("Rocket.Chat sent a reply without its success mark when asked to {doing}.").format(
                    doing=doing
                )
            )
        return body

    # ------------------------------------------------------------------ reading
    def _me(self) -> dict[str, Any]:
        me = self._call("GET", "/me", _("read your profile"))
        expect(me.get("_id"), str, N_("user id"), SERVICE)
        return me

    def whoami(self) -> str:
        me = self._me()
        for key in ("username", "name"):
            value = me.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
        raise BadReply(_("Rocket.Chat sent a profile without a user name."))

    def list_statuses(self) -> list[CustomStatus]:
        found: list[CustomStatus] = []
        offset = 0
        for _page in range(_MAX_PAGES):
            body = self._call(
                "GET", "/custom-user-status.list", _("list the custom statuses"),
                params={"count": PAGE_SIZE, "offset": offset},
            )  # fmt: skip
            page = expect(body.get("statuses"), list, N_("list of custom statuses"), SERVICE)
            found.extend(_status(item) for item in page)
            total = body.get("total")
            offset += len(page)
            if not page or not isinstance(total, int) or offset >= total:
                break
        self._known = tuple(found)
        return found

    def _read_shown(self) -> _Shown:
        shown = _shown(self._call("GET", "/users.getStatus", _("read your status")))
        self._claims_seen = self._claims_seen or bool(shown.source)  # an 8.6+ server
        return shown

    def current(self, statuses: Sequence[CustomStatus] | None = None) -> CurrentStatus:
        """From GET /me: statusDefault (what the user chose; `status` is the live presence, which may
        read offline when no client is connected) and statusText; from users.getStatus: where the shown
        status comes from, its expiry and the connection. The custom status is recognised by name among
        `statuses`, or the last list fetched, without another request."""
        me = self._me()
        shown = self._read_shown()
        chosen = me.get("statusDefault")
        if chosen not in _FROM_STATUS:
            chosen = me.get("status")
        availability = _FROM_STATUS.get(chosen) if isinstance(chosen, str) else None
        text = me.get("statusText")
        message = text if isinstance(text, str) and text else None
        known = tuple(statuses) if statuses is not None else self._known
        match = _match(known, message, chosen if isinstance(chosen, str) else "")
        return CurrentStatus(
            availability=availability,
            status_id=match.id if match else None,
            status_name=match.name if match else None,
            message=message,
            end=shown.expires,
            source=shown.source,
            notice=_notice(shown, availability),
        )

    def confirm(self, expected: CurrentStatus) -> CurrentStatus:
        """Read back after a change: a call or meeting may outrank it, and with no client connected the
        server shows offline whatever was set. One users.getStatus; `expected` stays what was set, so a
        later comparison never takes the call for a change made by hand."""
        shown = self._read_shown()
        own = shown.source in ("", "manual")
        return replace(
            expected,
            end=shown.expires if own else None,
            source=shown.source,
            notice=_notice(shown, expected.availability),
        )

    # ------------------------------------------------------------------ writing
    def _edit_statuses(self, path: str, doing: str, body: dict[str, str]) -> dict[str, Any]:
        """A custom-user-status.* call: a refusal (403 error-unauthorized for the route permission, or
        400 not_authorized) names the permission these calls need."""
        try:
            return self._call("POST", path, doing, json=body)
        except PermissionDenied:
            raise PermissionDenied(_(_NOT_ADMIN)) from None

    def create_status(self, name: str, type: str = "", emoji: str = "") -> CustomStatus:
        # statusType is required by the OpenAPI; the server accepts lower case only (the docs show "Busy").
        status_type = type.strip().lower() or DEFAULT_CREATE_TYPE
        body = {"name": name.strip(), "statusType": status_type}
        reply = self._edit_statuses("/custom-user-status.create", _("create the custom status"), body)
        created = _status(reply.get("customUserStatus"))
        self._known = (*self._known, created)
        return created

    def update_status(self, status: CustomStatus, name: str, type: str = "") -> CustomStatus:
        """custom-user-status.update: _id, name and statusType are all required; an empty type keeps
        the status's own."""
        status_type = type.strip().lower() or status.type or DEFAULT_CREATE_TYPE
        body = {"_id": status.id, "name": name.strip(), "statusType": status_type}
        reply = self._edit_statuses("/custom-user-status.update", _("change the custom status"), body)
        updated = _status(reply.get("customUserStatus"))
        self._known = tuple(updated if s.id == status.id else s for s in self._known)
        return updated

    def delete_status(self, status: CustomStatus) -> None:
        body = {"customUserStatusId": status.id}
        self._edit_statuses("/custom-user-status.delete", _("delete the custom status"), body)
        self._known = tuple(s for s in self._known if s.id != status.id)

    def apply(self, change: StatusChange) -> None:
        self._set_status(self._set_status_body(change))

    def clear(self) -> None:
        self.apply(StatusChange(ChangeKind.CLEAR))

    def restore(self, state: CurrentStatus) -> None:
        status = _TO_STATUS[state.availability] if state.availability else "online"
        body = self._checked({"status": status, "message": state.message or ""})
        self._call("POST", "/users.setStatus", _("restore your previous status"), json=body)

    # expiresAt (8.6+) is deliberately never sent. The server's expiry resets the user to online with no
    # message, not to the status trayapp captured, and only on its 60 s sweep: a safety net that restores
    # the wrong status, and that trayapp's own end would then read as a change made by hand and keep. The
    # schedule survives restarts and puts back the real previous status at the next start instead; 6.x
    # and 7.x servers would not know the field either.
    def _checked(self, body: dict[str, str]) -> dict[str, str]:
        """Refuse before sending what the server would cut or refuse (InputError: nothing was sent)."""
        message = body.get("message")
        if message is not None and CAPABILITIES[ServiceKind.ROCKETCHAT].message_too_long(message):
            raise InputError(
                _(
                    "Rocket.Chat keeps only {limit} characters of a status message, and this one has "
                    "{length}: shorten it."
                ).format(limit=MESSAGE_LIMIT, length=len(message.strip()))
            )
        if body.get("status") == "offline" and self._no_invisible:
            raise InputError(self._no_invisible)
        return body

    def _set_status(self, body: dict[str, str]) -> None:
        try:
            self._call("POST", "/users.setStatus", _("set your status"), json=self._checked(body))
        except ValidationError as exc:
            if body.get("status") == "offline" and "Invisible" in str(exc):
                self._no_invisible = str(exc)
            raise

    def _set_status_body(self, change: StatusChange) -> dict[str, str]:
        if change.kind is ChangeKind.CLEAR:
            return {"status": "online", "message": ""}
        if change.kind is ChangeKind.AVAILABILITY:
            if change.availability is None:
                raise InputError(_("No availability was given to set on Rocket.Chat."))
            body = {"status": _TO_STATUS[change.availability]}
            if change.message is not None:  # otherwise the message stays as it is
                body["message"] = change.message
            return body
        status = change.status
        if status is None:
            raise InputError(_("No custom status was given to apply on Rocket.Chat."))
        body = {"message": change.message or status.name}
        if change.availability is not None:  # a preset's "Lunch, shown as Busy"
            body["status"] = _TO_STATUS[change.availability]
        elif status.type:  # a status created without a type only sets the message
            body["status"] = status.type
        return body

    def expected_current(self, previous: CurrentStatus | None, change: StatusChange) -> CurrentStatus:
        """What current() will read after this change: the same rules, so nothing flickers (a custom
        status applied with its own message reads back as that message, with no status name)."""
        previous = previous or CurrentStatus()
        body = self._set_status_body(change)
        message = body.get("message")
        message = previous.message if message is None else (message.strip()[:MESSAGE_LIMIT] or None)
        kept = _TO_STATUS[previous.availability] if previous.availability else ""
        status_type = body.get("status") or kept
        candidates: list[CustomStatus] = []
        if change.kind is ChangeKind.CUSTOM and change.status is not None:
            candidates.append(change.status)
        if previous.status_id and previous.status_name:
            candidates.append(CustomStatus(id=previous.status_id, name=previous.status_name))
        match = _match((*candidates, *self._known), message, status_type)
        availability = _FROM_STATUS.get(status_type, previous.availability)
        handed_back = availability in (None, Availability.AVAILABLE) and not message  # 8.6+: no claim
        return CurrentStatus(
            availability=availability,
            status_id=match.id if match else None,
            status_name=match.name if match else None,
            message=message,
            source="manual" if self._claims_seen and not handed_back else "",
        )


def _match(known: Sequence[CustomStatus], message: str | None, status_type: str) -> CustomStatus | None:
    if not message:
        return None
    named = [s for s in known if s.name == message]
    for status in named:
        if status.type == status_type:
            return status
    return named[0] if named else None


# Where the code comes from, by the method the server names (details.method).
_CODE_SOURCES = {
    "totp": N_("the code from your authenticator app"),
    "email": N_("the code Rocket.Chat sent you by e-mail"),
}
_CODE_PROMPTS = {"totp": N_("Code from your authenticator app"), "email": N_("Code from the e-mail")}
_TRAILING_CODE = re.compile(r"\[([^\[\]]+)\]\s*$")


def _two_factor_code(error: dict[str, Any]) -> str:
    """totp-required / totp-invalid from either shape a server answers a login with: the REST envelope
    {"errorType": "totp-required", "error": "TOTP Required [totp-required]"} that the OpenAPI documents,
    or the login route's own {"error": "totp-required", "message": "TOTP Required"}."""
    for value in (error.get("errorType"), error.get("error")):
        if isinstance(value, str):
            found = _TRAILING_CODE.search(value)
            code = (found.group(1) if found else value).strip()
            if code.startswith("totp-"):
                return code
    return ""


def _two_factor_method(details: dict[str, Any]) -> str:
    """The method the server names; else the first it offers; "" when it names none (never guessed)."""
    method = details.get("method")
    if isinstance(method, str) and method:
        return method
    offered = details.get("availableMethods")
    if isinstance(offered, list) and offered and isinstance(offered[0], str):
        return offered[0]
    return ""


def login(url: str, username: str, password: str, code: str | None = None) -> tuple[str, str]:
    """Password login; returns (user id, auth token). Raises TwoFactorRequired(method) when the
    server asks for a code, AuthError for a wrong name, password or code."""
    if not username.strip() or not password:
        raise InputError(_("Rocket.Chat sign-in needs a user name and a password."))
    body: dict[str, str] = {"user": username.strip(), "password": password}
    if code is not None and code.strip():
        body["code"] = code.strip()
    with make_client(_api_url(url)) as client:
        response = send(client, SERVICE, "POST", "/login", json=body)
    if response.status_code == 200:
        reply = _object(response)
        data = reply.get("data")
        if reply.get("status") != "success" or not isinstance(data, dict):
            raise BadReply(_("Rocket.Chat answered the sign-in without a user id and token."))
        user_id = expect(data.get("userId"), str, N_("user id"), SERVICE)
        token = expect(data.get("authToken"), str, N_("sign-in token"), SERVICE)
        if not user_id or not token:
            raise BadReply(_("Rocket.Chat answered the sign-in without a user id and token."))
        return user_id, token
    if response.status_code in (400, 401, 403):
        error = _error_body(response)
        kind = error.get("error")
        details = _dict(error.get("details"))
        two_factor = _two_factor_code(error)
        if two_factor == "totp-required":
            method = _two_factor_method(details)
            where = _(_CODE_SOURCES.get(method, N_("your two-factor code")))
            if method == "email" and details.get("codeGenerated") is True:
                where = _("the code Rocket.Chat has just sent you by e-mail")
            raise TwoFactorRequired(
                _("Rocket.Chat asks for a two-factor code for {user}: enter {where}.").format(
                    user=username.strip(), where=where
                ),
                method=method,
                prompt=_(_CODE_PROMPTS[method]) if method in _CODE_PROMPTS else "",
            )
        if two_factor == "totp-invalid":
            method = _two_factor_method(details)
            raise AuthError(
                {
                    "totp": _(
                        "Rocket.Chat did not accept the two-factor code from your authenticator app: "
                        "the code was wrong or has expired."
                    ),
                    "email": _(
                        "Rocket.Chat did not accept the two-factor code from the e-mail: the code was wrong "
                        "or has expired."
                    ),
                }.get(
                    method,
                    _("Rocket.Chat did not accept the two-factor code: the code was wrong or has expired."),
                )
            )
        if error.get("success") is False and kind == "unauthorized" and "details" not in error:
            # Future servers no longer tell a wrong password from a missing two-factor code.
            raise AuthError(
                _(
                    "Rocket.Chat did not accept this sign-in: check the user name and password "
                    "(and the two-factor code, if the account uses one)."
                )
            )
        raise AuthError(_("Rocket.Chat did not accept this user name and password."))
    _raise_for_status(response, _("sign you in"))
    raise BadReply(
        _("Rocket.Chat answered the sign-in with an unexpected HTTP {code}.").format(
            code=response.status_code
        )
    )
