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

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QIcon, QIconEngine, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from trayapp.core.models import Availability, OverallState
from trayapp.qt.i18n import N_, tr

# Drawn by our own engine (instead of Qt's SVG icon-engine plugin, which frozen builds may lack), at the
# size asked for, when it is first asked for. These are the sizes it offers to whoever lists them (the
# StatusNotifierItem export sends every one up to 64 px), including 2x for HiDPI.
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


def svg_file(name: str) -> str:
    """The icon's SVG as a file on disk ("" where it is only inside an archive): for other programs, such
    as a notification server, that read the icon themselves."""
    path = _icons_dir() / f"{name}.svg"
    return str(path) if isinstance(path, Path) and path.is_file() else ""


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


def _side(size: QSize) -> int:
    """The icons are square: the side that fits the size asked for."""
    return max(1, min(size.width(), size.height()))


class _SvgIconEngine(QIconEngine):
    """Renders one shipped SVG at each size when first asked, then keeps the pixmap. Rendering all sizes
    of every icon up front cost ~20 ms before the tray icon could show; most sizes are never used."""

    def __init__(self, name: str, device_pixels: bool = False) -> None:
        super().__init__()
        self._name = name
        self._device_pixels = device_pixels  # sizes asked for are already in device pixels (Windows tray)
        self._pixmaps: dict[tuple[int, QIcon.Mode, float], QPixmap] = {}

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self._drawn(_side(size), mode, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        # HiDPI: drawn at device pixels and marked so, instead of a small pixmap scaled up.
        if self._device_pixels:
            return self._drawn(_side(size), mode, 1.0)
        return self._drawn(max(1, round(_side(size) * scale)), mode, scale)

    def _drawn(self, pixels: int, mode: QIcon.Mode, ratio: float) -> QPixmap:
        key = (pixels, mode, ratio)
        cached = self._pixmaps.get(key)
        if cached is None:
            cached = render(self._name, pixels)
            if mode is not QIcon.Mode.Normal and isinstance(QApplication.instance(), QApplication):
                # Disabled and selected looks come from the style, as for Qt's own icon engines. Only
                # then: PySide builds its QStyle type on first touch (~15 ms, not before the icon).
                from PySide6.QtWidgets import QStyleOption

                cached = QApplication.style().generatedIconPixmap(mode, cached, QStyleOption())
            cached.setDevicePixelRatio(ratio)
            self._pixmaps[key] = cached
        return cached

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return QSize(_side(size), _side(size))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        # Square icons: centred in a rect of another shape (a tall XEmbed slot), never stretched.
        side = _side(rect.size())
        square = QRect(
            rect.x() + (rect.width() - side) // 2, rect.y() + (rect.height() - side) // 2, side, side
        )
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        painter.drawPixmap(square, self.scaledPixmap(square.size(), mode, state, ratio))

    def availableSizes(
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        return [QSize(side, side) for side in _SIZES]

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._name, self._device_pixels)

    def key(self) -> str:
        return "trayapp-svg"


_engines: list[_SvgIconEngine] = []  # the QIcons own them in C++; Python must keep the wrappers alive


@cache  # one QIcon per name for the process: PySide must keep a reference anyway (P4)
def named_icon(name: str, device_pixels: bool = False) -> QIcon:
    svg_bytes(name)  # a missing or unreadable icon fails here, not later inside a paint
    engine = _SvgIconEngine(name, device_pixels)
    _engines.append(engine)
    return QIcon(engine)


def use_mask_icons() -> bool:
    """macOS tints template images to match the menu bar; the shapes alone carry the state there."""
    return sys.platform == "darwin"


def state_icon(state: OverallState, mask: bool | None = None, device_pixels: bool = False) -> QIcon:
    """`device_pixels`: for a host that asks for sizes in device pixels (the Windows taskbar)."""
    mask = use_mask_icons() if mask is None else mask
    if not mask:
        return named_icon(state.value, device_pixels)
    icon = named_icon(f"{state.value}-mask")
    icon.setIsMask(True)
    return icon


def availability_icon(availability: Availability | None) -> QIcon:
    """The small per-account icon in menu headers (colour variant: menus are not tinted)."""
    if availability is None:
        return named_icon(OverallState.ATTENTION.value)
    return named_icon(availability.value)


# What an icon that carries state says, for a screen reader (the icon itself has no text)
_ICON_TEXTS = {
    "available": N_("icons", "Available"),
    "away": N_("icons", "Away"),
    "busy": N_("icons", "Busy"),
    "offline": N_("icons", "Offline"),
    "attention": N_("icons", "Needs attention"),
}


def icon_text(name: str) -> str:
    """The accessible name of a state icon ("available" -> "Available", "attention" -> "Needs
    attention"), in the user's language; "" for an icon that carries no state."""
    text = _ICON_TEXTS.get(name.removesuffix("-mask"), "")
    return tr("icons", text) if text else ""


def app_icon() -> QIcon:
    return named_icon("trayapp")


def rgba_pixels(name: str, size: int) -> tuple[int, int, bytes]:
    """An icon as 8-bit RGBA rows (width, height, bytes), the notification spec's `image-data`."""
    image = render(name, size).toImage().convertToFormat(QImage.Format.Format_RGBA8888)
    width, height = image.width(), image.height()
    stride = image.bytesPerLine()
    data = bytes(image.constBits())
    rows = b"".join(data[y * stride : y * stride + width * 4] for y in range(height))
    return width, height, rows
