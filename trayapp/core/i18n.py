"""The core's and the command line's messages in the user's language: GNU gettext (stdlib `gettext`).

The core stays Qt-free, so its sentences (errors, results, schedule events) and the CLI's are gettext
messages; the GUI's own strings go through Qt's translator (trayapp.qt.i18n). The catalogues are
i18n/po/<lang>.po in the repository, compiled to trayapp/resources/locale/<lang>/LC_MESSAGES/trayapp.mo
when the wheel is built (scripts/i18n.py build).

The language is the environment's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as gettext reads them):
`LANG=C` gives the English source text. The GUI hands over Qt's idea of the user's languages
(set_languages), which on Windows and macOS is the system setting rather than the environment.

Mark strings with `_()` where they are shown, `N_()` where they are defined at import (translated later
with `_()`), and `ngettext()` for counts. Service texts (status names, a server's own error message) are
never passed through these.
"""

from __future__ import annotations

import contextlib
import gettext as _gettext
import locale
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

DOMAIN = "trayapp"
_translation: _gettext.NullTranslations | None = None
_languages: list[str] | None = None


def locale_dir() -> Path:
    """Where the compiled catalogues are (inside the package: wheel, bundle or editable checkout)."""
    return Path(str(resources.files("trayapp.resources"))) / "locale"


def set_languages(languages: Sequence[str] | None) -> None:
    """Use these languages, best first ("de-DE", "de"; Qt's spelling is accepted); None: the
    environment's. Takes effect for every message translated from now on."""
    global _languages, _translation
    _languages = [code.replace("-", "_") for code in languages] if languages is not None else None
    _translation = None


def translation() -> _gettext.NullTranslations:
    global _translation
    if _translation is None:
        _translation = _gettext.translation(
            DOMAIN, str(locale_dir()), languages=_languages, fallback=True
        )
    return _translation


def _(message: str) -> str:
    return translation().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translation().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a string for extraction without translating it yet (module-level tables)."""
    return message


def current_language() -> str:
    """The catalogue in use ("de", "pt_BR"), "" for the English source."""
    info = translation().info()
    return info.get("language", "") if isinstance(translation(), _gettext.GNUTranslations) else ""


def use_system_locale() -> None:
    """For the command line: the user's locale for dates and times written by strftime (weekday and
    month names, 12 or 24 hours). Qt does this itself; the CLI calls it at start. A locale the system
    lacks (not generated) leaves the C locale: English names, which is what `LANG=C` means anyway."""
    with contextlib.suppress(locale.Error):
        locale.setlocale(locale.LC_TIME, "")
    # argparse's own words ("usage:", "options", "the following arguments are required") are looked up
    # with gettext's global functions: make trayapp's catalogue that global one (trayapp/cli/usage.py
    # marks those texts for it).
    _gettext.bindtextdomain(DOMAIN, str(locale_dir()))
    _gettext.textdomain(DOMAIN)
