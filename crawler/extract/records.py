"""Build regulation Documents from metadata fields (JDIH detail pages and JDIHN feed records).

Both sources give label/value facts (jenis, nomor, tahun, judul, dates, status...). This module
turns those facts into one natural-key id and a metadata `Document`, so that a feed record, a
detail page and the PDF of one regulation merge in the store.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from corpus.doctypes import designation, find_doc_type
from corpus.ids import (
    issuer_region,
    ministry_code,
    region_level,
    regional_head,
    regulation_id,
)
from corpus.model import Document, Reference
from crawler.extract.citations import find_citations, fix_ocr_digits, parse_year
from crawler.extract.dates import parse_day

_TEU_REGION = re.compile(
    r"^\s*([A-Za-z .'-]+?)\s*\(\s*(Kabupaten|Kota|Provinsi|Kab\.?|Prov\.?)\s*\)", re.IGNORECASE
)
# "Lembaran Daerah Kota Banyu Asri Tahun 2021 Nomor 6": the name is the capitalised words after
# the region word, up to the next word of a citation ("Tahun", "Nomor"), never those words.
_NAME_WORD = r"(?!(?:Tahun|Nomor|No|Tentang|Dan|TAHUN|NOMOR|TENTANG|DAN)\b)[A-Z][A-Za-z'-]+"
_REGION_TEXT = re.compile(r"\b((?i:Kabupaten|Kota|Provinsi|Propinsi))\s+"
                          rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})")


def regulation_from_fields(
    fields: Mapping[str, str],
    url: str,
    origin: str,
    hints: Mapping[str, Any] | None = None,
    related: Sequence[tuple[str, str]] = (),
) -> Document | None:
    """Return a regulation Document from normalised metadata fields, or None if too thin.

    `related` holds (relation, cited text) pairs a detail page prints in its status table
    (`detail.read_relations`); the status field itself may name one too ("Tidak Berlaku
    Dicabut Oleh : Peraturan ..."). Both become references; the status keeps its words only.
    """
    hints = hints or {}
    title = (fields.get("title") or "").strip()
    cited = _title_citation(title, hints.get("region"))
    doc_type = _doc_type(fields, cited)
    if doc_type is None:
        return None
    number = clean_number(fields.get("number")) or (cited.number if cited else None)
    year = (
        parse_year(fields.get("year"))
        or (cited.year if cited else None)
        or parse_year(fields.get("promulgation_year"))
    )
    if number is None and year is None:
        return None
    region = _region(fields, cited, doc_type, hints.get("region"))
    issuer = _issuer(fields, doc_type)
    if doc_type == "SE":
        region = issuer_region(issuer) or region  # "Bupati Gianyar" writes for its regency
    about = _about(fields, title, cited)
    # Without a number the id needs a stable tail: the tentang text, which a feed record and
    # the detail page of one instrument share even when their titles are phrased differently.
    fallback = re.sub(r"[^a-z0-9]+", " ", (about or title or url).lower()).strip()
    doc_id = regulation_id(doc_type, number, year, region=region, issuer=issuer,
                           fallback=fallback)
    subjects = _subjects(fields.get("subjects"))
    status, status_refs = _status(fields.get("status"), region)
    known = {"title", "doc_type", "doc_type_short", "number", "year", "about", "enacted_on",
             "promulgated_on", "place", "status", "summary", "subjects", "pdf_url"}
    extra = {k: v for k, v in fields.items() if k not in known and isinstance(v, str) and v}
    if status != fields.get("status"):
        extra["status_text"] = fields["status"]  # as printed, with the regulation it names
    confidence = {name: 0.95 for name in ("doc_type", "number", "year") if fields.get(name)}
    return Document(
        id=doc_id,
        url=url,
        kind="regulation",
        # A bare title ("Tata Cara ...", as many feeds give it), a bare citation without its
        # subject ("Keputusan Bupati 188.45/217/HK/2024") or a short one ("PERDA No. 5 Tahun
        # 2023 tentang ...") is shown as the full citation
        title=(title if cited and _full_citation(title, doc_type, number, year, region, issuer)
               and (not about or " tentang " in f" {title.lower()} ")
               else _built_title(doc_type, number, year, region, about, issuer)),
        doc_type=doc_type,
        number=number,
        year=year,
        about=about,
        region=region,
        issuer=issuer or region,
        enacted_on=parse_day(fields.get("enacted_on")),
        enacted_at_place=fields.get("place") or None,
        promulgated_on=parse_day(fields.get("promulgated_on")),
        status=status,
        summary=fields.get("summary") or None,
        subjects=subjects,
        references=_relations(
            [*_title_refs(title, region), *status_refs,
             *_note_refs(fields.get("status_note"), region),
             *_note_refs(fields.get("note"), region), *_related_refs(related, region)],
            doc_id),
        pdf_url=fields.get("pdf_url") or None,
        origin=origin,
        confidence=confidence,
        extra=extra,
        language="id",
    )


def _title_refs(title: str, region: str | None) -> list[Reference]:
    """Return the citations in a title ("Peraturan Daerah (PERDA) Kabupaten X Nomor 3 ...")."""
    return find_citations(title, default_region=region) if title else []


def _title_citation(title: str, default_region: str | None) -> Reference | None:
    refs = _title_refs(title, default_region)
    # The document itself is the first citation unless the title starts with a relation.
    return refs[0] if refs and refs[0].relation == "menyebut" else None


def _relations(refs: Iterable[Reference], own_id: str) -> tuple[Reference, ...]:
    """Return the relations among `refs` to other regulations, each once (first wins)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for ref in refs:
        key = (ref.relation, ref.target_id or ref.text)
        if ref.target_id != own_id and ref.relation != "menyebut" and key not in seen:
            seen.add(key)
            out.append(ref)
    return tuple(out)


def _status(value: str | None, region: str | None) -> tuple[str | None, list[Reference]]:
    """Return a status field's words and the regulations it names.

    "Tidak Berlaku Dicabut Oleh : Peraturan Bupati X Nomor 3 Tahun 2024" is the status "Tidak
    Berlaku Dicabut Oleh" and a revocation by that Peraturan Bupati.
    """
    value = " ".join((value or "").split())
    if not value:
        return None, []
    refs = find_citations(value, default_region=region)
    related = []
    relation = None
    for ref in refs:  # "Dicabut oleh Perbup 5/2021 dan Perbup 6/2021": both revoked it
        relation = ref.relation if ref.relation != "menyebut" else relation
        if relation is not None:
            related.append(dataclasses.replace(ref, relation=relation))
    if not related:
        return value, []  # "Berlaku sejak ... sesuai Perbup ...": a status as written
    cut = value.find(refs[0].text)
    words = value[: cut if cut >= 0 else len(value)].split(":")[0].strip(" :-,;(")
    return words or value, related


def _note_refs(value: str | None, region: str | None) -> list[Reference]:
    """Return the relations a status note states ("Mencabut Perbup Nomor 5 Tahun 2010")."""
    return find_citations(value, default_region=region) if value else []


def _related_refs(related: Sequence[tuple[str, str]], region: str | None) -> list[Reference]:
    """Return the first regulation each status-table item cites, under the item's relation."""
    out = []
    for relation, text in related:
        refs = find_citations(text, default_region=region)
        if refs:
            out.append(dataclasses.replace(refs[0], relation=relation))
    return out


def _doc_type(fields: Mapping[str, str], cited: Reference | None) -> str | None:
    for key in ("doc_type", "doc_type_short"):
        found = find_doc_type(fields.get(key))
        if found is not None and found.kind == "regulation":
            return found.code
    if cited is not None:
        return cited.doc_type
    value = fields.get("doc_type") or ""
    for ref in find_citations(f"{value} Nomor 1 Tahun 2000"):
        return ref.doc_type
    return None


def clean_number(value: str | None) -> str | None:
    """Return a regulation number as stored: no "Nomor"/"No." prefix, OCR digits mended."""
    if not value:
        return None
    value = re.sub(r"^(?:nomor|no\.?)\s*", "", value.strip(), flags=re.IGNORECASE).strip()
    if value in ("-", "0", "", "–"):
        return None
    return fix_ocr_digits(value) if "/" not in value else value


def _region(fields: Mapping[str, str], cited: Reference | None, doc_type: str,
            default: str | None) -> str | None:
    known = find_doc_type(doc_type)
    level = known.level if known is not None else "daerah"
    if level == "nasional":
        return None
    if cited is not None and cited.region:
        return cited.region
    from_teu = _teu_region(fields.get("teu") or "")
    if from_teu:
        return from_teu
    for key in ("initiator", "teu", "location", "source_publication"):
        match = _REGION_TEXT.search(fields.get(key) or "")
        if match:
            prefix = match.group(1).title().replace("Propinsi", "Provinsi")
            return f"{prefix} {match.group(2).title()}"
    if default and (level in ("daerah", "none") or region_level(default) == level):
        return default
    return None


def _about(fields: Mapping[str, str], title: str, cited: Reference | None) -> str | None:
    if fields.get("about"):
        return fields["about"].strip()
    if title and cited is None:
        # A bare title is all tentang, also one that names another rule ("Perubahan atas
        # Peraturan Bupati ... tentang X": its own first "tentang" belongs to that rule)
        return title.strip(" .")
    match = re.search(r"\btentang\b\s*:?\s*(.+)$", title, flags=re.IGNORECASE | re.DOTALL)
    return match.group(1).strip(" .") if match else None


def _subjects(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    pieces = re.split(r"\s+-\s+|[,;|]", value)
    return tuple(dict.fromkeys(p.strip() for p in pieces if p.strip() and p.strip() != "-"))


def _issuer(fields: Mapping[str, str], doc_type: str) -> str | None:
    """Return who issued a minister's rule or a circular, which its id and name carry.

    The type field often names it ("Peraturan Menteri Ketenagakerjaan", "Surat Edaran
    Bupati Gianyar"); else the T.E.U. (author) field, else the initiating ministry.
    """
    if doc_type not in ("Permen", "Kepmen", "SE"):
        return None
    teu = fields.get("teu") or ""
    # a circular's T.E.U. ("Wanasari (Kabupaten)", "Kabupaten Wanasari"): its regional head
    teu_head = regional_head(_teu_region(teu) or teu) if doc_type == "SE" else None
    spelled = " ".join((fields.get("doc_type") or "").split())
    known = find_doc_type(doc_type)
    if known and spelled.lower().startswith(known.name.lower() + " "):
        rest = spelled[len(known.name):].strip()
        if doc_type != "SE" and not rest.lower().startswith(("menteri", "kementerian")):
            rest = f"Menteri {rest}"
        if doc_type == "SE" and issuer_region(rest) is None:
            # "Surat Edaran Bupati": which Bupati, the signer ("Bupati X, Nama") or the
            # T.E.U. says
            signer = (fields.get("signer") or "").split(",")[0].strip()
            head = signer if issuer_region(signer) else teu_head
            if head and head.lower().startswith(rest.lower()):
                return head
        return rest
    initiator = fields.get("initiator") or ""
    if doc_type != "SE" and ministry_code(initiator) and not ministry_code(fields.get("teu") or ""):
        return initiator
    return teu_head or teu or None


def _teu_region(teu: str) -> str | None:
    """Return the region a T.E.U. author heading names: "Gianyar (Kabupaten)" -> "Kabupaten
    Gianyar"."""
    match = _TEU_REGION.match(teu)
    if match is None:
        return None
    kind = match.group(2).lower()
    prefix = "Provinsi" if kind.startswith("prov") else "Kota" if kind == "kota" else "Kabupaten"
    return f"{prefix} {match.group(1).strip().title()}"


def _full_citation(title: str, doc_type: str, number: str | None, year: int | None,
                   region: str | None, issuer: str | None) -> bool:
    """Return True when a title starts with the regulation's full name, or names no region.

    "PERDA No. 5 Tahun 2023 tentang ..." on a regency's JDIH page is that regency's Perda: it
    is cited by its full name. A title naming the regulation otherwise than we would (another
    word order, its own capitals) stays as its publisher wrote it, unless its region is missing.
    """
    if region is None:
        return True
    name = designation(doc_type, number, year, region=region, issuer=issuer)
    flat = " ".join(title.lower().split())
    place = re.sub(r"^(?:kabupaten|kota|provinsi)\s+", "", " ".join(region.lower().split()))
    return flat.startswith(name.lower()) or place in flat


def _built_title(doc_type: str, number: str | None, year: int | None, region: str | None,
                 about: str | None, issuer: str | None = None) -> str:
    name = designation(doc_type, number, year, region=region, issuer=issuer)
    return f"{name} tentang {about}" if about else name
