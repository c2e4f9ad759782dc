"""`make bench-extract`: chrono extract against the keyed articles, dateparser beside it.

Prints one row per article and a total, then the time `chrono extract` takes on a page of
about 2,000 words, over and above the start-up of `chrono --help`.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.extract_score import Score, keys, score_chrono, score_dateparser

CHRONO = str(Path(sys.executable).with_name("chrono"))


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def _row(name: str, c: Score, d: Score) -> str:
    cells = [
        name, str(c.keyed), f"{c.found} ({_pct(c.found, c.keyed)})",
        _pct(c.relevant, c.dated), f"{c.exact} ({_pct(c.exact, c.keyed)})",
        str(c.wrong), str(c.refused), f"{c.invented}/{c.skipped_keyed}",
        f"{d.exact} ({_pct(d.exact, d.keyed)})", str(d.wrong), f"{d.invented}/{d.skipped_keyed}",
    ]  # fmt: skip
    return "| " + " | ".join(cells) + " |"


def table() -> tuple[str, Score]:
    """The evaluation table in Markdown, and chrono's total."""
    head = (
        "| article | keyed | found (recall) | precision | exact | wrong | refused | invented "
        "| dateparser exact | dateparser wrong | dateparser invented |"
    )
    lines = [head, "|" + "---|" * 11]
    total_c, total_d = Score(), Score()
    for path, key, text in keys():
        c, d = score_chrono(key, text), score_dateparser(key)
        total_c.add(c)
        total_d.add(d)
        lines.append(_row(path.name.removesuffix(".key.toml"), c, d))
    lines.append(_row("**total**", total_c, total_d))
    return "\n".join(lines), total_c


def _page() -> str:
    words: list[str] = []
    for _path, _key, text in keys():
        words += text.split(" ")
        if len(words) >= 2000:
            break
    return " ".join(words[:2000])


def _median_ms(args: list[str], runs: int = 7) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of a command, in ms."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def timing() -> str:
    """Median wall time of `chrono extract` on a 2,000-word page, less `chrono --help`."""
    with tempfile.TemporaryDirectory() as folder:
        page = os.path.join(folder, "page.txt")
        Path(page).write_text(_page(), encoding="utf-8")
        startup, startup_cpu = _median_ms([CHRONO, "--help"])
        run, run_cpu = _median_ms(
            [CHRONO, "extract", page, "--published", "2016-04-18", "-f", "json"]
        )
    warm = _in_process_ms(_page())
    return (
        f"chrono extract on a 2,000-word page, median of 7 (target ≤ 300 ms over start-up):\n"
        f"  wall: {run:.0f} ms, chrono --help {startup:.0f} ms, {run - startup:.0f} ms over start-up\n"
        f"  CPU:  {run_cpu:.0f} ms, chrono --help {startup_cpu:.0f} ms, "
        f"{run_cpu - startup_cpu:.0f} ms over start-up\n"
        f"  in process, imports done: {warm:.0f} ms of CPU per page"
    )


def _in_process_ms(text: str, runs: int = 5) -> float:
    """CPU time of extract() on the page, less affected by other load than wall time."""
    from chrono.extract import Article, extract

    extract(Article("page", text), "2016-04-18")  # imports and compiled patterns
    times = []
    for _ in range(runs):
        start = time.process_time()
        extract(Article("page", text), "2016-04-18")
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


if __name__ == "__main__":
    text, total = table()
    print(text)
    print()
    print(timing())
    if "-v" in sys.argv:
        for path, key, article in keys():
            for miss in score_chrono(key, article).misses:
                print(f"{path.name}: {miss}")
