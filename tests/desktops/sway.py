"""sway 1.7 (wlroots headless backend, pixman renderer, no Xwayland) with waybar's tray and mako.

sway refuses to run as root, so the compositor, the bar and the notification daemon run as nobody in a
folder of their own; the app and the test run as the caller. sway has no pointer without an input device:
wayvnc gives its seat a virtual one, and the test moves and clicks it as a VNC client (the RFB protocol's
pointer events, written here: a handful of bytes). Screenshots: grim; windows: swaymsg's tree."""

from __future__ import annotations

import contextlib
import glob
import json
import os
import shutil
import socket
import struct
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.desktops.session import NOBODY, Desktop, wait_for
from tests.integration import xtray

SWAY_CONFIG = """output HEADLESS-1 resolution {w}x{h} bg #5e6a75 solid_color
xwayland disable
seat seat0 xcursor_theme default 24
"""
WAYBAR_CONFIG = {
    "layer": "top",
    "position": "top",
    "height": 30,
    "modules-left": ["sway/workspaces"],
    "modules-right": ["tray"],
    "tray": {"icon-size": 21, "spacing": 8},
}
# a grey bar, so trayapp's coloured icon is the only colour in it
WAYBAR_STYLE = """* { font-family: sans-serif; font-size: 13px; border: none; border-radius: 0; }
window#waybar { background: #3c3c3c; color: #dddddd; }
#workspaces button { color: #dddddd; background: transparent; }
#tray { background: #3c3c3c; padding: 0 6px; }
"""


