"""The end of a regulation's text: Penjelasan and Lampiran kept apart, and the closing.

`annex_start` finds where the body ends (the first "PENJELASAN" or "LAMPIRAN" heading after
it), `annex_parts` keeps each as one part, and `parse_closing` reads the place and date of
enactment ("Ditetapkan di Gianyar pada tanggal 12 Maret 2018") and promulgation
("Diundangkan di ...").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from corpus.model import Part
from crawler.extract.dates import parse_day

if TYPE_CHECKING:
    from crawler.extract.regulation import ParsedRegulation

# At a line's start: spaces, not more lines, before the word ("\n\s*" tried from every one of
# 40,000 blank lines took seconds; so did "\s*" then "\s+" over a long run of other spaces)
PENJELASAN = re.compile(r"\n[^\S\n]*PENJELASAN\s*(?:\n|ATAS\b)")
LAMPIRAN = re.compile(
    r"\n[^\S\n]*LAMPIRAN(?:\s+[IVX]+)?(?:[^\S\n]*[\n:]|\s+(?:PERATURAN|KEPUTUSAN))")
_ENACTED = re.compile(
    r"(?:Ditetapkan|Disahkan|Dikeluarkan)\s+di\s*:?\s*(?P<place>[A-Z][A-Za-z ]{1,40}?)\s*[,\n]?\s*"
    r"(?:pada\s+)?tanggal\s*:?\s*(?P<date>\d{1,2}\s*[A-Za-z]+\.?\s*\d{4})",
    re.IGNORECASE,
)
_PROMULGATED = re.compile(
    r"Diundangkan\s+di\s*:?\s*(?P<place>[A-Z][A-Za-z ]{1,40}?)\s*[,\n]?\s*"
    r"(?:pada\s+)?tanggal\s*:?\s*(?P<date>\d{1,2}\s*[A-Za-z]+\.?\s*\d{4})",
    re.IGNORECASE,
)
def annex_start(text: str, body_start: int) -> int:
    """Return where the Penjelasan or Lampiran starts (the end of the body), else len(text)."""
    ends = [m.start() for m in (PENJELASAN.search(text, body_start),
                                LAMPIRAN.search(text, body_start)) if m]
    return min(ends) if ends else len(text)


def annex_parts(text: str, start: int) -> list[Part]:
    """Return the Penjelasan and Lampiran parts that follow the body."""
    if start >= len(text):
        return []
    parts = []
    marks = sorted(
        (m.start(), kind)
        for kind, m in (("penjelasan", PENJELASAN.search(text, start)),
                        ("lampiran", LAMPIRAN.search(text, start)))
        if m
    )
    for i, (position, kind) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        body = text[position:end].strip()
        if body:
            parts.append(Part(kind, kind, kind.capitalize(), body))
    return parts


def parse_closing(text: str, result: ParsedRegulation) -> None:
    """Set the place and date of enactment and promulgation from the closing lines."""
    enacted = _ENACTED.search(text)
    if enacted:
        result.enacted_at_place = enacted.group("place").strip().title()
        result.enacted_on = parse_day(enacted.group("date"))
    promulgated = _PROMULGATED.search(text)
    if promulgated:
        result.promulgated_at_place = promulgated.group("place").strip().title()
        result.promulgated_on = parse_day(promulgated.group("date"))
