"""Checks over the real shared data (../shared); skipped cleanly when it is absent."""

from __future__ import annotations

import gzip
import itertools
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from crawler.extract import main_text, parse_regulation

pytestmark = pytest.mark.shared


def _words_f1(pred: str, truth: str) -> float:
    p, t = Counter(pred.split()), Counter(truth.split())
    common = sum((p & t).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(t.values())
    return 2 * precision * recall / (precision + recall)


def test_indonesian_pages_main_text_f1(shared_dir: Path) -> None:
    folder = shared_dir / "extraction-bench" / "id"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    scores = []
    for page_id, item in truth.items():
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        scores.append(_words_f1(main_text(html, "text/html; charset=utf-8"), item["articleBody"]))
    assert min(scores) > 0.85
    assert sum(scores) / len(scores) > 0.93


def test_real_regulation_texts_parse(shared_dir: Path) -> None:
    path = shared_dir / "data" / "regulations" / "fulltext_uu_pp.jsonl.gz"
    if not path.exists():
        pytest.skip("regulation texts not available")
    ok = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        sample = [json.loads(line) for line in itertools.islice(lines, 0, 400, 8)]
    for record in sample:
        parsed = parse_regulation(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", record["text"]))
        ok["identity"] += (parsed.year == record["tahun"]
                           and (parsed.number or "").split("/")[0] == str(record["nomor"]))
        ok["pasal"] += parsed.pasal_count > 0
    assert ok["identity"] >= 0.9 * len(sample)
    assert ok["pasal"] >= 0.85 * len(sample)
