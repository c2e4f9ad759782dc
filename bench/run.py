"""Benchmark chrono against jrnl 4.6 on generated collections; print and save the figures.

    python bench/run.py [--sizes 1000,10000] [--full] [--runs 5] [--layouts ...] [--no-jrnl]

Sets up (or reuses) two venvs under bench/out/venvs, generates (or reuses) the data, then
times every case in this one run: one warm-up and N timed runs each, median wall time and
peak RSS. See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from cases import Probe, Row, chrono_cases, chrono_rows, jrnl_cases, jrnl_rows, probe
from dataset import Params
from generate import LAYOUTS, Generated, ensure
from measure import Result, measure
from report import HEADERS, ms, render, table_cells, verdict_table, verdicts
from venvs import JRNL_VERSION, SetupError, Venv, ensure_chrono, ensure_jrnl

HERE = Path(__file__).resolve().parent
Counter = Callable[[bytes, bytes], int | None]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument(
        "--sizes",
        default="1000,10000",
        help="event counts, comma-separated; 10k works too (default 1000,10000)",
    )
    parser.add_argument("--full", action="store_true", help="add 100,000 events to the sizes")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per case (default 5)")
    parser.add_argument(
        "--layouts",
        default=",".join(LAYOUTS),
        help=f"collection layouts (default {','.join(LAYOUTS)})",
    )
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--no-jrnl", action="store_true", help="skip jrnl (no venv, no runs)")
    parser.add_argument("--regenerate", action="store_true", help="regenerate the data")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="work folder")
    args = parser.parse_args(argv)
    args.sizes = _sizes(args.sizes, args.full)
    args.layouts = [name for name in args.layouts.split(",") if name]
    if bad := [name for name in args.layouts if name not in LAYOUTS]:
        parser.error(f"unknown layout {bad[0]!r}; choose from {', '.join(LAYOUTS)}")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def _sizes(text: str, full: bool) -> list[int]:
    sizes = [int(float(s[:-1]) * 1000) if s.lower().endswith("k") else int(s)
             for s in text.replace(" ", "").split(",") if s]  # fmt: skip
    if full and 100000 not in sizes:
        sizes.append(100000)
    return sorted(set(sizes))


def bench_env(out: Path) -> dict[str, str]:
    """The environment of every timed process: no Python or chrono settings of the caller,
    and XDG folders inside `out`, so nothing is read from or written to the user's home."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "CHRONO_")) and key != "VIRTUAL_ENV"
    }
    for name in ("CONFIG", "DATA", "CACHE", "STATE"):
        folder = out / "xdg" / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[f"XDG_{name}_HOME"] = str(folder)
    return env


class Bench:
    """Runs the cases of one benchmark run and collects the rows."""

    def __init__(self, args: argparse.Namespace, chrono: Venv, jrnl: Venv | None) -> None:
        self.args = args
        self.chrono, self.jrnl = chrono, jrnl
        self.env = bench_env(args.out)
        self.cwd = str(args.out / "work")
        os.makedirs(self.cwd, exist_ok=True)
        self.probe: Probe = probe(chrono.bin("chrono"), self.env, self.cwd)
        self.rows: list[Row] = []

    def timed(self, argv: list[str], label: str, rows: Counter | None = None) -> Result:
        """Measure one case and say so on stderr, so a long run shows its progress."""
        result = measure(argv, self.env, self.cwd, self.args.runs, count_rows=rows)
        shown = f"{ms(result.median_ms)} ms" if result.ok else result.note
        print(f"bench: {label:<64} {shown}", file=sys.stderr, flush=True)
        return result

    def jrnl_argv(self, data: Generated, *args: str) -> list[str]:
        assert self.jrnl is not None
        return [self.jrnl.bin("jrnl"), "--config-file", str(data.jrnl_config), *args]

    def startup(self, data: Generated) -> Result:
        """Start-up rows; returns the interpreter floor."""
        floor = self.timed([self.chrono.python, "-c", "pass"], "python -c pass (floor)")
        self.rows.append(Row("floor", "python -c pass (interpreter floor)", chrono=floor))
        jrnl_help = self.timed(self.jrnl_argv(data, "--help"), "jrnl --help") if self.jrnl else None
        chrono = self.chrono.bin("chrono")
        main_help = self.timed([chrono, "--help"], "chrono --help")
        self.rows.append(Row("help", "chrono --help", chrono=main_help, jrnl=jrnl_help))
        for command in self.probe.commands:
            label = f"chrono {command} --help"
            result = self.timed([chrono, command, "--help"], label)
            self.rows.append(Row(f"help-{command}", label, chrono=result))
        return floor

    def collection(self, size: int, data: Generated) -> None:
        """Every case on one generated collection: jrnl first, then each layout."""
        rare, common = data.manifest["rare"], data.manifest["common"]
        jrnl: dict[str, Result] = {}
        if self.jrnl:
            for key, args in jrnl_cases(rare["tag"], common["tag"], rare["name"]).items():
                label = f"{size:>7} jrnl {' '.join(args)}"
                counter = None if key == "markdown" else jrnl_rows
                jrnl[key] = self.timed(self.jrnl_argv(data, *args), label, counter)
        expected = {"rare": rare["count"], "common": common["count"]}
        for layout in self.args.layouts:
            for case in chrono_cases(rare["name"], common["name"]):
                row = Row(case.key, case.label, size, layout, expected.get(case.expected or ""))
                row.chrono = self._chrono(case.command, case.args, case.cold, data, layout, row)
                row.jrnl = jrnl.get(case.jrnl) if case.jrnl else None
                self.rows.append(row)
        if "contains" in jrnl:
            self.rows.append(Row("jrnl-contains", "jrnl -contains <rare>", size, "-",
                                 rare["count"], jrnl=jrnl["contains"]))  # fmt: skip

    def _chrono(
        self, command: str, args: Sequence[str], cold: bool, data: Generated, layout: str, row: Row
    ) -> Result:
        if command not in self.probe.commands:
            return Result(note=f"n/a: no `chrono {command}` yet")
        flags = self.probe.cold(command) if cold else []
        if cold and not flags:
            row.notes.append(f"`chrono {command}` has no --no-cache flag: run as-is")
        argv = [self.chrono.bin("chrono"), command, "--events", str(data.layout(layout))]
        label = " ".join(
            [f"{data.manifest['events']:>7} {layout:<9} chrono", command, *args, *flags]
        )
        counter = chrono_rows if command == "show" else None
        return self.timed([*argv, *args, *flags], label, counter)


