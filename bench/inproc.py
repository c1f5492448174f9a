"""In-process measurements (offscreen Qt, the demo server in its own process); prints one JSON object.

- menu: Tray.update() (build the spec + reconcile the persistent QMenu) with N cached statuses spread over
  three accounts: first build, an update that moves the current status, and an update with nothing new;
  plus opening the root menu (popup + one event-loop turn). Every submenu is filled at update time and
  holds at most 20 entries: the long lists are in the picker.
- picker: "Set a status…" with N statuses per account (three accounts): the first opening (its module
  imported, the dialog built and shown), a later opening, and filtering as one types a query.
- requests: HTTP requests the demo server saw per user action, driven through the real menu / dialog.
- concurrency: "Away" on three accounts while every request takes 1 s.
- stall: longest gap between ticks of a 1 ms precise timer while a status change waits 5 s on the server.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from bench.demo_proc import RemoteDemo
from trayapp.backends import BACKENDS
from trayapp.core.models import (
    Account,
    AccountView,
    Availability,
    Capabilities,
    CurrentStatus,
    CustomStatus,
    ServiceKind,
    Snapshot,
)
from trayapp.core.paths import AppPaths
from trayapp.core.secrets import SecretStore
from trayapp.core.service import StatusService
from trayapp.demo.memory_keyring import MemoryKeyring
from trayapp.demo.profile import demo_accounts
from trayapp.qt.app import TrayApp
from trayapp.qt.controller import Controller
from trayapp.qt.dialogs import CreateStatusDialog
from trayapp.qt.dispatcher import Dispatcher
from trayapp.qt.tray import Tray

app = QApplication.instance() or QApplication(sys.argv[:1])


def spin(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(pred: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > deadline:
            raise TimeoutError("timed out")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)


# ------------------------------------------------------------------------------------------------ menu


class _Fake:
    def __init__(self) -> None:
        self.snap = Snapshot()
        self.settings_warning = ""

    def snapshot(self) -> Snapshot:
        return self.snap

    def accounts(self) -> list[Account]:
        return [v.account for v in self.snap.accounts]


class _NoActions:
    def __getattr__(self, name: str) -> Callable[..., None]:
        return lambda *a, **k: None


def _snapshot(n: int, current_index: int) -> Snapshot:
    caps_rc = Capabilities(tuple(Availability), True, "type", False, True)
    caps_cb = Capabilities((Availability.AVAILABLE, Availability.AWAY), True, "emoji", False, False)
    caps_ss = Capabilities((Availability.AVAILABLE, Availability.AWAY), False, None, True, True)
    views = []
    for k, (kind, caps) in enumerate(
        (
            (ServiceKind.ROCKETCHAT, caps_rc),
            (ServiceKind.CALLBELL, caps_cb),
            (ServiceKind.SMARTSHEET, caps_ss),
        )
    ):
        count = n // 3 + (1 if k < n % 3 else 0)
        name = kind.value
        statuses = tuple(CustomStatus(f"{name}-{i}", f"Status {i} of {name}", "away") for i in range(count))
        cur = statuses[current_index % count]
        account = Account(name, kind, f"https://{name}.example.com", f"{name}-id", f"{name}-user")
        views.append(
            AccountView(account, caps, statuses, CurrentStatus(Availability.AWAY, cur.id, cur.name, cur.name))
        )
    return Snapshot(accounts=tuple(views))


def _ms(fn: Callable[[], Any]) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def menu_times(n: int, repeats: int = 5) -> dict[str, float]:
    first: list[float] = []
    moved: list[float] = []
    same: list[float] = []
    popup: list[float] = []
    for r in range(repeats):
        fake = _Fake()
        dispatcher = Dispatcher(workers=1)
        controller = Controller(fake, dispatcher)  # type: ignore[arg-type]
        tray = Tray(controller, _NoActions())  # type: ignore[arg-type]
        fake.snap = _snapshot(n, 0)
        first.append(_ms(controller.load_now))  # compose + Tray.update: spec + reconcile from empty
        fake.snap = _snapshot(n, r + 1)
        moved.append(_ms(controller.load_now))  # the current status moved: checks change
        same.append(_ms(controller.load_now))  # nothing changed
        menu = tray.menu

        def open_menu(m: QMenu = menu) -> None:
            m.popup(QPoint(10, 10))
            app.processEvents()

        popup.append(_ms(open_menu))
        menu.hide()
        app.processEvents()
        dispatcher.shutdown(1.0)
        tray.hide()
        tray.deleteLater()
        controller.deleteLater()
        app.processEvents()
    med = lambda xs: sorted(xs)[len(xs) // 2]  # noqa: E731
    return {"first": med(first), "update": med(moved), "noop": med(same), "popup": med(popup)}


def picker_times(per_account: int, repeats: int = 5) -> dict[str, float]:
    """ "Set a status…" over three accounts with `per_account` statuses each: first opening (the module
    imported, the dialog built and shown: what the first click costs), later openings (a new dialog, as
    each click makes), and each keystroke of "status 99" as one types it (the worst one)."""
    fake = _Fake()
    fake.snap = _snapshot(per_account * 3, 0)
    dispatcher = Dispatcher(workers=1)
    controller = Controller(fake, dispatcher)  # type: ignore[arg-type]
    controller.load_now()
    opens: list[float] = []
    keys: list[float] = []
    rows = 0
    for _ in range(repeats + 1):

        def open_picker() -> Any:
            from trayapp.qt.picker import StatusPicker

            picker = StatusPicker(controller)
            picker.show()
            app.processEvents()
            return picker

        t = time.perf_counter()
        picker = open_picker()
        opens.append((time.perf_counter() - t) * 1000)
        rows = picker.model.rowCount()
        typed = ""
        worst = 0.0
        for char in "status 99":
            typed += char
            worst = max(worst, _ms(lambda q=typed, p=picker: (p.search.setText(q), app.processEvents())))
        keys.append(worst)
        picker.close()
        picker.deleteLater()
        app.processEvents()
    dispatcher.shutdown(1.0)
    later = opens[1:]
    return {
        "rows": rows,
        "first_open": opens[0],
        "open": sorted(later)[len(later) // 2],
        "keystroke": sorted(keys)[len(keys) // 2],
    }


# -------------------------------------------------------------------------------------- demo actions


def find(menu: QMenu, *path: str) -> QAction:
    for action in menu.actions():
        if action.text().replace("&&", "&") == path[0] and action.isVisible():
            if len(path) == 1:
                return action
            sub = action.menu()
            assert isinstance(sub, QMenu)
            sub.aboutToShow.emit()  # as when the user opens it: submenus are filled then
            return find(sub, *path[1:])
    raise KeyError(path)


def demo_measures() -> dict[str, Any]:
    demo = RemoteDemo()
    root = Path(tempfile.mkdtemp(prefix="trayapp-bench-"))
    service = StatusService(AppPaths.under(root), secrets=SecretStore(MemoryKeyring()), backends=BACKENDS)
    for account, secret in demo_accounts(demo):  # type: ignore[arg-type]
        service.add_account(account, secret)
    tray_app = TrayApp(service, first_run_dialog=False, tray_wait_s=3600)
    tray_app.start()
    idle = lambda: not tray_app.dispatcher.busy()  # noqa: E731
    wait_until(idle)
    menu = tray_app.tray.menu
    out: dict[str, Any] = {"requests": {}}

    def count(label: str, act: Callable[[], None], settle_ms: int = 300) -> None:
        spin(settle_ms)
        mark = demo.count()
        t = time.perf_counter()
        act()
        wait_until(idle)
        elapsed = time.perf_counter() - t
        spin(settle_ms)  # anything that comes later (a refresh, a re-read) counts too
        reqs = demo.since(mark)
        out["requests"][label] = {
            "n": len(reqs),
            "what": [f"{s} {m} {p}" for s, m, p, _ in reqs],
            "seconds": round(elapsed, 3),
        }

    def open_menu() -> None:
        menu.aboutToShow.emit()
        menu.popup(QPoint(10, 10))
        spin(200)
        menu.hide()

    def rc_label() -> str:
        """Rocket.Chat's line, which reads its current status ("Rocket.Chat (alice): Lunch (away)")."""
        lines = [a for a in menu.actions() if a.isVisible() and a.menu()]
        return next(a.text() for a in lines if a.text().startswith("Rocket.Chat ("))

    count("open menu", open_menu)
    count("open the picker", lambda: (find(menu, "Set a status…").trigger(), spin(100)))
    count("apply a status (Rocket.Chat 'Lunch')", lambda: find(menu, rc_label(), "Lunch").trigger())
    count("availability 'Away' on three accounts", lambda: find(menu, "Away").trigger())

    def create() -> None:
        find(menu, "More", "New status…").trigger()
        wait_until(lambda: "create" in tray_app.dialogs and tray_app.dialogs["create"].isVisible())
        dialog = tray_app.dialogs["create"]
        assert isinstance(dialog, CreateStatusDialog)
        for row in dialog._rows:
            row.check.setChecked(row.view.account.kind is ServiceKind.ROCKETCHAT)
        dialog.name.setText("Bench status")
        dialog.apply_now.setChecked(False)
        dialog.submit()
        wait_until(lambda: "create" not in tray_app.dialogs or not tray_app.dialogs["create"].isVisible())

    count("create a status (Rocket.Chat, not applied)", create)
    count("refresh (three accounts)", lambda: find(menu, "More", "Refresh").trigger())

    # concurrency: every request takes 1 s
    demo.fault("slow", None, None, 1.0)
    count(
        "availability 'Available' on three accounts, 1 s server",
        lambda: find(menu, "Available").trigger(),
        100,
    )
    demo.clear()
    reqs = out["requests"]["availability 'Available' on three accounts, 1 s server"]
    out["concurrency_s"] = reqs["seconds"]

    # GUI stall while the status change waits 5 s on the server
    demo.fault("slow", "rocketchat", 1, 5.0)
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(1)
    probe.timeout.connect(tick)
    spin(200)
    probe.start()
    spin(50)
    gaps.clear()
    last[0] = time.perf_counter()
    t = time.perf_counter()
    find(menu, rc_label(), "In a call").trigger()
    loop = QEventLoop()
    done = QTimer()
    done.timeout.connect(lambda: loop.quit() if idle() else None)
    done.start(5)
    loop.exec()
    done.stop()
    spin(300)
    probe.stop()
    out["stall"] = {
        "max_gap_ms": round(max(gaps) * 1000, 2),
        "ticks": len(gaps),
        "change_took_s": round(time.perf_counter() - t - 0.3, 2),
    }
    demo.clear()

    tray_app.shutdown()
    demo.stop()
    return out


def main() -> None:
    sizes = [int(s) for s in (sys.argv[1:] or ["10", "100", "1000"])]
    result: dict[str, Any] = {"menu": {str(n): menu_times(n) for n in sizes}}
    result["picker"] = {str(n): picker_times(n) for n in (100, 1000)}
    result.update(demo_measures())
    print(json.dumps(result))


if __name__ == "__main__":
    main()
