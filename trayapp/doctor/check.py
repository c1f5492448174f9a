"""One line of `trayapp doctor`, and the deadline every check that may block runs under."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from trayapp.core.i18n import _

THREAD_NAME = "trayapp-doctor"


@dataclass
class Check:
    check: str  # machine name: "desktop", "qt", "tray", "notifications", "keyring", "autostart", "account"
    title: str  # what the line is about, for people
    ok: bool
    summary: str  # what was found
    action: str = ""  # what to do ("" when ok)
    details: dict[str, Any] = field(default_factory=dict)

    def line(self) -> str:
        text = _("{title}: {summary}").format(title=self.title, summary=self.summary)
        if self.action:
            text += " — " + self.action
        # the mark a user scans for, as wide in every language so the lines stay aligned
        marks = (_("OK"), _("FIX"))
        width = max(len(mark) for mark in marks)
        return f"{marks[0 if self.ok else 1]:<{width}}  {text}"


def with_deadline(
    works: Mapping[str, Callable[[], Any]], seconds: float, then: Callable[[], None] | None = None
) -> dict[str, Any]:
    """Each work's result (or its exception), run side by side; those not finished within `seconds`
    are left out. They go on on daemon threads, so a hung keyring or server never keeps the command
    from ending; `then` (e.g. closing connections) runs once all of them are done."""
    results: dict[str, Any] = {}

    def one(key: str, work: Callable[[], Any]) -> None:
        try:
            results[key] = work()
        except Exception as exc:
            results[key] = exc

    threads = [
        threading.Thread(target=one, args=item, name=THREAD_NAME, daemon=True) for item in works.items()
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + seconds
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    answered = dict(results)

    def finish() -> None:
        for thread in threads:
            thread.join()
        if then is not None:
            then()

    if any(t.is_alive() for t in threads):
        threading.Thread(target=finish, name=THREAD_NAME, daemon=True).start()
    else:
        finish()
    return answered
