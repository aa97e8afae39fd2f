"""Main-text F1 on the shared extraction benchmark, ours next to trafilatura and get_text().

Run: .venv/bin/python -m bench.extraction.maintext [--set scrapinghub-aeb|id] [--show N]

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

from bs4 import BeautifulSoup

from bench._shared import result
from crawler.extract import main_text

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "extraction-bench"


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


def load(name: str) -> list[tuple[str, str, str]]:
    """Return (id, html, truth) for every page of a benchmark set."""
    folder = SHARED / name
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, item in sorted(truth.items()):
        path = folder / "html" / f"{page_id}.html.gz"
        if path.exists():
            html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
            pages.append((page_id, html, item.get("articleBody") or ""))
    return pages


def half(page_id: str) -> str:
    """Return the split ("A" or "B") a page belongs to."""
    return "A" if hashlib.sha1(page_id.encode()).digest()[0] % 2 == 0 else "B"


def run(name: str, show: int) -> None:
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


def main() -> None:
    """Parse arguments and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", action="append", dest="sets")
    parser.add_argument("--show", type=int, default=5, help="list the N worst pages")
    args = parser.parse_args()
    if not SHARED.exists():
        print(f"SKIP: benchmark data not found at {SHARED}; nothing to measure")
        return
    for name in args.sets or ["scrapinghub-aeb", "id"]:
        run(name, args.show)


if __name__ == "__main__":
    main()
