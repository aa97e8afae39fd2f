"""Parse the full text of an Indonesian regulation: identity, preamble, body, closing.

Identity (jenis, issuer/region, nomor, tahun, tentang) comes from the heading
("PERATURAN BUPATI GIANYAR NOMOR 55 TAHUN 2018 TENTANG ..."), with fallbacks on the
"Menetapkan :" line and the "PENJELASAN ATAS ..." heading when the top is damaged; OCR noise in
numbers ("TAHUN 2OI9") is repaired. Menimbang and Mengingat become parts, each Mengingat item a
reference; the body becomes BAB/Bagian/Pasal/ayat parts (`structure`); Penjelasan and Lampiran
are kept apart; place and date of enactment and promulgation come from the closing. Every
identity field carries a confidence.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from corpus.doctypes import designation, find_doc_type
from corpus.ids import issuer_region, regulation_id
from corpus.model import CITABLE_KINDS, Part, Reference
from crawler.extract.citations import (
    _type_alternation,
    find_citations,
    fix_ocr_digits,
    parse_year,
    title_case,
)
from crawler.extract.closing import annex_parts, annex_start, parse_closing
from crawler.extract.completion import (
    DECISION,
    LN_BRACKET,
    complete_title,
    looks_cut,
    spaced,
)
from crawler.extract.dates import parse_day
from crawler.extract.heading import penjelasan_identity, repair_heading, settle_year
from crawler.extract.structure import parse_units, split_lines
from crawler.extract.wordrepair import repair_title

_TYPE = re.compile(r"(?<![\w-])(?:" + _type_alternation() + r")", re.IGNORECASE)
# A one-word code is a whole word: "SE" is not the start of "SEMBULAN" (a region), "PERDA" not
# of "PERDAGANGAN". Names of several words may run into the next word, as OCR glues them
# ("PERATURAN PEMERINTAHREPUBLIK"); "NOMOR" may follow any of them glued.
_GLUED_CODE = re.compile(r"(?!NOMOR|Nomor)[^\W\d_]")
_NOMOR = re.compile(
    r"(?<![a-z])(?:NOMOR|NOMER|N0MOR|NOM0R|NO\.|Nomor|nomor|No\.)\s*:?\s*"
    r"(?P<num>\d+(?:\s\d+)+(?=\s*[Tt]\s?[Aa]\s?[Hh])|[0-9OIlL][0-9OIlL]*(?:[A-Z](?![A-Za-z]))?"
    r"(?:\s?[./\-]\s?(?![Tt]\s?[Aa]\s?[Hh])[0-9A-Za-z]+)*)"
    r"(?:\s*[,.]?\s*(?:T\s?A\s?H\s?[UV]\s?N|Tahun|tahun)\s*"
    r"(?P<year>[0-9OIlL]{4}|\d{2}\s\d{2})(?!\w))?"
)
# after a composite number ("148/PMK.01", "336/E-01/HK"), its year with the slash before it
# read as a stroke ("1", "l", "I", "|"): "148/PMK. 01 12012"
_LOST_SLASH = re.compile(r"\s?[1lI|]\s?(?P<year>(?:19|20)\d\d)(?!\w)")
_TENTANG = re.compile(r"\bT\s?E\s?N\s?T\s?A\s?N\s?G\b\s*:?", re.IGNORECASE)
_ABOUT_END = re.compile(
    r"\s*(?:DENGAN\s+RA[KC]?HMAT|Menimbang|Mengingat|MEMUTUSKAN|Dengan\s+Persetujuan|"
    r"PRESIDEN\s+REPUB[A-Z]{2,4}\s+INDONESIA"
    r"(?=\s*\.?\s*(?:,|[I|]?\s*SALINAN|Menimbang)|\s*\.\s*$|\s+[a-z])|"
    r"Presiden\s+Republik\s+Indonesia\s*,|"
    # the page header "PRESIDEN REPUBLIK INDONESIA [I] SALINAN [I]", OCR-damaged
    # ("PRES I DEN R . EPUBLIK 1NDONESIA", "PRESIDE.N REPLlGLlK", "SALIN AN"); one PRESIDEN,
    # on one line
    r"\bPRES(?:(?!PRES)[^\n]){0,40}?\bS\s?A\s?L\s?I\s?N\s?A\s?N\b|\s[I|l]\s+SALINAN\s+[I|l]\b|"
    r"\bSALINAN\b|(?:\b[IA1]\s*[.,]\s*)?\bPENJELASAN\b(?=\s*(?:\n|ATAS\b|UMUM\b|I\s*\.|$))|"
    r"\b(?:BUPATI|GUBERNUR|WALI\s?KOTA|WALIKOTA|MENTERI|KEPALA)\b[A-Z .]{0,80},"
    r"\s*(?:\n|Menimbang|$)"
    r"|\bSumber\s*:"
    r"|\n\s*\n|Pasal\s+1\b|BAB\s+I\b|\b[IA1]\s*[.,]\s*UMUM\b"
    # a Penjelasan's "UMUM" section into its first sentence; not a title's own last word
    # ("PEMILIHAN UMUM Presiden Republik Indonesia,")
    r"|\bUMUM\s*\.?\s+(?=(?!Presiden\b|Menimbang\b|Mengingat\b|Dengan\b)[A-Z][a-z])"
    r"|\bUMUM\s+1\s*\.)",
)
# Words right before a type name that make it a regulation cited in a title
_EXPLAINED_TITLE = re.compile(
    r"PENJELASAN\.?\s+(?:ATAS\s+)?[A-Z][A-Z \-]{5,80}?\s+(?:NOMOR|N[Oo]\.?)\s*"
    r"(?P<num>[0-9OIl]{1,4})"
    r"\s*,?\s*TAHUN\s*[0-9OIl]{4}\s*\.?\s*TENTANG\b\s*:?\s*")
_CITED_BEFORE = re.compile(
    r"(?:\bATAS|\bTENTANG|\bDAN|\bPENETAPAN|\bMENGUBAH|\bDENGAN|;) ?[\"'“]? ?$", re.IGNORECASE)
_EXPLAINED = re.compile(r"\bPENJ\w{5}N\b")  # "PENJELASAN ATAS ...", OCR "PENJBLASAN"
_LIST_ITEM = re.compile(r"(?:^|[\s:])\d{1,2} ?[.)] ?$")
_MENIMBANG = re.compile(r"(?:^|\n|\s)Menimbang\s*:?", re.IGNORECASE)
_MENGINGAT = re.compile(r"(?:^|\n|\s)Mengingat\s*:?", re.IGNORECASE)
_PREAMBLE_END = re.compile(
    r"(?:^|\n|\s)(?:Memperhatikan\s*:|Dengan\s+Persetujuan\s+Bersama|" + DECISION + ")")
# The decision line a decree's diktum follow ("MEMUTUSKAN :", "Menetapkan :", an instruction's
# "MENGINSTRUKSIKAN :" or a sentence ending "dengan ini menginstruksikan:"); lower case
# "menetapkan" in running text is not one.
_DECIDED = re.compile(DECISION + "|" + spaced("MENGINSTRUKSIKAN") + r"|menginstruksikan\s*:")
MAX_STATED = 1000  # characters of a "Menetapkan :" line read as the title
_MENETAPKAN = re.compile(
    # "Menetapkan :" (OCR "McnetapKan"), or "MEMUTUSKAN:" straight into the title (a lost line)
    r"(?:M[ce]n[ce]tap[kK]an|MEMUTUSKAN)\s*:?\s*"
    r"(?:peraturan\s+sebagai\s+berikut\s*:?\s*)?[\"“]?"  # the 1940s-50s wording
    # the type in capitals, or in the sentence case of the 1950s ("Undang-undang tentang ...")
    r"(?P<type>[A-Z][A-Z \-]{4,80}?|[A-Z][a-z]+(?:[ \-][A-Za-z][a-z]+){0,4})\s+"
    r"(?:TENTANG|[Tt]entang)\s+(?P<about>[^\n]{3," + str(MAX_STATED) + "})"
)
# A stated title ends at a full stop, but not one of an abbreviation ("No. 3", "PT. PAL", "N.V.",
# "R.I.S."), where the body starts, even without a space ("PURA I.BAB I", "Pasal 1"), or where
# the enactment formula of a Perppu made law begins ("..., DENGAN PERUBAHAN SEHINGGA BERBUNYI")
_STATED_END = re.compile(r"(?<!\bN[Oo])(?<!\bN[Rr])(?<!\bPT)(?<!\bjo)(?<![\s.(][A-Z])\.(?:\s|$)"
                         r"|\.?\s*(?:BAB\s?[I1]|Pasal\s?[1I]\b)"
                         r"|[,.]?\s*(?i:DENGAN\b[^\n]{0,60}?\b(?:SE)?HINGGA\s+BERBUNYI)"
                         r"|,?\s*(?i:sebagai\s+berikut)\b")
_ITEM_LETTER = re.compile(r"(?:^|\s)(?P<k>[a-z])\s*[.)]\s+")
_ITEM_NUMBER = re.compile(r"(?:^|\s)(?P<k>\d{1,2})\s*[.)]\s+")


@dataclass(slots=True)
class ParsedRegulation:
    """What the text of a regulation says about itself, with a confidence per field."""

    doc_type: str | None = None
    number: str | None = None
    year: int | None = None
    about: str | None = None
    region: str | None = None
    issuer: str | None = None
    title: str | None = None
    enacted_at_place: str | None = None
    enacted_on: dt.date | None = None
    promulgated_at_place: str | None = None
    promulgated_on: dt.date | None = None
    menimbang: tuple[str, ...] = ()
    mengingat: tuple[Reference, ...] = ()
    parts: tuple[Part, ...] = ()
    references: tuple[Reference, ...] = ()
    confidence: dict[str, float] = field(default_factory=dict)

    @property
    def id(self) -> str | None:
        """Return the natural-key id, when jenis and nomor or tahun are known."""
        if not self.doc_type or not (self.number or self.year):
            return None
        return regulation_id(self.doc_type, self.number, self.year, region=self.region,
                             issuer=self.issuer)

    @property
    def pasal_count(self) -> int:
        """Return the number of Pasal units."""
        return sum(1 for p in self.parts if p.kind == "pasal")

    @property
    def unit_count(self) -> int:
        """Return the number of citable units: Pasal, a decree's diktum, a circular's angka."""
        return sum(1 for p in self.parts if p.kind in CITABLE_KINDS)

    def part_text(self, anchor: str) -> str | None:
        """Return the text of the part with this anchor, if any."""
        return next((p.text for p in self.parts if p.anchor == anchor), None)

    @property
    def is_regulation(self) -> bool:
        """Return True when a text reads as a full regulation: an identity and citable units."""
        return bool(self.doc_type and (self.number or self.year)) and self.unit_count >= 1


def parse_regulation(
    text: str,
    *,
    default_region: str | None = None,
    page_starts: list[int] | None = None,
) -> ParsedRegulation:
    """Parse a regulation's text; `page_starts` (char offsets) give each part its PDF page."""
    result = ParsedRegulation()
    if not text or not text.strip():
        return result
    text = _normalize(text)
    _parse_identity(text, result, default_region)
    region = result.region or default_region
    pre_start, pre_end = _preamble_bounds(text)
    body_end = annex_start(text, pre_end)
    parts: list[Part] = []
    if pre_start is not None:
        page = bisect.bisect_right(page_starts, pre_start) if page_starts else None
        for part in _preamble_parts(text[pre_start:pre_end], result, region):
            parts.append(dataclasses.replace(part, page=page))
    decided = _DECIDED.search(text, 0, body_end) is not None  # a decree's diktum follow one
    lines = split_lines(text[pre_end:body_end], pre_end)
    circular = result.doc_type == "SE"
    heading = CIRCULAR_HEADING.search(text, 0, 20_000) if circular else None
    if circular:  # its points start after its title and the addressees
        start = _points_start(text, heading)
        lines = [(offset, line) for offset, line in lines if offset >= start]
    parts.extend(parse_units(lines, page_starts, diktum=decided, points=circular))
    parts.extend(annex_parts(text, body_end))
    result.parts = tuple(parts)
    parse_closing(text[pre_end:], result)
    if circular:
        _letter_identity(text, heading, result)
        result.region = result.region or issuer_region(result.issuer)
    _settle_year(text, pre_end, body_end, result)
    result.references = _references(text, body_end, result)
    if result.parts:
        result.confidence["parts"] = 0.9 if result.unit_count else 0.3
    return result


