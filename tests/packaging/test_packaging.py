"""Packaging files stay in step with the code: desktop entry, AppStream metainfo, icons, package data
and the PyInstaller excludes. Pure Python and fast; the external validators (desktop-file-validate,
appstreamcli) and the real builds run in scripts/package.sh."""

from __future__ import annotations

import importlib.util
import re
import struct
import sys
import xml.etree.ElementTree as ET
from fnmatch import fnmatch
from pathlib import Path
from types import ModuleType

import pytest

import trayapp
from trayapp.core import autostart

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
RESOURCES = REPO / "resources"
METAINFO = LINUX / f"{autostart.BUNDLE_ID}.metainfo.xml"


def load_render_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_icons", REPO / "packaging" / "render_icons.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_packaged_desktop_file_is_the_shipped_template() -> None:
    assert (LINUX / "trayapp.desktop").read_bytes() == (RESOURCES / "trayapp.desktop").read_bytes()


def test_desktop_entry_launches_the_console_script_with_the_app_icon() -> None:
    entry = autostart.parse_desktop_entry((RESOURCES / "trayapp.desktop").read_text(encoding="utf-8"))
    assert entry["Type"] == "Application"
    assert entry["Exec"] == entry["TryExec"] == autostart.APP_ID  # a second launch raises the first (P8)
    assert entry["Icon"] == autostart.APP_ID
    assert entry["Terminal"] == "false"
    assert "Network" in entry["Categories"].split(";")
    assert "%" not in entry["Exec"]  # takes no files or URLs


def test_metainfo_matches_the_app() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == autostart.BUNDLE_ID
    assert root.findtext("launchable[@type='desktop-id']") == "trayapp.desktop"
    assert root.findtext("provides/binary") == "trayapp"
    versions = [r.get("version") for r in root.iterfind("releases/release")]
    assert versions and versions[0] == trayapp.__version__, "add a <release> for the new version"


def test_symbolic_icon_is_one_colour_and_plain_shapes() -> None:
    svg = ET.parse(RESOURCES / "icons" / "trayapp-symbolic.svg").getroot()
    ns = "{http://www.w3.org/2000/svg}"
    shapes = [el for el in svg.iter() if el.tag in (f"{ns}path", f"{ns}circle", f"{ns}rect")]
    assert shapes
    assert {el.get("fill") for el in shapes} == {"#2e3436"}
    assert not [el for el in svg.iter() if el.tag in (f"{ns}mask", f"{ns}image", f"{ns}linearGradient")]
    assert not [el for el in shapes if el.get("stroke")]


def test_rendered_icons_are_small_and_well_formed(tmp_path: Path) -> None:
    render_icons = load_render_icons()
    written = render_icons.render_all(tmp_path, RESOURCES / "icons")
    pngs = [p for p in written if p.suffix == ".png"]
    assert len(pngs) == len(render_icons.HICOLOR_SIZES)
    for png in pngs:
        data = png.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert len(data) <= 10 * 1024, f"{png} is {len(data)} bytes"
        width, height = struct.unpack(">II", data[16:24])
        assert f"{width}x{height}" == png.parts[-3]

    ico = (tmp_path / "trayapp.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(render_icons.ICO_SIZES))
    dims = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert dims == set(render_icons.ICO_SIZES)

    icns = (tmp_path / "trayapp.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    offset, kinds = 8, []
    while offset < len(icns):
        kinds.append(icns[offset : offset + 4])
        offset += struct.unpack(">I", icns[offset + 4 : offset + 8])[0]
    assert offset == len(icns)
    assert kinds == [kind for kind, _ in render_icons.ICNS_TYPES]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib")
def test_every_resource_file_is_package_data() -> None:
    tomllib = importlib.import_module("tomllib")  # 3.11+; mypy checks for 3.10

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert config["package-dir"]["trayapp.resources"] == "resources"
    patterns = config["package-data"]["trayapp.resources"]
    files = [
        p.relative_to(RESOURCES).as_posix()
        for p in RESOURCES.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".py", ".pyc")
    ]
    assert "icons/trayapp-symbolic.svg" in files
    unshipped = [f for f in files if not any(fnmatch(f, pattern) for pattern in patterns)]
    assert not unshipped, f"not in the wheel: {unshipped}"


@pytest.mark.skipif(sys.version_info < (3, 11), reason="tomllib")
def test_every_package_of_the_code_is_in_the_wheel() -> None:
    """The wheel's package list is written out by hand: a new sub-package missing from it installs a
    trayapp that fails at import (seen with trayapp.core.schedule)."""
    tomllib = importlib.import_module("tomllib")  # 3.11+; mypy checks for 3.10

    listed = set(
        tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(REPO).parts) for init in (REPO / "trayapp").rglob("__init__.py")
    }
    assert found - listed == set(), f"not in [tool.setuptools] packages: {sorted(found - listed)}"


def test_pyinstaller_does_not_exclude_a_qt_module_trayapp_imports() -> None:
    spec = (REPO / "packaging" / "pyinstaller" / "trayapp.spec").read_text(encoding="utf-8")
    block = spec[spec.index("EXCLUDED_MODULES = [") : spec.index("EXCLUDED_FILES")]
    excluded = set(re.findall(r"\bQt\w+", block))
    assert {"QtQml", "QtQuick", "QtWebEngineCore", "QtMultimedia"} <= excluded
    imported: set[str] = set()
    for source in (REPO / "trayapp").rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        imported |= set(re.findall(r"PySide6\.(Qt\w+)", text))
        for names in re.findall(r"from PySide6 import \(?([\w\s,]+)\)?", text):
            imported |= set(re.findall(r"Qt\w+", names))
    assert {"QtCore", "QtGui", "QtWidgets"} <= imported
    assert not imported & excluded, f"trayapp imports excluded Qt modules: {imported & excluded}"


def excluded_files_pattern() -> re.Pattern[str]:
    spec = (REPO / "packaging" / "pyinstaller" / "trayapp.spec").read_text(encoding="utf-8")
    opening = 'EXCLUDED_FILES = re.compile(\n    r"""'
    start = spec.index(opening) + len(opening)
    return re.compile(spec[start : spec.index('""",', start)], re.VERBOSE)


@pytest.mark.parametrize(
    ("path", "dropped"),
    [
        # macOS: Qt's libraries are frameworks inside the bundle
        ("PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick", True),
        ("PySide6/Qt/lib/QtWebEngineCore.framework/Versions/A/Resources/qtwebengine_resources.pak", True),
        ("PySide6/Qt/lib/QtPdf.framework/Versions/A/QtPdf", True),
        ("PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui", False),
        ("PySide6/Qt/lib/QtWidgets.framework/Versions/A/QtWidgets", False),
        ("PySide6/Qt/lib/QtDBus.framework/Versions/A/QtDBus", False),
        ("PySide6/Qt/lib/QtSvg.framework/Versions/A/QtSvg", False),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", False),
        # Linux and Windows, as before
        ("PySide6/Qt/lib/libQt6Quick.so.6", True),
        ("PySide6/Qt6Qml.dll", True),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", False),
        ("PySide6/Qt6Widgets.dll", False),
    ],
)
def test_the_bundle_drops_the_qt_libraries_trayapp_never_loads_on_every_os(path: str, dropped: bool) -> None:
    assert bool(excluded_files_pattern().search(path)) is dropped
