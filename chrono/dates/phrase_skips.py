"""Phrases that say something about time but give no date to record, each with its reason.

Durations ("for three weeks"), frequencies ("every seven days"), clock times alone
("2 p.m."), seasons, league schedule weeks, and phrases too vague to place ("recently",
"soon", "several months ago") or placed only against another event ("two days after").
"""

from __future__ import annotations

import re

_N = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|a couple of|couple of|a few|few|several|many|some|a number of|a dozen|dozens of|hundreds of|\d+ or \d+|two or three)"
_UNITS = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries|century|generations?)"
_UNIT_WORD = r"(?:second|minute|hour|day|night|week|month|year|decade)"
_HEDGE = r"(?:(?:well )?over|more than|nearly|almost|about|around|roughly|less than|fewer than|at least|up to|just|only|some|another|an additional|the better part of)"
_CLOCK = r"(?:\d{1,2}(?::\d\d)?\s?(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d\d|noon|midnight|(?:mid-?)?(?:morning|afternoon|evening)|(?:at )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?: o'clock)?)"
_ORDINAL = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"

#: (pattern, reason), tried in order on the normalised phrase; the first full match wins.
SKIPS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"(?:in|over|during|within) (?:the )?(?:next|coming|past|last|recent) (?:few|several|many|couple of) {_UNITS}"), "vague"),
    (re.compile(rf"(?:in )?recent {_UNITS}"), "vague"),
    (re.compile(rf"(?:in|over|during) the (?:coming|next|past|last) {_UNITS}"), "vague"),
    (re.compile(rf"(?:in|within) (?:a few|few|several|a couple of|some|a matter of) {_UNITS}"), "vague"),
    (re.compile(rf"(?:for |over |during |within |throughout )?(?:the )?(?:past |last |next |previous |coming |first |final |following )?(?:{_HEDGE} )?{_N} {_UNITS}(?: or (?:so|more|longer))?"), "duration"),
    (re.compile(rf"(?:(?:for |over |during |in |within |throughout )(?:the )?|the )(?:past|last|next|previous|coming) (?:{_HEDGE} )?{_UNIT_WORD}"), "duration"),
    (re.compile(rf"(?:for |during )?(?:a |an |the )?(?:\d+|[a-z]+)-(?:{_UNIT_WORD}|hour)s?(?:-long| long)?"), "duration"),
    (re.compile(rf"(?:all|the whole|the entire|the rest of the) {_UNIT_WORD}(?: long)?"), "duration"),
    (re.compile(rf"(?:each|every|per) (?:other |single )?(?:{_N} )?(?:{_UNITS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|night|evening|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)"), "frequency"),
    (re.compile(rf"(?:once|twice|\w+ times) (?:a|an|per|each|every) {_UNIT_WORD}"), "frequency"),
    (re.compile(r"(?:on )?(?:a )?(?:daily|weekly|monthly|annually|yearly|nightly|hourly|biweekly|quarterly)(?: basis)?"), "frequency"),
    (re.compile(r"(?:on )?(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)"), "frequency"),
    (re.compile(rf"(?:by |at |around |until |before |after |from |about |shortly (?:before|after) )?{_CLOCK}(?: (?:local time|[a-z]{{1,2}}t|et|pt|gmt|utc))?"), "clock time"),
    (re.compile(r"(?:for |during |in )?(?:the |this |last |next |that )?(?:\d{4} )?(?:holiday |summer |winter |spring |fall |autumn |christmas |shopping |tourist |football |regular |off-?|hurricane |flu |election |budget |legislative )?season"), "season"),
    (re.compile(r"(?:in |during |over |through |by |this |last |next |that )?(?:the )?(?:early |late |mid-?)?(?:summer|winter|spring|autumn|fall)(?: of)?(?: \d{4})?"), "season"),
    (re.compile(r"(?:in )?week \d{1,2}"), "league schedule week"),
    (re.compile(rf"(?:for )?(?:the )?{_ORDINAL} (?:straight|consecutive|successive) {_UNITS}(?: in a row)?"), "vague"),
    (re.compile(rf"(?:an?|the|{_ORDINAL}|(?:an?|the) {_ORDINAL}) (?:{_UNIT_WORD}|weekend)s? in a row"), "vague (relative to another event)"),
    (re.compile(r"(?:on )?(?:that|the following|the previous|the preceding|the prior|that same|the same) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: (?:morning|afternoon|evening|night))?"), "vague (relative to another event)"),
    (re.compile(rf"(?:just |only |barely )?(?:{_N} |{_HEDGE} {_N} )?(?:{_UNITS}|weekends?) (?:after|before|later|earlier|prior|afterward|afterwards|beforehand|since)"), "vague (relative to another event)"),
    (re.compile(rf"(?:on |by )?(?:that|the same|that same|the following|the next|the previous|the preceding|the prior) (?:{_UNIT_WORD}|morning|afternoon|evening)"), "vague (relative to another event)"),
    (re.compile(r"(?:just |only )?(?:(?:a|one) )?(?:few |several |many |some |a number of )(?:days|weeks|months|years|decades) (?:ago|back)"), "vague"),
    (re.compile(rf"(?:(?:well )?over|more than|nearly|almost|less than|at least|up to) {_N} {_UNITS} ago"), "vague"),
    (re.compile(r"(?:(?:a|one|half a) (?:decade|century|generation)|decades|centuries|years|months|weeks|days|ages|long) ago"), "vague"),
    (re.compile(r"(?:most |more |very |until |only |just |as )?(?:recently|soon|lately|shortly|immediately|currently|previously|formerly|earlier|later|now|then|eventually|someday|since|once|sometime|afterward|afterwards|beforehand|nowadays|presently|at once)(?: than| as possible| enough| after| before)?"), "vague"),
    (re.compile(r"(?:right |just |until |for |from )?(?:now|the present|the moment|the time being|this time|that time|the time|some point|a later date|an undisclosed date|the future|the past|these days|this point|that point)"), "vague"),
    (re.compile(r"(?:in|at|for|from|until|by) (?:the )?(?:near|distant|immediate|foreseeable) future"), "vague"),
]  # fmt: skip


def skip_reason(text: str) -> str | None:
    """Why a normalised phrase gets no date ("duration", "vague", ...), or None."""
    for pattern, reason in SKIPS:
        if pattern.fullmatch(text):
            return reason
    return None
