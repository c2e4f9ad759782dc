"""The data chrono works on: events, their sources and citations, actors, problems.

Standard library only. Every object is frozen: stages build new ones instead of
mutating what an earlier stage produced.
"""

from __future__ import annotations

import dataclasses
import operator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:
    from chrono.dates import EdtfDate

Severity = Literal["error", "warning"]
#: A key path inside a TOML file, e.g. ("events", 3, "date").
Where = tuple[str | int, ...]

#: The closed set of event statuses, in the order they are documented.
STATUSES: tuple[str, ...] = ("occurred", "reported", "planned", "disputed", "denied", "cancelled")


_ONE_LINE = str.maketrans({"\n": "\\n", "\r": "\\r", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def one_line(text: str) -> str:
    """`text` with its line breaks escaped: a message about a value must not split in two."""
    return text.translate(_ONE_LINE)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the input, located by file and 1-based line (0 when unknown).

    `where` is the key path inside the file (e.g. ``("events", 3, "date")``); stages that
    do not know line numbers fill it and leave `line` at 0 for `chrono.locate` to resolve.
    """

    file: str
    line: int
    code: str
    message: str
    severity: Severity = "error"
    where: tuple[str | int, ...] = ()

    def __str__(self) -> str:
        """One line, always: a line break in a file name or a quoted value is escaped."""
        return one_line(f"{self.file}:{self.line}: {self.severity}[{self.code}]: {self.message}")

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Source:
    """A work an event is cited from: a bibliography entry (with `key`) or inline."""

    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None  # EDTF text
    author: str | None = None
    accessed: str | None = None  # EDTF text
    key: str | None = None
    reliability: str | None = None  # Admiralty scale, "A" (completely reliable) .. "F"
    derived_from: str | None = None  # the key of the source this one re-reports

    @property
    def identity(self) -> str:
        """What makes two citations point at the same source, for numbering."""
        if self.key:
            return f"ref:{self.key}"
        return f"inline:{self.url or ''}|{self.title or ''}|{self.publisher or ''}"


@dataclass(frozen=True, slots=True)
class Citation:
    """One event's use of a source: which source, and the exact words that support it."""

    source: Source
    quote: str | None = None
    note: str | None = None
    ref: str | None = None  # the sources.toml key, when cited by reference
    credibility: int | None = None  # Admiralty scale, 1 (confirmed) .. 6 (cannot be judged)
    date: EdtfDate | None = None  # the date this source gives, when not the event's
    date_text: str | None = None  # the source's words for that date

    def slim(self) -> Citation:
        """A copy without quote and note: what checks need."""
        return Citation(self.source, None, None, self.ref, self.credibility, self.date)

    def with_source(self, source: Source) -> Citation:
        """A copy citing `source` (a bibliography entry in place of its placeholder)."""
        return Citation(source, self.quote, self.note, self.ref, self.credibility, self.date,
                        self.date_text)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Event:
    """One dated, sourced thing that happened (or was planned, reported, disputed)."""

    id: str
    date: EdtfDate
    title: str
    citations: tuple[Citation, ...]
    summary: str | None = None
    actors: tuple[str, ...] = ()
    location: str | None = None
    tags: tuple[str, ...] = ()
    status: str | None = None
    date_text: str | None = None
    file: str = ""
    where: Where = ()  # key path of the event's table inside `file`
    same_as: tuple[str, ...] = ()  # ids of events known to be the same happening
    distinct_from: tuple[str, ...] = ()  # ids of look-alikes known to be other happenings
    merged_from: tuple[str, ...] = ()  # ids of the events `chrono merge` combined into this

    def sort_key(self) -> tuple[object, ...]:
        """The one total order: the date's order, then the id."""
        return (*self.date.sort_key(), self.id)

    def slim(self) -> Event:
        """A copy without the prose (summary, quotes, notes, phrase): what checks need,
        at a fraction of the memory."""
        citations = tuple(c.slim() for c in self.citations)
        # The place stays: duplicate detection compares places.
        return _replace(self, citations=citations, summary=None, date_text=None)

    def with_citations(self, citations: tuple[Citation, ...]) -> Event:
        """A copy with other citations."""
        return _replace(self, citations=citations)

    def with_actors(self, actors: tuple[str, ...]) -> Event:
        """A copy with other actor names (e.g. the registry's canonical ones)."""
        return _replace(self, actors=actors)


#: The names of Event's fields, in declaration order.
EVENT_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Event))
_event_values = operator.attrgetter(*EVENT_FIELDS)
_POSITION = {name: n for n, name in enumerate(EVENT_FIELDS)}


def _replace(event: Event, **changes: Any) -> Event:
    """A copy with some fields changed, by name; `dataclasses.replace` takes 1.5x as long,
    which shows when every event of a large collection is copied."""
    values = list(_event_values(event))
    for name, value in changes.items():
        values[_POSITION[name]] = value
    return Event(*values)


class Cited(Protocol):
    """What corroboration reads of an event: its citations and its date. An `Event`, or a
    row made ready to print (`chrono.render.shown.Shown`) that parses its date only when
    a citation gives a date of its own."""

    @property
    def citations(self) -> tuple[Citation, ...]: ...

    @property
    def date(self) -> EdtfDate: ...


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, state or organisation, with the names it goes by and what it belongs to."""

    name: str
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    member_of: tuple[str, ...] = ()
    file: str = ""
    where: tuple[str | int, ...] = field(default=())
