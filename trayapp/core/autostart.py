"""Launch at login, read back from the OS rather than from our settings (the user may change it
in GNOME Tweaks, System Settings or Task Manager behind our back).

One implementation per OS, chosen by sys.platform:
- Linux and other XDG desktops: $XDG_CONFIG_HOME/autostart/trayapp.desktop (not under Flatpak: there
  only the Background portal can register an app, and a file inside the sandbox does nothing).
- macOS: a LaunchAgent plist in ~/Library/LaunchAgents, written with plistlib.
- Windows: HKCU ...\\CurrentVersion\\Run, honouring the Task Manager switch in
  ...\\Explorer\\StartupApproved\\Run.

The renderers are pure functions so each format is tested on any OS.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import plistlib
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from trayapp.core.errors import ConfigError, Unsupported
from trayapp.core.i18n import _

APP_ID = "trayapp"
BUNDLE_ID = "io.github.trayapp"  # LaunchAgent label; keep in step with the macOS bundle identifier
BACKGROUND_FLAG = "--background"
COMMENT = "Set your work status from the system tray"


class Autostart(Protocol):
    supported: bool
    reason: str  # why not supported ("" when supported), as a sentence for the settings UI

    @property
    def location(self) -> str: ...  # where the entry lives, for the UI and for bug reports

    def is_enabled(self) -> bool: ...

    def problem(self) -> str: ...  # why an entry that reads as on would not start trayapp ("" when fine)

    def enable(self) -> None: ...

    def disable(self) -> None: ...


# ---- the command to launch ---------------------------------------------------------------------


def launch_command(
    *,
    platform: str | None = None,
    executable: str | None = None,
    env: Mapping[str, str] | None = None,
    frozen: bool | None = None,
    which: Callable[[str], str | None] = shutil.which,
) -> list[str]:
    """argv that starts this installation of trayapp (without the background flag)."""
    platform = sys.platform if platform is None else platform
    executable = sys.executable if executable is None else executable
    env = os.environ if env is None else env
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if env.get("APPIMAGE") and not platform.startswith(("win", "darwin")):
        return [env["APPIMAGE"]]  # sys.executable points inside the mount, which changes every run
    if frozen:
        return [executable]
    interpreter = Path(executable)
    if platform == "win32":
        # pythonw has no console window; the console script trayapp.exe would open one at login.
        pythonw = interpreter.with_name("pythonw.exe")
        return [str(pythonw) if pythonw.is_file() else executable, "-m", APP_ID]
    # The script beside the interpreter belongs to this very installation (venv, pipx).
    script = interpreter.parent / APP_ID
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    found = which(APP_ID)
    if found:
        return [found]
    return [executable, "-m", APP_ID]


# ---- does the entry still start trayapp? -------------------------------------------------------


def program_problem(program: str, *, is_file: Callable[[Path], bool] = Path.is_file) -> str:
    """Why the program a launch entry runs would not start trayapp at login ("" when it would): it was
    moved or deleted (a removed venv, an uninstalled pipx app), or macOS runs it from a randomised
    read-only copy (App Translocation: a quarantined app started from Downloads or a disk image)."""
    if not program:
        return _("The launch entry names no program.")
    if "/AppTranslocation/" in program:
        return _(
            "The launch entry points at {program}, a temporary copy macOS made because the app was "
            "opened from Downloads or a disk image. Move trayapp to Applications, open it from there, "
            "then turn Launch at login off and on."
        ).format(program=program)
    if not is_file(Path(program)):
        return _(
            "The launch entry points at {program}, which no longer exists (moved or uninstalled). "
            "Turn Launch at login off and on to point it at this installation."
        ).format(program=program)
    return ""


# ---- Linux / XDG -------------------------------------------------------------------------------

_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def quote_exec_arg(arg: str) -> str:
    """Quote one argument per the Desktop Entry spec (Exec key), before string escaping."""
    if arg and not (_EXEC_RESERVED & set(arg)):
        quoted = arg
    else:
        quoted = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
    return quoted.replace("%", "%%")  # a literal percent is not a field code


def _escape_string(value: str) -> str:
    """The spec's escapes for string values, applied after Exec quoting: a literal backslash inside a
    quoted argument ends up as four."""
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def render_desktop_entry(command: Sequence[str], *, hidden: bool = False) -> str:
    exec_line = " ".join(quote_exec_arg(a) for a in [*command, BACKGROUND_FLAG])
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        f"Name={APP_ID}",
        f"Comment={COMMENT}",
        f"Exec={_escape_string(exec_line)}",
        f"TryExec={_escape_string(command[0])}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
        "X-GNOME-Autostart-Delay=2",  # let the panel (the tray host) come up first
        "X-KDE-autostart-after=panel",
    ]
    if hidden:
        lines.append("Hidden=true")
    return "\n".join(lines) + "\n"


def parse_desktop_entry(text: str) -> dict[str, str]:
    """Keys of the [Desktop Entry] group (values unescaped only as far as booleans need)."""
    values: dict[str, str] = {}
    in_group = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            in_group = line == "[Desktop Entry]"
            continue
        if in_group and "=" in line:
            key, _, value = line.partition("=")
            values.setdefault(key.strip(), value.strip())
    return values


def desktop_entry_enabled(text: str) -> bool:
    values = parse_desktop_entry(text)
    if values.get("Hidden", "").lower() == "true":
        return False
    return values.get("X-GNOME-Autostart-enabled", "true").lower() != "false"


class XdgAutostart:
    """~/.config/autostart/trayapp.desktop. A system-wide entry of the same name (a distribution
    package in /etc/xdg/autostart) is overridden by the user's file, so disabling then writes a
    Hidden=true file instead of deleting."""

    def __init__(
        self,
        *,
        config_home: Path | None = None,
        config_dirs: Sequence[Path] | None = None,
        command: Sequence[str] | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        env = os.environ if env is None else env
        home = config_home or Path(env.get("XDG_CONFIG_HOME") or Path.home() / ".config")
        self.path = home / "autostart" / f"{APP_ID}.desktop"
        dirs = config_dirs
        if dirs is None:
            dirs = [Path(d) for d in (env.get("XDG_CONFIG_DIRS") or "/etc/xdg").split(":") if d]
        self._system = [d / "autostart" / f"{APP_ID}.desktop" for d in dirs]
        self._command = list(command) if command is not None else None
        self._env = env
        self.supported = not env.get("FLATPAK_ID")
        self.reason = (
            ""
            if self.supported
            else "Inside Flatpak, starting at login needs the Background portal (the permission "
            "“Run in background”); a file in the sandbox would be ignored."
        )

    @property
    def location(self) -> str:
        return str(self.path)

    def _system_entry(self) -> Path | None:
        return next((p for p in self._system if p.is_file()), None)

    def is_enabled(self) -> bool:
        if not self.supported:
            return False
        for candidate in (self.path, self._system_entry()):
            if candidate is not None and candidate.is_file():
                try:
                    return desktop_entry_enabled(candidate.read_text(encoding="utf-8", errors="replace"))
                except OSError:
                    return False
        return False

    def problem(self) -> str:
        for candidate in (self.path, self._system_entry()):
            if candidate is not None and candidate.is_file():
                try:
                    values = parse_desktop_entry(candidate.read_text(encoding="utf-8", errors="replace"))
                except OSError as exc:
                    return _("Could not read {path}: {problem}.").format(
                        path=candidate, problem=exc.strerror or exc
                    )
                program = values.get("TryExec", "")
                # TryExec may be a bare name looked up on PATH at login; only a path can be checked here.
                return program_problem(program) if program.startswith("/") or not program else ""
        return ""

    def enable(self) -> None:
        if not self.supported:
            raise Unsupported(self.reason)
        command = self._command or launch_command(env=self._env)
        _write_text(self.path, render_desktop_entry(command))

    def disable(self) -> None:
        if not self.supported:
            return  # nothing of ours to remove inside the sandbox
        if self._system_entry() is not None:
            command = self._command or launch_command(env=self._env)
            _write_text(self.path, render_desktop_entry(command, hidden=True))
            return
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            raise ConfigError(
                _("Could not remove {path}: {problem}.").format(path=self.path, problem=exc.strerror or exc)
            ) from None


# ---- macOS / LaunchAgent -----------------------------------------------------------------------


def render_launch_agent(command: Sequence[str], label: str = BUNDLE_ID) -> bytes:
    return plistlib.dumps(
        {
            "Label": label,
            "ProgramArguments": [*command, BACKGROUND_FLAG],
            "RunAtLoad": True,
            "ProcessType": "Interactive",  # a UI app: no background throttling
            "LimitLoadToSessionType": "Aqua",  # only in a graphical login, not ssh
        },
        fmt=plistlib.FMT_XML,
    )


def launch_agent_enabled(data: bytes, label: str = BUNDLE_ID) -> bool:
    try:
        plist = plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError, OverflowError):
        return False
    return (
        isinstance(plist, dict)
        and plist.get("Label") == label
        and plist.get("RunAtLoad") is True
        and plist.get("Disabled") is not True
        and bool(plist.get("ProgramArguments"))
    )


def launchctl_disabled(output: str, label: str = BUNDLE_ID) -> bool:
    """Parse `launchctl print-disabled gui/<uid>`: lines like `"label" => disabled` (or `=> true`)."""
    for line in output.splitlines():
        name, sep, state = line.strip().partition("=>")
        if sep and name.strip().strip('"') == label:
            return state.strip() in ("disabled", "true")
    return False


Runner = Callable[[Sequence[str]], str]  # runs a command, returns stdout; raises OSError on failure


def _run(argv: Sequence[str]) -> str:
    try:
        proc = subprocess.run(list(argv), capture_output=True, text=True, timeout=5, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise OSError(str(exc)) from None
    if proc.returncode != 0:
        raise OSError(proc.stderr.strip() or f"exit status {proc.returncode}")
    return proc.stdout


class LaunchAgentAutostart:
    """~/Library/LaunchAgents/<bundle id>.plist; launchd's own disabled list is read too, since
    `launchctl disable` keeps a plist in place but stops it from loading."""

    supported = True
    reason = ""

    def __init__(
        self,
        *,
        home: Path | None = None,
        command: Sequence[str] | None = None,
        label: str = BUNDLE_ID,
        runner: Runner | None = None,
    ) -> None:
        self.label = label
        self.path = (home or Path.home()) / "Library" / "LaunchAgents" / f"{label}.plist"
        self._command = list(command) if command is not None else None
        self._run = runner if runner is not None else _run

    @property
    def location(self) -> str:
        return str(self.path)

    def _domain(self) -> str:
        return f"gui/{os.getuid()}" if hasattr(os, "getuid") else "gui/0"

    def is_enabled(self) -> bool:
        try:
            data = self.path.read_bytes()
        except OSError:
            return False
        if not launch_agent_enabled(data, self.label):
            return False
        try:
            return not launchctl_disabled(
                self._run(["launchctl", "print-disabled", self._domain()]), self.label
            )
        except OSError:
            return True  # launchctl unavailable: the plist is the best truth we have

    def problem(self) -> str:
        try:
            plist = plistlib.loads(self.path.read_bytes())
        except (OSError, plistlib.InvalidFileException, ValueError, OverflowError):
            return ""
        arguments = plist.get("ProgramArguments") if isinstance(plist, dict) else None
        program = arguments[0] if isinstance(arguments, list) and arguments else ""
        return program_problem(program if isinstance(program, str) else "")

    def enable(self) -> None:
        command = self._command or launch_command()
        _write_bytes(self.path, render_launch_agent(command, self.label))
        # Undo a `launchctl disable` the user may have done; harmless when not disabled.
        with contextlib.suppress(OSError):
            self._run(["launchctl", "enable", f"{self._domain()}/{self.label}"])

    def disable(self) -> None:
        # No `launchctl bootout`: when launchd started us, that would quit the running app.
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            raise ConfigError(
                _("Could not remove {path}: {problem}.").format(path=self.path, problem=exc.strerror or exc)
            ) from None


# ---- Windows / registry ------------------------------------------------------------------------

RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
APPROVED_ENABLED = bytes([2]) + bytes(11)  # what Task Manager writes when the user enables an entry


def render_run_value(command: Sequence[str]) -> str:
    """The Run value: the exe always quoted (unquoted paths with spaces are run as C:\\Program ...)."""
    rest = subprocess.list2cmdline([*command[1:], BACKGROUND_FLAG])
    return f'"{command[0]}" {rest}'


def run_value_program(value: str) -> str:
    """The program of a Run value: the quoted first token, or up to the first space."""
    value = value.strip()
    if value.startswith('"'):
        return value[1:].partition('"')[0]
    return value.partition(" ")[0]


def store_python_reason(executable: str, prefixes: Sequence[str]) -> str:
    """Why launch at login cannot work from this Python ("" when it can). The Microsoft Store's Python
    runs in an app container whose HKCU writes go to a private copy of the registry, so Explorer never
    sees the Run value, while reading it back from inside the container says "on"."""
    paths = [executable, *prefixes]
    if any("\\WindowsApps\\" in p or "PythonSoftwareFoundation.Python." in p for p in paths):
        return _(
            "This trayapp runs on the Microsoft Store's Python, which keeps its registry changes to itself, "
            "so Windows would never start it at login. Install trayapp with the python.org installer "
            "(or use the trayapp bundle) to launch it at login."
        )
    return ""


def approved_disabled(value: object) -> bool:
    """StartupApproved data: 12 bytes, first byte 02/06 = enabled, 03/07 = disabled (odd = off)."""
    return isinstance(value, bytes | bytearray) and len(value) > 0 and bool(value[0] & 1)


class Registry(Protocol):
    """HKEY_CURRENT_USER access, small enough to stand in for on any OS."""

    def get(self, key: str, name: str) -> object | None: ...

    def set_string(self, key: str, name: str, value: str) -> None: ...

    def set_binary(self, key: str, name: str, value: bytes) -> None: ...

    def delete(self, key: str, name: str) -> None: ...


class WinregRegistry:
    """Registry over `winreg` (imported lazily; tests pass a stand-in module)."""

    def __init__(self, module: Any = None) -> None:
        self._winreg: Any = module if module is not None else importlib.import_module("winreg")

    def get(self, key: str, name: str) -> object | None:
        w = self._winreg
        try:
            with w.OpenKey(w.HKEY_CURRENT_USER, key, 0, w.KEY_READ) as handle:
                value, _kind = w.QueryValueEx(handle, name)
        except FileNotFoundError:
            return None
        return value  # type: ignore[no-any-return]

    def set_string(self, key: str, name: str, value: str) -> None:
        self._set(key, name, self._winreg.REG_SZ, value)

    def set_binary(self, key: str, name: str, value: bytes) -> None:
        self._set(key, name, self._winreg.REG_BINARY, value)

    def _set(self, key: str, name: str, kind: int, value: object) -> None:
        w = self._winreg
        try:
            with w.CreateKeyEx(w.HKEY_CURRENT_USER, key, 0, w.KEY_SET_VALUE) as handle:
                w.SetValueEx(handle, name, 0, kind, value)
        except OSError as exc:
            raise ConfigError(
                _("Could not write {path}: {problem}.").format(
                    path=f"HKCU\\{key}\\{name}", problem=exc.strerror or exc
                )
            ) from None

    def delete(self, key: str, name: str) -> None:
        w = self._winreg
        try:
            with w.OpenKey(w.HKEY_CURRENT_USER, key, 0, w.KEY_SET_VALUE) as handle:
                w.DeleteValue(handle, name)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise ConfigError(
                _("Could not remove {path}: {problem}.").format(
                    path=f"HKCU\\{key}\\{name}", problem=exc.strerror or exc
                )
            ) from None


class WindowsAutostart:
    def __init__(
        self,
        *,
        registry: Registry | None = None,
        command: Sequence[str] | None = None,
        name: str = APP_ID,
        executable: str | None = None,
        prefixes: Sequence[str] | None = None,
        is_file: Callable[[Path], bool] = Path.is_file,
    ) -> None:
        self._registry = registry
        self._command = list(command) if command is not None else None
        self.name = name
        self._is_file = is_file
        self.reason = store_python_reason(
            sys.executable if executable is None else executable,
            [sys.prefix, sys.base_prefix] if prefixes is None else prefixes,
        )
        self.supported = not self.reason

    @property
    def location(self) -> str:
        return f"HKCU\\{RUN_KEY}\\{self.name}"

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            self._registry = WinregRegistry()
        return self._registry

    def is_enabled(self) -> bool:
        if not self.supported:
            return False  # what a Store Python reads back is its private copy, not what Explorer sees
        value = self.registry.get(RUN_KEY, self.name)
        if not isinstance(value, str) or not value.strip():
            return False
        # The Task Manager / Settings switch leaves the Run value alone and flips this instead.
        return not approved_disabled(self.registry.get(APPROVED_KEY, self.name))

    def problem(self) -> str:
        value = self.registry.get(RUN_KEY, self.name) if self.supported else None
        if not isinstance(value, str) or not value.strip():
            return ""
        return program_problem(run_value_program(value), is_file=self._is_file)

    def enable(self) -> None:
        if not self.supported:
            raise Unsupported(self.reason)
        command = self._command or launch_command()
        self.registry.set_string(RUN_KEY, self.name, render_run_value(command))
        if approved_disabled(self.registry.get(APPROVED_KEY, self.name)):
            self.registry.set_binary(APPROVED_KEY, self.name, APPROVED_ENABLED)

    def disable(self) -> None:
        self.registry.delete(RUN_KEY, self.name)
        self.registry.delete(APPROVED_KEY, self.name)


# ---- choice by platform ------------------------------------------------------------------------


def for_platform(platform: str | None = None) -> Autostart:
    platform = sys.platform if platform is None else platform
    if platform == "win32":
        return WindowsAutostart()
    if platform == "darwin":
        return LaunchAgentAutostart()
    return XdgAutostart()


def is_enabled() -> bool:
    return for_platform().is_enabled()


def enable() -> None:
    for_platform().enable()


def disable() -> None:
    for_platform().disable()


def _write_text(path: Path, text: str) -> None:
    _write_bytes(path, text.encode("utf-8"))


def _write_bytes(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)  # a session manager reading at that moment never sees half a file
    except OSError as exc:
        raise ConfigError(
            _("Could not write {path}: {problem}.").format(path=path, problem=exc.strerror or exc)
        ) from None
