#!/usr/bin/env python3
"""trayapp's translation catalogues: extract, build, check.

Two catalogues per language, both sources in the repository (i18n/):
- i18n/qt/trayapp_<lang>.ts: the GUI's strings (trayapp/qt), Qt Linguist format, extracted with
  PySide6's own `pyside6-lupdate` and compiled with `pyside6-lrelease` to .qm;
- i18n/po/<lang>.po: the core's, the CLI's and the doctor's sentences (Qt-free code), GNU gettext,
  extracted, merged and compiled to .mo with Babel.
i18n/qt/trayapp_en.ts holds only the English plural forms ("%n minute(s)" -> "1 minute", "5 minutes").

    python scripts/i18n.py update          # re-extract after changing strings (keeps translations)
    python scripts/i18n.py build [--out D] # compile: D/i18n/*.qm and D/locale/*/LC_MESSAGES/*.mo
    python scripts/i18n.py check           # every string translated, same placeholders; exit 1 if not

`build` writes into resources/ by default (git-ignored outputs, for a checkout and editable installs);
setup.py runs it into the wheel's build folder, so every wheel and bundle carries fresh catalogues.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "i18n"
LANGUAGES = ("de", "fr", "es", "it", "pt_BR")
QT_CODE = ("trayapp/qt",)
# The Qt-free code whose sentences a user reads (the demo's texts are the fake services' own).
PO_CODE = ("trayapp/core", "trayapp/cli", "trayapp/doctor", "trayapp/backends", "trayapp/preflight.py",
           "trayapp/sessionbus.py")
DOMAIN = "trayapp"

# {name} placeholders (str.format), %n (Qt plural count), and printf-style %s/%d/%r/%(x)s (argparse's)
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rs])?(?::[^{}]*)?\}|%n|%\([a-z_]+\)[sdr]|%[sdr]")
# Qt mnemonics: one "&" before a letter in the source wants one in the translation
MNEMONIC = re.compile(r"&(?!&)\w")


def qt_tool(name: str, *args: str) -> None:
    """Run PySide6's own tool (pyside6-lupdate / pyside6-lrelease) from the running interpreter's
    PySide6, so it works in any venv or isolated build environment that has PySide6."""
    code = (
        f"import sys; from PySide6.scripts.pyside_tool import {name}; "
        f"sys.argv[0] = 'pyside6-{name}'; sys.exit({name}())"
    )
    subprocess.run([sys.executable, "-c", code, *args], check=True, cwd=ROOT)


def ts_path(lang: str) -> Path:
    return SOURCES / "qt" / f"{DOMAIN}_{lang}.ts"


def po_path(lang: str) -> Path:
    return SOURCES / "po" / f"{lang}.po"


# ------------------------------------------------------------------------------------------ update


def extract_qt(ts: Path, lang: str) -> None:
    qt_files = sorted(str(p.relative_to(ROOT)) for d in QT_CODE for p in (ROOT / d).rglob("*.py"))
    args = [*qt_files, "-tr-function-alias", "translate+=tr,QT_TRANSLATE_NOOP+=N_", "-silent"]
    args += ["-locations", "none", "-no-obsolete", "-source-language", "en", "-target-language", lang]
    if lang == "en":
        args.append("-pluralonly")
    qt_tool("lupdate", *args, "-ts", str(ts))


def extract_po(pot: Path) -> None:
    from babel.messages.frontend import CommandLineInterface

    code = [str(ROOT / p) for p in PO_CODE]
    CommandLineInterface().run(
        ["pybabel", "-q", "extract", "--no-location", "--omit-header", "--sort-output",
         "-k", "_", "-k", "N_", "-k", "ngettext:1,2", "--project", DOMAIN, "-o", str(pot), *code]
    )


def update() -> None:
    for lang in ("en", *LANGUAGES):
        extract_qt(ts_path(lang), lang)
    pot = SOURCES / "po" / f"{DOMAIN}.pot"
    extract_po(pot)
    from babel.messages.frontend import CommandLineInterface

    for lang in LANGUAGES:
        verb = "update" if po_path(lang).exists() else "init"
        args = ["pybabel", "-q", verb, "-D", DOMAIN, "-i", str(pot), "-l", lang, "-o", str(po_path(lang))]
        if verb == "update":
            args += ["--no-fuzzy-matching", "--ignore-obsolete"]
        CommandLineInterface().run(args)
        # no extraction time stamp: it would change every catalogue on every update (merge conflicts)
        text = po_path(lang).read_text(encoding="utf-8")
        po_path(lang).write_text(re.sub(r'"POT-Creation-Date: [^"]*"\n', "", text), encoding="utf-8")


# ------------------------------------------------------------------------------------------- build


def build(out: Path) -> list[Path]:
    made: list[Path] = []
    qm_dir = out / "i18n"
    qm_dir.mkdir(parents=True, exist_ok=True)
    for lang in ("en", *LANGUAGES):
        qm = qm_dir / f"{DOMAIN}_{lang}.qm"
        qt_tool("lrelease", "-silent", str(ts_path(lang)), "-qm", str(qm))
        made.append(qm)
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for lang in LANGUAGES:
        with po_path(lang).open("rb") as source:
            catalog = read_po(source, locale=lang, domain=DOMAIN)
        mo = out / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as target:
            write_mo(target, catalog)
        made.append(mo)
    return made


# ------------------------------------------------------------------------------------------- check


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def _uncounted(text: str) -> str:
    return text.replace("%n", "")


def check_ts(path: Path, english: bool = False) -> list[str]:
    problems: list[str] = []
    for context in ET.parse(path).getroot().iter("context"):
        ctx = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            where = f"{path.name}: [{ctx}] {source!r}"
            translation = message.find("translation")
            plural = message.get("numerus") == "yes"
            if translation is None:
                problems.append(f"{where}: no translation")
                continue
            if english and not plural:
                continue
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                problems.append(f"{where}: not translated ({translation.get('type')})")
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            if not plural:
                forms = [translation.text or ""]
            for form in forms:
                if not form.strip():
                    problems.append(f"{where}: empty translation")
                elif _placeholders(form) != _placeholders(source) and not (
                    # a plural's singular may spell the count out ("une minute")
                    plural and _placeholders(_uncounted(form)) == _placeholders(_uncounted(source))
                ):
                    problems.append(f"{where}: placeholders {_placeholders(form)} != {_placeholders(source)}")
                elif not english and bool(MNEMONIC.search(source)) != bool(MNEMONIC.search(form)):
                    problems.append(f"{where}: keyboard shortcut (&) in one of source and translation only")
    return problems


def check_po(path: Path, lang: str) -> list[str]:
    from babel.messages.pofile import read_po

    problems: list[str] = []
    with path.open("rb") as source:
        catalog = read_po(source, locale=lang)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        where = f"{path.name}: {ids[0]!r}"
        if message.fuzzy:
            problems.append(f"{where}: fuzzy")
        if not all(s.strip() for s in strings):
            problems.append(f"{where}: not translated")
            continue
        for string in strings:
            # a plural's one-form may say "one" instead of {n}; every other placeholder must be there
            wanted = {p for i in ids for p in _placeholders(i)}
            got = set(_placeholders(string))
            if got - wanted or (wanted - got) - {"{n}", "%d", "%(n)d"}:
                problems.append(f"{where}: placeholders {sorted(got)} != {sorted(wanted)}")
    return problems


def check(sources: Path = SOURCES) -> list[str]:
    """Every string of the code (extracted afresh) is in every catalogue, translated, with the
    source's placeholders and keyboard shortcut."""
    global SOURCES
    previous, SOURCES = SOURCES, sources
    try:
        with tempfile.TemporaryDirectory() as tmp:
            fresh_ts, fresh_pot = Path(tmp) / f"{DOMAIN}.ts", Path(tmp) / f"{DOMAIN}.pot"
            extract_qt(fresh_ts, "de")
            extract_po(fresh_pot)
            qt_sources = _ts_ids(fresh_ts)
            pot_ids = _pot_ids(fresh_pot)
            plurals = _ts_ids(fresh_ts, plural_only=True)
        problems = check_ts(ts_path("en"), english=True)
        missing_en = plurals - _ts_ids(ts_path("en"))
        problems += [f"{ts_path('en').name}: [{c}] {s!r} missing" for c, s in sorted(missing_en)]
        for lang in LANGUAGES:
            problems += check_ts(ts_path(lang))
            missing_qt = qt_sources - _ts_ids(ts_path(lang))
            problems += [f"{ts_path(lang).name}: [{c}] {s!r} missing" for c, s in sorted(missing_qt)]
            problems += check_po(po_path(lang), lang)
            missing = pot_ids - _po_ids(po_path(lang), lang)
            problems += [f"{po_path(lang).name}: {m!r} missing" for m in sorted(missing)]
        return problems
    finally:
        SOURCES = previous


def _ts_ids(path: Path, plural_only: bool = False) -> set[tuple[str, str]]:
    return {
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in ET.parse(path).getroot().iter("context")
        for message in context.iter("message")
        if not plural_only or message.get("numerus") == "yes"
    }


def _po_ids(path: Path, lang: str | None = None) -> set[str]:
    from babel.messages.pofile import read_po

    with path.open("rb") as source:
        catalog = read_po(source, locale=lang)
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


def _pot_ids(path: Path) -> set[str]:
    return _po_ids(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update", help="re-extract the strings into the catalogues")
    b = sub.add_parser("build", help="compile the catalogues")
    b.add_argument("--out", type=Path, default=ROOT / "resources", help="default: resources/")
    c = sub.add_parser("check", help="every string translated, placeholders as in the source")
    c.add_argument("--sources", type=Path, default=SOURCES, help="default: i18n/")
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
    elif args.command == "build":
        for path in build(args.out):
            print(path)
    else:
        problems = check(args.sources)
        for problem in problems:
            print(problem)
        if problems:
            print(f"{len(problems)} problem(s) in the catalogues", file=sys.stderr)
            return 1
        print("catalogues complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
