"""A throwaway X display with a real system-tray host, for tests that need a real tray.

Our own code (modelled on the company's xvfb-tray.sh, so tests do not depend on ../shared):
- host "xfce": Xvfb + a private D-Bus session + xfce4-panel, which hosts StatusNotifierItem (what KDE,
  XFCE and GNOME's AppIndicator extension speak) as well as XEmbed;
- host "trayer": Xvfb + trayer, an XEmbed-only tray strip whose colour we choose (light/dark panels);
- with keyring_password: also a private D-Bus session with an unlocked gnome-keyring (Secret Service), as
  a logged-in desktop has (the benchmark uses it).
- host "none": Xvfb alone (no tray host), as on stock GNOME; bus="bare" gives any host a private D-Bus
  session that can start no service (nothing activatable: no notification server, no keyring).
Every process is started here and stopped by its own handle; nothing global is touched (HOME and XDG
folders are throwaway, so xfconfd started by D-Bus activation writes nowhere real).
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import select
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from tests.realparts import require_tools, xdg_folders

TOOLS = {
    "xfce": ("Xvfb", "dbus-daemon", "xfce4-panel", "import"),
    "trayer": ("Xvfb", "trayer", "import", "xdotool", "xwininfo"),
    "none": ("Xvfb", "dbus-daemon"),
}
BARE_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/>
    <allow own="*"/></policy>
</busconfig>
"""


def require(host: str) -> None:
    """Skip locally, fail in CI (CI=true), when a needed binary is missing."""
    require_tools(*TOOLS[host])