def _meta(
    args: argparse.Namespace, bench: Bench, digest: str, data: dict[int, Generated]
) -> dict[str, Any]:
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "runs": args.runs,
        "sizes": args.sizes,
        "layouts": args.layouts,
        "seed": args.seed,
        "chrono_source_hash": digest,
        "chrono_commands": list(bench.probe.commands),
        "no_cache_flag": sorted(bench.probe.no_cache),
        "jrnl": None if args.no_jrnl else JRNL_VERSION,
        "data": {
            str(s): {k: v for k, v in g.manifest.items() if k != "params"} for s, g in data.items()
        },
    }


def _header(meta: dict[str, Any], floor: Result) -> list[str]:
    sizes = ", ".join(f"{s:,}" for s in meta["sizes"])
    no_cache = ", ".join(meta["no_cache_flag"]) or "no command"
    return [
        f"chrono vs jrnl {meta['jrnl'] or '(skipped)'}: median of {meta['runs']} runs after 1 "
        f"warm-up; sizes {sizes}; {meta['cpus']} CPUs; {meta['date']}",
        f"chrono source {meta['chrono_source_hash']}; commands: {', '.join(meta['chrono_commands'])}; "
        f"--no-cache offered by: {no_cache}",
        f"Interpreter start-up floor (chrono venv python -c pass): {ms(floor.median_ms)} ms",
    ]


def _notes(rows: Sequence[Row]) -> list[str]:
    """Row notes, and why each failed or skipped measurement has no figure."""
    notes = {note for row in rows for note in row.notes}
    for row in rows:
        for tool, result in (("chrono", row.chrono), ("jrnl", row.jrnl)):
            if result and not result.ok:
                where = (
                    f" ({row.size:,} {row.layout})"
                    if row.size and "no `chrono" not in result.note
                    else ""
                )
                notes.add(f"{tool} {row.case}{where}: {result.note}")
    return sorted(notes)


def write_results(out: Path, meta: dict[str, Any], rows: list[Row], header: list[str]) -> None:
    found = verdicts(rows, meta["layouts"])
    payload = {"meta": meta, "rows": [r.as_dict() for r in rows],
               "targets": [v.as_dict() for v in found]}  # fmt: skip
    (out / "results.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    markdown = [*(f"{line}  " for line in header), "",
                render(HEADERS, table_cells(rows), markdown=True), "",
                verdict_table(found, markdown=True), ""]  # fmt: skip
    markdown += [f"- {note}" for note in _notes(rows)]
    (out / "results.md").write_text("\n".join(markdown).rstrip() + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        chrono, digest = ensure_chrono(args.out / "venvs")
        jrnl = None if args.no_jrnl else ensure_jrnl(args.out / "venvs")
    except SetupError as err:
        print(f"bench: error: {err}", file=sys.stderr)
        return 1
    # Every run starts without chrono's index cache: warm figures are those of a cache that
    # this run's warm-up built, never one left by an older chrono.
    shutil.rmtree(args.out / "xdg" / "cache", ignore_errors=True)
    bench = Bench(args, chrono, jrnl)
    if not bench.probe.commands:
        print(f"bench: error: `chrono --help` fails: {bench.probe.help_error}", file=sys.stderr)
        return 1
    data = {}
    for size in args.sizes:
        print(f"bench: data for {size:,} events…", file=sys.stderr, flush=True)
        data[size] = ensure(Params(size, args.seed), args.out / "data", args.regenerate)
    floor = bench.startup(data[args.sizes[0]])
    for size in args.sizes:
        bench.collection(size, data[size])
    meta = _meta(args, bench, digest, data)
    header = _header(meta, floor)
    write_results(args.out, meta, bench.rows, header)
    print("\n".join(["", *header, "", render(HEADERS, table_cells(bench.rows), markdown=False)]))
    print("\nTargets\n" + verdict_table(verdicts(bench.rows, args.layouts), markdown=False))
    for note in _notes(bench.rows):
        print(f"note: {note}")
    print(f"\nWrote {args.out / 'results.json'} and {args.out / 'results.md'}")
    print(f"Whole run: {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
