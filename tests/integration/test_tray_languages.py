"""The tray menu in the user's language, read over DBusMenu as xfce4-panel reads it: `python -m trayapp
--demo` under LANG=de_DE.UTF-8 and fr_FR.UTF-8 shows the catalogue's words, the service names and the
services' own status names as they are."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration import xtray
from tests.integration.sni_menu import SNI, Item, find_label, find_path, format_tree

pytestmark = [pytest.mark.realtray, pytest.mark.skipif(sys.platform != "linux", reason="Xvfb is Linux-only")]


@pytest.fixture
def xfce(tmp_path: Path) -> Iterator[xtray.TraySession]:
    xtray.require("xfce")
    (tmp_path / "x").mkdir()
    with xtray.TraySession(tmp_path / "x", host="xfce") as session:
        yield session


@pytest.mark.parametrize(
    ("lang", "header", "entries", "more"),
    [
        (
            "de_DE.UTF-8",
            "Rocket.Chat (alice): Verfügbar",
            ["Verfügbar", "Abwesend", "Beschäftigt", "Status setzen …", "Status löschen", "Mehr"],
            ["Neuer Status …", "Konten …", "Bei der Anmeldung starten", "Beenden"],
        ),
        (
            "fr_FR.UTF-8",
            "Rocket.Chat (alice): Disponible",
            ["Disponible", "Absent", "Occupé", "Mettre un statut…", "Effacer le statut", "Plus"],
            ["Nouveau statut…", "Comptes…", "Lancer à l’ouverture de session", "Quitter"],
        ),
    ],
)
def test_the_panel_reads_the_menu_in_the_users_language(
    xfce: xtray.TraySession, tmp_path: Path, lang: str, header: str, entries: list[str], more: list[str]
) -> None:
    xfce_env = xfce.app_env
    profile = tmp_path / "profile"

    def app_env(p: Path) -> dict[str, str]:
        return {**xfce_env(p), "LANG": lang}

    xfce.app_env = app_env  # type: ignore[method-assign, assignment]
    with xtray.running_app(xfce, profile, "--demo") as app, SNI(xfce.bus, timeout=10) as sni:
        try:
            item: Item = sni.wait_for_item(pid=app.pid, timeout=30)
        except Exception:
            pytest.fail("the tray icon never registered with the panel:\n" + xtray.app_log(profile))
        tree = sni.wait_layout(item, lambda t: find_label(t, header) is not None, timeout=30)
        shown = format_tree(tree)
        for label in entries:
            assert find_label(tree, label) is not None, shown
        for label in more:
            assert find_path(tree, [entries[-1], label]) is not None, shown
        # the services' own status names are never translated
        assert find_path(tree, [header, "Lunch"]) is not None, shown
    assert "Traceback" not in xtray.app_log(profile)
