"""Stage 4, `chrono.validate`: the checks across the merged collection."""

from __future__ import annotations

from chrono.model import Actor, Citation, Source
from chrono.validate import Context, resolve_citations, validate
from tests.stage_helpers import ARTICLE, event, registry


def _ctx(has_actors: bool = False, ambiguous: set[str] | None = None) -> Context:
    reg = registry(Actor("Iran"), Actor("IRGC", aliases=("Guards",), member_of=("Iran",)))
    return Context(reg, {"article": ARTICLE}, has_actors, ambiguous)


def test_sound_events_pass_untouched() -> None:
    events = [event("a"), event("b")]
    kept, problems = validate(events, _ctx())
    assert kept == events and problems == []


def test_every_holder_of_a_shared_id_is_refused() -> None:
    events = [event("a"), event("a", file="other.toml"), event("b")]
    kept, problems = validate(events, _ctx())
    assert [e.id for e in kept] == ["b"]
    assert [p.code for p in problems] == ["duplicate-id", "duplicate-id"]
    assert "also used in other.toml" in problems[0].message


def test_an_unknown_ref_refuses_the_event_and_names_the_known_keys() -> None:
    stray = event("a", citations=(Citation(Source(key="nope"), None, None, "nope"),))
    kept, problems = validate([stray], _ctx())
    assert kept == []
    assert problems[0].code == "unknown-source-ref"
    assert problems[0].where == ("sources", 0, "ref")
    assert "(known: article)" in problems[0].message


def test_a_ref_to_an_ambiguous_key_is_refused() -> None:
    kept, problems = validate([event("a")], _ctx(ambiguous={"article"}))
    assert kept == [] and problems[0].code == "ambiguous-source-ref"


def test_unknown_actors_warn_only_when_there_is_a_registry() -> None:
    odd = event("a", actors=("Guards", "Nobody"))
    kept, problems = validate([odd], _ctx(has_actors=True))
    assert kept == [odd]
    assert [(p.code, p.severity) for p in problems] == [("unknown-actor", "warning")]
    assert validate([odd], _ctx(has_actors=False))[1] == []


def test_resolve_citations_puts_the_bibliography_entry_in_place() -> None:
    (resolved,) = resolve_citations([event("a")], {"article": ARTICLE})
    assert resolved.citations[0].source == ARTICLE
    assert resolved.citations[0].quote == "words"
