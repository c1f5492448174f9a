"""Qt tests run offscreen (no display needed) against the real demo server over HTTP."""

from __future__ import annotations

import os

# Before any QApplication exists (pytest-qt creates it lazily in the `qapp` fixture).
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
# Notices go to the session bus's notification server: never the developer's own desktop. A test that
# wants one starts its own bus and points DBUS_SESSION_BUS_ADDRESS at it (tests/qt/test_notices.py).
os.environ["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"

import gc
import json
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from tests.realparts import xdg_folders
from trayapp.backends import BACKENDS
from trayapp.core.models import (
    Account,
    AccountResult,
    AccountView,
    Availability,
    Capabilities,
    ChangeKind,
    CurrentStatus,
    CustomStatus,
    Outcome,
    ServiceKind,
    Snapshot,
    StatusChange,
)
from trayapp.core.paths import AppPaths
from trayapp.core.service import StatusService
from trayapp.demo.profile import demo_accounts
from trayapp.demo.server import DemoServer
from trayapp.qt.app import TrayApp
from trayapp.qt.picker import StatusPicker

RC_CAPS = Capabilities(
    (Availability.AVAILABLE, Availability.AWAY, Availability.BUSY, Availability.OFFLINE),
    True,
    "type",
    False,
    True,
)
CB_CAPS = Capabilities((Availability.AVAILABLE, Availability.AWAY), True, "emoji", False, False)
SS_CAPS = Capabilities((Availability.AVAILABLE, Availability.AWAY), False, None, True, True)


def view(
    kind: ServiceKind,
    name: str,
    statuses: Sequence[CustomStatus] = (),
    current: CurrentStatus | None = None,
    **extra: object,
) -> AccountView:
    caps = {ServiceKind.ROCKETCHAT: RC_CAPS, ServiceKind.CALLBELL: CB_CAPS, ServiceKind.SMARTSHEET: SS_CAPS}[
        kind
    ]
    account = Account(name, kind, f"https://{name}.example.com", f"{name}-id", f"{name}-user")
    return AccountView(account, caps, tuple(statuses), current, **extra)  # type: ignore[arg-type]


def three_views() -> tuple[AccountView, ...]:
    rc = view(
        ServiceKind.ROCKETCHAT,
        "rocket",
        [CustomStatus("rc1", "Lunch", "away"), CustomStatus("rc2", "In a call", "busy")],
        CurrentStatus(Availability.AWAY, "rc1", "Lunch", "Lunch"),
    )
    cb = view(
        ServiceKind.CALLBELL,
        "callbell",
        [CustomStatus("cb1", "Lunch", emoji="🍙"), CustomStatus("cb2", "Meeting", emoji="📅")],
        CurrentStatus(Availability.AWAY, "cb1", "Lunch", emoji="🍙"),
    )
    ss = view(
        ServiceKind.SMARTSHEET,
        "smartsheet",
        [CustomStatus("ITO", "In the office", "ITO"), CustomStatus("OOF", "Out of office", "OOF")],
        CurrentStatus(Availability.AWAY, "OOF", "Out of office"),
    )
    return (rc, cb, ss)


@dataclass
class FakeService:
    """Only what the menu and controller read without a network."""

    snap: Snapshot = field(default_factory=Snapshot)
    applied: list[tuple[StatusChange, list[str]]] = field(default_factory=list)
    settings_warning: str = ""

    def snapshot(self) -> Snapshot:
        return self.snap

    def accounts(self) -> list[Account]:
        return [v.account for v in self.snap.accounts]

    def apply(self, change: StatusChange, names: Sequence[str] | None = None) -> list[AccountResult]:
        self.applied.append((change, list(names or [])))
        return [AccountResult(n, Outcome.OK) for n in names or []]

    def clear(self, names: Sequence[str] | None = None) -> list[AccountResult]:
        return self.apply(StatusChange(ChangeKind.CLEAR), names)

    def refresh(self, names: Sequence[str] | None = None) -> list[AccountResult]:
        return [AccountResult(n, Outcome.OK) for n in names or []]


class FixedClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


NOON = datetime(2026, 3, 4, 12, 0, tzinfo=timezone.utc)  # a Wednesday


# ------------------------------------------------------------------------------------- menu helpers


def label(action: QAction) -> str:
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def submenu(action: QAction) -> QMenu:
    """The submenu an entry opens (QAction.menu() is typed as a plain QObject)."""
    sub = action.menu()
    assert isinstance(sub, QMenu), f"{label(action)!r} is not a submenu"
    return sub


def entries(menu: QMenu | QObject | None) -> list[str]:
    """Visible entries as shown; separators as '---'; checkable ones prefixed [x] / [ ]."""
    assert isinstance(menu, QMenu), "not a menu"
    menu.aboutToShow.emit()  # as when the user opens it: submenus may be filled only then
    out = []
    for a in menu.actions():
        if not a.isVisible():
            continue
        if a.isSeparator():
            out.append("---")
        elif a.isCheckable():
            out.append(("[x] " if a.isChecked() else "[ ] ") + label(a))
        else:
            out.append(label(a))
    return out


def find(menu: QMenu, *path: str) -> QAction:
    """The visible action reached by following labels, opening each submenu on the way.

    An account's line reads "Rocket.Chat (alice): Lunch (away), until 14:30": a path may name it by the
    account alone ("Rocket.Chat (alice)")."""
    current = menu
    action: QAction | None = None
    for i, wanted in enumerate(path):
        shown = [a for a in current.actions() if a.isVisible() and not a.isSeparator()]
        hits = [a for a in shown if label(a) == wanted]
        if not hits:
            hits = [a for a in shown if a.menu() is not None and label(a).startswith(wanted + ": ")]
        if len(hits) != 1:
            have = [label(a) for a in shown]
            raise AssertionError(f"{wanted!r}: {len(hits)} matches in {have}")
        action = hits[0]
        if i < len(path) - 1:
            sub = action.menu()
            assert isinstance(sub, QMenu), f"{wanted!r} is not a submenu"
            sub.aboutToShow.emit()  # as when the user opens it: submenus may be filled only then
            current = sub
    assert action is not None
    return action


# ----------------------------------------------------------------------------------------- fixtures


@pytest.fixture(autouse=True)
def widgets_die_on_the_gui_thread() -> Iterator[None]:
    """A test's widgets become garbage when its app is torn down, after the app's own GUI-thread collector
    (trayapp/qt/collector.py) has handed collection back: collect them here, on the GUI thread, before the
    next test starts threads that could otherwise free them."""
    yield
    gc.collect()


@pytest.fixture
def service(demo: DemoServer, profile: AppPaths) -> Iterator[StatusService]:
    """A real StatusService with the three demo accounts (alice), talking HTTP to the demo server."""
    svc = StatusService(profile, backends=BACKENDS)
    for account, secret in demo_accounts(demo):
        svc.add_account(account, secret)
    yield svc
    svc.close()


@pytest.fixture
def tray_app(qtbot: QtBot, service: StatusService) -> Iterator[TrayApp]:
    app = TrayApp(service, tray_wait_s=600, first_run_dialog=False)
    app.start()
    qtbot.waitUntil(lambda: not app.dispatcher.busy(), timeout=10_000)
    yield app
    app.shutdown()


def real_service(app: TrayApp) -> StatusService:
    """The app's StatusService (the controller sees it through a narrower protocol)."""
    service = app.controller.service
    assert isinstance(service, StatusService)
    return service


def wait_idle(qtbot: QtBot, app: TrayApp, timeout: int = 10_000) -> None:
    """Until every queued result has been handled: the dispatcher's idle signal (no polling window in
    which a result is on its way to the GUI thread and nothing is queued yet)."""
    if app.dispatcher.busy():
        with qtbot.waitSignal(app.dispatcher.idle, timeout=timeout):
            pass


def closed(widget: QWidget) -> bool:
    """Hidden, or already deleted (dialogs delete themselves once closed)."""
    try:
        return not widget.isVisible()
    except RuntimeError:
        return True


# ------------------------------------------------------------------------------------ the picker


def open_picker(qtbot: QtBot, app: TrayApp) -> StatusPicker:
    """ "Set a status…" from the tray menu, as the user opens it."""
    find(app.tray.menu, "Set a status…").trigger()
    qtbot.waitUntil(lambda: "picker" in app.dialogs and app.dialogs["picker"].isVisible())
    picker = app.dialogs["picker"]
    assert isinstance(picker, StatusPicker)
    return picker


def pick(
    qtbot: QtBot,
    app: TrayApp,
    query: str,
    clear_after: str = "Don't clear",
    accounts: Sequence[str] | None = None,
    title: str | None = None,
    press: bool = True,
) -> StatusPicker:
    """Type `query` into the picker, move down to the row titled `title` (default: the first row), choose
    "Clear after" and the accounts (names; None: as offered), and press Enter (unless not `press`)."""
    picker = open_picker(qtbot, app)
    qtbot.keyClicks(picker.search, query)
    if title is not None:
        titles = [c.title for c in picker.model.choices()]
        assert title in titles, titles
        for _ in range(titles.index(title)):
            qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    current = picker.current()
    assert current is not None and (title is None or current.title == title)
    index = picker.clear_after.findText(clear_after)
    assert index >= 0, clear_after
    picker.clear_after.setCurrentIndex(index)
    if accounts is not None:
        for name, check in picker.account_checks.items():
            if check.isEnabled():
                check.setChecked(name in accounts)
    if press:
        press_enter(qtbot, picker)
    return picker


def press_enter(qtbot: QtBot, picker: StatusPicker) -> None:
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: closed(picker))


