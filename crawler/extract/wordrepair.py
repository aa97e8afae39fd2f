"""Repair OCR damage in a title with the document's own words as the dictionary.

Scanned regulations carry OCR damage in the very lines a reader sees first: "TAHUN 2OO8",
"DAI,AM" (an L read as "I,"), "PROVINS!", "PEMEZUNTAH", "HARMONI SASI", "PERSYARATANDAN". The
same words are almost always spelled right somewhere else in the same document, many times (the
body says "Pemerintah" on every page), so the document is its own dictionary: a title word that
occurs nowhere else in the text is replaced by a near word (a few edits away) that occurs there
often. A general Indonesian dictionary would be wrong here: titles are full of names
("LHOKSEUMAWE", "SRIWIJAYA") a dictionary lacks but the document repeats.

Guards, so a correct word is never "repaired":
- a word the text uses elsewhere is kept, as is any word of fewer than four letters, except a
  long word seen only in the title and its restatement (`TITLE_REPEATS`) while a word one
  confused letter away fills the body (`FAR_COMMONER`): "PERTOIONGAN" beside 91 "Pertolongan";
- the replacement must occur at least `MIN_COUNT` times and be the one clear best candidate;
- a word made only of capital letters is repaired only by OCR-like edits (`ocr_distance`:
  confused letters such as I/T, C/G or E/D, "RA" read as "M", a lost stroke or first letter),
  one for short words and two for longer ones, so "PENGUBAHAN" never becomes the body's
  "PERUBAHAN", "KEMENTRIAN" (old spelling) "KEMENTERIAN", nor an English "REPUBLIC" the body's
  "REPUBLIK" (K for C is no OCR confusion);
- a word holding OCR debris (",", "!", "{", digits among letters, stray lower case) is damaged
  for sure: any edits count, one more is allowed since the debris itself costs edits, and OCR
  edits count as one ("lVATlOlVS": "IV" read for N twice);
- glued words ("PERSYARATANDAN", "KESEBELASATASPERATURAN") are split into words the text uses
  elsewhere, split words ("HARMONI SASI") joined only into words the text uses often; a number
  glued to a word ("TAHUN1985") is parted; words joined by a slash ("NEGAM/DAERAH") are
  repaired one by one;
  numbers read with letters ("2OO8", "5I") follow the O/0 and I/1 rule of citations.
Measured on the 3,378 UU/PP texts (bench.extraction.regulations): about 150 titles change, and
a read of every change found three wrong, all where the text itself repeats the misspelling
more often than the right word ("COMPREHENSIUE").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from corpus.textdistance import edit_distance
from crawler.extract.citations import fix_ocr_digits

MIN_COUNT = 3
TITLE_REPEATS = 2  # a title word seen this often may be only the heading and its restatement
FAR_COMMONER = 10  # ... and is read as an OCR-near word this many times commoner
MIN_RARE_LENGTH = 7  # ... if it is long enough that one confused letter is not another word
MIN_CAPS_ONLY_LENGTH = 5  # a word the text writes only in capitals, read as a near word that ...
CAPS_ONLY_COMMONER = 3  # ... the running text writes in its own case and this many times more
MAX_CANDIDATES = 1000  # per word length (the longest UU, 1.3 M characters, has at most 356)
MAX_GLUED = 40  # letters of a glued word split back into words ("PROVINSIPAPUAPEGUNUNGAN": 23)
MAX_SEARCHES = 30  # words of one title looked up; a title is rarely damaged in more
MIN_LENGTH = 4
_LETTERS = re.compile(r"[A-Za-z]+")
_EDGE = re.compile(r"^(?P<lead>[\"'“‘(_*]*)(?P<core>.*?)(?P<trail>[\"'”’),.;:_*]*)$", re.DOTALL)
_LETTERS_ONLY = re.compile(r"[^A-Za-z]")
_NUMBERISH = re.compile(r"[0-9OIlL|]+")
_GLUED_NUMBER = re.compile(r"(?P<word>[A-Z]{3,})(?P<number>[0-9OIl]*[0-9][0-9OIl]*)"
                           r"|(?P<before>[0-9OIl]*[0-9][0-9OIl]*)(?P<after>[A-Z]{3,})")
_DEBRIS = re.compile(r"[^A-Za-z0-9\-/&]")
# A glued word holds only letters (and "!" or "]" read for I): "PERSYARATANDAN",
# "PENJAMINANRES!"; not "UMUM(PERUM)JASA" (the title's own punctuation) nor "PEI{YERTAAN"
_NOT_GLUE = re.compile(r"[^A-Za-z!\]|]")
_GLYPH_LETTERS = {"I{": "N", "}I": "H", "I,": "L", "I.": "L", 'I"': "L"}
_GLYPHS = re.compile("|".join(re.escape(k) for k in _GLYPH_LETTERS))
_POSSESSIVE = re.compile(r"['’]S$")
_LOOKS_LIKE_I = str.maketrans("!]|", "III")


class Vocabulary:
    """Upper-case word counts of one document's text, built on first use."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._forms: Counter[str] | None = None
        self._counts: Counter[str] | None = None
        self._cased: Counter[str] | None = None
        self._by_length: dict[int, list[tuple[str, int, int]]] = {}
        self.searches_left = MAX_SEARCHES

    @property
    def forms(self) -> Counter[str]:
        """Return how often each word occurs as written; the text is read once for both counts."""
        if self._forms is None:
            self._forms = Counter(_LETTERS.findall(self._text))
        return self._forms

    @property
    def counts(self) -> Counter[str]:
        """Return how often each upper-cased word occurs in the text."""
        if self._counts is None:
            self._counts = Counter()
            for form, n in self.forms.items():
                self._counts[form.upper()] += n
        return self._counts

    @property
    def cased(self) -> Counter[str]:
        """Return how often each word occurs written with lower case ("Barang", "barang")."""
        if self._cased is None:
            self._cased = Counter()
            for form, n in self.forms.items():
                if not form.isupper():
                    self._cased[form.upper()] += n
        return self._cased

    def common(self, length: int) -> list[tuple[str, int, int]]:
        """Return (word, count, letter mask) of the most frequent words of this length.

        Only words occurring at least `MIN_COUNT` times, at most `MAX_CANDIDATES` of them: a
        real document has far fewer, and a hostile one cannot make each search slow.
        """
        found = self._by_length.get(length)
        if found is None:
            words = sorted(((n, w) for w, n in self.counts.items()
                            if n >= MIN_COUNT and len(w) == length), reverse=True)
            found = [(w, n, letter_mask(w)) for n, w in words[:MAX_CANDIDATES]]
            self._by_length[length] = found
        return found