class Vnc:
    """A VNC client that only moves and clicks the pointer (RFB 3.8, no authentication)."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.sock.recv(12)  # "RFB 003.008\n"
        self.sock.sendall(b"RFB 003.008\n")
        count = self._read(1)[0]
        types = self._read(count)
        if 1 not in types:
            raise RuntimeError(f"the VNC server wants authentication (security types {list(types)})")
        self.sock.sendall(b"\x01")
        if struct.unpack("!I", self._read(4))[0] != 0:
            raise RuntimeError("the VNC server refused the connection")
        self.sock.sendall(b"\x01")  # ClientInit: shared
        _w, _h = struct.unpack("!HH", self._read(4))
        self._read(16)  # pixel format
        (name_length,) = struct.unpack("!I", self._read(4))
        self._read(name_length)
        self.x = self.y = 0

    def _read(self, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise RuntimeError("the VNC server closed the connection")
            data += chunk
        return data

    def _pointer(self, mask: int) -> None:
        self.sock.sendall(struct.pack("!BBHH", 5, mask, self.x, self.y))

    def move(self, x: int, y: int) -> None:
        self.x, self.y = x, y
        self._pointer(0)

    def click(self, x: int, y: int, button: int = 1) -> None:
        self.move(x, y)
        time.sleep(0.3)
        bit = {1: 1, 2: 2, 3: 4}[button]
        self._pointer(bit)
        time.sleep(0.05)
        self._pointer(0)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()


class Sway(Desktop):
    name = "sway"
    needs = ("sway", "swaymsg", "waybar", "mako", "wayvnc", "grim", "dbus-daemon")

    def __init__(self, root: Path, size: tuple[int, int] = (1280, 800)) -> None:
        super().__init__(root, size)
        # where the unprivileged side lives: pytest's folders are private to the caller
        self.shared = Path(tempfile.mkdtemp(prefix="trayapp-sway-"))
        self.wayland = ""
        self.ipc = ""
        self.vnc: Vnc | None = None

    def _nobody_env(self) -> dict[str, str]:
        env = self.env()
        env.update(
            HOME=str(self.shared / "home"),
            XDG_CONFIG_HOME=str(self.shared / "config"),
            XDG_RUNTIME_DIR=str(self.shared / "run"),
            XDG_CACHE_HOME=str(self.shared / "cache"),
            WLR_BACKENDS="headless",
            WLR_LIBINPUT_NO_DEVICES="1",
            WLR_RENDERER="pixman",
            XDG_SESSION_TYPE="wayland",
            XDG_CURRENT_DESKTOP="sway",
        )
        if self.wayland:
            env["WAYLAND_DISPLAY"] = self.wayland
        return env

    def env(self) -> dict[str, str]:
        env = super().env()
        if self.wayland:
            env.update(
                WAYLAND_DISPLAY=self.wayland,
                SWAYSOCK=self.ipc,
                XDG_SESSION_TYPE="wayland",
                XDG_CURRENT_DESKTOP="sway",
            )
        return env

    def app_env(self, profile: Path) -> dict[str, str]:
        return {**super().app_env(profile), "QT_QPA_PLATFORM": "wayland"}

    def start(self) -> Sway:
        width, height = self.size
        config = self.shared / "config"
        for sub in ("home", "run", "cache", "config/sway", "config/waybar", "config/mako"):
            (self.shared / sub).mkdir(parents=True, exist_ok=True)
        (self.shared / "run").chmod(0o700)
        (config / "sway" / "config").write_text(SWAY_CONFIG.format(w=width, h=height))
        (config / "waybar" / "config").write_text(json.dumps(WAYBAR_CONFIG))
        (config / "waybar" / "style.css").write_text(WAYBAR_STYLE)
        (config / "mako" / "config").write_text("default-timeout=10000\n")
        for path in [self.shared, *self.shared.rglob("*")]:
            os.chown(path, NOBODY, NOBODY)
        self.start_bus("session", services=False)
        self.spawn("sway", ["sway", "-d"], self._nobody_env(), user=NOBODY)
        run = self.shared / "run"
        try:
            wait_for(
                lambda: [p for p in glob.glob(f"{run}/wayland-*") if not p.endswith(".lock")], 30, "sway"
            )
            wait_for(lambda: glob.glob(f"{run}/sway-ipc.*"), 10, "sway's IPC socket")
        except TimeoutError as e:
            raise RuntimeError(f"{e} ({self.root / 'sway.log'})") from None
        self.wayland = next(p for p in sorted(glob.glob(f"{run}/wayland-*")) if not p.endswith(".lock"))
        self.ipc = glob.glob(f"{run}/sway-ipc.*")[0]
        self.spawn("waybar", ["waybar"], self._nobody_env(), user=NOBODY)
        self.spawn("mako", ["mako"], self._nobody_env(), user=NOBODY)
        port = xtray.free_port()
        self.spawn("wayvnc", ["wayvnc", "127.0.0.1", str(port)], self._nobody_env(), user=NOBODY)
        from tests.integration.sni_menu import SNI

        def ready() -> bool:
            with SNI(self.bus) as sni:
                return sni.host_registered()

        try:
            wait_for(ready, 30, "waybar's tray (a StatusNotifierHost)")
            self.wait_bus_name("org.freedesktop.Notifications", 20, "mako")
            wait_for(lambda: self._connect(port), 20, "wayvnc")
        except TimeoutError as e:
            raise RuntimeError(f"{e} ({self.root})") from None
        return self

    def _connect(self, port: int) -> bool:
        try:
            self.vnc = Vnc(port)
        except OSError:
            return False
        return True

    def stop(self) -> None:
        if self.vnc is not None:
            self.vnc.close()
            self.vnc = None
        super().stop()
        shutil.rmtree(self.shared, ignore_errors=True)

    # ------------------------------------------------------------------ driving it
    def click(self, x: int, y: int, button: int = 1) -> None:
        assert self.vnc is not None
        self.vnc.click(x, y, button)

    def move(self, x: int, y: int) -> None:
        assert self.vnc is not None
        self.vnc.move(x, y)

    def tree(self) -> dict[str, Any]:
        done = subprocess.run(
            ["swaymsg", "-s", self.ipc, "-t", "get_tree"],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
        tree: dict[str, Any] = json.loads(done.stdout)
        return tree

    def windows(self) -> list[dict[str, Any]]:
        """Every application window: its name, app_id, pid, rect, and whether it floats."""
        found: list[dict[str, Any]] = []

        def walk(node: dict[str, Any], floating: bool) -> None:
            if node.get("pid") and node.get("type") in ("con", "floating_con"):
                found.append(
                    {
                        "name": node.get("name"),
                        "app_id": node.get("app_id"),
                        "pid": node["pid"],
                        "rect": node["rect"],
                        "floating": floating or node["type"] == "floating_con",
                    }
                )
            for kid in node.get("nodes", []):
                walk(kid, floating)
            for kid in node.get("floating_nodes", []):
                walk(kid, True)

        walk(self.tree(), False)
        return found

    def screenshot(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["grim", str(path)], env=self.env(), check=True, capture_output=True, timeout=30)
        return path
