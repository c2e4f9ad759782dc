"""The index's own account of what it holds, kept beside the rows to catch what they lose.

The summary counts the events, the files with problems, and the rows of every term
(actor, tag, ref), and lists the ids held by more than one event. It is kept up to date
from the events that each sync stores and forgets (never recomputed from rows that may
be damaged), and sealed by a checksum. A lookup that finds other counts than the summary
says (a term row changed or lost, a problems row hidden) reveals damage that row
checksums alone cannot, since a row that no longer matches a query is never read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from chrono.index.rows import Damage, seal
from chrono.model import Event

KINDS = ("actor", "tag", "ref")


def event_terms(event: Event) -> list[tuple[str, str]]:
    """The (kind, term) pairs an event is found by: casefolded actors and tags, and refs."""
    terms = [("actor", a.casefold()) for a in event.actors]
    terms += [("tag", t.casefold()) for t in event.tags]
    terms += [("ref", c.ref) for c in event.citations if c.ref is not None]
    return terms


@dataclass
class Summary:
    """Counts of what the index holds; see the module's docstring."""

    count: int = 0
    problem_files: int = 0
    terms: dict[str, dict[str, int]] = field(default_factory=lambda: {k: {} for k in KINDS})
    duplicates: dict[str, list[int]] = field(default_factory=dict)  # id -> event numbers

    def add(self, event: Event, sign: int) -> None:
        """Count an event in (`sign` 1) or out (-1)."""
        self.count += sign
        for kind, term in event_terms(event):
            counts = self.terms[kind]
            counts[term] = counts.get(term, 0) + sign
            if counts[term] == 0:
                del counts[term]

    def expect(self, kind: str, term: str) -> int:
        """How many rows of this term the index must hold."""
        return self.terms[kind].get(term, 0)

    def encode(self) -> tuple[str, str]:
        """The summary as JSON text, and its checksum (also text, for the meta table)."""
        body = {
            "count": self.count,
            "problem_files": self.problem_files,
            "terms": self.terms,
            "duplicates": self.duplicates,
        }
        text = json.dumps(body, sort_keys=True)
        return text, str(seal(text.encode()))

    @classmethod
    def decode(cls, text: str | None, checksum: str | None) -> Summary:
        """The summary `encode` wrote; Damage if it is missing, altered or misshapen."""
        if text is None or checksum != str(seal(text.encode("utf-8", "surrogateescape"))):
            raise Damage("the index summary is missing or fails its checksum")
        try:
            body = json.loads(text)
            summary = cls(body["count"], body["problem_files"], body["terms"], body["duplicates"])
        except (ValueError, TypeError, KeyError) as err:
            raise Damage(f"the index summary is not chrono's: {err}") from None
        if not _well_formed(summary):
            raise Damage("the index summary is not chrono's")
        return summary


def _well_formed(s: Summary) -> bool:
    if type(s.count) is not int or type(s.problem_files) is not int:
        return False
    if not isinstance(s.terms, dict) or set(s.terms) != set(KINDS):
        return False
    for counts in s.terms.values():
        if not isinstance(counts, dict) or any(type(c) is not int for c in counts.values()):
            return False
    dups = s.duplicates
    return isinstance(dups, dict) and all(
        isinstance(ns, list) and all(type(n) is int for n in ns) for ns in dups.values()
    )
