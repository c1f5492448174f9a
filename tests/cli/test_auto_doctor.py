"""`trayapp doctor` says which screen-lock, sleep and idle sources answer, and asks for action only when
the user turned on something this desktop cannot hear."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.auto.standin import StandIn, private_bus
from tests.cli.conftest import CLI
from tests.realparts import require_tools


def presence_line(cli: CLI) -> dict[str, object]:
    run = cli("doctor", "--json")
    return next(c for c in json.loads(run.out)["checks"] if c["check"] == "presence")


@pytest.fixture
def buses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    require_tools("dbus-daemon")
    with private_bus(tmp_path / "s") as session, private_bus(tmp_path / "y") as system:
        standins = [StandIn(session, "session").start(), StandIn(system, "system").start()]
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", session)
        monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", system)
        yield
        for s in standins:
            s.stop()


def test_doctor_names_the_lock_and_idle_sources(cli: CLI, buses: None) -> None:
    line = presence_line(cli)
    assert line["ok"] is True
    summary = str(line["summary"])
    assert "org.gnome.ScreenSaver" in summary and "org.freedesktop.login1 (lock and sleep)" in summary
    assert "idle from org.gnome.Mutter.IdleMonitor" in summary


def test_lock_on_where_nothing_answers_asks_for_action(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:")
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", "disabled:")
    assert presence_line(cli)["ok"] is True  # nothing asked for: only information
    cli("auto", "lock", "on")
    line = presence_line(cli)
    assert line["ok"] is False
    assert "no screen-lock source answers" in str(line["summary"])
    assert "trayapp auto lock off" in str(line["action"])
