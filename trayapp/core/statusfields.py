"""Checks of a new custom status's type and emoji, made before any request is sent."""

from __future__ import annotations

from trayapp.core.errors import InputError
from trayapp.core.i18n import _

RC_STATUS_TYPES = ("online", "busy", "away", "offline")  # Rocket.Chat's statusType, lower case only


def check_status_type(text: str) -> str:
    """A Rocket.Chat status type, in the lower case the server accepts."""
    value = text.strip().lower()
    if value not in RC_STATUS_TYPES:
        raise InputError(
            _("'{text}' is not a Rocket.Chat status type: use {types} or {last}.").format(
                text=text, types=", ".join(RC_STATUS_TYPES[:-1]), last=RC_STATUS_TYPES[-1]
            )
        )
    return value


def check_emoji(text: str) -> str:
    """Exactly one emoji (Callbell stores the character), given as itself or as a :shortcode:."""
    import emoji  # its tables take ~60 ms to load: only when a status is being created

    value = text.strip()
    if value.startswith(":") and value.endswith(":"):
        value = emoji.emojize(value, language="alias")
    if not emoji.is_emoji(value):
        raise InputError(
            _(
                "'{text}' is not an emoji: give one emoji such as 🍙, or its shortcode such as :rice_ball:."
            ).format(text=text)
        )
    return value
