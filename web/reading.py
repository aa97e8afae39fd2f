"""The reading view of a document: a table of contents and anchored sections.

Regulations arrive with structured parts (BAB, Bagian, Pasal, ayat, Menimbang, ...); each
becomes a section with a stable anchor (`#pasal-4`), and ayat inside a Pasal get their own
anchors (`#pasal-4-ayat-2`) when the extractor found them. Documents without parts are shown
as paragraphs of their text, or page by page for PDFs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus import Document, Part
from corpus.model import CITABLE_KINDS
from web.markup import mentions, paragraphs

HEADING_LEVELS = {"bab": 1, "bagian": 2, "paragraf": 3}
INLINE_KINDS = {"ayat", "huruf"}  # rendered inside their Pasal's text
_AYAT = re.compile(r"^\((\d+[a-z]?)\)")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a section, with its own anchor when it is an ayat."""

    text: str
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """One anchored unit of the reading view."""

    anchor: str
    kind: str
    label: str
    heading: str | None
    level: int  # 1-3 for BAB/Bagian/Paragraf headings, 0 for units with text
    paragraphs: tuple[Paragraph, ...]
    page: int | None = None
    quotable: bool = False  # may be added to the basket on its own (a Pasal)


@dataclass(frozen=True, slots=True)
class TocEntry:
    """One line of the table of contents."""

    anchor: str
    label: str
    heading: str | None
    depth: int


@dataclass(frozen=True, slots=True)
class Reading:
    """Everything the document page needs to show the text."""

    toc: tuple[TocEntry, ...]
    sections: tuple[Section, ...]


def build_reading(doc: Document) -> Reading:
    """Return the table of contents and sections of a document."""
    if doc.parts:
        return _from_parts(doc.parts)
    if doc.text:
        body = tuple(Paragraph(p) for p in paragraphs(doc.text))
        return Reading((), (Section("teks", "text", "", None, 0, body),))
    sections = tuple(
        Section(f"hlm-{page.number}", "page", f"hlm. {page.number}", None, 0,
                tuple(Paragraph(p) for p in paragraphs(page.text)), page.number)
        for page in doc.pages
    )
    toc = tuple(TocEntry(s.anchor, s.label, None, 1) for s in sections)
    return Reading(toc, sections)


def _from_parts(parts: tuple[Part, ...]) -> Reading:
    anchors = {p.anchor for p in parts}
    toc: list[TocEntry] = []
    sections: list[Section] = []
    depth = 0
    for part in parts:
        if part.kind in INLINE_KINDS and part.parent in anchors:
            continue
        level = HEADING_LEVELS.get(part.kind, 0)
        if level:
            depth = level
            toc.append(TocEntry(part.anchor, part.label, part.heading, level))
            body: tuple[Paragraph, ...] = tuple(
                Paragraph(p) for p in _body_lines(part) if p != (part.heading or "")
            ) if part.kind == "paragraf" else ()
        else:
            toc.append(TocEntry(part.anchor, part.label, part.heading, depth + 1))
            body = _anchored(part, anchors)
        sections.append(Section(part.anchor, part.kind, part.label, part.heading, level, body,
                                part.page, quotable=part.kind in CITABLE_KINDS))
    return Reading(tuple(toc), tuple(sections))


def _body_lines(part: Part) -> list[str]:
    lines = paragraphs(part.text)
    if lines and lines[0].strip().lower() == part.label.strip().lower():
        lines = lines[1:]
    return lines


def _anchored(part: Part, anchors: set[str]) -> tuple[Paragraph, ...]:
    out: list[Paragraph] = []
    for line in _body_lines(part):
        match = _AYAT.match(line)
        anchor = f"{part.anchor}-ayat-{match.group(1)}" if match else None
        out.append(Paragraph(line, anchor if anchor in anchors else None))
    return tuple(out)


def quote_of(doc: Document, anchor: str | None, limit: int = 1500) -> str:
    """Return the text to quote for a document or one of its parts, cut to `limit` chars."""
    text = ""
    if anchor:
        part = doc.part(anchor)
        text = part.text if part else ""
    if not text:
        text = doc.summary or doc.about or doc.text
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[:limit].rsplit(" ", 1)[0] + " …"


def matching_sections(
    reading: Reading, terms: tuple[str, ...], limit: int = 30
) -> tuple[Section, ...]:
    """Return the labelled sections whose heading or text mention the query terms."""
    if not terms:
        return ()

    def hit(section: Section) -> bool:
        texts = (section.heading, *(p.text for p in section.paragraphs))
        return bool(section.label) and any(mentions(text, terms) for text in texts)

    return tuple(s for s in reading.sections if hit(s))[:limit]
