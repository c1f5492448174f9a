"""The GUI in the user's language: trayapp's catalogue and Qt's own for the dialogs, dates and times
written the locale's way, and a right-to-left layout for a right-to-left language."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from tests.qt.conftest import find, start_tray_and_look
from trayapp.core.timetext import local_time
from trayapp.qt.app import TrayApp
from trayapp.qt.dialogs import CreateStatusDialog
from trayapp.qt.i18n import install_translators, moment_text


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Callable[[str], list[str]]]:
    """Switch the running GUI to a locale (as a user's LANG would at start); back to C after."""

    def switch(name: str) -> list[str]:
        return install_translators(qapp, QLocale(name))

    yield switch
    install_translators(qapp, QLocale(QLocale.Language.C))


def open_create(qtbot: QtBot, app: TrayApp, menu_text: str) -> CreateStatusDialog:
    find(app.tray.menu, menu_text).trigger()
    qtbot.waitUntil(lambda: "create" in app.dialogs and app.dialogs["create"].isVisible())
    dialog = app.dialogs["create"]
    assert isinstance(dialog, CreateStatusDialog)
    return dialog


def form_labels(dialog: CreateStatusDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None]


@pytest.mark.parametrize(
    ("locale", "title", "labels", "cancel"),
    [
        ("de_DE", "Neuer Status", ["&Name", "Nach&richt", "Be&ginn", "&Ende"], "Abbrechen"),
        ("fr_FR", "Nouveau statut", ["&Nom", "&Message", "Déb&ut", "&Fin"], "Annuler"),
    ],
)
def test_the_new_status_dialog_speaks_the_users_language(
    qtbot: QtBot,
    tray_app: TrayApp,
    language: Callable[[str], list[str]],
    locale: str,
    title: str,
    labels: list[str],
    cancel: str,
) -> None:
    loaded = language(locale)
    assert f"trayapp_{locale[:2]}" in loaded and f"qtbase_{locale[:2]}" in loaded
    dialog = CreateStatusDialog(tray_app.controller)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == title
    assert set(labels) <= set(form_labels(dialog))
    # Qt's own button text comes from Qt's catalogue for the same language
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == cancel
    # the date field writes the weekday and date as the locale does
    shown = dialog.times.start_edit.text()
    day = dialog.times.start_edit.date().dayOfWeek()
    weekday = QLocale(locale).dayName(day, QLocale.FormatType.ShortFormat)
    assert shown.startswith(weekday), shown
    # service names stay as they are
    assert any("Rocket.Chat" in text for text in form_labels(dialog))


def test_times_follow_the_locale_12_or_24_hours_and_the_c_locale_is_the_clis() -> None:
    now = datetime(2026, 12, 2, 9, 0).astimezone()
    evening = now.replace(hour=20, minute=30)
    friday = now + timedelta(days=2, hours=11)  # Friday 20:00
    later = now.replace(month=12, day=24, hour=8)
    try:
        QLocale.setDefault(QLocale(QLocale.Language.C))
        assert moment_text(evening, now) == local_time(evening, now) == "20:30"
        assert moment_text(friday, now) == local_time(friday, now)
        QLocale.setDefault(QLocale("en_US"))
        assert moment_text(evening, now).replace("\u202f", " ") == "8:30 PM"
        QLocale.setDefault(QLocale("de_DE"))
        assert moment_text(evening, now) == "20:30"
        assert moment_text(friday, now) == "Fr. 20:00"
        assert moment_text(later, now) == "24.12. 08:00"
        QLocale.setDefault(QLocale("fr_FR"))
        assert moment_text(friday, now) == "ven. 20:00"
        assert moment_text(later.replace(year=2027), now) == "24/12/2027 08:00"
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.C))


def test_a_right_to_left_language_mirrors_the_layout(
    qtbot: QtBot, tray_app: TrayApp, language: Callable[[str], list[str]]
) -> None:
    language("ar_EG")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    dialog = CreateStatusDialog(tray_app.controller)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.isRightToLeft()
    # the form's labels sit right of their fields
    name_label = next(label for label in dialog.findChildren(QLabel) if label.buddy() is dialog.name)
    label_x = name_label.mapTo(dialog, name_label.rect().topLeft()).x()
    assert label_x > dialog.name.mapTo(dialog, dialog.name.rect().topLeft()).x()
    language("de_DE")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("de_DE", ["bis 13:00", "bis morgen 09:00", "bis Freitag", "bis heute Abend"]),
        ("fr_FR", ["jusqu’à 13:00", "jusqu’à demain 09:00", "jusqu’à vendredi", "jusqu’à ce soir"]),
        (
            "es_ES",
            ["hasta las 13:00", "hasta mañana a las 9:00", "hasta el viernes", "hasta el final del día"],
        ),
    ],
)
def test_until_is_said_in_the_users_language(
    language: Callable[[str], list[str]], locale: str, expected: list[str]
) -> None:
    from trayapp.qt.menu import format_until

    language(locale)
    now = datetime(2026, 3, 4, 12, 0).astimezone()  # a Wednesday
    said = [
        format_until(now + timedelta(hours=1), now),
        format_until(now.replace(day=5, hour=9), now),
        format_until(now.replace(day=6, hour=23, minute=59), now),
        format_until(now.replace(hour=23, minute=59), now),
    ]
    assert said == expected


@pytest.mark.parametrize("lang", ["ar_EG.UTF-8", "ur_PK.UTF-8"])  # Urdu: no Qt catalogue says "RTL"
def test_the_tray_started_in_a_right_to_left_language_opens_mirrored(tmp_path: Path, lang: str) -> None:
    # The real start (trayapp.qt.app.run): the first start's Accounts dialog and the tray's menu are
    # laid out right to left, though the tray asks for the direction behind its icon.
    seen = start_tray_and_look(tmp_path, {"LANG": lang, "LC_ALL": lang})
    assert (seen["app_rtl"], seen["dialogs_rtl"], seen["menus_rtl"]) == (True, [True], [True])
