"""Indonesian text analysis: tokens, stop words, guarded stemming, and the Whoosh analyzer.

One pure pipeline serves indexing, querying and snippets, so the three always agree:
`tokenize` finds words and citation tokens with their character offsets, `normalize` lowercases,
`stem` reduces a word to its root (Sastrawi, cached, with a guard against known over-stemming).

The index stores exact lowercase words (stop words dropped, their positions kept so phrases
stay aligned); stemming happens at query time, where a word is expanded to the indexed words
that share its stem (see `index.lexicon`). Measured on the shared corpus, writing a stem beside
every word, or indexing every Pasal as its own document, made a full rebuild five times slower.

Whoosh pickles the schema with its analyzer, so `IndonesianAnalyzer`, `IndonesianPositions`
(the postings format of text fields: the same tokens, grouped per word in one tight loop
instead of one Token object per word) and `IndonesianFrequency` (the body again, without
positions, for scoring) live here, at a stable import path, and hold no state;
the stemmer itself is created lazily per process.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Token, Tokenizer
from whoosh.formats import Frequency, Positions
from whoosh.system import pack_uint

STEMMERS = ("sastrawi", "none")

# Composite numbers stay whole ("55/2018", "842.2/5193/SJ", "336/E-01/HK/2018"); otherwise
# runs of letters and digits. Hyphenated words ("undang-undang") split into their parts.
_TOKEN = re.compile(r"\d+(?:[./\-]\w+)+|[^\W_]+")

# Function words only: packaged Indonesian lists also drop content words that matter in law
# ("bagian", "bulan", "tiga", "tahun", "tidak"), which we keep.
STOP_WORDS: frozenset[str] = frozenset(
    (
        "yang", "dan", "di", "ke", "dari", "untuk", "dengan", "pada", "dalam", "atau",
        "ini", "itu", "oleh", "sebagai", "adalah", "bagi", "serta", "akan", "telah",
        "tersebut", "juga", "karena", "maka", "agar", "supaya", "bahwa", "secara", "antara",
        "terhadap", "atas", "kepada", "sebagaimana", "yaitu", "yakni", "apabila", "jika",
        "bila", "para", "pun", "lagi", "sudah", "masih", "namun", "tetapi", "sedangkan",
        "dapat", "harus", "hanya", "saja", "suatu", "sebuah", "nya", "lah", "kah", "tanpa",
        "hingga", "sampai", "sejak", "selama"
    )
)

# Known over-stemming, found by reading Sastrawi's output on our corpus: a derived noun whose
# stem is a function word ("peserta" -> "serta"), or families Sastrawi merges although they
# mean different things ("berlaku" in force vs "melakukan" to do -> "laku";
# "bagian" part vs "bagi" for; "pemerintah" government vs "perintah" order;
# "ketentuan" provision vs "tentu" certainly).
STEM_OVERRIDES: dict[str, str] = {
    **dict.fromkeys(("peserta", "pesertanya", "kepesertaan", "kepesertaannya"), "peserta"),
    **dict.fromkeys(
        ("berlaku", "berlakunya", "diberlakukan", "memberlakukan", "pemberlakuan",
         "keberlakuan", "keberlakuannya", "diberlakukannya"),
        "berlaku",
    ),
    **dict.fromkeys(("bagian", "bagiannya", "bagian-bagian"), "bagian"),
    **dict.fromkeys(("pemerintah", "pemerintahan", "pemerintahnya"), "pemerintah"),
    **dict.fromkeys(("ketentuan", "ketentuannya"), "ketentuan"),
}

_CACHE_LIMIT = 400_000
_cache: dict[str, str] = {}
_stemmer_lock = threading.Lock()
_stemmer: Any = None


def tokenize(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield (raw token, start, end) for every word or citation token in `text`."""
    for match in _TOKEN.finditer(text):
        yield match.group(0), match.start(), match.end()


def normalize(token: str) -> str:
    """Return the token lowercased, with compatibility forms folded (full-width digits)."""
    if token.isascii():
        return token.lower()
    return unicodedata.normalize("NFKC", token).lower()


def is_stemmable(word: str) -> bool:
    """Return True for words the stemmer should see: letters only, 4 to 40 of them."""
    return 3 < len(word) <= 40 and word.isalpha()


