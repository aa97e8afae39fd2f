"""Label vocabulary of JDIH metadata blocks and JDIHN feed keys, normalised to our fields.

JDIH sites label the same fact in many ways ("T.E.U. Badan/Pengarang" vs "T.E.U. Badan /
Pengarang", "Jenis / Bentuk Peraturan" vs "Jenis Peraturan"); `field_for_label` maps every
variant to one field name of ours.
"""

from __future__ import annotations

import re

# normalised label -> field
LABELS: dict[str, str] = {
    "tipe dokumen": "document_kind",
    "judul": "title",
    "judul peraturan": "title",
    "nama peraturan": "title",
    "teu badan pengarang": "teu",
    "teu badan": "teu",
    "teu": "teu",
    "pengarang": "teu",
    "nomor": "number",
    "nomor peraturan": "number",
    "no peraturan": "number",
    "no": "number",
    "tahun": "year",
    "tahun terbit": "year",
    "tahun peraturan": "year",
    "tahun pengundangan": "promulgation_year",
    "jenis": "doc_type",
    "jenis peraturan": "doc_type",
    "bentuk peraturan": "doc_type",
    "jenis bentuk peraturan": "doc_type",
    "jenis dokumen": "doc_type",
    "jenis produk hukum": "doc_type",
    "bentuk": "doc_type",  # peraturan.bpk.go.id: "Bentuk: Peraturan Daerah (PERDA)"
    "bentuk singkat": "doc_type_short",
    "bidang": "field_of_law",
    "singkatan jenis": "doc_type_short",
    "singkatan jenis bentuk peraturan": "doc_type_short",
    "singkatan bentuk peraturan": "doc_type_short",
    "penandatangan": "signer",
    "pejabat penetap": "signer",
    "ditetapkan oleh": "signer",
    "pejabat yang menetapkan": "signer",
    "tempat penetapan": "place",
    "tempat terbit": "place",
    "tempat ditetapkan": "place",
    "tanggal penetapan": "enacted_on",
    "tanggal ditetapkan": "enacted_on",
    "ditetapkan tanggal": "enacted_on",
    "tgl penetapan": "enacted_on",
    "tanggal bulan tahun penetapan": "enacted_on",  # the JDIHN metadata standard's wording
    "tanggal pengundangan": "promulgated_on",
    "tanggal diundangkan": "promulgated_on",
    "diundangkan tanggal": "promulgated_on",
    "tgl pengundangan": "promulgated_on",
    "tanggal bulan tahun pengundangan": "promulgated_on",
    "tanggal berlaku": "effective_on",
    "sumber": "source_publication",
    "subjek": "subjects",
    "subyek": "subjects",
    "kata kunci": "subjects",
    "status": "status",
    "status peraturan": "status",
    "keterangan status": "status_note",
    "keterangan": "note",  # "Mencabut Peraturan Bupati ...", "Lampiran memuat daftar ..."
    "catatan": "note",
    "bahasa": "language",
    "lokasi": "location",
    "bidang hukum": "field_of_law",
    "pemrakarsa": "initiator",
    "unit pemrakarsa": "initiator",
    "instansi pemrakarsa": "initiator",
    "urusan pemerintahan": "government_affair",
    "lampiran": "attachment",
    "abstrak": "summary",
    "abstraksi": "summary",
    "ringkasan": "summary",
    "tentang": "about",
    "perihal": "about",
}

# JDIHN feed key -> field (section 2 of jdihn_feed.md); other keys are kept in `extra`.
FEED_KEYS: dict[str, str] = {
    "judul": "title",
    "jenis": "doc_type",
    "singkatanjenis": "doc_type_short",
    "noperaturan": "number",
    "tahun_pengundangan": "promulgation_year",
    "tahun": "year",
    "tanggal_penetapan": "enacted_on",
    "tanggal_pengundangan": "promulgated_on",
    "tempatterbit": "place",
    "sumber": "source_publication",
    "subjek": "subjects",
    "status": "status",
    "bahasa": "language",
    "bidanghukum": "field_of_law",
    "teubadan": "teu",
    "urldownload": "pdf_url",
    "urldetailperaturan": "detail_url",
    "abstrak": "summary",
    "iddata": "feed_id",
}


def normalize_label(label: str) -> str:
    """Return a label as lowercase words: "T.E.U. Badan/Pengarang" -> "teu badan pengarang"."""
    text = label.lower().replace(".", "")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return text.strip()


def field_for_label(label: str) -> str | None:
    """Return our field name for a metadata label, or None when it is not one we know."""
    key = normalize_label(label)
    if not key or len(key) > 40:
        return None
    return LABELS.get(key)
