"""trayapp.notifier against a real notification server (dunst) on a private bus, and against a bus with
no server at all: what is sent, what replaces what, and what the caller hears when nobody listens."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from jeepney import HeaderFields, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

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


class ForgetfulServer:
    """A notification server as GNOME Shell's daemon behaves (js/dbusServices/notifications): it refuses
    a replaces_id it did not give this sender (InvalidArgs), e.g. after a restart forgot its ids."""

    def __init__(self, address: str) -> None:
        self.conn = open_dbus_connection(address)
        reply = self.conn.send_and_get_reply(message_bus.RequestName("org.freedesktop.Notifications"))
        assert reply.body == (1,)  # the primary owner
        self.issued: set[int] = set()
        self.shown: list[tuple[int, str]] = []  # (id, summary)
        self.refused = 0
        self._next = 1
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                msg = self.conn.receive(timeout=0.1)
            except TimeoutError:
                continue
            if msg.header.fields.get(HeaderFields.member) != "Notify":
                continue
            replaces, summary = msg.body[1], msg.body[3]
            if replaces and replaces not in self.issued:
                self.refused += 1
                self.conn.send(new_error(msg, "org.freedesktop.DBus.Error.InvalidArgs", "s", ("Invalid ID",)))
                continue
            new_id = replaces or self._next
            self._next += 0 if replaces else 1
            self.issued.add(new_id)
            self.shown.append((new_id, summary))
            self.conn.send(new_method_return(msg, "u", (new_id,)))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.conn.close()


def test_a_forgotten_id_gives_one_fresh_notice(bare: xtray.TraySession) -> None:
    server = ForgetfulServer(bare.bus)
    notifier = Notifier("trayapp", address=bare.bus)
    try:
        notifier.notify(Notice("problem", "Could not set Busy", "refused", error=True))
        assert notifier.wait_idle(10)
        server.issued.clear()  # the server restarted
        notifier.notify(Notice("problem", "Could not set Away", "refused", error=True))
        assert notifier.wait_idle(10)
    finally:
        notifier.close()
        server.close()
    assert server.refused == 1
    assert server.shown == [(1, "Could not set Busy"), (2, "Could not set Away")]  # shown once each
