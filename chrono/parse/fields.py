"""Small checks shared by the parsers: key names, value types, "did you mean"."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from chrono.model import Problem, Where

_TYPE_NAMES = {str: "a string", list: "a list", dict: "a table"}


class Collector:
    """Gathers the problems of one file, each located by key path (lines come later)."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def error(self, where: Where, code: str, message: str) -> None:
        self.problems.append(Problem(self.file, 0, code, message, "error", where))

    def warning(self, where: Where, code: str, message: str) -> None:
        self.problems.append(Problem(self.file, 0, code, message, "warning", where))

    def unknown_keys(self, table: Mapping[str, Any], known: Iterable[str], where: Where) -> None:
        known = list(known)
        for key in table:
            if key not in known:
                import difflib  # only when there is something to suggest

                hint = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
                suffix = (
                    f"; did you mean '{hint[0]}'?" if hint else f" (allowed: {', '.join(known)})"
                )
                self.error((*where, key), "unknown-key", f"unknown key '{key}'{suffix}")

    def text(self, table: Mapping[str, Any], key: str, where: Where) -> str | None:
        """The non-empty string at `key`, or None (reporting a wrong type or empty value)."""
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.error((*where, key), "wrong-type", f"'{key}' must be a string, not {_kind(value)}")
            return None
        if not value.strip():
            self.error((*where, key), "empty-value", f"'{key}' is empty")
            return None
        return value

    def texts(self, table: Mapping[str, Any], key: str, where: Where) -> tuple[str, ...]:
        """The list of strings at `key` (a lone string is accepted as a list of one)."""
        value = table.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            msg = f"'{key}' must be a list of strings, not {_kind(value)}"
            self.error((*where, key), "wrong-type", msg)
            return ()
        return tuple(v.strip() for v in value if v.strip())

    def require(self, table: Mapping[str, Any], key: str, where: Where, what: str) -> bool:
        if key in table:
            return True
        self.error(where, "missing-field", f"{what} has no '{key}' (required)")
        return False


def _kind(value: object) -> str:
    if isinstance(value, list) and value:
        odd = next((v for v in value if not isinstance(v, str)), value[0])  # what is wrong
        return "a list holding " + _kind(odd)
    for typ, name in _TYPE_NAMES.items():
        if isinstance(value, typ):
            return name
    name = type(value).__name__
    return {"int": "a number", "float": "a number", "bool": "true/false"}.get(name, f"a {name}")