def letter_mask(word: str) -> int:
    """Return a bit per letter A-Z present in `word`."""
    mask = 0
    for char in word:
        if "A" <= char <= "Z":
            mask |= 1 << (ord(char) - 65)
    return mask


def repair_title(title: str, text: str, vocabulary: Vocabulary | None = None) -> tuple[str, int]:
    """Return `title` with OCR-damaged words repaired from `text`, and how many were repaired."""
    tokens = title.split()
    if not tokens:
        return title, 0
    vocabulary = vocabulary or Vocabulary(text)
    vocabulary.searches_left = MAX_SEARCHES
    letters = _LETTERS_ONLY.sub("", title)
    upper_title = sum(1 for c in letters if c.isupper()) >= 0.8 * len(letters)
    out: list[str] = []
    repaired = 0
    i = 0
    while i < len(tokens):
        joined = _join(tokens, i, vocabulary) if upper_title else None
        if joined is not None:
            out.append(joined)
            repaired += 1
            i += 2
            continue
        fixed = _repair_token(tokens[i], vocabulary, upper_title)
        repaired += fixed.upper() != tokens[i].upper()  # not a change of case alone
        out.append(fixed)
        i += 1
    return " ".join(out), repaired


def _known(word: str, vocabulary: Vocabulary) -> bool:
    """Return True when the text uses this word outside the title too."""
    return vocabulary.counts.get(word, 0) >= 2


def _join(tokens: list[str], i: int, vocabulary: Vocabulary) -> str | None:
    """Return two neighbouring words joined when only the joined word is the text's."""
    if i + 1 >= len(tokens):
        return None
    left, right = tokens[i], tokens[i + 1]
    if not (left.isalpha() and right.isalpha() and left.isupper() and right.isupper()):
        return None
    # Both halves are strangers to the text, or one is a lone letter ("M ODAL")
    if _known(right, vocabulary) or (_known(left, vocabulary) and len(left) > 1):
        return None
    joined = left + right
    return joined if vocabulary.counts.get(joined, 0) >= MIN_COUNT else None