# A letter's head: the sender ("BUPATI GIANYAR", "MENTERI DALAM NEGERI REPUBLIK INDONESIA")
# above the title, and the place and date it was sent from ("Gianyar, 3 Februari 2025")
CIRCULAR_HEADING = re.compile(r"^[^\S\n]*SURAT\s+EDARAN\b", re.MULTILINE)  # on its own line
_LETTERHEAD = re.compile(
    r"^[^\S\n]*(?P<who>(?:BUPATI|WALI\s?KOTA|GUBERNUR|MENTERI|SEKRETARIS\s+DAERAH|KEPALA)"
    r"\b[^\n,:]{2,80}?)[^\S\n]*,?[^\S\n]*$", re.MULTILINE)
_LETTER_DATE = re.compile(
    r"^[^\S\n]*(?P<place>[A-Z][A-Za-z .'-]{1,40}?),[^\S\n]*"
    r"(?P<date>\d{1,2}[^\S\n]+[A-Za-z]+[^\S\n]+\d{4})[^\S\n]*$", re.MULTILINE)
# The addressees ("Yth. 1. Camat ... di - Tempat") are a list, not the circular's points
_ADDRESSEES = re.compile(r"^[^\S\n]*(?:Kepada\s+)?Yth\b", re.MULTILINE | re.IGNORECASE)
_ADDRESSEES_END = re.compile(r"^[^\S\n]*(?:di\b[^\n]{0,40}|Tempat\.?)[^\S\n]*$",
                             re.MULTILINE | re.IGNORECASE)


