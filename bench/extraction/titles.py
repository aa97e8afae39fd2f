"""How a parsed `tentang` is compared with the reference title of a record: one normalisation.

`normalise_title` is applied to BOTH sides (the parser's title and the reference, which is the
peraturan.go.id metadata `tentang` or the record's `judul`), in this order:

1. upper case; Unicode hyphens and dashes -> "-"; quotes dropped;
2. abbreviations spelled out as whole words: RI -> REPUBLIK INDONESIA, PP -> PERATURAN
   PEMERINTAH, UU -> UNDANG-UNDANG, PERPU/PERPPU -> PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG,
   UU DRT -> UNDANG-UNDANG DARURAT, KAB. -> KABUPATEN, PROV. -> PROVINSI, NO./NR. -> NOMOR,
   PROPINSI -> PROVINSI (the old spelling);
3. a cited number written "X-Y" or "X/Y" after a type name (PP 28-2001) -> "NOMOR X TAHUN Y";
4. "PERUBAHAN ATAS" -> "PERUBAHAN" (the metadata drops "ATAS");
5. only letters and digits are kept.

Three figures are reported: strict (only step 5), normalised (all steps, equal strings) and
fuzzy (token-set F1 >= 0.9 on the normalised words, 2|A&B| / (|A| + |B|)), so a reader sees how
much of a gap is the reference's spelling and how much the parser. A reference taken from "the
first line of text" (not metadata) runs on into the next words of the text ("... KERETA API
DENGAN RAHMAT TUHAN ... bahwa ..."): it is cut where a title ends ("DENGAN RAHMAT", "Menimbang",
"Mengingat", "bahwa") before comparing, and otherwise a parsed title that is a prefix of at least
60 % of it counts as normalised-equal.
"""

from __future__ import annotations

import itertools
import re

from corpus.textdistance import edit_distance
from crawler.extract.wordrepair import repair_title

_NAMES = {
    "PP": "PERATURAN PEMERINTAH",
    "UU": "UNDANG-UNDANG",
    "PERPU": "PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG",
    "PERPPU": "PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG",
}
_STEPS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[‐‑‒–—−]"), "-"),
    (re.compile(r"[\"'“”‘’`]"), ""),
    (re.compile(r"\bR\.?I\b\.?"), "REPUBLIK INDONESIA"),
    (re.compile(r"\bUU\s+DRT\b\.?"), "UU DARURAT"),
    (re.compile(r"\bKAB\.\s*|\bKAB\b"), "KABUPATEN "),
    (re.compile(r"\bPROV\.\s*|\bPROV\b"), "PROVINSI "),
    (re.compile(r"\bPROPINSI\b"), "PROVINSI"),
    (re.compile(r"\b(?:NO|NR)\s*\.\s*|\bNO\b"), "NOMOR "),
)
_TYPE_WORD = r"(?:PP|UU|PERPU|PERPPU|DARURAT|PERATURAN PEMERINTAH|UNDANG-UNDANG|UNDANG UNDANG)"
_SHORT_NUMBER = re.compile(_TYPE_WORD.join((r"(?P<type>", r")")) +
                           r"\s+(?:NOMOR\s+)?(?P<num>\w+)\s*[-/]\s*(?P<year>\d{4})\b")
_ABBREVIATION = re.compile(r"\b(PP|UU|PERPU|PERPPU)\b")
_RUN_ON = re.compile(r"\s(?:DENGAN\s+RA[KC]?HMAT|(?:Menimbang|Mengingat|Menetapkan|bahwa)\b).*$",
                     re.IGNORECASE | re.DOTALL)


def normalise_title(text: str | None) -> str:
    """Return a title in the one comparable form (see the module docstring)."""
    out = (text or "").upper()
    for pattern, repl in _STEPS:
        out = pattern.sub(repl, out)
    out = _SHORT_NUMBER.sub(
        lambda m: f"{m.group('type')} NOMOR {m.group('num')} TAHUN {m.group('year')}", out)
    out = _ABBREVIATION.sub(lambda m: _NAMES[m.group(1)], out)
    out = re.sub(r"\bPERUBAHAN\s+((?:KE\w+\s+)*)ATAS\b", r"PERUBAHAN \1", out)
    return re.sub(r"[^A-Z0-9]", "", out)


def strict_title(text: str | None) -> str:
    """Return only the lowercase letters and digits of a title (the strict comparison)."""
    return re.sub(r"[^a-z0-9]", "", (text or "").lower())


def _words(text: str) -> set[str]:
    return {w for w in (re.sub(r"[^A-Z0-9]", "", t) for t in re.split(r"[\s,;:()/-]+", text)) if w}


def token_f1(found: str | None, want: str | None) -> float:
    """Return the token-set F1 of two titles after normalisation (0.0 when either is empty)."""
    a, b = _words(_expand(found)), _words(_expand(want))
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def _expand(text: str | None) -> str:
    """Return a title with abbreviations spelled out but words still apart."""
    out = (text or "").upper()
    for pattern, repl in _STEPS:
        out = pattern.sub(repl, out)
    return _ABBREVIATION.sub(lambda m: _NAMES[m.group(1)], out)


