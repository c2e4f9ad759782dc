"""Every time phrase of an article, found, placed in its sentence and clause, and read.

A phrase is *resolved* (it has an EDTF date and the rule that gave it), *skipped* (it
gives no date: a duration, a vague phrase, ... with the reason) or *unresolved* (it looks
like a time phrase but no rule places it).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from chrono.dates.relative import PhraseError, PhraseSkipped, Tense, read_phrase
from chrono.extract.finding import Found, find_phrases
from chrono.extract.sentences import sentence_spans
from chrono.extract.skipping import after_reading, before_reading
from chrono.extract.tense import clause_tense

__all__ = ["Phrase", "read_article"]

Status = Literal["resolved", "skipped", "unresolved"]


@dataclass(frozen=True, slots=True)
class Phrase:
    """One time phrase of an article and what it was read as."""

    text: str
    offset: int
    sentence: str
    status: Status
    tense: Tense
    edtf: str | None = None
    rule: str | None = None
    reason: str | None = None


def read_article(text: str, anchor: date, skip: tuple[tuple[int, int], ...] = ()) -> list[Phrase]:
    """Every time phrase in `text` read against `anchor`, in the order of the text."""
    spans = sentence_spans(text)
    starts = [s for s, _ in spans]
    phrases = []
    for found in find_phrases(text, skip):
        index = max(0, bisect_right(starts, found.start) - 1)
        start, end = spans[index] if spans else (0, len(text))
        phrases.append(_read(found, text[start:end], found.start - start, anchor))
    return phrases


def _read(found: Found, sentence: str, at: int, anchor: date) -> Phrase:
    end = at + len(found.text)
    tense = clause_tense(sentence, at, end)
    base = Phrase(found.text, found.start, sentence, "unresolved", tense)
    if reason := before_reading(found.text, sentence, at, tense):
        return replace(base, status="skipped", reason=reason)
    try:
        reading = read_phrase(found.text, anchor, tense=tense)
    except PhraseSkipped as skipped:
        return replace(base, status="skipped", reason=skipped.reason)
    except PhraseError:
        return replace(base, reason="no rule places this phrase")
    if reason := after_reading(reading.rule, sentence, end):
        return replace(base, status="skipped", reason=reason)
    return replace(base, status="resolved", edtf=reading.edtf, rule=reading.rule)
