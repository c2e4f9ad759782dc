"""Peak memory, CPU and wall time of chrono commands, one checkout against another.

    python bench/peak.py NAME CHECKOUT DATA "export --format csv" ["show --actor 'Mehdi Sana'" ...]

Runs each command (split as a shell would) on the collection DATA with the chrono of CHECKOUT (its folder, put
first on the path; `-P` keeps the current folder off it), once to warm the index, then
$REPS times (default 3), with stdout and stderr sent to /dev/null. Prints the median wall
and CPU (user + system) time and the largest peak RSS, read with `os.wait4` for the
command's own process. The index goes to `bench/out/peak-cache-NAME` of this checkout.
Wall time on a busy machine measures the other processes; CPU time is the command's own.
"""

from __future__ import annotations

import os
import shlex
import statistics
import sys
import time
from pathlib import Path

CACHE = Path(__file__).resolve().parent / "out"


def run(name: str, checkout: str, data: str, args: list[str]) -> tuple[float, float, float]:
    """(wall seconds, peak MiB, CPU seconds) of one command."""
    env = dict(os.environ, PYTHONPATH=checkout, CHRONO_CACHE_DIR=str(CACHE / f"peak-cache-{name}"))
    argv = [
        sys.executable,
        "-P",
        "-c",
        "from chrono.cli import main; main()",
        *args,
        "--events",
        data,
    ]
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.execve(sys.executable, argv, env)
    _, _status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def main(argv: list[str]) -> None:
    name, checkout, data, *cases = argv
    reps = int(os.environ.get("REPS", "3"))
    for case in cases:
        args = shlex.split(case)
        run(name, checkout, data, args)  # builds or refreshes the index
        results = [run(name, checkout, data, args) for _ in range(reps)]
        wall = statistics.median(r[0] for r in results)
        peak = max(r[1] for r in results)
        cpu = statistics.median(r[2] for r in results)
        load = os.getloadavg()[0]
        print(f"{name:8} {case:40} wall {wall:6.2f} s  cpu {cpu:6.2f} s  "
              f"peak {peak:5.0f} MiB  load {load:.1f}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
