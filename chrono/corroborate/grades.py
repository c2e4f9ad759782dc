"""The Admiralty (NATO) grading scale: source reliability A–F, information credibility 1–6.

A is completely reliable and E unreliable; F means the reliability cannot be judged.
1 is confirmed by other sources and 5 improbable; 6 means the truth cannot be judged.
"Cannot be judged" ranks below every judged grade: it is no evidence either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chrono.model import Citation

RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
_GRADE = re.compile(r"([A-F])?([1-6])?\Z")


class GradeError(ValueError):
    """A grade that is not on the scale."""


@dataclass(frozen=True, slots=True)
class Grade:
    """A citation's grade: its source's reliability and its own credibility, either unknown."""

    reliability: str | None = None
    credibility: int | None = None

    def text(self) -> str:
        """The compact form: "B2", "B" without a credibility, "?2" without a reliability,
        "" when ungraded."""
        if self.credibility is None:
            return self.reliability or ""
        return f"{self.reliability or '?'}{self.credibility}"

    def at_least(self, floor: Grade) -> bool:
        """Whether this grade is at or above `floor` on both halves the floor sets.

        An unknown half is below every judged floor (it is no evidence either way)."""
        letter = _below(self.reliability, floor.reliability)
        return not (letter or _below(self.credibility, floor.credibility))


def _below(value: str | int | None, floor: str | int | None) -> bool:
    # Lower letters and digits are better grades on both halves of the scale.
    return floor is not None and (value is None or value > floor)  # type: ignore[operator]


def citation_grade(citation: Citation) -> Grade:
    """A citation's grade: its source's reliability and its own credibility."""
    return Grade(citation.source.reliability, citation.credibility)


def reliability_problem(value: object) -> str | None:
    """Why `value` is not a reliability grade, or None if it is one."""
    if isinstance(value, str) and value in RELIABILITY:
        return None
    return f"reliability {value!r} is not on the scale: one of A, B, C, D, E, F (A best)"


def credibility_problem(value: object) -> str | None:
    """Why `value` is not a credibility grade, or None if it is one."""
    if type(value) is int and value in CREDIBILITY:
        return None
    return f"credibility {value!r} is not on the scale: a whole number from 1 to 6 (1 best)"


def parse_grade(text: str) -> Grade:
    """A grade floor as typed for --min-grade: "B2", "B" or "2" (case-insensitive)."""
    found = _GRADE.match(text.strip().upper())
    if not text.strip() or found is None:
        raise GradeError(
            f"grade '{text}' is not on the Admiralty scale: a letter A-F, a digit 1-6, or both (B2)"
        )
    letter, digit = found.groups()
    return Grade(letter, int(digit) if digit else None)
