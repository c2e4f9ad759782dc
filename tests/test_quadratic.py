"""Issue 8.9: quadratic-and-worse paths: membership closure is linear, huge files are refused."""

from __future__ import annotations

import time
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from chrono.model import Actor
from chrono.query import actor_terms
from chrono.registry.actors import Registry, build_registry
from tests.conftest import SOURCES, MakeCollection, event_toml

NAMES = [f"A{i}" for i in range(8)]


def _walked(registry: Registry, groups: list[str]) -> set[str]:
    """`actor_terms` as it was: every actor's membership walked once per actor."""
    terms = {g.casefold() for g in groups}
    for name, actor in registry.actors.items():
        if any(registry.includes(group, name) for group in groups):
            terms.update(n.casefold() for n in (name, *actor.aliases))
    return terms


def _cyclic(registry: Registry, name: str) -> bool:
    """`in_cycle` as it was: does any group of `name` have `name` as a parent?"""
    start = registry.canonical(name)
    for group in registry.groups_of(start):
        actor = registry.actors.get(group)
        if actor and start in [registry.canonical(p) for p in actor.member_of]:
            return True
    return False


@settings(max_examples=200, deadline=None)
@given(
    parents=st.dictionaries(
        st.sampled_from(NAMES), st.lists(st.sampled_from([*NAMES, "a1", "Ghost"]), max_size=3)
    ),
    groups=st.lists(st.sampled_from([*NAMES, "a3", "Ghost", "Nobody"]), min_size=1, max_size=3),
)
def test_linear_walks_agree_with_the_walk_per_actor(
    parents: dict[str, list[str]], groups: list[str]
) -> None:
    actors = [Actor(n, aliases=(f"{n}x",), member_of=tuple(p)) for n, p in parents.items()]
    registry, _problems = build_registry(actors)
    assert actor_terms(registry, groups) == _walked(registry, groups)
    assert {n for n in registry.actors if registry.in_cycle(n)} == {
        n for n in registry.actors if _cyclic(registry, n)
    }


def test_a_membership_cycle_of_2000_actors_is_checked_in_moments(
    invoke: Any, make_collection: MakeCollection
) -> None:
    n = 2000
    actors = "".join(f'[a{i}]\nname = "A{i}"\nmember_of = ["A{(i + 1) % n}"]\n' for i in range(n))
    files = {"actors.toml": actors, "sources.toml": SOURCES, "e.toml": event_toml(actors='["A7"]')}
    root = make_collection(files)
    start = time.perf_counter()
    result = invoke("check", "--events", str(root), "--no-cache")
    elapsed = time.perf_counter() - start
    assert result.stdout.count("warning[membership-cycle]") == n
    shown = invoke("show", "--events", str(root), "--actor", "A1", "--format", "json")
    assert '"A7"' in shown.stdout  # A7 is in A8, ..., in A0, in A1
    assert time.perf_counter() - start < 20, f"check took {elapsed:.1f} s (was 93 s)"


def test_a_file_over_the_size_limit_is_refused_before_parsing(
    invoke: Any, make_collection: MakeCollection
) -> None:
    from chrono.load import MAX_FILE_BYTES

    filler = "# " + "x" * 98 + "\n"
    big = filler * (MAX_FILE_BYTES // len(filler)) + "title = \n"  # an error on its last line
    root = make_collection({"sources.toml": SOURCES, "big.toml": big, "ok.toml": event_toml()})
    start = time.perf_counter()
    result = invoke("check", "--events", str(root), "--no-cache")
    assert result.exit_code == 1
    assert result.stdout == (
        f"{root}/big.toml:1: error[too-large]: file is larger than 16 MiB, the most chrono "
        "reads: split it (e.g. a file per year)\n"
    )
    assert time.perf_counter() - start < 5


@given(st.text(alphabet=st.characters(max_codepoint=0x200), max_size=30))
def test_web_url_refuses_exactly_the_characters_it_did(tail: str) -> None:
    from chrono.parse.schema import web_url

    url = "https://x.org/" + tail
    bad = any(c in ' <>"' or c <= " " or "\x7f" <= c <= "\x9f" for c in url)
    assert web_url(url) is not bad
