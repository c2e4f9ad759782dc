"""TimelineJS date objects back to EDTF.

A slide's ``start_date``/``end_date`` hold year, month, day and time down to the precision
meant, but no qualifier, season or open end. chrono's export says those in the slide's
``display_date`` (its human date), so the EDTF is found by trying each date the objects
could stand for and keeping the one chrono would show and export exactly as the slide
does. A slide from elsewhere, whose display date is the author's own words, gets the plain
date of its objects, and the words are kept as ``date_text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from chrono.dates import DateError, EdtfDate, parse_edtf

_QUALIFIERS = ("", "~", "?", "%")
_ZONE = re.compile(r"[+-]\d{2}:\d{2}\b")
_FIELDS = ("year", "month", "day", "hour", "minute", "second")


class SlideDateError(ValueError):
    """The slide's date objects do not make a date."""


def slide_date(start: Any, end: Any, display: str | None) -> tuple[str, str | None]:
    """(EDTF, display text to keep as date_text or None) for one slide."""
    first = _fields(start, "start_date")
    last = _fields(end, "end_date") if end is not None else None
    if display:
        from chrono.render.timelinejs import date_objects

        wanted = (_as_strings(first), _as_strings(last) if last else None)
        for text in _candidates(first, last, display):
            date = _parsed(text)
            if date is not None and date.human() == display and date_objects(date) == wanted:
                return date.text, None
    plain = _point(first) + (f"/{_point(last)}" if last else "")
    date = _parsed(plain)
    if date is None:
        raise SlideDateError(f"start_date/end_date make no date ({plain})")
    return date.text, display if display and display != date.human() else None


def _fields(value: Any, name: str) -> dict[str, int]:
    if not isinstance(value, Mapping) or "year" not in value:
        raise SlideDateError(f"'{name}' must be an object with at least a 'year'")
    found = {}
    for key in _FIELDS:
        raw = value.get(key)
        if raw in (None, ""):
            continue
        try:
            found[key] = int(str(raw).strip())
        except ValueError:
            raise SlideDateError(f"'{name}.{key}' is {raw!r}, not a number") from None
    return found


def _as_strings(fields: dict[str, int]) -> dict[str, str]:
    return {k: str(v) for k, v in fields.items()}


def _year(year: int) -> str:
    if abs(year) > 9999:
        return f"Y{year}"
    return f"{year:04d}" if year >= 0 else f"-{-year:04d}"


def _point(fields: dict[str, int]) -> str:
    text = _year(fields["year"])
    if "month" in fields:
        text += f"-{fields['month']:02d}"
        if "day" in fields:
            text += f"-{fields['day']:02d}"
            if "hour" in fields:
                clock = [fields.get(k, 0) for k in ("hour", "minute", "second")]
                text += "T" + ":".join(f"{part:02d}" for part in clock)
    return text


def _variants(fields: dict[str, int], display: str) -> list[str]:
    base = _point(fields)
    if "T" in base:
        return [base + z for z in ("", "Z", *_ZONE.findall(display))]
    found = [base + q for q in _QUALIFIERS]
    if "month" not in fields:
        found += [f"{base}-XX{q}" for q in _QUALIFIERS] + [f"{base}-XX-XX{q}" for q in _QUALIFIERS]
    elif "day" not in fields:
        found += [f"{base}-XX{q}" for q in _QUALIFIERS]
        years = (_year(fields["year"]), _year(fields["year"] - 1))  # winter ends in February
        found += [
            f"{y}-{season}{q}" for y in years for season in range(21, 25) for q in _QUALIFIERS
        ]
    return found


def _candidates(first: dict[str, int], last: dict[str, int] | None, display: str) -> Iterator[str]:
    starts = _variants(first, display)
    if last is None:
        yield from starts
        for s in starts:
            yield from (f"../{s}", f"{s}/..", f"/{s}", f"{s}/")
        return
    # A season, decade or century first: "1900–1999" is 19XX rather than 1900/1999, which
    # TimelineJS and chrono's display cannot tell apart.
    year = _year(first["year"])
    spans = [f"{year}-{season}{q}" for season in range(21, 25) for q in _QUALIFIERS]
    spans += [f"{year[:-1]}X{q}" for q in _QUALIFIERS] + [f"{year[:-2]}XX{q}" for q in _QUALIFIERS]
    yield from spans
    for s in spans:  # a span with an open end is drawn as the span alone
        yield from (f"../{s}", f"{s}/..", f"/{s}", f"{s}/")
    ends = _variants(last, display)
    yield from (f"{s}/{e}" for s in starts for e in ends)


def _parsed(text: str) -> EdtfDate | None:
    try:
        return parse_edtf(text)
    except DateError:
        return None
