"""`trayapp doctor` says when the runtime folder is not under XDG_RUNTIME_DIR (su, ssh, cron), and says
nothing about it in a normal session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import CLI


def desktop_line(cli: CLI) -> tuple[str, str]:
    report = json.loads(cli("doctor", "--json").out)
    check = next(c for c in report["checks"] if c["check"] == "desktop")
    return str(check["summary"]), str(check["details"]["runtime_dir_note"])


# trayapp.core.paths silences platformdirs' own warning (the note replaces it); pytest's "error" filter,
# set again for each test, would turn it into an exception first.
@pytest.mark.filterwarnings("ignore::platformdirs.api.RuntimeDirWarning")
def test_an_unset_runtime_dir_is_explained(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    summary, note = desktop_line(cli)
    assert note.startswith("XDG_RUNTIME_DIR is not set (as under su, ssh or cron): using ")
    assert summary.endswith("; " + note)


def test_a_normal_session_says_nothing_about_it(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    summary, note = desktop_line(cli)
    assert note == "" and "XDG_RUNTIME_DIR" not in summary
