"""Finding the time phrases in a text: every candidate span, longest first, no overlaps.

Finding is deliberately generous: it marks anything shaped like a time phrase (a date,
a weekday, "next week", a holiday, but also "for three weeks", "2 p.m." or "recently"),
and `chrono.dates.relative` decides what each one denotes or why it gives no date.
Month and weekday names must be capitalised ("May", not the verb "may").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chrono.dates.holidays import HOLIDAY

__all__ = ["Found", "find_phrases", "matching_copy"]


@dataclass(frozen=True, slots=True)
class Found:
    """A candidate phrase: its text exactly as written and its offset in code points."""

    start: int
    end: int
    text: str


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![\w'’-])"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d|2100)(?![\d/]|-\d)"
_CLOCK = r"(?:\d{1,2}(?::\d\d)?\s?(?:[ap]\.m\.|[ap]m\b)|\d{1,2}:\d\d\b|noon\b|midnight\b)"
_N = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a couple of|a few|few|several|many|some|a number of)"
_UNITS = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|years?|decades?|centuries|century)\b"
_UNIT = r"(?:second|minute|hour|day|night|week|month|year|decade)"
# "Christmas ornaments", "Thanksgiving dinner": a holiday naming a kind of thing, not a day
_NOT_A_MODIFIER = r"(?! (?!(?:and|or|in|on|at|to|is|are|has|have|had|remains|tends|brings|means|was|were|will|with|for|this|last|next|eve|day|weekend|morning|afternoon|evening|night|the|a|an|when|as|but|so|it|we|they|he|she|i|that|which)\b)[a-z])"
_I = "(?i:{})".format  # a case-insensitive piece inside a case-sensitive pattern
_PRE = _I(
    r"(?:in|on|early|mid|late|earlier|later|last|next|this|past|coming|beginning of|start of|middle of|end of|the (?:beginning|start|middle|end) of|by the (?:end|close) of)[- ]"
)
_PART_OF_DAY = _I(r"(?: (?:morning|afternoon|evening|night|overnight))?")

_PATTERNS: list[str] = [
    # written dates, with or without a year; a weekday joins only a full date
    rf"(?:{_WD},? )?{_MONTH} {_DAY},? {_YEAR}",
    rf"(?:{_WD},? )?{_DAY} (?:of )?{_MONTH},? {_YEAR}",
    rf"(?:{_PRE})*{_MONTH}(?: {_DAY}(?!,? \d)| {_I('of')} {_YEAR}| {_YEAR}|,? {_I('this|last|next')} {_I('year')})?",
    rf"{_I('the ')}?{_DAY} (?:{_I('of')} )?{_MONTH}",
    rf"{_MONTH} {_DAY}[-–]{_DAY}(?:,? {_YEAR})?",
    r"(?:1[5-9]\d\d|20\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])",
    rf"{_I('on the ')}{_DAY}(?=[,.;]| of (?:this|the) month)(?: {_I('of (?:this|the) month')})?",
    rf"(?:{_PRE})*{_YEAR}(?!\s?(?:%|percent\b))",
    # weekdays, with what may go with them
    rf"(?:{_CLOCK} (?:{_I('on')} )?)?(?:{_PRE}|{_I('this past|this coming|late on|early on')} )*{_WD}(?:['’]s)?{_PART_OF_DAY}(?: {_I('at')} {_CLOCK})?(?!s)",
    rf"{_CLOCK} {_I('today|tonight|yesterday|tomorrow')}",
    # days, weeks, months and years counted from publication
    _I(r"(?:(?:earlier|later|late|early) )?(?:today|tonight|this (?:morning|afternoon|evening)|last night|yesterday|tomorrow)(?: (?:morning|afternoon|evening|night))?"),
    _I(r"(?:(?:by )?the )?end of the (?:business )?day"),
    _I(r"(?:(?:early|late|earlier|later|mid|the (?:beginning|start|middle|end) of)[- ](?:in )?)?(?:this|last|next) (?:week|month|year)"),
    _I(r"(?:over |during |on |at |for )?(?:the |this past |this coming |this |last |next |past |coming )?weekend"),
    _I(r"(?:the )?same (?:day|week|month|quarter|time) (?:last|a) year(?: ago)?"),
    _I(rf"(?:(?:just|only|barely) )?(?:{_N} )?{_UNITS} (?:ago|from now|earlier|later|after|before|prior|back)"),
    _I(rf"in {_N} {_UNITS}"),
    # holidays
    _I(rf"(?:(?:the )?(?:day|night) (?:before|after) )?(?:(?:last|next|this) )?(?:{HOLIDAY})\b{_NOT_A_MODIFIER}"),
    # phrases that give no date: durations, frequencies, clock times, seasons, vague words
    _I(rf"(?:(?:for|over|during|within|throughout|in) )?(?:the )?(?:past |last |next |previous |coming |first |final )?(?:(?:well )?over |more than |nearly |almost |about |around |at least |up to |another |just )?{_N} {_UNITS}(?: or (?:so|more|longer))?"),
    _I(rf"(?:(?:for|over|during|within|in) )?the (?:past|last|next|previous|coming) {_UNIT}\b"),
    _I(rf"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)-{_UNIT}s?(?:-long)?\b"),
    _I(rf"(?:each|every|per) (?:other )?(?:{_N} )?(?:{_UNITS}|morning|night|evening|{_WD}|{_MONTH})"),
    _I(rf"(?:once|twice|\w+ times) (?:a|an|per|each|every) {_UNIT}\b"),
    _I(r"(?:daily|weekly|monthly|annually|yearly|nightly|hourly|biweekly|quarterly)\b"),
    rf"{_I('on ')}?(?:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)\b",
    _I(rf"(?:(?:by|at|around|until|before|after|shortly (?:before|after)) )?(?:{_CLOCK}|mid-?(?:morning|afternoon|evening)\b)(?: (?:local time|[ecmp][sd]?t\b|gmt\b|utc\b))?"),
    _I(r"(?:(?:for|during|in|this|last|next|that) )?(?:the )?(?:\d{4}(?:-\d{2})? )?(?:holiday |summer |winter |spring |fall |autumn |shopping |tourist |football |regular |hurricane |flu |election )?season"),
    _I(rf"(?:(?:this|last|next|that|in|in the|during the|during|over the|through the|by the|early|late|mid-?) )?(?:summer|winter|spring|autumn)(?:,? (?:of )?{_YEAR})?"),
    _I(rf"(?:this|last|next|that|the|early|late) fall(?:,? (?:of )?{_YEAR})?"),
    rf"{_I('week')} \d{{1,2}}\b",
    # quarters and halves of a year
    _I(rf"(?:(?:in|during|for) )?(?:the )?(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th) (?:quarter|half)(?:,? (?:of )?{_YEAR})?(?![\w-])"),
    _I(rf"q[1-4],? {_YEAR}"),
    # a period's parts, and a deadline: "by the end of the year" is the year
    _I(r"(?:(?:by|at|until|before|through|toward|towards) )?(?:the )?(?:end|beginning|start|middle|close) of the (?:month|year)"),
    _I(r"(?:for )?(?:the )?(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) (?:straight|consecutive|successive) (?:days?|weeks?|months?|years?|weekends?)"),
    _I(rf"(?:an?|the|second|third|fourth|(?:a|the) (?:second|third|fourth)) (?:{_UNIT}|weekend)s? in a row"),
    rf"{_I('(?:on )?(?:that|the following|the previous|the preceding|the prior|that same|the same) ')}{_WD}{_PART_OF_DAY}",
    _I(rf"(?:on |by )?(?:that|the same|that same|the following|the next|the previous|the preceding|the prior) (?:{_UNIT}|morning|afternoon|evening)\b"),
    _I(r"(?:(?:a|one|half a) (?:decade|century|generation)|decades|centuries) ago"),
    _I(r"(?:in )?recent (?:days|weeks|months|years)"),
    _I(r"(?:in|over|during) the (?:coming|next|past|last) (?:days|weeks|months|years)"),
    rf"{_I('(?:on )?the (?:first|second|third|fourth|last) ')}{_WD} {_I('(?:in|of)')} {_MONTH}(?:,? {_YEAR})?",
    _I(r"(?:(?:most|very|only|just|until) )?(?:recently|soon|lately|shortly|immediately|currently|previously|formerly|eventually|nowadays)\b"),
    _I(r"(?:(?:right|just|until|for|from) )?now\b(?!\s+that)"),
    r"\b(?:[Ll]ater|[Ee]arlier)\b(?=[,.;]| in the| on| that| this)",
    r"(?:(?<=has )|(?<=have )|(?<=had ))since\b",
    _I(r"(?:in|at|for|from|until|by) (?:the )?(?:near|distant|immediate|foreseeable) future"),
]  # fmt: skip
_FINDERS = [re.compile(rf"(?<![\w$£€#/-]){p}(?![\w])") for p in _PATTERNS]


def matching_copy(text: str) -> str:
    """The text with typographic quotes and dashes made plain, code point for code point,
    so that offsets found in the copy are offsets in the text."""
    return text.translate({0x2019: "'", 0x2018: "'", 0x2013: "-", 0x2014: "-", 0xA0: " "})


def find_phrases(text: str, skip: tuple[tuple[int, int], ...] = ()) -> list[Found]:
    """Every candidate phrase in `text`, in order; where candidates overlap the longest
    wins. Spans in `skip` (the URL line, the publication line) are not searched."""
    plain = matching_copy(text)
    spans = {(m.start(), m.end()) for finder in _FINDERS for m in finder.finditer(plain)}
    spans = {(s, e) for s, e in spans if e > s and not any(a < e and s < b for a, b in skip)}
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= a or b <= start for a, b in chosen):
            chosen.append((start, end))
    found = [_trimmed(plain, s, e) for s, e in sorted(chosen) if _is_a_date(plain, s, e)]
    return [Found(s, e, text[s:e]) for s, e in found]


# "to meet next on Wednesday": the adverb "next" is not part of "on Wednesday"
_ADVERB = re.compile(r"(?i)next (?=on )")


def _trimmed(plain: str, start: int, end: int) -> tuple[int, int]:
    adverb = _ADVERB.match(plain, start, end)
    return (adverb.end(), end) if adverb else (start, end)


# "Theresa May", "May is expected to": the month's name is also a name and a verb, so a
# "May" standing alone must follow a word that introduces a date ("in May", "early May").
_MAY_BEFORE = re.compile(
    r"(?i:\b(?:in|on|of|since|until|till|by|from|to|through|before|after|during|early|mid|late"
    r"|last|next|this|that|each|every|between|and|or)[\s-]+)$"
)
_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+ $")
_BARE_MONTHS = frozenset(
    {
        *("January", "February", "March", "April", "June", "July", "August", "September"),
        *("October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug"),
        *("Sep", "Sept", "Oct", "Nov", "Dec"),
    }
)


def _is_a_date(plain: str, start: int, end: int) -> bool:
    text = plain[start:end]
    if text == "May":
        return _MAY_BEFORE.search(plain, max(0, start - 20), start) is not None
    if text in _BARE_MONTHS and _NAME_BEFORE.search(plain, max(0, start - 30), start):
        # a capitalised word right before a bare month makes a name ("Lady April"),
        # unless it introduces the date ("In April", "Last April")
        word = plain[max(0, start - 30) : start].split()[-1]
        return word.casefold() in _INTRODUCERS
    if text.isdigit():
        count = _A_COUNT.match(plain, end) and not _THE.search(plain, max(0, start - 12), start)
        return not count and not _QUANTITY.search(plain, max(0, start - 20), start)
    if text in _WEEKDAYS:
        return not _NAME_AFTER.match(plain, end)  # "the Sunday Times"
    return True


# "1800 employees", "about 1500 people": a number of things, not a year
_A_COUNT = re.compile(r" (?:people|[a-z]+s)\b(?! (?:of|in|to|for|and)\b)")
_THE = re.compile(r"(?i:\b(?:the|its|their|his|her|this|that|last|'s))\s+$")
_QUANTITY = re.compile(
    r"(?i:\b(?:about|around|nearly|almost|some|over|than|approximately|up to|at least))\s+$"
)
_NAME_AFTER = re.compile(
    r" (?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Z][a-z]"
)
_WEEKDAYS = frozenset(
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
)


_INTRODUCERS = frozenset(
    "in on since until by from through before after during early mid late last next this".split()  # noqa: SIM905
)
