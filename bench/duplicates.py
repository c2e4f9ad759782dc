"""Duplicate detection: precision and recall on the labelled corpus, time and memory at scale.

    python bench/duplicates.py                 # the labelled corpus, then 10,000 events
    python bench/duplicates.py --sizes 10k,100k

Runs in-process with the chrono of this checkout (it needs rapidfuzz: run it with the
project's .venv). The collections are the synthetic ones of `bench/generate.py` (per-year
layout, generated into bench/out/data/ if missing). Loading, and taking each event's facts
(what `chrono check` reads from the index), are not timed; the figures are for the
duplicate pass over the facts (`duplicate_facts`) alone: wall-clock and CPU time, median of `--runs` (CPU time is
the fairer figure on a shared machine), and its peak of traced memory (tracemalloc, run
once separately since tracing slows it down).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tomllib
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from dataset import Params  # noqa: E402
from generate import ensure  # noqa: E402

from chrono.corroborate.blocking import candidate_pairs, profiles  # noqa: E402
from chrono.corroborate.duplicates import duplicate_facts, likely_duplicates, pair_keys  # noqa: E402
from chrono.corroborate.facts import facts_of  # noqa: E402
from chrono.pipeline import load_collection  # noqa: E402

CORPUS = ROOT / "tests" / "corroborate_corpus"


def labelled() -> str:
    """Precision and recall of possible-duplicate on the labelled corpus."""
    dirs = [str(ROOT / "events"), str(CORPUS / "wire"), str(CORPUS / "analyst")]
    collection = load_collection(dirs)
    found = pair_keys(likely_duplicates(collection.events, collection.registry))
    pairs = tomllib.loads((CORPUS / "pairs.toml").read_text(encoding="utf-8"))["pairs"]
    truth = {tuple(sorted(p)) for p in pairs}
    hits = len(found & truth)
    precision = hits / len(found) if found else 1.0
    return (
        f"labelled corpus ({len(collection.events)} events, {len(truth)} true pairs): "
        f"{len(found)} reported, {hits} true; precision {precision:.2f}, "
        f"recall {hits / len(truth):.2f}"
    )


def at_scale(size: int, runs: int) -> str:
    """Time and peak traced memory of the duplicate pass over `size` synthetic events."""
    root = ensure(Params(events=size)).layout("per-year")
    collection = load_collection([str(root)])
    events, registry = [facts_of(e) for e in collection.events], collection.registry
    compared = sum(1 for _ in candidate_pairs(profiles(events, registry)))
    times, cpu, found = [], [], 0
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        found = len(duplicate_facts(events, registry))
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    tracemalloc.start()
    duplicate_facts(events, registry)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return (
        f"{len(events):,} events: {statistics.median(times):.2f} s median of {runs} "
        f"(min {min(times):.2f}; CPU {statistics.median(cpu):.2f} s), "
        f"peak {peak / 2**20:.0f} MiB traced; "
        f"{compared:,} pairs compared, {found:,} reported"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k", help="event counts, comma-separated (10k)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per size")
    args = parser.parse_args(argv)
    print(labelled(), flush=True)
    for text in args.sizes.split(","):
        size = int(text.lower().replace("k", "000"))
        print(at_scale(size, args.runs), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
