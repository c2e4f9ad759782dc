"""A date cell as EDTF: EDTF itself, an ISO 8601 date-time, or a written date.

The precision written is the precision kept: "April 2016" stays a month. ISO 8601
date-times other tools write ("2015-07-24 19:01:01", "...T19:01:01.123456+00:00") are
EDTF once the space becomes a T and the fraction of a second, finer than chrono keeps, goes.
"""

from __future__ import annotations

import re

from chrono.dates import DateError, parse_edtf

_ISO_TIME = re.compile(
    r"(?P<day>\d{4}-\d{2}-\d{2})[T ](?P<clock>\d{2}:\d{2}(?::\d{2})?)(?:[.,]\d+)?"
    r"\s*(?P<zone>Z|UTC|[+-]\d{2}:?\d{2})?",
    re.ASCII,
)
_NUMERIC_DAY = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", re.ASCII)


class CellDateError(ValueError):
    """The cell holds no date chrono can read; the message says what was tried."""


def edtf_from_cell(text: str) -> str:
    """The canonical EDTF text for a date cell; CellDateError when it is not a date."""
    text = text.strip()
    try:
        return parse_edtf(text).text
    except DateError as err:
        edtf_error = err
    iso = iso_datetime(text)
    if iso is not None:
        return iso
    from chrono.dates.written import parse_written

    written = parse_written(text)
    if written is not None:
        return written
    if _NUMERIC_DAY.fullmatch(text):
        raise CellDateError(
            f"'{text}' may be day-first or month-first; write it as EDTF (YYYY-MM-DD)"
        )
    if re.fullmatch(r"[-\d/.:TXZ~?%+ ]+", text, re.ASCII):
        raise CellDateError(f"'{text}' is not a date: {edtf_error}")
    raise CellDateError(
        f"'{text}' is not a date chrono can read (EDTF, ISO 8601 or written like '27 April 2016')"
    )


def iso_datetime(text: str) -> str | None:
    """An ISO 8601 date-time as EDTF text at second precision, or None."""
    found = _ISO_TIME.fullmatch(text.strip())
    if found is None:
        return None
    clock = found["clock"] if found["clock"].count(":") == 2 else found["clock"] + ":00"
    zone = found["zone"] or ""
    if zone in ("UTC", "+00:00", "+0000"):
        zone = "Z"
    elif len(zone) == 5:
        zone = f"{zone[:3]}:{zone[3:]}"
    try:
        return parse_edtf(f"{found['day']}T{clock}{zone}").text
    except DateError:
        return None
