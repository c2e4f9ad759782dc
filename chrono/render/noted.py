"""Events passed to a format as they are read, those it cannot hold noted on the way.

A streamed export reads its events once: the command learns which the format left out
(to say so) from this pass instead of reading every event again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import overload

from chrono.model import Event


class Noted(Sequence[Event]):
    """`events` unchanged; each that `test` picks is added to `found` as it is iterated."""

    def __init__(
        self, events: Sequence[Event], test: Callable[[Event], bool], found: list[Event]
    ) -> None:
        self._events, self._test, self._found = events, test, found

    def __len__(self) -> int:
        return len(self._events)

    def __iter__(self) -> Iterator[Event]:
        for event in self._events:
            if self._test(event):
                self._found.append(event)
            yield event

    @overload
    def __getitem__(self, i: int) -> Event: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Event]: ...
    def __getitem__(self, i: int | slice) -> Event | Sequence[Event]:
        return self._events[i]
