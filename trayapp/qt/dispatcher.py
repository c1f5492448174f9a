"""Run blocking core calls on worker threads and hand their results back on the GUI thread.

Shape borrowed from anki's TaskManager: `run(fn, on_ok, on_err)`; the worker never touches a widget,
one Qt signal carries every result to the GUI thread, where the callbacks run.

Tasks may name the accounts they touch (`keys`). A task starts only after every earlier task that shares
a key has finished, so a quick second change to an account can never overtake the first (Nextcloud
desktop #10164), while changes to different accounts still run side by side. Tasks wait in the
dispatcher, not on a worker, so a queue of them can never starve the pool.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")

OnOk = Callable[[T], None]
OnErr = Callable[[BaseException], None]


@dataclass(eq=False)
class Task(Generic[T]):
    id: int
    fn: Callable[[], T] | None
    on_ok: OnOk[T] | None
    on_err: OnErr | None
    keys: frozenset[str]
    waiting_on: set[int] = field(default_factory=set)
    cancelled: bool = False
    # Set by the worker, read and dropped on the GUI thread: (succeeded, value or exception).
    outcome: tuple[bool, object] | None = None

    def cancel(self) -> None:
        """Drop the callbacks (the dialog that asked is gone); a task already running still finishes."""
        self.cancelled = True

    def release(self) -> None:
        """Drop everything the task reaches (GUI thread only): its callbacks and closure are often bound to a
        dialog, and Qt crashes when a widget is freed on another thread, so no worker may hold the last
        reference to them."""
        self.fn = self.on_ok = self.on_err = None
        self.outcome = None


class Dispatcher(QObject):
    # One signal for every finished task (its outcome on it). Emitted from workers; the connection is
    # queued because this object lives on the GUI thread.
    _deliver = Signal(object)
    idle = Signal()  # nothing running or queued any more (tests, shutdown)

    def __init__(self, workers: int = 4, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._emit_lock = threading.Lock()
        self._ids = itertools.count(1)
        self._queue: queue.Queue[Task[Any] | None] = queue.Queue()
        self._tasks: dict[int, Task[Any]] = {}  # queued, blocked or running
        self._undelivered: set[int] = set()  # GUI thread only: ids whose result was not handled yet
        self._last_for_key: dict[str, int] = {}
        self._closed = False
        self._deliver.connect(self._on_deliver)
        # Daemon threads: quitting must never hang on a request that waits for a slow server.
        self._threads = [
            threading.Thread(target=self._work, name=f"trayapp-worker-{i}", daemon=True)
            for i in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    # ------------------------------------------------------------------ GUI-thread API
    def run(
        self,
        fn: Callable[[], T],
        on_ok: OnOk[T] | None = None,
        on_err: OnErr | None = None,
        keys: Iterable[str] = (),
    ) -> Task[T]:
        task: Task[T] = Task(next(self._ids), fn, on_ok, on_err, frozenset(keys))
        with self._lock:
            if self._closed:
                task.cancelled = True
                return task
            for key in task.keys:
                before = self._last_for_key.get(key)
                if before is not None and before in self._tasks:
                    task.waiting_on.add(before)
                self._last_for_key[key] = task.id
            self._tasks[task.id] = task
            ready = not task.waiting_on
        self._undelivered.add(task.id)
        if ready:
            self._queue.put(task)
        return task

    def busy(self, key: str | None = None) -> bool:
        """Whether work is queued, running, or its result not yet handled (GUI thread)."""
        if key is None:
            return bool(self._undelivered)
        with self._lock:
            return any(key in t.keys for t in self._tasks.values())

    def shutdown(self, timeout: float = 2.0) -> bool:
        """Stop taking work, drop queued tasks, give running ones `timeout` seconds. True if all ended."""
        with self._emit_lock, self._lock:
            self._closed = True
            for task in self._tasks.values():
                task.cancelled = True
        for _ in self._threads:
            self._queue.put(None)
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(t.is_alive() for t in self._threads)

    # ------------------------------------------------------------------ workers
    def _work(self) -> None:
        while True:
            task = self._queue.get()
            if task is None:
                return
            # The worker keeps no reference of its own to the closure, the value or the callbacks: they
            # stay on the task until the GUI thread releases it (see Task.release).
            if not task.cancelled and task.fn is not None:
                try:
                    task.outcome = (True, task.fn())
                except Exception as exc:  # every failure goes back to the GUI thread, never lost
                    if not isinstance(exc, _expected_errors()):
                        log.exception("Background task failed")
                    task.outcome = (False, exc)
            # Deliver before releasing the next task of the same account, so the GUI also sees results in
            # order. Under the emit lock: shutdown() takes it to close, so no worker can still be emitting
            # when the owner deletes this object (a request that outlives quit is simply dropped).
            with self._emit_lock:
                if self._closed:
                    return  # the task stays in self._tasks: nothing of it is freed on this thread
                self._deliver.emit(task)
            self._finish(task)

    def _finish(self, task: Task[Any]) -> None:
        """Forget a finished task and queue those that waited for it."""
        ready: list[Task[Any]] = []
        with self._lock:
            self._tasks.pop(task.id, None)
            for key in task.keys:
                if self._last_for_key.get(key) == task.id:
                    del self._last_for_key[key]
            for other in self._tasks.values():
                if task.id in other.waiting_on:
                    other.waiting_on.discard(task.id)
                    if not other.waiting_on:
                        ready.append(other)
        for other in sorted(ready, key=lambda t: t.id):
            self._queue.put(other)

    # ------------------------------------------------------------------ GUI thread
    @Slot(object)
    def _on_deliver(self, task: Task[Any]) -> None:
        self._undelivered.discard(task.id)
        try:
            if task.outcome is not None and not task.cancelled:
                succeeded, value = task.outcome
                callback: Callable[[Any], None] | None = task.on_ok if succeeded else task.on_err
                if callback is not None:
                    callback(value)
        finally:
            task.release()
            if not self._undelivered:
                self.idle.emit()


def _expected_errors() -> tuple[type[BaseException], ...]:
    from trayapp.core.errors import TrayAppError

    return (TrayAppError,)
