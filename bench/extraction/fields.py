"""Page metadata through the public `extract()`, on annotated pages: kind, title, date, author.

Run: .venv/bin/python -m bench.extraction.fields [--set NAME] [--dir FOLDER] [--show N]

The sets are the main-text benchmark's own annotated pages (bench/extraction/pages/*), whose
ground truth also says what a reader sees: the kind of page ("news", "regulation", "other", or
"listing" = not a document, `extract()` -> None), the headline, the publication time with its
zone, the author, and for a regulation its type, number, year, tentang and status. Each field
is scored only on the pages whose truth gives it; the figure is the share right. Comparison is
letters and digits, case-folded: the markup and the reader's spacing are not the point. A time
is right when it is the same moment (or, without a zone, the same clock time); "zone" asks for
the zone the page shows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench._shared import result
from bench.extraction.maintext import chosen_sets, load_raw
from corpus.doctypes import normalize_doc_type
from corpus.model import Document
from crawler.extract import extract

FIELDS = ("kind", "title", "date", "time", "zone", "author", "doc_type", "number", "year",
          "about", "status")


def norm(value: Any) -> str:
    """Return a value as lower-case letters and digits only."""
    return re.sub(r"[\W_]+", "", str(value or "")).casefold()


def expected_time(value: str) -> tuple[dt.date, dt.datetime | None]:
    """Return the date and, when the truth gives one, the aware date-time of an ISO value."""
    if len(value) == 10:
        return dt.date.fromisoformat(value), None
    moment = dt.datetime.fromisoformat(value)
    return moment.date(), moment


def score(doc: Document | None, truth: dict) -> dict[str, bool]:
    """Return, for every field the truth gives, whether the extracted Document has it right."""
    marks: dict[str, bool] = {}
    kind = truth.get("kind")
    if kind:
        marks["kind"] = doc is None if kind == "listing" else doc is not None and doc.kind == kind
    if kind == "listing":
        return marks

    def got(name: str) -> Any:
        return getattr(doc, name, None)

    if truth.get("title"):
        marks["title"] = norm(got("title")) == norm(truth["title"])
    if truth.get("published"):
        day, moment = expected_time(truth["published"])
        when = got("published_at")
        marks["date"] = when is not None and when.date() == day
        if moment is not None:
            # the same moment (an aware time in another zone is right), else the clock shown
            if when is None:
                marks["time"] = False
            elif when.tzinfo:
                marks["time"] = when.replace(second=0, microsecond=0) == moment.replace(second=0)
            else:
                marks["time"] = (when.hour, when.minute) == (moment.hour, moment.minute)
            marks["zone"] = when is not None and when.utcoffset() == moment.utcoffset()
    if truth.get("author"):
        marks["author"] = norm(got("author")) == norm(truth["author"])
    if truth.get("doc_type"):
        marks["doc_type"] = (normalize_doc_type(got("doc_type"))
                             == normalize_doc_type(truth["doc_type"]))
    for field in ("number", "year", "about", "status"):
        if truth.get(field) not in (None, ""):
            marks[field] = norm(got(field)) == norm(truth[field])
    return marks


def run(name: str | Path, show: int) -> None:
    """Print each field's share right on one set, and the first misses."""
    pages = load_raw(name)
    if not pages:
        print(f"{name}: no pages")
        return
    right: dict[str, int] = defaultdict(int)
    seen: dict[str, int] = defaultdict(int)
    misses: list[str] = []
    for page_id, body, truth in pages:
        doc = extract(body, truth.get("url") or f"https://example.invalid/{page_id}", "text/html")
        for field, ok in score(doc, truth).items():
            seen[field] += 1
            right[field] += ok
            if not ok:
                got = None if doc is None else (doc.kind if field == "kind" else
                                                getattr(doc, _ATTR.get(field, field), None))
                misses.append(f"  {page_id} {field}: got {got!r}, truth "
                              f"{truth.get(_TRUTH.get(field, field))!r}")
    label = Path(name).name
    print(f"\n== fields, {label}: {len(pages)} pages ==")
    for field in FIELDS:
        if seen[field]:
            share = right[field] / seen[field]
            print(f"{field:<9} {right[field]:>3}/{seen[field]:<3} {share:7.1%}")
            result("extraction", f"page {field} correct, {label}", round(100 * share, 2), "%")
    for line in misses[:show]:
        print(line)


_ATTR = {"date": "published_at", "time": "published_at", "zone": "published_at"}
_TRUTH = {"date": "published", "time": "published", "zone": "published"}


def main() -> None:
    """Parse arguments and run the benchmark on our own sets (or the folders given)."""
    names, show = chosen_sets(__doc__ or "", 20)
    for name in names:
        run(name, show)


if __name__ == "__main__":
    main()
