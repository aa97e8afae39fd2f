"""Coverage checks: the expected Gianyar instruments against what Telusur holds.

`corpus/expected_instruments.toml` lists the instruments known to exist (and says how many
the regency claims). It is read tolerantly: a missing or malformed file gives an empty list
and a reason, never an error page.
"""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus import regulation_id
from index.results import Hit, SearchRequest

log = logging.getLogger(__name__)

_UNKNOWN = {"", "?", "-", "unknown", "none"}


@dataclass(frozen=True, slots=True)
class Expected:
    """One instrument we expect to find."""

    doc_type: str
    number: str | None
    year: int | None
    region: str | None
    title: str
    doc_id: str | None
    certainty: str = ""
    note: str = ""
    match_terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ExpectedList:
    """The expected instruments and the total the regency claims."""

    instruments: tuple[Expected, ...]
    claimed_total: int | None
    problem: str | None = None  # why the list is empty, when it is


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """One expected instrument and what the index holds for it."""

    expected: Expected
    status: str  # found, candidate, missing
    hit: Hit | None


def _text(entry: Mapping[str, Any], *names: str) -> str | None:
    for name in names:
        value = entry.get(name)
        if value is not None and str(value).strip().lower() not in _UNKNOWN:
            return str(value).strip()
    return None


def _expected(entry: Mapping[str, Any], default_region: str | None) -> Expected:
    doc_type = _text(entry, "doc_type", "jenis", "type") or "?"
    number = _text(entry, "number", "nomor")
    year_text = _text(entry, "year", "tahun")
    year = int(year_text) if year_text and year_text.isdigit() else None
    region = _text(entry, "region", "wilayah") or default_region
    doc_id = _text(entry, "id", "doc_id")
    if doc_id is None and number and year and doc_type != "?":
        doc_id = regulation_id(doc_type, number, year, region=region,
                               issuer=_text(entry, "issuer"))
    title = _text(entry, "title", "about", "tentang", "judul") or ""
    terms = entry.get("match_terms") or ()
    if isinstance(terms, str):
        terms = (terms,)
    return Expected(doc_type, number, year, region, title, doc_id,
                    _text(entry, "certainty") or "", _text(entry, "note") or "",
                    tuple(str(t) for t in terms if str(t).strip())[:8])


def load_expected(path: Path) -> ExpectedList:
    """Read the expected-instruments file; a missing or broken file gives a reason instead."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ExpectedList((), None, "missing")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        log.warning("cannot read %s: %s", path, exc)
        return ExpectedList((), None, "malformed")
    entries: list[Any] = next((data[k] for k in ("instrument", "instruments", "expected")
                    if isinstance(data.get(k), list)), [])
    region = data.get("region") if isinstance(data.get("region"), str) else None
    instruments = []
    for entry in entries:
        if isinstance(entry, Mapping):
            try:
                instruments.append(_expected(entry, region))
            except (TypeError, ValueError) as exc:
                log.warning("skipping a malformed expected instrument: %s", exc)
    claimed = data.get("claimed_total")
    return ExpectedList(tuple(instruments), claimed if isinstance(claimed, int) else None,
                        None if instruments else "empty")


def check_coverage(expected: ExpectedList, get: Callable[[str], Hit | None],
                   search: Callable[[SearchRequest], tuple[Hit, ...]]) -> tuple[CoverageRow, ...]:
    """Look every expected instrument up by id, else by its title within its type and region."""
    rows = []
    for item in expected.instruments:
        hit = get(item.doc_id) if item.doc_id else None
        if hit is not None:
            rows.append(CoverageRow(item, "found", hit))
            continue
        candidate = _candidate(item, search)
        if candidate is None:
            rows.append(CoverageRow(item, "missing", None))
        else:
            status = "found" if _same_unnumbered(item, candidate) else "candidate"
            rows.append(CoverageRow(item, status, candidate))
    return tuple(rows)


def _norm(text: str | None) -> str:
    return " ".join((text or "").casefold().split()).strip(" .,;:")


def _same_unnumbered(item: Expected, hit: Hit) -> bool:
    """Tell whether a hit is surely an instrument that has no number to look it up by.

    Such an instrument's id ends in a hash of its title, which changes with any change in how
    the title is read, so it is matched instead by type, year (already filtered), region and
    its exact title (as the hit's `about`, its title, or its title after "tentang").
    """
    if item.number or not item.title or item.title.startswith("(") or hit.number:
        return False
    if item.doc_type != "?" and (hit.doc_type or "").casefold() != item.doc_type.casefold():
        return False
    if item.region and hit.region and _norm(item.region) != _norm(hit.region):
        return False
    title = _norm(item.title)
    hit_title = _norm(hit.title)
    return title in (_norm(hit.about), hit_title) or hit_title.endswith(" tentang " + title)


def _candidate(item: Expected, search: Callable[[SearchRequest], tuple[Hit, ...]]) -> Hit | None:
    query = " ".join(f'"{t}"' for t in item.match_terms if '"' not in t)
    if not query and item.title and not item.title.startswith("("):
        query = item.title
    if not query:
        return None
    req = SearchRequest(
        query=query[:300], per_page=3, facets=False, snippets=False,
        doc_type=(item.doc_type,) if item.doc_type != "?" else (),
        year_from=item.year, year_to=item.year,
    )
    for hit in search(req):
        if item.number and hit.number and hit.number != item.number:
            continue
        if item.region and hit.region and item.region.lower() not in hit.region.lower() \
                and hit.region.lower() not in item.region.lower():
            continue
        return hit
    return None
