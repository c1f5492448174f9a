"""The app's messages in the user's language: the catalogue is found, the language is named as people
and Qt spell it, and a language without a catalogue falls back to English."""

from __future__ import annotations

import gettext
from collections.abc import Iterator

import pytest

from trayapp.core.i18n import _, current_language, locale_dir, set_languages, use_system_locale

CANNOT_REACH = "Cannot reach {service} at {host}."


@pytest.fixture(autouse=True)
def _environment_language() -> Iterator[None]:
    yield
    set_languages(None)


def test_the_compiled_catalogues_ship_inside_the_package() -> None:
    for language in ("de", "es", "fr", "it", "pt_BR"):
        assert (locale_dir() / language / "LC_MESSAGES" / "trayapp.mo").is_file(), language


@pytest.mark.parametrize(
    ("asked", "language", "text"),
    [
        (["pt-BR"], "pt_BR", "Não foi possível alcançar o {service} em {host}."),  # Qt's spelling
        (["pt_BR"], "pt_BR", "Não foi possível alcançar o {service} em {host}."),
        (["xx", "fr"], "fr", "Impossible de joindre {service} sur {host}."),  # the first one there is
        (["C"], "", CANNOT_REACH),
        (["xx"], "", CANNOT_REACH),  # no catalogue: the English source
    ],
)
def test_messages_follow_the_chosen_language(asked: list[str], language: str, text: str) -> None:
    set_languages(asked)
    assert current_language() == language
    assert _(CANNOT_REACH) == text


def test_the_environment_decides_when_nothing_was_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "de")
    set_languages(None)
    assert current_language() == "de"


def test_the_command_lines_own_words_are_translated_too(monkeypatch: pytest.MonkeyPatch) -> None:
    # argparse looks "usage: " up through gettext's global functions
    monkeypatch.setenv("LANGUAGE", "fr")
    before = gettext.textdomain()
    try:
        use_system_locale()
        assert gettext.gettext("usage: ") == "utilisation : "
    finally:
        gettext.textdomain(before)
