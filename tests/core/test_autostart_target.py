"""A launch entry that reads back as "on" but would start nothing: the program it names was moved or
deleted, macOS translocated it, or the Microsoft Store's Python keeps the Run value to itself."""

from __future__ import annotations

import plistlib
from pathlib import Path

import pytest

from tests.core.test_autostart import FakeLaunchctl, FakeWinreg
from trayapp.core.autostart import (
    RUN_KEY,
    LaunchAgentAutostart,
    WindowsAutostart,
    WinregRegistry,
    XdgAutostart,
    render_run_value,
    run_value_program,
    store_python_reason,
)
from trayapp.core.errors import Unsupported

STORE_EXE = (
    r"C:\Users\ana\AppData\Local\Microsoft\WindowsApps\PythonSoftwareFoundation.Python.3.12_qbz5n2kfra8p0"
    r"\python.exe"
)
STORE_PREFIX = (
    r"C:\Program Files\WindowsApps\PythonSoftwareFoundation.Python.3.12_3.12.2288.0_x64__qbz5n2kfra8p0"
)
EXE = r"C:\Program Files\trayapp\trayapp.exe"


def program(tmp_path: Path) -> Path:
    script = tmp_path / "venv" / "bin" / "trayapp"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    return script


def test_an_xdg_entry_whose_program_was_removed_says_how_to_repair_it(tmp_path: Path) -> None:
    script = program(tmp_path)
    auto = XdgAutostart(config_home=tmp_path / "config", config_dirs=[], command=[str(script)], env={})
    auto.enable()
    assert auto.is_enabled() and auto.problem() == ""
    script.unlink()  # the venv was deleted
    assert auto.is_enabled()  # the desktop would still try it at login...
    assert auto.problem() == (  # ...so it is not "on" for the user
        f"The launch entry points at {script}, which no longer exists (moved or uninstalled). "
        "Turn Launch at login off and on to point it at this installation."
    )
    # Turning it off and on from this installation points it at this installation's program.
    this_installation = XdgAutostart(config_home=tmp_path / "config", config_dirs=[], env={})
    this_installation.disable()
    this_installation.enable()
    assert this_installation.is_enabled() and this_installation.problem() == ""


def test_an_xdg_entry_found_on_path_is_not_second_guessed(tmp_path: Path) -> None:
    auto = XdgAutostart(config_home=tmp_path / "config", config_dirs=[], command=["trayapp"], env={})
    auto.enable()
    assert auto.problem() == ""  # TryExec=trayapp is looked up on PATH at login, not here


def test_a_launch_agent_pointing_at_a_translocated_copy_is_flagged(tmp_path: Path) -> None:
    translocated = "/private/var/folders/xy/T/AppTranslocation/5C1A/d/trayapp.app/Contents/MacOS/trayapp"
    auto = LaunchAgentAutostart(home=tmp_path, command=[translocated], runner=FakeLaunchctl())
    auto.enable()
    assert auto.is_enabled()
    assert "temporary copy macOS made" in auto.problem() and "Move trayapp to Applications" in auto.problem()


def test_a_launch_agent_whose_program_is_gone_is_flagged(tmp_path: Path) -> None:
    script = program(tmp_path)
    auto = LaunchAgentAutostart(home=tmp_path, command=[str(script)], runner=FakeLaunchctl())
    auto.enable()
    assert auto.problem() == ""
    assert plistlib.loads(auto.path.read_bytes())["ProgramArguments"][0] == str(script)
    script.unlink()
    assert f"points at {script}, which no longer exists" in auto.problem()


@pytest.mark.parametrize(
    ("value", "program"),
    [
        (render_run_value([EXE]), EXE),
        (render_run_value([r"C:\Python312\pythonw.exe", "-m", "trayapp"]), r"C:\Python312\pythonw.exe"),
        (r"C:\tools\trayapp.exe --background", r"C:\tools\trayapp.exe"),
    ],
)
def test_the_program_of_a_run_value(value: str, program: str) -> None:
    assert run_value_program(value) == program


def test_a_run_value_whose_program_was_uninstalled_is_flagged() -> None:
    installed = {EXE}
    winreg = FakeWinreg()
    auto = WindowsAutostart(
        registry=WinregRegistry(winreg),
        command=[EXE],
        executable=r"C:\Python312\python.exe",
        prefixes=[r"C:\Python312"],
        is_file=lambda p: str(p) in installed,
    )
    auto.enable()
    assert auto.is_enabled() and auto.problem() == ""
    installed.clear()
    assert auto.problem().startswith(f"The launch entry points at {EXE}, which no longer exists")


@pytest.mark.parametrize(
    ("executable", "prefixes"),
    [
        (STORE_EXE, [STORE_PREFIX]),  # the Store's python.exe
        # a venv made from it: base_prefix still points into WindowsApps
        (r"C:\Users\ana\proj\.venv\Scripts\python.exe", [r"C:\Users\ana\proj\.venv", STORE_PREFIX]),
    ],
)
def test_the_store_python_cannot_launch_at_login_and_says_so(executable: str, prefixes: list[str]) -> None:
    winreg = FakeWinreg()
    auto = WindowsAutostart(
        registry=WinregRegistry(winreg), command=[EXE], executable=executable, prefixes=prefixes
    )
    assert not auto.supported
    assert "Microsoft Store's Python" in auto.reason and "python.org installer" in auto.reason
    with pytest.raises(Unsupported, match="Microsoft Store's Python"):
        auto.enable()
    assert not winreg.values  # nothing written that would read back as "on"
    # A value the container's private registry copy holds is not what Explorer sees: not "on".
    WinregRegistry(winreg).set_string(RUN_KEY, "trayapp", render_run_value([EXE]))
    assert not auto.is_enabled() and auto.problem() == ""


def test_a_python_org_install_can_launch_at_login() -> None:
    auto = WindowsAutostart(
        registry=WinregRegistry(FakeWinreg()),
        command=[EXE],
        executable=r"C:\Users\ana\AppData\Local\Programs\Python\Python312\python.exe",
        prefixes=[r"C:\Users\ana\AppData\Local\Programs\Python\Python312"],
    )
    assert auto.supported and auto.reason == ""


def test_the_store_pythons_package_folder_alone_gives_it_away() -> None:
    # pip install --user on the Store's Python: its packages live under Packages\PythonSoftwareFoundation…
    packages = r"C:\Users\ana\AppData\Local\Packages\PythonSoftwareFoundation.Python.3.12_qbz5n2kfra8p0"
    reason = store_python_reason(rf"{packages}\LocalCache\local-packages\Python312\Scripts\python.exe", [])
    assert reason == (
        "This trayapp runs on the Microsoft Store's Python, which keeps its registry changes to itself, "
        "so Windows would never start it at login. Install trayapp with the python.org installer "
        "(or use the trayapp bundle) to launch it at login."
    )