def _sastrawi() -> Any:
    global _stemmer
    if _stemmer is None:
        with _stemmer_lock:
            if _stemmer is None:
                from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

                _stemmer = StemmerFactory().create_stemmer()
    return _stemmer


def stem(word: str, stemmer: str = "sastrawi") -> str:
    """Return the guarded, cached stem of a lowercase word."""
    if stemmer == "none" or not is_stemmable(word):
        return word
    found = _cache.get(word)
    if found is not None:
        return found
    found = STEM_OVERRIDES.get(word)
    if found is None:
        found = _sastrawi().stem(word) or word
        if found in STOP_WORDS or len(found) < 3 or not found.isalpha():
            found = word
    if len(_cache) < _CACHE_LIMIT:
        _cache[word] = found
    return found


def words(text: str) -> list[str]:
    """Return the normalized tokens of `text`, stop words included, in order."""
    return [normalize(raw) for raw, _, _ in tokenize(text)]


class IndonesianAnalyzer(Tokenizer):
    """Whoosh analyzer: lowercase words and citation tokens; stop words skipped, positions kept."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IndonesianAnalyzer)

    def __hash__(self) -> int:
        return hash(IndonesianAnalyzer)

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        """Yield Whoosh tokens for `value`."""
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        stop = STOP_WORDS
        for pos, match in enumerate(_TOKEN.finditer(value)):
            raw = match.group(0)
            word = raw.lower() if raw.isascii() else normalize(raw)
            if word in stop:
                continue
            token.text = word
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = raw
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token


class _FastWordValues:
    """`word_values` from one regex pass (`word_positions`) when the analyzer is ours.

    Whoosh's own `word_values` drives the analyzer token by token through generator layers;
    indexing is dominated by that overhead. This yields exactly the same words, frequencies and
    values (tests check both formats agree with Whoosh's). Any other analyzer falls back to
    Whoosh's generic path.
    """

    field_boost: float

    def value_of(self, positions: list[int]) -> bytes:
        """Return the encoded posting value of a word at `positions`."""
        raise NotImplementedError

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterator[
            tuple[str, int, float, bytes]]:
        """Yield (word, frequency, weight, encoded value) for each word of `value`."""
        if not isinstance(analyzer, IndonesianAnalyzer) or not isinstance(value, str):
            yield from super().word_values(value, analyzer, **kwargs)  # type: ignore[misc]
            return
        boost = self.field_boost
        value_of = self.value_of
        for word, positions in word_positions(value).items():
            yield word, len(positions), len(positions) * boost, value_of(positions)


class IndonesianPositions(_FastWordValues, Positions):
    """Whoosh positions format (text fields) over `IndonesianAnalyzer`'s words, fast."""

    def value_of(self, positions: list[int]) -> bytes:
        """Return Whoosh's encoding of the positions."""
        return self.encode(positions)


class IndonesianFrequency(_FastWordValues, Frequency):
    """Whoosh frequency format (no positions) over `IndonesianAnalyzer`'s words.

    Scoring reads only how often each word occurs, but a positions field's postings carry every
    position too: unpickling those was most of the cost of a query's first read of a common
    word. The body is therefore indexed twice, once with positions (phrases) and once with
    frequencies only (scoring); the second pass reuses the first one's tokens.
    """

    def value_of(self, positions: list[int]) -> bytes:
        """Return Whoosh's encoding of the frequency."""
        return pack_uint(len(positions))


_last_analysis = threading.local()


def word_positions(value: str) -> dict[str, list[int]]:
    """Return word -> token positions of `value` (stop words dropped, positions kept).

    The last text analysed in this thread is remembered, so indexing one text into two fields
    (with and without positions) tokenizes it once.
    """
    last = getattr(_last_analysis, "entry", None)
    if last is not None and last[0] is value:
        return last[1]
    stop = STOP_WORDS
    poses: dict[str, list[int]] = {}
    for pos, raw in enumerate(_TOKEN.findall(value)):
        word = raw.lower() if raw.isascii() else normalize(raw)
        if word in stop:
            continue
        found = poses.get(word)
        if found is None:
            poses[word] = [pos]
        else:
            found.append(pos)
    _last_analysis.entry = (value, poses)
    return poses
