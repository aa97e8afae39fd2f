"""Query-time expansion from `corpus/glossary.toml`: acronyms, spelled-out forms, old names.

The glossary is data: groups of spellings that mean the same thing ("jkk" and "jaminan
kecelakaan kerja"). A query mentioning one form also looks for every other form of its group,
so the index never needs rebuilding when the glossary grows.
"""

from __future__ import annotations

import logging
import threading
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import corpus
from index.analysis import words

log = logging.getLogger(__name__)

GLOSSARY_FILE = Path(corpus.__file__).resolve().parent / "glossary.toml"


@dataclass(frozen=True, slots=True)
class Expansion:
    """A glossary form found in a query: token span and every equivalent form."""

    start: int
    end: int
    forms: tuple[tuple[str, ...], ...]


class Glossary:
    """Groups of equivalent forms, looked up by token sequences."""

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        self._groups: list[tuple[tuple[str, ...], ...]] = []
        for index, forms in enumerate(groups):
            tokenized = tuple(dict.fromkeys(tuple(words(f)) for f in forms if words(f)))
            self._groups.append(tokenized)
            for form in tokenized:
                self._by_first.setdefault(form[0], []).append((form, index))
        for entries in self._by_first.values():
            entries.sort(key=lambda entry: -len(entry[0]))

    @classmethod
    def from_file(cls, path: Path = GLOSSARY_FILE) -> Glossary:
        """Load a glossary TOML file; an unreadable file gives an empty glossary and a warning."""
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            log.warning("glossary %s unreadable (%s); searching without expansion", path, exc)
            return cls([])
        groups = [g.get("forms", []) for g in data.get("group", []) if isinstance(g, dict)]
        return cls([[str(f) for f in forms] for forms in groups if isinstance(forms, list)])

    def expansions(self, tokens: Sequence[str]) -> list[Expansion]:
        """Return the glossary forms found in `tokens`, longest first, without overlaps."""
        found: list[Expansion] = []
        i = 0
        while i < len(tokens):
            for form, group in self._by_first.get(tokens[i], ()):
                if tuple(tokens[i : i + len(form)]) == form:
                    found.append(Expansion(i, i + len(form), self._groups[group]))
                    i += len(form)
                    break
            else:
                i += 1
        return found


_lock = threading.Lock()
_default: Glossary | None = None


def default_glossary() -> Glossary:
    """Return the glossary from corpus/glossary.toml, loaded once per process."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Glossary.from_file()
    return _default