def _repair_token(token: str, vocabulary: Vocabulary, upper_title: bool) -> str:
    if token.startswith("(") and token.endswith(("}", "]")):
        token = token[:-1] + ")"  # "(PERSERO}": a closing parenthesis read as a brace
    parts = _EDGE.match(token)
    if parts is None:  # pragma: no cover - the pattern matches every string
        return token
    lead, core, trail = parts.group("lead"), parts.group("core"), parts.group("trail")
    if _NUMBERISH.fullmatch(core) and any(c.isdigit() for c in core):
        return lead + fix_ocr_digits(core) + trail
    glued = _GLUED_NUMBER.fullmatch(core) if len(core) <= MAX_GLUED else None
    if glued and vocabulary.counts.get(glued.group("word") or glued.group("after"), 0) >= MIN_COUNT:
        # "TAHUN1985", "2O16TENTANG": a word the text knows and a number, a space lost
        word, number = glued.group("word") or glued.group("after"), glued.group("number")
        number = fix_ocr_digits(number or glued.group("before"))
        return lead + (f"{word} {number}" if glued.group("word") else f"{number} {word}") + trail
    if not upper_title or len(_LETTERS_ONLY.sub("", core)) < MIN_LENGTH:
        return token
    if _POSSESSIVE.search(core):
        return token  # "PEOPLE'S"
    letters_only = core.isalpha() and core.isupper()
    if core.isalpha() and sum(c.isupper() for c in core) <= sum(c.islower() for c in core):
        return token  # a word in its own case ("(Persero)", "Tbk"), not stray lower case
    upper = core if letters_only else core.replace("l", "I").upper()  # "lNDONESIA", "SIPlL"
    if upper.isalpha() and _known(upper, vocabulary):
        if letters_only:
            better = _misread(upper, vocabulary)
            return lead + better + trail if better else token
        # Stray lower case ("HARi") is right when the text knows the word well; a damaged word
        # the text repeats where the title is ("PEMEzuNTAH" in the heading, the Menetapkan and
        # the Penjelasan) is read as the text's common word when that is far commoner
        better = _closest(upper, vocabulary, 2, edit_distance, avoid=upper)
        if better and vocabulary.counts[better] > 3 * vocabulary.counts[upper]:
            return lead + better + trail
        return lead + upper + trail
    parts_of = core.split("/")
    if (len(parts_of) > 1 and _DEBRIS.search(core) is None and all(p.isalpha() for p in parts_of)
            and any(_known(p.upper(), vocabulary) and len(p) >= MIN_LENGTH for p in parts_of)):
        # "NEGAM/DAERAH": two words, one the text knows; not "PENGAV/ASAN" ("V/" read for W)
        fixed = "/".join(_repair_token(p, vocabulary, upper_title) if p else p
                         for p in parts_of)
        return lead + fixed + trail
    if _DEBRIS.search(core) is None and not core.isalpha() and all(
            len(p) < MIN_LENGTH or _known(p.upper(), vocabulary) for p in _LETTERS.findall(core)):
        return token  # "KEUANGAN/ADMINISTRATIF", "UNDANG-": known words joined
    limit = (1 if len(upper) < 6 else 2) + (0 if letters_only else 1)
    if not letters_only:  # glyphs OCR reads as two characters: "I{" for N, "I," for L
        upper = _GLYPHS.sub(lambda m: _GLYPH_LETTERS[m.group()], upper)
    best = _closest(upper, vocabulary, limit, ocr_distance if letters_only else _damaged_distance)
    if best is None and len(upper) >= 8 and not _NOT_GLUE.search(core):
        best = _split(upper, vocabulary)
    return lead + best + trail if best else token


def _misread(word: str, vocabulary: Vocabulary) -> str | None:
    """Return the word an OCR engine misread as `word`, a word the text knows, or None.

    Two signs that a known capital word is damaged all the same, each with an OCR-near word
    (one OCR edit, same first letter) far commoner in the text:
    - seen only in the title's own repeats ("PERTOIONGAN" in the heading and the Menetapkan)
      while the near word fills the body (`FAR_COMMONER` times);
    - never written in lower case, while the near word is, often ("BAMNG" in the heading, the
      Menetapkan and three page headers; "Barang" all through the body): a title's real words
      come back in the running text's own case, OCR misreadings of capitals do not.
    Only a confused letter or a letter pair read as one ("RA" as "M") counts: a lost first
    letter or a thin stroke more or less makes other real words ("ALAM"/"DALAM",
    "TANGGAL"/"TANGGA").
    """
    count = vocabulary.counts[word]
    rare = count <= TITLE_REPEATS and len(word) >= MIN_RARE_LENGTH
    caps_only = len(word) >= MIN_CAPS_ONLY_LENGTH and not vocabulary.cased[word]
    if not (rare or caps_only):
        return None
    better = _closest(word, vocabulary, 1, ocr_distance, avoid=word)
    if better is None or better[0] != word[0]:
        return None
    if len(better) != len(word) and _stroke_apart(word, better):
        return None
    if rare and len(better) == len(word) and vocabulary.counts[better] >= FAR_COMMONER * count:
        return better
    if caps_only and vocabulary.cased[better] >= MIN_COUNT and (
            vocabulary.counts[better] >= CAPS_ONLY_COMMONER * count):
        return better
    return None


def _stroke_apart(word: str, other: str) -> bool:
    """Return True when the longer word is the shorter with one thin stroke more ("TANGGAL")."""
    longer, shorter = (word, other) if len(word) > len(other) else (other, word)
    return len(longer) == len(shorter) + 1 and any(
        longer[:i] + longer[i + 1 :] == shorter for i, c in enumerate(longer) if c in _STRAY)