def _points_start(text: str, heading: re.Match[str] | None) -> int:
    """Return where a circular's body starts: after its TENTANG heading and any addressees."""
    if heading is None:
        return 0
    tentang = _TENTANG.search(text, heading.end(), heading.end() + 600)
    start = tentang.end() if tentang else heading.end()
    to = _ADDRESSEES.search(text, start, start + 2000)
    if to is not None:
        end = _ADDRESSEES_END.search(text, to.end(), to.end() + 3000)
        start = end.end() if end else start
    return start


def _letter_identity(text: str, heading: re.Match[str] | None,
                     result: ParsedRegulation) -> None:
    """Complete a circular's identity from its letter form: sender above, date beside it."""
    head = text[: heading.start()] if heading else ""
    sender = _LETTERHEAD.search(head)
    if result.issuer is None and sender is not None:
        result.issuer = _issuer_words(sender.group("who")).title() or None
    if result.enacted_on is None:
        dated = _LETTER_DATE.search(head) or _LETTER_DATE.search(text, len(head))
        day = parse_day(dated.group("date")) if dated else None
        if dated and day:
            result.enacted_at_place = dated.group("place").strip().title()
            result.enacted_on = day
    if result.doc_type:
        result.title = _title(result, text)  # as it cites itself: with its sender, before the year
        # is read from its date (`_settle_year`), which the heading does not print


