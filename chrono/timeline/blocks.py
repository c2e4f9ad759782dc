"""The text beside an event's mark: its human date, its title and its citation marks,
fitted into a few lines of a given width."""

from __future__ import annotations

from dataclasses import dataclass

from chrono.timeline.text import cells, clip, fit, pad, wrap

TITLE_LINES = 2  # a title that does not fit wraps onto at most this many rows


@dataclass(frozen=True, slots=True)
class Entry:
    """An event's printable texts: already one-line, and 7-bit when drawing in ASCII."""

    date: str
    title: str
    marks: str  # "[1][2]"


def block(entry: Entry, width: int, ellipsis: str, date_width: int = 0) -> list[str]:
    """The entry's lines: with a `date_width`, the date in a column of its own and the
    title wrapped beside it; else one line "date  title [n]" when it fits, and otherwise
    the date, then the title indented below it."""
    if date_width:
        titles = titled(entry.title, entry.marks, width - date_width - 2, TITLE_LINES, ellipsis)
        return [pad(entry.date, date_width) + "  " + titles[0]] + [
            " " * (date_width + 2) + line for line in titles[1:]
        ]
    one = f"{entry.date}  {entry.title} {entry.marks}".rstrip()
    if cells(one) <= width:
        return [one]
    dates = wrap(entry.date, width, 2, ellipsis)
    titles = titled(entry.title, entry.marks, width - 2, TITLE_LINES, ellipsis)
    return dates + ["  " + line for line in titles]


def titled(title: str, marks: str, width: int, max_lines: int, ellipsis: str) -> list[str]:
    """The title wrapped to at most `max_lines`, the marks kept whole at its end."""
    lines = wrap(title, width, max_lines, ellipsis)
    if not marks:
        return lines
    last = lines[-1]
    if cells(last) + 1 + cells(marks) <= width:
        lines[-1] = f"{last} {marks}".lstrip()
    elif len(lines) < max_lines:
        lines.append(fit(marks, width, ellipsis))
    else:
        room = width - 1 - cells(marks)
        last = last.removesuffix(ellipsis)
        if room > len(ellipsis):
            lines[-1] = clip(last, room - len(ellipsis)).rstrip() + ellipsis + " " + marks
        else:
            lines[-1] = fit(f"{last} {marks}", width, ellipsis)
    return lines
