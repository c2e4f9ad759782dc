"""Scoring `chrono extract` against the hand-keyed articles in tests/extract_eval/.

A key entry is *found* when a phrase chrono gives (or tries to give) a date overlaps it;
*exact* when that date is the key's EDTF; *wrong* when it overlaps but differs; *refused*
when chrono found only a skipped or unplaceable phrase there. A key's [[skipped]] entry
given a date is *invented*. Precision counts chrono's dated phrases that overlap any key
entry. dateparser is scored on the key's own phrase texts, so it is never charged with
finding them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

EVAL = Path(__file__).resolve().parent.parent / "tests" / "extract_eval"


@dataclass
class Score:
    """Counts for one article, or for all."""

    keyed: int = 0
    found: int = 0
    exact: int = 0
    wrong: int = 0
    refused: int = 0
    dated: int = 0  # chrono's dated phrases
    relevant: int = 0  # ... that overlap a key entry
    skipped_keyed: int = 0
    invented: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("keyed", "found", "exact", "wrong", "refused", "dated", "relevant"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.skipped_keyed += other.skipped_keyed
        self.invented += other.invented


def keys() -> list[tuple[Path, dict[str, Any], str]]:
    """(key path, key, article text) for every keyed article."""
    found = []
    for path in sorted(EVAL.glob("*.key.toml")):
        text = path.with_name(path.name.replace(".key.toml", ".txt")).read_text("utf-8")
        found.append((path, tomllib.loads(path.read_text("utf-8")), text))
    return found


def _overlaps(a: int, b: int, c: int, d: int) -> bool:
    return a < d and c < b


def score_chrono(key: dict[str, Any], text: str) -> Score:
    """chrono's figures on one article, read against the key's publication date."""
    from chrono.extract import Article, extract

    phrases = extract(Article("article", text), key["published"]).phrases
    spans = [(p.offset, p.offset + len(p.text), p) for p in phrases]
    score = Score()
    entries = [*key.get("phrases", []), *key.get("skipped", [])]
    for entry in key.get("phrases", []):
        start = entry["offset"]
        near = [p for s, e, p in spans if _overlaps(s, e, start, start + len(entry["text"]))]
        _count(score, entry, [p for p in near if p.status != "skipped"], bool(near))
    for entry in key.get("skipped", []):
        start = entry["offset"]
        near = [p for s, e, p in spans if _overlaps(s, e, start, start + len(entry["text"]))]
        score.skipped_keyed += 1
        if any(p.status == "resolved" for p in near):
            score.invented += 1
            score.misses.append(f"invented {entry['text']!r} ({entry['reason']})")
    for s, e, p in spans:
        if p.status == "resolved":
            score.dated += 1
            hit = any(_overlaps(s, e, x["offset"], x["offset"] + len(x["text"])) for x in entries)
            score.relevant += hit
    return score


def _count(score: Score, entry: dict[str, Any], dated: list[Any], seen: bool) -> None:
    score.keyed += 1
    if any(p.edtf == entry["edtf"] for p in dated):
        score.found, score.exact = score.found + 1, score.exact + 1
        return
    if any(p.status == "resolved" for p in dated):
        score.found, score.wrong = score.found + 1, score.wrong + 1
        got = [p.edtf for p in dated]
        score.misses.append(f"wrong {entry['text']!r}: {got} for {entry['edtf']}")
    elif seen or dated:
        score.found, score.refused = score.found + 1, score.refused + 1
        score.misses.append(f"refused {entry['text']!r} ({entry['edtf']})")
    else:
        score.misses.append(f"not found {entry['text']!r}")


def score_dateparser(key: dict[str, Any]) -> Score:
    """dateparser's figures on the key's phrase texts, with the key's date as its base."""
    import dateparser

    base = datetime.fromisoformat(key["published"])
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    score = Score()
    for entry in key.get("phrases", []):
        got = dateparser.parse(entry["text"], languages=["en"], settings=settings)
        score.keyed += 1
        if got is None:
            continue
        score.found += 1
        if _as_key(got.date(), entry["edtf"]) == entry["edtf"]:
            score.exact += 1
        else:
            score.wrong += 1
    for entry in key.get("skipped", []):
        score.skipped_keyed += 1
        got = dateparser.parse(entry["text"], languages=["en"], settings=settings)
        score.invented += got is not None
    return score


def _as_key(day: date, edtf: str) -> str:
    """dateparser's day at the key's precision (a year key compares years)."""
    if "/" in edtf:
        return day.isoformat()  # an interval: one day is never exactly it
    return day.isoformat()[: len(edtf)]
