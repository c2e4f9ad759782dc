"""Small builders for the per-stage tests: events and registries without files."""

from __future__ import annotations

from chrono.dates import parse_edtf
from chrono.model import Actor, Citation, Event, Source
from chrono.registry.actors import Registry, build_registry

ARTICLE = Source(title="An article", url="https://example.org/a", key="article")


def event(event_id: str, date: str = "2016-04-15", **fields: object) -> Event:
    """A valid event citing `article` by ref, with any other fields given by name."""
    values: dict[str, object] = {
        "id": event_id,
        "date": parse_edtf(date),
        "title": f"Event {event_id}",
        "citations": (Citation(Source(key="article"), "words", None, "article"),),
        "file": f"{event_id}.toml",
    }
    values.update(fields)
    return Event(**values)  # type: ignore[arg-type]


def registry(*actors: Actor) -> Registry:
    """The registry of `actors`, which must be free of problems."""
    built, problems = build_registry(list(actors))
    assert not problems
    return built
