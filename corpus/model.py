"""The document model: what every stage of Telusur exchanges.

A `Document` is one regulation, news article or other page, after extraction. It is frozen
and slotted; it crosses package borders as is and is stored as JSON (`to_dict`/`from_dict`).

Glossary of Indonesian legal terms used as field names:
`doc_type` = jenis (Perbup, UU, ...), `number` = nomor (always a string), `year` = tahun,
`about` = tentang, `enacted_on` = tanggal penetapan, `promulgated_on` = tanggal pengundangan,
`region` = the issuing region ("Kabupaten Gianyar", "Provinsi Bali"; None for national rules).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

KINDS = ("regulation", "news", "other")

# Relations a Reference can express, from the citing document's point of view.
RELATIONS = (
    "mengingat",  # cited as legal basis
    "mengubah",  # this document amends the target
    "mencabut",  # this document revokes the target
    "diubah_dengan",  # the target amended this document ("sebagaimana telah diubah dengan")
    "dicabut_dengan",  # the target revoked this document
    "melaksanakan",  # this document implements the target
    "menyebut",  # a plain mention (news articles, body text)
)


# The units a reader cites and a search hit points at: Pasal, the diktum of a decree, and
# the numbered points (angka) of a circular
CITABLE_KINDS = ("pasal", "diktum", "angka")


@dataclass(frozen=True, slots=True)
class Part:
    """One structural unit of a regulation: a BAB, Bagian, Pasal, ayat, or a named section."""

    anchor: str  # stable HTML anchor: "bab-1", "pasal-4", "pasal-4-ayat-2", "menimbang"
    # bab, bagian, paragraf, pasal, ayat, huruf, diktum (a decree's unit: "KESATU"), angka (a
    # circular's numbered point), menimbang, mengingat, penjelasan, lampiran
    kind: str
    label: str  # as a reader cites it: "Pasal 4", "BAB II"
    text: str  # the unit's own text (for a Pasal: the whole Pasal with its ayat)
    heading: str | None = None  # "KETENTUAN UMUM"
    parent: str | None = None  # anchor of the enclosing unit
    page: int | None = None  # 1-based PDF page where the unit starts ("hlm. 3")

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Part:
        """Build a Part from `to_dict` output, ignoring unknown keys."""
        return cls(**_known(cls, data))


@dataclass(frozen=True, slots=True)
class Reference:
    """A citation of another regulation found in a document."""

    text: str  # the citation as written: "Peraturan Pemerintah Nomor 44 Tahun 2015"
    relation: str = "menyebut"  # one of RELATIONS
    target_id: str | None = None  # normalised id when resolvable: "pp-2015-44"
    doc_type: str | None = None
    number: str | None = None
    year: int | None = None
    region: str | None = None
    about: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Reference:
        """Build a Reference from `to_dict` output, ignoring unknown keys."""
        return cls(**_known(cls, data))


@dataclass(frozen=True, slots=True)
class Page:
    """The text of one PDF page, kept so citations can name the page."""

    number: int  # 1-based
    text: str

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"number": self.number, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Page:
        """Build a Page from `to_dict` output."""
        return cls(number=int(data["number"]), text=str(data.get("text", "")))


@dataclass(frozen=True, slots=True)
class Document:
    """One extracted regulation, news article or other page."""

    id: str
    url: str
    kind: str  # one of KINDS
    title: str
    text: str = ""
    # Perbup, Kepbup, Perda, Pergub, UU, PP, Permen, Inpres, SE, MoU, Berita (corpus.doctypes)
    doc_type: str | None = None
    number: str | None = None
    year: int | None = None
    about: str | None = None
    region: str | None = None
    issuer: str | None = None
    enacted_on: dt.date | None = None
    enacted_at_place: str | None = None
    promulgated_on: dt.date | None = None
    published_at: dt.datetime | None = None  # news: publication time (naive = unknown zone)
    status: str | None = None  # Berlaku, Diubah, Dicabut, Tidak Berlaku, or a portal's free text
    summary: str | None = None  # abstract in our or the source's words
    author: str | None = None
    site_name: str | None = None
    subjects: tuple[str, ...] = ()
    parts: tuple[Part, ...] = ()
    references: tuple[Reference, ...] = ()
    pages: tuple[Page, ...] = ()
    source: str = ""  # name of the source in sources.toml, "ingest", or "seed"
    source_urls: tuple[str, ...] = ()  # every URL this document was assembled from
    pdf_url: str | None = None
    fetched_at: dt.datetime | None = None
    sha256: str | None = None  # of the raw body the main text came from
    archive_ref: str | None = None  # locator of that body in the raw archive
    language: str = "id"
    origin: str = "html"  # html, pdf, feed, detail, text, json: what produced it (merge priority)
    needs_ocr: bool = False  # an image-only PDF still without text (no OCR, or it read nothing)
    ocr: bool = False  # the text was read by OCR from page images (extra["ocr"]: how much)
    confidence: Mapping[str, float] = field(default_factory=dict)
    extra: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Document.kind must be one of {KINDS}, not {self.kind!r}")
        if not self.id:
            raise ValueError("Document.id must not be empty")
        if self.number is not None and not isinstance(self.number, str):
            raise TypeError("Document.number is a string (decree numbers are composite)")

    @property
    def date(self) -> dt.date | None:
        """Return the date that best places the document in time."""
        if self.published_at is not None:
            return self.published_at.date()
        return self.enacted_on or self.promulgated_on

    @property
    def summary_in_text(self) -> bool:
        """Return True when the text already holds the summary (a detail page's abstract)."""
        if not self.summary or not self.text:
            return False
        return " ".join(self.summary.split()) in " ".join(self.text.split())

    def part(self, anchor: str) -> Part | None:
        """Return the part with this anchor, if any."""
        return next((p for p in self.parts if p.anchor == anchor), None)

    def replace(self, **changes: Any) -> Document:
        """Return a copy with some fields changed."""
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (dates as ISO strings)."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, dt.date | dt.datetime):
                value = value.isoformat()
            elif f.name in ("parts", "references", "pages"):
                value = [item.to_dict() for item in value]
            elif isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, Mapping):
                value = dict(value)
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        """Build a Document from `to_dict` output (or a JSON line), ignoring unknown keys."""
        values = _known(cls, data)
        for name in ("enacted_on", "promulgated_on"):
            values[name] = _parse_date(values.get(name))
        for name in ("published_at", "fetched_at"):
            values[name] = _parse_datetime(values.get(name))
        values["parts"] = tuple(Part.from_dict(p) for p in values.get("parts") or ())
        values["references"] = tuple(Reference.from_dict(r) for r in values.get("references") or ())
        values["pages"] = tuple(Page.from_dict(p) for p in values.get("pages") or ())
        for name in ("subjects", "source_urls"):
            values[name] = tuple(values.get(name) or ())
        if values.get("year") is not None:
            values["year"] = int(values["year"])
        if values.get("number") is not None:
            values["number"] = str(values["number"])
        return cls(**values)


def _known(cls: type, data: Mapping[str, Any]) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def _parse_date(value: Any) -> dt.date | None:
    if value is None or value == "" or isinstance(value, dt.date):
        return value or None
    return dt.date.fromisoformat(str(value)[:10])


def _parse_datetime(value: Any) -> dt.datetime | None:
    if value is None or value == "" or isinstance(value, dt.datetime):
        return value or None
    return dt.datetime.fromisoformat(str(value))
