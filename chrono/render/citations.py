"""Numbering sources across a selection of events, for `[n]` marks and source lists."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from chrono.dates import SHORT_MONTHS, DateError, parse_edtf
from chrono.model import Event, Source

_PLAIN_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")


@dataclass
class SourceList:
    """Each distinct source once, numbered from 1 in order of first citation."""

    numbers: dict[str, int] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)

    def number(self, source: Source) -> int:
        identity = source.identity  # (a property: worked out once per call)
        found = self.numbers.get(identity)
        if found is None:
            self.sources.append(source)
            found = self.numbers[identity] = len(self.sources)
        return found

    def marks(self, event: Event) -> list[int]:
        """The numbers of the event's sources, each once, in citation order."""
        return list(dict.fromkeys(self.number(c.source) for c in event.citations))


def human_date(edtf: str) -> str:
    """An EDTF text as a person writes it (the text itself if it does not parse)."""
    day = _PLAIN_DAY.match(edtf)
    if day is not None:  # most published dates: written at once, where parsing takes 25 µs
        year, month, number = int(day[1]), int(day[2]), int(day[3])
        if year > 0 and 1 <= month <= 12 and 1 <= number <= 28:  # (a day in every month)
            return f"{number} {SHORT_MONTHS[month - 1]} {year}"
    try:
        return parse_edtf(edtf).human()
    except DateError:
        return edtf


def source_parts(source: Source) -> list[tuple[str, str]]:
    """(field, text) in citation order, present fields only: author, title, publisher,
    published (as a person writes it), url. Each output format dresses them its own way."""
    published = human_date(source.published) if source.published else None
    fields = (
        ("author", source.author), ("title", source.title), ("publisher", source.publisher),
        ("published", published), ("url", source.url),
    )  # fmt: skip
    return [(name, value) for name, value in fields if value]


def source_label(source: Source) -> str:
    """A one-line readable citation: author, title, publisher, date, then the URL."""
    published = human_date(source.published) if source.published else None
    parts = [p for p in (source.author, source.title, source.publisher, published) if p]
    text = ", ".join(parts) if parts else (source.url or source.key or "untitled source")
    if source.url and parts:
        text += f" <{source.url}>"
    return text


def marks_text(numbers: Sequence[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)
