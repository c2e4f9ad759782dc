"""Sentences of an article as spans: each line (a headline, a caption, a paragraph) split
at sentence ends, but not after abbreviations such as "Dec.", "Gen." or "a.m."."""

from __future__ import annotations

import re

__all__ = ["sentence_spans"]

_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "sgt",
        "st",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "a.m",
        "p.m",
        "no",
        "jr",
        "sr",
        "inc",
        "co",
        "corp",
        "ltd",
        "vs",
        "e.g",
        "i.e",
        "mt",
        "ft",
        "ave",
        "prof",
        "rev",
        "capt",
        "cmdr",
        "adm",
        "maj",
        "pvt",
        "u.k",
        "u.n",
        "d.c",
        "calif",
        "fla",
        "ill",
        "mass",
        "mich",
        "minn",
        "tex",
        "wash",
        "ariz",
        "colo",
        "conn",
        "ga",
        "ky",
        "la",
        "md",
        "mo",
        "n.y",
        "pa",
        "va",
    ]
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence in `text`, in order, with surrounding blanks trimmed."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for end in _ends(line.group()):
            spans.append(_trimmed(text, start, line.start() + end))
            start = line.start() + end
        spans.append(_trimmed(text, start, line.end()))
    return [(s, e) for s, e in spans if e > s]


def _ends(line: str) -> list[int]:
    ends = []
    for m in _END.finditer(line):
        word = re.search(r"([\w.]+)\.+$", line[: m.start() + 1])
        if m.group().startswith(".") and word and _abbreviation(word.group(1)):
            continue
        ends.append(m.end())
    return ends


def _abbreviation(word: str) -> bool:
    return word.casefold() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
