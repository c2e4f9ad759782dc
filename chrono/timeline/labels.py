"""Calendar labels for the vertical axis: the year, month and day of a row, each shown only
when it differs from the last labelled row, in aligned columns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from chrono.dates import SHORT_MONTHS, civil_from_days, year_text
from chrono.timeline.axis import DAY

Unit = Literal["year", "month", "day"]
Civil = tuple[int, int, int]


def civil(seconds: int) -> Civil:
    """The (year, month, day) of an instant."""
    return civil_from_days(seconds // DAY)


def unit_for(step: int) -> Unit:
    """The finest calendar unit worth labelling when one line stands for `step` seconds."""
    if step <= 4 * DAY:
        return "day"
    return "month" if step <= 92 * DAY else "year"


def _depth(unit: Unit) -> int:
    return {"year": 1, "month": 2, "day": 3}[unit]


def label_parts(day: Civil, previous: Civil | None, unit: Unit) -> tuple[str, ...] | None:
    """The year, month and day texts for a row, blank where unchanged; None if nothing changed."""
    depth = _depth(unit)
    changed = next((i for i in range(depth) if previous is None or day[i] != previous[i]), None)
    if changed is None:
        return None
    texts = (year_text(day[0]), SHORT_MONTHS[day[1] - 1], str(day[2]))
    return tuple("" if i < changed else texts[i] for i in range(depth))


def label_widths(parts: Sequence[tuple[str, ...]]) -> tuple[int, ...]:
    """The width of each label column, wide enough for every row's text."""
    if not parts:
        return ()
    return tuple(max(len(p[i]) for p in parts) for i in range(len(parts[0])))


def format_label(parts: tuple[str, ...], widths: tuple[int, ...]) -> str:
    """Right-aligned year and day, left-aligned month, one space apart."""
    texts = [
        text.ljust(width) if column == 1 else text.rjust(width)
        for column, (text, width) in enumerate(zip(parts, widths, strict=True))
    ]
    return " ".join(texts)
