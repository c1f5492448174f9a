"""Switches for behaviour that real servers vary (version, workspace settings) or that the docs leave open."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal

RcVersion = Literal["v6", "v7", "v8", "future"]  # v8: 8.6+ (presence claims, expiresAt)
RcTwoFactorShape = Literal["documented", "login"]
CbDeletePaths = Literal["both", "plural", "singular"]


@dataclass
class DemoSettings:
    # Rocket.Chat
    rc_version: RcVersion = "v8"  # 401 and login bodies, setStatus "unauthorized" code, limiter order
    rc_allow_invisible: bool = True  # Accounts_AllowInvisibleStatusOption
    rc_allow_message_change: bool = True  # Accounts_AllowUserStatusMessageChange
    rc_rate_limit: int = 10  # calls per window per (ip, route, method); 0 disables the limiter
    rc_rate_limit_admins: bool = False  # admins are exempt (api-bypass-rate-limit) unless this is on
    rc_rate_window: float = 60.0  # seconds
    rc_login_token_ttl_days: float = 90.0  # Accounts_LoginExpiration; read at check time
    # A login that needs a two-factor code: "documented" is the envelope of the OpenAPI's 2FA section
    # ({"errorType": "totp-required", "error": "TOTP Required [totp-required]"}), "login" the login
    # route's older {"error": "totp-required", "message": "TOTP Required"}.
    rc_login_2fa_shape: RcTwoFactorShape = "documented"
    # Callbell
    cb_unique_names: bool = False
    cb_unknown_status_code: int = 404  # unknown custom_status_uuid on PUT /users/:uuid/status (404 | 422)
    cb_delete_status_code: int = 200  # DELETE /users/:uuid/status (200 | 204)
    cb_delete_paths: CbDeletePaths = "both"  # which custom-status DELETE path exists
    cb_refuse_emoji: bool = False  # POST /custom_statuses refuses "emoji" (not in the reference's request)
    # Smartsheet RM
    ss_accept_lowercase: bool = False
    ss_restricted_token: bool = False  # the token may read but not post statuses (403)
    ss_statuses_gone: int = 0  # 404 or 410: the (deprecated) user-statuses endpoint is switched off

    def restore_defaults(self) -> None:
        """In place, so every holder of this object sees the reset."""
        for item in fields(self):
            setattr(self, item.name, item.default)

    def update(self, values: dict[str, Any]) -> None:
        """Set switches from JSON (control endpoint); unknown names or wrong types raise ValueError."""
        known = {item.name: item for item in fields(self)}
        for name, value in values.items():
            if name not in known:
                raise ValueError(f"unknown setting {name!r}")
            default = known[name].default
            if isinstance(default, bool) != isinstance(value, bool) or not isinstance(
                value, (type(default), int) if isinstance(default, float) else type(default)
            ):
                raise ValueError(f"setting {name!r} has the wrong type")
            if name in _CHOICES and value not in _CHOICES[name]:
                raise ValueError(f"setting {name!r} must be one of {_CHOICES[name]}")
            setattr(self, name, value)


_CHOICES: dict[str, tuple[object, ...]] = {
    "rc_version": ("v6", "v7", "v8", "future"),
    "rc_login_2fa_shape": ("documented", "login"),
    "cb_unknown_status_code": (404, 422),
    "cb_delete_status_code": (200, 204),
    "cb_delete_paths": ("both", "plural", "singular"),
    "ss_statuses_gone": (0, 404, 410),
}
