"""The numbered key under the lanes: number, human date, title and citation marks of each
event, wrapped (never cut) to the width."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from chrono.timeline.blocks import Entry
from chrono.timeline.text import cells, pad, wrap

MIN_TITLE = 24  # narrower than this, the date no longer gets a column of its own


def key_lines(entries: Sequence[Entry], width: int, ellipsis: str) -> Iterator[str]:
    """``n  date  title [m]`` for each entry, continuation lines indented."""
    number_width = len(str(len(entries)))
    date_width = max(cells(e.date) for e in entries)
    columns = number_width + 2 + date_width + 2
    for n, entry in enumerate(entries, 1):
        number = f"{n:>{number_width}}  "
        text = f"{entry.title} {entry.marks}".strip()
        if width - columns >= MIN_TITLE:
            wrapped = wrap(text, width - columns, None, ellipsis)
            yield number + pad(entry.date, date_width) + "  " + wrapped[0]
            yield from (" " * columns + part for part in wrapped[1:])
        else:
            indent = " " * (number_width + 2)
            dates = wrap(entry.date, width - len(indent), None, ellipsis)
            yield number + dates[0]
            yield from (indent + part for part in dates[1:])
            yield from (indent + part for part in wrap(text, width - len(indent), None, ellipsis))
