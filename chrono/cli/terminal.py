"""Everything the CLI writes goes through here: terminal-safe text and a quiet closed pipe.

Event files are hostile input. A title holding ``ESC ] 2 ; ... BEL`` would retitle the
terminal, ``ESC [ 2 J`` clear it, ``CR`` overwrite the line before, and a bidi override
reorder what the reader sees. `safe` writes every such character as a ``\\uXXXX`` escape
(valid inside a JSON string, so JSON output stays JSON and decodes to the same text);
tabs, line feeds and the CR of a CRLF line end pass through.

A reader that stops early (``chrono show | head -1``) closes the pipe: that is not a data
problem, so the command stops without a word and exits 141, as a Unix tool killed by
SIGPIPE does.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sys
from collections.abc import Iterable, Iterator

import typer

CLOSED_PIPE_EXIT = 141  # 128 + SIGPIPE


@functools.cache  # compiled on first output, not at start-up (`--help` never needs it)
def unsafe_pattern() -> re.Pattern[str]:
    """C0 controls except tab and line feed, CR not ending a line, DEL, C1 controls, and
    the Unicode bidi controls (ALM, LRM, RLM, embeddings, overrides, isolates)."""
    return re.compile(
        "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)"
    )


def safe(text: str) -> str:
    """`text` with every control character that could act on a terminal escaped."""
    # Every character `unsafe_pattern` matches is unprintable to str.isprintable, which runs in C
    # at a fraction of the regular expression's cost: most output has none, and is done.
    if text.replace("\r\n", "").replace("\n", "").replace("\t", "").isprintable():
        return text
    return unsafe_pattern().sub(lambda m: f"\\u{ord(m.group()):04x}", text)


@contextlib.contextmanager
def closed_pipe_is_quiet() -> Iterator[None]:
    """Turn a reader closing stdout into a silent exit 141. Stdout is pointed at the null
    device first, so the interpreter's last flush has nowhere to fail."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(CLOSED_PIPE_EXIT) from None


def out(text: str = "", nl: bool = True) -> None:
    """One piece of text to stdout, terminal-safe."""
    write([text + ("\n" if nl else "")])


def err(text: str) -> None:
    """One line to stderr, terminal-safe."""
    with contextlib.suppress(BrokenPipeError):
        typer.echo(safe(text), err=True)


def write(pieces: Iterable[str], escape: bool = True) -> None:
    """Pieces of output to stdout as they are made; `escape=False` only for a file format
    written to a pipe or a file, never to a terminal."""
    with closed_pipe_is_quiet():
        stream = sys.stdout
        for piece in pieces:
            stream.write(safe(piece) if escape else piece)


def stdout_is_terminal() -> bool:
    """Whether stdout is a terminal (a file format is escaped only then)."""
    return sys.stdout.isatty()