def _closest(word: str, vocabulary: Vocabulary, limit: int,
             distance_of: Callable[[str, str, int], int], avoid: str = "") -> str | None:
    """Return the one frequent word of the text nearest to `word`, within `limit` edits."""
    if vocabulary.searches_left <= 0:
        return None
    vocabulary.searches_left -= 1
    scored: list[tuple[int, int, str]] = []
    mask = letter_mask(word)
    spread = 2 if distance_of is edit_distance else 3
    for length in range(max(MIN_LENGTH, len(word) - limit), len(word) + limit + 1):
        for candidate, count, letters in vocabulary.common(length):
            # one edit changes which letters occur by at most two ("RA" read as "M": three)
            if candidate == avoid or (mask ^ letters).bit_count() > spread * limit:
                continue
            distance = distance_of(word, candidate, limit)
            if distance <= limit:
                scored.append((distance, -count, candidate))
    if not scored:
        return None
    scored.sort()
    best = scored[0]
    if len(scored) > 1 and scored[1][0] == best[0] and -scored[1][1] * 2 > -best[1]:
        return None  # two words fit about as well: not clear which was meant
    return best[2]


def _damaged_distance(word: str, candidate: str, limit: int) -> int:
    """Return the edits between a word with OCR debris and a candidate: any edit, or OCR-like
    ones where they are fewer ("lVATlOlVS": "IV" read for N twice is two, not four)."""
    return min(edit_distance(word, candidate, limit), ocr_distance(word, candidate, limit))


def _split(word: str, vocabulary: Vocabulary) -> str | None:
    """Return a glued word ("PERSYARATANDAN") as the text's words it is made of, or None."""
    letters = re.sub(r"[^A-Z]", "", word.translate(_LOOKS_LIKE_I))
    if len(letters) > MAX_GLUED:
        return None  # not words glued at a lost space: no search over its cuts
    for cut in range(len(letters) - 3, 2, -1):
        head, rest = letters[:cut], letters[cut:]
        if not _known(head, vocabulary):
            continue
        if _known(rest, vocabulary):
            return f"{head} {rest}"
        tail = _split(rest, vocabulary) if len(rest) >= 6 else None
        if tail:
            return f"{head} {tail}"
    return None


# Letters an OCR engine reads one for the other in upper-case print, and the letter pairs it
# reads as one letter ("RA" as "M": "PEMTURAN"; "VE" as "W": "GOWRNMENT") and back.
_CONFUSED = frozenset(frozenset(p) for p in (
    "IL", "IT", "IJ", "LT", "EF", "EB", "EC", "ED", "CG", "CO", "OQ", "OD", "OU", "UV", "VY", "MN",
    "NH", "HK", "KX", "PF", "PR", "RK", "BR", "BS", "ZR"))
_MERGED = frozenset({("M", "RA"), ("M", "AA"), ("M", "RN"), ("M", "IN"), ("M", "NI"), ("M", "NT"),
                     ("W", "VE"), ("W", "VV"), ("N", "II"), ("N", "IV"), ("U", "LI"),
                     ("U", "II"), ("D", "CL")})
_STRAY = "IL"  # thin strokes an OCR engine adds or loses
_FAR = 99


def ocr_distance(word: str, candidate: str, limit: int) -> int:
    """Return the number of OCR-like edits turning `word` into `candidate` (limit + 1 if more).

    Only edits an OCR engine makes count: confused letters, a letter pair read as one letter
    (or one as a pair), a thin stroke added or lost, and a lost first letter. Any other
    difference ("PENGUBAHAN" / "PERUBAHAN", "PEJABAT" / "PENJABAT") is a different word.
    """
    rows, cols = len(word) + 1, len(candidate) + 1
    table = [[_FAR] * cols for _ in range(rows)]
    table[0][0] = 0
    for j in range(1, min(cols, 2)):  # a lost first letter ("IDUP" for "HIDUP")
        table[0][j] = 1
    for i in range(1, rows):
        a = word[i - 1]
        for j in range(cols):
            best = table[i - 1][j] + 1 if a in _STRAY else _FAR  # a stray stroke in `word`
            if j:
                b = candidate[j - 1]
                same = table[i - 1][j - 1] + (0 if a == b else
                                              1 if frozenset((a, b)) in _CONFUSED else _FAR)
                best = min(best, same, table[i][j - 1] + 1 if b in _STRAY else _FAR)
                if j >= 2 and (a, candidate[j - 2 : j]) in _MERGED:
                    best = min(best, table[i - 1][j - 2] + 1)
                if i >= 2 and (b, word[i - 2 : i]) in _MERGED:
                    best = min(best, table[i - 2][j - 1] + 1)
            table[i][j] = best
    return min(table[-1][-1], limit + 1)
