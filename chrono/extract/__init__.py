"""From an article to a sourced draft chronology: the library behind `chrono extract`.

`extract(article, published)` finds every time phrase with its offset, reads each in the
tense of its clause against the article's own date (never today), and says which it
skipped and why; `chrono.extract.drafting` turns the resolved ones into draft events.
Modules: `article` and `page` (input), `anchor`, `finding`, `sentences`, `tense`,
`skipping` (what the context refuses), `reading` (all of it, phrase by phrase),
`drafting`, `output`, `collect` (writing drafts into a collection).
"""

from __future__ import annotations

from dataclasses import dataclass

from chrono.extract.anchor import Anchor, AnchorError, anchor_from_text, given_anchor
from chrono.extract.article import Article, ArticleError, parse_article
from chrono.extract.reading import Phrase, read_article

__all__ = ["Anchor", "AnchorError", "Article", "ArticleError", "Extraction", "Phrase"]
__all__ += ["extract", "parse_article"]


@dataclass(frozen=True, slots=True)
class Extraction:
    """An article's anchor and every time phrase found in it."""

    article: Article
    anchor: Anchor
    phrases: list[Phrase]


def extract(article: Article, published: str | None = None) -> Extraction:
    """Read every time phrase of `article`. The anchor is `published` if given, else the
    page's metadata, else a publication line, dateline or dated address in the text.
    Raises AnchorError when there is none, or `published` is not a day."""
    from chrono.extract.anchor import publication_spans

    anchor = _anchor(article, published)
    phrases = read_article(article.text, anchor.day, publication_spans(article.text))
    return Extraction(article, anchor, phrases)


def _anchor(article: Article, published: str | None) -> Anchor:
    if published is not None:
        return given_anchor(published)
    if article.published is not None:
        return Anchor(article.published, "the page's metadata")
    found = anchor_from_text(article.text)
    if found is None:
        raise AnchorError(
            "no publication date: the text has no dateline, 'Published'/'Posted:'/'Updated:' "
            "line or dated address; give it with --published (e.g. --published 2016-04-18)"
        )
    return found
