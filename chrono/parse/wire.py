"""What one parsed file sends from a worker to the parent: events, claims and problems as
plain tuples (`chrono.parallel` writes them with marshal), and back.

An event travels as its fields in declaration order, its date as EDTF text (the parser's
canonical text parses to the same date) and its citations and their sources as tuples;
a claim as its id, actors, refs and key path; a problem as its fields. Specialised for
the model rather than generic like the index codec (`chrono.index.codec`): the parent
decodes every event of a large load, and this is three times as fast.
"""

from __future__ import annotations

import dataclasses
import operator
from typing import Any, NamedTuple

from chrono.dates import parse_edtf
from chrono.model import EVENT_FIELDS, Citation, Event, Problem, Source
from chrono.parse.claim import Claim, ref_citation


class FileParse(NamedTuple):
    """One event file, parsed for a purpose: the events wanted whole, what the others
    claim (for the collection checks), and the file's problems, located by line."""

    events: list[Event]
    claims: list[Claim]
    problems: list[Problem]


_DATE = EVENT_FIELDS.index("date")
_CITATIONS = EVENT_FIELDS.index("citations")
_event_values = operator.attrgetter(*EVENT_FIELDS)
_source_values = operator.attrgetter(*(f.name for f in dataclasses.fields(Source)))
_problem_values = operator.attrgetter(*(f.name for f in dataclasses.fields(Problem)))


def encode(found: FileParse) -> object:
    """`found` as nested tuples of strings, numbers and None."""
    events = tuple(_event(e) for e in found.events)
    file = found.claims[0].file if found.claims else ""  # one file's claims: sent once
    claims = tuple(
        (c.id, c.actors, tuple(x.ref for x in c.citations), c.where) for c in found.claims
    )
    return events, file, claims, tuple(_problem_values(p) for p in found.problems)


def decode(data: Any) -> FileParse:
    """The FileParse that `encode` was given (TypeError or ValueError if `data` is not one)."""
    events, file, claims, problems = data
    return FileParse(
        [_rebuild(values) for values in events],
        [
            Claim(ident, actors, tuple(ref_citation(r) for r in refs), file, where)
            for ident, actors, refs, where in claims
        ],
        [Problem(*values) for values in problems],
    )


def _event(event: Event) -> tuple[object, ...]:
    values = list(_event_values(event))
    values[_DATE] = event.date.text
    values[_CITATIONS] = tuple(
        (_source_values(c.source), c.quote, c.note, c.ref, c.credibility,
         None if c.date is None else c.date.text, c.date_text)
        for c in event.citations
    )  # fmt: skip
    return tuple(values)


def _rebuild(values: Any) -> Event:
    values = list(values)
    values[_DATE] = parse_edtf(values[_DATE])
    values[_CITATIONS] = tuple(
        Citation(Source(*source), quote, note, ref, credibility,
                 None if date is None else parse_edtf(date), date_text)
        for source, quote, note, ref, credibility, date, date_text in values[_CITATIONS]
    )  # fmt: skip
    return Event(*values)
