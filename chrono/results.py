"""What the pipeline hands back: a collection of events, rows ready to print, or a check's
report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from chrono.model import Citation, Event, Problem, Source

if TYPE_CHECKING:
    from chrono.dates import EdtfDate
    from chrono.registry.actors import Registry


class _Reported:
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


@dataclass(frozen=True)
class Collection(_Reported):
    """Valid events in the one total order, with what they refer to and what was wrong."""

    events: list[Event]
    registry: Registry
    sources: dict[str, Source]
    problems: list[Problem] = field(default_factory=list)
    dirs: tuple[str, ...] = ()
    ambiguous: set[str] = field(default_factory=set)  # source keys defined differently


class Shown(NamedTuple):
    """What `show` prints of one event: its date as a person writes it, title, actors (by
    their canonical names), and citations (sources resolved; no quotes or notes), with the
    date's EDTF text for the rare event whose sources disagree about it. (A named tuple:
    a long answer makes thousands, and a frozen dataclass takes twice as long to make.)"""

    human: str
    title: str
    actors: tuple[str, ...]
    citations: tuple[Citation, ...]
    edtf: str

    @property
    def date(self) -> EdtfDate:
        """The event's date, parsed when asked (only a citation with a date of its own needs
        it; parses are cached)."""
        from chrono.dates import parse_edtf

        return parse_edtf(self.edtf)

    @classmethod
    def of(cls, event: Event) -> Shown:
        """What `show` prints of an event (whose actors are already the ones to print)."""
        return cls(event.date.human(), event.title, event.actors, event.citations, event.date.text)


@dataclass(frozen=True)
class ShownSelection(_Reported):
    """The rows `show` prints, in the one total order, with what the events refer to and
    what was wrong (the problems of the whole collection, as in `Collection`)."""

    rows: list[Shown]
    registry: Registry
    sources: dict[str, Source]
    problems: list[Problem] = field(default_factory=list)
    dirs: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckReport(_Reported):
    """What `chrono check` needs: every problem, and how many events passed."""

    problems: list[Problem]
    valid: int
    dirs: tuple[str, ...]


def ordered(problems: list[Problem]) -> list[Problem]:
    """Problems by file, line, code, message: the order `chrono check` prints them in."""
    return sorted(problems, key=lambda p: (p.file, p.line, p.code, p.message))
