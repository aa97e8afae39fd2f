"""Repair OCR damage in the identity lines of national regulations before they are read.

Scanned UU/PP texts spell their own heading "PEMTURAN PEMERINTAH REPUBLIK INDONESIA",
"PERATURAN PEMERINTAI{ REPUBLIK ...", "UNDANO-UNDANG REPUBLIK ...", "UNDANG- REPUBLIK ..."
(a line lost), "NPOMOR 24", "TAHUN ^2017" or "UNDANG‐UNDANG" with a Unicode hyphen. National
headings always read "<jenis> REPUBLIK INDONESIA NOMOR ...", so the words right before an
upper-case "REPUBLIK INDONESIA" that is followed by a number are compared with the national
type names and rewritten when they are close (edit distance <= 20 % of the name).

`settle_year` weighs the heading's year against the other places a text states it.
"""

from __future__ import annotations

import re

from corpus.textdistance import edit_distance
from crawler.extract.citations import fix_ocr_digits, parse_year

_NATIONAL = {
    "UNDANGUNDANG": "UNDANG-UNDANG",
    "PERATURANPEMERINTAH": "PERATURAN PEMERINTAH",
    "PERATURANPEMERINTAHPENGGANTIUNDANGUNDANG": "PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG",
    "PERATURANPRESIDEN": "PERATURAN PRESIDEN",
    "KEPUTUSANPRESIDEN": "KEPUTUSAN PRESIDEN",
    "INSTRUKSIPRESIDEN": "INSTRUKSI PRESIDEN",
}
# hyphens, dashes and the minus sign OCR and typists put for a hyphen ("UNDANG–UNDANG")
_HYPHENS = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
                          "^": None})
# "REPUBLIK INDONESIA" (OCR-tolerant) followed by a damaged or plain "NOMOR"
_ANCHOR = re.compile(
    r"(?<=[\s\-])REPUB[A-Z]{2,4}\s*I[NO0][DO0][O0]?[A-Z.]{3,6}\s+"
    r"(?P<nomor>N\W?[A-Z0]{0,2}\W?M\W?[O0]\W?R|NOMOR)(?=\s*[\dOIl])"
)
_MIN_RATIO = 0.8
# A letter-spaced heading: "PERATU RAN PEM ERI N TAH REPU BLI K ... N O M O R 71 TAH U N 2016"
_SPACED = re.compile(r"(?<![\w-])(?:[A-Z0-9:;!|]{1,6} ){7,}[A-Z0-9]{1,6}(?![\w-])")
_HEADING_WORDS = re.compile(r"PERATURAN|PEMERINTAH|PENGGANTI|UNDANG|REPUBLIK|INDONESIA|NOMOR|"
                            r"TAHUN|TENTANG|PRESIDEN|SALINAN|\d+")


def repair_heading(text: str) -> str:
    """Return the text with OCR-damaged national heading words spelled right."""
    text = _SPACED.sub(_despace, text.translate(_HYPHENS))
    pieces: list[str] = []
    last = 0
    for match in _ANCHOR.finditer(text):
        start = match.start()
        head = text[max(last, start - 60) : start]
        fixed = _fix_type(head)
        if fixed is None and match.group("nomor") == "NOMOR":
            continue
        pieces.append(text[last : start - len(head)])
        pieces.append(fixed if fixed is not None else head)
        pieces.append(text[start : match.start("nomor")] + "NOMOR")
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _despace(match: re.Match[str]) -> str:
    """Return a letter-spaced heading run with its words put back together, up to TENTANG."""
    tokens = match.group(0).split(" ")
    letters, end = "", 0
    while end < len(tokens) and not letters.endswith("TENTANG"):
        letters += tokens[end]
        end += 1
    if "NOMOR" not in letters:
        return match.group(0)
    words = _HEADING_WORDS.sub(lambda m: f" {m.group(0)} ", letters)
    rest = " ".join(tokens[end:])
    return re.sub(r"\s+", " ", words).strip() + (" " + rest if rest else "")


def _fix_type(head: str) -> str | None:
    """Return `head` with its last words replaced by a national type name, or None."""
    tokens = list(re.finditer(r"\S+", head))
    best: tuple[float, int, str] | None = None
    for count in range(1, min(6, len(tokens)) + 1):
        first = tokens[-count]
        words = head[first.start() :]
        letters = re.sub(r"[^A-Z]", "", words.upper().replace("{", "H"))
        if not letters or sum(c.islower() for c in words) > len(letters) / 4:
            break
        for key, name in _NATIONAL.items():
            if letters == key and words.strip() == name:
                return None  # already right
            longest = max(len(letters), len(key))
            distance = edit_distance(letters, key, longest)
            ratio = 1 - distance / longest
            if letters == "UNDANG" and key == "UNDANGUNDANG":
                ratio = 1.0  # "UNDANG-" + a lost line: only one type starts so
            if ratio >= _MIN_RATIO and (best is None or ratio > best[0]):
                best = (ratio, first.start(), name)
    if best is None:
        return None
    return head[: best[1]] + best[2] + " "


_PENJELASAN_ID = re.compile(
    r"PENJELASAN\s+(?:ATAS\s+)?[A-Z][A-Z \-]{5,80}?\s+NOMOR\s*(?P<num>[0-9OIl]{1,4})\s*,?\s*"
    r"TAHUN\s*(?P<year>[0-9OIl]{4})\b"
)


def penjelasan_identity(text: str) -> tuple[str, int] | None:
    """Return (number, year) the "PENJELASAN ATAS ... NOMOR n TAHUN y" heading states."""
    match = _PENJELASAN_ID.search(text)
    if match is None:
        return None
    number = fix_ocr_digits(match.group("num"), force=True).lstrip("0") or "0"
    year = parse_year(match.group("year"))
    return (number, year) if year else None


def settle_year(heading: int | None, witnesses: list[int | None], latest: int) -> int | None:
    """Return the year a regulation carries, weighing its heading against other witnesses.

    The heading's year stands unless it is impossible (after `latest`) or two other witnesses
    (the Penjelasan heading and the closing "Ditetapkan ... tanggal") agree on another year:
    then theirs is taken. OCR turns "2018" into "2078" and
    "2014" into "2004"; the closing dates and the Penjelasan are read from other lines.
    """
    seen = [w for w in witnesses if w is not None and 1900 <= w <= latest]
    if heading is not None and heading <= latest and heading in seen:
        return heading
    counts = {year: seen.count(year) for year in seen}
    best = max(counts, key=lambda y: counts[y], default=None)
    if best is not None and (counts[best] >= 2 or heading is None or heading > latest):
        return best
    return heading if heading is not None and heading <= latest else None
