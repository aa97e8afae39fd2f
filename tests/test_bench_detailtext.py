"""The detail-text benchmark's reference: a detail page's truth without its field lines."""

from __future__ import annotations

from bench.extraction.detailtext import prose_of


def test_field_lines_go_and_prose_notes_and_the_abstract_stay() -> None:
    truth = "\n\n".join((
        "Nomor Peraturan: 12", "Tempat Penetapan Wanasari", "Status: Berlaku",
        "Keterangan: Lampiran memuat daftar 4.250 penerima.", "Abstrak",
        "Peraturan ini mengatur bantuan iuran bagi pekerja rentan.",
        "Dinas Tenaga Kerja: pelaksana kegiatan di lapangan."))
    assert prose_of(truth).split("\n") == [
        "Keterangan: Lampiran memuat daftar 4.250 penerima.",
        "Peraturan ini mengatur bantuan iuran bagi pekerja rentan.",
        "Dinas Tenaga Kerja: pelaksana kegiatan di lapangan."]
