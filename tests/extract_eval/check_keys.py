#!/usr/bin/env python3
"""Check the hand-written answer keys of the date-phrase evaluation set.

Standard library only. For every NN-slug.key.toml next to this script:

* the .txt exists; ``txt[offset:offset+len(text)] == text``; ``sentence`` occurs in the
  text, contains ``text`` and (at some occurrence) covers the offset;
* no two entries ([[phrases]] and [[skipped]] together) share an offset;
* every ``edtf`` is a valid EDTF level 0/1 day, month or year, or an ``A/B`` interval of those;
* the value of every weekday, week, weekend, yesterday/today/tomorrow, month and year phrase,
  month(-and-day) without a year, holiday and explicit date is computed again here with
  ``datetime`` from ``published`` and compared (a second computation, independent of the one
  used to write the key);
* every weekday or month name in the text lies inside a keyed phrase or skipped entry, or is
  explained by a comment ``# not-a-phrase: offset=N "Word": why`` in the key.

Exit status is 0 when everything is clean, 1 otherwise.
"""

from __future__ import annotations

import calendar
import re
import sys
import tomllib
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
MONTH_RE = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)"
)
NAME_RE = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b"
)
NOTE_RE = re.compile(r'^#\s*not-a-phrase:\s*offset=(\d+)\s+"([^"]+)"', re.M)

EDTF_ONE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_edtf_one(s: str) -> tuple[date, date] | None:
    """Return the first and last day covered by a level-0 year/month/day value."""
    m = EDTF_ONE.match(s)
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    y = int(y)
    try:
        if mo is None:
            return date(y, 1, 1), date(y, 12, 31)
        mo = int(mo)
        if d is None:
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        day = date(y, mo, int(d))
        return day, day
    except ValueError:
        return None


def parse_edtf(s: str) -> tuple[date, date] | None:
    if "/" in s:
        a, _, b = s.partition("/")
        pa, pb = parse_edtf_one(a), parse_edtf_one(b)
        if pa is None or pb is None or pa[0] > pb[1]:
            return None
        return pa[0], pb[1]
    return parse_edtf_one(s)


# ---- independent resolution -------------------------------------------------------------


def iso_monday(d: date) -> date:
    return d - timedelta(days=d.isoweekday() - 1)


def weekday_past(pub: date, wd: int) -> date:
    """Most recent weekday wd (0=Monday) on or before pub, counted by stepping back."""
    d = pub
    while d.weekday() != wd:
        d -= timedelta(days=1)
    return d


def weekday_future(pub: date, wd: int) -> date:
    """Next weekday wd strictly after pub, counted by stepping forward."""
    d = pub + timedelta(days=1)
    while d.weekday() != wd:
        d += timedelta(days=1)
    return d


def span(a: date, b: date) -> tuple[date, date]:
    return a, b


