"""The doctor's line about the automatic status: which screen-lock, sleep and idle sources this system
offers (Linux: D-Bus, each asked with a short timeout; Windows and macOS: whether the system calls are
there), and whether what the user turned on can work here."""

from __future__ import annotations

import sys
from typing import Any

from trayapp.core.i18n import _
from trayapp.doctor.check import Check, with_deadline

DEADLINE_S = 3.0


def _config() -> Any:
    from trayapp.core.auto.config import AutoConfig, AutoStore
    from trayapp.core.paths import AppPaths

    path = AppPaths.default().auto_file
    try:
        return AutoStore(path).load() if path.exists() else AutoConfig()
    except Exception:  # a damaged file is the tray's to report; here: as if nothing were set up
        return AutoConfig()


def check_presence(platform: str = sys.platform) -> Check:
    config = _config()
    from trayapp import screenwatch

    if platform.startswith("linux"):
        found = with_deadline({"probe": screenwatch.probe}, DEADLINE_S).get("probe")
        return linux_line(config, found if isinstance(found, dict) else {})
    return platform_line(config, platform, screenwatch.platform_sources(platform) or screenwatch.Sources())


def _wanted(config: Any) -> tuple[str, dict[str, Any]]:
    wanted = _("on") if config.lock.on else _("off")
    idle = _("after {minutes} min").format(minutes=config.idle.minutes) if config.idle.minutes else _("off")
    return _("away while locked: {lock}, idle: {idle}").format(lock=wanted, idle=idle), {
        "lock": config.lock.on,
        "idle_minutes": config.idle.minutes,
    }


def _verdict(config: Any, heard: list[str], idle_source: str, no_lock: str, no_idle: str) -> tuple[bool, str]:
    if config.lock.on and not heard:
        return False, no_lock
    if config.idle.minutes and not idle_source:
        return False, no_idle
    return True, ""


def linux_line(config: Any, sources: dict[str, bool]) -> Check:
    from trayapp import screenwatch

    wanted, details = _wanted(config)
    details["sources"] = sources
    lock = [n for n in ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver") if sources.get(n)]
    login1 = bool(sources.get(screenwatch.LOGIN1))
    idle_source = (
        screenwatch.MUTTER_IDLE
        if sources.get(screenwatch.MUTTER_IDLE)
        else ("org.freedesktop.ScreenSaver" if sources.get("org.freedesktop.ScreenSaver") else "")
    )
    heard = lock + ([_("{source} (lock and sleep)").format(source=screenwatch.LOGIN1)] if login1 else [])
    parts = [
        _("lock heard from {sources}").format(sources=", ".join(heard))
        if heard
        else _("no screen-lock source answers"),
        _("idle from {source}").format(source=idle_source) if idle_source else _("no idle source"),
        wanted,
    ]
    ok, action = _verdict(
        config,
        heard,
        idle_source,
        _(
            "this desktop offers neither org.freedesktop.ScreenSaver, org.gnome.ScreenSaver nor logind "
            "on D-Bus, so a lock is not noticed; 'trayapp auto lock off' stops asking"
        ),
        _("this desktop offers no idle time on D-Bus; 'trayapp auto idle off' stops asking"),
    )
    return Check("presence", _("Screen lock"), ok, "; ".join(parts), action, details)


def platform_line(config: Any, platform: str, sources: Any) -> Check:
    """Windows and macOS (the system calls trayapp uses, found or not), and any other system (none)."""
    wanted, details = _wanted(config)
    details["sources"] = {"lock": list(sources.lock), "idle": sources.idle}
    if sources.lock or sources.idle:
        parts = [
            _("lock and sleep heard from {sources}").format(sources=", ".join(sources.lock))
            if sources.lock
            else _("no lock source"),
            _("idle from {source}").format(source=sources.idle) if sources.idle else _("no idle source"),
        ]
    else:
        parts = [
            _("screen lock, sleep and idle: not available on this system ({system})").format(system=platform)
        ]
    ok, action = _verdict(
        config,
        list(sources.lock),
        sources.idle,
        _("a lock is not noticed on this system; 'trayapp auto lock off' stops asking"),
        _("idle time is not known on this system; 'trayapp auto idle off' stops asking"),
    )
    return Check("presence", _("Screen lock"), ok, "; ".join([*parts, wanted]), action, details)
