"""The command line in the user's language (LANG), with dates the way the locale writes them; LANG=C is
English. Run as a user runs it: `python -m trayapp` in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from trayapp.core.paths import AppPaths


def trayapp(lang: str, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", "trayapp", *argv], env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("C", "Say what to set: a status name, and/or --available, --away, --busy or --offline."),
        ("de_DE.UTF-8", "Sagen Sie, was gesetzt werden soll: einen Statusnamen und/oder --available"),
        ("fr_FR.UTF-8", "Dites quoi mettre : un nom de statut, et/ou --available"),
        ("pt_BR.UTF-8", "Diga o que definir: um nome de status e/ou --available"),
    ],
)
def test_a_usage_error_in_the_users_language(profile: AppPaths, lang: str, sentence: str) -> None:
    result = trayapp(lang, "set")
    assert result.returncode == 2
    assert result.stderr.startswith("trayapp: " + sentence), result.stderr


def test_argparse_speaks_the_language_too(profile: AppPaths) -> None:
    german = trayapp("de_DE.UTF-8", "--help")
    assert german.returncode == 0
    assert german.stdout.startswith("Aufruf: trayapp")
    assert "diese Hilfe anzeigen und beenden" in german.stdout
    assert "den aktuellen Status jedes Kontos zeigen" in german.stdout
    spanish = trayapp("es_ES.UTF-8", "bogus")
    assert spanish.returncode == 2
    assert "opción no válida: 'bogus'" in spanish.stderr and "(consulte «trayapp --help»)" in spanish.stderr
    assert "usage: trayapp" in trayapp("C", "--help").stdout


def test_dates_in_a_sentence_follow_the_locale(profile: AppPaths) -> None:
    # a moment long past: the date is written in full, with the locale's month name
    french = trayapp("fr_FR.UTF-8", "set", "Lunch", "--end", "2020-01-03T09:00")
    assert french.returncode == 2
    assert "L’heure de fin (03 janv. 2020 09:00) est déjà passée." in french.stderr, french.stderr
    german = trayapp("de_DE.UTF-8", "set", "Lunch", "--end", "2020-01-03T09:00")
    assert "Die Endzeit (03 Jan 2020 09:00) ist schon vorbei." in german.stderr, german.stderr
    english = trayapp("C.UTF-8", "set", "Lunch", "--end", "2020-01-03T09:00")
    assert "The end time (03 Jan 2020 09:00) has already passed." in english.stderr, english.stderr
