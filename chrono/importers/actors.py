"""Draft ``actors.toml`` entries for the actors an import names that the registry lacks."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path

from chrono.importers.plan import slug


class ActorWriteError(OSError):
    """actors.toml could not be read or written; it is left as it was."""


def actors_toml(names: Sequence[str], taken: Iterable[str] = ()) -> str:
    """One table per name, keyed by a slug of it that no existing table uses; the kind and
    membership are left for a person to fill in."""
    import tomli_w

    used = set(taken)
    parts = []
    for name in names:
        base = slug(name) or "actor"
        key, n = base, 1
        while key in used:
            n += 1
            key = f"{base}-{n}"
        used.add(key)
        parts.append(f"\n[{key}]\n" + tomli_w.dumps({"name": name}))
    return "".join(parts)


def add_actors(folder: Path, names: Sequence[str]) -> Path:
    """Append entries for `names` to `folder`/actors.toml (created if missing), atomically."""
    from chrono.write import atomic_write

    path = folder / "actors.toml"
    try:
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        taken = tomllib.loads(old).keys()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ActorWriteError(f"cannot add to {path}: {err}; it was left as it was") from err
    text = old + ("\n" if old and not old.endswith("\n") else "") + actors_toml(names, taken)
    try:
        atomic_write(path, text, overwrite=True)
    except OSError as err:
        raise ActorWriteError(f"cannot write {path}: {err.strerror or err}") from err
    return path
