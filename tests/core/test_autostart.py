"""Launch at login: each OS format rendered and read back, on any OS (winreg through a stand-in)."""

from __future__ import annotations

import plistlib
import stat
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

import pytest

from trayapp.core import autostart
from trayapp.core.autostart import (
    APPROVED_ENABLED,
    APPROVED_KEY,
    BUNDLE_ID,
    RUN_KEY,
    LaunchAgentAutostart,
    WindowsAutostart,
    WinregRegistry,
    XdgAutostart,
    desktop_entry_enabled,
    launch_agent_enabled,
    launch_command,
    launchctl_disabled,
    parse_desktop_entry,
    quote_exec_arg,
    render_desktop_entry,
    render_launch_agent,
    render_run_value,
)
from trayapp.core.errors import ConfigError, Unsupported

# ---- command -----------------------------------------------------------------------------------


def test_command_prefers_appimage_then_frozen_then_script_then_module(tmp_path: Path) -> None:
    bindir = tmp_path / "venv" / "bin"
    bindir.mkdir(parents=True)
    python = bindir / "python"
    python.write_text("")
    no_path = lambda _name: None  # noqa: E731
    assert launch_command(
        platform="linux", executable=str(python), env={"APPIMAGE": "/home/a/T A.AppImage"}, frozen=False
    ) == ["/home/a/T A.AppImage"]
    assert launch_command(platform="linux", executable="/opt/trayapp/trayapp", env={}, frozen=True) == [
        "/opt/trayapp/trayapp"
    ]
    assert launch_command(platform="linux", executable=str(python), env={}, frozen=False, which=no_path) == [
        str(python),
        "-m",
        "trayapp",
    ]
    assert launch_command(
        platform="linux", executable=str(python), env={}, frozen=False, which=lambda _n: "/usr/bin/trayapp"
    ) == ["/usr/bin/trayapp"]
    script = bindir / "trayapp"
    script.write_text("#!/bin/sh\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    assert launch_command(platform="linux", executable=str(python), env={}, frozen=False, which=no_path) == [
        str(script)
    ]


def test_command_on_windows_uses_pythonw(tmp_path: Path) -> None:
    python = tmp_path / "python.exe"
    python.write_text("")
    assert launch_command(platform="win32", executable=str(python), env={}, frozen=False) == [
        str(python),
        "-m",
        "trayapp",
    ]
    (tmp_path / "pythonw.exe").write_text("")
    assert launch_command(platform="win32", executable=str(python), env={"APPIMAGE": "x"}, frozen=False) == [
        str(tmp_path / "pythonw.exe"),
        "-m",
        "trayapp",
    ]


# ---- XDG ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arg", "quoted"),
    [
        ("/usr/bin/trayapp", "/usr/bin/trayapp"),
        ("/opt/My Apps/trayapp", '"/opt/My Apps/trayapp"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("$HOME`x`", '"\\$HOME\\`x\\`"'),
        ("100%", "100%%"),
        ("", '""'),
    ],
)
def test_exec_arguments_are_quoted_per_spec(arg: str, quoted: str) -> None:
    assert quote_exec_arg(arg) == quoted


def test_desktop_entry_renders_every_key() -> None:
    text = render_desktop_entry(["/opt/My Apps/trayapp"])
    values = parse_desktop_entry(text)
    assert text.startswith("[Desktop Entry]\n")
    assert values["Type"] == "Application" and values["Name"] == "trayapp" and values["Icon"] == "trayapp"
    assert values["Exec"] == '"/opt/My Apps/trayapp" --background'
    assert values["TryExec"] == "/opt/My Apps/trayapp"
    assert values["X-GNOME-Autostart-Delay"] == "2" and values["X-KDE-autostart-after"] == "panel"
    assert values["X-GNOME-Autostart-enabled"] == "true" and values["Comment"]
    assert "Hidden" not in values and desktop_entry_enabled(text)


def test_backslash_in_exec_is_escaped_twice() -> None:
    values = parse_desktop_entry(render_desktop_entry(["/srv/a\\b/trayapp"]))
    assert values["Exec"] == '"/srv/a\\\\\\\\b/trayapp" --background'  # four backslashes in the file


def test_python_module_command_in_exec() -> None:
    values = parse_desktop_entry(render_desktop_entry(["/usr/bin/python3", "-m", "trayapp"]))
    assert values["Exec"] == "/usr/bin/python3 -m trayapp --background"


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "etc-xdg"))
    monkeypatch.delenv("FLATPAK_ID", raising=False)
    return home


