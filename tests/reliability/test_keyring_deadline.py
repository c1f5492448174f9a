"""A keyring that never answers gets a deadline and a clear message, and nothing else waits behind it;
a PYTHON_KEYRING_BACKEND that cannot be loaded is said so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.realparts import require_tools, xdg_folders
from trayapp.core import secrets
from trayapp.core.errors import KeyringUnavailable
from trayapp.core.secrets import SecretStore
from trayapp.demo.memory_keyring import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]
GUARD = 60  # seconds: only a call that never ends reaches it
NOT_ANSWERING = "The keyring did not answer in {} s; is it unlocked?"


class StuckKeyring(MemoryKeyring):
    """get_password blocks until released, as a Secret Service call waiting on a reply that never comes."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()
        self.calls = 0

    def get_password(self, service: str, username: str) -> Any:
        self.calls += 1
        self.release.wait(GUARD)
        return super().get_password(service, username)


def _in_thread(call: Any) -> BaseException | None:
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            call()
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(GUARD)
    assert outcome, "the keyring call was still waiting"
    return outcome[0]


def test_a_stuck_keyring_call_times_out_and_the_next_ones_do_not_queue(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(secrets, "KEYRING_DEADLINE", 0.5)
    stuck = StuckKeyring()
    stuck.set_password(secrets.SERVICE, "callbell:work", "tok-stuck-1")
    store = SecretStore(stuck)
    first = _in_thread(lambda: store.get("callbell:work", "work"))
    assert isinstance(first, KeyringUnavailable) and NOT_ANSWERING.format("0.5") in str(first)
    # the first call is still stuck: the next ones fail at once, without reaching the keyring
    for _ in range(3):
        later = _in_thread(lambda: store.get("callbell:work", "work"))
        assert isinstance(later, KeyringUnavailable) and NOT_ANSWERING.format("0.5") in str(later)
    assert stuck.calls == 1
    stuck.release.set()  # the keyring answers at last (unlocked): calls work again
    for _ in range(50):
        try:
            assert store.get("callbell:work", "work") == "tok-stuck-1"
            break
        except KeyringUnavailable:
            threading.Event().wait(0.05)  # the stuck call is still returning
    else:
        pytest.fail("the keyring stayed unusable after it answered")


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DBUS_", "PYTHON_KEYRING", "XDG_"))}
    env.update(xdg_folders(home), HOME=str(home), PYTHONPATH=str(ROOT))
    return env


def test_a_secret_service_that_never_answers(tmp_path: Path) -> None:
    """A real D-Bus session whose org.freedesktop.secrets takes every call and answers none."""
    require_tools("dbus-run-session")
    script = Path(__file__).with_name("silent_keyring_session.py")
    proc = subprocess.run(
        ["dbus-run-session", "--", sys.executable, str(script), "2"],
        env=_env(tmp_path), capture_output=True, text=True, timeout=GUARD, cwd=ROOT,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    first, second = json.loads(proc.stdout.strip().splitlines()[-1])["steps"]
    for step in (first, second):
        assert step["code"] == 1, step
        assert step["err"].startswith("trayapp: " + NOT_ANSWERING.format("2")), step
        assert len(step["err"].strip().splitlines()) == 1


@pytest.mark.parametrize(
    "backend",
    [
        "keyring.backends.nope.Keyring",  # misspelled module
        "keyring.backends.SecretService.Keyrnig",  # misspelled class
        "nonsense",
        "keyring.backends.macOS.Keyring",  # another platform's
        "keyring.backends.Windows.WinVaultKeyring",
    ],
)
def test_a_keyring_backend_that_cannot_be_loaded(backend: str, tmp_path: Path) -> None:
    env = _env(tmp_path) | {"PYTHON_KEYRING_BACKEND": backend}
    proc = subprocess.run(
        [sys.executable, "-m", "trayapp", "accounts", "add", "callbell", "cb", "--url", "http://127.0.0.1:9",
         "--user-uuid", "a" * 32, "--token-stdin"],
        input="tok-abcd\n", env=env, capture_output=True, text=True, timeout=GUARD, cwd=ROOT,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith("trayapp:")]
    assert len(lines) == 1 and "Traceback" not in proc.stderr
    assert lines[0].startswith(
        f"trayapp: PYTHON_KEYRING_BACKEND is set to '{backend}', which is not a keyring"
    )
    assert lines[0].endswith("correct it or unset it.")