_START_AND_LOOK = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QStyle
from trayapp.qt.app import run

app = QApplication(sys.argv[:1])

def look():
    shown = [w for w in app.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    if not shown:
        QTimer.singleShot(50, look)  # the first start's Accounts dialog is still to come
        return
    menus = [w for w in app.topLevelWidgets() if isinstance(w, QMenu)]
    tray_menus = [m for m in menus if m.parent() is None or isinstance(m.parent(), QMenu)]  # not a button's
    scrolls = {m.style().styleHint(QStyle.StyleHint.SH_Menu_Scrollable, None, m) == 1 for m in tray_menus}
    print(json.dumps({"app_rtl": app.isRightToLeft(), "dialogs_rtl": [d.isRightToLeft() for d in shown],
                      "menus_rtl": sorted({m.isRightToLeft() for m in menus}), "tray_menus": len(tray_menus),
                      "menus_scroll": sorted(scrolls)}), flush=True)
    app.quit()

QTimer.singleShot(0, look)
sys.exit(run())
"""


def start_tray_and_look(tmp_path: Path, env: dict[str, str]) -> dict[str, Any]:
    """Start the real tray (trayapp.qt.app.run, offscreen, a first start: no accounts) in a process of
    its own, and say how it looks once the first start's Accounts dialog is up."""
    full = {**os.environ, **xdg_folders(tmp_path / "xdg"), "QT_QPA_PLATFORM": "offscreen", **env}
    out = subprocess.run(
        [sys.executable, "-c", _START_AND_LOOK], env=full, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    seen: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return seen
