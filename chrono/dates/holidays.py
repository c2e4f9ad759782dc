"""US holidays by name, for phrases like "the day after Christmas" (CONVENTIONS: US rule)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

__all__ = ["HOLIDAY", "holiday", "nth_weekday"]


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def nth_weekday(month: int, weekday: int, n: int) -> Callable[[int], date]:
    """The n-th given weekday of a month, as a function of the year; n = -1 is the last."""

    def on(year: int) -> date:
        if n > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)

    return on


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    week = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * week) // 451
    month, day = divmod(h + week - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _after(base: Callable[[int], date], n: int) -> Callable[[int], date]:
    return lambda year: base(year) + timedelta(days=n)


_THANKSGIVING = nth_weekday(11, 3, 4)
_DAYS: dict[str, Callable[[int], date]] = {
    "new year's day": _fixed(1, 1),
    "new year's eve": _fixed(12, 31),
    "martin luther king jr. day": nth_weekday(1, 0, 3),
    "martin luther king day": nth_weekday(1, 0, 3),
    "mlk day": nth_weekday(1, 0, 3),
    "valentine's day": _fixed(2, 14),
    "presidents day": nth_weekday(2, 0, 3),
    "presidents' day": nth_weekday(2, 0, 3),
    "president's day": nth_weekday(2, 0, 3),
    "easter": _easter,
    "easter sunday": _easter,
    "good friday": _after(_easter, -2),
    "memorial day": nth_weekday(5, 0, -1),
    "juneteenth": _fixed(6, 19),
    "independence day": _fixed(7, 4),
    "the fourth of july": _fixed(7, 4),
    "fourth of july": _fixed(7, 4),
    "labor day": nth_weekday(9, 0, 1),
    "columbus day": nth_weekday(10, 0, 2),
    "halloween": _fixed(10, 31),
    "veterans day": _fixed(11, 11),
    "thanksgiving": _THANKSGIVING,
    "thanksgiving day": _THANKSGIVING,
    "black friday": _after(_THANKSGIVING, 1),
    "cyber monday": _after(_THANKSGIVING, 4),
    "christmas eve": _fixed(12, 24),
    "christmas": _fixed(12, 25),
    "christmas day": _fixed(12, 25),
}

#: A regular-expression alternation of every holiday name, longest first.
HOLIDAY = "|".join(
    name.replace(".", r"\.").replace("'", "'?").replace(" ", r"\s")
    for name in sorted(_DAYS, key=len, reverse=True)
)


def holiday(name: str, year: int) -> date | None:
    """The holiday's date in `year`, or None for a name not known."""
    rule = _DAYS.get(_canonical(name))
    return rule(year) if rule else None


def _canonical(name: str) -> str:
    plain = " ".join(name.split())
    for known in _DAYS:
        if known.replace("'", "") == plain.replace("'", ""):
            return known
    return plain
