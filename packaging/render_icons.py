"""Render the app icon from resources/icons/trayapp.svg for every packaging target, at build time.

    python packaging/render_icons.py OUT_DIR [--icons-dir resources/icons]

writes
    OUT_DIR/hicolor/{16,22,24,32,48,64,128,256}x*/apps/trayapp.png   Linux icon theme sizes
    OUT_DIR/hicolor/scalable/apps/trayapp.svg                          copied as is
    OUT_DIR/hicolor/symbolic/apps/trayapp-symbolic.svg                 copied as is
    OUT_DIR/trayapp.ico                                                Windows (PNG-in-ICO, 16..256)
    OUT_DIR/trayapp.icns                                               macOS (PNG-in-ICNS, 16@2x..512@2x)

Binaries stay out of git: CI and the PyInstaller spec call this. It uses QtSvg from PySide6 (already a
runtime dependency), the same renderer the app draws its icons with, and needs no display: QImage is
painted without a QGuiApplication. ICO and ICNS are written by hand (both are a small header around PNG
data), so no Pillow and no platform tool (iconutil) is needed.
"""

from __future__ import annotations

import argparse
import shutil
import struct
import sys
from pathlib import Path

HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)
# ICNS element types holding PNG data (macOS 10.7+), as iconutil writes them for an .iconset.
ICNS_TYPES = (
    (b"ic11", 32),  # 16x16@2x
    (b"ic12", 64),  # 32x32@2x
    (b"ic07", 128),
    (b"ic13", 256),  # 128x128@2x
    (b"ic08", 256),
    (b"ic14", 512),  # 256x256@2x
    (b"ic09", 512),
    (b"ic10", 1024),  # 512x512@2x
)
APP = "trayapp"
REPO = Path(__file__).resolve().parents[1]


def png_bytes(svg: bytes, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise SystemExit("render_icons: the SVG is not valid")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG", 0):  # quality 0 = zlib level 9
        raise SystemExit(f"render_icons: could not encode a {size}px PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR + one ICONDIRENTRY per size, each image stored as PNG (valid since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset + len(blobs))
        blobs += blob
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render_all(out: Path, icons_dir: Path) -> list[Path]:
    svg = (icons_dir / f"{APP}.svg").read_bytes()
    symbolic = icons_dir / f"{APP}-symbolic.svg"
    wanted = set(HICOLOR_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    pngs = {size: png_bytes(svg, size) for size in sorted(wanted)}
    written: list[Path] = []

    def write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)

    for size in HICOLOR_SIZES:
        write(out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP}.png", pngs[size])
    write(out / "hicolor" / "scalable" / "apps" / f"{APP}.svg", svg)
    write(out / "hicolor" / "symbolic" / "apps" / f"{APP}-symbolic.svg", symbolic.read_bytes())
    write(out / f"{APP}.ico", ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    write(out / f"{APP}.icns", icns_bytes(pngs))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--icons-dir", type=Path, default=REPO / "resources" / "icons")
    args = parser.parse_args(argv)
    if args.out.exists():
        shutil.rmtree(args.out)
    for path in render_all(args.out, args.icons_dir):
        print(f"{path.stat().st_size:>8}  {path.relative_to(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
