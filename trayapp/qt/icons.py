"""Status and app icons, drawn from the SVGs shipped in `trayapp.resources`.

Each state has its own shape (check, clock, bar, hollow ring, triangle) as well as its own colour, so it
reads for colour-blind users and in the monochrome macOS template variant. The colours sit at a mid
luminance that keeps a 3:1 contrast against both white and near-black panels.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from trayapp.core.models import Availability, OverallState

# Rendered ahead of time (instead of relying on Qt's SVG icon-engine plugin, which frozen builds may
# lack) at the sizes panels and menus ask for, including 2x for HiDPI.
_SIZES = (16, 20, 22, 24, 32, 40, 44, 48, 64, 128)


def _icons_dir() -> Traversable:
    try:
        folder = resources.files("trayapp.resources") / "icons"
        if folder.is_dir():
            return folder
    except ModuleNotFoundError:
        pass
    # Source checkout where `resources/` is not (yet) mapped onto the package.
    return Path(__file__).resolve().parents[2] / "resources" / "icons"


def svg_bytes(name: str) -> bytes:
    """The SVG source of one icon, e.g. "available" or "busy-mask"."""
    return (_icons_dir() / f"{name}.svg").read_bytes()


def render(name: str, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg_bytes(name)))
    if not renderer.isValid():
        raise ValueError(f"icon {name!r} is not a valid SVG")
    pixmap = QPixmap(QSize(size, size))
    # QColor(0, 0, 0, 0) is Qt.GlobalColor.transparent; PySide takes ~20 ms to build the Qt namespace
    # on first use, which the icon need not wait for (dialogs use it later).
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


@cache  # one QIcon per name for the process: PySide must keep a reference anyway (P4)
def named_icon(name: str) -> QIcon:
    icon = QIcon()
    for size in _SIZES:
        icon.addPixmap(render(name, size))
    return icon


def use_mask_icons() -> bool:
    """macOS tints template images to match the menu bar; the shapes alone carry the state there."""
    return sys.platform == "darwin"


def state_icon(state: OverallState, mask: bool | None = None) -> QIcon:
    mask = use_mask_icons() if mask is None else mask
    if not mask:
        return named_icon(state.value)
    icon = named_icon(f"{state.value}-mask")
    icon.setIsMask(True)
    return icon


def availability_icon(availability: Availability | None) -> QIcon:
    """The small per-account icon in menu headers (colour variant: menus are not tinted)."""
    if availability is None:
        return named_icon(OverallState.ATTENTION.value)
    return named_icon(availability.value)


def app_icon() -> QIcon:
    return named_icon("trayapp")
