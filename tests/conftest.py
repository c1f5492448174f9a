"""Shared fixtures: one real demo server on loopback, and an isolated per-test profile."""

from __future__ import annotations

import os
import runpy
from collections.abc import Iterator
from pathlib import Path

# Tests read English unless a test asks for a language (tests/i18n): the developer's own LANG=de_DE must
# not change what the other tests expect. Subprocesses (the CLI, the tray) inherit this.
for _var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LC_TIME"):
    os.environ.pop(_var, None)
os.environ["LANG"] = "C.UTF-8"

import keyring  # noqa: E402
import pytest  # noqa: E402

from tests.realparts import xdg_folders  # noqa: E402
from trayapp.core.paths import AppPaths  # noqa: E402
from trayapp.demo.memory_keyring import MemoryKeyring  # noqa: E402
from trayapp.demo.server import DemoServer  # noqa: E402


def pytest_sessionstart(session: pytest.Session) -> None:
    """Compile the translation catalogues when a source is newer than its compiled form (an editable
    install compiled them once; a .ts or .po edited since would otherwise be tested stale)."""
    root = Path(__file__).resolve().parent.parent
    sources = [*root.glob("i18n/qt/*.ts"), *root.glob("i18n/po/*.po")]
    outputs = [*root.glob("resources/i18n/*.qm"), *root.glob("resources/locale/*/LC_MESSAGES/*.mo")]
    if sources and (
        len(outputs) < len(sources)
        or max(p.stat().st_mtime for p in sources) > min(p.stat().st_mtime for p in outputs)
    ):
        runpy.run_path(str(root / "scripts" / "i18n.py"))["build"](root / "resources")


@pytest.fixture(autouse=True)
def _quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retry delays scaled down so fault tests stay fast (test_retry.py checks the policy itself)."""
    monkeypatch.setattr("trayapp.core.retry.BASE_DELAY", 0.01)


@pytest.fixture(autouse=True)
def _fresh_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with no registered secret, as a new process does: a throwaway token such as
    "wrong" registered by one test must not be masked in the next test's messages."""
    monkeypatch.setattr("trayapp.core.redaction._known", set())
    monkeypatch.setattr("trayapp.core.redaction._known_sorted", ())


@pytest.fixture(scope="session")
def _demo_session() -> Iterator[DemoServer]:
    server = DemoServer().start()
    yield server
    server.stop()


@pytest.fixture
def demo(_demo_session: DemoServer) -> DemoServer:
    """The demo server, reseeded, with no faults and an empty request log."""
    _demo_session.reset()
    return _demo_session


@pytest.fixture
def profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppPaths]:
    """Per-test XDG folders and an in-memory keyring: nothing touches the real user's files."""
    for var, folder in xdg_folders(tmp_path / "xdg").items():
        monkeypatch.setenv(var, folder)
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield AppPaths.default()
    keyring.set_keyring(previous)
