"""What a screen reader gets: each dialog and the status window read over AT-SPI, the desktop's
accessibility bus, by Debian's pyatspi client (as Orca does). Fails on a focusable element without a
name and on a form field without a label relation (a label whose buddy it is); in German, the names
are the catalogue's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration import xtray
from tests.realparts import require_tools

HERE = Path(__file__).resolve().parent.parent / "a11y"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
SYSTEM_PYTHON = "/usr/bin/python3"
# roles of the fields a form label must name ("date editor": Qt reports a date-time edit as a spin button)
FIELDS = {"text", "password text", "combo box", "spin button", "date editor", "entry"}
Node = dict[str, Any]


def require_atspi() -> None:
    require_tools("Xvfb", "dbus-daemon")
    missing = []
    if not Path(BUS_LAUNCHER).exists():
        missing.append("at-spi2-core")
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True
    ).returncode:
        missing.append("python3-pyatspi")
    if missing:
        message = f"missing {', '.join(missing)}: run 'bash scripts/system-deps.sh' as root"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[xtray.TraySession]:
    """Xvfb, a session bus and the accessibility bus on it, as a desktop with a screen reader has."""
    require_atspi()
    root = tmp_path / "x"
    root.mkdir()
    with xtray.TraySession(root, host="none", bus="session") as session:
        session.start_program("atspi", [BUS_LAUNCHER, "--launch-immediately"], owns="org.a11y.Bus")
        yield session


def read_tree(session: xtray.TraySession, tmp_path: Path, lang: str, *which: str) -> list[Node]:
    env = session.app_env(tmp_path / "profile")
    env["QT_LINUX_ACCESSIBILITY_ALWAYS_ON"] = "1"
    env["LANG"] = lang
    log = open(tmp_path / "app.log", "wb")  # noqa: SIM115
    app = subprocess.Popen(
        [sys.executable, str(HERE / "dialogs_app.py"), *which], env=env, stdout=subprocess.PIPE, stderr=log
    )
    try:
        assert app.stdout is not None
        ready = app.stdout.readline()
        assert ready == b"ready\n", (tmp_path / "app.log").read_text(errors="replace")
        walked = subprocess.run(
            [SYSTEM_PYTHON, str(HERE / "walk_atspi.py"), str(app.pid)],
            env=session.env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert walked.returncode == 0, walked.stdout + walked.stderr
        tree = json.loads(walked.stdout)
        assert isinstance(tree, list)
        return tree
    finally:
        xtray.stop_process(app, grace=10)
        if app.stdout is not None:
            app.stdout.close()
        log.close()


def walk(node: Node, path: tuple[str, ...] = ()) -> Iterator[tuple[Node, tuple[str, ...], Node | None]]:
    here = (*path, f"{node['role']} “{node['name'][:30]}”")
    for child in node["children"]:
        yield child, here, node
        yield from walk(child, here)


def problems(window: Node) -> list[str]:
    found = []
    for node, path, parent in walk(window):
        if not node["showing"]:
            continue
        where = " > ".join((*path[-3:], node["role"]))
        if node["focusable"] and not node["name"].strip():
            found.append(f"focusable without a name: {where}")
        if node["role"] in FIELDS and not node["labelled_by"]:
            # an editable combo box's own text field: the combo box carries the label relation
            in_combo = parent is not None and parent["role"] == "combo box" and bool(parent["labelled_by"])
            if not in_combo:
                found.append(f"form field without a label relation: {where} “{node['name']}”")
    return found


def by_name(tree: list[Node]) -> dict[str, Node]:
    return {window["name"]: window for window in tree}


def test_every_dialog_names_each_control_and_labels_each_field(
    desktop: xtray.TraySession, tmp_path: Path
) -> None:
    tree = read_tree(desktop, tmp_path, "C.UTF-8")
    windows = by_name(tree)
    for title in (
        "New status",
        "Set a status",
        "Accounts",
        "Add Rocket.Chat account",
        "Add Callbell account",
        "Add Smartsheet RM account",
        "trayapp",
    ):
        assert title in windows, sorted(windows)
    found = [f"{name}: {p}" for name, window in windows.items() for p in problems(window)]
    assert not found, "\n".join(found)
    # the fields are named by their labels, as a screen reader announces them
    create = [n for n, _p, _q in walk(windows["New status"])]
    named = {(n["role"], n["name"]) for n in create}
    for field in (("text", "Name"), ("text", "Message"), ("spin button", "Start"), ("spin button", "End")):
        assert field in named, sorted(named)
    assert any(n["role"] == "combo box" and n["labelled_by"] == ["Callbell emoji"] for n in create)


def test_in_german_the_names_are_the_catalogues(desktop: xtray.TraySession, tmp_path: Path) -> None:
    windows = by_name(read_tree(desktop, tmp_path, "de_DE.UTF-8", "create", "accounts"))
    assert {"Neuer Status", "Konten"} <= set(windows), sorted(windows)
    named = {(n["role"], n["name"]) for n, _p, _q in walk(windows["Neuer Status"])}
    for field in (
        ("text", "Name"),
        ("text", "Nachricht"),
        ("spin button", "Beginn"),
        ("radio button", "Abwesend"),
    ):
        assert field in named, sorted(named)
    assert ("push button", "Abbrechen") in named  # Qt's own catalogue
    assert not problems(windows["Neuer Status"])

