"""Status icons: shipped SVGs, distinct shapes (not only colours), readable on light and dark panels,
and monochrome template variants for macOS."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtGui import QColor, QImage

from trayapp.core.models import OverallState
from trayapp.qt import icons

STATES = [s.value for s in OverallState]


def alpha_mask(name: str, size: int = 32) -> list[bool]:
    image = icons.render(name, size).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    return [image.pixelColor(x, y).alpha() > 128 for y in range(size) for x in range(size)]


def luminance(c: QColor) -> float:
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def contrast(a: float, b: float) -> float:
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("name", [*STATES, *(f"{s}-mask" for s in STATES), "trayapp"])
def test_every_icon_is_shipped_and_renders(qapp: object, name: str) -> None:
    assert icons.svg_bytes(name).lstrip().startswith(b"<svg")
    for size in (16, 22, 32):
        assert sum(alpha_mask(name, size)) > size * size // 8


def test_icons_come_from_the_package_resources() -> None:
    folder = icons._icons_dir()
    assert folder.joinpath("available.svg").is_file()


def test_states_differ_by_shape(qapp: object) -> None:
    """Compare the opaque pixels only: even without colour, every pair of states looks different."""
    masks = {s: alpha_mask(f"{s}-mask") for s in STATES}
    for a, b in itertools.combinations(STATES, 2):
        differing = sum(x != y for x, y in zip(masks[a], masks[b], strict=True))
        assert differing > 40, f"{a} and {b} have nearly the same shape"
    colour = {s: alpha_mask(s) for s in STATES}
    for s in STATES:  # the template has the same silhouette as the colour icon
        same = sum(x == y for x, y in zip(masks[s], colour[s], strict=True))
        assert same > 0.9 * len(masks[s])


def test_mask_variants_are_black_and_alpha_only(qapp: object) -> None:
    for state in STATES:
        image = icons.render(f"{state}-mask", 32).toImage()
        for y in range(32):
            for x in range(32):
                c = image.pixelColor(x, y)
                if c.alpha() > 0:
                    assert max(c.red(), c.green(), c.blue()) < 16, (state, x, y, c.name())


@pytest.mark.parametrize("state", ["available", "away", "busy", "attention", "offline"])
def test_main_colour_reads_on_light_and_dark_panels(qapp: object, state: str) -> None:
    """The dominant opaque colour keeps >= 3:1 against a white and a near-black panel."""
    image = icons.render(state, 64).toImage()
    counts: dict[str, int] = {}
    for y in range(64):
        for x in range(64):
            c = image.pixelColor(x, y)
            if c.alpha() == 255 and c.name() != "#ffffff":
                counts[c.name()] = counts.get(c.name(), 0) + 1
    main = QColor(max(counts, key=lambda k: counts[k]))
    lum = luminance(main)
    assert contrast(lum, 1.0) >= 3.0, f"{state} {main.name()} on white"
    assert contrast(lum, luminance(QColor("#222222"))) >= 3.0, f"{state} {main.name()} on dark"


def test_state_icon_uses_template_on_request(qapp: object) -> None:
    assert icons.state_icon(OverallState.BUSY, mask=True).isMask()
    assert not icons.state_icon(OverallState.BUSY, mask=False).isMask()
    assert icons.state_icon(OverallState.AWAY) is icons.state_icon(OverallState.AWAY)  # kept alive, cached


def saturation_sum(pixmap: object) -> int:
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)  # type: ignore[attr-defined]
    return sum(
        image.pixelColor(x, y).hsvSaturation() for y in range(image.height()) for x in range(image.width())
    )


def test_an_icon_is_drawn_sharp_at_the_size_asked_and_greyed_when_disabled(qapp: object) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icon = icons.named_icon("available")
    assert QSize(22, 22) in icon.availableSizes()  # what a StatusNotifierItem host is sent
    normal = icon.pixmap(QSize(22, 22))
    assert normal.size() == QSize(22, 22)
    assert normal.toImage() == icons.render("available", 22).toImage()  # drawn at 22, not scaled
    hidpi = icon.pixmap(QSize(22, 22), 2.0)
    assert hidpi.devicePixelRatio() == 2.0 and hidpi.size() == QSize(44, 44)
    assert hidpi.toImage() == icons.render("available", 44).toImage()
    disabled = icon.pixmap(QSize(22, 22), QIcon.Mode.Disabled)
    assert saturation_sum(disabled) < saturation_sum(normal) / 2  # a menu header's icon is greyed


def test_an_icon_painted_into_a_tall_slot_stays_round(qapp: object) -> None:
    # An XEmbed tray may hand the icon a slot taller than wide: centre it, never stretch it.
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QPainter, QPixmap

    canvas = QPixmap(16, 24)
    canvas.fill(QColor(0, 0, 0, 0))
    painter = QPainter(canvas)
    icons.named_icon("available").paint(painter, QRect(0, 0, 16, 24))
    painter.end()
    image = canvas.toImage()
    rows = [y for y in range(24) if any(image.pixelColor(x, y).alpha() > 128 for x in range(16))]
    cols = [x for x in range(16) if any(image.pixelColor(x, y).alpha() > 128 for y in range(24))]
    height, width = rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1
    assert abs(height - width) <= 1 and 3 <= rows[0] <= 5  # round, and centred vertically
