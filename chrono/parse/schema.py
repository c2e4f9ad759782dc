"""The keys an event file may use, in one place for every parser and writer."""

from __future__ import annotations

#: The keys the quick parser understands; the others send a table to the careful one.
PLAIN_EVENT_KEYS = (
    "id", "date", "title", "summary", "actors", "location",
    "tags", "status", "date_text", "sources",
)  # fmt: skip
#: Keys that settle or record duplicates (see `chrono.corroborate`).
LINK_KEYS = ("same_as", "distinct_from", "merged_from")
EVENT_KEYS = (*PLAIN_EVENT_KEYS, *LINK_KEYS)
#: The bibliographic fields of a source, inline or in ``sources.toml``.
SOURCE_FIELDS = ("title", "publisher", "url", "published", "author", "accessed")
#: Of those, the ones holding EDTF dates.
DATED_FIELDS = ("published", "accessed")
#: What a source may say about its own trustworthiness and origin.
GRADE_FIELDS = ("reliability", "derived_from")
#: What a citation may say besides its source: its quote, and the date its source gives.
CLAIM_KEYS = ("credibility", "date", "date_text")
#: What one ``[[sources]]`` entry of an event may hold.
PLAIN_CITATION_KEYS = ("ref", *SOURCE_FIELDS, "quote", "note")
CITATION_KEYS = (*PLAIN_CITATION_KEYS, *GRADE_FIELDS, *CLAIM_KEYS)
#: What one table of ``merged_from`` records of an original event.
MERGED_KEYS = ("id", "file", "text")


def web_url(url: str) -> bool:
    """Whether `url` is an http(s) address with no spaces, quotes or angle brackets: the only
    links exports write, so that no source can smuggle a script or markup into them."""
    return url.startswith(("http://", "https://")) and not any(c in url for c in ' <>"\n\t')
