"""trayapp.notifier against a real notification server (dunst) on a private bus, and against a bus with
no server at all: what is sent, what replaces what, and what the caller hears when nobody listens."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration import xtray
from tests.integration.notifyd import NotifyCapture, start_dunst
from trayapp.notifier import Image, Notice, Notifier

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="Xvfb and D-Bus are Linux-only")


@pytest.fixture
def bare(tmp_path: Path) -> Iterator[xtray.TraySession]:
    """Xvfb and a private bus on which nothing can be started (no activation)."""
    xtray.require("none")
    (tmp_path / "x").mkdir()
    with xtray.TraySession(tmp_path / "x", host="none", bus="bare") as session:
        yield session


def test_each_kind_replaces_its_own_last_notice(bare: xtray.TraySession, tmp_path: Path) -> None:
    start_dunst(bare)
    undelivered: list[str] = []
    with NotifyCapture(bare, tmp_path) as capture:
        notifier = Notifier(
            "trayapp",
            "/icons/trayapp.svg",
            lambda: Image(2, 1, bytes(range(1, 9))),
            desktop_entry="trayapp",
            address=bare.bus,
            on_undelivered=lambda n, why: undelivered.append(why),
        )
        try:
            for notice in (
                Notice("problem", "Could not set Busy", "Rocket.Chat (alice): refused", error=True),
                Notice("news", "Scheduled status set", "Callbell (bob): Away"),
                Notice("problem", "Could not set Away", "Rocket.Chat (alice): refused", error=True),
            ):
                notifier.notify(notice)
                assert notifier.wait_idle(10)
            first, news, second = capture.wait_for(os.getpid(), 3)  # while connected: senders have a pid
        finally:
            notifier.close()
    assert undelivered == []
    assert [c.summary for c in (first, news, second)] == [
        "Could not set Busy",
        "Scheduled status set",
        "Could not set Away",
    ]
    assert (first.replaces_id, news.replaces_id) == (0, 0)
    assert second.replaces_id == first.returned_id  # the new problem takes the last problem's place
    assert second.returned_id == first.returned_id
    assert {c.app_name for c in (first, news, second)} == {"trayapp"}
    assert first.app_icon == "/icons/trayapp.svg"
    assert first.hints["desktop-entry"] == "trayapp"
    assert tuple(first.hints["image-data"]) == (2, 1, 8, True, 8, 4, bytes(range(1, 9)))


def test_no_server_is_reported_never_raised(bare: xtray.TraySession) -> None:
    heard = threading.Event()
    reasons: list[str] = []

    def undelivered(notice: Notice, why: str) -> None:
        reasons.append(f"{notice.title}: {why}")
        heard.set()

    notifier = Notifier("trayapp", address=bare.bus, on_undelivered=undelivered)
    try:
        notifier.notify(Notice("problem", "Could not set Busy", "refused", error=True))
        assert heard.wait(10)
    finally:
        notifier.close()
    assert reasons == ["Could not set Busy: no notification server is running"]


def test_no_bus_is_reported_never_raised() -> None:
    reasons: list[str] = []
    notifier = Notifier("trayapp", address="disabled:", on_undelivered=lambda n, why: reasons.append(why))
    try:
        notifier.notify(Notice("news", "Status restored", "Available"))
        assert notifier.wait_idle(10)
    finally:
        notifier.close()
    assert reasons == ["the D-Bus session bus is turned off (DBUS_SESSION_BUS_ADDRESS=disabled:)"]
