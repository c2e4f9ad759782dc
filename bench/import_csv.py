"""How long `chrono import` takes on a 100,000-row CSV, beside Python's csv module alone.

    python bench/import_csv.py [--rows 100000] [--runs 3] [--out bench/out/import]

Writes a CSV of synthetic rows (date, title, actors, tags, url, summary; a fixed seed)
once, then times whole processes with `measure.run_once` (wall time and each process's own
peak memory): Python's csv module reading every row, then `chrono import --from csv`
writing the events into a fresh folder each run. Prints the medians side by side.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import statistics
import sys
from pathlib import Path

from measure import run_once

HERE = Path(__file__).resolve().parent
READ_ONLY = "import csv, sys\nwith open(sys.argv[1], newline='', encoding='utf-8') as f:\n    sum(1 for _ in csv.reader(f))\n"
WORDS = [
    "talks",
    "arms",
    "deal",
    "delivery",
    "missile",
    "jets",
    "tanks",
    "visit",
    "minister",
    "meeting",
    "report",
    "sanctions",
]
ACTORS = ["Iran", "Russia", "IRGC", "Hossein Dehghan", "Sergei Shoigu", "Quds Force"]


def write_csv(path: Path, rows: int) -> None:
    rng = random.Random(11)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["date", "title", "actors", "tags", "url", "summary"])
        for n in range(rows):
            year, month, day = rng.randint(1990, 2024), rng.randint(1, 12), rng.randint(1, 28)
            date = rng.choice([f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}"])
            title = " ".join(rng.choices(WORDS, k=6)).capitalize() + f" {n}"
            actors = "; ".join(rng.sample(ACTORS, rng.randint(1, 3)))
            summary = " ".join(rng.choices(WORDS, k=40))
            writer.writerow(
                [date, title, actors, rng.choice(WORDS), f"https://example.org/{n}", summary]
            )


def timed(argv: list[str], runs: int, before: object = None) -> tuple[float, float, float]:
    """(median wall seconds, median CPU seconds, largest peak MiB) over `runs` runs. CPU
    time (user + system, the launcher's too) says what a busy machine's wall time hides."""
    seconds, cpu, peaks = [], [], []
    for _ in range(runs):
        if callable(before):
            before()
        used = _cpu()
        run = run_once(argv, dict(os.environ), str(HERE.parent))
        cpu.append(_cpu() - used)
        if run.exit_code != 0:
            sys.exit(
                f"{argv[0]} failed ({run.exit_code}): {run.stderr.decode(errors='replace')[-500:]}"
            )
        seconds.append(run.seconds)
        peaks.append(run.max_rss_kib / 1024)
    return statistics.median(seconds), statistics.median(cpu), max(peaks)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "out" / "import")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    data = args.out / f"rows-{args.rows}.csv"
    if not data.exists():
        write_csv(data, args.rows)
    target = args.out / "collection"
    chrono = str(Path(sys.executable).with_name("chrono"))

    def fresh() -> None:
        shutil.rmtree(target, ignore_errors=True)

    python = [sys.executable, "-S", "-c", READ_ONLY, str(data)]
    imports = [chrono, "import", str(data), "--from", "csv", "--into", str(target)]
    base = timed(python, args.runs)
    full = timed(imports, args.runs, fresh)
    size = data.stat().st_size / 2**20
    load = os.getloadavg()[0]
    print(
        f"{args.rows:,} rows, {size:.1f} MiB CSV; median of {args.runs} runs; peak memory per process"
    )
    print(
        f"load average {load:.1f} on {os.cpu_count()} cores (CPU time is what a busy machine's wall time hides)"
    )
    print(f"{'work':<38} {'wall':>8} {'cpu':>8} {'peak':>9}")
    for name, (wall, cpu, peak) in (
        ("Python csv module, read every row", base),
        ("chrono import --from csv --into DIR", full),
    ):
        print(f"{name:<38} {wall:>7.2f}s {cpu:>7.2f}s {peak:>5.0f} MiB")
    print(
        f"target: <= 10 s and <= 300 MiB for 100,000 rows; chrono/csv: {full[0] / base[0]:.0f}x wall, {full[1] / base[1]:.0f}x cpu"
    )


if __name__ == "__main__":
    main()
