"""One instance per user: the second one hands a command to the first and exits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from trayapp.qt.app import SingleInstance, socket_name

SECOND_START = """
import sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from trayapp.qt.app import SingleInstance
app = QCoreApplication([])
instance = SingleInstance(Path(sys.argv[1]))
if instance.acquire():
    sys.exit(2)  # it should not have got the lock
sys.exit(0 if instance.send("show", timeout_s=5) else 1)
"""


def test_second_instance_hands_over(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path / "run")
    assert first.acquire()
    assert (tmp_path / "run").stat().st_mode & 0o777 == 0o700
    received: list[str] = []
    first.message.connect(received.append)
    # The second start is another process, as in real life; the first keeps its event loop running.
    second = subprocess.Popen(
        [sys.executable, "-c", SECOND_START, str(tmp_path / "run")],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=15_000)
    assert second.returncode == 0
    qtbot.waitUntil(lambda: received == ["show"])
    first.release()

    third = SingleInstance(tmp_path / "run")
    assert third.acquire()  # released: the next start becomes the running instance
    third.release()


def test_nobody_answers_when_nothing_runs(qapp: object, tmp_path: Path) -> None:
    lone = SingleInstance(tmp_path / "run")
    assert lone.send("show", timeout_s=0.3) is False


def test_socket_name_is_per_user_and_short(tmp_path: Path) -> None:
    name = socket_name(tmp_path, "trayapp")
    assert name.endswith("trayapp.sock") and name.startswith(str(tmp_path))
    deep = tmp_path / ("x" * 120)
    assert len(socket_name(deep, "trayapp")) < 100


def test_on_windows_the_pipe_is_named_by_sid_and_session_not_user_name(tmp_path: Path) -> None:
    import getpass
    import re

    name = socket_name(tmp_path, "trayapp", platform="win32")
    assert re.fullmatch(r"trayapp-trayapp-[0-9a-f]{16}", name)
    assert getpass.getuser() not in name


def test_a_second_start_without_a_console_shows_why_it_stops(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pythonw and the windowed bundle have no stderr: the message must still reach the user."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from trayapp.qt.app import tell_user

    shown: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        shown.append(f"{box.text()} | {box.informativeText()}")
        box.accept()

    monkeypatch.setattr(sys, "stderr", None)
    QTimer.singleShot(20, read_and_close)
    tell_user("trayapp is already running but does not answer", "Quit the other trayapp.")
    assert shown == ["trayapp is already running but does not answer. | Quit the other trayapp."]
