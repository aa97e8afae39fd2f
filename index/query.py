"""Query understanding: user text -> citations, quoted phrases, glossary groups and words.

User text never reaches a query parser: it is tokenized with the index's own analysis and
scored from those tokens (`index.bm25`), so operators (AND, OR, NOT), field syntax
("title:x"), wildcards and brackets are just characters that the tokenizer drops or keeps as
words. Citations are lifted out first (they resolve to a document), quoted text becomes an
exact phrase, glossary forms expand to their equivalents, everything else is a word that
matches its whole stem family (`index.lexicon`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.analysis import STOP_WORDS, normalize, tokenize
from index.citations import Citation, find_citations, find_pasal
from index.errors import QueryError
from index.glossary import Glossary, default_glossary
from index.lexicon import Lexicon

MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 24
FIELD_BOOSTS: dict[str, float] = {"title": 4.0, "about": 2.5, "body": 1.0}
VARIANT_WEIGHT = 0.7  # another word of the stem family counts a little less than the typed one
EXPANSION_WEIGHT = 0.6  # a glossary equivalent counts less than what the user typed
_QUOTED = re.compile(r"[\"“”„](.+?)[\"“”„]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_PASAL_WORDS = re.compile(r"\bpasal\s+\d+[a-z]?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Alternative:
    """One way to satisfy a clause: a word sequence, matched stemmed or exactly."""

    words: tuple[str, ...]
    exact: bool = False


@dataclass(frozen=True, slots=True)
class Clause:
    """One thing the user asked for: a word, a quoted phrase, or a glossary group."""

    alternatives: tuple[Alternative, ...]
    kind: str = "word"  # word, phrase, glossary

    @property
    def word(self) -> str:
        """Return the first alternative as typed text."""
        return " ".join(self.alternatives[0].words)


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A query broken into what it asks for."""

    text: str
    clauses: tuple[Clause, ...] = ()
    citations: tuple[Citation, ...] = ()
    pasal: str | None = None

    @property
    def empty(self) -> bool:
        """Return True when there is nothing to search for."""
        return not self.clauses and not self.citations


def clean_text(text: str) -> str:
    """Return the query with control and invisible characters replaced by spaces."""
    return _CONTROL.sub(" ", text or "")


def parse_query(text: str, glossary: Glossary | None = None) -> ParsedQuery:
    """Parse user text into clauses and citations; raise QueryError for refused input."""
    if len(text or "") > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is {len(text)} characters long; the limit is {MAX_QUERY_CHARS}. "
            "Shorten it to the words that matter."
        )
    text = clean_text(text)
    glossary = glossary or default_glossary()
    citations = tuple(find_citations(text))
    pasal = find_pasal(text)
    rest = text
    for cite in sorted(citations, key=lambda c: -c.start):
        rest = rest[: cite.start] + " " + rest[cite.end :]
    rest = _PASAL_WORDS.sub(" ", rest) if pasal else rest
    clauses: list[Clause] = []
    for phrase in _QUOTED.findall(rest):
        quoted = tuple(normalize(raw) for raw, _, _ in tokenize(phrase))
        if quoted:
            clauses.append(Clause((Alternative(quoted, exact=True),), kind="phrase"))
    rest = _QUOTED.sub(" ", rest)
    clauses.extend(_word_clauses([normalize(raw) for raw, _, _ in tokenize(rest)], glossary))
    clauses = _dedupe(clauses)[:MAX_CLAUSES]
    return ParsedQuery(text, tuple(clauses), citations, pasal)


def _word_clauses(tokens: Sequence[str], glossary: Glossary) -> list[Clause]:
    clauses: list[Clause] = []
    expansions = {e.start: e for e in glossary.expansions(tokens)}
    i = 0
    while i < len(tokens):
        found = expansions.get(i)
        if found is not None:
            alternatives = tuple(Alternative(form) for form in found.forms)
            typed = tuple(tokens[found.start : found.end])
            alternatives = (Alternative(typed), *(a for a in alternatives if a.words != typed))
            clauses.append(Clause(alternatives, kind="glossary"))
            i = found.end
            continue
        if tokens[i] not in STOP_WORDS:
            clauses.append(Clause((Alternative((tokens[i],)),)))
        i += 1
    return clauses


def _dedupe(clauses: list[Clause]) -> list[Clause]:
    seen: set[tuple[Alternative, ...]] = set()
    out = []
    for clause in clauses:
        if clause.alternatives not in seen:
            seen.add(clause.alternatives)
            out.append(clause)
    return out


def alternative_words(alt: Alternative) -> tuple[str, ...]:
    """Return the words of an alternative that the index holds (stop words left out)."""
    return tuple(w for w in alt.words if w not in STOP_WORDS)


def highlight_words(parsed: ParsedQuery, lexicon: Lexicon) -> frozenset[str]:
    """Return every indexed word form that answers some clause (for snippets)."""
    out: set[str] = set()
    for clause in parsed.clauses:
        for alt in clause.alternatives:
            for word in alternative_words(alt):
                out.update((word,) if alt.exact or len(alt.words) > 1 else lexicon.forms(word))
    return frozenset(out)
