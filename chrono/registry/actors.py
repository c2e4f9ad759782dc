"""The actor registry (``actors.toml``): names, aliases and membership.

Membership is transitive: Soleimani is in the Quds Force, which is in the IRGC, which is
part of Iran, so asking for Iran's events includes Soleimani's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from chrono.load import RawFile
from chrono.model import Actor, Problem, Severity
from chrono.parse.fields import Collector
from chrono.registry.graph import in_cycles, reach

ACTOR_KEYS = ("name", "kind", "aliases", "member_of")


def parse_actors(raw: RawFile) -> tuple[list[Actor], list[Problem]]:
    """Every well-formed actor table of an ``actors.toml``."""
    col = Collector(raw.path)
    actors = []
    for key, table in raw.data.items():
        where = (key,)
        if not isinstance(table, dict):
            col.error(where, "wrong-type", f"'{key}' must be a table: write [{key}] and name = ...")
            continue
        before = len(col.problems)
        col.unknown_keys(table, ACTOR_KEYS, where)
        name = col.text(table, "name", where) or key
        kind = col.text(table, "kind", where)
        aliases = col.texts(table, "aliases", where)
        member_of = col.texts(table, "member_of", where)
        if len(col.problems) == before:
            actors.append(Actor(name, kind, aliases, member_of, raw.path, where))
    return actors, col.problems


@dataclass(frozen=True)
class Registry:
    """Canonical actors, and every name or alias (case-insensitive) that leads to one."""

    actors: dict[str, Actor] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    def resolve(self, name: str) -> str | None:
        """The canonical name for a name or alias, or None when the registry lacks it."""
        return self.names.get(name.casefold())

    def canonical(self, name: str) -> str:
        """The canonical name, or the name as written when the registry lacks it."""
        return self.names.get(name.casefold(), name)

    def groups_of(self, name: str) -> list[str]:
        """The actor itself, then everything it belongs to, transitively, nearest first."""
        start = self.canonical(name)
        seen = [start]
        known = {start}
        for current in seen:  # grows while iterating: a breadth-first walk
            actor = self.actors.get(current)
            for parent in actor.member_of if actor else ():
                parent = self.canonical(parent)
                if parent not in known:
                    known.add(parent)
                    seen.append(parent)
        return seen

    def in_cycle(self, name: str) -> bool:
        """Whether following membership from `name` leads back to it."""
        return self.canonical(name) in self._cyclic

    @cached_property
    def _cyclic(self) -> set[str]:
        parents = {
            name: [p for p in map(self.canonical, actor.member_of) if p in self.actors]
            for name, actor in self.actors.items()
        }
        return in_cycles(parents)

    def includes(self, group: str, actor: str) -> bool:
        """Whether `actor` is `group`, or is in it through membership (case-insensitive)."""
        target = self.canonical(group).casefold()
        return any(g.casefold() == target for g in self.groups_of(actor))

    def members(self, groups: Iterable[str]) -> list[Actor]:
        """Every actor that `includes` says is in one of `groups`, in one walk down the
        membership (linear in actors and memberships, however many groups or cycles)."""
        inside = reach((self.canonical(g).casefold() for g in groups), self._children)
        return [actor for name, actor in self.actors.items() if name.casefold() in inside]

    @cached_property
    def _children(self) -> dict[str, list[str]]:
        """Casefolded canonical name -> the casefolded names of the actors directly in it."""
        children: dict[str, list[str]] = {}
        for name, actor in self.actors.items():
            for parent in actor.member_of:
                children.setdefault(self.canonical(parent).casefold(), []).append(name.casefold())
        return children


def build_registry(actors: Iterable[Actor]) -> tuple[Registry, list[Problem]]:
    """One registry from the actors of every collection; clashing names are problems."""
    registry = Registry()
    problems: list[Problem] = []
    for actor in actors:
        if actor.name in registry.actors:
            first = registry.actors[actor.name]
            if first.file == actor.file:
                msg = (
                    f"actor '{actor.name}' is defined twice in this file (also [{first.where[0]}])"
                )
                problems.append(_at(actor, "name", "duplicate-actor", msg))
                continue
            registry.actors[actor.name] = _merged(first, actor)  # one actor, two collections
        else:
            registry.actors[actor.name] = actor
        for alias in (actor.name, *actor.aliases):
            owner = registry.names.setdefault(alias.casefold(), actor.name)
            if owner != actor.name:
                msg = f"alias '{alias}' of '{actor.name}' already names '{owner}'"
                problems.append(_at(actor, "aliases", "ambiguous-alias", msg))
    for actor in registry.actors.values():
        for parent in actor.member_of:
            if registry.resolve(parent) is None:
                msg = f"'{actor.name}' is a member of unknown actor '{parent}'"
                problems.append(_at(actor, "member_of", "unknown-actor", msg))
        if registry.in_cycle(actor.name):
            msg = f"'{actor.name}' is, through membership, a member of itself"
            problems.append(_at(actor, "member_of", "membership-cycle", msg, warn=True))
    return registry, problems


def _merged(first: Actor, second: Actor) -> Actor:
    aliases = tuple(dict.fromkeys((*first.aliases, *second.aliases)))
    member_of = tuple(dict.fromkeys((*first.member_of, *second.member_of)))
    return Actor(first.name, first.kind or second.kind, aliases, member_of, first.file, first.where)


def _at(actor: Actor, key: str, code: str, message: str, warn: bool = False) -> Problem:
    severity: Severity = "warning" if warn else "error"
    return Problem(actor.file, 0, code, message, severity, (*actor.where, key))
