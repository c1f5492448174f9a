"""The doctor's line about the automatic status: which screen-lock, sleep and idle sources this desktop
offers (D-Bus, each asked with a short timeout), and whether what the user turned on can work here."""

from __future__ import annotations

import sys
from typing import Any

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


def check_presence() -> Check:
    config = _config()
    wanted = "on" if config.lock.on else "off"
    idle = f"after {config.idle.minutes} min" if config.idle.minutes else "off"
    details: dict[str, Any] = {"lock": config.lock.on, "idle_minutes": config.idle.minutes}
    if not sys.platform.startswith("linux"):
        summary = (
            f"screen lock and idle are not watched on {sys.platform} yet (Linux only for now); "
            f"away while locked: {wanted}, idle: {idle}"
        )
        ok = not (config.lock.on or config.idle.minutes)
        action = "" if ok else "turn it off with 'trayapp auto lock off' / 'trayapp auto idle off'"
        return Check("presence", "Screen lock", ok, summary, action, details)
    from trayapp import screenwatch

    found = with_deadline({"probe": screenwatch.probe}, DEADLINE_S).get("probe")
    sources = found if isinstance(found, dict) else {}
    details["sources"] = sources
    lock = [n for n in ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver") if sources.get(n)]
    login1 = bool(sources.get(screenwatch.LOGIN1))
    idle_source = (
        screenwatch.MUTTER_IDLE
        if sources.get(screenwatch.MUTTER_IDLE)
        else ("org.freedesktop.ScreenSaver" if sources.get("org.freedesktop.ScreenSaver") else "")
    )
    heard = lock + ([f"{screenwatch.LOGIN1} (lock and sleep)"] if login1 else [])
    summary = f"lock heard from {', '.join(heard)}" if heard else "no screen-lock source answers"
    summary += f"; idle from {idle_source}" if idle_source else "; no idle source"
    summary += f"; away while locked: {wanted}, idle: {idle}"
    ok = True
    action = ""
    if config.lock.on and not heard:
        ok = False
        action = (
            "this desktop offers neither org.freedesktop.ScreenSaver, org.gnome.ScreenSaver nor logind "
            "on D-Bus, so a lock is not noticed; 'trayapp auto lock off' stops asking"
        )
    elif config.idle.minutes and not idle_source:
        ok = False
        action = "this desktop offers no idle time on D-Bus; 'trayapp auto idle off' stops asking"
    return Check("presence", "Screen lock", ok, summary, action, details)
