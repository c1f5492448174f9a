"""Every failure a user can meet, as one exception tree.

`str(error)` is a complete, user-facing sentence. Backends build messages from status codes and the
server's own validation text, never from request headers or bodies they sent; a server may still echo a
request back in its text, so every message passes through the one redaction when it is made.
"""

from __future__ import annotations

from trayapp.core.i18n import _
from trayapp.core.redaction import redact


class TrayAppError(Exception):
    """Base class; the message is shown to the user as is."""

    def __init__(self, message: str) -> None:
        message = redact(message)
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(TrayAppError):
    """The user's own input is invalid (caught before any request). `field` names the input it concerns
    ("name", "url", "user", "token"; "" when none), so a form can show it there in any language."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class ConfigError(TrayAppError):
    """A settings, cache or schedule file could not be read or written."""


class AccountNotFound(TrayAppError):
    pass


class KeyringUnavailable(TrayAppError):
    """No usable OS keyring (fail/null backend, plaintext backend, no D-Bus...)."""


class KeyringLocked(TrayAppError):
    """The keyring exists but is locked, or the unlock prompt was dismissed."""


class ServiceError(TrayAppError):
    """A service answered with an error, or could not be reached."""


class AuthError(ServiceError):
    """Bad, expired or revoked credentials: the account is signed out."""


class TwoFactorRequired(AuthError):
    """The server wants a two-factor code. `method` is the server's name for where the code comes from
    ("totp": an authenticator app, "email": a mailed code; "" when it named none); `prompt` is the
    label to ask for it with."""

    def __init__(self, message: str, method: str = "", prompt: str = "") -> None:
        super().__init__(message)
        self.method = method
        self.prompt = prompt or _("Two-factor code")


class PermissionDenied(ServiceError):
    """Credentials are fine, but the user may not do this."""


class NotFound(ServiceError):
    pass


class ValidationError(ServiceError):
    """The server refused the input. `field` names what it concerns (name, type, emoji, status...)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class DuplicateName(ValidationError):
    def __init__(self, message: str) -> None:
        super().__init__(message, field="name")


class RateLimited(ServiceError):
    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ServiceUnavailable(ServiceError):
    """Unreachable, timed out, reset, or a 5xx answer: worth retrying later."""


class CertificateError(ServiceError):
    """TLS trust failed: the server's certificate is not trusted, or SSL_CERT_FILE/SSL_CERT_DIR cannot be
    read. Not an outage: a change is not kept and retried for it, since retrying cannot help."""


class BadReply(ServiceError):
    """The server answered something we cannot understand (not JSON, wrong shape...)."""


class Unsupported(TrayAppError):
    """The service has no such feature (e.g. creating statuses on Smartsheet RM)."""
