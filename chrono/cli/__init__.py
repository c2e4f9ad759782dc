"""The command line: the only package that uses typer or rich, prints, or exits.

Commands are thin: read options, call the library, render, map problems to exit codes
(0 clean, 1 problems in the data, 2 usage errors). One module per command.
"""

from __future__ import annotations

from chrono.cli import (  # noqa: F401 - they register commands
    add,
    check,
    export,
    extract,
    importing,
    merge,
    registries,
    show,
    timeline,
)
from chrono.cli.app import app, main

__all__ = ["app", "main"]
