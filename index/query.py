"""Query understanding: user text -> citations, phrases, glossary groups, words -> Whoosh queries.

User text never reaches a query parser: it is tokenized with the index's own analysis and the
Whoosh query is assembled from those tokens, so operators (AND, OR, NOT), field syntax
("title:x"), wildcards and brackets are just characters that the tokenizer drops or keeps as
words. Citations are lifted out first (they resolve to a document), quoted text becomes an
exact phrase, glossary forms expand to their equivalents, everything else is a word that
matches its whole stem family (`index.lexicon`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from whoosh import query as wq

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
        tokens = tuple(normalize(raw) for raw, _, _ in tokenize(phrase))
        if tokens:
            clauses.append(Clause((Alternative(tokens, exact=True),), kind="phrase"))
    rest = _QUOTED.sub(" ", rest)
    tokens = [normalize(raw) for raw, _, _ in tokenize(rest)]
    clauses.extend(_word_clauses(tokens, glossary))
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


def _word_query(word: str, forms: Sequence[str], fields: Sequence[str],
                weight: float = 1.0) -> wq.Query:
    subqueries: list[wq.Query] = []
    for name in fields:
        boost = FIELD_BOOSTS.get(name, 1.0) * weight
        subqueries.extend(wq.Term(name, form, boost=boost if form == word else
                                  boost * VARIANT_WEIGHT) for form in forms)
    if "body" in fields and not word.isalpha():
        subqueries.append(wq.Term("number_key", word.lstrip("0") or word))
    return subqueries[0] if len(subqueries) == 1 else wq.Or(subqueries)


def alternative_query(alt: Alternative, fields: Sequence[str], lexicon: Lexicon,
                      weight: float = 1.0) -> wq.Query | None:
    """Return the Whoosh query matching one alternative in any of `fields`."""
    terms = alternative_words(alt)
    if not terms:
        return None
    if len(terms) == 1:
        forms = (terms[0],) if alt.exact else lexicon.forms(terms[0])
        return _word_query(terms[0], forms, fields, weight)
    kept = [i for i, w in enumerate(alt.words) if w not in STOP_WORDS]
    inner = kept[-1] - kept[0] + 1 - len(kept)  # stop words inside the phrase
    phrases = [wq.Phrase(name, list(terms), slop=1 + inner,
                         boost=FIELD_BOOSTS.get(name, 1.0) * weight) for name in fields]
    return phrases[0] if len(phrases) == 1 else wq.Or(phrases)


def clause_query(clause: Clause, lexicon: Lexicon,
                 fields: Sequence[str] = ("title", "about", "body")) -> wq.Query:
    """Return the Whoosh query for one clause: any of its alternatives."""
    parts = [q for q in (alternative_query(a, fields, lexicon, 1.0 if i == 0 else EXPANSION_WEIGHT)
                         for i, a in enumerate(clause.alternatives)) if q]
    if not parts:
        return wq.NullQuery
    return parts[0] if len(parts) == 1 else wq.Or(parts)


def content_query(
    clauses: Sequence[Clause],
    lexicon: Lexicon,
    fields: Sequence[str] = ("title", "about", "body"),
    require_all: bool = True,
) -> wq.Query:
    """Return the query for all clauses: every one required, or any when require_all is off."""
    parts = [clause_query(c, lexicon, fields) for c in clauses]
    parts = [p for p in parts if p is not wq.NullQuery]
    if not parts:
        return wq.NullQuery
    if len(parts) == 1:
        return parts[0]
    return wq.And(parts) if require_all else wq.Or(parts)
