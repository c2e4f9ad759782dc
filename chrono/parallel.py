"""Parsing many files on several cores: forked workers, results passed back as marshal data.

`map_files` runs a function over a list of files and returns its results in the files'
order, exactly as a loop would. When the files are many and large enough to repay a fork
(`POOL_BYTES`), and the platform forks (Linux), the list is cut into contiguous shares of
about equal size: each forked worker takes one share, the parent takes the first, and
each worker writes its encoded results into an anonymous in-memory file that the parent
reads once the worker has exited. Elsewhere, or for a small collection, it is the loop.

What a worker sends back is plain data (tuples, strings, numbers) written with `marshal`:
between a parent and the child it forked, the same Python on both sides, that is the
cheapest form there is, and it can hold nothing but data. A worker that fails in any way
(an exception, a signal, a result that cannot be read) costs its share being done again
in the parent, so the answer, and any error, is the one the loop would have given.

`CHRONO_WORKERS` sets how many processes share the work (1: no pool); by default, the
number of cores this process may run on, at most `MAX_WORKERS`.
"""

from __future__ import annotations

import itertools
import marshal
import os
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

#: Below this many bytes of files, forking costs more than it saves (~3,000 events).
POOL_BYTES = 4 * 2**20
#: Beyond this many processes the parent's own share of the work (decoding) dominates.
MAX_WORKERS = 8


def workers() -> int:
    """How many processes may share a load: $CHRONO_WORKERS, else the usable cores (≤ 8)."""
    given = os.environ.get("CHRONO_WORKERS", "").strip()
    if given.isdigit():
        return max(1, int(given))
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def map_files(
    paths: Sequence[str],
    sizes: Sequence[int],
    work: Callable[[str], T],
    encode: Callable[[T], object],
    decode: Callable[[object], T],
) -> list[T]:
    """``[work(p) for p in paths]``, shared among forked workers when that pays.

    `sizes` are the files' sizes in bytes; `encode` turns a result into marshal data in a
    worker and `decode` turns it back in the parent.
    """
    count = min(workers(), len(paths))
    if count < 2 or sum(sizes) < POOL_BYTES or not _can_fork():
        return [work(path) for path in paths]
    shares = split(sizes, count)
    children = [_start(paths[lo:hi], work, encode) for lo, hi in shares[1:]]
    lo, hi = shares[0]
    try:
        results = [work(path) for path in paths[lo:hi]]  # the parent's own share
    except BaseException:
        _abandon(children)  # no worker outlives the call, nor stays a zombie
        raise
    for (lo, hi), child in zip(shares[1:], children, strict=True):
        decoded = _finish(child, hi - lo, decode)
        results += decoded if decoded is not None else [work(path) for path in paths[lo:hi]]
    return results


def split(sizes: Sequence[int], count: int) -> list[tuple[int, int]]:
    """Cut `sizes` into `count` contiguous (start, stop) ranges of about equal total size,
    none empty (for 1 ≤ `count` ≤ len(sizes))."""
    total = sum(sizes)
    bounds = [0]
    running = 0
    for index, size in enumerate(sizes[:-1]):
        running += size
        placed = len(bounds)  # the boundary to place next
        if placed == count:
            break
        if running * count >= placed * total or len(sizes) - index - 1 == count - placed:
            bounds.append(index + 1)
    bounds.append(len(sizes))
    return list(itertools.pairwise(bounds))


def _can_fork() -> bool:
    """Linux, and no other thread: a thread holding a lock at the fork would leave it held
    forever in the worker (the command line has none; a program using the library may)."""
    import threading

    return (
        sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1
    )


_Child = tuple[int, int]  # process id, file descriptor of its results


def _start(paths: Sequence[str], work: Callable[[str], T], encode: Callable[[T], object]) -> _Child:
    """Fork a worker for `paths`; (0, -1) when no worker could be started."""
    try:
        fd = _memory_file()
    except OSError:
        return 0, -1
    try:
        pid = os.fork()
    except OSError:
        os.close(fd)
        return 0, -1
    if pid == 0:  # the worker: never returns
        code = 1
        try:
            data = marshal.dumps([encode(work(path)) for path in paths])
            with os.fdopen(fd, "wb", closefd=False) as out:
                out.write(data)
            code = 0
        finally:
            os._exit(code)  # no atexit handlers, no flushing of the parent's buffers
    return pid, fd


def _memory_file() -> int:
    """A file descriptor of an anonymous file, in memory where the system allows."""
    try:
        return os.memfd_create("chrono-worker", os.MFD_CLOEXEC)
    except (AttributeError, OSError):
        import tempfile

        return os.dup(tempfile.TemporaryFile().fileno())


def _abandon(children: list[_Child]) -> None:
    import signal

    for pid, fd in children:
        if pid:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            os.close(fd)


def _finish(child: _Child, expected: int, decode: Callable[[object], T]) -> list[T] | None:
    """The worker's decoded results; None if it failed (its share is then done again)."""
    pid, fd = child
    if pid == 0:
        return None
    try:
        _, status = os.waitpid(pid, 0)
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
            return None
        with os.fdopen(os.dup(fd), "rb") as handle:
            handle.seek(0)
            data = marshal.loads(handle.read())
        if type(data) is not list or len(data) != expected:
            return None
        return [decode(item) for item in data]
    except (OSError, ValueError, EOFError, TypeError):
        return None
    finally:
        os.close(fd)
