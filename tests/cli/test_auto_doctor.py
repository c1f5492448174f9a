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


def test_a_system_without_listeners_says_not_available(cli: CLI) -> None:
    from trayapp.doctor.presence import check_presence

    line = check_presence(platform="freebsd14")
    assert line.ok is True  # nothing asked for: only information
    assert "screen lock, sleep and idle: not available on this system (freebsd14)" in line.summary
    cli("auto", "idle", "10")
    line = check_presence(platform="freebsd14")
    assert line.ok is False and "'trayapp auto idle off'" in line.action


def test_windows_and_macos_name_their_system_calls() -> None:
    from trayapp.core.auto.config import AutoConfig, PresenceSetting
    from trayapp.doctor.presence import platform_line
    from trayapp.screenwatch import Sources, macos, windows

    config = AutoConfig(lock=PresenceSetting(on=True), idle=PresenceSetting(minutes=10))
    win = Sources((windows.LOCK_SOURCE, windows.SLEEP_SOURCE), windows.IDLE_SOURCE)
    line = platform_line(config, "win32", win)
    assert line.ok is True
    assert line.summary == (
        "lock and sleep heard from WTS session notifications, WM_POWERBROADCAST; idle from GetLastInputInfo; "
        "away while locked: on, idle: after 10 min"
    )
    mac = Sources((macos.LOCK_SOURCE, macos.SLEEP_SOURCE), macos.IDLE_SOURCE)
    summary = platform_line(config, "darwin", mac).summary
    assert "com.apple.screenIsLocked, IORegisterForSystemPower" in summary
    assert "idle from CGEventSourceSecondsSinceLastEventType" in summary
    missing = platform_line(config, "win32", Sources())  # a DLL or a call missing
    assert missing.ok is False and "trayapp auto lock off" in missing.action


def test_off_windows_the_windows_line_does_not_pretend(cli: CLI) -> None:
    import sys

    from trayapp.doctor.presence import check_presence

    assert sys.platform != "win32", "this test is about the other systems"
    assert "not available on this system (win32)" in check_presence(platform="win32").summary
