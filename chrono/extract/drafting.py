"""Draft events from read phrases: one per resolved phrase, quoting its sentence.

A draft is a plain table in the event schema (id, date, date_text, title, actors, status,
sources), for a person to review before it joins a collection. Actors are the names and
aliases of the loaded registry found in the sentence; other capitalised names are only
suggested, never added.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from chrono.dates import MONTH_NAMES, SHORT_MONTHS
from chrono.extract.reading import Phrase

__all__ = ["Draft", "draft_events", "draft_title"]

_CLAUSE_END = re.compile(r"[;:“”\"()|]|\s[—–-]\s|—")
_NAME = re.compile(r"\b[A-Z][\w’'.-]*(?:\s+(?:of |the |al-|de |von )?[A-Z][\w’'.-]*)*")
_NOT_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "By",
        "For",
        "And",
        "But",
        "Of",
        "To",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "His",
        "Her",
        "Their",
        "This",
        "That",
        "These",
        "Those",
        "Last",
        "Next",
        "Earlier",
        "Later",
        "Sept",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "After",
        "Before",
        "When",
        "While",
        "As",
        "If",
        "Since",
        "Until",
        "Reports",
        "Talks",
        "Schools",
        "Officials",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        *MONTH_NAMES,
        *SHORT_MONTHS,
    ]
)


@dataclass(frozen=True, slots=True)
class Draft:
    """One draft event, and the unregistered names its sentence mentions."""

    table: dict[str, Any]
    suggested_actors: tuple[str, ...]


def draft_events(
    phrases: Iterable[Phrase], source_key: str, names: dict[str, str], published: str
) -> list[Draft]:
    """A draft per resolved phrase. `names` maps every casefolded actor name and alias
    to its canonical name (the loaded actors.toml). A draft is `planned` when its clause
    is in the future tense or its date starts after `published` (ISO day), else `reported`."""
    drafts, used = [], set[str]()
    resolved = _distinct([p for p in phrases if p.status == "resolved" and p.edtf is not None])
    for phrase, bounds in zip(resolved, _clause_bounds(resolved), strict=True):
        assert phrase.edtf is not None
        title = draft_title(phrase, bounds)
        start = phrase.edtf.split("/")[0].rstrip("~?%")
        event_id = _unique(_slug(f"{start} {title}"), used)
        actors, suggested = _actors(phrase.sentence, names)
        table: dict[str, Any] = {"id": event_id, "date": phrase.edtf, "date_text": phrase.text}
        table |= {"title": title, "actors": actors}
        later = start > published[: len(start)]
        table["status"] = "planned" if phrase.tense == "future" or later else "reported"
        table["sources"] = [{"ref": source_key, "quote": phrase.sentence}]
        drafts.append(Draft(table, suggested))
    return drafts


def draft_title(phrase: Phrase, bounds: tuple[int, int, int] | None = None) -> str:
    """A short title: the phrase's clause without the phrase, cut at about ten words.

    `bounds` is (where the phrase is in its sentence, the clause's first and last
    position) when other dated phrases share the sentence; without it the phrase is found
    by its text and the clause runs to the sentence's punctuation."""
    sentence = phrase.sentence
    at, lo, hi = bounds or (max(0, sentence.find(phrase.text)), 0, len(sentence))
    left = max((m.end() for m in _CLAUSE_END.finditer(sentence, lo, at)), default=lo)
    stop = _CLAUSE_END.search(sentence, at + len(phrase.text), hi)
    before = _LEADING_WORD.sub("", sentence[left:at])  # "by mid-2016": "by" goes too
    clause = before + " " + sentence[at + len(phrase.text) : stop.start() if stop else hi]
    words = clause.strip(" ,.;:-").split() or phrase.sentence.split()
    short = " ".join(words[:10]).rstrip(",;:") + ("…" if len(words) > 10 else "")
    return short[:1].upper() + short[1:]


#: A preposition just before the phrase belongs to it ("delivered by mid-2016").
_LEADING_WORD = re.compile(
    r"(?i)\b(?:by|in|on|at|until|till|before|after|since|from|during|for|of|as of)\s*$"
)


def _distinct(phrases: list[Phrase]) -> list[Phrase]:
    """One phrase per sentence, phrase and date: a page title that repeats the headline
    with the site's name after it ("… | Behold Israel") gives no second draft; the
    shorter sentence, without the name, is the one kept."""
    from chrono.extract.article import split_site

    best: dict[tuple[str, str, str | None], Phrase] = {}
    for phrase in phrases:
        key = (split_site(phrase.sentence)[0], phrase.text, phrase.edtf)
        if key not in best or len(phrase.sentence) < len(best[key].sentence):
            best[key] = phrase
    kept = {id(p) for p in best.values()}
    return [p for p in phrases if id(p) in kept]


def _clause_bounds(phrases: list[Phrase]) -> list[tuple[int, int, int] | None]:
    """For phrases that share their sentence with another: where each is in the sentence,
    and its clause's bounds, split at the last comma between one phrase and the next
    ("Last week Iran confirmed …, the complete system to be delivered by mid-2016")."""
    found: list[tuple[int, int, int] | None] = [None] * len(phrases)
    i = 0
    while i < len(phrases):
        j = i
        while j + 1 < len(phrases) and _same_sentence(phrases[i], phrases[j + 1]):
            j += 1
        if j > i:
            group = phrases[i : j + 1]
            sentence = group[0].sentence
            first = max(0, sentence.find(group[0].text))
            ats = [first + p.offset - group[0].offset for p in group]
            # the comma between each phrase and the next, if any: a clause ends there
            commas = [
                sentence.rfind(",", ats[k] + len(group[k].text), ats[k + 1])
                for k in range(len(group) - 1)
            ]
            los = [0] + [c + 1 if c >= 0 else -1 for c in commas]
            his = [c if c >= 0 else -1 for c in commas] + [len(sentence)]
            for k in range(1, len(los)):  # no comma: the clause goes on from the last one
                los[k] = los[k] if los[k] >= 0 else los[k - 1]
            for k in range(len(his) - 2, -1, -1):
                his[k] = his[k] if his[k] >= 0 else his[k + 1]
            for k, at in enumerate(ats):
                found[i + k] = (at, los[k], his[k])
        i = j + 1
    return found


def _same_sentence(a: Phrase, b: Phrase) -> bool:
    return a.sentence == b.sentence and 0 <= b.offset - a.offset < len(a.sentence)


def _actors(sentence: str, names: dict[str, str]) -> tuple[list[str], tuple[str, ...]]:
    found = sorted({canonical for name, canonical in names.items() if _mentions(sentence, name)})
    suggested: list[str] = []
    for m in _NAME.finditer(sentence):
        for part in re.split(r"[’']s\b", m.group()):  # "Iran’s Defense Minister": two names
            words = [w for w in part.split() if w.strip(".,’'") not in _NOT_NAMES]
            if m.start() == 0 and words and words[0].endswith(("ing", "ed", "ly")):
                words = words[1:]  # "Following Soleimani": capitalised only by its place
            name = " ".join(words).strip(".’' ")
            if name and name not in suggested and not any(_mentions(name, n) for n in names):
                suggested.append(name)
    return found, tuple(suggested)


def _mentions(sentence: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", sentence, re.IGNORECASE) is not None


def _slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.casefold())
    return "-".join(words)[:60].rstrip("-") or "event"


def _unique(event_id: str, used: set[str]) -> str:
    candidate, n = event_id, 2
    while candidate in used:
        candidate, n = f"{event_id}-{n}", n + 1
    used.add(candidate)
    return candidate