def month_span(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def thanksgiving(y: int) -> date:
    d = date(y, 11, 1)
    d += timedelta(days=(3 - d.weekday()) % 7)
    return d + timedelta(days=21)


def memorial_day(y: int) -> date:
    d = date(y, 5, 31)
    while d.weekday() != 0:
        d -= timedelta(days=1)
    return d


def labor_day(y: int) -> date:
    d = date(y, 9, 1)
    while d.weekday() != 0:
        d += timedelta(days=1)
    return d


HOLIDAYS = {
    "christmas eve": lambda y: date(y, 12, 24),
    "the day before christmas": lambda y: date(y, 12, 24),
    "day before christmas": lambda y: date(y, 12, 24),
    "the day after christmas": lambda y: date(y, 12, 26),
    "day after christmas": lambda y: date(y, 12, 26),
    "day-after-christmas": lambda y: date(y, 12, 26),
    "christmas day": lambda y: date(y, 12, 25),
    "christmas": lambda y: date(y, 12, 25),
    "new year's day": lambda y: date(y, 1, 1),
    "new year’s day": lambda y: date(y, 1, 1),
    "new year's eve": lambda y: date(y, 12, 31),
    "new year’s eve": lambda y: date(y, 12, 31),
    "independence day": lambda y: date(y, 7, 4),
    "fourth of july": lambda y: date(y, 7, 4),
    "july 4th": lambda y: date(y, 7, 4),
    "the day after thanksgiving": lambda y: thanksgiving(y) + timedelta(days=1),
    "thanksgiving": thanksgiving,
    "memorial day": memorial_day,
    "labor day": labor_day,
    "halloween": lambda y: date(y, 10, 31),
    "valentine's day": lambda y: date(y, 2, 14),
}


def holiday(pub: date, name: str, future: bool) -> date:
    f = HOLIDAYS[name]
    if future:
        y = pub.year
        while f(y) <= pub:
            y += 1
        return f(y)
    y = pub.year
    while f(y) > pub:
        y -= 1
    return f(y)


def find_month(t: str) -> int | None:
    m = re.search(MONTH_RE, t)
    if not m:
        return None
    return MONTHS[m.group(1).rstrip(".").lower()]


def resolve(pub: date, text: str, rule: str) -> tuple[date, date] | str | None:
    """Compute the span a phrase denotes. None: no computation here for this kind of phrase."""
    t = text.lower().replace("’", "'")
    r = rule.lower()
    future = bool(re.search(r"\bfuture (tense|reference)", r))
    if r.startswith("explicit"):
        year = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
        mid = re.search(r"\b(early|mid|late)[- ](\d{4})\b", t)
        if mid:
            y = int(mid.group(2))
            a, b = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[mid.group(1)]
            return month_span(y, a)[0], month_span(y, b)[1]
        if not year:
            return "explicit phrase without a four-digit year"
        y = int(year.group(1))
        mo = find_month(text)
        if mo is None:
            return date(y, 1, 1), date(y, 12, 31)
        day = re.search(MONTH_RE + r"\s+(\d{1,2})\b", text) or re.search(
            r"\b(\d{1,2})\s+" + MONTH_RE, text
        )
        if day:
            dd = int(day.group(2)) if day.group(1)[0].isalpha() else int(day.group(1))
            return date(y, mo, dd), date(y, mo, dd)
        return month_span(y, mo)
    for name in sorted(HOLIDAYS, key=len, reverse=True):
        if name in t:
            if t.startswith("next "):
                future = True
            d = holiday(pub, name, future)
            return d, d
    if "late last week" in t:
        m = iso_monday(pub) - timedelta(days=7)
        return m + timedelta(days=3), m + timedelta(days=6)
    if "early last week" in t:
        m = iso_monday(pub) - timedelta(days=7)
        return m, m + timedelta(days=2)
    if "last week" in t:
        m = iso_monday(pub) - timedelta(days=7)
        return m, m + timedelta(days=6)
    if "next week" in t:
        m = iso_monday(pub) + timedelta(days=7)
        return m, m + timedelta(days=6)
    if "this week" in t:
        m = iso_monday(pub)
        return m, m + timedelta(days=6)
    if "over the weekend" in t or "last weekend" in t:
        d = pub - timedelta(days=1)
        while d.weekday() != 6:
            d -= timedelta(days=1)
        return d - timedelta(days=1), d
    if "this weekend" in t:
        m = iso_monday(pub)
        return m + timedelta(days=5), m + timedelta(days=6)
    if "yesterday" in t:
        d = pub - timedelta(days=1)
        return d, d
    if "tomorrow" in t:
        d = pub + timedelta(days=1)
        return d, d
    if "today" in t or "end of the day" in t or t in ("tonight", "this morning"):
        return pub, pub
    if "earlier this month" in t:
        return date(pub.year, pub.month, 1), pub - timedelta(days=1)
    if "last month" in t:
        return month_span(*add_months(pub.year, pub.month, -1))
    if "next month" in t:
        return month_span(*add_months(pub.year, pub.month, 1))
    if "last year" in t:
        return date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31)
    if "this year" in t and find_month(text) is None:
        return date(pub.year, 1, 1), date(pub.year, 12, 31)
    m = re.search(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+days\s+ago\b", t)
    if m:
        n = {
            "one": 1,
            "two": 2,
            "three": 3,
            "four": 4,
            "five": 5,
            "six": 6,
            "seven": 7,
            "eight": 8,
            "nine": 9,
            "ten": 10,
        }.get(m.group(1)) or int(m.group(1))
        d = pub - timedelta(days=n)
        return d, d
    for i, wd in enumerate(WEEKDAYS):
        if re.search(r"\b" + wd, t):
            if re.search(r"\blater " + wd, t) and pub.weekday() == i:
                return pub, pub
            d = weekday_future(pub, i) if future else weekday_past(pub, i)
            return d, d
    mo = find_month(text)
    if mo is not None:
        if "this year" in t:
            return month_span(pub.year, mo)
        day = re.search(MONTH_RE + r"\s+(\d{1,2})\b", text) or re.search(
            r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + MONTH_RE, text
        )
        if day:
            dd = int(day.group(2)) if day.group(1)[0].isalpha() else int(day.group(1))
            if future:
                y = pub.year if date(pub.year, mo, dd) >= pub else pub.year + 1
            else:
                y = pub.year if date(pub.year, mo, dd) <= pub else pub.year - 1
            part = re.search(r"\b(early|mid|late)\b", t)
            return date(y, mo, dd), date(y, mo, dd)
        if future:
            y = pub.year if mo >= pub.month else pub.year + 1
        else:
            y = pub.year if mo <= pub.month else pub.year - 1
        part = re.search(r"\b(early|mid|late)\b|middle of", t)
        if part:
            last = calendar.monthrange(y, mo)[1]
            a, b = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}.get(
                part.group(1) or "mid"
            )
            return date(y, mo, a), date(y, mo, b)
        return month_span(y, mo)
    year = re.fullmatch(r"(?:in |since |by )?(\d{4})", t)
    if year:
        y = int(year.group(1))
        return date(y, 1, 1), date(y, 12, 31)
    return None