def title_matches(found: str | None, want: str | None, *, first_line: bool,
                  text: str | None = None) -> tuple[bool, bool, bool]:
    """Return (strict, normalised, fuzzy) equality of a parsed title and its reference.

    A first-line reference is raw text, OCR damage included ("TAHUN 2OO8", "DAI,AM"); with the
    document's `text` its words are read with the same document dictionary as the parser's
    (`crawler.extract.wordrepair`) before the normalised comparison, which then checks where
    the title starts and ends, not whether the OCR was kept. The strict figure compares raw.
    """
    strict = bool(found) and strict_title(found) == strict_title(want)
    if first_line:  # a reference that runs on into the text is cut where a title ends
        want = _RUN_ON.sub("", want or "")
        if text:
            want = repair_title(want, text)[0]
    got, ref = normalise_title(found), normalise_title(want)
    normalised = bool(got) and got == ref
    if first_line and not normalised:
        normalised = bool(got) and ref.startswith(got) and len(got) >= 0.6 * len(ref)
    fuzzy = normalised or token_f1(found, want) >= 0.9
    return strict, normalised, fuzzy


# --- The reference projected onto the text -------------------------------------------------
#
# The metadata titles carry their own typing errors ("PENHITUNGAN", "YOGYAKARA"), abbreviations
# ("DPRD", "TVRI") and shortened names, which no parser reading the text can reproduce. The
# aligned figure asks instead: did the parser return the SAME SPAN of the text that the
# reference title stands for? The reference is aligned to the opening of the text (local
# alignment of words, a word matching when it is equal or a typo away); the span of text between
# the first and last aligned words, in the text's own spelling, becomes the reference. The
# parser's output is never consulted for this, so the span's boundaries are the metadata's: a
# metadata title that stops early or names only an inner title still counts against the parser.
# A reference that aligns poorly (fewer than 70 % of its words) is not projected: it is then
# compared as in the normalised figure.

ALIGN_WORDS = 400  # the opening of the text where a title is looked for
ALIGN_MIN_COVER = 0.7
_ALIGN_TOKEN = re.compile(r"[^\W_]+")


def _token_close(a: str, b: str) -> bool:
    """Return True when two words are equal or a typo apart (one edit, two for long words)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 2:
        return False
    limit = 1 if max(len(a), len(b)) < 8 else 2
    return edit_distance(a, b, limit) <= limit


def aligned_reference(reference: str | None, text: str) -> str | None:
    """Return the span of `text` that `reference` aligns to, or None when it aligns poorly."""
    expanded = _SHORT_NUMBER.sub(
        lambda m: f"{m.group('type')} NOMOR {m.group('num')} TAHUN {m.group('year')}",
        _expand(reference))
    ref = [w.upper() for w in _ALIGN_TOKEN.findall(expanded)]
    tokens = [(m.group().upper(), m.start(), m.end())
              for m in itertools.islice(_ALIGN_TOKEN.finditer(text), ALIGN_WORDS)]
    if not ref or not tokens:
        return None
    match, mismatch, gap = 2, -1, -1
    width = len(ref) + 1
    score = [0] * width
    start = [-1] * width  # text index where the alignment ending in this cell begins
    covered = [0] * width  # reference words matched along it
    best = (0, -1, -1, 0)  # score, start token, end token, covered
    close: dict[tuple[str, str], bool] = {}
    for t, (word, _, _) in enumerate(tokens):
        new_score, new_start, new_cover = [0] * width, [-1] * width, [0] * width
        for r in range(1, width):
            key = (word, ref[r - 1])
            same = close.get(key)
            if same is None:
                same = close[key] = _token_close(word, ref[r - 1])
            options = (
                (score[r - 1] + (match if same else mismatch),
                 start[r - 1] if score[r - 1] > 0 else t, covered[r - 1] + same),
                (score[r] + gap, start[r], covered[r]),  # a text word the reference lacks
                (new_score[r - 1] + gap, new_start[r - 1], new_cover[r - 1]),  # and the reverse
            )
            value, begin, cover = max(options, key=lambda o: o[0])
            if value > 0:
                new_score[r], new_start[r], new_cover[r] = value, begin, cover
                if value > best[0]:
                    best = (value, begin, t, cover)
        score, start, covered = new_score, new_start, new_cover
    _, first, last, cover = best
    if first < 0 or cover < ALIGN_MIN_COVER * len(ref):
        return None
    return text[tokens[first][1]:tokens[last][2]]


def aligned_matches(found: str | None, want: str | None, text: str) -> bool:
    """Return True when the parsed title equals the text span its reference aligns to."""
    span = aligned_reference(want, text)
    if span is not None:  # the text's own words: read like the parser reads them (see above)
        span = repair_title(span, text)[0]
    got = normalise_title(found)
    return bool(got) and got == normalise_title(span if span is not None else want)
