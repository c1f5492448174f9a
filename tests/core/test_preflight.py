"""What the start-up check says before Qt loads (trayapp.preflight), with the libraries and displays it
sees chosen by the test. The real starts (a hidden library, no display) are in
tests/integration/test_first_start.py."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from tests.realparts import require_tools
from trayapp import preflight
from trayapp.preflight import BASE_LIBS, WAYLAND_LIBS, XCB_LIBS, check_platform

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the check is for Linux")


def hiding(*sonames: str) -> preflight.Loader:
    return lambda soname: soname not in sonames


def test_no_display_at_all_says_so_and_points_to_what_works_without_one() -> None:
    result = check_platform({}, load=hiding())
    assert not result.ok
    assert result.problem == preflight.NO_DISPLAY
    assert "no display" in result.problem
    assert "trayapp demo-server" in result.problem and "command line" in result.problem


def test_missing_xcb_libraries_are_named_with_their_debian_and_fedora_packages() -> None:
    env = {"DISPLAY": ":0"}
    load = hiding("libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(preflight, "x_display_problem", lambda display, timeout=2.0: "")
        result = check_platform(env, load=load)
    assert not result.ok
    line = result.problem
    assert "\n" not in line
    assert "libxcb-icccm.so.4 and libxcb-keysyms.so.1 are missing" in line
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in line
    assert "sudo dnf install xcb-util-wm xcb-util-keysyms" in line
    assert "xcb-cursor" not in line  # Qt's own hint blames this one whatever is missing


def test_a_display_that_does_not_answer_is_reported_before_libraries() -> None:
    result = check_platform({"DISPLAY": ":987"}, load=hiding("libxcb-icccm.so.4"))
    assert not result.ok
    assert "no X server answers on :987" in result.problem


def test_wayland_first_then_xcb_as_qt_chooses() -> None:
    assert preflight.qt_platforms({"DISPLAY": ":0"}) == ["xcb"]
    assert preflight.qt_platforms({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}) == ["wayland", "xcb"]
    assert preflight.qt_platforms({"XDG_SESSION_TYPE": "wayland"}) == ["wayland", "xcb"]
    assert preflight.qt_platforms({"QT_QPA_PLATFORM": "offscreen"}) == ["offscreen"]
    assert preflight.qt_platforms({"QT_QPA_PLATFORM": "wayland;xcb:foo"}) == ["wayland", "xcb"]


def test_wayland_lacking_its_libraries_falls_back_to_a_working_x_display(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "wayland-7"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        server.listen()
        env = {"WAYLAND_DISPLAY": str(path), "DISPLAY": ":0"}
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(preflight, "x_display_problem", lambda display, timeout=2.0: "")
            no_wayland_libs = hiding("libwayland-client.so.0")
            fallback = check_platform(env, load=no_wayland_libs)
            only_wayland = check_platform({"WAYLAND_DISPLAY": str(path)}, load=no_wayland_libs)
    assert fallback.ok and fallback.platform == "xcb"
    assert not only_wayland.ok
    assert "libwayland-client.so.0 is missing" in only_wayland.problem
    assert "libwayland-client0" in only_wayland.problem


def test_qt_options_on_the_command_line_win_over_the_environment() -> None:
    env = {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}
    seen = preflight.with_qt_args(env, ["-style", "fusion", "-platform", "offscreen", "-display=:5"])
    assert seen == {"DISPLAY": ":5", "QT_QPA_PLATFORM": "offscreen"}
    # `trayapp -platform offscreen` with no display at all starts (no abort, no refusal either)
    assert check_platform(preflight.with_qt_args({}, ["-platform", "offscreen"]), load=hiding()).ok


def test_offscreen_needs_only_the_base_libraries() -> None:
    assert check_platform({"QT_QPA_PLATFORM": "offscreen"}, load=hiding("libxcb-icccm.so.4")).ok
    broken = check_platform({"QT_QPA_PLATFORM": "offscreen"}, load=hiding("libglib-2.0.so.0"))
    assert "libglib-2.0.so.0 is missing" in broken.problem


# ------------------------------------------------------------------------------- the table is complete


def test_the_set_up_script_installs_every_package_the_check_names() -> None:
    # The README's set-up line runs `scripts/system-deps.sh --app`: it must bring what the check asks for.
    script = (Path(__file__).parents[2] / "scripts" / "system-deps.sh").read_text()
    block = script.split("APP=(", 1)[1].split("\n)", 1)[0]
    listed = [word for line in block.splitlines() for word in line.split("#", 1)[0].split()]
    wanted = {lib.debian for lib in (*BASE_LIBS, *XCB_LIBS)}
    assert wanted - set(listed) == set()


GLIBC = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libresolv.so.2"}


def _needed(path: Path) -> set[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=True).stdout
    return {line.split("[", 1)[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line}


def _qt_dir() -> Path:
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations))) / "Qt"


def _outside_the_wheel(files: Iterable[Path], qt: Path) -> set[str]:
    bundled = {p.name for p in (qt / "lib").iterdir()}
    needed: set[str] = set()
    for path in files:
        needed |= _needed(path)
    return {n for n in needed - bundled - GLIBC if not n.startswith("ld-linux")}


def test_every_library_the_installed_qt_links_to_is_in_the_table() -> None:
    # PySide6 updates may link to new system libraries; a missing row would mean Qt's abort again.
    require_tools("readelf")
    qt = _qt_dir()
    core = [qt / "lib" / f"libQt6{m}.so.6" for m in ("Core", "Gui", "Widgets", "DBus", "Network", "Svg")]
    plugins = qt / "plugins"
    core += [plugins / "iconengines" / "libqsvgicon.so", plugins / "imageformats" / "libqsvg.so"]
    known = {lib.soname for lib in BASE_LIBS}
    assert _outside_the_wheel(core, qt) - known == set()
    xcb = [qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"]
    assert _outside_the_wheel(xcb, qt) - known - {lib.soname for lib in XCB_LIBS} == set()
    wayland = [qt / "plugins" / "platforms" / "libqwayland.so", qt / "lib" / "libQt6WaylandClient.so.6"]
    assert _outside_the_wheel(wayland, qt) - known - {lib.soname for lib in WAYLAND_LIBS} == set()
