"""One line (wrapped if need be) naming the marks a chart actually uses."""

from __future__ import annotations

from collections.abc import Sequence

from chrono.timeline.glyphs import Glyphs
from chrono.timeline.shape import Shape
from chrono.timeline.text import cells


def legend(
    shapes: Sequence[Shape], breaks: bool, glyphs: Glyphs, width: int, lanes: bool
) -> list[str]:
    """The explanation of each kind of mark present, in a fixed order, wrapped at `width`."""
    g = glyphs
    period = g.hbar * 2 if lanes else g.span_start + g.bar + g.span_end
    fuzzy_period = g.fuzzy_hbar * 2 if lanes else g.fuzzy_bar
    opens = g.open_left + g.open_right if lanes else g.open_up + g.open_down
    gap = g.hgap * 2 if lanes else g.gap
    kinds = [
        (any(s.point and not s.fuzzy for s in shapes), f"{g.point} day"),
        (any(s.point and s.fuzzy for s in shapes), f"{g.fuzzy_point} c. or ? day"),
        (any(not (s.point or s.fuzzy) for s in shapes), f"{period} period"),
        (any(s.fuzzy and not s.point for s in shapes), f"{fuzzy_period} c. or ? period"),
        (any(s.open_start or s.open_end for s in shapes), f"{opens} open end"),
        (breaks, f"{gap} time left out"),
    ]
    items = [text for present, text in kinds if present]
    lines: list[str] = []
    for item in items:
        if lines and cells(lines[-1]) + 2 + cells(item) <= width:
            lines[-1] += "  " + item
        else:
            lines.append(item)
    return lines
