"""``export --format json``: the events plus the resolved sources, in a versioned envelope."""

from __future__ import annotations

import json
from collections.abc import Sequence

from chrono import __version__
from chrono.model import Event
from chrono.render.citations import number_sources
from chrono.render.options import RenderOptions
from chrono.render.records import event_record, source_record

#: Bumped when a field is removed or changes meaning; adding fields keeps the version.
FORMAT_VERSION = 1


def render(events: Sequence[Event], options: RenderOptions) -> str:
    """``{"format": "chrono-export", "version": 1, "events": [...], "sources": [...]}``."""
    numbered = number_sources(events)
    document = {
        "format": "chrono-export",
        "version": FORMAT_VERSION,
        "generator": f"chrono {__version__}",
        "title": options.title,
        "events": [
            {
                **event_record(e, options.registry, options.sources),
                "source_numbers": numbered.marks(e),
            }
            for e in events
        ],
        "sources": [
            {"number": n, **source_record(s)} for n, s in enumerate(numbered.sources, start=1)
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
