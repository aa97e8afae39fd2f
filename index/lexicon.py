"""Query-time stemming: expand a word to the indexed words that share its stem.

The index keeps exact words only (fast to build, exact phrases for free). A query word is
expanded here: its stem is looked up among the index's own vocabulary, so "perlindungan" also
finds "melindungi", "dilindungi" and "terlindungi" when those occur in the corpus. Candidate
forms are found by Indonesian morphology (prefixes me(N)-/pe(N)-/ber-/ter-/di-/ke-/se-/per-,
suffixes -an/-kan/-i/-nya, nasal assimilation dropping p/t/k/s) and then confirmed with the
same guarded stemmer, so only real members of the family are added. Families are cached.

Reading the vocabulary from Whoosh's term files took over a second on the shared corpus (the
first query after opening paid it), so every commit also writes it to `vocabulary.txt` in the
generation, tagged with Whoosh's commit generation; a searcher reads that file when the tags
agree and falls back to the term files when they do not.
"""

from __future__ import annotations

import bisect
import logging
import os
import re
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from corpus.textdistance import edit_distance
from index.analysis import is_stemmable, stem

log = logging.getLogger(__name__)

VOCABULARY_FILE = "vocabulary.txt"
_VOCABULARY_HEADER = "telusur-vocabulary 1"
LEXICON_FIELDS = ("title", "about", "body")
MAX_FORMS = 40
MAX_CANDIDATES = 400
_PREFIX = re.compile(r"(?:ke|se|di|be|ber|te|ter|per|pe|me|mem|men|meng|meny|pem|pen|peng|peny)"
                     r"{0,3}")
_NASAL_PREFIX = re.compile(r"(?:ke|se|di|ber|ter|per|memper|diper)?(?:me|pe)(?:m|n|ng|ny)")
_SUFFIX = re.compile(r"(?:an|kan|i)?(?:nya|ku|mu)?(?:lah|kah|pun)?")
_ASSIMILATED = "ptks"


class Lexicon:
    """The indexed words of one index snapshot and the stem families among them."""

    def __init__(self, words: Iterable[str], stemmer: str = "sastrawi") -> None:
        ordered = sorted({w for w in words if is_stemmable(w)})
        self.size = len(ordered)
        self._words = ordered
        self._set = frozenset(ordered)
        self.stemmer = stemmer
        self._blob = "\n" + "\n".join(ordered) + "\n"
        self._families: dict[str, tuple[str, ...]] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_reader(cls, reader: Any, fields: Iterable[str] = LEXICON_FIELDS,
                    stemmer: str = "sastrawi") -> Lexicon:
        """Collect the vocabulary of a Whoosh reader's text fields."""
        return cls(reader_words(reader, fields), stemmer)

    @property
    def words(self) -> list[str]:
        """Return the stemmable words, sorted."""
        return self._words

    def forms(self, word: str) -> tuple[str, ...]:
        """Return `word` first, then the indexed words sharing its stem (most at MAX_FORMS)."""
        if self.stemmer == "none" or not is_stemmable(word):
            return (word,)
        root = stem(word, self.stemmer)
        family = self._families.get(root)
        if family is None:
            family = self._family(root)
            with self._lock:
                self._families[root] = family
        return (word, *(f for f in family if f != word))[:MAX_FORMS]

    def _family(self, root: str) -> tuple[str, ...]:
        found = {w for w in self._candidates(root) if stem(w, self.stemmer) == root}
        return tuple(sorted(found, key=lambda w: (len(w), w)))

    def _candidates(self, root: str) -> list[str]:
        out: list[str] = []
        needles = [(root, _PREFIX)]
        if root[0] in _ASSIMILATED and len(root) > 4:
            needles.append((root[1:], _NASAL_PREFIX))
        for needle, prefix in needles:
            for word, at in self._containing(needle):
                head, tail = word[:at], word[at + len(needle):]
                if prefix.fullmatch(head) and _SUFFIX.fullmatch(tail):
                    out.append(word)
                    if len(out) >= MAX_CANDIDATES:
                        return out
        return out

    def _containing(self, needle: str) -> Iterable[tuple[str, int]]:
        blob = self._blob
        at = blob.find(needle)
        while at >= 0:
            start = blob.rfind("\n", 0, at) + 1
            end = blob.find("\n", at)
            yield blob[start:end], at - start
            at = blob.find(needle, at + 1)

    def near(self, word: str, maxdist: int = 2) -> list[str]:
        """Return indexed words one edit from `word`, else two edits (sharing its first letters).

        One edit: every deletion, insertion, substitution and swap of `word` is looked up in
        the vocabulary. Two edits: words with the same first two letters whose letter pairs
        mostly agree are compared exactly.
        """
        close = [w for w in _one_edit(word) if w in self._set and w != word]
        if close or maxdist < 2:
            return sorted(set(close))
        head = word[:2]
        lo = bisect.bisect_left(self._words, head)
        hi = bisect.bisect_left(self._words, head + "\uffff")
        pairs = _pairs(word)
        need = len(pairs) - 2 * maxdist
        return [w for w in self._words[lo:hi]
                if abs(len(w) - len(word)) <= maxdist and len(pairs & _pairs(w)) >= need
                and edit_distance(word, w, maxdist) <= maxdist]


def reader_words(reader: Any, fields: Iterable[str] = LEXICON_FIELDS) -> set[str]:
    """Return the alphabetic terms of a Whoosh reader's text fields, segment by segment."""
    words: set[str] = set()
    for leaf, _ in reader.leaf_readers():
        for name in fields:
            if name not in leaf.schema:
                continue
            for term in leaf.lexicon(name):
                word = term.decode("utf-8") if isinstance(term, bytes) else term
                if word.isalpha():
                    words.add(word)
    return words


def write_vocabulary(generation: Path, commit: int, words: Iterable[str]) -> None:
    """Write the stemmable words of Whoosh commit `commit` to the generation's vocabulary file."""
    kept = sorted({w for w in words if is_stemmable(w)})
    tmp = Path(generation) / (VOCABULARY_FILE + ".tmp")
    tmp.write_text(f"{_VOCABULARY_HEADER} {commit}\n" + "\n".join(kept) + "\n", encoding="utf-8")
    os.replace(tmp, Path(generation) / VOCABULARY_FILE)


def read_vocabulary(generation: Path, commit: int) -> list[str] | None:
    """Return the vocabulary written for Whoosh commit `commit`, or None when there is none."""
    try:
        text = (Path(generation) / VOCABULARY_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        if not isinstance(exc, FileNotFoundError):
            log.warning("cannot read the vocabulary of %s: %s", generation, exc)
        return None
    header, _, body = text.partition("\n")
    if header != f"{_VOCABULARY_HEADER} {commit}":
        return None
    return body.split()


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _one_edit(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return {
        *(a + b[1:] for a, b in splits if b),
        *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1),
        *(a + c + b[1:] for a, b in splits if b for c in _LETTERS),
        *(a + c + b for a, b in splits for c in _LETTERS),
    }


def _pairs(word: str) -> set[str]:
    return {word[i : i + 2] for i in range(len(word) - 1)}
