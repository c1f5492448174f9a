"""While the tray runs, Qt objects in Python's cyclic garbage die on the GUI thread, never on a worker."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from tests.qt.test_accounts_dialog import empty_app
from trayapp.qt.app import TrayApp

__all__ = ["empty_app"]  # the fixture, reused


def _leave_cyclic_garbage(freed_on: list[str]) -> None:
    """A timer held in a cycle, as a closed dialog's lambdas hold one: only the cycle collector frees it."""
    timer = QTimer()
    timer.self_reference = timer  # type: ignore[attr-defined]
    weakref.finalize(timer, lambda: freed_on.append(threading.current_thread().name))


def _allocate_on_a_worker() -> list[list[int]]:
    """What a worker does while it builds an HTTP client: objects it keeps, enough to cross gc's
    threshold (Python counts allocations net of frees)."""
    kept: list[list[int]] = []

    def build() -> None:
        kept.extend([n] for n in range(20_000))

    worker = threading.Thread(target=build, name="worker")
    worker.start()
    worker.join()
    return kept


def test_garbage_holding_qt_objects_is_freed_on_the_gui_thread(qtbot: QtBot, empty_app: TrayApp) -> None:
    freed_on: list[str] = []
    _leave_cyclic_garbage(freed_on)
    kept = _allocate_on_a_worker()
    assert freed_on == []  # not on the worker
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5000)
    assert freed_on == [threading.main_thread().name] and kept


def test_collection_is_handed_back_after_quit(qtbot: QtBot, empty_app: TrayApp) -> None:
    assert not gc.isenabled()
    empty_app.shutdown()
    assert gc.isenabled()
