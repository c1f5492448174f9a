"""The catalogue check CI runs: every string of the code is in every language's catalogue, translated,
with the source's placeholders; and the check itself fails on a catalogue that misses one."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "i18n.py"


def run_check(sources: Path | None = None) -> subprocess.CompletedProcess[str]:
    args = [sys.executable, str(SCRIPT), "check"] + (["--sources", str(sources)] if sources else [])
    return subprocess.run(args, capture_output=True, text=True, timeout=120, cwd=REPO)


def test_every_catalogue_is_complete() -> None:
    result = run_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "catalogues complete" in result.stdout


def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "i18n"
    shutil.copytree(REPO / "i18n", copy)
    return copy


def _edit_ts(path: Path, source: str, change: str) -> None:
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        if message.findtext("source") == source:
            translation = message.find("translation")
            assert translation is not None
            if change == "drop":
                for context in tree.getroot().iter("context"):
                    if message in list(context):
                        context.remove(message)
            elif change == "unfinished":
                translation.set("type", "unfinished")
            else:
                translation.text = change
            break
    else:
        raise AssertionError(f"{source!r} not in {path.name}")
    tree.write(path, encoding="utf-8", xml_declaration=True)


def test_the_check_fails_on_a_missing_an_unfinished_or_a_misplaced_placeholder(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    _edit_ts(copy / "qt" / "trayapp_de.ts", "New status", "drop")
    _edit_ts(copy / "qt" / "trayapp_fr.ts", "Give the status a name.", "unfinished")
    _edit_ts(copy / "qt" / "trayapp_es.ts", "Created “{name}”", "«{nombre}» creado")
    result = run_check(copy)
    assert result.returncode == 1
    assert "trayapp_de.ts: [dialogs] 'New status' missing" in result.stdout
    assert "trayapp_fr.ts: [dialogs] 'Give the status a name.': not translated" in result.stdout
    wrong = "trayapp_es.ts: [dialogs] 'Created “{name}”': placeholders ['{nombre}'] != ['{name}']"
    assert wrong in result.stdout


def test_the_check_fails_on_a_gettext_message_left_untranslated(tmp_path: Path) -> None:
    from babel.messages.pofile import read_po, write_po

    copy = _copy(tmp_path)
    po = copy / "po" / "it.po"
    with po.open("rb") as source:
        catalog = read_po(source, locale="it")
    message = catalog["The token is empty."]
    assert message is not None and message.string
    message.string = ""
    with po.open("wb") as target:
        write_po(target, catalog)
    result = run_check(copy)
    assert result.returncode == 1
    assert "it.po: 'The token is empty.': not translated" in result.stdout
