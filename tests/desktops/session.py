"""What every desktop session here shares: throwaway folders, private D-Bus buses, processes we started
(stopped by their own handle, their process group, and the services our private bus activated), the app
under test, and where screenshots go."""

from __future__ import annotations

import contextlib
import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pytest

from tests.integration import xtray
from tests.realparts import require_tools, xdg_folders

# A bus that starts no service and lets any user of the machine in (sway refuses to run as root, so the
# compositor runs as nobody and the app as the caller) and lets a test watch it (notifications).
OPEN_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>{kind}</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  {services}
  <policy context="default">
    <allow user="*"/><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""
NOBODY = 65534
SHOTS_ENV = "TRAYAPP_SHOTS"


def wait_for(predicate: Callable[[], object], timeout: float, what: str, interval: float = 0.2) -> None:
    xtray.wait_for(predicate, timeout, what, interval)


def poll(read: Callable[[], object], timeout: float, interval: float = 0.2) -> object:
    """The first truthy value read() gives within timeout, else its last value."""
    deadline = time.monotonic() + timeout
    value = read()
    while not value and time.monotonic() < deadline:
        time.sleep(interval)
        value = read()
    return value


@dataclass
class App:
    """trayapp running on a desktop."""

    proc: subprocess.Popen[bytes]
    profile: Path
    log_path: Path

    @property
    def pid(self) -> int:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None

    def log(self) -> str:
        out = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        own = self.profile / "state" / "trayapp" / "log" / "trayapp.log"
        if own.exists():
            out += "\n--- trayapp.log\n" + own.read_text(errors="replace")[-4000:]
        return out[-8000:]


