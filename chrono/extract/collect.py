"""Putting drafts into a collection: the source they cite, then one file per event.

Every event goes through `chrono add`'s checks and atomic, never-overwriting write. An
event whose quote and date the collection already holds is left out, so extracting the
same article twice adds nothing the second time.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from chrono.extract.drafting import Draft
from chrono.model import Source
from chrono.results import Collection
from chrono.write import atomic_write

__all__ = ["CollectError", "Written", "collection_lock", "draft_source", "write_drafts"]


class CollectError(ValueError):
    """The drafts cannot be written; nothing further was written."""


@dataclasses.dataclass(frozen=True, slots=True)
class Written:
    """What `write_drafts` did: files written, drafts already present, new source key."""

    paths: list[Path]
    present: int
    new_source: str | None


@contextmanager
def collection_lock(root: str) -> Iterator[None]:
    """Hold an exclusive lock on the collection at `root`, so that extracts into it run
    their load-check-write one after another: a draft two of them hold is written once, and
    neither loses the other's sources.toml entry. The lock file lives in chrono's cache
    folder, named after the collection's real path, never in the collection."""
    try:
        import fcntl
    except ImportError:  # no advisory locks on this system: each run is still atomic
        yield
        return
    import hashlib

    from chrono.index.store import cache_dir

    name = hashlib.sha256(os.path.realpath(root).encode()).hexdigest()[:24]
    folder = cache_dir() / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"{name}.lock", "a", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def draft_source(
    title: str | None,
    site: str | None,
    url: str | None,
    author: str | None,
    published: str,
    fallback: str,
    collection: Collection | None = None,
) -> tuple[str, dict[str, Any]]:
    """A sources.toml key and entry from the page's metadata; an entry of the collection
    with the same URL is reused as it is."""  # fmt: skip
    if url and collection is not None:
        for key, source in collection.sources.items():
            if source.url == url:
                return key, {}
    words = re.findall(r"[a-z0-9]+", f"{site or ''} {title or fallback}".casefold())
    key = "-".join(words[:8])[:60].rstrip("-") or "article"
    entry = {"title": title, "publisher": site, "url": url, "author": author}
    return key, {k: v for k, v in entry.items() if v} | {"published": published}


def write_drafts(
    drafts: Sequence[Draft],
    collection: Collection,
    root: str,
    source: tuple[str, dict[str, Any]] | None,
) -> Written:
    """Write the new source (if any) into root/sources.toml, then each draft not already
    in the collection as root/<year>/<id>.toml. Raises CollectError on the first refusal."""  # fmt: skip
    from chrono.add import AddError, NewEvent, plan_add, write_event

    held = {(c.quote, e.date.text) for e in collection.events for c in e.citations}
    todo = [d for d in drafts if (_quote(d), d.table["date"]) not in held]
    new_key = None
    if source is not None and source[1] and source[0] not in collection.sources and todo:
        new_key = source[0]
        _add_source(Path(root) / "sources.toml", new_key, source[1])
        added = Source(**{k: v for k, v in source[1].items()}, key=new_key)
        collection = dataclasses.replace(collection, sources={**collection.sources, new_key: added})
    paths = []
    for draft in todo:
        table = draft.table
        new = NewEvent(
            table["date"], table["title"], table["sources"][0]["ref"], tuple(table["actors"]),
            status=table["status"], quote=_quote(draft), id=table["id"], date_text=table["date_text"],
        )  # fmt: skip
        try:
            plan = plan_add(new, collection, root)
            write_event(plan)
        except AddError as err:
            raise CollectError(f"{table['id']}: {err}") from err
        paths.append(plan.path)
    return Written(paths, len(drafts) - len(todo), new_key)


def _quote(draft: Draft) -> str:
    return str(draft.table["sources"][0]["quote"])


def _add_source(path: Path, key: str, entry: dict[str, Any]) -> None:
    """Append the entry to sources.toml, rewriting it atomically (it is not an event)."""
    import tomli_w

    old = path.read_text(encoding="utf-8") if path.exists() else ""
    block = tomli_w.dumps({key: entry})
    text = old + ("\n" if old and not old.endswith("\n\n") else "") + block
    os.makedirs(path.parent, exist_ok=True)
    atomic_write(path, text, overwrite=path.exists())
