"""Every time phrase of an article, found, placed in its sentence and clause, and read.

A phrase is *resolved* (it has an EDTF date and the rule that gave it), *skipped* (it
gives no date: a duration, a vague phrase, ... with the reason) or *unresolved* (it looks
like a time phrase but no rule places it).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from typing import Literal

from chrono.dates.relative import PhraseError, PhraseSkipped, Tense, read_phrase
from chrono.extract.finding import Found, find_phrases
from chrono.extract.sentences import sentence_spans
from chrono.extract.tense import clause_tense

__all__ = ["GENERIC", "QUOTED_REPORT", "Phrase", "read_article"]

Status = Literal["resolved", "skipped", "unresolved"]
QUOTED_REPORT = "anchored to the quoted report's date, not the article's"
# Words that point at the day the words were said: inside a quotation that day is the
# quoted report's, which the article does not give.
_DEICTIC = re.compile(
    r"(?i)(?:earlier |later )?(?:today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening))\b"
)
_SPAN_IN = re.compile(
    r"(?i)in (?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|\w+) (?:days?|weeks?|months?|years?)"
)
_OPEN, _CLOSE = "“«", "”»"
GENERIC = "generic (not a particular day)"
# "The day after Christmas has become a busy day": a holiday as the subject of a present
# tense verb is the kind of day, not one day
_GENERIC = re.compile(
    r"\s+(?:is|are|has|have|remains|tends|brings|means|usually|often|always|traditionally)\b"
)


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
    tense = clause_tense(sentence, at, at + len(found.text))
    base = Phrase(found.text, found.start, sentence, "unresolved", tense)
    if _DEICTIC.fullmatch(found.text) and _quoted(sentence, at):
        return _with(base, status="skipped", reason=QUOTED_REPORT)
    if tense == "past" and _SPAN_IN.fullmatch(found.text):
        # "the first rise in three months": in a past clause a span, not a day to come
        return _with(base, status="skipped", reason="duration")
    try:
        reading = read_phrase(found.text, anchor, tense=tense)
    except PhraseSkipped as skipped:
        return _with(base, status="skipped", reason=skipped.reason)
    except PhraseError:
        return _with(base, reason="no rule places this phrase")
    if reading.rule.startswith("holiday") and _GENERIC.match(sentence, at + len(found.text)):
        return _with(base, status="skipped", reason=GENERIC)
    return _with(base, status="resolved", edtf=reading.edtf, rule=reading.rule)


def _with(base: Phrase, **changes: object) -> Phrase:
    from dataclasses import replace

    return replace(base, **changes)  # type: ignore[arg-type]


def _quoted(sentence: str, at: int) -> bool:
    """Whether position `at` of the sentence lies inside a quotation."""
    before = sentence[:at]
    opened = sum(before.count(c) for c in _OPEN) - sum(before.count(c) for c in _CLOSE)
    if opened > 0 or before.count('"') % 2 == 1:
        return True
    # an opening mark lost to a broken entity ("&#8220from ... this morning”) still closes
    marks = [i for i, c in enumerate(sentence[at:]) if c in _OPEN + _CLOSE]
    return bool(marks) and sentence[at + marks[0]] in _CLOSE
