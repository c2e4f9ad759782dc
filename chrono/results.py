"""What the pipeline hands back: a collection of events, or a check's report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from chrono.model import Event, Problem, Source

if TYPE_CHECKING:
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


@dataclass(frozen=True)
class CheckReport(_Reported):
    """What `chrono check` needs: every problem, and how many events passed."""

    problems: list[Problem]
    valid: int
    dirs: tuple[str, ...]


def ordered(problems: list[Problem]) -> list[Problem]:
    """Problems by file, line, code, message: the order `chrono check` prints them in."""
    return sorted(problems, key=lambda p: (p.file, p.line, p.code, p.message))