def test_xdg_entry_written_and_read_back(xdg: Path) -> None:
    auto = XdgAutostart(command=["/usr/bin/trayapp"])
    assert auto.supported and auto.reason == ""
    assert auto.location == str(xdg / "autostart" / "trayapp.desktop")
    assert not auto.is_enabled()
    auto.enable()
    path = xdg / "autostart" / "trayapp.desktop"
    assert path.is_file() and "Exec=/usr/bin/trayapp --background" in path.read_text()
    assert auto.is_enabled()
    assert XdgAutostart().is_enabled()  # a fresh object reads the same truth from disk
    auto.disable()
    assert not path.exists() and not auto.is_enabled()
    auto.disable()  # idempotent


def test_default_command_is_used_when_none_given(xdg: Path) -> None:
    auto = XdgAutostart()
    auto.enable()
    exec_line = parse_desktop_entry((xdg / "autostart" / "trayapp.desktop").read_text())["Exec"]
    assert exec_line.endswith(" --background")


@pytest.mark.parametrize(
    ("extra", "enabled"),
    [
        ("Hidden=true\n", False),
        ("Hidden=false\n", True),
        ("X-GNOME-Autostart-enabled=false\n", False),
        ("[Desktop Action x]\nHidden=true\n", True),  # other groups do not count
    ],
)
def test_xdg_switches_made_by_the_desktop_are_honoured(xdg: Path, extra: str, enabled: bool) -> None:
    auto = XdgAutostart(command=["/usr/bin/trayapp"])
    auto.enable()
    path = xdg / "autostart" / "trayapp.desktop"
    text = path.read_text().replace("X-GNOME-Autostart-enabled=true\n", "")
    path.write_text(text + extra)
    assert auto.is_enabled() is enabled


def test_system_entry_is_overridden_per_user(xdg: Path, tmp_path: Path) -> None:
    system = tmp_path / "etc-xdg" / "autostart" / "trayapp.desktop"
    system.parent.mkdir(parents=True)
    system.write_text(render_desktop_entry(["/usr/bin/trayapp"]))
    auto = XdgAutostart(command=["/usr/bin/trayapp"])
    assert auto.is_enabled()
    auto.disable()
    user = xdg / "autostart" / "trayapp.desktop"
    assert "Hidden=true" in user.read_text() and system.is_file()
    assert not auto.is_enabled()
    auto.enable()
    assert auto.is_enabled() and "Hidden" not in user.read_text()


