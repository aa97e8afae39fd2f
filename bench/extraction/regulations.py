"""Regulation parsing accuracy on the 3,378 real UU/PP texts in ../shared/data/regulations.

Run: .venv/bin/python -m bench.extraction.regulations [--limit N] [--show N]

Compares `parse_regulation` with each record's metadata: jenis, nomor, tahun (exact), tentang
(strict, normalised and fuzzy: `titles.py` defines the one normalisation; "aligned" also accepts
a title equal to the span of the text the metadata title aligns to, which forgives the metadata's
own misspellings but not its boundaries, see `titles.py`), and checks that the
Pasal numbering is sane (at least one Pasal, strictly increasing, no empty unit). Records whose
text provably belongs to another record (`mislabelled`) are listed and left out of the figures;
every other failure counts. The texts come as Markdown with links
to other laws (`[Undang-Undang Nomor 8 Tahun 1974](/uu/1974/8)`); the link targets are removed
before parsing so the parser sees plain text, as it would from a PDF.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import re
import time
from pathlib import Path

from bench._shared import result
from bench.extraction.titles import aligned_matches, title_matches
from crawler.extract import parse_regulation

DATA = (Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "regulations"
        / "fulltext_uu_pp.jsonl.gz")
AUDIT = Path(__file__).with_name("title_audit.json")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TYPES = {"uu": "UU", "pp": "PP", "permenkeu": "Permen"}


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


def load_audit(path: Path = AUDIT) -> list[tuple[str, set[str], dict[str, str]]]:
    """Return each audited sample: name, ids (unknowable ones left out), corrected titles."""
    audit = json.loads(path.read_text(encoding="utf-8"))
    return [(sample["name"], set(sample["ids"]) - set(sample["unknowable"]),
             {key: value["title"] for key, value in sample["titles"].items()})
            for sample in audit["samples"]]


def sampled_ids(path: Path = AUDIT) -> set[str]:
    """Return the ids every audited sample drew, unknowable ones included."""
    audit = json.loads(path.read_text(encoding="utf-8"))
    return {i for sample in audit["samples"] for i in sample["ids"]}


def held_out_samples(path: Path = AUDIT) -> set[str]:
    """Return the names of the audited samples no parser change has been tuned on."""
    audit = json.loads(path.read_text(encoding="utf-8"))
    return {sample["name"] for sample in audit["samples"] if sample.get("held_out")}


def audited_match(found: str | None, record: dict, corrected: dict[str, str],
                  text: str) -> bool:
    """Return True when the parsed title equals the audited title (or the agreed metadata)."""
    if record["id"] in corrected:
        return title_matches(found, corrected[record["id"]], first_line=False)[1]
    first_line = record.get("judul_source") != "peraturan.go.id metadata"
    return title_matches(found, record["judul"], first_line=first_line, text=text)[1]


def wilson(ok: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """Return the 95 % Wilson score interval of a proportion."""
    if not total:
        return 0.0, 0.0
    p = ok / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * ((p * (1 - p) / total + z * z / (4 * total * total)) ** 0.5) / (1 + z * z / total)
    return centre - half, centre + half


def _checks(parsed, record: dict,  # type: ignore[no-untyped-def]
            text: str) -> dict[str, bool | None]:
    """Return each field's outcome; None where the record has no reference to compare with."""
    checks: dict[str, bool | None] = {
        "jenis": parsed.doc_type == _TYPES.get(record["jenis"]),
        "nomor": number_matches(parsed.number, str(record["nomor"])),
        "tahun": parsed.year == record["tahun"],
        "pasal": pasal_sane(parsed),
    }
    checks["jenis+nomor+tahun"] = checks["jenis"] and checks["nomor"] and checks["tahun"]
    if record.get("judul"):
        first_line = record.get("judul_source") != "peraturan.go.id metadata"
        strict, normalised, fuzzy = title_matches(parsed.about, record["judul"],
                                                  first_line=first_line, text=text)
        aligned = normalised or (not first_line and aligned_matches(parsed.about, record["judul"],
                                                                     text))
        raw = title_matches(parsed.about, record["judul"], first_line=first_line)[1]
        checks.update({"tentang strict": strict, "tentang normalised": normalised,
                       "tentang normalised, first lines raw": raw,
                       "tentang aligned": aligned, "tentang fuzzy": fuzzy})
    else:
        checks.update(dict.fromkeys(("tentang strict", "tentang normalised",
                                     "tentang normalised, first lines raw", "tentang aligned",
                                     "tentang fuzzy")))
    return checks


def _fingerprint(text: str) -> str:
    return hashlib.sha1(re.sub(r"\W+", "", text[:5000]).encode()).hexdigest()


def mislabelled(rows: list[dict]) -> dict[str, str]:
    """Return {record id: id of the record whose text it really holds}, proven by the data.

    A record counts as mislabelled only when (1) its text is the same text as another record's
    (the first 5,000 characters, letters and digits compared) and (2) the text's own heading,
    as parsed, names that other record (jenis, nomor, tahun) and not this one.
    """
    by_text: dict[str, list[dict]] = {}
    for row in rows:
        by_text.setdefault(row["fingerprint"], []).append(row)
    out = {}
    for group in by_text.values():
        for row in group:
            for other in group:
                if other is not row and row["parsed_key"] == other["key"] != row["key"]:
                    out[row["id"]] = other["id"]
    return out


_FIELDS = ("jenis", "nomor", "tahun", "jenis+nomor+tahun", "tentang strict", "tentang normalised",
           "tentang normalised, first lines raw", "tentang aligned", "tentang fuzzy", "pasal")
_GOALS = {"jenis+nomor+tahun": ">= 98 %", "tentang normalised": ">= 95 %", "pasal": ">= 95 %"}


def main() -> None:
    """Parse every text and print the accuracy per field."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show", type=int, default=0, help="print N failures per field")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"SKIP: data not found at {DATA}; nothing to measure")
        return
    rows: list[dict] = []
    chars = 0
    elapsed = 0.0
    samples = load_audit()
    with gzip.open(DATA, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = _LINK.sub(r"\1", record["text"])
            start = time.perf_counter()
            parsed = parse_regulation(text)
            elapsed += time.perf_counter() - start
            chars += len(text)
            rows.append({
                "id": record["id"], "checks": _checks(parsed, record, text),
                "fingerprint": _fingerprint(text),
                "key": (_TYPES.get(record["jenis"]), str(record["nomor"]), record["tahun"]),
                "parsed_key": (parsed.doc_type, parsed.number, parsed.year),
                "audited": {name: audited_match(parsed.about, record, corrected, text)
                            for name, ids, corrected in samples if record["id"] in ids},
                "line": f"got {parsed.doc_type} {parsed.number} {parsed.year} "
                        f"| {str(parsed.about)[:150]!r} | want {str(record['judul'])[:150]!r}",
            })
            if args.limit and len(rows) >= args.limit:
                break
    _report(rows, chars, elapsed, args.show)


def _report(rows: list[dict], chars: int, elapsed: float, show: int) -> None:
    total = len(rows)
    print(f"regulations parsed: {total} ({chars / 1e6:.1f} M chars) in {elapsed:.1f} s "
          f"({total / elapsed:.0f} docs/s)")
    wrong = mislabelled(rows)
    print(f"mislabelled records (text is another record's, its heading names that one): "
          f"{len(wrong)}: " + ", ".join(f"{a} holds {b}" for a, b in sorted(wrong.items())))
    kept = [r for r in rows if r["id"] not in wrong]
    for name in _FIELDS:
        judged = [r for r in kept if r["checks"][name] is not None]
        ok = sum(1 for r in judged if r["checks"][name])
        raw = sum(1 for r in rows if r["checks"][name])
        raw_judged = sum(1 for r in rows if r["checks"][name] is not None)
        print(f"  {name:<36} {ok / len(judged):7.2%}  ({len(judged) - ok} wrong of {len(judged)};"
              f" all records: {raw / raw_judged:.2%})")
        result("extraction", f"regulations {name} correct", round(100 * ok / len(judged), 2),
               "%", _GOALS.get(name, ""))
    for name in sorted({name for r in rows for name in r["audited"]}):
        audited = [r["audited"][name] for r in rows if name in r["audited"]]
        ok = sum(audited)
        low, high = wilson(ok, len(audited))
        print(f"  tentang, audited sample {name} {ok / len(audited):6.2%}  ({len(audited) - ok} "
              f"wrong of {len(audited)} random texts, 95 % interval {low:.1%}-{high:.1%}; "
              f"title_audit.json)")
        result("extraction", f"regulations tentang on hand-audited sample {name}",
               round(100 * ok / len(audited), 2), "%", "")
    held_out = held_out_samples()
    every = {name for r in rows for name in r["audited"]}
    titled = [r for r in kept if r["checks"]["tentang strict"] is not None]
    sampled = sampled_ids()
    covered = sum(1 for r in titled if r["id"] in sampled)
    unreadable = sum(1 for r in titled if r["id"] in sampled and not r["audited"])
    for label, names, why in (("held-out samples", held_out, "no fix was tuned on them"),
                              ("all samples", every, "some guided fixes; the samples hold "
                               f"{covered} of the {len(titled)} records with a reference "
                               f"title, {unreadable} of them with no title a reader can "
                               "read")):
        pooled = [ok for r in rows for name, ok in r["audited"].items() if name in names]
        if not pooled:
            continue
        low, high = wilson(sum(pooled), len(pooled))
        print(f"  tentang, {label} pooled ({', '.join(sorted(names))}) "
              f"{sum(pooled) / len(pooled):6.2%}  ({len(pooled) - sum(pooled)} wrong of "
              f"{len(pooled)}, 95 % interval {low:.1%}-{high:.1%}; {why})")
        metric = f"regulations tentang on {label.replace('samples', 'audited samples')} pooled"
        result("extraction", metric, round(100 * sum(pooled) / len(pooled), 2), "%",
               ">= 95 %" if label == "all samples" and covered == len(titled) else "")
    untitled = sum(1 for r in kept if r["checks"]["tentang strict"] is None)
    print(f"  ({untitled} records have no reference title; tentang is judged on the others)")
    for name in _FIELDS:
        for row in [r for r in kept if r["checks"][name] is False][:show]:
            print(f"  [{name}] {row['id']}: {row['line']}")


if __name__ == "__main__":
    main()
