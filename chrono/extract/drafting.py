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
    for phrase in phrases:
        if phrase.status != "resolved" or phrase.edtf is None:
            continue
        title = draft_title(phrase)
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


def draft_title(phrase: Phrase) -> str:
    """A short title: the phrase's clause without the phrase, cut at about ten words."""
    sentence, at = phrase.sentence, max(0, phrase.sentence.find(phrase.text))
    left = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, at)), default=0)
    stop = _CLAUSE_END.search(sentence, at + len(phrase.text))
    clause = (
        sentence[left:at] + " " + sentence[at + len(phrase.text) : stop.start() if stop else None]
    )
    words = clause.strip(" ,.;:-").split() or phrase.sentence.split()
    short = " ".join(words[:10]).rstrip(",;:") + ("…" if len(words) > 10 else "")
    return short[:1].upper() + short[1:]


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
