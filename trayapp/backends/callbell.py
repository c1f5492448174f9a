"""Callbell: a user's state is an appearance (available / away) plus an optional account-wide custom
status (name + emoji). Users are addressed by uuid, which no endpoint returns: the user pastes it,
and the state is read back from the team member lists by the e-mail of /auth/me.

account.url = API base (default https://api.callbell.eu/v1); account.user = user uuid;
secret = API key, sent as Authorization: Bearer."""

from __future__ import annotations

import threading
import uuid
from typing import Any
from urllib.parse import quote

import httpx

from trayapp.backends import CAPABILITIES
from trayapp.backends.base import (
    HttpBackend,
    expect,
    json_body,
    parse_time,
    refusal,
    retry_after_from_reset,
    send,
    sentence,
    server_error,
    server_text,
    try_again,
    unexpected_status,
)
from trayapp.core.errors import (
    AuthError,
    BadReply,
    DuplicateName,
    InputError,
    NotFound,
    PermissionDenied,
    RateLimited,
    Unsupported,
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

SERVICE = "Callbell"
DEFAULT_URL = "https://api.callbell.eu/v1"
_MAX_PAGES = 1000
# No documented call returns a user's uuid, so the user pastes it: say where it comes from.
UUID_SOURCE = N_(
    "Callbell's API has no call that returns it: ask your Callbell account admin or Callbell support "
    "for your user's uuid (32 hexadecimal characters, with or without dashes)"
)


def normalise_uuid(raw: str) -> str:
    """A user uuid in the form the API's paths use (32 lower-case hex), from the forms people copy:
    32 hex characters or the dashed form, in any case, with stray spaces or braces."""
    text = raw.strip()
    if not text:
        raise InputError(_("This Callbell account has no user uuid. {how}.").format(how=_(UUID_SOURCE)))
    try:
        return uuid.UUID(text.strip("{}")).hex
    except ValueError:
        raise InputError(
            _("The Callbell user uuid '{uuid}' is not valid. {how}.").format(uuid=text, how=_(UUID_SOURCE))
        ) from None


def _error_text(response: httpx.Response) -> str:
    """The body's own words, if any (the error body is undocumented: tolerate anything)."""
    try:
        body = json_body(response, SERVICE)
    except BadReply:
        return ""
    if isinstance(body, dict):
        for key in ("error", "message", "errors"):
            text = server_text(body.get(key))
            if text:
                return text
    return server_text(body)


def _raise_for_status(response: httpx.Response, doing: str, not_found: str = "") -> None:
    """Map by status code; `doing` completes "Callbell refused to ...", `not_found` replaces the 404 text."""
    code = response.status_code
    if code < 400:
        return
    if code == 401:
        raise AuthError(
            _(
                "Callbell rejected this account's API key (wrong or deleted): check it, or make a new key "
                "in the Callbell dashboard under Settings → API keys."
            )
        )
    if code == 429:
        retry_after = retry_after_from_reset(response, milliseconds=False)
        when = try_again(retry_after, _("in a moment"))
        raise RateLimited(
            _("Callbell is limiting requests: try again {when}.").format(when=when), retry_after
        )
    if code >= 500:
        raise server_error(response, SERVICE)
    text = _error_text(response)
    if code == 403:
        if text:
            denied = _("Callbell refused to {doing}: this API key is not allowed to do that ({reason}).")
        else:
            denied = _("Callbell refused to {doing}: this API key is not allowed to do that.")
        raise PermissionDenied(denied.format(doing=doing, reason=text))
    if code == 404:
        raise NotFound(
            not_found
            or _("Callbell found nothing to {doing} at this address: check the API URL.").format(doing=doing)
        )
    if code in (400, 422):
        lowered = text.lower()
        if "taken" in lowered or "already" in lowered or "unique" in lowered:
            if text:
                taken = _("Callbell already has a custom status with this name: {reason}").format(
                    reason=sentence(text)
                )
            else:
                taken = _("Callbell already has a custom status with this name.")
            raise DuplicateName(taken)
        field = "name" if "name" in lowered else ("emoji" if "emoji" in lowered else "")
        raise ValidationError(refusal(SERVICE, doing, text), field=field)
    raise BadReply(unexpected_status(SERVICE, code, doing))


def _object(response: httpx.Response) -> dict[str, Any]:
    body = json_body(response, SERVICE)
    if not isinstance(body, dict):
        raise BadReply(_("Callbell sent a reply that is not a JSON object."))
    return body


def _pages(body: dict[str, Any]) -> int:
    meta = body.get("meta")
    pages = meta.get("pages") if isinstance(meta, dict) else None
    return pages if isinstance(pages, int) and not isinstance(pages, bool) else 1


def _status(item: Any) -> CustomStatus:
    if not isinstance(item, dict):
        raise BadReply(_("Callbell sent a custom status that is not an object."))
    status_id = expect(item.get("id"), str, N_("custom status id"), SERVICE)
    name = expect(item.get("name"), str, N_("custom status name"), SERVICE)
    emoji = item.get("emoji")
    return CustomStatus(id=status_id, name=name, emoji=emoji if isinstance(emoji, str) else "")


def _member_state(member: dict[str, Any]) -> CurrentStatus:
    available = member.get("available")
    if not isinstance(available, bool):
        raise BadReply(_("Callbell sent a team member without a valid availability."))
    custom = member.get("userCustomStatus")
    if custom is None:
        return CurrentStatus(availability=Availability.AVAILABLE if available else Availability.AWAY)
    status = _status(custom)
    return CurrentStatus(
        availability=Availability.AVAILABLE if available else Availability.AWAY,
        status_id=status.id,
        status_name=status.name,
        emoji=status.emoji,
        start=parse_time(custom.get("updatedAt")),  # when it was set (informational)
    )


_NO_EDIT = N_(
    "Callbell's API can only list and create custom statuses: rename or delete one in Callbell itself."
)


class CallbellBackend(HttpBackend):
    SERVICE = SERVICE
    capabilities = CAPABILITIES[ServiceKind.CALLBELL]

    def __init__(self, account: Account, secret: SecretGetter) -> None:
        super().__init__(account, secret)
        # Looked up once (no secret in them): the key's e-mail and the team where it was found.
        self._email: str | None = None
        self._team: str | None = None
        self._lookup_lock = threading.Lock()

    def _api_url(self) -> str:
        return (self.account.url or DEFAULT_URL).strip().rstrip("/")

    def _auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._token()}"}

    def _request(
        self, method: str, path: str, doing: str, not_found: str = "", **kwargs: Any
    ) -> httpx.Response:
        response = send(self.client, SERVICE, method, path, **kwargs)
        _raise_for_status(response, doing, not_found)
        return response

    def _get(self, path: str, doing: str, **kwargs: Any) -> dict[str, Any]:
        return _object(self._request("GET", path, doing, **kwargs))

    def _user_path(self) -> str:
        return f"/users/{quote(normalise_uuid(self.account.user), safe='')}/status"

    def _unknown_user(self) -> str:
        return _(
            "Callbell does not know the user uuid '{uuid}' in this account: check the uuid in the "
            "account settings. {how}."
        ).format(uuid=self.account.user.strip(), how=_(UUID_SOURCE))

    # ------------------------------------------------------------------ reading
    def _me(self) -> dict[str, Any]:
        me = self._get("/auth/me", _("check the API key"))
        email = me.get("user_email")
        if not isinstance(email, str) or "@" not in email:
            raise BadReply(_("Callbell sent a key owner without a valid e-mail address."))
        self._email = email.strip()
        return me

    def whoami(self) -> str:
        me = self._me()
        name = me.get("user_name")
        email = self._email or ""
        if isinstance(name, str) and name.strip():
            return f"{name.strip()} ({email})"
        return email

    def list_statuses(self) -> list[CustomStatus]:
        found: list[CustomStatus] = []
        page, pages = 1, 1
        while page <= pages and page <= _MAX_PAGES:
            params = {"page": page} if page > 1 else None
            body = self._get("/custom_statuses", _("list the custom statuses"), params=params)
            items = expect(body.get("customStatuses"), list, N_("list of custom statuses"), SERVICE)
            found.extend(_status(item) for item in items)
            pages = _pages(body)
            if not items:
                break
            page += 1
        return found

    def current(self) -> CurrentStatus:
        """The key owner's row in the team member lists, found by e-mail (members carry no uuid)."""
        with self._lookup_lock:
            if self._email is None:
                self._me()
            email = (self._email or "").casefold()
            if self._team is not None:
                member = self._find_in_team(self._team, email)
                if member is not None:
                    return _member_state(member)
                self._team = None  # moved to another team: search them all again
            for team in self._teams():
                member = self._find_in_team(team, email)
                if member is not None:
                    self._team = team
                    return _member_state(member)
        raise NotFound(
            _(
                "Callbell lists no team member with the e-mail {email}, so the current status "
                "cannot be read back (is the key's owner in a team?)."
            ).format(email=self._email)
        )

    def _teams(self) -> list[str]:
        uuids: list[str] = []
        page, pages = 1, 1
        while page <= pages and page <= _MAX_PAGES:
            body = self._get("/teams", _("list the teams"), params={"page": page})
            teams = expect(body.get("teams"), list, N_("list of teams"), SERVICE)
            for team in teams:
                if not isinstance(team, dict):
                    raise BadReply(_("Callbell sent a team that is not an object."))
                uuids.append(expect(team.get("uuid"), str, N_("team uuid"), SERVICE))
            pages = _pages(body)
            if not teams:
                break
            page += 1
        return uuids

    def _find_in_team(self, team: str, email: str) -> dict[str, Any] | None:
        page, pages = 1, 1
        while page <= pages and page <= _MAX_PAGES:
            body = self._get(
                f"/teams/{quote(team, safe='')}/members", _("list the team members"), params={"page": page}
            )
            users = expect(body.get("users"), list, N_("list of team members"), SERVICE)
            for user in users:
                if not isinstance(user, dict):
                    raise BadReply(_("Callbell sent a team member that is not an object."))
                address = user.get("email")
                if isinstance(address, str) and address.strip().casefold() == email:
                    return user
            pages = _pages(body)
            if not users:
                break
            page += 1
        return None

    # ------------------------------------------------------------------ writing
    def create_status(self, name: str, type: str = "", emoji: str = "") -> CustomStatus:
        name = name.strip()
        if name:
            # Callbell may accept two statuses with one name; the app picks statuses by name, so refuse.
            key = name.casefold()
            if any(s.name.strip().casefold() == key for s in self.list_statuses()):
                raise DuplicateName(
                    _("Callbell already has a custom status named '{name}'.").format(name=name)
                )
        body = {"name": name}
        if emoji.strip():  # not in the reference's request (replies carry it): the server may refuse it
            body["emoji"] = emoji.strip()
        try:
            response = self._request("POST", "/custom_statuses", _("create the custom status"), json=body)
        except ValidationError as exc:
            if "emoji" not in body or exc.field != "emoji":
                raise
            # Refused, so nothing was created: create it without the emoji. The caller sees the
            # missing emoji on the result and says so.
            del body["emoji"]
            response = self._request("POST", "/custom_statuses", _("create the custom status"), json=body)
        return _status(_object(response).get("customStatus"))

    def update_status(self, status: CustomStatus, name: str, type: str = "") -> CustomStatus:
        raise Unsupported(_(_NO_EDIT))

    def delete_status(self, status: CustomStatus) -> None:
        raise Unsupported(_(_NO_EDIT))

    def apply(self, change: StatusChange) -> None:
        path = self._user_path()
        if change.kind is ChangeKind.CLEAR:
            self._request("DELETE", path, _("clear your custom status"), not_found=self._unknown_user())
            return
        if change.kind is ChangeKind.AVAILABILITY:
            body: dict[str, Any] = {"available": _available(change.availability)}
            doing, not_found = _("set your availability"), self._unknown_user()
        else:
            status = change.status
            if status is None or not status.id:
                raise InputError(_("No Callbell custom status was given to apply."))
            body = {"custom_status_uuid": status.id}
            if change.availability is not None:
                body["available"] = _available(change.availability)
            doing = _("set your custom status")
            not_found = _(
                "Callbell found no user with the uuid '{uuid}' or no custom status '{status}' (it may "
                "have been deleted): check the uuid and refresh the statuses."
            ).format(uuid=self.account.user.strip(), status=status.name)
        reply = _object(self._request("PUT", path, doing, not_found=not_found, json=body))
        if not isinstance(reply.get("user_status"), dict):
            raise BadReply(_("Callbell confirmed the change without the user's new status."))

    def clear(self) -> None:
        self.apply(StatusChange(ChangeKind.CLEAR))

    def restore(self, state: CurrentStatus) -> None:
        body: dict[str, Any] = {"custom_status_uuid": state.status_id or None}
        if state.availability in (Availability.AVAILABLE, Availability.AWAY):
            body["available"] = state.availability is Availability.AVAILABLE
        reply = _object(
            self._request(
                "PUT",
                self._user_path(),
                _("restore your previous status"),
                not_found=self._unknown_user(),
                json=body,
            )
        )
        if not isinstance(reply.get("user_status"), dict):
            raise BadReply(_("Callbell confirmed the change without the user's new status."))

    def expected_current(self, previous: CurrentStatus | None, change: StatusChange) -> CurrentStatus:
        previous = previous or CurrentStatus()
        if change.kind is ChangeKind.CLEAR:
            return CurrentStatus(availability=previous.availability)
        if change.kind is ChangeKind.AVAILABILITY:
            return CurrentStatus(
                availability=change.availability,
                status_id=previous.status_id,
                status_name=previous.status_name,
                emoji=previous.emoji,
                start=previous.start,
            )
        status = change.status
        return CurrentStatus(
            availability=change.availability or previous.availability,
            status_id=status.id if status else None,
            status_name=status.name if status else None,
            emoji=status.emoji if status else "",
        )


def _available(availability: Availability | None) -> bool:
    if availability is Availability.AVAILABLE:
        return True
    if availability is Availability.AWAY:
        return False
    label = availability.label if availability else _("no availability")
    raise Unsupported(
        _("Callbell offers only Available and Away, not {availability}.").format(availability=label)
    )
