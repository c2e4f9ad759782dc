"""The keys an event file may use, in one place for every parser, writer and the docs.

`EVENT_SCHEMA` is the table: each key's name, its type, whether it is required, and how
an output shows it. The careful and quick parsers, `chrono add`, the renderers (through
`chrono.render.facts`) and the README test all read it, so a new key is one row here
plus the field on `model.Event` and wherever it needs more than the generic treatment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

#: text: a non-empty string; texts: a list of strings; date: EDTF; status: one of STATUSES;
#: citations: the ``[[sources]]`` tables; merged: the ``[[merged_from]]`` tables (their ids).
Kind = Literal["text", "texts", "date", "status", "citations", "merged"]
#: How an output shows a key: the event's id, its date, its one-line heading, the date as
#: written beside the date, the body text, a labelled fact ("Actors: ..."), its sources.
Shown = Literal["id", "date", "heading", "as-written", "body", "fact", "sources"]


@dataclass(frozen=True)
class Key:
    """One key of an event table."""

    name: str
    kind: Kind
    shown: Shown
    required: bool = False
    label: str = ""  # what a "fact" is called in running text ("Actors")
    unsaid: str | None = None  # a value outputs leave out as the unremarkable case


#: Every key, in the order outputs list them (CSV columns, JSON fields, facts).
EVENT_SCHEMA: tuple[Key, ...] = (
    Key("id", "text", "id"),  # required inside [[events]]; else the file name
    Key("date", "date", "date", required=True),
    Key("title", "text", "heading", required=True),
    Key("summary", "text", "body"),
    Key("actors", "texts", "fact", label="Actors"),
    Key("tags", "texts", "fact", label="Tags"),
    Key("location", "text", "fact", label="Location"),
    Key("status", "status", "fact", label="Status", unsaid="occurred"),
    Key("date_text", "text", "as-written"),
    Key("sources", "citations", "sources", required=True),
    # Links between records of one happening (see `chrono.corroborate`): event ids.
    Key("same_as", "texts", "fact", label="Same as"),
    Key("distinct_from", "texts", "fact", label="Distinct from"),
    Key("merged_from", "merged", "fact", label="Merged from"),
)
EVENT_KEYS = tuple(key.name for key in EVENT_SCHEMA)
#: The keys no parser treats specially: optional strings and lists of strings, in order.
PLAIN_KEYS = tuple(
    k for k in EVENT_SCHEMA if k.kind in ("text", "texts") and k.shown != "id" and not k.required
)
#: The keys shown as labelled facts, in order.
FACTS = tuple(k for k in EVENT_SCHEMA if k.shown == "fact")

#: The bibliographic fields of a source, inline or in ``sources.toml``.
SOURCE_FIELDS = ("title", "publisher", "url", "published", "author", "accessed")
#: Of those, the ones holding EDTF dates.
DATED_FIELDS = ("published", "accessed")
#: What a source may say about its own trustworthiness and origin.
GRADE_FIELDS = ("reliability", "derived_from")
#: What a citation may say besides its source: its credibility, and the date its source gives.
CLAIM_KEYS = ("credibility", "date", "date_text")
#: What one ``[[sources]]`` entry of an event may hold; the quick parser knows the plain ones.
PLAIN_CITATION_KEYS = ("ref", *SOURCE_FIELDS, "quote", "note")
CITATION_KEYS = (*PLAIN_CITATION_KEYS, *GRADE_FIELDS, *CLAIM_KEYS)
#: What one ``[[merged_from]]`` table records of an original event: its id, file and text.
MERGED_KEYS = ("id", "file", "text")


def web_url(url: str) -> bool:
    """Whether `url` is an http(s) address with no spaces, quotes, angle brackets or control
    characters (CR included): the only links exports write, so that no source can smuggle a
    script, markup or a header line into them."""
    return url.startswith(("http://", "https://")) and _NOT_IN_URL.search(url) is None


#: What `web_url` refuses: space, quotes, angle brackets, C0 controls, DEL and C1 controls
#: (a pattern: checking each character in Python cost a 100,000-row import a second).
_NOT_IN_URL = re.compile('[\x00-\x20<>"\x7f-\x9f]')
