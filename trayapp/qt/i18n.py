"""The GUI in the user's language and locale: Qt's translator, QLocale dates and times, RTL layout.

Strings: every user-visible GUI string goes through `tr(context, text)` (QCoreApplication.translate),
one context per module ("menu", "dialogs"...), so a translator sees where a text appears. Texts
defined at import time are marked with `N_(context, text)` and translated where shown with
`tr(context, text)`. Placeholders are `str.format` names ("{name}"), never positional, so a
translation may reorder them; never call tr() inside an f-string (lupdate cannot see it there).

Counts use Qt's plural forms, `tr("menu", "Keep %n min longer", None, 15)`, with the disambiguation
and the count passed by position. PySide6's `pyside6-lupdate` (6.10) marks a message as a plural only
when the count is a literal number; for a count known only at run time, word the text so that it
needs no plural form ("All statuses ({count})…").

Never translated: service texts (status names, a server's error sentence), account names, service
names (Rocket.Chat, Callbell, Smartsheet RM).

Catalogues: i18n/qt/trayapp_<lang>.ts in the repository, built with `pyside6-lrelease` into
trayapp/resources/i18n/trayapp_<lang>.qm when the wheel is built. trayapp_en.qm holds only the English
plural forms. Qt's own texts (the date editor, standard buttons) come from PySide6's qtbase_<lang>.qm.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication

from trayapp.core import i18n as core_i18n
from trayapp.core.timetext import local_time

if TYPE_CHECKING:
    from PySide6.QtCore import Qt  # PySide builds the whole Qt namespace on first touch (~20 ms)

log = logging.getLogger(__name__)

CATALOGUE = "trayapp"
_installed: list[QTranslator] = []  # kept alive: Qt does not own an installed translator


def tr(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the user's language; with `n` >= 0, the plural form for n ("%n" becomes n)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def N_(context: str, text: str) -> str:
    """Marks `text` for the catalogue without translating it (a module-level table); `tr` it where
    it is shown."""
    return text


def catalogue_dir() -> Path:
    return Path(str(resources.files("trayapp.resources"))) / "i18n"


def qt_translations_dir() -> str:
    """Qt's own catalogues: where QLibraryInfo says, else PySide6's folder (a PyInstaller bundle)."""
    configured = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if configured and any(Path(configured).glob("qtbase_*.qm")):
        return configured
    import PySide6

    return str(Path(PySide6.__file__).parent / "Qt" / "translations")


def install_translators(
    app: QCoreApplication | None = None, locale: QLocale | None = None, *, direction: bool = True
) -> list[str]:
    """Load Qt's own and trayapp's catalogues for the user's locale (QLocale.system() unless given),
    make it the default QLocale, hand the same languages to the core's gettext, and lay the GUI out
    right to left for a right-to-left language. Returns the catalogues loaded (for the log).

    `direction=False` leaves the layout direction to a later `set_layout_direction()` (the tray
    calls it right behind its icon: asking the locale for it costs about 20 ms the first time).

    Called again with another locale, it replaces the previous translators."""
    app = app or QCoreApplication.instance()
    locale = locale or QLocale.system()
    QLocale.setDefault(locale)
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    loaded: list[str] = []
    english = locale.language() in (QLocale.Language.C, QLocale.Language.English)
    candidates: list[tuple[str, str]] = [
        # Qt's own texts (QDialogButtonBox, the date editor's calendar, context menus of line edits)
        ("qtbase", qt_translations_dir()),
        (CATALOGUE, str(catalogue_dir())),
    ]
    # English plural forms first: a translator installed later is asked first.
    base = QTranslator(app)
    if base.load(f"{CATALOGUE}_en", str(catalogue_dir())):
        QCoreApplication.installTranslator(base)
        _installed.append(base)
        loaded.append(f"{CATALOGUE}_en")
    if not english:
        for name, directory in candidates:
            translator = QTranslator(app)
            if translator.load(locale, name, "_", directory):
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)
                loaded.append(Path(translator.filePath()).stem)
    core_i18n.set_languages(
        [] if locale.language() == QLocale.Language.C else [*locale.uiLanguages(), "en"]
    )
    if direction:
        set_layout_direction(app, locale)
    log.info("Locale %s, catalogues: %s", locale.name(), ", ".join(loaded) or "none")
    return loaded


# ------------------------------------------------------------------------------- dates and times

_THIS_WEEK = timedelta(days=6)


def _without_year(date_format: str) -> str:
    """A locale's short date format without its year ("dd.MM.yy" -> "dd.MM.", "M/d/yy" -> "M/d",
    "yyyy/MM/dd" -> "MM/dd")."""
    found = re.search(r"([^dMy]*)y+([^dMy]*)", date_format)
    if found is None:
        return date_format
    before, after = date_format[: found.start()], date_format[found.end() :]
    if not after:  # the year last: keep a German/Hebrew "." after the month, drop "/" or " "
        out = before + ("." if found.group(1).strip("\u200f ") == "." else "")
    elif not before:
        out = after
    else:
        out = before + found.group(1) + after
    return out.strip("\u200f ")


def moment_text(moment: datetime, now: datetime, *, seconds: bool = False) -> str:
    """A moment as the user's locale writes it, with just enough date to be unambiguous: the time
    today, the weekday and time within the coming six days, the date (and year if not this year)
    otherwise. In the C locale (LANG=C) this is exactly trayapp.core.timetext.local_time, as the CLI
    writes it."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return local_time(moment, now, seconds=seconds)
    local, local_now = moment.astimezone(), now.astimezone()
    when = QDateTime.fromSecsSinceEpoch(int(local.timestamp()))
    clock = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if seconds:
        clock = clock.replace("mm", "mm:ss", 1)
    if local.date() == local_now.date():
        fmt = clock
    elif timedelta(0) < local - local_now < _THIS_WEEK:
        fmt = f"ddd {clock}"
    else:
        date_format = locale.dateFormat(QLocale.FormatType.ShortFormat)
        if local.year == local_now.year:
            date_format = _without_year(date_format)
        fmt = f"{date_format} {clock}"
    return locale.toString(when, fmt)


def clock_text(moment: datetime) -> str:
    """The time of day as the user's locale writes it ("14:30", "2:30 PM")."""
    when = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    locale = QLocale()
    return locale.toString(when, locale.timeFormat(QLocale.FormatType.ShortFormat))


def date_text(moment: datetime, *, with_year: bool) -> str:
    """The date as the user's locale writes it, short, with the year only when asked."""
    when = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    locale = QLocale()
    date_format = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return locale.toString(when, date_format if with_year else _without_year(date_format))


def weekday_name(iso_weekday: int) -> str:
    """The locale's full name of a weekday (1 = Monday ... 7 = Sunday)."""
    return QLocale().dayName(iso_weekday, QLocale.FormatType.LongFormat)


def first_day_of_week() -> int:
    """The locale's first day of the week, ISO numbered (Monday 1 ... Sunday 7)."""
    return QLocale().firstDayOfWeek().value


def layout_direction() -> Qt.LayoutDirection:
    return QLocale().textDirection()


def set_layout_direction(app: QCoreApplication | None = None, locale: QLocale | None = None) -> None:
    """Right to left where the locale (the default QLocale unless given) reads so. The answer's type
    is in PySide's Qt namespace, which PySide builds whole when it is first touched."""
    app = app or QCoreApplication.instance()
    if isinstance(app, QGuiApplication):
        app.setLayoutDirection((locale or QLocale()).textDirection())
