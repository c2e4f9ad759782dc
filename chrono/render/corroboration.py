"""What every output shows of corroboration: grades beside citation marks, how many
(independent) sources back an event, and sources that disagree about its date."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any

from chrono.corroborate.disagree import disagreement, disagreement_text
from chrono.corroborate.grades import CREDIBILITY, RELIABILITY, Grade, citation_grade
from chrono.corroborate.independence import corroboration
from chrono.model import Citation, Cited, Event, Source
from chrono.render.citations import SourceList


def grade(citation: Citation) -> Grade:
    """The citation's grade (see `chrono.corroborate.grades.citation_grade`)."""
    return citation_grade(citation)


def mark(number: int, citation: Citation) -> str:
    """ "[2 B2]", or "[2]" for an ungraded citation."""
    return _mark(number, _grade_text(citation.source.reliability, citation.credibility))


def _mark(number: int, grade_text: str) -> str:
    return f"[{number} {grade_text}]" if grade_text else f"[{number}]"


@functools.cache  # a few dozen grades, marked thousands of times in a long answer
def _grade_text(reliability: str | None, credibility: int | None) -> str:
    return Grade(reliability, credibility).text()


def event_marks(numbered: SourceList, event: Cited) -> str:
    """The event's citation marks, each (source, grade) once, in citation order."""
    if len(event.citations) == 1:  # most events: one mark, nothing to make unique
        (only,) = event.citations
        return mark(numbered.number(only.source), only)
    marks = (mark(numbered.number(c.source), c) for c in event.citations)
    return "".join(dict.fromkeys(marks))


def graded_sources(event: Event) -> tuple[tuple[Source, str], ...]:
    """Each citation's source and grade ("B2", or ""): all that its mark needs, so that an
    output can number the sources later without keeping the citations' quotes."""
    return tuple(
        (c.source, _grade_text(c.source.reliability, c.credibility)) for c in event.citations
    )


def graded_marks(numbered: SourceList, graded: Iterable[tuple[Source, str]]) -> str:
    """`event_marks` from `graded_sources`."""
    marks = (_mark(numbered.number(source), text) for source, text in graded)
    return "".join(dict.fromkeys(marks))


def grade_words(citation: Citation) -> str:
    """ "Grade B2: usually reliable, probably true", for notes and footnotes ("" if ungraded)."""
    found = grade(citation)
    words = [RELIABILITY[found.reliability]] if found.reliability else []
    words += [CREDIBILITY[found.credibility]] if found.credibility else []
    return f"Grade {found.text()}: {', '.join(words)}" if words else ""


def claimed_words(citation: Citation) -> str:
    """ "Gives the date as 15 Apr 2016 (“on Friday”)" when the citation has a date of its own."""
    if citation.date is None:
        return ""
    said = f" (“{citation.date_text}”)" if citation.date_text else ""
    return f"Gives the date as {citation.date.human()}{said}"


def source_grade(source: Source) -> str:
    """ " (reliability B, usually reliable)" for a source list line; "" when ungraded."""
    if not source.reliability:
        return ""
    return f" (reliability {source.reliability}: {RELIABILITY[source.reliability]})"


def notes(event: Cited, sources: Mapping[str, Source] | None) -> list[str]:
    """ "2 sources, 1 independent" when more than one source is cited, and the sources'
    disagreement about the date, if any."""
    citations = event.citations
    if len(citations) == 1 and citations[0].date is None:  # most events: nothing to note
        return []
    found = []
    if len(citations) > 1:  # (one citation is one source: no count to show)
        counted = corroboration(event, sources or {})
        if counted.sources > 1:
            found.append(counted.text())
    claims = disagreement(event)
    if claims:
        found.append(disagreement_text(claims))
    return found


def record(event: Event, sources: Mapping[str, Source] | None) -> dict[str, Any]:
    """The corroboration fields of an event for JSON: counts, and the disagreeing claims."""
    fields: dict[str, Any] = {"corroboration": corroboration(event, sources or {}).as_dict()}
    claims = disagreement(event)
    if claims:
        fields["sources_disagree"] = [
            {"source": c.source, "date": c.date.text, "display_date": c.date.human()}
            for c in claims
        ]
    return fields
