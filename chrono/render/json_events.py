"""``show --format json``: a JSON list of event objects."""

from __future__ import annotations

import json
from collections.abc import Sequence

from chrono.model import Event
from chrono.render.options import RenderOptions
from chrono.render.records import event_record


def render(events: Sequence[Event], options: RenderOptions) -> str:
    """A JSON array, one object per event, in the order given."""
    return (
        json.dumps(
            [event_record(e, options.registry, options.sources) for e in events],
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )
