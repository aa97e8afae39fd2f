"""Regulation parsing accuracy on the 3,378 real UU/PP texts in ../shared/data/regulations.

Run: .venv/bin/python -m bench.extraction.regulations [--limit N] [--show N]

Compares `parse_regulation` with each record's metadata: jenis, nomor, tahun (exact), tentang
(normalised: letters and digits only, lowercase), and checks that the Pasal numbering is sane
(at least one Pasal, strictly increasing, no empty unit). The texts come as Markdown with links
to other laws (`[Undang-Undang Nomor 8 Tahun 1974](/uu/1974/8)`); the link targets are removed
before parsing so the parser sees plain text, as it would from a PDF.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import re
import time
from collections import Counter
from pathlib import Path

from bench._shared import result
from crawler.extract import parse_regulation

DATA = (Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "regulations"
        / "fulltext_uu_pp.jsonl.gz")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TYPES = {"uu": "UU", "pp": "PP", "permenkeu": "Permen"}


def normalise(text: str | None) -> str:
    """Return only the lowercase letters and digits of a title."""
    return re.sub(r"[^a-z0-9]", "", (text or "").lower())


_ABBREVIATIONS = (
    (re.compile(r"\bRI\b"), "REPUBLIK INDONESIA"),
    (re.compile(r"\b(PP|UU|PERPU|PERPPU)\s+(?:NOMOR\s+)?(\w+)\s*-\s*(\d{4})\b"),
     lambda m: f"{_NAMES[m.group(1)]} NOMOR {m.group(2)} TAHUN {m.group(3)}"),
    (re.compile(r"\b(PP|UU)\s+NOMOR\b"), lambda m: f"{_NAMES[m.group(1)]} NOMOR"),
    (re.compile(r"\bUU\b"), "UNDANG-UNDANG"),
    (re.compile(r"\bPERPU\b"), "PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG"),
    (re.compile(r"\bATAS\b"), ""),
)
_NAMES = {"PP": "PERATURAN PEMERINTAH", "UU": "UNDANG-UNDANG",
          "PERPU": "PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG",
          "PERPPU": "PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG"}


def equivalent(found: str | None, record: dict) -> bool:
    """Return True when a title matches once the metadata's abbreviations are spelled out.

    peraturan.go.id writes "PERUBAHAN PP 28-2001" and "RI" for the heading's "PERUBAHAN ATAS
    PERATURAN PEMERINTAH NOMOR 28 TAHUN 2001" and "REPUBLIK INDONESIA"; titles taken from "the
    first line of text" run on into the next words of the text, so there a prefix counts.
    """
    want = (record.get("judul") or "").upper()
    got = (found or "").upper()
    for pattern, repl in _ABBREVIATIONS:
        want, got = pattern.sub(repl, want), pattern.sub(repl, got)
    want, got = normalise(want), normalise(got)
    if not got:
        return False
    if record.get("judul_source") != "peraturan.go.id metadata":
        return want.startswith(got) and len(got) >= 0.6 * len(want)
    return want == got


def pasal_sane(parsed) -> bool:  # type: ignore[no-untyped-def]
    """Return True when Pasal units exist, increase strictly and none is empty."""
    pasal = [p for p in parsed.parts if p.kind == "pasal"]
    if not pasal:
        return False
    values = []
    for part in pasal:
        number = part.anchor.removeprefix("pasal-")
        digits = re.sub(r"\D", "", number)
        if digits:
            values.append(int(digits) + (0.01 * (ord(number[-1]) - 96) if number[-1].isalpha()
                                         else 0))
        else:
            values.append(float(len(values) + 1))
        if not part.text.strip():
            return False
    return all(b > a for a, b in itertools.pairwise(values))


def number_matches(found: str | None, expected: str) -> bool:
    """Return True when the parsed number is the record's (composite numbers by first part)."""
    if found is None:
        return False
    return found == expected or found.split("/")[0] == expected


def main() -> None:
    """Parse every text and print the accuracy per field."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show", type=int, default=0, help="print N failures per field")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"SKIP: data not found at {DATA}; nothing to measure")
        return
    counts: Counter[str] = Counter()
    failures: dict[str, list[str]] = {}
    total = chars = 0
    elapsed = 0.0
    with gzip.open(DATA, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = _LINK.sub(r"\1", record["text"])
            start = time.perf_counter()
            parsed = parse_regulation(text)
            elapsed += time.perf_counter() - start
            total += 1
            chars += len(text)
            checks = {
                "jenis": parsed.doc_type == _TYPES.get(record["jenis"]),
                "nomor": number_matches(parsed.number, str(record["nomor"])),
                "tahun": parsed.year == record["tahun"],
                "tentang": normalise(parsed.about) == normalise(record["judul"]),
                "tentang (equivalent)": equivalent(parsed.about, record),
                "pasal": pasal_sane(parsed),
            }
            checks["jenis+nomor+tahun"] = checks["jenis"] and checks["nomor"] and checks["tahun"]
            for name, ok in checks.items():
                counts[name] += ok
                if not ok:
                    failures.setdefault(name, []).append(
                        f"{record['id']}: got {parsed.doc_type} {parsed.number} {parsed.year} "
                        f"| {str(parsed.about)[:90]!r} | want {str(record['judul'])[:90]!r}"
                    )
            if args.limit and total >= args.limit:
                break
    print(f"regulations parsed: {total} ({chars / 1e6:.1f} M chars) in {elapsed:.1f} s "
          f"({total / elapsed:.0f} docs/s)")
    goals = {"jenis+nomor+tahun": ">= 98 %", "tentang": ">= 95 %", "pasal": ">= 95 %"}
    for name in ("jenis", "nomor", "tahun", "jenis+nomor+tahun", "tentang",
                 "tentang (equivalent)", "pasal"):
        print(f"  {name:<18} {counts[name] / total:7.2%}  ({total - counts[name]} wrong)")
        result("extraction", f"regulations {name} correct", round(100 * counts[name] / total, 2),
               "%", goals.get(name, ""))
    for name, items in failures.items():
        for item in items[: args.show]:
            print(f"  [{name}] {item}")


if __name__ == "__main__":
    main()