def _settle_year(text: str, body_start: int, body_end: int, result: ParsedRegulation) -> None:
    """Check the heading's year against the Penjelasan heading and the closing dates."""
    start = body_end if body_end < len(text) else body_start  # an inline Penjelasan heading
    explained = penjelasan_identity(repair_heading(text[start:]))
    closing = result.enacted_on or result.promulgated_on  # one block: one witness
    witnesses = [explained[1] if explained and explained[0] == result.number else None,
                 closing.year if closing else None]
    year = settle_year(result.year, witnesses, dt.date.today().year + 1)
    if year != result.year:
        # A rule is numbered in the year it is enacted: weaker evidence than its heading.
        result.confidence["year"] = 0.6 if result.year else 0.5
        result.year = year


def _normalize(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("\f", "\n")
    return re.sub(r"[ \t]+", " ", text)


def _parse_identity(full: str, result: ParsedRegulation, default_region: str | None) -> None:
    text = repair_heading(full[:300_000])
    head_end = _MENIMBANG.search(text[:8000])
    head = text[: head_end.start() if head_end else 4000]
    found = _identity_from(head, result, default_region, 0.95, top_only=True)
    if not found:
        # A damaged top: take the first all-capitals heading anywhere ("PENJELASAN ATAS
        # PERATURAN PEMERINTAH ... NOMOR 2 TAHUN 2000", a repeated title page).
        found = _identity_from(text[:300_000], result, default_region, 0.75, top_only=False)
    _from_menetapkan(text, result)
    if result.about:
        result.about = _without_page_header(result.about, text)
    if not result.about:
        _from_penjelasan(text, result)
    elif looks_cut(result.about):  # the Penjelasan's heading may have the words a page lost
        explained = ParsedRegulation(number=result.number, year=result.year)
        _from_penjelasan(text, explained)
        if explained.about and _covers(explained.about, result.about, loose=True):
            result.about = explained.about
    if result.about:
        completed = complete_title(result.about, text)
        if completed != result.about:  # the lost tail read from the body's restatement
            result.about = completed
            _less_sure_of_about(result)
    if result.about:
        about, repaired = repair_title(result.about, full)
        if repaired:  # OCR damage read right from the document's own words: a little less sure
            end = _ABOUT_END.search(about)  # an end marker the OCR hid ("DBNGAN RAHMAT")
            if end and end.start() and not _ABOUT_END.search(result.about):
                about = about[: end.start()].strip(" .,;:")
            _less_sure_of_about(result)
        result.about = about  # repaired, or only stray lower case put right ("HARi")
    if result.about and result.year:
        mended = _past_years(result.about, result.year, result.number, text)
        if mended != result.about:
            result.about = mended
            _less_sure_of_about(result)
    if result.doc_type and result.title is None:
        result.title = _title(result, full)  # the text's own prose tells its acronyms


_CITED_YEAR = re.compile(
    r"\b(?P<cited>(?:NOMOR|NO\.?)\s*(?P<num>\d{1,4})\s*TAHUN\s*)(?P<year>\d{4})\b",
    re.IGNORECASE)


def _past_years(about: str, year: int, number: str | None, text: str) -> str:
    """Return `about` with a cited rule's year read right where OCR made it later than the
    regulation itself ("PERATURAN PEMERINTAH NOMOR 14 TAHUN 2076" in a 2021 rule): the year the
    text gives the same number elsewhere ("Nomor 14 Tahun 2016"), most often; the regulation's
    own number and year are not a citation."""
    def mend(found: re.Match[str]) -> str:
        if int(found.group("year")) <= year:
            return found.group()
        cited = found.group("num")
        elsewhere = Counter(
            int(m.group(1)) for m in re.finditer(
                r"\b(?:Nomor|No\.?)\s*" + cited + r"\s+Tahun\s+(\d{4})\b", text, re.IGNORECASE)
            if int(m.group(1)) < year or (int(m.group(1)) == year and cited != number))
        if not elsewhere:
            return found.group()
        return found.group("cited") + str(elsewhere.most_common(1)[0][0])
    return _CITED_YEAR.sub(mend, about)


_NEEDS = re.compile(r"perlu\s+menetapkan\s+[^;]{0,120}?\btentang\s+(?P<about>[^;]{3,400});")


def _without_page_header(about: str, text: str) -> str:
    """Return `about` without the page header "PRESIDEN REPUBLIK INDONESIA" a text laid out
    out of order ran into it, when the preamble's "perlu menetapkan ... tentang X;" says the
    title without it ("... WAKIL PRESIDEN REPUBLIK INDONESIA" keeps its words)."""
    header = _PAGE_HEADER_END.search(about)
    if header is None:
        return about
    shorter = about[: header.start()].strip(" ,.")
    wanted = _squashed(shorter)
    for need in _NEEDS.finditer(text, 0, 60_000):
        if _squashed(need.group("about")) == wanted:
            return shorter
    return about


def _less_sure_of_about(result: ParsedRegulation) -> None:
    """Lower the title's confidence a little: some of it was read from elsewhere or repaired."""
    result.confidence["about"] = round(result.confidence.get("about", 0.7) - 0.05, 2)


def _from_menetapkan(text: str, result: ParsedRegulation) -> None:
    """Complete the identity from "Menetapkan : PERATURAN ... TENTANG ..." (the title again)."""
    match = _MENETAPKAN.search(text[:60000])
    if match is None:
        return
    if not match.group("type").isupper() and not _TYPE.match(match.group("type")):
        return  # "Menetapkan : Dengan mencabut Peraturan ... tentang X": another rule's title
    about = match.group("about")
    end = _STATED_END.search(about, 3)
    line = about[: end.start()] if end else about
    heading = result.about
    if heading:
        lines = [line]
        if end is None:
            # no end in sight: a line that runs on into the Pasal is cut where the heading
            # ends, a line that stops short of the heading's end gets the heading's last words
            # (or, if those are debris, is taken as it is)
            run_on = len(about) >= MAX_STATED
            through = _through(about, heading, run_on=run_on)
            lines = ([through] if through else []) + ([] if run_on else lines)
        opened = _MENIMBANG.search(text, 0, match.start())  # the preamble, not the heading
        for candidate in lines:
            stated = _about_text(candidate, None, None, limit=MAX_STATED)
            if stated and _better_stated(stated, heading, text,
                                         opened.start() if opened else None):
                result.about = _like_heading(stated, heading)
                break
    kind = _TYPE.search(match.group("type"))
    if not result.doc_type and kind:
        result.doc_type = _code(kind.group(0))
        result.confidence["doc_type"] = 0.7
    if not result.about:  # as far as its end, or a first stretch of a line without one
        stated = _about_text(line, None, None, limit=MAX_STATED if end else 400)
        result.about = stated[:1].upper() + stated[1:] if stated else stated  # "penetapan ..."
        result.confidence["about"] = 0.7


def _sentence_case(text: str) -> bool:
    """Return True when a text has more lower-case letters than capitals."""
    return sum(c.islower() for c in text) > sum(c.isupper() for c in text)


def _like_heading(stated: str, heading: str) -> str:
    """Return a restatement written as the heading was: a sentence-case one in capitals if the
    heading was (a mostly capital one keeps its stray lower case, OCR's sign for repair:
    "MENGENAl"), and without the space OCR leaves after a hyphen at a line end ("UNDANG-
    UNDANG", "LEMBARAN- NEGARA")."""
    if heading.isupper():
        stated = stated.upper() if _sentence_case(stated) else stated
        stated = re.sub(r"(?<=[A-Z])-\s+(?=[A-Z])", "-", stated)
    return stated


def _better_stated(stated: str, heading: str, text: str, preamble: int | None) -> bool:
    """Return True when the Menetapkan's wording of the title is better than the heading's.

    - The heading lost words at a line or page break (`_covers`). The sentence-case
      restatement of the 1950s-60s often adds the Lembaran-Negara number and "menjadi
      undang-undang" to a complete heading: there, words added only at the end count when the
      heading visibly stops short (a trailing comma or joining word, an open bracket).
    - The heading lost its middle (`_garbled`) and the restatement is whole, with the same ends.
    - The heading runs on past the title: into a section of the Penjelasan it was read from
      ("... REPUBLIK INDONESIA I. PEMBENTUKAN DAN CARA KERJA ..."), or into a short word or
      two of page debris the text never uses again ("... AGRARIA REFR").
    Debris is looked for, in any case, in the `text` from its `preamble` (the Menimbang) on,
    past the heading; without a preamble no word is taken for debris.
    """
    lower = _sentence_case(stated)
    if lower and _squashed(LN_BRACKET.sub(" ", stated)) == _squashed(heading):
        # the sentence-case restatement of the 1950s-60s adds the Lembaran-Negara number to a
        # whole heading
        return False
    cut = looks_cut(heading)
    if _covers(stated, heading, tail=not lower or cut, loose=cut):
        return True
    if looks_cut(stated) or _garbled(stated):
        return False
    if _garbled(heading) and _same_ends(stated, heading):
        return True
    rest = _beyond(heading, stated)
    if rest:
        if _SECTION_MARK.match(rest):
            return True
        debris = re.findall(r"\S+", rest)
        if preamble is not None and len(debris) <= 2 and all(
                (len(w) <= 4 or not w.isalpha())
                and re.compile(r"(?<!\w)" + re.escape(w) + r"(?!\w)", re.IGNORECASE).search(
                    text, preamble) is None
                for w in debris):
            return True
    return False


def _beyond(full: str, start: str) -> str | None:
    """Return what `full` has after the words of `start` it begins with, or None."""
    wanted = _squashed(start)
    if not wanted or not _squashed(full).startswith(wanted):
        return None
    seen = 0
    for at, char in enumerate(full):
        seen += len(_squashed(char))  # as `_squashed` counts it ("İ" lower-cased is two)
        if seen == len(wanted):
            rest = full[at + 1 :]
            return rest if rest[:1] in ("", " ") else None  # not inside a word
    return None


# the header on every page of a national regulation, run into a title
_PAGE_HEADER_END = re.compile(r"\s+PRESIDEN\s+REPUBLIK\s+INDONESIA\s*$")
_SECTION_MARK = re.compile(r"\s*(?:[IVX]{1,4}|[1-9])\s*\.\s+[A-Z]{3,}")


def _from_penjelasan(text: str, result: ParsedRegulation) -> None:
    """Take the title from "PENJELASAN ATAS ... NOMOR n TAHUN y TENTANG ..." when none else."""
    for match in _EXPLAINED_TITLE.finditer(text):
        number = fix_ocr_digits(match.group("num"), force=True).lstrip("0") or "0"
        if result.number and number != result.number.split("/")[0]:
            continue  # the Penjelasan of a regulation this one cites or amends
        about = _about_text(text[match.end() :], result.number, result.year)
        if about:
            result.about = about
            result.confidence["about"] = 0.6
        return


def _covers(full: str, cut: str, *, tail: bool = True, loose: bool = False) -> bool:
    """Return True when `full` is a longer statement of the title `cut` lost words from.

    Every word of `cut` must be a word of `full`, in order. Words `full` adds at the end are a
    title cut at a line or page break (unless `tail` is False: then only a lost line inside
    counts); words it adds before or between them must come three or more together (a lost
    line), because one or two words more are the same title worded differently ("PEMBERIAN
    PEMBEBASAN CUKAI"), where the heading is kept; unless `loose`: the heading visibly stops
    short ("... ANTARA REPUBLIK"), and the restatement's wording is the better one.
    """
    if (tail and len(_squashed(full)) > len(_squashed(cut))
            and _squashed(full).startswith(_squashed(cut))):
        return True  # cut inside a word, or a hyphen read apart ("KERJA-SAMA", "KERJASAMA")
    words, kept = _title_words(full), _title_words(cut)
    at = 0
    inside = False
    for word in kept:
        try:
            found = words.index(word, at)
        except ValueError:
            return False
        if 0 < found - at < 3 and not loose:
            return False
        inside = inside or found > at
        at = found + 1
    return len(words) > len(kept) and (tail or inside)


def _garbled(title: str) -> bool:
    """Return True when a heading lost its middle: a bracket closed that never opened ("...
    TAHUN 1962 NO. 50) MENJADI UNDANG-UNDANG"), or a run of words printed twice in a row."""
    if title.count(")") > title.count("("):
        return True
    words = _title_words(title)
    return any(words[i : i + size] == words[i + size : i + 2 * size]
               for size in range(4, 13) for i in range(len(words) - 2 * size + 1))


def _same_ends(full: str, title: str) -> bool:
    """Return True when `full` is another wording of `title`: the same first and last two
    words, and nearly all of the title's words (a garbled heading keeps some debris)."""
    words, kept = _title_words(full), _title_words(title)
    known = set(words)
    return (len(kept) >= 4 and words[:2] == kept[:2] and words[-2:] == kept[-2:]
            and sum(w in known for w in kept) >= 0.9 * len(kept))


def _through(full: str, cut: str, *, run_on: bool) -> str | None:
    """Return `full` with the words of `cut` in it, in order, or None.

    A restatement that stops at a line end before the heading does ("... PEOPLE'S REPUBLIC OF"
    and the Pasal on the next line) gets the heading's own last words after its own; one that
    `run_on` past its end is cut after the heading's last word.
    """
    at = 0
    words = list(re.finditer(r"[a-z0-9]+", cut, re.IGNORECASE))
    for i, word in enumerate(words):
        found = re.compile(r"(?<![a-z0-9])" + word.group() + r"(?![a-z0-9])",
                           re.IGNORECASE).search(full, at)
        if found is None:
            if i < len(words) // 2 or len(re.findall(r"[a-z0-9]+", full[at:], re.IGNORECASE)) > 3:
                return None  # not a restatement that stops early
            return f"{full[:at]} {cut[word.start():]}"
        at = found.end()
    if not run_on:
        return full
    return full[:at] + (cut[words[-1].end() :] if words else "")  # and its closing bracket


def _heading_like(head: str, kind: re.Match[str], nomor: re.Match[str], top_only: bool,
                  offset: int) -> bool:
    """Return True when a type + NOMOR pair is the document's heading, not a citation."""
    between = head[offset + kind.end() : nomor.start()]
    if re.search(r"\b[a-z]{3,}\b", between.replace("dan", "")):
        return False  # "Peraturan Pemerintah yang mengatur ... Nomor": a sentence
    before = re.sub(r"\s+", " ", head[max(0, offset + kind.start() - 40) : offset + kind.start()])
    if _CITED_BEFORE.search(before) and not _EXPLAINED.search(before):
        return False  # "TENTANG PERUBAHAN ATAS UNDANG-UNDANG NOMOR 15": cited in a title
    capitals = kind.group(0).isupper() and nomor.group(0)[:5].isupper()
    if not capitals and _LIST_ITEM.search(before):
        return False  # "Mengingat: ... 2. Undang-Undang Nomor 13 Tahun 2003"
    if top_only:
        before = head[: offset + kind.start()]
        return capitals or not re.search(r"\b[a-z]{4,}\b", before)
    return capitals and bool(nomor.group("year"))


def _identity_from(head: str, result: ParsedRegulation, default_region: str | None,
                   confidence: float, *, top_only: bool) -> bool:
    for count, nomor in enumerate(_NOMOR.finditer(head)):
        if count > 500:  # hostile or degenerate text: a heading is found long before this
            break
        offset = max(0, nomor.start() - 250)
        window = head[offset : nomor.start()]
        types = [t for t in _TYPE.finditer(window)
                 if " " in t.group(0) or not _GLUED_CODE.match(window, t.end())]
        if not types or not _heading_like(head, types[-1], nomor, top_only, offset):
            continue
        found = types[-1]
        code = _code(found.group(0))
        if code is None:
            continue
        _set_identity(result, found.group(0), _issuer_words(window[found.end() :]), nomor,
                      code, default_region, confidence)
        tentang = _TENTANG.search(head, nomor.end(), nomor.end() + 200)
        if tentang:
            about = _about_text(head[tentang.end() :], result.number, result.year)
            if about:
                result.about = about
                result.confidence["about"] = confidence - 0.05
        return True
    return False


def _set_identity(result: ParsedRegulation, spelled: str, issuer_words: str,
                  nomor: re.Match[str], code: str, default_region: str | None,
                  confidence: float) -> None:
    raw_num = re.sub(r"\s+", "", nomor.group("num"))
    year = parse_year(re.sub(r"\s+", "", nomor.group("year") or ""))
    lost_slash = _LOST_SLASH.match(nomor.string, nomor.end()) if (
        year is None and "/" in raw_num) else None
    if lost_slash:  # "148/PMK. 01 12012": OCR read the last "/" of a composite number as "1"
        raw_num = f"{raw_num}/{lost_slash.group('year')}"
    number = raw_num if "/" in raw_num else fix_ocr_digits(raw_num, force=True)
    if not number[:1].isdigit():
        number = raw_num
    if year is None and "/" in raw_num:
        year = parse_year(raw_num.rsplit("/", 1)[-1])
    citation = find_citations(f"{spelled} {issuer_words} Nomor 1 Tahun 2000",
                              default_region=default_region)
    result.doc_type, result.number, result.year = code, number, year
    result.region = citation[0].region if citation else None
    if code in ("Permen", "Kepmen", "SE"):
        result.issuer = _issuer(spelled, issuer_words)
    result.confidence["doc_type"] = confidence
    result.confidence["number"] = (confidence if number == raw_num and not lost_slash
                                   else round(confidence - 0.15, 2))
    if year:
        result.confidence["year"] = confidence if str(year) == nomor.group("year") else (
            confidence - 0.15)


def _issuer_words(between: str) -> str:
    words = re.sub(r"\s+", " ", between).strip()
    words = re.sub(r"\b(?:REPUBLIK\s+INDONESIA|SALINAN)\b", " ", words, flags=re.I)
    return re.sub(r"\s+", " ", words).strip(" ,")


def _issuer(spelled: str, words: str) -> str | None:
    lower = spelled.lower()
    if lower.startswith(("peraturan menteri", "keputusan menteri")) and words:
        return "Menteri " + words.title()
    return words.title() or None


def _code(spelled: str) -> str | None:
    found = find_doc_type(spelled)
    if found is None:
        lower = re.sub(r"\s+", " ", spelled.lower())
        if lower.startswith("permen"):
            return "Permen"
        if lower.startswith("kepmen"):
            return "Kepmen"
        if lower == "surat edaran":
            return "SE"
        return None
    return found.code if found.kind == "regulation" else None


def _about_text(tail: str, number: str | None, year: int | None,
                limit: int = 400) -> str | None:
    tail = tail[:1500]
    end = _ABOUT_END.search(tail)
    about = tail[: end.start()] if end else tail[:limit]
    if number and year:  # a repeated heading: "TENTANG X PERATURAN PEMERINTAH NOMOR 42 TAHUN 2004"
        own = re.compile(r"(?:" + _TYPE.pattern + r")[A-Z \-]{0,80}?NOMOR\s*" + re.escape(number)
                         + r"\s*TAHUN\s*" + str(year) + r"\b", re.IGNORECASE)
        repeat = own.search(about)
        if repeat and repeat.start() > 0:
            about = about[: repeat.start()]
        elif repeat:  # the heading itself repeated first: the title follows its TENTANG
            again = _TENTANG.search(about, repeat.end())
            about = about[again.end() :] if again else about[repeat.end() :]
    words = about.replace("_", " ").split()
    head = words[:6]
    capitals = sum(1 for w in head if w.isupper() or not w.isalpha()) >= len(head) * 0.8
    if head and (capitals or (head[0].isupper() and len(head[0]) >= 4)):
        # An upper-case title ends where running text ("Presiden Republik Indonesia,") starts
        kept: list[str] = []
        for w in words:
            if _running_word(w) and kept:
                break
            kept.append(w)
        about = " ".join(kept)
    return _clean_about(about)


def _running_word(word: str) -> bool:
    """Return True for a word of running text ("Presiden"), not of an upper-case title.

    OCR damage leaves lower-case letters inside upper-case words ("TtrNTANG", "PEMEzuNTAH"):
    such a word is still mostly capitals and does not end the title.
    """
    lower = sum(1 for c in word if c.islower())
    upper = sum(1 for c in word if c.isupper())
    return lower >= 2 and len(word.strip(".,;:()")) >= 4 and upper <= lower


def _title_words(text: str) -> list[str]:
    """Return a title's words in lower case, letters and digits only."""
    return re.findall(r"[a-z0-9]+", text.lower())


def _squashed(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


_NEXT_ITEM = re.compile(r"(?P<word>\w+)\s*\.\s+(?:[0-9]{1,2}|[IVX]{1,3})$")


def _clean_about(about: str) -> str | None:
    about = re.sub(r"\s+", " ", about).strip(" .,;:")
    about = re.sub(r"\s*\*+\)?$", "", about)  # a footnote's mark ("... REVOLUSI *)")
    item = _NEXT_ITEM.search(about)
    if item and item.group("word").upper() not in ("NO", "NR", "NOMOR"):
        about = about[: item.end("word")]  # "... SEBAGAI UNDANG-UNDANG. 1", not "NO. 63"
    if re.search(r"[A-Z]{3,} [a-z][.)]?$", about):
        about = about[: about.rfind(" ")]  # "... INDONESIA a": the first Menimbang item's letter
    if about.endswith(('"', "”")) and (about.count('"') + about.count("“")
                                       + about.count("”")) % 2:
        about = about[:-1].strip(" .,;:")  # the closing quote of a quoted restatement
    if re.match(r"(?:bahwa|a\s*\.\s*bahwa)\b", about):
        return None  # "TENTANG" straight into the preamble: the title line was lost
    tokens = about.split()
    if len(tokens) >= 6 and sum(len(t) <= 2 for t in tokens) > 0.4 * len(tokens):
        return None  # letter-spaced OCR ("PEN AM BAH AN PEN YERTAAN"): no readable title
    # a doubled word broken at its hyphen ("Undang- undang") keeps it; other words broken by a
    # hyphen at a line end are joined
    about = re.sub(r"\b(\w+)\s*-\s+(\1)\b", r"\1-\2", about, flags=re.IGNORECASE)
    about = re.sub(r"\s*-\s+(?=[a-z])", "", about)
    return about or None


def _title(result: ParsedRegulation, text: str) -> str:
    name = designation(result.doc_type or "", result.number, result.year, region=result.region,
                       issuer=result.issuer)
    if result.about:
        name += f" tentang {title_case(result.about, text)}"
    return name


def _preamble_bounds(text: str) -> tuple[int | None, int]:
    start = _MENIMBANG.search(text[:30000])
    end = _PREAMBLE_END.search(text, start.end() if start else 0)
    if start is None:
        return None, end.start() if end and end.start() < 30000 else 0
    return start.start(), end.start() if end else start.end()


def _preamble_parts(preamble: str, result: ParsedRegulation, region: str | None) -> list[Part]:
    parts = []
    mengingat = _MENGINGAT.search(preamble)
    menimbang_text = preamble[: mengingat.start()] if mengingat else preamble
    menimbang_text = _MENIMBANG.sub("", menimbang_text, count=1).strip()
    if menimbang_text:
        result.menimbang = tuple(_items(menimbang_text, _ITEM_LETTER, "a"))
        parts.append(Part("menimbang", "menimbang", "Menimbang", menimbang_text))
    if mengingat:
        text = preamble[mengingat.end() :].strip()
        refs: list[Reference] = []
        for item in _items(text, _ITEM_NUMBER, "1"):
            for ref in find_citations(item, relation="mengingat", default_region=region):
                refs.append(dataclasses.replace(ref, relation="mengingat"))
        result.mengingat = tuple(refs)
        parts.append(Part("mengingat", "mengingat", "Mengingat", text))
    return parts


def _items(text: str, marker: re.Pattern[str], first: str) -> list[str]:
    """Split "a. ... b. ..." or "1. ... 2. ..." lists, following the sequence strictly."""
    cuts = []
    expected = first
    for match in marker.finditer(text):
        if match.group("k") == expected:
            cuts.append(match)
            expected = chr(ord(expected) + 1) if expected.isalpha() else str(int(expected) + 1)
    if not cuts:
        return [re.sub(r"\s+", " ", text).strip()]
    items = []
    for i, match in enumerate(cuts):
        end = cuts[i + 1].start() if i + 1 < len(cuts) else len(text)
        items.append(re.sub(r"\s+", " ", text[match.end() : end]).strip())
    return [item for item in items if item]


def _references(text: str, body_end: int, result: ParsedRegulation) -> tuple[Reference, ...]:
    own = result.id
    region = result.region
    refs: list[Reference] = list(result.mengingat)
    if result.about:
        title_refs = find_citations(result.about, default_region=region)
        relation = title_refs[0].relation if title_refs else "menyebut"
        for ref in title_refs:
            rel = relation if relation in ("mengubah", "mencabut") else "menyebut"
            refs.append(dataclasses.replace(ref, relation=rel))
    body_start = next((p for p in (text.find("MEMUTUSKAN"),) if p >= 0), 0)
    for ref in find_citations(text[body_start:body_end], default_region=region):
        if ref.relation == "diubah_dengan":
            ref = dataclasses.replace(ref, relation="menyebut")
        refs.append(ref)
    related = {r.target_id for r in refs if r.relation != "menyebut"}
    seen: set[tuple[str | None, str]] = set()
    out = []
    for ref in refs:
        key = (ref.target_id, ref.relation)
        if ref.target_id == own or key in seen:
            continue
        if ref.relation == "menyebut" and ref.target_id in related:
            continue  # a plain mention adds nothing to a stated relation
        seen.add(key)
        out.append(ref)
    return tuple(out)
