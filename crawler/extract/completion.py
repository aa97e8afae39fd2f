"""Complete a heading title the source cut short, from the document's own restatement of it.

Two kinds of title announce their own ending, so a heading without it is visibly unfinished:
- the law that makes an emergency law or a Perppu a law ("PENETAPAN UNDANG-UNDANG DARURAT NO. 5
  TAHUN 1953 TENTANG ... SEBAGAI UNDANG-UNDANG", 1960s "... MENJADI UNDANG-UNDANG"), whose
  scanned headings often lose the cited law's last words and its Lembaran-Negara bracket, or keep
  only a stray "UNDANG-UNDANG" of the ending after a lost line;
- the 1950s budget laws ("PENETAPAN BAGIAN IX (KEMENTERIAN PENERANGAN) DARI ANGGARAN REPUBLIK
  INDONESIA UNTUK TAHUN-TAHUN DINAS 1952 DAN 1953"), cut before their year.
The body says the same thing in running text: Pasal I "Peraturan-peraturan yang termaktub dalam
Undang-undang Darurat No. 1 tahun 1959 tentang ... Tanah (Lembaran-Negara tahun 1959 No. 1)
ditetapkan sebagai Undang-undang", a budget law's Pasal 1 "Bagian IX ... dari anggaran Republik
Indonesia untuk tahun-tahun dinas 1952 dan 1953 ditetapkan ...". The heading's last words are
found in such a sentence and the words that follow them there are added, in capitals. The
heading's own wording is kept for everything it has; only the lost tail comes from the body.

Any other title that stops at a joining word ("... KERJA-SAMA ANTARA", "... INDONESIA DAN"), or
names one side of a treaty ("... ANTARA REPUBLIK"), is completed the same way from the preamble
("bahwa perlu dibuat Perjanjian ... antara Republik Indonesia dan Republik Rakyat Hongaria;"),
up to the end of the clause, and only with a name: no clause of running text, no page furniture.
`looks_cut` (also used by `regulation` to weigh the Menetapkan and Penjelasan wordings) says
when a title visibly stops short.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_WORD = re.compile(r"[A-Za-z0-9]+")
_ENACTS = re.compile(r"^PENETAPAN\b.*\b(?:DARURAT|PENGGANTI|PERPU|PERPPU)\b", re.DOTALL)
_ENDED = re.compile(r"\b(?:SEBAGAI|MENJADI)\s+UNDANG[\s\-]*UNDANG\b")  # anywhere: two laws
# A lone "UNDANG-UNDANG" left of the ending after a lost line ("... DAN PEMBUKAAN UNDANG-UNDANG")
_ORPHAN = re.compile(r"(?<!\bDARURAT)(?<!\bPENGGANTI)\s+UNDANG[\s\-]*UNDANG\W*$")
_ENACTING = re.compile(r"\b(?:ditetapkan\s+)?(?P<verb>sebagai|menjadi)\s+undang[\s\-]*undang",
                       re.IGNORECASE)
# A budget title cut at "DARI ANGGARAN" or before the year of its "TAHUN DINAS"; a modern title
# that only mentions a budget ("... BERSUMBER DARI ANGGARAN PENDAPATAN DAN BELANJA DAERAH") is
# whole
_BUDGET_CUT = re.compile(r"^PENETAPAN\b.*\bDARI\s+ANGGARAN(?:\s+[A-Z \-]{0,60}\bDINAS)?\s*$",
                         re.DOTALL)
_BUDGET_DONE = re.compile(r"\bDINAS\s+1[89]\d\d\b")
_DECIDES = re.compile(r"\s+(?:ditetapkan|disahkan)\b", re.IGNORECASE)
_BUDGET_YEARS = re.compile(r"^.*?\b1[89]\d\d(?:\s*/\s*1[89]\d\d)?(?:\s+dan\s+1[89]\d\d)?\b",
                           re.IGNORECASE | re.DOTALL)
LN_BRACKET = re.compile(r"\(\s*Lembaran[\s\-]*Negara[^()]{0,60}\)", re.IGNORECASE)
# A tail that crosses one of these is running text, not the rest of a title
_SENTENCE = re.compile(r";|\b(?:bahwa|tersebut|perlu|Menimbang|Mengingat|MEMUTUSKAN)\b",
                       re.IGNORECASE)
# Words a title cannot end with: it was cut after them (a title cut after one of the Indonesian
# joining words is completed from the running text)
_JOINERS = ("DAN|ATAU|SERTA|TENTANG|ATAS|DARI|UNTUK|DI|KE|YANG|ANTARA|DENGAN|PADA|BAGI|TERHADAP|"
            "MENGENAI")
_JOINING_END = re.compile(r"(?:[,(\-]|\b(?:" + _JOINERS + r"|NO|NOMOR|TAHUN|"
                          r"OF|THE|AND|ON|FOR|BETWEEN|TO|IN|WITH))\s*$", re.IGNORECASE)
# "ANTARA" (between) names two sides: "... ANTARA REPUBLIK INDONESIA DAN KERAJAAN IRAK"; a
# title that ends a few words after it with no second side is cut
_BETWEEN_ONE = re.compile(r"\bANTARA(?:\s+(?!(?:DAN|AND|DENGAN)\b)\S+){0,3}\s*$", re.IGNORECASE)
_WORD_CUT = re.compile(r"\b(?:" + _JOINERS + r")\s*$")
MAX_CLAUSE_WORDS = 8  # what a cut title lacks is a name or two ("Republik Rakyat Hongaria")
# ... not a clause of running text ("Pemerintah Republik Korea telah menandatangani ...")
_NOT_A_NAME = re.compile(r"\b(?:telah|yang|akan|pada|tanggal|ditandatangani|dilakukan|dalam)\b",
                         re.IGNORECASE)
_BETWEEN = re.compile(r"\bantara\b")  # in running text, the word; "Antara" may be a name
# ... nor page furniture a line break let in: a header in capitals, a page number, an item's
# letter ("PRESIDEN REPUBLIK INDONESIA", "- 2 -", "b.")
_FURNITURE = re.compile(r"\b[A-Z]{3,}\b|(?<![\w/])\d+(?![\w/])|(?<!\w)[a-z](?!\w)")
_SIDES = re.compile(r"\b(?:dan|and)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r";|\.(?:\s|$)|[\"”]|\s*\((?=\s*Lembaran)", re.IGNORECASE)


def spaced(word: str) -> str:
    """Return a pattern for a word in capitals that OCR may letter-space ("M E M U T U S ...")."""
    return r"\s?".join(word)


# The decision line ("MEMUTUSKAN :", "Menetapkan :") that ends a regulation's preamble; lower
# case "menetapkan" in running text is not one
DECISION = spaced("MEMUTUSKAN") + r"|Menetapkan\s*:"
_DECISION = re.compile(DECISION)
WINDOW = 600  # characters of running text before the enacting words searched for the anchor
MAX_TAIL_WORDS = 14  # a completion longer than this is not a title's lost tail
SEARCH_CHARS = 60_000  # the preamble and the first Pasal


def looks_cut(title: str) -> bool:
    """Return True when a title visibly stops short: an open bracket or quote, a joining word,
    or a "between" with one side only."""
    return (bool(_JOINING_END.search(title)) or title.count("(") > title.count(")")
            or title.count('"') % 2 == 1 or bool(_BETWEEN_ONE.search(title)))


def complete_title(about: str, text: str) -> str:
    """Return `about` with the tail its kind of title requires, read from `text`, if it lacks it."""
    if _ENACTS.match(about) and not _ENDED.search(about):
        return _complete_enactment(about, text)
    if _BUDGET_CUT.match(about):
        return _complete_budget(about, text)
    if _WORD_CUT.search(about) or _BETWEEN_ONE.search(about):
        return _complete_clause(about, text)
    return about


def _complete_clause(about: str, text: str) -> str:
    """Complete a title that stops at a joining word ("... KERJA-SAMA ANTARA") from the running
    text that says the same words ("perlu dibuat Perjanjian ... Kerja-sama antara Republik
    Indonesia dan Republik Rakyat Hongaria;"), up to the end of that clause."""
    anchor = _anchor(about)
    if anchor is None:
        return about
    decided = _DECISION.search(text, 0, SEARCH_CHARS)  # the preamble only, not a Pasal
    one_side = _BETWEEN_ONE.search(about) is not None
    for found in anchor.finditer(text, 0, decided.start() if decided else SEARCH_CHARS):
        # running text, where the joining word is one ("dan", "antara"), not the heading nor
        # a name ("KANTOR BERITA NASIONAL Antara")
        if one_side:
            if not _BETWEEN.search(text, max(0, found.start() - 80), found.end()):
                continue
        elif not _WORD.findall(found.group())[-1].islower():
            continue
        rest = re.sub(r"\s+", " ", text[found.end() : found.end() + 400])  # lines rejoined
        end = _CLAUSE_END.search(rest)
        tail = rest[: end.start()].strip(" ,:\"'“”") if end else ""
        if (tail and len(_WORD.findall(tail)) <= MAX_CLAUSE_WORDS and not _SENTENCE.search(tail)
                and not _NOT_A_NAME.search(tail) and not _FURNITURE.search(tail)
                and not (one_side and not _SIDES.search(tail))):
            return f"{about} {_upper(tail)}"
    return about


def _complete_enactment(about: str, text: str) -> str:
    orphan = _ORPHAN.search(about)
    head = about[: orphan.start()] if orphan else about
    for ending, tail in _tails(head, text, _ENACTING):
        bracket = LN_BRACKET.search(tail)
        tail = tail[: bracket.end()] if bracket else _DECIDES.split(tail)[0]
        if not _is_tail(tail) or (not bracket and "(" in tail):
            continue  # running text, or a bracket that is not the Lembaran-Negara number
        verb = ending.group("verb").upper()
        return " ".join(part for part in (head, _upper(tail), verb, "UNDANG-UNDANG") if part)
    return about


def _complete_budget(about: str, text: str) -> str:
    for _, tail in _tails(about, text, _DECIDES):
        years = _BUDGET_YEARS.match(tail)
        if years and _is_tail(years.group()):
            completed = f"{about} {_upper(years.group())}"
            if _BUDGET_DONE.search(completed):
                return completed
    return about


def _is_tail(tail: str) -> bool:
    return len(_WORD.findall(tail)) <= MAX_TAIL_WORDS and not _SENTENCE.search(tail)


def _tails(head: str, text: str, ending: re.Pattern[str]) -> Iterator[tuple[re.Match[str], str]]:
    """Yield each `ending` in the text's first part with what follows the heading's last words
    in the running text before it."""
    anchor = _anchor(head)
    if anchor is None:
        return
    closed = head.count("(") <= head.count(")")
    for found in ending.finditer(text, 0, SEARCH_CHARS):
        before = text[max(0, found.start() - WINDOW) : found.start()]
        matches = list(anchor.finditer(before))
        if not matches:
            continue
        tail = re.sub(r"\s+", " ", before[matches[-1].end() :]).strip(" ,;:\"'“”")
        if closed:
            tail = tail.lstrip(" )\"'“”")  # the bracket the heading closed already
        yield found, tail


def _anchor(head: str) -> re.Pattern[str] | None:
    """Return a pattern for the heading's last words, the place its lost tail follows.

    The heading's last two words, one more for each short word or number among them ("TAHUN
    1955" also ends a Lembaran-Negara bracket; "AKHIR TAHUN 1955" does not), matched whatever the
    case, spacing or hyphenation ("PABRIKAN-PABRIKAN", "pabrikan- pabrikan").
    """
    words = _WORD.findall(head)
    size = 2
    while size < min(len(words), 5) and any(len(w) <= 3 or w.isdigit() or w.upper() == "TAHUN"
                                            for w in words[-size:][:2]):
        size += 1
    if len(words) < size:
        return None
    joined = r"[\W_]*".join(re.escape(w) for w in words[-size:])
    return re.compile(r"(?<![A-Za-z0-9])" + joined + r"(?![A-Za-z0-9])", re.IGNORECASE)


def _upper(text: str) -> str:
    return re.sub(r"\s*-\s+(?=\w)", "-", text).upper().strip(" ,;:.\"'“”")
