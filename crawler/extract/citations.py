"""One recogniser for every spelling of a regulation reference, and the relation phrases.

"Peraturan Bupati Gianyar Nomor 55 Tahun 2018", "Perbup No. 55 Th. 2018", "UU 23/2014",
"PP No.60 Tahun 2015", "Permenaker 1/2016", "SE Mendagri 842.2/5193/SJ" and composite numbers
such as "336/E-01/HK/2018" all become a `Reference` with a normalised `target_id`
(`corpus.regulation_id`). Words before or after a citation ("perubahan atas", "mencabut",
"sebagaimana telah diubah dengan", "melaksanakan", "dicabut dan dinyatakan tidak berlaku")
set its relation.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from corpus.doctypes import DOC_TYPES, find_doc_type
from corpus.ids import region_level, regulation_id, serves_a_region
from corpus.model import Reference
from crawler.extract.regions import is_province

# Short names of ministers used in "SE Mendagri", "Kepmenaker", "Permenkeu" spellings.
MINISTERS: dict[str, str] = {
    "mendagri": "Menteri Dalam Negeri",
    "menaker": "Menteri Ketenagakerjaan",
    "menakertrans": "Menteri Tenaga Kerja dan Transmigrasi",
    "menkeu": "Menteri Keuangan",
    "menkes": "Menteri Kesehatan",
    "mensos": "Menteri Sosial",
    "mendes": "Menteri Desa",
    "menpan": "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    "menpanrb": "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
}

_OCR_DIGITS = str.maketrans(
    {"O": "0", "o": "0", "D": "0", "I": "1", "l": "1", "L": "1", "|": "1", "i": "1"}
)


def fix_ocr_digits(token: str, *, force: bool = False) -> str:
    """Return a number token with OCR letter/digit confusions (O/0, I/1, l/1, L/1) repaired.

    Only tokens that already hold a digit and otherwise only confusable letters are
    changed, so "2OI9" becomes "2019" while "5A" or "HK" stay as they are. With `force`
    (a token standing where a number must be, as after "NOMOR" in a heading) a token of
    confusable letters only ("l", "ll", "I") is read as digits too.
    """
    if not token or not (force or any(c.isdigit() for c in token)):
        return token
    if all(c.isdigit() or c in "OoDIlLi|" for c in token):
        return token.translate(_OCR_DIGITS)
    return token


def parse_year(token: str | None) -> int | None:
    """Return a plausible regulation year (1800-2100) from a token, repairing OCR digits."""
    if not token:
        return None
    fixed = fix_ocr_digits(token.strip())
    if len(fixed) == 4 and fixed.isdigit() and 1800 <= int(fixed) <= 2100:
        return int(fixed)
    return None


def _type_alternation() -> str:
    spellings: set[str] = set()
    for t in DOC_TYPES:
        if t.kind != "regulation":
            continue
        spellings.update((t.code, t.name, *t.aliases))
    spellings.update(("Undang Undang", "Surat Edaran", "Permen[a-z]{2,12}", "Kepmen[a-z]{2,12}"))
    spellings.update(("SE", "Peraturan Kepala Daerah", "Keputusan Kepala Daerah"))
    parts = []
    for s in sorted(spellings, key=len, reverse=True):
        if "[" in s:
            parts.append(s)
        else:
            parts.append(r"[\s\-]+".join(re.escape(w) for w in re.split(r"[\s\-]+", s)))
    return "|".join(parts)


_WORD = r"(?:[A-Z][\w.'’()-]*|dan|dalam|\(\w+\)|[A-Z]{2,})"
_NUM = r"[0-9OIl][0-9A-Za-z]*(?:[./\-][0-9A-Za-z]+)*"
_ABOUT_STOP = (
    r"(?=\s*\(|\s*;|\s*\n|\s*,?\s+sebagaimana|\s*,\s*(?:dan|yang|serta)\s|\s+yang\s+telah"
    r"|\.\s|\.$|\s*\[|\s*\]|$)"
)
_CITATION = re.compile(
    r"(?<![\w-])(?P<type>(?i:" + _type_alternation() + r"))"
    r"(?P<issuer>(?:\s+" + _WORD + r",?){0,9}?)"
    r"\s*(?:(?P<marker>(?i:nomor|nomer|no|nr))\s*[.:]?\s*)?"
    r"(?P<num>" + _NUM + r")"
    r"(?:\s*,?\s*(?i:tahun|thn|th)\s*\.?\s*(?P<year>[0-9OIl]{4})(?![\w/]))?"
)
_TYPE_INSIDE = re.compile(r"(?<![\w-])(?:" + _type_alternation() + r")(?![\w-])", re.IGNORECASE)
_ABOUT = re.compile(r"\s*,?\s*(?i:tentang)\s+(?P<about>[^\n;]{1,300}?)" + _ABOUT_STOP)
# Small words that stay lowercase inside a Title Case regulation title.
_TITLE_SMALL = frozenset(
    (
        "dan", "di", "ke", "dari", "atas", "bagi", "untuk", "dalam", "yang", "serta", "pada",
        "tentang", "atau", "oleh", "dengan", "terhadap", "antara", "sebagai", "melalui",
    )
)

_ROMAN = re.compile(r"[IVXL]+")
_VOWELS = frozenset("AEIOU")


def title_case(title: str | None, evidence: str = "") -> str | None:
    """Return a title printed in capitals as a citation writes it, acronyms kept.

    "PERCEPATAN KEPESERTAAN BPJS KETENAGAKERJAAN BAGI PEKERJA DI DESA" -> "Percepatan
    Kepesertaan BPJS Ketenagakerjaan bagi Pekerja di Desa". A word stays in capitals when the
    document's running text (`evidence`, its first 300,000 characters) writes it so beside words
    in lower case at least as often as it writes it otherwise (BPJS, APBD, DKI), or, without
    such evidence, when it has no vowel (PT, DPRD) or is a Roman numeral. A title not wholly
    in capitals is returned as it is.
    """
    if not title or not title.isupper():
        return title
    words = title.split()
    kept = _acronyms({m for w in words for m in re.findall(r"[A-Z]{2,}", w)}, evidence)

    out = []
    for i, word in enumerate(words):
        letter = re.search(r"[A-Z]", word)
        first_at = letter.start() if i == 0 and letter else -1  # the title's first word
        out.append(re.sub(r"[A-Z]+", functools.partial(_case, kept=kept, first_at=first_at),
                          word))
    return " ".join(out)


def _case(match: re.Match[str], kept: set[str], first_at: int) -> str:
    word = match.group(0)
    if word in kept or (len(word) > 1 and _ROMAN.fullmatch(word)):
        return word
    if match.start() != first_at and word.lower() in _TITLE_SMALL:
        return word.lower()
    return word.capitalize()


def _acronyms(words: set[str], evidence: str) -> set[str]:
    """Return the words the running text writes in capitals amid lower-case words."""
    upper: dict[str, int] = dict.fromkeys(words, 0)
    other: dict[str, int] = dict.fromkeys(words, 0)
    if words and evidence:
        pattern = re.compile(r"\b(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b",
                             re.IGNORECASE)
        for match in pattern.finditer(evidence, 0, 300_000):
            token = match.group(0)
            key = token.upper()
            if not token.isupper():
                other[key] += 1
                continue
            before = evidence[max(0, match.start() - 30) : match.start()].split()
            after = evidence[match.end() : match.end() + 30].split()
            # "ke BPJS Ketenagakerjaan", "oleh APBD.": a lower-case word before it in the same
            # sentence and no capitals word after it (a heading or a table's header row)
            if (before and before[-1][-1] not in ".:;" and any(c.islower() for c in before[-1])
                    and not (after and after[0].strip("(),.;:").isupper())):
                upper[key] += 1
    return {w for w in words
            if upper[w] >= max(other[w], 1) or (not other[w] and not _VOWELS & set(w))}


_BEFORE = (
    (re.compile(r"diubah\s+(?:\w+\s+){0,2}(?:dengan|oleh|melalui)\s*:?\s*$"), "diubah_dengan"),
    (re.compile(r"dicabut\s+(?:dengan|oleh|melalui)\s*:?\s*$"), "dicabut_dengan"),
    (re.compile(r"(?:perubahan\s+(?:\w+\s+)?atas|mengubah)\s*$"), "mengubah"),
    (re.compile(r"(?:mencabut|pencabutan(?:\s+atas)?)\s*$"), "mencabut"),
    (
        re.compile(
            r"melaksanakan\s+(?:ketentuan\s+)?(?:(?:pasal|ayat|huruf|angka)\s+[\w()]+"
            r"\s*(?:,|dan)?\s*)*$"
        ),
        "melaksanakan",
    ),
)
_AFTER_REVOKED = re.compile(r"\b(?:dicabut\s+dan\s+)?dinyatakan\s+tidak\s+berlaku\b")
# A legal portal's status table or list names a relation on its own ("Diubah oleh", "Mencabut
# sebagian", "Dicabut dengan :") and puts the regulations it holds beside or under it.
# A passive verb needs its agent ("Dicabut oleh"): a bare "Dicabut" is a status value or a
# badge beside some other rule. A partial revocation or amendment ("Dicabut sebagian oleh") is
# no label: the regulation stays in force, and no relation says "in part".
_RELATION_LABEL = re.compile(
    r"(?:status\s*:?\s*)?(?:(?P<verb>mengubah|mencabut|melaksanakan)"
    r"|(?P<passive>diubah|dicabut)\s+(?:dengan|oleh|melalui))\s*:?",
    re.IGNORECASE,
)
RELATION_VERBS = ("mengubah", "mencabut", "melaksanakan", "diubah", "dicabut", "status")
_LABEL_RELATIONS = {"mengubah": "mengubah", "diubah": "diubah_dengan", "mencabut": "mencabut",
                    "dicabut": "dicabut_dengan", "melaksanakan": "melaksanakan"}


def relation_label(text: str) -> str | None:
    """Return the relation a status label names ("Diubah oleh" -> "diubah_dengan"), else None.

    Only a whole label counts: "Mengubah Pasal 1 dan Pasal 27" is a note, not a label.
    """
    match = _RELATION_LABEL.fullmatch(" ".join(text.split()))
    return _LABEL_RELATIONS[(match.group("verb") or match.group("passive")).lower()] if (
        match) else None


def find_citations(
    text: str,
    *,
    relation: str = "menyebut",
    default_region: str | Sequence[str] | None = None,
) -> list[Reference]:
    """Return every regulation cited in `text`, in order, with ids and relations.

    `relation` is used when no relation phrase surrounds a citation; `default_region` (one
    region or several of different levels) fills the region of regional rules cited without
    one ("Peraturan Bupati Nomor 5 Tahun 2019" inside a Gianyar regulation).
    """
    if not text or not isinstance(text, str):
        return []
    matches = []
    position = 0
    while True:
        match = _CITATION.search(text, position)
        if match is None:
            break
        inner = _type_inside(match.group("issuer") or "")
        if inner is not None:  # "Perbup Peraturan Bupati Contoh Nomor 5": restart at the later type
            position = match.start("issuer") + inner.start()
            continue
        if _plausible(match):
            matches.append(match)
        position = match.end()
    refs: list[Reference] = []
    for i, match in enumerate(matches):
        next_start = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        ref = _reference(match, text, next_start, relation, default_region)
        if ref is not None:
            refs.append(ref)
    return refs


def _type_inside(words: str) -> re.Match[str] | None:
    """Return a type name among the words after a type, not its short form in brackets.

    "Peraturan Bupati (Perbup) Gianyar Nomor 35": the news' bracketed short form names the
    same type; "Perbup Peraturan Bupati Gianyar Nomor 35" starts again at the later type.
    """
    for inner in _TYPE_INSIDE.finditer(words):
        if not (words[inner.start() - 1 : inner.start()] == "("
                and words[inner.end() : inner.end() + 1] == ")"):
            return inner
    return None


def _short_forms_out(words: str) -> str:
    """Return the words after a type without bracketed type codes ("(Perbup) Gianyar")."""
    return _BRACKETED_CODE.sub(
        lambda m: "" if find_doc_type(m.group(1)) or m.group(1).lower().startswith(
            ("permen", "kepmen")) else m.group(0), words)


_BRACKETED_CODE = re.compile(r"\(\s*([A-Za-z]{2,14})\s*\)")


def _plausible(match: re.Match[str]) -> bool:
    num = match.group("num")
    if not any(c.isdigit() for c in num):
        return False
    if match.group("marker") or match.group("year"):
        return True
    # Without "Nomor" or "Tahun" only the "UU 23/2014" and "842.2/5193/SJ" shapes count.
    return "/" in num


def _reference(
    match: re.Match[str], text: str, next_start: int, relation: str,
    default_region: str | Sequence[str] | None,
) -> Reference | None:
    spelled = re.sub(r"[\s\-]+", " ", match.group("type")).strip()
    number, year = _number_and_year(match.group("num"), match.group("year"))
    if number is None:
        return None
    doc_type, issuer, region = _who(spelled, match.group("issuer"), default_region)
    if doc_type is None:
        return None
    about = _about(text, match.end(), next_start)
    target = regulation_id(
        doc_type if doc_type not in ("Permen", "Kepmen") else spelled,
        number,
        year,
        region=region,
        issuer=issuer,
    )
    return Reference(
        text=_cited_text(match, text, about),
        relation=_relation(text, match, next_start, relation),
        target_id=target,
        doc_type=doc_type,
        number=number,
        year=year,
        region=region,
        about=about,
    )


def _about(text: str, start: int, end: int) -> str | None:
    match = _ABOUT.match(text, start, min(end, start + 400))
    if match is None:
        return None
    words = match.group("about").split()
    if words and words[0][:1].isupper():
        kept: list[str] = []
        for word in words:
            bare = word.strip("(),.\"'")
            if kept and bare and bare[0].islower() and bare.lower() not in _TITLE_SMALL:
                break
            kept.append(word)
        while kept and kept[-1].lower() in _TITLE_SMALL:
            kept.pop()
        words = kept
    return " ".join(words).strip(" ,.") or None


def _cited_text(match: re.Match[str], text: str, about: str | None) -> str:
    cited = match.group(0).strip()
    if about:
        cited += " tentang " + about
    return cited


def _number_and_year(raw_num: str, raw_year: str | None) -> tuple[str | None, int | None]:
    num = raw_num.rstrip(".-/")
    year = parse_year(raw_year)
    pieces = num.split("/")
    if year is None and len(pieces) >= 2:
        tail_year = parse_year(pieces[-1])
        if tail_year is not None:
            year = tail_year
            if len(pieces) == 2:  # "23/2014": the year is not part of the number
                num = pieces[0]
    if "/" not in num and "." not in num and "-" not in num:
        num = fix_ocr_digits(num)
    if not num or not num[0].isdigit():
        return None, year
    return num, year


def _who(
    spelled: str, issuer_words: str | None, default_region: str | Sequence[str] | None
) -> tuple[str | None, str | None, str | None]:
    """Return (doc_type code, issuer, region) from the type spelling and the words after it."""
    words = re.sub(r"\s+", " ", _short_forms_out(issuer_words or "")).strip(" ,")
    known = find_doc_type(spelled)
    if known is None:
        lower = spelled.lower()
        if lower.startswith("permen"):
            known = find_doc_type("Permen")
        elif lower.startswith("kepmen"):
            known = find_doc_type("Kepmen")
        elif lower in ("surat edaran",):
            known = find_doc_type("SE")
    if known is None:
        return None, None, None
    words = re.sub(r"\b(?:Republik Indonesia|RI)\b", "", words).strip(" ,")
    level = known.level
    if level == "nasional":
        issuer = None
        if known.code in ("Permen", "Kepmen"):
            generic = spelled.lower() in ("peraturan menteri", "keputusan menteri")
            issuer = _minister(("Menteri " + words) if generic and words else words)
        return known.code, issuer, None
    if level == "none":
        minister = _minister(words)
        # a regional office's circular cited without its region is the citing region's
        # ("Surat Edaran Sekretaris Daerah Nomor ..." in a regency's rule); the id keeps the
        # region only for a regional office, never for a national one
        issuer = minister or words or None
        region = (_default_for("daerah", default_region)
                  if issuer and serves_a_region(issuer) else None)
        return known.code, issuer, region
    region = _region(level, words, default_region)
    return known.code, None, region


def _minister(words: str) -> str | None:
    if not words:
        return None
    first = words.split()[0].lower().strip(".,")
    if first in MINISTERS:
        return MINISTERS[first]
    if first in ("menteri", "kementerian"):
        return words
    return None


def _default_for(level: str, default_region: str | Sequence[str] | None) -> str | None:
    """Return the default region that fits a type's level (any region for a Perda)."""
    if not default_region:
        return None
    regions = [default_region] if isinstance(default_region, str) else list(default_region)
    for region in regions:
        if region and (level == "daerah" or region_level(region) == level):
            return region
    return None


