"""Time phrases from sources ("next week", "on Friday", "the day after Christmas") as EDTF.

A phrase is read against an *anchor*, the date of the source that uses it (never today),
and in a *tense*, that of the clause that holds it ("the talks will resume on Tuesday" is
the next Tuesday, "the ship docked on Sunday" the last one). The readings follow the
answer-key conventions in the README's `chrono extract` section:

- Weeks are ISO weeks, Monday to Sunday; "late last week" is its Thursday to Sunday.
- A weekday is the most recent one on or before the anchor in the past tense, the next
  one after it in the future tense; "later <weekday>" on that weekday is the anchor.
  A part of day or a clock time joined to it ("Monday morning", "noon Friday") is dropped.
- A month, or a month and day, without a year is the most recent one on or before the
  anchor in the past tense, the next one on or after it in the future tense.
- Early/mid/late: months 1–4/5–8/9–12 of a year, days 1–10/11–20/21–end of a month.
- Holidays follow the US rule, most recent (past) or next (future) occurrence.
- Explicit dates, month-years and years are kept as written.
- Durations, frequencies, clock times alone, seasons and vague phrases ("recently",
  "several months ago", "days after") raise PhraseSkipped with the reason: no date.

Leading "on", "in", "by", "at", "during", "for", "the", "since", "until", "through"
are ignored, so "by mid-2016" reads as "mid-2016". "about", "around", "roughly",
"approximately", "circa" make every closed end approximate; so does
``approximate_anchor`` for a phrase that depends on the anchor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from chrono.dates import phrase_days, phrase_periods
from chrono.dates.phrase_common import Context, Rule, Span, Tense
from chrono.dates.phrase_skips import skip_reason

__all__ = ["EXAMPLES", "PhraseError", "PhraseSkipped", "Reading", "Tense", "read_phrase"]
__all__ += ["resolve_phrase"]

#: Phrases that resolve_phrase understands, quoted back in every PhraseError.
EXAMPLES: tuple[str, ...] = (
    "today",
    "next week",
    "late last week",
    "over the weekend",
    "on Friday",
    "Monday morning",
    "in March",
    "Dec. 30",
    "last month",
    "earlier this month",
    "in 2007",
    "mid-2016",
    "the day after Christmas",
    "3 days ago",
)


class PhraseError(ValueError):
    """A time phrase that resolve_phrase does not understand."""

    def __init__(self, phrase: str, reason: str = "") -> None:
        self.phrase = phrase
        detail = f" ({reason})" if reason else ""
        examples = ", ".join(repr(e) for e in EXAMPLES)
        super().__init__(
            f"time phrase not understood: {phrase!r}{detail}; "
            f"phrases that are understood include {examples}"
        )


class PhraseSkipped(PhraseError):
    """A time phrase that gives no date: a duration, frequency, clock time or vague phrase."""

    def __init__(self, phrase: str, reason: str) -> None:
        ValueError.__init__(self, f"{phrase!r} gives no date to record ({reason})")
        self.phrase, self.reason = phrase, reason


@dataclass(frozen=True, slots=True)
class Reading:
    """A phrase's EDTF and the rule that gave it."""

    edtf: str
    rule: str


_RULES: list[Rule] = [*phrase_days.RULES, *phrase_periods.RULES]
_FILLER = re.compile(
    r"(?:(?P<hedge>about|around|roughly|approximately|circa|some)"
    r"|on|in|by|at|during|for|the|just|only|since|until|till|through|from|as of|over(?= the\b)) "
)


_DEADLINE = re.compile(r"by (?:the )?(?:end|close) of (?P<period>.+)")
_THE_PERIOD = {"the year": "this year", "the month": "this month", "the week": "this week"}


def _normalise(phrase: str) -> str:
    text = phrase.casefold().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    return " ".join(text.replace(",", " ").split()).strip(" .;:!?'\"()")


def _match(phrase: str, text: str, ctx: Context) -> Span | None:
    if reason := skip_reason(text):
        raise PhraseSkipped(phrase, reason)
    try:
        for pattern, handler in _RULES:
            if (m := pattern.fullmatch(text)) and (span := handler(m, ctx)):
                return span
    except (OverflowError, ValueError) as error:  # date arithmetic past year 1 or 9999
        raise PhraseError(phrase, "outside the years 1–9999") from error
    return None


def read_phrase(
    phrase: str, anchor: date, *, tense: Tense = "past", approximate_anchor: bool = False
) -> Reading:
    """The EDTF the phrase denotes against `anchor` in `tense`, and the rule used.

    Raises PhraseSkipped for a phrase that gives no date (with the reason), and
    PhraseError when it is not understood or falls outside years 1–9999.
    """
    text, hedged, ctx = _normalise(phrase), False, Context(anchor, tense)
    deadline = _DEADLINE.fullmatch(text)
    if deadline:  # "by the end of March" marks a deadline: the date is March itself
        text = _THE_PERIOD.get(deadline["period"], deadline["period"])
    while (span := _match(phrase, text, ctx)) is None:
        if (filler := _FILLER.match(text)) is None:
            raise PhraseError(phrase)
        hedged = hedged or filler["hedge"] is not None
        text = text[filler.end() :]
    approximate = hedged or (approximate_anchor and span.relative)
    edtf = "/".join(_qualified(p) if approximate else p for p in span.points)
    return Reading(
        edtf, f"by the end of <period>: the period; {span.rule}" if deadline else span.rule
    )


def resolve_phrase(
    phrase: str, anchor: date, *, tense: Tense = "past", approximate_anchor: bool = False
) -> str:
    """Return the EDTF text the phrase denotes, relative to anchor (see `read_phrase`)."""
    return read_phrase(phrase, anchor, tense=tense, approximate_anchor=approximate_anchor).edtf


def _qualified(point: str) -> str:
    return point if point == ".." or point.endswith("~") else point + "~"
