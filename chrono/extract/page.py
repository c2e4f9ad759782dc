"""A saved web page as an article: its main text and metadata, read by trafilatura.

trafilatura (with htmldate for the publication date) is an optional extra, imported
only here and only when a page is read: `pip install 'chrono[html]'`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = ["INSTALL_HINT", "MissingExtraError", "Page", "read_page"]

INSTALL_HINT = "reading .html pages needs the html extra: pip install 'chrono[html]'"


class MissingExtraError(ImportError):
    """trafilatura or htmldate is not installed."""


@dataclass(frozen=True, slots=True)
class Page:
    """A page's text (headline, then body) and what its metadata says."""

    text: str
    title: str | None = None
    site: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | None = None


def read_page(html: str) -> Page:
    """The page's headline and body as text, with its title, site, URL, author and date."""
    try:
        import trafilatura
    except ImportError:
        raise MissingExtraError(INSTALL_HINT) from None
    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    if document is None or isinstance(document, dict):
        return Page("")
    body, title = document.text or "", document.title or None
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return Page(
        text,
        title=title,
        site=document.sitename or document.hostname or None,
        url=document.url or None,
        author=document.author or None,
        published=_published(html),
    )


def _published(html: str) -> date | None:
    """The page's own publication date from its metadata (article:published_time,
    JSON-LD datePublished, <time>, ...), not a guess from the text."""
    from htmldate import find_date

    found = find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    return date.fromisoformat(found) if found else None
