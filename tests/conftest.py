"""Shared fixtures: one real demo server on loopback, and an isolated per-test profile."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from tests.realparts import xdg_folders
from trayapp.core.paths import AppPaths
from trayapp.demo.memory_keyring import MemoryKeyring
from trayapp.demo.server import DemoServer


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
