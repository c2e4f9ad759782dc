"""The date an article's phrases are read against, and where that date came from.

In order: a date given by the user (`--published`), the page's own metadata (HTML),
a publication line in the text ("Published June 26, 2016", "Posted: ...", "Updated: ...",
"Date: 12 August 2008", or a line that is only a date), a dateline with a year ("WASHINGTON, Nov. 6, 2019 (AP) —"),
then a date in the article's address (a "URL:" first line). Never today.
Publication lines, datelines and the URL line are the anchor, not phrases: their spans
are returned so that the finder leaves them out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = ["Anchor", "AnchorError", "anchor_from_text", "given_anchor", "publication_spans"]

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WRITTEN = rf"(?:{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{1,2}} {_MONTH},? \d{{4}}|\d{{4}}-\d\d-\d\d)"
_LINE = re.compile(
    rf"^[^\n]{{0,40}}?\b(?:Published|Posted|Updated|Last updated|First published|Date)\b:?[^\n]*?(?P<date>{_WRITTEN})[^\n]*$",
    re.MULTILINE,
)
# a line that is only a date (a weekday before it, a time after it): a byline's date
_DATE_LINE = re.compile(
    rf"^(?:[A-Z][a-z]+day,? )?(?P<date>{_WRITTEN})(?:,? (?:at )?\d{{1,2}}[:.]\d\d\s?(?:[ap]\.?m\.?)?(?: [A-Z]{{2,4}})?)?\s*$",
    re.MULTILINE | re.IGNORECASE,
)
_DATELINE = re.compile(
    rf"^[A-Z][A-Z.'’ -]*[A-Z.](?:, [A-Z][A-Za-z. ]+)?,? (?:[A-Z][a-z]+day,? )?(?P<date>{_MONTH} \d{{1,2}}(?:,? \d{{4}})?)"
    r"(?:[ .]*/?[A-Z]{2,}/\.?| \((?:AP|AFP|Reuters|UPI|TASS|dpa)\))?",
    re.MULTILINE,
)
_URL_LINE = re.compile(r"\AURL:[^\n]*")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:/|-|$)")


class AnchorError(ValueError):
    """No usable anchor: the message says what to give instead."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """The publication day and how it is known."""

    day: date
    basis: str


def given_anchor(text: str) -> Anchor:
    """The anchor from `--published`: EDTF or a written date, at day precision."""
    from chrono.dates import DateError, parse_edtf
    from chrono.dates.written import parse_written

    try:
        edtf = parse_edtf(text.strip()).text
    except DateError:
        edtf = parse_written(text) or ""
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", edtf):
        what = f"is {edtf}, not a single day" if edtf else "is not a date"
        raise AnchorError(f"--published '{text}' {what}; give the day, e.g. 2016-04-18")
    return Anchor(date.fromisoformat(edtf), "--published")


def publication_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the URL line, publication lines and datelines: the anchor, not phrases."""
    spans = [m.span() for m in _URL_LINE.finditer(text)]
    spans += [m.span() for m in _LINE.finditer(text) if len(m.group()) <= 120]
    spans += [m.span() for m in _DATE_LINE.finditer(text)]
    spans += [m.span() for m in _DATELINE.finditer(text)]
    return tuple(sorted(spans))


def anchor_from_text(text: str) -> Anchor | None:
    """The anchor a publication line, a dateline or the URL line gives, or None."""
    lines = ((_LINE, "publication line"), (_DATE_LINE, "date line"), (_DATELINE, "dateline"))
    for pattern, basis in lines:
        for m in pattern.finditer(text):
            day = _day(m["date"])
            if day is not None and len(m.group()) <= 120:
                return Anchor(day, f"{basis}: {m.group().strip()}")
    if (line := _URL_LINE.match(text)) and (found := _URL_DATE.search(line.group())):
        try:
            day = date(*map(int, found.groups()))
        except ValueError:
            return None
        return Anchor(day, f"date in the address: {line.group()[4:].strip()}")
    return None


def _day(written: str) -> date | None:
    from chrono.dates.written import parse_written

    edtf = parse_written(written.replace(".", ""))
    return date.fromisoformat(edtf) if edtf and len(edtf) == 10 else None
