"""The text `extract()` keeps of a JDIH detail page, against the prose the page prints.

Run: .venv/bin/python -m bench.extraction.detailtext [--set NAME] [--dir FOLDER] [--show N]

`main_text()` (the main-text benchmark's entry) keeps a detail page's metadata block; the
product's `extract()` moves the block's label/value pairs into fields and keeps the rest as the
document's text, which is what is indexed and read: the abstract, a note ("Keterangan: Lampiran
memuat ..."), any other prose. This benchmark scores that rest. For each annotated page that
`extract()` reads as a detail page (origin "detail"), the reference is the page's ground truth
without its "Label: value" lines for fields we store (a note and the abstract stay: the text
keeps them), and the figure is the word-bag F1 of `Document.text` against it, averaged over the
pages. A page whose truth holds nothing but fields is left out (nothing to score).
"""

from __future__ import annotations

import re
from pathlib import Path

from bench._shared import result
from bench.extraction.maintext import bag_prf, chosen_sets, load_raw
from crawler.extract import extract
from crawler.extract.labels import field_for_label

_KEPT = ("note", "summary")  # labelled prose the text keeps
_LABELLED = re.compile(r"^\s*([^:]{2,50}?)\s*:\s*\S")


def field_line(line: str) -> bool:
    """Return True for a "Label: value" (or "Label value") line of a field we store."""
    labelled = _LABELLED.match(line)
    if labelled and field_for_label(labelled.group(1)):
        return field_for_label(labelled.group(1)) not in _KEPT
    words = line.split()
    fields = {field_for_label(" ".join(words[:n])) for n in range(1, 5)} - {None}
    return len(line) < 400 and bool(fields) and not fields <= set(_KEPT)


def prose_of(truth: str) -> str:
    """Return a detail page's ground truth without its field lines and bare "Abstrak" heading."""
    return "\n".join(line for line in truth.splitlines()
                     if line.strip() and not field_line(line)
                     and line.strip().rstrip(":") != "Abstrak")


def run(name: str | Path, show: int) -> None:
    """Print the mean F1 of the detail pages of one set, and the worst pages."""
    scores: list[tuple[float, str]] = []
    for page_id, body, truth in load_raw(name):
        doc = extract(body, truth.get("url") or f"https://example.invalid/{page_id}", "text/html")
        prose = prose_of(truth["articleBody"])
        if doc is None or doc.origin != "detail" or not prose:
            continue
        scores.append((bag_prf(doc.text, prose)[2], page_id))
    label = Path(name).name
    if not scores:
        print(f"{label}: no detail pages")
        return
    mean = sum(f for f, _ in scores) / len(scores)
    print(f"{label:<16} {len(scores):>3} detail pages   text F1 {mean:.3f}")
    result("extraction", f"detail-page text F1, {label}", round(mean, 4))
    for f1, page_id in sorted(scores)[:show]:
        print(f"  worst: {f1:.3f} {page_id}")


def main() -> None:
    """Parse arguments and run the benchmark on our own sets (or the folders given)."""
    names, show = chosen_sets(__doc__ or "", 3)
    for name in names:
        run(name, show)


if __name__ == "__main__":
    main()