def _region(level: str, words: str, default: str | Sequence[str] | None) -> str | None:
    default_region = _default_for(level, default)
    words = re.split(r"\s+(?:Provinsi|Propinsi|Prov\.)\s+", " " + words)[0].strip() if (
        level in ("kabupaten", "kota")
    ) else words
    words = words.strip(" ,")
    if not words:
        return default_region
    if level == "daerah":
        if region_level(words):
            return _titled(words)
        if default_region and words.lower() in default_region.lower():
            return default_region
        prefix = "Provinsi " if is_province(words) else "Kabupaten "
        return prefix + _titled(words)
    name = re.sub(r"^(?:Kabupaten|Kab\.?|Provinsi|Propinsi|Prov\.?|Kota)\s+", "", words, flags=re.I)
    prefix = {"kabupaten": "Kabupaten", "provinsi": "Provinsi", "kota": "Kota"}[level]
    return f"{prefix} {_titled(name)}" if name else default_region


def _titled(words: str) -> str:
    out = []
    for w in words.split():
        out.append(w if not w.isupper() or len(w) <= 1 else w.capitalize())
    result = " ".join(out)
    return re.sub(r"^(Kab\.?|Prov\.?)\s", lambda m: "Kabupaten " if m.group(1).startswith("Kab")
                  else "Provinsi ", result)


def _relation(text: str, match: re.Match[str], next_start: int, default: str) -> str:
    before = text[max(0, match.start() - 120) : match.start()].lower()
    before = re.sub(r"\s+", " ", before)
    for pattern, relation in _BEFORE:
        if pattern.search(before):
            return relation
    after = text[match.end() : min(next_start, match.end() + 300)].lower()
    sentence = re.split(r"[.;]\s", after, maxsplit=1)[0]
    if _AFTER_REVOKED.search(sentence):
        return "mencabut"
    return default
