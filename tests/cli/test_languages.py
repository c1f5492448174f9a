"""The command line in the user's language (LANG), with dates the way the locale writes them; LANG=C is
English. Run as a user runs it: `python -m trayapp` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.cli.conftest import Trayapp
from trayapp.core.paths import AppPaths
from trayapp.demo.server import DemoServer
from trayapp.preflight import EXIT_CANNOT_START


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


# ---- the doctor, the services' refusals, the start-up check: what used to stay English -------------


@pytest.fixture
def german(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Trayapp:
    """`trayapp ARGS` in a new process under LANG=de_DE.UTF-8, the three demo accounts added."""
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    run: Trayapp = request.getfixturevalue("trayapp")
    return run


@pytest.fixture
def french(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Trayapp:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    run: Trayapp = request.getfixturevalue("trayapp")
    return run


def test_a_service_refusal_is_said_in_the_users_language_with_the_servers_own_words_as_sent(
    german: Trayapp, demo: DemoServer
) -> None:
    demo.set_fault("401", service="rocketchat", count=1)
    refused = german("set", "--away")
    assert refused.code == 1
    assert (
        "trayapp: rocket: Rocket.Chat hat das Token dieses Kontos abgelehnt (falsch, abgelaufen oder "
        "widerrufen): Prüfen Sie es, oder erstellen Sie ein neues persönliches Zugriffstoken" in refused.err
    ), refused.err
    assert "callbell: Abwesend" in refused.out  # the other accounts' results, in German too
    demo.set_fault("403", service="callbell", count=1)
    denied = german("set", "--available")
    # trayapp's sentence in German; "Forbidden" is what the (demo) server said, shown as sent
    assert (
        "trayapp: callbell: Callbell hat abgelehnt, Ihre Verfügbarkeit zu setzen: Dieser API-Schlüssel "
        "darf das nicht (Forbidden)." in denied.err
    ), denied.err


def test_a_rate_limit_says_when_to_try_again_in_french(french: Trayapp, demo: DemoServer) -> None:
    demo.set_fault("429", service="smartsheet", count=10, delay=3)
    limited = french("set", "--away", "--account", "smartsheet")
    assert limited.code == 75
    assert "Smartsheet RM limite les requêtes avec ce jeton : réessayez dans " in limited.err, limited.err


def test_doctor_speaks_german(german: Trayapp, demo: DemoServer) -> None:
    lines = german("doctor").out.splitlines()
    assert (
        "OK       Start bei der Anmeldung: aus („trayapp autostart on“ startet trayapp bei der Anmeldung)"
        in (lines)
    ), lines
    rocket = next(line for line in lines if "rocket:" in line)
    assert rocket.startswith(
        f"OK       Konto rocket: Rocket.Chat unter {demo.rocketchat_url}, erreichbar, angemeldet"
    )


def test_doctor_speaks_french(french: Trayapp, demo: DemoServer) -> None:
    lines = french("doctor").out.splitlines()
    rocket = next(line for line in lines if "rocket :" in line)
    assert rocket.startswith(
        f"OK        Compte rocket : Rocket.Chat à {demo.rocketchat_url}, joignable, connecté"
    )


def test_json_is_the_same_in_every_language(german: Trayapp, demo: DemoServer) -> None:
    """Scripts read --json: keys, machine values and the sentences in it do not follow LANG."""
    doctor_de = json.loads(german("doctor", "--json").out)
    assert [c["title"] for c in doctor_de["checks"]][-3:] == [
        "Account rocket",
        "Account callbell",
        "Account smartsheet",
    ]
    autostart = next(c for c in doctor_de["checks"] if c["check"] == "autostart")
    assert autostart["summary"] == "off ('trayapp autostart on' starts trayapp at login)"
    demo.set_fault("503", service="rocketchat")  # the change waits: the status line shows it pending
    assert german("set", "--busy", "--account", "rocket").code == 75
    human = german("status")
    assert "Beschäftigt" in human.out and "ausstehend" in human.err, human
    rows = {row["account"]: row for row in json.loads(german("status", "--json").out)}
    assert rows["rocket"]["pending"] == "Busy", rows


def test_the_start_up_check_speaks_french(profile: AppPaths) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(LANG="fr_FR.UTF-8", XDG_SESSION_TYPE="tty")
    proc = subprocess.run(
        [sys.executable, "-m", "trayapp"], env=env, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == EXIT_CANNOT_START
    assert proc.stderr.startswith(
        "trayapp: il n’y a aucun affichage où montrer la zone de notification (ni DISPLAY ni WAYLAND_DISPLAY"
    ), proc.stderr


# ---- presets: the store's own sentences, and a damaged presets file ---------------------------------


def test_a_preset_refusal_and_a_damaged_presets_file_are_said_in_german(profile: AppPaths) -> None:
    missing = trayapp("de_DE.UTF-8", "preset", "remove", "Mittag")
    assert missing.returncode == 1, missing
    assert missing.stderr == "trayapp: Es gibt keine Vorlage namens „Mittag“ (Vorlagen: noch keine).\n"
    profile.presets_file.parent.mkdir(parents=True, exist_ok=True)
    profile.presets_file.write_text('{"schema_version": 99, "presets": []}', encoding="utf-8")
    listing = trayapp("de_DE.UTF-8", "preset", "list")
    said = listing.stdout + listing.stderr
    assert (
        "presets.json war beschädigt (von einem neueren trayapp geschrieben); die Datei wurde als "
        "presets.json.broken-" in said
    ), said
    assert "und eine neue angelegt." in said, said
    # LANG=C: the same refusal in English, word for word as before
    english = trayapp("C.UTF-8", "preset", "remove", "Mittag")
    assert english.stderr == "trayapp: There is no preset named 'Mittag' (presets: none yet).\n"
