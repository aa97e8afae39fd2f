"""View models of the document page: metadata rows, relations, mentions and citing documents."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from corpus import Document, Reference, find_doc_type
from index.results import Hit
from web.citation import designation
from web.i18n import format_date, translate

# Relations in the order the page lists them; "menyebut" is the news-to-regulation mention.
RELATION_ORDER = (
    "mengingat", "melaksanakan", "mengubah", "mencabut", "diubah_dengan", "dicabut_dengan",
    "menyebut",
)


# Words a legal portal's status field is made of ("Berlaku", "Dicabut Sebagian", "Tidak Berlaku",
# "Mengubah"...). A value with none of them ("-", "BahasaBahasa Indonesia") is not a status.
_STATUS_WORDS = ("berlaku", "ubah", "cabut", "batal", "status", "sebagian", "efektif")


def known_status(value: str | None) -> str | None:
    """Return a regulation's status when it reads as one, else None (unknown)."""
    text = " ".join((value or "").split())
    if not text or len(text) > 80:
        return None
    lowered = text.lower()
    return text if any(word in lowered for word in _STATUS_WORDS) else None


def status_label(value: str | None) -> str:
    """Return the status as shown to readers: the status itself or "Status tidak diketahui"."""
    return known_status(value) or translate("status.unknown")


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the metadata table."""

    key: str  # catalogue key of the label
    value: str
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Ref:
    """One reference, linked when we hold the target."""

    text: str
    target_id: str | None
    held: bool


@dataclass(frozen=True, slots=True)
class RefGroup:
    """References of one relation."""

    relation: str
    refs: tuple[Ref, ...]


def metadata_rows(doc: Document) -> tuple[Row, ...]:
    """Return the metadata table of a document, skipping empty values."""
    known = find_doc_type(doc.doc_type)
    values: list[tuple[str, object, str | None]] = [
        ("meta.kind", doc.kind, None),
        ("meta.doc_type", f"{known.name} ({known.code})" if known else doc.doc_type, None),
        ("meta.number", doc.number, None),
        ("meta.year", doc.year, None),
        ("meta.about", doc.about, None),
        ("meta.region", doc.region, None),
        ("meta.issuer", doc.issuer, None),
        ("meta.enacted", _place_date(doc.enacted_at_place, doc), None),
        ("meta.promulgated", format_date(doc.promulgated_on), None),
        ("meta.published", format_date(doc.published_at), None),
        ("meta.status", _status_cell(doc), None),
        ("meta.author", doc.author, None),
        ("meta.site", doc.site_name, None),
        ("meta.subjects", ", ".join(doc.subjects), None),
        ("meta.source", doc.source, None),
        ("meta.language", doc.language, None),
        ("meta.url", doc.url, doc.url if doc.url.startswith(("http://", "https://")) else None),
        ("meta.pdf", doc.pdf_url, doc.pdf_url if (doc.pdf_url or "").startswith("http") else None),
        ("meta.fetched", format_date(doc.fetched_at), None),
        ("meta.sha256", doc.sha256, None),
    ]
    rows = []
    for key, value, href in values:
        if value in (None, "", ()):
            continue
        rows.append(Row(key, str(value), href))
    return tuple(rows)


def missing_designation(doc: Document) -> str | None:
    """Return a regulation's type, number and year when its title does not say them itself.

    Portals often title a regulation by its subject alone ("Penyelenggaraan Program Jaminan
    Pensiun"), or by the regulation it amends; the page then names it above the title.
    """
    name = designation(doc)
    if name is None:
        return None
    title = " ".join(doc.title.casefold().split())
    own = f"nomor {doc.number} tahun {doc.year}".casefold()
    return None if own in title else name


def _status_cell(doc: Document) -> str | None:
    """Return the status row's text; a regulation always gets one, said plainly when unknown."""
    status = known_status(doc.status)
    if status:
        return status
    if doc.kind != "regulation" and not (doc.status or "").strip(" -"):
        return None
    text = translate("status.unknown")
    raw = " ".join((doc.status or "").split())[:80]
    if raw.strip(" -?"):
        text += " " + translate("status.unknown_raw", raw=raw)
    return text


def _place_date(place: str | None, doc: Document) -> str:
    date = format_date(doc.enacted_on)
    return ", ".join(x for x in (place, date) if x)


def reference_groups(
    refs: Iterable[Reference], holds: Callable[[str], bool]
) -> tuple[RefGroup, ...]:
    """Group references by relation; mark those whose target the store holds."""
    grouped: dict[str, list[Ref]] = {}
    seen: set[tuple[str, str]] = set()
    for ref in refs:
        relation = ref.relation if ref.relation in RELATION_ORDER else "menyebut"
        key = (relation, ref.target_id or ref.text)
        if key in seen:
            continue
        seen.add(key)
        held = bool(ref.target_id) and holds(ref.target_id or "")
        grouped.setdefault(relation, []).append(Ref(ref.text, ref.target_id, held))
    return tuple(RefGroup(r, tuple(grouped[r])) for r in RELATION_ORDER if r in grouped)


def split_citing(
    hits: Iterable[Hit] | None, exclude: str
) -> tuple[tuple[Hit, ...], tuple[Hit, ...]]:
    """Split documents that cite this one into news and regulations (or other pages)."""
    news: list[Hit] = []
    others: list[Hit] = []
    for hit in hits or ():
        if hit.id == exclude:
            continue
        (news if hit.kind == "news" else others).append(hit)
    return tuple(news), tuple(others)


# How a citing document's relation reads from the cited document's side.
INVERSE = {
    "mengubah": "inv.diubah_oleh",
    "mencabut": "inv.dicabut_oleh",
    "mengingat": "inv.dasar_hukum_bagi",
    "melaksanakan": "inv.dilaksanakan_oleh",
}
INVERSE_ORDER = ("inv.diubah_oleh", "inv.dicabut_oleh", "inv.dilaksanakan_oleh",
                 "inv.dasar_hukum_bagi", "inv.disebut_oleh", "inv.halaman_lain")


@dataclass(frozen=True, slots=True)
class InverseGroup:
    """Documents that stand in one relation to this one (amend it, revoke it, cite it...)."""

    key: str  # catalogue key of the heading
    hits: tuple[Hit, ...]


def inverse_groups(
    doc_id: str, citing: Iterable[Hit], fetch: Callable[[str], Document | None]
) -> tuple[InverseGroup, ...]:
    """Group citing documents by how they refer to `doc_id` (read from their references)."""
    grouped: dict[str, list[Hit]] = {}
    for hit in citing:
        if hit.kind != "regulation":
            grouped.setdefault("inv.halaman_lain", []).append(hit)
            continue
        source = fetch(hit.id)
        relations = {r.relation for r in source.references if r.target_id == doc_id} \
            if source else set()
        keys = {INVERSE.get(r, "inv.disebut_oleh") for r in relations} or {"inv.disebut_oleh"}
        # The strongest relation names the group: an amendment also cites what it amends.
        key = next(k for k in INVERSE_ORDER if k in keys)
        grouped.setdefault(key, []).append(hit)
    return tuple(InverseGroup(k, tuple(grouped[k])) for k in INVERSE_ORDER if k in grouped)


@dataclass(frozen=True, slots=True)
class Standing:
    """A later regulation that revoked or amended this one: the first thing a jury asks."""

    key: str  # "standing.revoked" or "standing.amended"
    refs: tuple[Ref, ...]


def standing(groups: Iterable[RefGroup], inverse: Iterable[InverseGroup]) -> tuple[Standing, ...]:
    """Return what revoked, then what amended, this regulation, from both sides of a relation.

    Its own page may say so ("Dicabut dengan" in its status table: `groups`), or a regulation
    we hold may say it revokes or amends this one (`inverse`); both count, each target once.
    """
    found: dict[str, dict[str, Ref]] = {"standing.revoked": {}, "standing.amended": {}}
    keys = {"dicabut_dengan": "standing.revoked", "diubah_dengan": "standing.amended",
            "inv.dicabut_oleh": "standing.revoked", "inv.diubah_oleh": "standing.amended"}
    for group in groups:
        if group.relation in keys:
            for ref in group.refs:
                found[keys[group.relation]].setdefault(ref.target_id or ref.text, ref)
    for inv in inverse:
        if inv.key in keys:
            for hit in inv.hits:
                found[keys[inv.key]].setdefault(hit.id, Ref(hit.title, hit.id, True))
    return tuple(Standing(key, tuple(refs.values())) for key, refs in found.items() if refs)


def standing_of(doc: Document, citing: Iterable[Hit] | None,
                fetch: Callable[[str], Document | None]) -> tuple[Standing, ...]:
    """Return what revoked or amended a regulation: its own relations and, among the documents
    that cite it (`citing`, from the index), the regulations that say they revoke or amend it."""
    _, others = split_citing(citing, doc.id)
    groups = reference_groups(doc.references, lambda target: fetch(target) is not None)
    return standing(groups, inverse_groups(doc.id, others, fetch))


def hit_as_document(hit: Hit) -> Document:
    """Return a minimal document from an index hit, for pages the store cannot serve."""
    return Document(
        id=hit.id, url=hit.url, kind=hit.kind, title=hit.title, doc_type=hit.doc_type,
        number=hit.number, year=hit.year, about=hit.about, region=hit.region,
        status=hit.status, source=hit.source or "", enacted_on=hit.date,
    )
