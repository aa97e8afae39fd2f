"""The body of a regulation as a tree of units: BAB, Bagian, Paragraf, Pasal, ayat; diktum; angka.

Real texts are noisy: several Pasal run together on one line, "Pasal 4" is mentioned inside
sentences, headings repeat across PDF pages. A heading opens a unit only when it stands at
the start of a line (or right after a sentence end), is not followed by a connector such as
"ayat" or "huruf", and its number continues the sequence. Amending regulations number their
articles with Roman numerals (Pasal I, Pasal II); the Arabic Pasal quoted inside them stay
text of the amending article. A decree (Keputusan) is made of diktum ("KESATU :", "KEDUA :")
instead, each a citable unit (`diktum-1`, "Diktum KESATU"), read only while no Pasal was seen.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from corpus.model import CITABLE_KINDS, Part

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_PASAL = re.compile(
    r"^Pasal\s+(?P<num>\d{1,3}[A-Z]?|[IVXLC]{1,6})(?![\w(])\s*[.:]?\s*(?P<rest>.*)$"
)
_BAB = re.compile(r"^BAB\s+(?P<num>[IVXLC]{1,7}|\d{1,3})(?![\w])\s*[.:]?\s*(?P<rest>.*)$")
_BAGIAN = re.compile(
    r"^Bagian\s+(?P<num>Ke\w+|Pertama|\d{1,2})\b\s*[.:]?\s*(?P<rest>.*)$", re.IGNORECASE
)
_PARAGRAF = re.compile(r"^Paragraf\s+(?P<num>\d{1,2}|Ke\w+)\b\s*[.:]?\s*(?P<rest>.*)$")
_INLINE_SPLIT = re.compile(
    r"(?<=[.;:])\s+(?=(?:Pasal\s+(?:\d{1,3}[A-Z]?|[IVXLC]{1,6})\.?\s+(?:\(1\)\s|[A-Z])"
    r"|BAB\s+[IVXLC]{1,7}\s+[A-Z]{3}|Bagian\s+Ke\w+\s+[A-Z]|Paragraf\s+\d{1,2}\s+[A-Z]))"
)
_CONNECTOR_AFTER = re.compile(
    r"^(?:ayat|huruf|angka|dan|atau|sampai|s\.d|sebagaimana|yang|tentang|ini|juncto|jo\b|"
    r"undang|peraturan|dalam|pada|tersebut|di|[,);]|[a-z])"
)
_CONNECTOR_BEFORE = re.compile(
    r"(?:dalam|pada|dengan|dan|atau|oleh|menurut|sesuai|berdasarkan|ketentuan|maksud|"
    r"dimaksud|lihat|dari|ke|bahwa|,)$",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"(?:Agar\s+setiap\s+orang\s+(?:dapat\s+)?mengetahuinya|Ditetapkan\s+di\s|Disahkan\s+di\s"
    # a letter's (circular's) closing formula
    r"|Demikian\s+(?:Surat\s+Edaran|Instruksi|disampaikan|untuk\s+(?:menjadi|dilaksanakan)))",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"(?:Ditetapkan|Disahkan|Diundangkan)\s+di\s", re.IGNORECASE)
# A decree (Keputusan) has no Pasal: its units are diktum, "KESATU :", "KEDUA :", ...
_ORDINALS = ("SATU", "DUA", "TIGA", "EMPAT", "LIMA", "ENAM", "TUJUH", "DELAPAN", "SEMBILAN")
_DIKTUM_WORDS = {  # the ordinal as printed ("KEDUA BELAS") -> its number
    **{"KE" + word: n for n, word in enumerate(_ORDINALS, 1)},
    "KESEPULUH": 10, "KESEBELAS": 11,
    **{f"KE{word} BELAS": 10 + n for n, word in enumerate(_ORDINALS, 1) if n > 1},
    **{f"KE{tens} PULUH": 10 * t for t, tens in ((2, "DUA"), (3, "TIGA"))},
    **{f"KE{tens} PULUH {word}": 10 * t + n for t, tens in ((2, "DUA"), (3, "TIGA"))
       for n, word in enumerate(_ORDINALS, 1)},
}
_DIKTUM_NUMBERS = {word.replace(" ", ""): n for word, n in _DIKTUM_WORDS.items()}
_DIKTUM_LABELS = {n: word for word, n in _DIKTUM_WORDS.items()}
# "KESATU : Membentuk ...", or the word alone on its line (a table: ":" and text follow). The
# word is at most 24 letters and spaces ("KETIGA PULUH SEMBILAN"): a bounded, lazy run, so a long
# line of capitals costs a few tries, not a search over every way to split it.
_DIKTUM = re.compile(r"^(?P<word>KE[A-Z ]{2,24}?)\s*(?:[:.]\s*(?P<rest>.*))?$")
# A circular (Surat Edaran) has neither: its units are its numbered points, "1. Latar Belakang"
_POINT = re.compile(r"^(?P<num>\d{1,2})\s*[.)]\s+(?P<rest>\S.*)$")
_AYAT = re.compile(r"(?:^|(?<=[.;:])\s+|\n)\((?P<n>\d{1,2}[a-z]?)\)\s+")


@dataclass(slots=True)
class _Unit:
    kind: str
    number: str
    label: str
    parent: str | None
    offset: int
    heading: str | None = None
    lines: list[str] = field(default_factory=list)


def roman_to_int(text: str) -> int | None:
    """Return the value of a Roman numeral ("XIV" -> 14), or None when it is not one."""
    total, previous = 0, 0
    for char in reversed(text.upper()):
        value = _ROMAN.get(char)
        if value is None:
            return None
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total or None


def split_lines(text: str, base: int = 0) -> list[tuple[int, str]]:
    """Return (offset, line) pairs with run-together headings moved to lines of their own."""
    out: list[tuple[int, str]] = []
    position = base
    for raw in text.split("\n"):
        start = 0
        for match in _INLINE_SPLIT.finditer(raw):
            piece = raw[start : match.start()].strip()
            if piece:
                out.append((position + start, piece))
            start = match.end()
        piece = raw[start:].strip()
        if piece:
            out.append((position + start, piece))
        position += len(raw) + 1
    return out


def parse_units(lines: list[tuple[int, str]], page_starts: list[int] | None = None, *,
                diktum: bool = True, points: bool = False) -> list[Part]:
    """Return the BAB/Bagian/Paragraf/Pasal/ayat parts of a regulation body.

    `diktum` False: "KESATU :" lines are not units (no decision line such as MEMUTUSKAN came
    first, so they are a list in running text, e.g. a news article quoting a decree).
    `points` True: the body is a circular's, whose numbered points ("1.", "2.", ... in
    sequence at a line's start) are its units (`angka-1`, cited "angka 1"); a number out of
    sequence is a list inside the point.
    """
    units: list[_Unit] = []
    state = {"bab": None, "bagian": None, "roman": None, "last": 0.0,
             "no_diktum": not diktum, "points": points, "point": 0}
    pending_heading: _Unit | None = None
    previous_line = ""
    for index, (offset, line) in enumerate(lines):
        next_line = lines[index + 1][1] if index + 1 < len(lines) else ""
        unit = _heading_unit(line, next_line, previous_line, state, offset)
        previous_line = line
        if unit is not None:
            units.append(unit)
            pending_heading = unit if unit.kind != "pasal" and not unit.heading else None
            continue
        if pending_heading is not None and _looks_like_heading(line):
            pending_heading.heading = line
            pending_heading = None
            continue
        pending_heading = None
        if units and units[-1].kind in CITABLE_KINDS:
            if units[-1].kind == "diktum" and not units[-1].lines:
                line = line.lstrip(": ") or line
            units[-1].lines.append(line)
    return _to_parts(units, page_starts)


def _heading_unit(line: str, next_line: str, previous_line: str, state: dict,
                  offset: int) -> _Unit | None:
    match = _PASAL.match(line)
    if match:
        return _pasal_unit(match, next_line, previous_line, state, offset)
    if state["roman"]:
        return None  # inside an amending article every heading is quoted text
    match = _POINT.match(line) if state["points"] and not state["last"] else None
    if match and int(match.group("num")) == state["point"] + 1:
        state["point"] += 1
        unit = _Unit("angka", match.group("num"), f"Angka {match.group('num')}", None, offset)
        unit.lines.append(match.group("rest"))
        return unit
    match = None if state["no_diktum"] else _DIKTUM.match(line)
    if match and not state["last"]:
        word = match.group("word").replace(" ", "")
        ordinal = _DIKTUM_NUMBERS.get(word)
        if ordinal is not None and ordinal == state.get("diktum", 0) + 1:
            state["diktum"] = ordinal
            unit = _Unit("diktum", str(ordinal), f"Diktum {_DIKTUM_LABELS[ordinal]}", None,
                         offset)
            if match.group("rest"):
                unit.lines.append(match.group("rest"))
            return unit
    match = _BAB.match(line)
    if match and (not match.group("rest") or match.group("rest")[:1].isupper()):
        label = f"BAB {match.group('num')}"
        anchor = f"bab-{match.group('num').lower()}"
        state["bab"], state["bagian"] = anchor, None
        return _Unit("bab", match.group("num"), label, None, offset,
                     heading=match.group("rest") or None)
    for kind, pattern in (("bagian", _BAGIAN), ("paragraf", _PARAGRAF)):
        match = pattern.match(line)
        if match and (not match.group("rest") or match.group("rest")[:1].isupper()):
            number = match.group("num")
            parent = state["bagian"] if kind == "paragraf" else state["bab"]
            anchor = f"{parent + '-' if parent else ''}{kind}-{number.lower()}"
            if kind == "bagian":
                state["bagian"] = anchor
            return _Unit(kind, number, f"{kind.capitalize()} {number}", parent, offset,
                         heading=match.group("rest") or None)
    return None


def _pasal_unit(match: re.Match[str], next_line: str, previous_line: str, state: dict,
                offset: int) -> _Unit | None:
    number, rest = match.group("num"), match.group("rest")
    if rest and _CONNECTOR_AFTER.match(rest):
        return None
    if not rest and next_line and _CONNECTOR_AFTER.match(next_line):
        return None
    if previous_line and _CONNECTOR_BEFORE.search(previous_line):
        return None
    roman = roman_to_int(number) if number.isalpha() else None
    if roman is not None:
        if state["last"] and not state["roman"]:
            return None
        if roman != int(state["roman"] or 0) + 1:
            return None
        state["roman"] = roman
        value = float(roman)
    else:
        if state["roman"]:
            return None
        value = int(re.sub(r"\D", "", number)) + (0.01 * (ord(number[-1]) - 64)
                                                 if number[-1].isalpha() else 0)
        last = state["last"]
        if last and not last < value <= int(last) + 3:
            return None
    state["last"] = value
    parent = state["bagian"] or state["bab"]
    unit = _Unit("pasal", number, f"Pasal {number}", parent, offset)
    if rest:
        unit.lines.append(rest)
    return unit


def _looks_like_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and len(line) < 200 and sum(c.isupper() for c in letters) / len(
        letters) > 0.6


def _to_parts(units: list[_Unit], page_starts: list[int] | None) -> list[Part]:
    parts: list[Part] = []
    for unit in units:
        anchor = f"{unit.kind}-{unit.number.lower()}" if unit.kind in (
            "bab", "pasal", "diktum", "angka") else _unit_anchor(unit)
        page = bisect.bisect_right(page_starts, unit.offset) if page_starts else None
        if unit.kind not in CITABLE_KINDS:
            parts.append(Part(anchor, unit.kind, unit.label, unit.heading or "",
                              heading=unit.heading, parent=unit.parent, page=page))
            continue
        text = _cut_closing("\n".join(unit.lines)).strip()
        parts.append(Part(anchor, unit.kind, unit.label, text, parent=unit.parent, page=page))
        if unit.kind in ("diktum", "angka"):
            continue
        if unit.number.isdigit() or unit.number[:-1].isdigit():
            # An amending article (Pasal I) quotes other Pasal: its "(1)" are not its ayat.
            parts.extend(_ayat_parts(anchor, unit.label, text, page))
    return parts


def _unit_anchor(unit: _Unit) -> str:
    base = f"{unit.kind}-{unit.number.lower()}"
    return f"{unit.parent}-{base}" if unit.parent and not unit.parent.endswith(base) else base


def _cut_closing(text: str) -> str:
    """Cut the closing formula and signature block off the last Pasal, never to nothing."""
    for match in _CLOSING.finditer(text):
        if text[: match.start()].strip():
            return text[: match.start()]
    signature = _SIGNATURE.search(text)
    return text[: signature.start()] if signature else text


def _ayat_parts(anchor: str, label: str, text: str, page: int | None) -> list[Part]:
    markers = []
    expected = 1
    for match in _AYAT.finditer(text):
        number = match.group("n")
        if int(re.sub(r"\D", "", number)) == expected:
            markers.append(match)
            expected += 1
    if len(markers) < 2:
        return []
    parts = []
    for i, match in enumerate(markers):
        end = markers[i + 1].start() if i + 1 < len(markers) else len(text)
        number = match.group("n")
        body = text[match.end() : end].strip()
        parts.append(Part(f"{anchor}-ayat-{number}", "ayat", f"{label} ayat ({number})", body,
                          parent=anchor, page=page))
    return parts
