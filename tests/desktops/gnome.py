"""GNOME Shell 43 as a headless Wayland compositor (mutter --headless --no-x11 --virtual-monitor), with or
without the AppIndicator extension, driven over D-Bus: org.gnome.Shell.Eval reads the shell's own state
(the indicator, its menu, the windows) and sends real pointer and key events through a Clutter virtual
input device; org.gnome.Shell.Screenshot takes screenshots. Both answer only in unsafe mode, which a
test-only extension written into the throwaway profile turns on."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, MessageType, new_method_call
from jeepney.io.blocking import open_dbus_connection

from tests.desktops.session import Desktop, wait_for

SHELL = DBusAddress("/org/gnome/Shell", "org.gnome.Shell", "org.gnome.Shell")
SCREENSHOT = DBusAddress(
    "/org/gnome/Shell/Screenshot", "org.gnome.Shell.Screenshot", "org.gnome.Shell.Screenshot"
)
EXTENSIONS = DBusAddress("/org/gnome/Shell", "org.gnome.Shell", "org.gnome.Shell.Extensions")
APPINDICATOR = "ubuntu-appindicators@ubuntu.com"  # Debian's uuid (upstream: appindicatorsupport@rgcjonas...)
EVAL_EXTENSION = "trayapp-tests-eval@tests.invalid"
EXTENSION_JS = """// trayapp's tests only: unsafe mode lets a headless test call Eval and Screenshot.
function init() { return { enable() { global.context.unsafe_mode = true; }, disable() {} }; }
"""
# Helpers the tests call through Eval, installed once as global._trayTest.
PRELUDE = """
const {Clutter, GLib} = imports.gi;
const seat = Clutter.get_default_backend().get_default_seat();
const now = () => GLib.get_monotonic_time();
global._trayTest = {
  pointer: seat.create_virtual_device(Clutter.InputDeviceType.POINTER_DEVICE),
  keyboard: seat.create_virtual_device(Clutter.InputDeviceType.KEYBOARD_DEVICE),
  move(x, y) { this.pointer.notify_absolute_motion(now(), x, y); },
  click(button, count) {
    for (let k = 0; k < count; k++) {
      this.pointer.notify_button(now(), button, Clutter.ButtonState.PRESSED);
      this.pointer.notify_button(now(), button, Clutter.ButtonState.RELEASED);
    }
  },
  key(name) {  // "Tab", "a", "Alt_L+a": keys pressed in order, released in reverse
    const syms = name.split('+').map(k => Clutter['KEY_' + k]);
    syms.forEach(sym => this.keyboard.notify_keyval(now(), sym, Clutter.KeyState.PRESSED));
    syms.reverse().forEach(sym => this.keyboard.notify_keyval(now(), sym, Clutter.KeyState.RELEASED));
  },
  indicator() {
    const found = Object.entries(Main.panel.statusArea).find(([k]) => k.startsWith('appindicator'));
    return found ? found[1] : null;
  },
  box(actor) {
    const [x, y] = actor.get_transformed_position();
    return {x: Math.round(x), y: Math.round(y), w: Math.round(actor.width), h: Math.round(actor.height)};
  },
  iconState() {
    const b = this.indicator();
    if (!b) return null;
    const gicon = b._icon.gicon;
    const names = gicon && gicon.get_names ? gicon.get_names() : [];
    return Object.assign(this.box(b), {status: b._indicator.status, iconNames: names,
      iconName: b._icon.icon_name || '', name: b.accessible_name});
  },
  menu() {
    // the open indicator menu: the top level and every item, submenus walked where open
    const b = this.indicator();
    const items = [];
    const walk = (menu, path) => menu._getMenuItems().forEach(item => {
      if (!item.visible || !item.label) return;
      const entry = Object.assign(this.box(item), {path: path.concat([item.label.text]),
        label: item.label.text, submenu: !!item.menu});
      if (item.menu) {
        const [, natural] = item.menu.box.get_preferred_height(-1);
        entry.open = item.menu.isOpen;
        entry.shown = Math.round(item.menu.actor.height);
        entry.natural = Math.round(natural);
        entry.scrolled = item.menu.actor.has_style_pseudo_class('scrolled');
        if (item.menu.isOpen) walk(item.menu, entry.path);
      }
      items.push(entry);
    });
    if (!b || !b.menu.isOpen) return null;
    walk(b.menu, []);
    const monitor = Main.layoutManager.primaryMonitor;
    return {menu: this.box(b.menu.box),
      monitor: {w: monitor.width, h: monitor.height}, items};
  },
  closeMenus() { const m = Main.panel.menuManager.activeMenu; if (m) m.close(); },
  windows() {
    return global.get_window_actors().map(a => a.meta_window).map(w => {
      const r = w.get_frame_rect();
      return {title: w.get_title(), wmClass: w.get_wm_class() || '', type: w.get_window_type(),
        x: r.x, y: r.y, w: r.width, h: r.height, pid: w.get_pid(), focus: w.has_focus()};
    });
  },
};
true
"""


class GnomeShell(Desktop):
    """GNOME Shell on a virtual monitor of `size`; appindicator=False is stock GNOME (no tray at all)."""

    needs = ("gnome-shell", "gsettings", "dbus-daemon", "gjs")

    def __init__(self, root: Path, size: tuple[int, int] = (1280, 800), *, appindicator: bool = True) -> None:
        super().__init__(root, size)
        self.appindicator = appindicator
        self.name = "gnome" if appindicator else "gnome-stock"
        self.wayland = f"{self.xdg['XDG_RUNTIME_DIR']}/wayland-trayapp-test"
        self.system_bus = ""
        self._conn: Any = None

    def require(self) -> None:
        super().require()
        if self.appindicator and not Path(f"/usr/share/gnome-shell/extensions/{APPINDICATOR}").is_dir():
            from tests.realparts import require_tools

            require_tools(f"gnome-shell-extension-appindicator ({APPINDICATOR})")

    def env(self) -> dict[str, str]:
        env = super().env()
        env.update(XDG_CURRENT_DESKTOP="GNOME", XDG_SESSION_TYPE="wayland", XDG_SESSION_DESKTOP="gnome")
        if self.system_bus:
            env["DBUS_SYSTEM_BUS_ADDRESS"] = self.system_bus  # gnome-shell aborts without one (logind)
        return env

    def app_env(self, profile: Path) -> dict[str, str]:
        return {**super().app_env(profile), "QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": self.wayland}

    def start(self) -> GnomeShell:
        self.system_bus = self.start_bus("system", services=False)
        self.start_bus("session")
        extension = Path(self.xdg["XDG_DATA_HOME"]) / "gnome-shell" / "extensions" / EVAL_EXTENSION
        extension.mkdir(parents=True)
        (extension / "extension.js").write_text(EXTENSION_JS)
        (extension / "metadata.json").write_text(
            json.dumps(
                {
                    "uuid": EVAL_EXTENSION,
                    "name": "trayapp tests: unsafe mode",
                    "description": "Test-only: Eval for a headless test. Never on a real session.",
                    "shell-version": ["42", "43", "44"],
                }
            )
        )
        enabled = [EVAL_EXTENSION] + ([APPINDICATOR] if self.appindicator else [])
        for key, value in (
            ("disable-user-extensions", "false"),
            ("enabled-extensions", json.dumps(enabled).replace('"', "'")),
        ):
            subprocess.run(
                ["gsettings", "set", "org.gnome.shell", key, value],
                env=self.env(),
                check=True,
                capture_output=True,
                timeout=30,
            )
        subprocess.run(
            ["gsettings", "set", "org.gnome.desktop.interface", "enable-animations", "false"],
            env=self.env(),
            check=True,
            capture_output=True,
            timeout=30,
        )
        width, height = self.size
        self.spawn(
            "gnome-shell",
            [
                "gnome-shell",
                "--wayland",
                "--headless",
                "--no-x11",
                "--virtual-monitor",
                f"{width}x{height}",
                "--wayland-display",
                Path(self.wayland).name,
            ],
        )
        self._conn = open_dbus_connection(bus=self.bus)
        try:
            wait_for(lambda: self._extension_on(EVAL_EXTENSION), 60, "gnome-shell and its test extension")
            if self.appindicator:
                wait_for(lambda: self._extension_on(APPINDICATOR), 20, f"the extension {APPINDICATOR}")
        except TimeoutError as e:
            raise RuntimeError(f"{e} ({self.root / 'gnome-shell.log'})") from None
        self.eval(PRELUDE)
        self.wait_bus_name("org.freedesktop.Notifications", 20, "GNOME Shell's notification server")
        self.leave_overview()
        return self

    def leave_overview(self, timeout: float = 20) -> None:
        """Close the Activities overview and wait until it is gone. GNOME opens it at the end of its start-up
        animation when no window is open, which under load comes after the shell answers on the bus: a
        window opened then appears as a preview inside the overview, which holds the keyboard."""
        wait_for(lambda: self.eval("Main.layoutManager._startingUp") is False, timeout, "GNOME's start-up")

        def gone() -> bool:
            self.eval("Main.overview.hide(); true")
            return self.eval("Main.overview.visible || Main.overview.animationInProgress") is False

        wait_for(gone, timeout, "the Activities overview to close", interval=0.5)

    def stop(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        super().stop()

    def _call(self, addr: DBusAddress, method: str, sig: str, *args: Any) -> Any:
        reply = self._conn.send_and_get_reply(new_method_call(addr, method, sig, args), timeout=30)
        if reply.header.message_type is MessageType.error:
            raise RuntimeError(f"{addr.interface}.{method}: {reply.body}")
        return reply.body

    def _extension_on(self, uuid: str) -> bool:
        try:
            (info,) = self._call(EXTENSIONS, "GetExtensionInfo", "s", uuid)
        except Exception:
            return False
        return bool(info.get("state", ("d", 0))[1] == 1)

    # ------------------------------------------------------------------ driving the shell
    def eval(self, js: str) -> Any:
        ok, out = self._call(SHELL, "Eval", "s", js)
        if not ok:
            raise RuntimeError(f"GNOME Shell Eval failed: {out}")
        return json.loads(out) if out else None

    def tt(self, call: str) -> Any:
        return self.eval(f"global._trayTest.{call}")

    def click(self, x: int, y: int, button: int = 1, count: int = 1) -> None:
        self.tt(f"move({x}, {y})")
        time.sleep(0.3)
        self.tt(f"click({button}, {count})")

    def key(self, name: str) -> None:
        self.tt(f"key({json.dumps(name)})")

    def screenshot(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        ok, _ = self._call(SCREENSHOT, "Screenshot", "bbs", False, False, str(path))
        if not ok:
            raise RuntimeError("GNOME Shell took no screenshot")
        return path
