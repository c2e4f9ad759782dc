"""Turn measured rows into tables, target verdicts, ``results.json`` and ``results.md``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cases import Row
from measure import Result

STARTUP_MS = 65.0


@dataclass(frozen=True)
class Verdict:
    target: str
    figure: str
    status: str  # PASS, MISS, "not measured"

    def as_dict(self) -> dict[str, str]:
        return {"target": self.target, "figure": self.figure, "status": self.status}


def ms(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def _cell(result: Result | None, pick: Callable[[Result], float | None], fmt: str) -> str:
    if result is None:
        return ""
    if not result.ok:
        return "n/a"
    value = pick(result)
    return "—" if value is None else (ms(value) if fmt == "ms" else f"{value:,.1f}")


def _rows_cell(row: Row) -> str:
    found = [r.rows for r in (row.chrono, row.jrnl) if r and r.rows is not None]
    text = "/".join(dict.fromkeys(f"{n:,}" for n in found))
    if row.expected is not None and any(n != row.expected for n in found):
        text += f" (expected {row.expected:,}!)"
    return text


HEADERS = ("case", "size", "layout", "rows", "chrono ms", "chrono MiB", "jrnl ms", "jrnl/chrono")


def table_cells(rows: Sequence[Row]) -> list[list[str]]:
    cells = []
    for row in rows:
        ratio = row.ratio()
        cells.append(
            [
                row.case,
                f"{row.size:,}" if row.size else "-",
                row.layout,
                _rows_cell(row),
                _cell(row.chrono, lambda r: r.median_ms, "ms"),
                _cell(row.chrono, lambda r: r.peak_mib, "mib"),
                _cell(row.jrnl, lambda r: r.median_ms, "ms"),
                f"{ratio:.1f}×" if ratio else "",
            ]
        )
    return cells


def render(headers: Sequence[str], cells: Sequence[Sequence[str]], markdown: bool) -> str:
    """A column-aligned text table, or a GitHub Markdown one; numbers align right."""
    if markdown:  # `<rare>` would be read as an HTML tag, `|` as a column
        cells = [[_md(value) for value in row] for row in cells]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    right = [i > 0 and all(_numeric(c[i]) for c in cells) for i in range(len(headers))]

    def line(values: Sequence[str]) -> str:
        parts = [
            v.rjust(w) if r else v.ljust(w) for v, w, r in zip(values, widths, right, strict=True)
        ]
        return ("| " + " | ".join(parts) + " |") if markdown else "  ".join(parts).rstrip()

    if markdown:
        rule = ["-" * (w - 1) + ":" if r else "-" * w for w, r in zip(widths, right, strict=True)]
        rule_line = "| " + " | ".join(rule) + " |"
    else:
        rule_line = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule_line, *(line(c) for c in cells)])


def _md(text: str) -> str:
    return text.replace("<", "\\<").replace(">", "\\>").replace("|", "\\|")


def _numeric(text: str) -> bool:
    stripped = text.replace(",", "").replace(".", "").replace("×", "").strip()
    return stripped.isdigit() or text in ("", "—", "n/a", "-")


def _find(rows: Sequence[Row], key: str, size: int | None, layout: str) -> Row | None:
    for row in rows:
        if row.key == key and row.size == size and row.layout == layout:
            return row
    return None


def _limit(target: str, row: Row | None, limit: float, unit: str = "ms") -> Verdict:
    if row is None or row.chrono is None:
        return Verdict(target, "", "not measured")
    value = row.chrono.median_ms if unit == "ms" else row.chrono.peak_mib
    if value is None:
        return Verdict(target, row.chrono.note or "n/a", "not measured")
    figure = f"{ms(value)} ms" if unit == "ms" else f"{value:,.1f} MiB"
    return Verdict(target, figure, "PASS" if value <= limit else "MISS")


def _faster(target: str, row: Row | None, factor: float) -> Verdict:
    ratio = row.ratio() if row else None
    if row is None or ratio is None or row.chrono is None or row.jrnl is None:
        return Verdict(target, "", "not measured")
    figure = f"{ratio:.1f}× (jrnl {ms(row.jrnl.median_ms)} / chrono {ms(row.chrono.median_ms)} ms)"
    return Verdict(target, figure, "PASS" if ratio >= factor else "MISS")


def _median(row: Row) -> float:
    return (row.chrono.median_ms or 0.0) if row.chrono else 0.0


def verdicts(rows: Sequence[Row], layouts: Sequence[str]) -> list[Verdict]:
    """Every target, evaluated on the rows of this run."""
    found = [
        _limit(f"chrono --help ≤ {STARTUP_MS:.0f} ms", _find(rows, "help", None, "-"), STARTUP_MS)
    ]
    helps = [r for r in rows if r.key.startswith("help-") and r.chrono and r.chrono.ok]
    slowest = max(helps, key=_median, default=None)
    label = f"slowest command start-up ({slowest.case if slowest else 'chrono <cmd> --help'})"
    found.append(_limit(f"{label} ≤ {STARTUP_MS:.0f} ms", slowest, STARTUP_MS))
    for layout in layouts:
        cold, warm = (
            _find(rows, "rare-cold", 10000, layout),
            _find(rows, "rare-warm", 10000, layout),
        )
        found += [
            _limit(f"10k {layout} show --actor <rare> cold ≤ 300 ms", cold, 300),
            _faster(f"10k {layout} rare cold ≥ 3× faster than jrnl", cold, 3),
            _limit(f"10k {layout} show --actor <rare> warm ≤ 80 ms", warm, 80),
            _faster(f"10k {layout} rare warm ≥ 12× faster than jrnl", warm, 12),
            _limit(f"10k {layout} show --actor <common> warm ≤ 150 ms",
                   _find(rows, "common-warm", 10000, layout), 150),
        ]  # fmt: skip
    found += [
        _limit(
            "100k per-year rare warm ≤ 150 ms", _find(rows, "rare-warm", 100000, "per-year"), 150
        ),
        _limit(
            "100k per-event rare warm ≤ 700 ms", _find(rows, "rare-warm", 100000, "per-event"), 700
        ),
    ]
    found += [
        _limit(f"100k {layout} check cold ≤ 3 s", _find(rows, "check-cold", 100000, layout), 3000)
        for layout in layouts
    ]
    return [*found, _peak_at_100k(rows)]


def _peak_at_100k(rows: Sequence[Row]) -> Verdict:
    measured = [r for r in rows if r.size == 100000 and r.chrono and r.chrono.peak_mib]
    target = "peak memory at 100k ≤ 300 MiB"
    if not measured:
        return Verdict(target, "", "not measured")
    worst = max(measured, key=lambda r: (r.chrono.peak_mib or 0.0) if r.chrono else 0.0)
    verdict = _limit(target, worst, 300, unit="mib")
    return Verdict(target, f"{verdict.figure} ({worst.case}, {worst.layout})", verdict.status)


def verdict_table(found: Sequence[Verdict], markdown: bool) -> str:
    cells = [[v.target, v.status, v.figure] for v in found]
    return render(("target", "result", "figure"), cells, markdown)
