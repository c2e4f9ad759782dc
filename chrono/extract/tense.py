"""The tense of the clause that holds a phrase: "future" or "past".

Future when the verb group nearest the phrase in its clause says so (will, 'll, is to,
is expected to, plans to, scheduled to, next, is due, would, ...); past otherwise, which
is what news copy mostly is. The clause ends at ; : quotation marks, brackets and dashes.
"""

from __future__ import annotations

import re

from chrono.dates.relative import Tense

__all__ = ["clause_tense"]

_FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|would|could|might|(?-i:may)|is to|are to|am to|to be held|is due|are due|due to|"
    r"(?:is|are|was|were) set to|(?:is|are) (?:expected|scheduled|slated|poised|planning|going)|"
    r"expects?|expected to|plans? to|planning to|planned for|intends? to|aims? to|hopes? to|"
    r"(?:as |is |are |was |were )scheduled|scheduled (?:to|for)|slated|upcoming|next|"
    r"(?:is|are|am) \w+ing|as of|effective|starting|beginning)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?<!\bbe )(?<!\bbeen )(?<!\bbeing )"  # "will be held": the auxiliary tells the tense
    r"(?:was|were|had|did|said|says|told|went|came|met|took|made|gave|saw|began|held|left|"
    r"found|got|sent|spoke|wrote|won|lost|ran|fell|rose|led|brought|bought|paid|struck|broke|"
    r"chose|drove|flew|fought|grew|kept|knew|meant|sold|shot|sat|stood|stole|taught|thought|"
    r"threw|became|caught|felt|heard|sought|spent|ago|yesterday|last|earlier|"
    r"(?:been|seen|gone|done|taken|given|begun|shown|known|written|spoken|chosen|broken|risen|"
    r"fallen|(?!(?:need|feed|speed|indeed|hundred|red|bed|seed|proceed|exceed|succeed)\b)[a-z]+ed))\b"
)
# The present simple of a timetable ("the trial begins Monday", "the law takes effect
# Jan. 1") speaks of the future, when the verb is within a few words of the phrase.
_TIMETABLE = re.compile(
    r"\b(?:begins?|starts?|opens?|closes?|ends?|resumes?|reopens?|expires?|arrives?|leaves?|"
    r"returns?|goes|go|meets?|(?:re)?convenes?|kicks? off|takes? effect|takes? office|goes into effect)"
    r"(?:\s+[\w'’.,-]+){0,4}\s*$",
    re.IGNORECASE,
)
# A headline's bare infinitive ("Trump to visit Texas Tuesday") announces what is to come.
_DATA_PERIOD = re.compile(r"\b(?:for|of|from)\s*$", re.IGNORECASE)
_HEADLINE_TO = re.compile(r"\bto [a-z]+\b", re.IGNORECASE)
# ", where rescue efforts continued," between the verb and the phrase is an aside
_ASIDE = re.compile(r",\s+(?:where|which|who|whom|whose|when|while)\b[^,]*,")
_BOUNDARY = re.compile(r"[;:“”\"()\[\]]|\s[—–-]\s|—")


def clause_tense(sentence: str, start: int, end: int) -> Tense:
    """The tense of the clause around sentence[start:end]."""
    left = max((m.end() for m in _BOUNDARY.finditer(sentence, 0, start)), default=0)
    stop = _BOUNDARY.search(sentence, end)
    right = stop.start() if stop else len(sentence)
    before = _ASIDE.sub(",", sentence[left:start])
    # with no verb before it ("On Tuesday, the House passed ..."), the verb after it
    # decides, up to the next comma
    after = sentence[end:right].lstrip(" ,").split(",")[0]
    # with no verb before it, a phrase takes the tense of the verb after it ("On Tuesday,
    # the House passed ...", "the game on Saturday will go on"), unless it names the
    # period some data covers ("sales for February will be published")
    governed = not _DATA_PERIOD.search(before)
    found = _last(before) or (_first(after) if governed else None)
    if found is None and _headline(sentence) and _HEADLINE_TO.search(sentence):
        return "future"
    return found or "past"


def _headline(sentence: str) -> bool:
    return not sentence.rstrip().endswith((".", "!", "?", "”", '"', "’", "'", ")"))


def _last(text: str) -> Tense | None:
    marks = [(m.end(), 1, "future") for m in _FUTURE.finditer(text)]
    marks += [(m.end(), 1, "future") for m in _TIMETABLE.finditer(text) if _finite(text, m.start())]
    marks += [(m.end(), 0, "past") for m in _PAST.finditer(text)]
    return max(marks)[2] if marks else None  # type: ignore[return-value]


def _finite(text: str, at: int) -> bool:
    """Whether the timetable word at `at` is a verb: not right after another verb ("saw
    returns") or a word that starts a noun phrase ("its returns")."""
    before = text[:at].split()[-1:] or [""]
    return not (_PAST.fullmatch(before[0]) or before[0].casefold() in _NOUN_STARTS)


_NOUN_STARTS = frozenset(("the", "a", "an", "its", "their", "his", "her", "our", "of", "and"))


def _first(text: str) -> Tense | None:
    marks = [(m.start(), 0, "future") for m in _FUTURE.finditer(text)]
    marks += [(m.start(), 1, "past") for m in _PAST.finditer(text)]
    return min(marks)[2] if marks else None  # type: ignore[return-value]
