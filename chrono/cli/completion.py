"""Shell completion of the values a collection knows: actor names, tags, source keys.

`chrono --install-completion` (typer's) installs the completion script for the running
shell. The functions here are asked for candidates while the user types; they read the
collection named by the command's own --events (or the default), from the index when it
can, and never print: a folder that cannot be read offers nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from chrono.results import Collection


def _collection(ctx: typer.Context) -> Collection | None:
    from chrono.cli.common import use_cache
    from chrono.load import default_dirs
    from chrono.pipeline import CollectionError, load_collection

    try:
        return load_collection(default_dirs(ctx.params.get("events") or []), cache=use_cache(False))
    except (CollectionError, OSError):
        return None


def _matching(names: list[str], incomplete: str) -> list[str]:
    return sorted({n for n in names if n.startswith(incomplete)}, key=str.casefold)


def _completer(kind: str) -> Callable[[typer.Context, str], list[str]]:
    """A typer `autocompletion` function for one kind of name (typer keeps the candidates
    that start with what was typed, case and all, as shells do)."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        from chrono import inventory

        collection = _collection(ctx)
        if collection is None:
            return []
        if kind == "actors":
            names = inventory.names(inventory.actor_rows(collection))
        elif kind == "tags":
            names = inventory.names(inventory.tag_rows(collection))
        else:
            names = inventory.names(inventory.source_rows(collection), "key")
        return _matching(names, incomplete)

    return complete


complete_actors = _completer("actors")
complete_tags = _completer("tags")
complete_sources = _completer("sources")


def complete_statuses(incomplete: str) -> list[str]:
    from chrono.model import STATUSES

    return _matching(list(STATUSES), incomplete)
