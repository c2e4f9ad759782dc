"""Messages for text that is not EDTF level 0/1: what is wrong, and what to write instead.

The grammar in `chrono.dates.grammar` only needs to know that a string failed; these
functions look at how it failed, because "not a date" helps nobody fix a file.
"""

from __future__ import annotations

import re

_LEVEL2 = "EDTF level 2 is not supported"

# Each pattern marks a level 2 feature that a level 1 reader would otherwise misreport.
_LEVEL2_SIGNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[{}]"), "lists of dates ({...})"),
    (re.compile(r"[\[\]]"), "one-of-a-set dates ([...])"),
    (re.compile(r"[()]"), "grouped qualifiers ((...))"),
    (re.compile(r"Y-?\d+E\d"), "exponential years (Y17E7)"),
    (re.compile(r"\dS\d"), "significant digits (1950S2)"),
    (re.compile(r"[\dX]\.\.|\.\.[\dX]"), "ranges inside sets (1960..1970)"),
)

_OLD_DRAFT_WORDS: dict[str, str] = {"unknown": "", "open": ".."}

_EXAMPLES = "write e.g. 1985-04-12, 1985-04 or 1985, or 1964/2008 for an interval"


def surface_problem(text: str) -> str | None:
    """What is wrong with `text` before any grammar applies, or None."""
    if not text.strip():
        return f"empty date: {_EXAMPLES}"
    if text != text.strip():
        return f'remove the surrounding spaces from "{text}"'
    if any(char.isspace() for char in text):
        return f'"{text}" has spaces inside; EDTF has none (e.g. 1964/2008)'
    if "^" in text:  # the 2012 draft's "2001-21^southernHemisphere"; not in EDTF (2019)
        plain = text.split("^")[0]
        return f"'^' qualifies seasons in an old EDTF draft only: write {plain}"
    if _unmatched_brackets(text):
        return f'"{text}" is not EDTF at any level: its brackets do not match ([...] or {{...}})'
    for pattern, feature in _LEVEL2_SIGNS:
        if pattern.search(text):
            return f"{_LEVEL2}: {feature} in {text}"
    if re.search("[a-z]", text):
        return _lowercase_problem(text)
    return None


def _unmatched_brackets(text: str) -> bool:
    """Whether brackets appear other than as one level 2 set, [...] or {...}."""
    if not any(c in text for c in "[]{}"):
        return False
    inner = text[1:-1]
    whole = (text[:1], text[-1:]) in (("[", "]"), ("{", "}"))
    return not whole or any(c in inner for c in "[]{}")


def _lowercase_problem(text: str) -> str | None:
    for word, new in _OLD_DRAFT_WORDS.items():
        if word in text:
            if "/" in text:
                return f"'{word}' is from an old EDTF draft: write {text.replace(word, new)}"
            return (
                f"'{word}' is from an old EDTF draft; in an interval EDTF writes an open end "
                "as .. and an unknown end as nothing (1985/.., 1985/)"
            )
    if re.search(r"\du|u\d|-u", text):
        return "'u' for an unknown digit is from an old EDTF draft: EDTF writes X, as in 199X"
    if set(re.findall("[a-z]", text)) <= {"x", "t", "z"}:
        return f"EDTF letters are capitals: write {text.upper()}"
    return f'"{text}" is not an EDTF date: {_EXAMPLES}'


def diagnose_date(date: str, text: str) -> str:
    """Why `date` (the part of `text` before any T) is not an EDTF date."""
    if date == "..":
        return "'..' is an open interval end, not a date: write e.g. ../1985 or 1985/.."
    if re.fullmatch(r"\d{8}", date):
        return f"basic format {date} is not EDTF: write {date[:4]}-{date[4:6]}-{date[6:]}"
    if re.fullmatch(r"\d{6}", date):
        return (
            f"{date} is not EDTF: write {date[:4]}-{date[4:]} for a month "
            f"or Y{date} for a six-digit year"
        )
    number = re.fullmatch(r"(-?)(\d+)", date)
    if number and len(number[2]) > 4:
        return f"years of more than four digits take a Y prefix: write Y{date}"
    if number and len(number[2]) < 4:
        return _short_year(number[1], number[2], text.removeprefix(date))
    short = re.fullmatch(r"(-?\d{4})-(\d{1,2})(?:-(\d{1,2}))?", date)
    if short:
        padded = "-".join(f"{part:0>2}" for part in short.groups() if part is not None)
        return f"months and days have two digits: write {padded}"
    if re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{4}", date):
        return f"{date} is not EDTF: write the year first, as in 2005-09-24"
    return f'"{text}" is not an EDTF date: {_EXAMPLES}'


def _short_year(sign: str, digits: str, rest: str) -> str:
    """Too few digits: 19 and 197 are most likely a century and a decade (19XX, 197X),
    unless that reading lands after 2100; the year itself is the other reading."""
    year = f"write {sign}{digits:0>4}{rest}"
    block = int(digits) * (100 if len(digits) == 2 else 10)
    if sign or len(digits) == 1 or block > 2100:
        return f"years have four digits: {year}"
    unspecified = digits + "X" * (4 - len(digits))
    return (
        f"years have four digits: write {unspecified}{rest} for the {block}s, "
        f"or {sign}{digits:0>4}{rest} for the year {int(digits)}"
    )


def diagnose_time(time: str) -> str:
    """Why `time` (the part after T) is not an EDTF time of day."""
    if not time:
        return "a time follows T: write e.g. 1985-04-12T23:20:30"
    offset = re.search(r"(Z|[+-].*)$", time)
    zone = offset[0] if offset else ""
    clock = time[: len(time) - len(zone)]
    if re.fullmatch(r"\d\d:\d\d:\d\d[.,]\d+", clock):
        return f"fractional seconds are not EDTF: write {clock[:8]}{zone}"
    if re.fullmatch(r"\d{6}", clock):
        return f"basic format time {clock} is not EDTF: write {clock[:2]}:{clock[2:4]}:{clock[4:]}"
    if re.fullmatch(r"\d\d:\d\d", clock):
        return f"a time needs seconds: write {clock}:00{zone}"
    if re.fullmatch(r"\d\d", clock):
        return f"a time needs minutes and seconds: write {clock}:00:00{zone}"
    if re.fullmatch(r"\d\d:\d\d:\d\d", clock) and re.fullmatch(r"[+-]0000", zone):
        return f"write Z for UTC: {clock}Z, not {clock}{zone}"
    if re.fullmatch(r"\d\d:\d\d:\d\d", clock) and re.fullmatch(r"[+-]\d{4}", zone):
        return f"write the offset {zone} as {zone[:3]}:{zone[3:]}"
    return f"time {time} is not hh:mm:ss with an optional Z or ±hh:mm offset"