def test_flatpak_says_the_background_portal_is_needed(xdg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLATPAK_ID", "io.github.trayapp")
    auto = XdgAutostart(command=["/app/bin/trayapp"])
    assert not auto.supported and "Background portal" in auto.reason
    with pytest.raises(Unsupported, match="Background portal"):
        auto.enable()
    assert not (xdg / "autostart").exists() and not auto.is_enabled()
    auto.disable()


# ---- macOS -------------------------------------------------------------------------------------


def test_launch_agent_plist_round_trips() -> None:
    data = render_launch_agent(["/Applications/Tray App.app/Contents/MacOS/trayapp"])
    plist = plistlib.loads(data)
    assert plist == {
        "Label": BUNDLE_ID,
        "ProgramArguments": ["/Applications/Tray App.app/Contents/MacOS/trayapp", "--background"],
        "RunAtLoad": True,
        "ProcessType": "Interactive",
        "LimitLoadToSessionType": "Aqua",
    }
    assert data.startswith(b"<?xml") and launch_agent_enabled(data)
    assert not launch_agent_enabled(plistlib.dumps({**plist, "Disabled": True}))
    assert not launch_agent_enabled(plistlib.dumps({**plist, "Label": "other"}))
    assert not launch_agent_enabled(b"not a plist")


def test_launchctl_disabled_list_is_parsed() -> None:
    output = f'disabled services = {{\n\t"com.apple.x" => enabled\n\t"{BUNDLE_ID}" => disabled\n}}\n'
    assert launchctl_disabled(output)
    assert not launchctl_disabled(output.replace("=> disabled", "=> enabled"))
    assert launchctl_disabled(f'"{BUNDLE_ID}" => true')  # older macOS wording
    assert not launchctl_disabled("")


class FakeLaunchctl:
    def __init__(self, disabled: bool = False, fail: bool = False) -> None:
        self.disabled = disabled
        self.fail = fail
        self.calls: list[list[str]] = []

    def __call__(self, argv: Sequence[str]) -> str:
        self.calls.append(list(argv))
        if self.fail:
            raise OSError("no launchctl")
        if argv[1] == "enable":
            self.disabled = False
        return f'"{BUNDLE_ID}" => {"disabled" if self.disabled else "enabled"}\n'


def test_launch_agent_enable_disable_read_back(tmp_path: Path) -> None:
    launchctl = FakeLaunchctl(disabled=True)
    auto = LaunchAgentAutostart(home=tmp_path, command=["/usr/local/bin/trayapp"], runner=launchctl)
    path = tmp_path / "Library" / "LaunchAgents" / f"{BUNDLE_ID}.plist"
    assert auto.location == str(path) and not auto.is_enabled()
    auto.enable()
    assert plistlib.loads(path.read_bytes())["ProgramArguments"] == ["/usr/local/bin/trayapp", "--background"]
    assert launchctl.calls[-1][:2] == ["launchctl", "enable"] and launchctl.calls[-1][2].endswith(BUNDLE_ID)
    assert auto.is_enabled()
    launchctl.disabled = True  # `launchctl disable gui/<uid>/<label>` behind our back
    assert not auto.is_enabled()
    auto.disable()
    assert not path.exists() and not auto.is_enabled()


def test_launch_agent_without_launchctl_trusts_the_plist(tmp_path: Path) -> None:
    auto = LaunchAgentAutostart(
        home=tmp_path, command=["/usr/local/bin/trayapp"], runner=FakeLaunchctl(fail=True)
    )
    auto.enable()
    assert auto.is_enabled()


# ---- Windows -----------------------------------------------------------------------------------


class FakeWinreg:
    """Enough of `winreg` for WinregRegistry: HKCU keys with typed values."""

    HKEY_CURRENT_USER = 0x80000001
    KEY_READ = 0x20019
    KEY_SET_VALUE = 0x0002
    REG_SZ = 1
    REG_BINARY = 3

    class Key:
        def __init__(self, path: str) -> None:
            self.path = path

        def __enter__(self) -> FakeWinreg.Key:
            return self

        def __exit__(
            self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
        ) -> None:
            return None

    def __init__(self) -> None:
        self.keys: set[str] = set()
        self.values: dict[tuple[str, str], tuple[object, int]] = {}

    def OpenKey(self, root: int, sub: str, reserved: int, access: int) -> FakeWinreg.Key:
        assert root == self.HKEY_CURRENT_USER
        if sub not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return self.Key(sub)

    def CreateKeyEx(self, root: int, sub: str, reserved: int, access: int) -> FakeWinreg.Key:
        assert root == self.HKEY_CURRENT_USER and access & self.KEY_SET_VALUE
        self.keys.add(sub)
        return self.Key(sub)

    def QueryValueEx(self, key: FakeWinreg.Key, name: str) -> tuple[object, int]:
        try:
            return self.values[(key.path, name)]
        except KeyError:
            raise FileNotFoundError(2, "The system cannot find the file specified") from None

    def SetValueEx(self, key: FakeWinreg.Key, name: str, reserved: int, kind: int, value: object) -> None:
        assert isinstance(value, str) if kind == self.REG_SZ else isinstance(value, bytes)
        self.values[(key.path, name)] = (value, kind)

    def DeleteValue(self, key: FakeWinreg.Key, name: str) -> None:
        if self.values.pop((key.path, name), None) is None:
            raise FileNotFoundError(2, "The system cannot find the file specified")


EXE = r"C:\Program Files\trayapp\trayapp.exe"


def test_run_value_quotes_the_exe() -> None:
    assert render_run_value([EXE]) == '"C:\\Program Files\\trayapp\\trayapp.exe" --background'
    assert render_run_value([r"C:\Python\pythonw.exe", "-m", "trayapp"]) == (
        '"C:\\Python\\pythonw.exe" -m trayapp --background'
    )
    assert subprocess.list2cmdline([EXE, "--background"]) == render_run_value([EXE])


def test_windows_run_value_written_and_read_back() -> None:
    winreg = FakeWinreg()
    auto = WindowsAutostart(registry=WinregRegistry(winreg), command=[EXE])
    assert auto.location == f"HKCU\\{RUN_KEY}\\trayapp"
    assert not auto.is_enabled()
    auto.enable()
    assert winreg.values[(RUN_KEY, "trayapp")] == (f'"{EXE}" --background', winreg.REG_SZ)
    assert auto.is_enabled()
    auto.disable()
    assert (RUN_KEY, "trayapp") not in winreg.values and not auto.is_enabled()
    auto.disable()  # idempotent


@pytest.mark.parametrize(
    ("first", "enabled"),
    [(0x02, True), (0x06, True), (0x03, False), (0x07, False)],
)
def test_windows_startup_approved_switch(first: int, enabled: bool) -> None:
    winreg = FakeWinreg()
    registry = WinregRegistry(winreg)
    auto = WindowsAutostart(registry=registry, command=[EXE])
    auto.enable()
    # What Task Manager writes: a flag, then the FILETIME of the switch (zero when enabled).
    registry.set_binary(APPROVED_KEY, "trayapp", bytes([first, 0, 0, 0]) + bytes(range(1, 9)))
    assert auto.is_enabled() is enabled


def test_windows_enable_clears_the_task_manager_switch() -> None:
    winreg = FakeWinreg()
    registry = WinregRegistry(winreg)
    auto = WindowsAutostart(registry=registry, command=[EXE])
    auto.enable()
    registry.set_binary(APPROVED_KEY, "trayapp", bytes([3, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8]))
    assert not auto.is_enabled()
    auto.enable()
    assert auto.is_enabled() and winreg.values[(APPROVED_KEY, "trayapp")] == (
        APPROVED_ENABLED,
        winreg.REG_BINARY,
    )
    auto.disable()
    assert (APPROVED_KEY, "trayapp") not in winreg.values


def test_windows_approved_alone_is_not_enabled() -> None:
    winreg = FakeWinreg()
    registry = WinregRegistry(winreg)
    registry.set_binary(APPROVED_KEY, "trayapp", APPROVED_ENABLED)
    assert not WindowsAutostart(registry=registry, command=[EXE]).is_enabled()


def test_platform_choice() -> None:
    assert isinstance(autostart.for_platform("linux"), XdgAutostart)
    assert isinstance(autostart.for_platform("darwin"), LaunchAgentAutostart)
    assert isinstance(autostart.for_platform("win32"), WindowsAutostart)
    assert isinstance(autostart.for_platform("freebsd14"), XdgAutostart)


def test_module_functions_use_this_platform(xdg: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    assert not autostart.is_enabled()
    autostart.enable()
    assert autostart.is_enabled() and (xdg / "autostart" / "trayapp.desktop").is_file()
    autostart.disable()
    assert not autostart.is_enabled()


def test_without_xdg_config_home_the_entry_goes_to_dot_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    auto = XdgAutostart(env={}, command=["/usr/bin/trayapp"])
    assert auto.location == str(tmp_path / ".config" / "autostart" / "trayapp.desktop")


def test_an_appimage_is_launched_as_the_appimage_at_login(xdg: Path, tmp_path: Path) -> None:
    image = str(tmp_path / "trayapp-x86_64.AppImage")
    auto = XdgAutostart(env={"XDG_CONFIG_HOME": str(xdg), "APPIMAGE": image})
    auto.enable()
    exec_line = parse_desktop_entry((xdg / "autostart" / "trayapp.desktop").read_text())["Exec"]
    assert exec_line == f"{image} --background"


def test_a_bundle_launches_its_own_executable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bundle = str(tmp_path / "trayapp" / "trayapp")
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # what PyInstaller's bootloader sets
    assert launch_command(platform="linux", executable=bundle, env={}) == [bundle]


def test_an_entry_that_cannot_be_removed_is_told(xdg: Path) -> None:
    auto = XdgAutostart(command=["/usr/bin/trayapp"])
    auto.path.mkdir(parents=True)  # a folder where the entry should be
    with pytest.raises(ConfigError) as caught:
        auto.disable()
    assert str(caught.value) == f"Could not remove {auto.path}: Is a directory."


def test_a_launch_agent_that_cannot_be_removed_is_told(tmp_path: Path) -> None:
    agent = LaunchAgentAutostart(
        home=tmp_path, command=["/Applications/trayapp.app/Contents/MacOS/trayapp"], runner=FakeLaunchctl()
    )
    agent.path.mkdir(parents=True)
    with pytest.raises(ConfigError) as caught:
        agent.disable()
    assert str(caught.value) == f"Could not remove {agent.path}: Is a directory."