# ---- checking ---------------------------------------------------------------------------


def check(key_path: Path) -> tuple[list[str], dict]:
    errs: list[str] = []
    txt_path = key_path.with_name(key_path.name.replace(".key.toml", ".txt"))
    raw = key_path.read_text(encoding="utf-8")
    key = tomllib.loads(raw)
    txt = txt_path.read_text(encoding="utf-8")
    name = key_path.name
    for field in ("url", "published", "published_basis", "topic", "text_truncated"):
        if field not in key:
            errs.append(f"{name}: missing {field}")
    if not txt.startswith("URL: ") and not name.startswith("00-"):
        errs.append(f"{name}: .txt does not start with a URL line")
    elif txt.startswith("URL: ") and txt.splitlines()[0] != "URL: " + key.get("url", ""):
        errs.append(f"{name}: URL line differs from key url")
    pub = date.fromisoformat(key["published"])
    stats = {"phrases": 0, "skipped": 0, "recomputed": 0, "not_recomputed": []}
    seen: dict[int, str] = {}
    covered: list[tuple[int, int]] = []
    for kind in ("phrases", "skipped"):
        for e in key.get(kind, []):
            stats[kind] += 1
            text, sent, off = e["text"], e["sentence"], e["offset"]
            where = f"{name} {kind[:-1] if kind == 'phrases' else 'skipped'} {text!r}@{off}"
            if txt[off : off + len(text)] != text:
                errs.append(f"{where}: text not at offset (found {txt[off : off + len(text)]!r})")
            if text not in sent:
                errs.append(f"{where}: sentence does not contain text")
            if sent not in txt:
                errs.append(f"{where}: sentence not in the .txt")
            else:
                ok = False
                i = txt.find(sent)
                while i != -1:
                    if i <= off and off + len(text) <= i + len(sent):
                        ok = True
                        break
                    i = txt.find(sent, i + 1)
                if not ok:
                    errs.append(f"{where}: no occurrence of the sentence covers the offset")
            if off in seen:
                errs.append(f"{where}: offset shared with {seen[off]}")
            seen[off] = where
            covered.append((off, off + len(text)))
            if kind == "skipped":
                if not e.get("reason"):
                    errs.append(f"{where}: no reason")
                continue
            val = parse_edtf(e["edtf"])
            if val is None:
                errs.append(f"{where}: invalid EDTF {e['edtf']!r}")
                continue
            got = resolve(pub, text, e.get("rule", ""))
            if got is None or isinstance(got, str):
                stats["not_recomputed"].append(f"{text!r} ({e['edtf']})")
                continue
            stats["recomputed"] += 1
            if got != val:
                errs.append(
                    f"{where}: key says {e['edtf']} = {val[0]}..{val[1]}, recomputed {got[0]}..{got[1]}"
                )
    notes = {int(m.group(1)): m.group(2) for m in NOTE_RE.finditer(raw)}
    for off, word in notes.items():
        if txt[off : off + len(word)] != word:
            errs.append(f"{name}: not-a-phrase note {word!r}@{off} does not match the text")
    for m in NAME_RE.finditer(txt):
        a, b = m.span()
        if any(s <= a and b <= e for s, e in covered) or a in notes:
            continue
        line_start = txt.rfind("\n", 0, a) + 1
        line_end = txt.find("\n", a)
        ctx = txt[max(line_start, a - 40) : (line_end if line_end != -1 else len(txt))][:90]
        errs.append(f"{name}: unkeyed name {m.group(0)!r}@{a}: …{ctx}…")
    return errs, stats


def main() -> int:
    keys = sorted(HERE.glob("*.key.toml"))
    all_errs: list[str] = []
    tot = {"phrases": 0, "skipped": 0, "recomputed": 0}
    for k in keys:
        errs, st = check(k)
        all_errs += errs
        for f in tot:
            tot[f] += st[f]
        extra = (
            f"; not recomputed: {', '.join(st['not_recomputed'])}" if st["not_recomputed"] else ""
        )
        print(
            f"{k.name}: {st['phrases']} phrases, {st['skipped']} skipped, "
            f"{st['recomputed']} values recomputed{extra}"
        )
    for e in all_errs:
        print("ERROR", e)
    print(
        f"{len(keys)} keys, {tot['phrases']} phrases, {tot['skipped']} skipped, "
        f"{tot['recomputed']} recomputed, {len(all_errs)} problems"
    )
    return 1 if all_errs else 0


if __name__ == "__main__":
    sys.exit(main())
