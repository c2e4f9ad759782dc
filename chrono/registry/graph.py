"""Membership as a graph: which actors are in a cycle, and who is in a group, in linear time.

Both walk each actor and each membership edge a bounded number of times, so a registry of
thousands of actors, even one long membership cycle, is answered in milliseconds (issue
8.9: walking membership once per actor took minutes for a cycle of 2,000).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence


def in_cycles(edges: Mapping[str, Sequence[str]]) -> set[str]:
    """The nodes from which following edges leads back to themselves (Tarjan's strongly
    connected components, without recursion: a component of two or more, or a self-loop)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[str] = set()
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(edges.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    found |= _pop_component(node, stack, on_stack, edges)
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(edges.get(child, ()))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def _pop_component(
    node: str, stack: list[str], on_stack: set[str], edges: Mapping[str, Sequence[str]]
) -> set[str]:
    component = []
    while True:
        member = stack.pop()
        on_stack.discard(member)
        component.append(member)
        if member == node:
            break
    if len(component) > 1 or node in edges.get(node, ()):
        return set(component)
    return set()


def reach(starts: Iterable[str], edges: Mapping[str, Sequence[str]]) -> set[str]:
    """Every node reachable from `starts` (themselves included), breadth first."""
    seen = set(starts)
    queue = list(seen)
    for node in queue:  # grows while iterating
        for child in edges.get(node, ()):
            if child not in seen:
                seen.add(child)
                queue.append(child)
    return seen
