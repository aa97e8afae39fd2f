"""Main-text F1 on the shared extraction benchmark, ours next to trafilatura and get_text().

Run: .venv/bin/python -m bench.extraction.maintext [--set scrapinghub-aeb|id] [--dir FOLDER]
[--show N]

Sets: the shared ones (../shared/extraction-bench: scrapinghub-aeb, id) and our own, written and
annotated for Telusur (bench/extraction/pages/*: Indonesian government pages, JDIH portals,
listings and news in markup of their own); `--dir` measures any folder of the same format.

Two metrics per page, averaged over pages:
- bag F1: whitespace tokens as a multiset (the simpler, stricter figure);
- shingle F1: upstream's metric, 4-gram shingles of \\w+ tokens, F1 of mean P and mean R.
Pages are split into two halves by a hash of their id ("A" and "B") so a change can be checked
on one half and confirmed on the other; there is no tuning to individual pages.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from bench._shared import result
from crawler.extract import main_text
from crawler.extract.encoding import decode_html

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "extraction-bench"
OWN = Path(__file__).resolve().parent / "pages"  # our own annotated pages, one folder per set


def bag_prf(pred: str, truth: str) -> tuple[float, float, float]:
    """Return precision, recall and F1 of whitespace-token multisets."""
    p, t = Counter(pred.split()), Counter(truth.split())
    common = sum((p & t).values())
    if not common:
        return (0.0, 0.0, 0.0) if (p or t) else (1.0, 1.0, 1.0)
    precision, recall = common / sum(p.values()), common / sum(t.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Return the multiset of n-gram shingles of \\w+ tokens."""
    tokens = re.findall(r"\w+", text)
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def shingle_pr(pred: str, truth: str) -> tuple[float, float]:
    """Return shingle precision and recall of one page."""
    p, t = shingles(pred), shingles(truth)
    common = sum((p & t).values())
    precision = common / sum(p.values()) if p else (1.0 if not t else 0.0)
    recall = common / sum(t.values()) if t else 1.0
    return precision, recall


def plain_text(html: str) -> str:
    """Return the whole page's text the naive way (the baseline)."""
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    return soup.get_text(" ")


def trafilatura_text(html: str) -> str:
    """Return trafilatura's main text (benchmark reference only)."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False, include_tables=True) or ""


def folder_of(name: str | Path) -> Path:
    """Return the folder of a set: a path as given, else a shared set's or one of our own."""
    if isinstance(name, Path) or "/" in str(name):
        return Path(name)
    return OWN / name if (OWN / name).is_dir() else SHARED / name


def load_raw(name: str | Path) -> list[tuple[str, bytes, dict]]:
    """Return (id, raw body, ground-truth record) for every page of a set, in id order."""
    folder = folder_of(name)
    truth_file = folder / "ground-truth.json"
    if not truth_file.exists():
        return []
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = []
    for page_id, item in sorted(truth.items()):
        path = folder / "html" / f"{page_id}.html.gz"
        if path.exists():
            pages.append((page_id, gzip.decompress(path.read_bytes()), item))
    return pages


def load(name: str | Path) -> list[tuple[str, str, str]]:
    """Return (id, html, truth) for every page of a benchmark set."""
    return [(page_id, decode_html(body), item.get("articleBody") or "")
            for page_id, body, item in load_raw(name)]


def half(page_id: str) -> str:
    """Return the split ("A" or "B") a page belongs to."""
    return "A" if hashlib.sha1(page_id.encode()).digest()[0] % 2 == 0 else "B"


def run(name: str | Path, show: int) -> None:
    """Print the figures of every extractor on one benchmark set."""
    pages = load(name)
    if not pages:
        print(f"{name}: no pages")
        return
    extractors: dict[str, Callable[[str], str]] = {
        "telusur": main_text,
        "trafilatura": trafilatura_text,
        "get_text": plain_text,
    }
    print(f"\n== {name}: {len(pages)} pages ==")
    print(f"{'extractor':<12} {'bag F1':>7} {'A':>6} {'B':>6} {'<0.5':>5} {'shingle F1':>10}"
          f" {'pages/s':>8}")
    worst: list[tuple[float, str]] = []
    for label, fn in extractors.items():
        scores: dict[str, list[float]] = {"A": [], "B": []}
        sp, sr, failures = [], [], 0
        start = time.perf_counter()
        outputs = []
        for page_id, html, _ in pages:
            try:
                outputs.append(fn(html))
            except Exception as exc:  # a failure is a figure, not a crash of the benchmark
                print(f"  {label} failed on {page_id}: {exc}", file=sys.stderr)
                outputs.append("")
        elapsed = time.perf_counter() - start
        for (page_id, _, truth), pred in zip(pages, outputs, strict=True):
            f1 = bag_prf(pred, truth)[2]
            scores[half(page_id)].append(f1)
            failures += f1 < 0.5
            p, r = shingle_pr(pred, truth)
            sp.append(p)
            sr.append(r)
            if label == "telusur":
                worst.append((f1, page_id))
        every = scores["A"] + scores["B"]
        mp, mr = sum(sp) / len(sp), sum(sr) / len(sr)
        shingle_f1 = 2 * mp * mr / (mp + mr) if mp + mr else 0.0
        print(f"{label:<12} {sum(every) / len(every):7.3f} {_mean(scores['A']):6.3f} "
              f"{_mean(scores['B']):6.3f} {failures:5d} {shingle_f1:10.3f} "
              f"{len(pages) / elapsed:8.1f}")
        goal = ">= 0.96" if label == "telusur" and name == "scrapinghub-aeb" else ""
        result("extraction", f"main text bag F1, {name}, {label}",
               round(sum(every) / len(every), 4), goal=goal)
        if label == "telusur":
            result("extraction", f"main text pages F1 < 0.5, {name}, {label}", failures,
                   goal="0" if name == "scrapinghub-aeb" else "")
    for f1, page_id in sorted(worst)[:show]:
        print(f"  worst telusur: {f1:.3f} {page_id}")


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def chosen_sets(doc: str, show: int, shared: tuple[str, ...] = ()) -> tuple[list[Any], int]:
    """Parse --set/--dir/--show; without --set, the shared sets present and all of our own."""
    parser = argparse.ArgumentParser(description=doc)
    parser.add_argument("--set", action="append", dest="sets")
    parser.add_argument("--dir", action="append", dest="dirs", type=Path, default=[])
    parser.add_argument("--show", type=int, default=show, help="list the N worst pages or misses")
    args = parser.parse_args()
    own = sorted(p.name for p in OWN.iterdir() if p.is_dir()) if OWN.is_dir() else []
    if shared and not SHARED.exists():
        print(f"SKIP: shared benchmark data not found at {SHARED}; measuring our own sets only")
    present = [name for name in shared if SHARED.exists()]
    return [*(args.sets or [*present, *own]), *args.dirs], args.show


def main() -> None:
    """Parse arguments and run the benchmark."""
    names, show = chosen_sets(__doc__ or "", 5, ("scrapinghub-aeb", "id"))
    for name in names:
        run(name, show)


if __name__ == "__main__":
    main()
