"""Smartsheet Resource Management (formerly 10,000ft): six fixed status codes; setting a status
creates a new entry in the user's status history, and the newest entry is the current one.

account.url = host (default https://api.rm.smartsheet.com, API under url + "/api/v1");
account.user = numeric RM user id; secret = organisation API token, sent in header `auth`."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

import httpx

from trayapp.backends import CAPABILITIES
from trayapp.backends.base import (
    HttpBackend,
    clean_token,
    expect,
    format_utc,
    json_body,
    make_client,
    parse_time,
    refusal,
    retry_after_from_reset,
    send,
    server_error,
    server_text,
    try_again,
    unexpected_status,
)
from trayapp.core.errors import (
    AuthError,
    BadReply,
    InputError,
    NotFound,
    PermissionDenied,
    RateLimited,
    TrayAppError,
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

SERVICE = "Smartsheet RM"
DEFAULT_URL = "https://api.rm.smartsheet.com"
EU_URL = "https://api.rm.smartsheet.eu"
PAGE_SIZE = 1000  # the documented maximum
_MAX_PAGES = 1000

# The six documented codes. Note OOO is "On the road", not "out of office" (that is OOF).
CODES: dict[str, str] = {
    "ITO": "In the office",
    "WFH": "Working from home",
    "SIC": "Sick",
    "OOO": "On the road",
    "VAC": "Vacation",
    "OOF": "Out of office",
}
_AVAILABLE_CODES = frozenset({"ITO", "WFH"})
# The vendor's docs index marks user statuses deprecated: an account without them answers 404 or 410.
NO_STATUSES = N_(
    "This Smartsheet RM account no longer offers user statuses (Smartsheet has retired them), "
    "so trayapp cannot read or set your status there."
)
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _api_url(url: str) -> str:
    return (url or DEFAULT_URL).strip().rstrip("/") + "/api/v1"


def _error_body(response: httpx.Response) -> dict[str, Any]:
    try:
        body = json_body(response, SERVICE)
    except BadReply:
        return {}
    return body if isinstance(body, dict) else {}


def _raise_for_status(response: httpx.Response, doing: str, not_found: str = "", field: str = "") -> None:
    code = response.status_code
    if code < 400:
        return
    if code == 401:
        raise AuthError(
            _(
                "Smartsheet RM rejected this account's API token: check it, or copy a current token from "
                "Settings → Developer API."
            )
        )
    if code == 429:
        retry_after = retry_after_from_reset(response, milliseconds=False)
        when = try_again(retry_after)
        raise RateLimited(
            _("Smartsheet RM is limiting requests with this token: try again {when}.").format(when=when),
            retry_after,
        )
    if code >= 500:
        raise server_error(response, SERVICE)
    body = _error_body(response)
    message = server_text(body.get("message"))
    errors = server_text(body.get("errors"))
    if code == 403:
        if errors or message:
            denied = _("Smartsheet RM refused to {doing}: this token is not allowed to do that ({reason}).")
        else:
            denied = _("Smartsheet RM refused to {doing}: this token is not allowed to do that.")
        raise PermissionDenied(denied.format(doing=doing, reason=errors or message))
    if code == 404:
        raise NotFound(
            not_found
            or _("Smartsheet RM found nothing to {doing} at this address: check the URL.").format(doing=doing)
        )
    if code in (400, 422):
        raise ValidationError(refusal(SERVICE, doing, errors or message), field=field)
    raise BadReply(unexpected_status(SERVICE, code, doing))


def _object(response: httpx.Response) -> dict[str, Any]:
    body = json_body(response, SERVICE)
    if not isinstance(body, dict):
        raise BadReply(_("Smartsheet RM sent a reply that is not a JSON object."))
    return body


def _next_params(body: dict[str, Any]) -> list[tuple[str, str]] | None:
    """The query of paging.next, to be sent again on our own path (`next` is relative to the host
    root and would lose a path prefix such as a proxy's); None when there is no next page."""
    paging = body.get("paging")
    following = paging.get("next") if isinstance(paging, dict) else None
    if not isinstance(following, str) or not following:
        return None
    params = [(k, v) for k, v in parse_qsl(urlsplit(following).query) if k != "auth"]
    return params or None


class _StatusesGone(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _pages(
    client: httpx.Client, path: str, doing: str, not_found: str = "", gone: bool = False
) -> list[dict[str, Any]]:
    """Every item of a paged collection, following paging.next to the end. With `gone`, a 404 or 410
    raises _StatusesGone for the caller to tell a retired endpoint from an unknown user."""
    items: list[dict[str, Any]] = []
    params: list[tuple[str, str]] | None = [("per_page", str(PAGE_SIZE))]
    seen: set[tuple[tuple[str, str], ...]] = set()
    for _page in range(_MAX_PAGES):
        if params is None:
            break
        key = tuple(sorted(params))
        if key in seen:  # a server pointing `next` at a page already read: stop rather than loop
            break
        seen.add(key)
        response = send(client, SERVICE, "GET", path, params=params)
        if gone and response.status_code in (404, 410):
            raise _StatusesGone(response.status_code)
        _raise_for_status(response, doing, not_found)
        body = _object(response)
        page = expect(body.get("data"), list, N_("list of results"), SERVICE)
        for item in page:
            if not isinstance(item, dict):
                raise BadReply(_("Smartsheet RM sent a list entry that is not an object."))
            items.append(item)
        params = _next_params(body) if page else None
    return items


def _user_label(user: dict[str, Any]) -> str:
    display = user.get("display_name")
    if isinstance(display, str) and display.strip():
        return display.strip()
    parts = [user.get("first_name"), user.get("last_name")]
    name = " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())
    email = user.get("email")
    return name or (email.strip() if isinstance(email, str) else "")


def _user_id(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).strip():
        raise BadReply(_("Smartsheet RM sent a user without a valid id."))
    return str(value).strip()


def find_user_id(url: str, token: str, email: str) -> tuple[str, str]:
    """(user id, display name) of the organisation's user with this e-mail (case-insensitive)."""
    wanted = email.strip().casefold()
    if "@" not in wanted:
        raise InputError(_("'{email}' is not an e-mail address.").format(email=email.strip()))
    clean = clean_token(token, SERVICE)
    with make_client(_api_url(url), lambda: {"auth": clean}) as client:
        users = _pages(client, "/users", _("list the users"))
    for user in users:
        address = user.get("email")
        if isinstance(address, str) and address.strip().casefold() == wanted:
            return _user_id(user.get("id")), _user_label(user) or address.strip()
    raise NotFound(
        _(
            "Smartsheet RM has no active user with the e-mail {email} in this organisation: "
            "check the address, or enter the numeric user id instead."
        ).format(email=email.strip())
    )


def _code_of(status: CustomStatus) -> str:
    for candidate in (status.type, status.id, status.name):
        code = candidate.strip().upper()
        if code in CODES:
            return code
    by_name = {name.casefold(): code for code, name in CODES.items()}
    code = by_name.get(status.name.strip().casefold(), "")
    if not code:
        raise InputError(
            _("'{status}' is not a Smartsheet RM status (it offers {codes}).").format(
                status=status.name, codes=", ".join(CODES)
            )
        )
    return code


def _availability(code: str) -> Availability:
    return Availability.AVAILABLE if code in _AVAILABLE_CODES else Availability.AWAY


class SmartsheetBackend(HttpBackend):
    SERVICE = SERVICE
    capabilities = CAPABILITIES[ServiceKind.SMARTSHEET]

    def __init__(
        self, account: Account, secret: SecretGetter, *, available_code: str = "ITO", away_code: str = "OOF"
    ) -> None:
        super().__init__(account, secret)
        for code in (available_code, away_code):
            if code not in CODES:
                raise InputError(
                    _("'{code}' is not a Smartsheet RM status code ({codes}).").format(
                        code=code, codes=", ".join(CODES)
                    )
                )
        self._codes = {Availability.AVAILABLE: available_code, Availability.AWAY: away_code}

    def _api_url(self) -> str:
        return _api_url(self.account.url)

    def _auth_headers(self) -> dict[str, str]:
        return {"auth": self._token()}

    def _user_path(self) -> str:
        user = self.account.user.strip()
        if not user:
            raise InputError(_("This Smartsheet RM account has no user id: add it in the account settings."))
        return f"/users/{quote(user, safe='')}"

    def _unknown_user(self) -> str:
        return _(
            "Smartsheet RM has no user with the id {user}: check the user id in the account settings."
        ).format(user=self.account.user.strip())

    # ------------------------------------------------------------------ reading
    def whoami(self) -> str:
        response = send(self.client, SERVICE, "GET", self._user_path())
        _raise_for_status(response, _("read your user"), self._unknown_user())
        user = _object(response)
        label = _user_label(user)
        if not label:
            raise BadReply(_("Smartsheet RM sent a user without a name or e-mail address."))
        return label

    def list_statuses(self) -> list[CustomStatus]:
        return [CustomStatus(id=code, name=name, type=code) for code, name in CODES.items()]

    def _statuses_gone(self, code: int) -> TrayAppError:
        """A 410, or a 404 for a user who exists: the statuses endpoint itself is gone. Unsupported is
        never retried or kept for later, unlike an outage; a 404 for an unknown user stays NotFound."""
        if code == 404:
            response = send(self.client, SERVICE, "GET", self._user_path())
            if response.status_code == 404:
                return NotFound(self._unknown_user())
            _raise_for_status(response, _("read your user"), self._unknown_user())
        return Unsupported(_(NO_STATUSES))

    def current(self) -> CurrentStatus:
        """The newest entry of the history by created_at, then id (the order of the list is undocumented)."""
        try:
            entries = _pages(self.client, self._user_path() + "/statuses", _("read your statuses"), gone=True)
        except _StatusesGone as gone:
            raise self._statuses_gone(gone.code) from None
        if not entries:
            return CurrentStatus()

        def newest(entry: dict[str, Any]) -> tuple[datetime, int]:
            created = parse_time(entry.get("created_at")) or _EPOCH
            entry_id = entry.get("id")
            return created, entry_id if isinstance(entry_id, int) and not isinstance(entry_id, bool) else -1

        entry = max(entries, key=newest)
        code = entry.get("status")
        if not isinstance(code, str) or not code.strip():
            raise BadReply(_("Smartsheet RM sent a status entry without a status code."))
        code = code.strip().upper()
        message = entry.get("message")
        return CurrentStatus(
            availability=_availability(code),
            status_id=code,
            status_name=CODES.get(code, code),
            message=message if isinstance(message, str) and message else None,
            start=parse_time(entry.get("start")),
            end=parse_time(entry.get("end")),
        )

    # ------------------------------------------------------------------ writing
    def create_status(self, name: str, type: str = "", emoji: str = "") -> CustomStatus:
        raise Unsupported(
            _("Smartsheet RM has a fixed set of statuses ({statuses}); new ones cannot be created.").format(
                statuses=", ".join(CODES.values())
            )
        )

    def _body(self, change: StatusChange) -> dict[str, str]:
        if change.kind is ChangeKind.CLEAR:
            return {"status": self._codes[Availability.AVAILABLE]}
        if change.kind is ChangeKind.AVAILABILITY:
            code = self._codes.get(change.availability) if change.availability else None
            if code is None:
                label = change.availability.label if change.availability else _("no availability")
                raise Unsupported(
                    _("Smartsheet RM offers only Available and Away, not {availability}.").format(
                        availability=label
                    )
                )
        elif change.status is None:
            raise InputError(_("No Smartsheet RM status was given to apply."))
        else:
            code = _code_of(change.status)
        body = {"status": code}
        if change.message is not None:
            body["message"] = change.message
        if change.start is not None:
            body["start"] = format_utc(change.start)
        if change.end is not None:
            body["end"] = format_utc(change.end)
        return body

    def update_status(self, status: CustomStatus, name: str, type: str = "") -> CustomStatus:
        raise Unsupported(_("Smartsheet RM has a fixed set of statuses; they cannot be changed or deleted."))

    def delete_status(self, status: CustomStatus) -> None:
        raise Unsupported(_("Smartsheet RM has a fixed set of statuses; they cannot be changed or deleted."))

    def apply(self, change: StatusChange) -> None:
        # Form fields, as the reference documents for this POST ("-d 'status=OOO'"), not JSON.
        response = send(
            self.client, SERVICE, "POST", self._user_path() + "/statuses", data=self._body(change)
        )
        if response.status_code in (404, 410):
            raise self._statuses_gone(response.status_code)
        _raise_for_status(response, _("set your status"), self._unknown_user(), field="status")
        created = _object(response)
        if not isinstance(created.get("status"), str):
            raise BadReply(_("Smartsheet RM confirmed the change without the new status entry."))

    def clear(self) -> None:
        self.apply(StatusChange(ChangeKind.CLEAR))

    def restore(self, state: CurrentStatus) -> None:
        code = state.status_id if state.status_id in CODES else "ITO"
        status = CustomStatus(id=code, name=CODES[code], type=code)
        self.apply(StatusChange(ChangeKind.CUSTOM, status=status, message=state.message or ""))

    def expected_current(self, previous: CurrentStatus | None, change: StatusChange) -> CurrentStatus:
        body = self._body(change)
        code = body["status"]
        return CurrentStatus(
            availability=_availability(code),
            status_id=code,
            status_name=CODES[code],
            message=body.get("message") or None,
            start=change.start if change.kind is not ChangeKind.CLEAR else None,
            end=change.end if change.kind is not ChangeKind.CLEAR else None,
        )
