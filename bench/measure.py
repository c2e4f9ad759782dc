"""Time whole processes: wall time and peak resident memory of each run.

Each run is one process whose stdout is a pipe that is read to the end and thrown away, as
a pager would read it. ``getrusage(RUSAGE_CHILDREN)`` cannot give one child's peak (it keeps
the maximum over all children), so each child is reaped with `os.wait4`, which returns its
own ``ru_maxrss``.

That alone is not enough on Linux: a process's ``ru_maxrss`` starts at the peak of the memory
it was exec'd from, and `subprocess` execs from a vfork of this (large) process, so every
child would report at least this process's size. Each command is therefore started by a
tiny launcher (``python -S``, a few MiB) that forks, execs the command, times it, reaps it
with `os.wait4` and writes the figures to a file. The launcher's own start-up is not timed.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

_CHUNK = 1 << 16

#: Run by ``python -S -E -c``: argv is [report file, command...]. Standard library only,
#: no site: the fork copies as little memory as possible.
LAUNCHER = r"""
import os, sys, time
report, argv = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(argv[0], argv)
    except OSError as err:
        os.write(2, f"cannot run {argv[0]}: {err}\n".encode())
    os._exit(127)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
with open(report, "w") as out:
    out.write(f"{seconds!r} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


@dataclass(frozen=True)
class Run:
    """One finished process."""

    seconds: float
    max_rss_kib: int  # Linux reports ru_maxrss in KiB
    exit_code: int
    stdout_bytes: int
    stdout: bytes = b""  # kept only when asked for (the warm-up)
    stderr: bytes = b""


@dataclass(frozen=True)
class Result:
    """A case measured N times after one warm-up, or why it was not."""

    median_ms: float | None = None
    peak_mib: float | None = None
    runs_ms: list[float] = field(default_factory=list)
    rows: int | None = None
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.median_ms is not None

    def as_dict(self) -> dict[str, object]:
        return {
            "median_ms": self.median_ms,
            "peak_mib": self.peak_mib,
            "runs_ms": self.runs_ms,
            "rows": self.rows,
            "note": self.note,
        }


def run_once(
    argv: Sequence[str], env: Mapping[str, str], cwd: str, keep_output: bool = False
) -> Run:
    """Run `argv` through the launcher, read its stdout to the end, and report the figures."""
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        report = os.path.join(tmp, "report")
        err_path = os.path.join(tmp, "stderr")
        chunks: list[bytes] = []
        size = 0
        with open(err_path, "wb") as err:
            proc = subprocess.Popen(
                [sys.executable, "-S", "-E", "-c", LAUNCHER, report, *argv],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err,
                env=dict(env), cwd=cwd,
            )  # fmt: skip
            assert proc.stdout is not None
            fd = proc.stdout.fileno()
            while chunk := os.read(fd, _CHUNK):
                size += len(chunk)
                if keep_output:
                    chunks.append(chunk)
            proc.stdout.close()
            launcher_code = proc.wait()
        with open(err_path, "rb") as err_in:
            stderr = err_in.read()
        if launcher_code != 0 or not os.path.exists(report):
            return Run(0.0, 0, launcher_code or 127, size, b"".join(chunks), stderr)
        with open(report, encoding="utf-8") as handle:
            seconds, max_rss, code = handle.read().split()
    return Run(float(seconds), int(max_rss), int(code), size, b"".join(chunks), stderr)


def measure(
    argv: Sequence[str],
    env: Mapping[str, str],
    cwd: str,
    runs: int,
    count_rows: Callable[[bytes, bytes], int | None] | None = None,
    ok_codes: Sequence[int] = (0,),
) -> Result:
    """One warm-up run (its output checked, and counted by `count_rows`), then `runs` timed
    runs. Peak memory is the largest of all of them, warm-up included."""
    warm = run_once(argv, env, cwd, keep_output=True)
    if warm.exit_code not in ok_codes:
        return Result(note=f"exit {warm.exit_code}: {_last_line(warm.stderr or warm.stdout)}")
    rows = count_rows(warm.stdout, warm.stderr) if count_rows else None
    timed = [run_once(argv, env, cwd) for _ in range(runs)]
    bad = [r for r in timed if r.exit_code not in ok_codes]
    if bad:
        return Result(note=f"exit {bad[0].exit_code} in a timed run")
    return Result(
        median_ms=statistics.median(r.seconds for r in timed) * 1000,
        peak_mib=max(r.max_rss_kib for r in [warm, *timed]) / 1024,
        runs_ms=[round(r.seconds * 1000, 1) for r in timed],
        rows=rows,
    )


def _last_line(text: bytes) -> str:
    lines = [line for line in text.decode("utf-8", "replace").splitlines() if line.strip()]
    return lines[-1].strip()[:120] if lines else "no output"
