"""Turn the shared full-text corpus into Telusur documents and a ready data dir for benchmarks."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from bench._shared import RESULTS, iter_records
from corpus import Document, regulation_id

_TYPES = {"uu": ("UU", "Undang-Undang", None), "pp": ("PP", "Peraturan Pemerintah", None),
          "permenkeu": ("Permen", "Peraturan Menteri Keuangan", "Menteri Keuangan")}


def shared_documents(limit: int | None = None, *, parse: bool = True) -> Iterator[Document]:
    """Yield one Document per shared record, with Pasal parts from our extractor when `parse`."""
    for record in iter_records(limit):
        yield to_document(record, parse=parse)


def to_document(record: dict, *, parse: bool = True) -> Document:
    """Build a Document from one shared record (metadata from the record, structure parsed)."""
    code, name, issuer = _TYPES.get(record["jenis"], (record["jenis"].upper(), record["jenis"],
                                                       None))
    meta = _metadata(record.get("metadata"))
    number, year = str(record["nomor"]), int(record["tahun"])
    url = meta.get("url") or f"https://peraturan.go.id/id/{record['jenis']}-no-{number}-tahun-{year}"
    about = (record.get("judul") or "").strip()
    doc = Document(
        id=regulation_id(code, number, year, issuer=issuer), url=url, kind="regulation",
        title=f"{name} Nomor {number} Tahun {year} tentang {about}".strip(),
        text=record.get("text") or "", doc_type=code, number=number, year=year, about=about,
        issuer=issuer, region=None, status=meta.get("status"), source="peraturan.go.id",
        origin="json",
    )
    if parse:
        doc = _with_structure(doc)
    return doc


def _metadata(raw: object) -> dict:
    if isinstance(raw, dict):
        return raw
    if isinstance(raw, str) and raw.strip():
        try:
            value = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            return {}
        return value if isinstance(value, dict) else {}
    return {}


def _with_structure(doc: Document) -> Document:
    """Add parts and references from our regulation parser (crawler.extract)."""
    from crawler.extract import extract

    parsed = extract(doc.text.encode("utf-8"), doc.url, "text/plain")
    if parsed is None:
        return doc
    return doc.replace(parts=parsed.parts, references=parsed.references,
                       enacted_on=parsed.enacted_on, promulgated_on=parsed.promulgated_on)


def ensure_corpus_data_dir(limit: int | None = None) -> Path:
    """Return a data dir holding the shared corpus, ingested and indexed (built once, reused)."""
    data_dir = RESULTS / (f"corpus-data-{limit}" if limit else "corpus-data")
    done = data_dir / "ready"
    telusur = Path(sys.executable).parent / "telusur"
    if done.exists():
        # Cheap when the index is current; rebuilds it after a schema change.
        subprocess.run([str(telusur), "index", "--data-dir", str(data_dir)], check=True)
        return data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    jsonl = data_dir / "shared-documents.jsonl"
    with jsonl.open("w", encoding="utf-8") as handle:
        for doc in shared_documents(limit):
            handle.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    subprocess.run([str(telusur), "ingest", str(jsonl), "--data-dir", str(data_dir)], check=True)
    done.write_text("ok\n")
    return data_dir
