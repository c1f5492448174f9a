"""Worker pool: results arrive on the GUI thread; per-account ordering; failures reach on_err."""

from __future__ import annotations

import gc
import threading
import time
import weakref
from collections.abc import Iterator
from functools import partial

import pytest
from pytestqt.qtbot import QtBot

from trayapp.core.errors import ServiceUnavailable
from trayapp.qt.dispatcher import Dispatcher


@pytest.fixture
def dispatcher(qapp: object) -> Iterator[Dispatcher]:
    d = Dispatcher(workers=4)
    yield d
    d.shutdown(timeout=2)


def test_results_are_delivered_on_the_gui_thread(qtbot: QtBot, dispatcher: Dispatcher) -> None:
    seen: list[tuple[object, bool]] = []
    worker_threads: list[str] = []

    def work() -> int:
        worker_threads.append(threading.current_thread().name)
        return 42

    dispatcher.run(work, lambda v: seen.append((v, threading.current_thread() is threading.main_thread())))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [(42, True)]
    assert worker_threads[0].startswith("trayapp-worker")


def test_none_results_are_fine(qtbot: QtBot, dispatcher: Dispatcher) -> None:
    seen: list[object] = []
    for _ in range(200):
        dispatcher.run(lambda: None, seen.append)
    qtbot.waitUntil(lambda: len(seen) == 200)
    assert set(seen) == {None}


def test_errors_go_to_on_err(qtbot: QtBot, dispatcher: Dispatcher) -> None:
    errors: list[BaseException] = []

    def boom() -> None:
        raise ServiceUnavailable("Rocket.Chat did not answer in time.")

    dispatcher.run(boom, lambda _v: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert str(errors[0]) == "Rocket.Chat did not answer in time."


def test_changes_to_one_account_never_overtake(qtbot: QtBot, dispatcher: Dispatcher) -> None:
    """A slow first change and a quick second one to the same account finish in order."""
    order: list[str] = []
    def slow_first() -> None:
        time.sleep(0.3)
        order.append("first")

    dispatcher.run(slow_first, keys=["rocket"])
    dispatcher.run(lambda: order.append("second"), keys=["rocket", "callbell"])
    dispatcher.run(lambda: order.append("other account"), keys=["smartsheet"])
    qtbot.waitUntil(lambda: len(order) == 3, timeout=5000)
    assert order == ["other account", "first", "second"]


def test_other_accounts_run_side_by_side(qtbot: QtBot, dispatcher: Dispatcher) -> None:
    started = time.monotonic()
    done: list[str] = []
    for name in ("a", "b", "c"):
        dispatcher.run(partial(time.sleep, 0.3), partial(lambda n, _v: done.append(n), name), keys=[name])
    qtbot.waitUntil(lambda: len(done) == 3, timeout=5000)
    assert time.monotonic() - started < 0.8


def test_many_waiting_tasks_cannot_starve_the_pool(qtbot: QtBot, dispatcher: Dispatcher) -> None:
    done: list[int] = []
    for i in range(20):  # far more than 4 workers, all on one key
        dispatcher.run(partial(int, i), done.append, keys=["rocket"])
    dispatcher.run(lambda: -1, done.append, keys=["callbell"])
    qtbot.waitUntil(lambda: len(done) == 21, timeout=5000)
    assert [d for d in done if d >= 0] == list(range(20))


def test_cancelled_task_drops_its_callbacks(qtbot: QtBot, dispatcher: Dispatcher) -> None:
    seen: list[object] = []
    gate = threading.Event()
    task = dispatcher.run(lambda: gate.wait(2), seen.append)
    task.cancel()
    gate.set()
    with qtbot.waitSignal(dispatcher.idle, timeout=3000):
        pass
    assert seen == []


def test_shutdown_does_not_wait_for_a_hung_request(qapp: object) -> None:
    d = Dispatcher(workers=1)
    gate = threading.Event()
    d.run(lambda: gate.wait(10))
    time.sleep(0.05)
    started = time.monotonic()
    assert d.shutdown(timeout=0.2) is False
    assert time.monotonic() - started < 1
    gate.set()
    assert d.run(lambda: None).cancelled  # after shutdown, new work is refused


class _Owner:
    """Stands for a dialog: records on which thread Python frees it (Qt crashes when a widget is freed off
    the GUI thread, so a worker must never hold the last reference to what a task's callbacks reach)."""

    def __init__(self, freed_on: list[str]) -> None:
        weakref.finalize(self, lambda: freed_on.append(threading.current_thread().name))

    def done(self, _value: object) -> None:
        pass

    def work(self) -> int:
        return 1


def test_a_closed_dialogs_callbacks_are_freed_on_the_gui_thread(qtbot: QtBot) -> None:
    d = Dispatcher(workers=1)
    freed_on: list[str] = []
    owner = _Owner(freed_on)
    d.run(owner.work, owner.done, owner.done)
    with qtbot.waitSignal(d.idle, timeout=3000):
        pass
    del owner  # the dialog is closed and gone, its result handled
    gc.collect()
    d.run(lambda: None)  # the worker wakes up for other work
    with qtbot.waitSignal(d.idle, timeout=3000):
        pass
    d.shutdown(timeout=2)
    gc.collect()
    assert freed_on == [threading.main_thread().name]
