"""Collect Python's cyclic garbage on the GUI thread only.

Python runs its cycle collector in whichever thread happens to allocate when a threshold is crossed: a
worker building an HTTP client, the demo server's request thread. Garbage that holds a Qt object (a
closed dialog kept in a cycle by a lambda, an old menu) is then deleted on that thread, and Qt crashes or
corrupts its state when a widget or timer dies off the thread it lives on. So while the tray runs,
automatic collection is off and a GUI-thread timer collects by the same thresholds, the pattern
pyqtgraph and GitFourchette use.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

_CHECK_EVERY_MS = 1000


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = False
        self._timer = QTimer(self)
        self._timer.setInterval(_CHECK_EVERY_MS)
        self._timer.timeout.connect(self.collect_due)

    def start(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Hand collection back to Python (after quit, or when a test's app is torn down)."""
        self._timer.stop()
        self.collect_due()
        if self._was_enabled:
            gc.enable()

    def collect_due(self) -> None:
        """Collect the oldest generation whose count crossed its threshold, as Python itself would."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = [gen for gen in range(3) if thresholds[gen] and counts[gen] > thresholds[gen]]
        if due:
            gc.collect(due[-1])
