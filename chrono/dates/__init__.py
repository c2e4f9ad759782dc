"""Everything about dates, behind one public face.

The EDTF level 0/1 type and its calendar arithmetic are re-exported here from `edtf`;
the rest of chrono imports these names from `chrono.dates` only. Two larger parts are
public submodules, imported on demand because they load dateutil and compile patterns:
`chrono.dates.written` (written dates such as "27 April 2016") and
`chrono.dates.relative` (vague phrases such as "next week", resolved against an anchor).

Inside the package: `grammar` parses EDTF text, `point` is one end of a date,
`calendar` is proleptic Gregorian arithmetic on whole seconds, `display` writes dates
as people do, and `hints` explains what is wrong with a rejected date.
"""

from __future__ import annotations

from chrono.dates.calendar import MONTH_NAMES
from chrono.dates.display import SHORT_MONTHS, year_text
from chrono.dates.edtf import (
    SECONDS_PER_DAY,
    DateError,
    EdtfDate,
    EndKind,
    Point,
    Precision,
    civil_from_days,
    civil_from_seconds,
    days_from_civil,
    days_in_month,
    from_toml,
    is_leap_year,
    is_plain,
    parse_edtf,
    seconds_from_civil,
)

__all__ = [
    "MONTH_NAMES",
    "SECONDS_PER_DAY",
    "SHORT_MONTHS",
    "DateError",
    "EdtfDate",
    "EndKind",
    "Point",
    "Precision",
    "civil_from_days",
    "civil_from_seconds",
    "days_from_civil",
    "days_in_month",
    "from_toml",
    "is_leap_year",
    "is_plain",
    "parse_edtf",
    "seconds_from_civil",
    "year_text",
]