def stop_process(proc: subprocess.Popen[bytes], grace: float) -> None:
    """SIGTERM, as a logout sends; SIGKILL if it has not exited within `grace` seconds."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


def wait_for(predicate: object, timeout: float, what: str, interval: float = 0.1) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(interval)
    raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")


def has_tray(display: str) -> bool:
    """Some client owns the XEmbed tray selection _NET_SYSTEM_TRAY_S0 (any tray host does)."""
    x11 = ctypes.cdll.LoadLibrary("libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XGetSelectionOwner.restype = ctypes.c_ulong
    dpy = x11.XOpenDisplay(display.encode())
    if not dpy:
        return False
    try:
        atom = x11.XInternAtom(ctypes.c_void_p(dpy), b"_NET_SYSTEM_TRAY_S0", 0)
        return bool(x11.XGetSelectionOwner(ctypes.c_void_p(dpy), ctypes.c_ulong(atom)))
    finally:
        x11.XCloseDisplay(ctypes.c_void_p(dpy))


class TraySession:
    def __init__(
        self,
        root: Path,
        host: str = "xfce",
        panel_colour: str = "0x404040",
        size: tuple[int, int] = (1280, 800),
        keyring_password: str | None = None,
        bus: str = "",
    ) -> None:
        self.root = root
        self.host = host
        self.bus_kind = bus or ("session" if host == "xfce" or keyring_password is not None else "")
        self.keyring_password = keyring_password
        self.panel_colour = panel_colour
        self.size = size
        self.display = ""
        self.bus = ""
        self.home = root / "home"
        self._procs: list[subprocess.Popen[bytes]] = []
        self._panel: subprocess.Popen[bytes] | None = None
        self._logs: list[IO[bytes]] = []
        self._fds: list[int] = []

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> TraySession:
        self.home.mkdir(parents=True, exist_ok=True)
        self._start_xvfb()
        if self.bus_kind:
            self._start_bus()
        if self.keyring_password is not None:
            self._start_keyring(self.keyring_password)
        if self.host == "xfce":
            self._start_xfce()
        elif self.host == "trayer":
            self._start_trayer()
        return self

    def stop(self) -> None:
        for proc in reversed(self._procs):
            stop_process(proc, grace=5)
            if proc.stdout is not None:
                proc.stdout.close()
        self._procs.clear()
        for handle in self._logs:
            handle.close()
        self._logs.clear()
        for fd in self._fds:
            os.close(fd)
        self._fds.clear()

    def __enter__(self) -> TraySession:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _spawn(
        self,
        name: str,
        argv: Sequence[str],
        env: dict[str, str],
        *,
        pipe: bool = False,
        pass_fds: Sequence[int] = (),
        stdin: bytes | None = None,
    ) -> subprocess.Popen[bytes]:
        log = open(self.root / f"{name}.log", "wb")  # noqa: SIM115  (closed in stop())
        self._logs.append(log)
        proc = subprocess.Popen(
            argv,
            env=env,
            stdin=subprocess.PIPE if stdin is not None else None,
            stdout=subprocess.PIPE if pipe else log,
            stderr=log,
            pass_fds=tuple(pass_fds),
        )
        self._procs.append(proc)
        if proc.stdin is not None and stdin is not None:
            proc.stdin.write(stdin)
            proc.stdin.close()
        return proc

    def _start_xvfb(self) -> None:
        read, write = os.pipe()
        width, height = self.size
        proc = self._spawn(
            "xvfb",
            # -noreset: otherwise the server resets when its last client leaves and writes to -displayfd
            # again (fatal once the pipe is closed).
            [
                "Xvfb",
                "-displayfd",
                str(write),
                "-noreset",
                "-screen",
                "0",
                f"{width}x{height}x24",
                "-nolisten",
                "tcp",
            ],
            self.base_env(),
            pass_fds=(write,),
        )
        os.close(write)
        ready, _, _ = select.select([read], [], [], 10)
        number = os.read(read, 64).decode().split("\n")[0].strip() if ready else ""
        # Kept open until stop(): Xvfb may write to -displayfd again, and a closed pipe kills it.
        self._fds.append(read)
        if not number or proc.poll() is not None:
            raise RuntimeError(f"Xvfb did not start: see {self.root / 'xvfb.log'}")
        self.display = f":{number}"

    def _start_bus(self) -> None:
        which = ["--session"]
        if self.bus_kind == "bare":
            config = self.root / "bare-bus.conf"
            config.write_text(BARE_BUS_CONFIG)
            which = [f"--config-file={config}"]
        proc = self._spawn(
            "dbus", ["dbus-daemon", *which, "--nofork", "--print-address"], self.base_env(), pipe=True
        )
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 10)
        self.bus = proc.stdout.readline().decode().strip() if ready else ""
        if not self.bus:
            raise RuntimeError("dbus-daemon did not print its address")

    def _start_keyring(self, password: str) -> None:
        data = self.root / "keyring-data"  # its keyring file: throwaway, like everything here
        data.mkdir(parents=True, exist_ok=True, mode=0o700)
        env = {**self.env(), "XDG_DATA_HOME": str(data), "XDG_RUNTIME_DIR": str(data)}
        argv = ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"]
        self._spawn("keyring", argv, env, stdin=password.encode())  # --unlock reads it from stdin
        wait_for(lambda: self._bus_has("org.freedesktop.secrets"), 10, "gnome-keyring on the session bus")

    def start_program(self, name: str, argv: Sequence[str], owns: str = "") -> None:
        """Another desktop program on this display and bus (e.g. dunst); waits until it owns `owns`."""
        self._spawn(name, argv, self.env())
        if owns:
            wait_for(lambda: self._bus_has(owns), 15, f"{name} on the session bus")

    def _bus_has(self, name: str) -> bool:
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
        )
        return "boolean true" in asked.stdout

    def _start_xfce(self) -> None:
        config = self.root / "xfce-config"  # fresh: the /etc/xdg default panel, which has the Status Tray
        config.mkdir(exist_ok=True)
        env = {**self.env(), "XDG_CONFIG_HOME": str(config), "NO_AT_BRIDGE": "1"}
        self._panel = self._spawn("panel", ["xfce4-panel", "--disable-wm-check"], env)
        wait_for(lambda: has_tray(self.display), 15, "xfce4-panel's tray")
        from tests.integration.sni_menu import SNI

        with SNI(self.bus) as sni:
            wait_for(sni.host_registered, 15, "the StatusNotifierWatcher and its host")

    def restart_panel(self) -> None:
        """The panel quits (its watcher leaves the bus) and starts again, as after a crash or an update."""
        from tests.integration.sni_menu import SNI

        assert self.host == "xfce" and self._panel is not None, "only xfce4-panel here"
        stop_process(self._panel, grace=5)
        self._procs.remove(self._panel)
        with SNI(self.bus) as sni:
            wait_for(lambda: sni.watcher() is None, 10, "the watcher to leave the bus")
        self._start_xfce()

    def _start_trayer(self) -> None:
        argv = [
            "trayer",
            "--edge",
            "top",
            "--align",
            "right",
            "--widthtype",
            "pixel",
            "--width",
            "200",
            "--height",
            "32",
            "--transparent",
            "true",
            "--tint",
            self.panel_colour,
            "--alpha",
            "0",
            "--SetDockType",
            "true",
        ]
        self._spawn("trayer", argv, self.env())
        wait_for(lambda: has_tray(self.display), 15, "trayer")

    # ------------------------------------------------------------------ environment
    def base_env(self) -> dict[str, str]:
        keep = ("PATH", "LANG", "LC_ALL", "TZ")
        env = {k: v for k, v in os.environ.items() if k in keep}
        env["HOME"] = str(self.home)
        return env

    def env(self) -> dict[str, str]:
        env = self.base_env()
        env["DISPLAY"] = self.display
        if self.bus:
            env["DBUS_SESSION_BUS_ADDRESS"] = self.bus
        else:
            env["DBUS_SESSION_BUS_ADDRESS"] = "disabled:"  # no stray dbus-launch: XEmbed only
        return env

    def app_env(self, profile: Path) -> dict[str, str]:
        """For the app under test: a throwaway profile and the real xcb platform."""
        env = {**self.env(), **xdg_folders(profile)}
        env["QT_QPA_PLATFORM"] = "xcb"
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        return env

    def screenshot(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["import", "-display", self.display, "-window", "root", str(path)],
            check=True,
            capture_output=True,
            timeout=30,
        )
        return path


# ---------------------------------------------------------------------------------- app under test


def listening_ports(pid: int) -> list[int]:
    """Loopback TCP ports a process listens on (Linux /proc): finds the demo server inside the app."""
    inodes = set()
    with contextlib.suppress(OSError):
        for fd in os.listdir(f"/proc/{pid}/fd"):
            with contextlib.suppress(OSError):
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
                if target.startswith("socket:["):
                    inodes.add(target[8:-1])
    ports = []
    with contextlib.suppress(OSError), open(f"/proc/{pid}/net/tcp") as table:
        for line in table.readlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and inode in inodes:
                ports.append(int(local.split(":")[1], 16))
    return ports


def find_demo_server(pid: int, timeout: float = 15) -> str:
    """Base URL of the demo server running inside the app process `pid`."""
    found: list[str] = []

    def probe() -> bool:
        for port in listening_ports(pid):
            url = f"http://127.0.0.1:{port}"
            with (
                contextlib.suppress(OSError, ValueError),
                urllib.request.urlopen(f"{url}/_demo/requests", timeout=2) as reply,
            ):
                if b'"total"' in reply.read():
                    found.append(url)
                    return True
        return False

    wait_for(probe, timeout, "the demo server inside the app")
    return found[0]


def settled_request_log(base: str, quiet_s: float = 1.5, timeout_s: float = 30) -> dict[str, Any]:
    """The demo server's request counts once no request has arrived for `quiet_s` seconds: the app's
    start-up refreshes (one per account, later ones may start after the first shows) are over."""
    deadline = time.monotonic() + timeout_s
    last = json.loads(urllib.request.urlopen(f"{base}/_demo/requests", timeout=5).read())
    while time.monotonic() < deadline:
        time.sleep(quiet_s)
        now = json.loads(urllib.request.urlopen(f"{base}/_demo/requests", timeout=5).read())
        if now["total"] == last["total"]:
            return dict(now)
        last = now
    raise AssertionError("the app kept sending requests while idle")


def inject_fault(base: str, mode: str, service: str, count: int | None = None) -> None:
    """A fault for the next requests to `service`, once the app is idle: a start-up refresh still on its
    way would otherwise meet it too and add a "Could not refresh" notice of its own."""
    settled_request_log(base)
    body = json.dumps({"mode": mode, "service": service, "count": count}).encode()
    request = urllib.request.Request(f"{base}/_demo/faults", data=body, method="POST")
    with urllib.request.urlopen(request, timeout=5):
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def running_app(session: TraySession, profile: Path, *args: str) -> Iterator[subprocess.Popen[bytes]]:
    """`python -m trayapp ARGS` on the session's display; stopped with SIGTERM like a logout does."""
    log = open(profile.parent / "app.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "trayapp", *args],
        env=session.app_env(profile),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield proc
    finally:
        stop_process(proc, grace=10)
        log.close()


def app_log(profile: Path) -> str:
    path = profile.parent / "app.log"
    return path.read_text(errors="replace") if path.exists() else ""


def which(name: str) -> str | None:
    return shutil.which(name)