class Desktop:
    """One desktop session. Subclasses start the shell in start() and say how to take a screenshot."""

    name = "desktop"
    needs: tuple[str, ...] = ()

    def __init__(self, root: Path, size: tuple[int, int] = (1280, 800)) -> None:
        self.root = root
        self.size = size
        self.bus = ""
        self._procs: list[subprocess.Popen[bytes]] = []
        self._logs: list[IO[bytes]] = []
        self._fds: list[int] = []
        self.root.mkdir(parents=True, exist_ok=True)
        self.home = self.root / "home"
        self.home.mkdir(exist_ok=True)
        self.xdg = xdg_folders(self.root / "xdg")

    # ------------------------------------------------------------------ lifecycle
    def require(self) -> None:
        require_tools(*self.needs)

    def start(self) -> Desktop:
        raise NotImplementedError

    def stop(self) -> None:
        for pid in self._bus_clients():  # services our private bus activated (kded5, dconf, xfconfd...)
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
        for proc in reversed(self._procs):
            with contextlib.suppress(OSError):
                os.killpg(proc.pid, signal.SIGTERM)  # the process and what it spawned, by its group id
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(OSError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)
            if proc.stdout is not None:
                proc.stdout.close()
        for pid in self._bus_clients():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        self._procs.clear()
        for handle in self._logs:
            handle.close()
        self._logs.clear()
        for fd in self._fds:
            os.close(fd)
        self._fds.clear()

    def _bus_clients(self) -> list[int]:
        if not self.bus:
            return []
        mark = f"DBUS_SESSION_BUS_ADDRESS={self.bus}".encode()
        own = {os.getpid()} | {p.pid for p in self._procs}
        found = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit() or int(entry) in own:
                continue
            with contextlib.suppress(OSError):
                if mark in Path(f"/proc/{entry}/environ").read_bytes().split(b"\0"):
                    found.append(int(entry))
        return found

    def __enter__(self) -> Desktop:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ processes
    def env(self) -> dict[str, str]:
        """The environment of the desktop's own programs (and the base of the app's)."""
        keep = ("PATH", "LANG", "LC_ALL", "TZ")
        env = {k: v for k, v in os.environ.items() if k in keep}
        env.update(self.xdg, HOME=str(self.home), NO_AT_BRIDGE="1")
        env["XDG_DATA_DIRS"] = "/usr/local/share:/usr/share"
        if self.bus:
            env["DBUS_SESSION_BUS_ADDRESS"] = self.bus
        return env

    def spawn(
        self,
        name: str,
        argv: Sequence[str],
        env: dict[str, str] | None = None,
        *,
        user: int | None = None,
        pipe: bool = False,
    ) -> subprocess.Popen[bytes]:
        log = open(self.root / f"{name}.log", "wb")  # noqa: SIM115  (closed in stop())
        self._logs.append(log)
        as_user: dict[str, Any] = {}
        if user is not None:
            as_user = {"user": user, "group": user, "extra_groups": []}
        proc: subprocess.Popen[bytes] = subprocess.Popen(
            argv,
            env=self.env() if env is None else env,
            stdout=subprocess.PIPE if pipe else log,
            stderr=log,
            start_new_session=True,  # its own process group: stop() ends what it spawned too
            **as_user,
        )
        self._procs.append(proc)
        return proc

    def start_bus(self, kind: str = "session", *, services: bool = True, user: int | None = None) -> str:
        """A private dbus-daemon; returns its address. services=False: nothing D-Bus activatable."""
        config = self.root / f"{kind}-bus.conf"
        config.write_text(
            OPEN_BUS_CONFIG.format(
                kind="session" if kind == "session" else "custom",
                services="<standard_session_servicedirs/>" if services else "",
            )
        )
        proc = self.spawn(
            f"{kind}-bus",
            ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address"],
            user=user,
            pipe=True,
        )
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 10)
        address = proc.stdout.readline().decode().strip() if ready else ""
        if not address:
            raise RuntimeError(f"dbus-daemon ({kind}) did not print its address")
        if kind == "session":
            self.bus = address
        return address

    def bus_has(self, name: str) -> bool:
        asked = subprocess.run(
            [
                "dbus-send",
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                f"string:{name}",
            ],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=10,
        )
        return "boolean true" in asked.stdout

    def wait_bus_name(self, name: str, timeout: float, what: str) -> None:
        try:
            wait_for(lambda: self.bus_has(name), timeout, f"{what} ({name}) on the session bus")
        except TimeoutError as e:
            raise RuntimeError(f"{e}; logs in {self.root}") from None

    # ------------------------------------------------------------------ the app
    def app_env(self, profile: Path) -> dict[str, str]:
        env = {**self.env(), **xdg_folders(profile)}
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        return env

    @contextlib.contextmanager
    def app(
        self, *args: str, profile: Path | None = None, env: dict[str, str] | None = None
    ) -> Iterator[App]:
        """`python -m trayapp ARGS` (default --demo) in this session; SIGTERM at the end, as a logout."""
        profile = profile or self.root / "profile"
        log_path = profile.parent / f"{profile.name}-app.log"
        profile.mkdir(parents=True, exist_ok=True)
        with open(log_path, "wb") as log:
            proc = subprocess.Popen(
                [sys.executable, "-m", "trayapp", *(args or ("--demo",))],
                env={**self.app_env(profile), **(env or {})},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                yield App(proc, profile, log_path)
            finally:
                xtray.stop_process(proc, grace=10)

    # ------------------------------------------------------------------ screenshots
    def screenshot(self, path: Path) -> Path:
        raise NotImplementedError

    def shot(self, what: str) -> Path | None:
        """Keep a screenshot named <desktop>-<what>.png when TRAYAPP_SHOTS is set."""
        folder = os.environ.get(SHOTS_ENV)
        if not folder:
            return None
        return self.screenshot(Path(folder) / f"{self.name}-{what}.png")


def session_fixture(desktop: Desktop) -> Iterator[Desktop]:
    """Start a desktop for a test module; a broken start fails with where its logs are."""
    desktop.require()
    try:
        desktop.start()
    except (RuntimeError, TimeoutError) as e:
        desktop.stop()
        pytest.fail(f"{desktop.name} did not start: {e}")
    try:
        yield desktop
    finally:
        desktop.stop()
