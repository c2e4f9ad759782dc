"""Phrases that get no date because of where they stand, not what they say.

`chrono.dates.relative` refuses what a phrase says by itself (durations, frequencies,
vague words). These rules need the sentence around it:

- a day word inside a quotation ("last night" in a line quoted from an earlier report)
  points at the day the words were said, which the article does not give;
- "in three months" in a past clause ("the first rise in three months") is a span;
- a holiday as the subject of a present-tense verb ("The day after Christmas has become
  a busy day") is the kind of day, not one day.
"""

from __future__ import annotations

import re

from chrono.dates.relative import Tense

__all__ = ["GENERIC", "QUOTED_REPORT", "after_reading", "before_reading"]

QUOTED_REPORT = "anchored to the quoted report's date, not the article's"
GENERIC = "generic (not a particular day)"

_DEICTIC = re.compile(
    r"(?i)(?:earlier |later )?(?:today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening))\b"
)
_SPAN_IN = re.compile(
    r"(?i)in (?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|\w+) (?:days?|weeks?|months?|years?)"
)
_GENERIC = re.compile(
    r"\s+(?:is|are|has|have|remains|tends|brings|means|usually|often|always|traditionally)\b"
)
_OPEN, _CLOSE = "“«", "”»"


def before_reading(text: str, sentence: str, at: int, tense: Tense) -> str | None:
    """Why the phrase `text` at `at` in `sentence` gets no date whatever it says, or None."""
    if _DEICTIC.fullmatch(text) and _quoted(sentence, at):
        return QUOTED_REPORT
    if tense == "past" and _SPAN_IN.fullmatch(text):
        return "duration"
    return None


def after_reading(rule: str, sentence: str, end: int) -> str | None:
    """Why a phrase read by `rule` and ending at `end` gets no date after all, or None."""
    if rule.startswith("holiday") and _GENERIC.match(sentence, end):
        return GENERIC
    return None


def _quoted(sentence: str, at: int) -> bool:
    """Whether position `at` of the sentence lies inside a quotation."""
    before = sentence[:at]
    opened = sum(before.count(c) for c in _OPEN) - sum(before.count(c) for c in _CLOSE)
    if opened > 0 or before.count('"') % 2 == 1:
        return True
    # an opening mark lost to a broken entity ("&#8220from ... this morning”) still closes
    marks = [i for i, c in enumerate(sentence[at:]) if c in _OPEN + _CLOSE]
    return bool(marks) and sentence[at + marks[0]] in _CLOSE
