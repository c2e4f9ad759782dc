"""Putting drafts into a collection: the source they cite, then one file per event.

Every event goes through `chrono add`'s checks and atomic, never-overwriting write. An
event whose quote and date the collection already holds is left out, so extracting the
same article twice adds nothing the second time.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from chrono.extract.drafting import Draft
from chrono.model import Source
from chrono.results import Collection
from chrono.write import atomic_write

__all__ = ["CollectError", "Written", "draft_source", "write_drafts"]


class CollectError(ValueError):
    """The drafts cannot be written; nothing further was written."""


@dataclasses.dataclass(frozen=True, slots=True)
class Written:
    """What `write_drafts` did: files written, drafts already present, new source key."""

    paths: list[Path]
    present: int
    new_source: str | None


def draft_source(
    title: str | None,
    site: str | None,
    url: str | None,
    author: str | None,
    published: str,
    fallback: str,
    collection: Collection | None = None,
) -> tuple[str, dict[str, Any]]:
    """A sources.toml key and entry from the page's metadata. An entry of the collection
    with the same URL (or, without one, the same title and date) is reused as it is; a key
    another work holds gets a counter."""
    known = collection.sources if collection is not None else {}
    for key, source in known.items():
        same = source.url == url if url else (source.title, source.published) == (title, published)
        if same:
            return key, {}
    words = re.findall(r"[a-z0-9]+", f"{site or ''} {title or fallback}".casefold())
    base = "-".join(words[:8])[:60].rstrip("-") or "article"
    key, n = base, 2
    while key in known:
        key, n = f"{base}-{n}", n + 1
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
