"""A detail page's status table and status field: which regulations this one amends, revokes
or was amended or revoked by (the jury's "is it still in force?")."""

from __future__ import annotations

from corpus.model import Document
from crawler.extract import extract
from crawler.extract.citations import relation_label
from crawler.extract.records import regulation_from_fields

URL = "https://jdih.wanasarikab.go.id/produk-hukum/detail/perda-5-2022"


def _detail(status_block: str, status: str = "Berlaku", sidebar: str = "") -> Document:
    body = (
        "<html><body><nav><a href='/'>Beranda</a></nav>"
        f"<aside>{sidebar}</aside><main><h1>Detail Peraturan</h1>"
        "<table class='meta'>"
        "<tr><td>Jenis</td><td>:</td><td>Peraturan Daerah</td></tr>"
        "<tr><td>Nomor</td><td>:</td><td>5</td></tr>"
        "<tr><td>Tahun</td><td>:</td><td>2022</td></tr>"
        "<tr><td>Judul</td><td>:</td><td>Peraturan Daerah Kabupaten Wanasari Nomor 5 Tahun 2022 "
        "tentang Penyelenggaraan Ketenagakerjaan</td></tr>"
        f"<tr><td>Status</td><td>:</td><td>{status}</td></tr>"
        "</table>"
        f"{status_block}</main></body></html>"
    )
    doc = extract(body.encode(), URL)
    assert doc is not None and doc.id == "perda-kab-wanasari-2022-5"
    return doc


def _relations(doc: Document) -> list[tuple[str, str | None]]:
    return [(r.relation, r.target_id) for r in doc.references]


def test_relation_labels_are_whole_labels_only() -> None:
    assert relation_label("Diubah oleh") == "diubah_dengan"
    assert relation_label("DICABUT DENGAN :") == "dicabut_dengan"
    assert relation_label("Mengubah") == "mengubah"
    # a bare passive is a status value or a badge; a partial revocation leaves it in force
    assert relation_label("Dicabut") is None
    assert relation_label("Dicabut sebagian oleh") is None
    assert relation_label("Mencabut sebagian") is None
    assert relation_label("Mengubah Pasal 1, Pasal 27 dan Pasal 35") is None
    assert relation_label("Berlaku") is None


def test_a_status_table_with_badges_gives_each_rows_relation() -> None:
    table = (
        "<h4>Status Peraturan</h4><table><thead><tr><th>No</th><th>Status</th><th>Peraturan</th>"
        "<th>Keterangan</th></tr></thead><tbody>"
        "<tr><td>1</td><td><span class='badge'>Mengubah</span></td><td><a href='/d/1'>Peraturan "
        "Daerah Kabupaten Wanasari Nomor 8 Tahun 2017 tentang Ketenagakerjaan</a></td>"
        "<td>Mengubah Pasal 1 dan Pasal 27</td></tr>"
        "<tr><td>2</td><td><span class='badge'>Diubah oleh</span></td><td><a href='/d/2'>"
        "Peraturan Daerah Kabupaten Wanasari Nomor 2 Tahun 2025 tentang Perubahan Kedua atas "
        "Peraturan Daerah Nomor 8 Tahun 2017</a></td><td>-</td></tr>"
        "</tbody></table>"
    )
    doc = _detail(table, status="Diubah")
    # the second row's own "Perubahan Kedua atas ... Nomor 8" belongs to that row's rule
    assert _relations(doc) == [("mengubah", "perda-kab-wanasari-2017-8"),
                               ("diubah_dengan", "perda-kab-wanasari-2025-2")]
    assert doc.status == "Diubah"


def test_labels_with_lists_of_links_under_them_relate_every_item() -> None:
    block = (
        "<section><h4>Status</h4>"
        "<div><strong>Dicabut dengan :</strong></div>"
        "<ol><li><a href='/d/9'>Perda Kab. Wanasari No. 1 Tahun 2024</a> tentang "
        "Ketenagakerjaan</li></ol>"
        "<div><strong>Mencabut :</strong></div>"
        "<ol><li><a href='/d/3'>Perda Kab. Wanasari No. 3 Tahun 2010</a></li>"
        "<li><a href='/d/4'>Perda Kab. Wanasari No. 11 Tahun 2012</a></li></ol>"
        "<div><strong>Diubah dengan :</strong></div><p>-</p>"
        "<h4>Peraturan Terkait</h4><ul><li><a href='/d/7'>Peraturan Bupati Wanasari Nomor 4 "
        "Tahun 2023</a></li></ul></section>"
    )
    doc = _detail(block, status="Tidak Berlaku")
    assert _relations(doc) == [("dicabut_dengan", "perda-kab-wanasari-2024-1"),
                               ("mencabut", "perda-kab-wanasari-2010-3"),
                               ("mencabut", "perda-kab-wanasari-2012-11")]


def test_a_label_and_its_links_in_one_line_and_a_label_row_of_a_table() -> None:
    block = (
        "<ul class='status'><li>Dicabut oleh: <a href='/d/9'>Perda Nomor 1 Tahun 2024</a></li>"
        "</ul><table><tr><th>Melaksanakan</th><td><a href='/d/pp'>PP Nomor 44 Tahun 2015</a>"
        "<br><a href='/d/uu'>UU Nomor 24 Tahun 2011</a></td></tr></table>"
    )
    assert _relations(_detail(block)) == [("dicabut_dengan", "perda-kab-wanasari-2024-1"),
                                          ("melaksanakan", "pp-2015-44"),
                                          ("melaksanakan", "uu-2011-24")]


def test_a_status_value_or_a_sidebar_filter_relates_nothing() -> None:
    # "Dicabut" as the status field's value, followed by rows that cite regulations; a filter
    # of statuses beside a list of latest regulations
    sidebar = ("<h5>Status</h5><ul><li><label>Mencabut</label></li><li><label>Dicabut</label>"
               "</li></ul><ul><li><a href='/d/7'>Peraturan Bupati Wanasari Nomor 4 Tahun 2023"
               "</a></li></ul>")
    rows = ("<table><tr><td>Status</td><td>Dicabut</td></tr><tr><td>Sumber</td>"
            "<td>Peraturan Daerah Kabupaten Wanasari Nomor 9 Tahun 2020</td></tr></table>")
    assert _relations(_detail(rows, status="Dicabut", sidebar=sidebar)) == []
    # status badges beside other rules (a "latest regulations" list), a bare status value
    # before a paragraph citing a law, a heading over a section of prose
    prose = " ".join(["Peraturan ini disusun dengan partisipasi masyarakat."] * 80)
    others = ("<ul><li><span class='badge'>Dicabut</span> <a href='/d/7'>Peraturan Bupati "
              "Wanasari Nomor 4 Tahun 2023</a></li></ul><p>Diubah</p><p>Disusun berdasarkan "
              "Undang-Undang Nomor 23 Tahun 2014.</p><h4>Mengubah</h4><div><p>" + prose +
              "</p><p><a href='/d/8'>Peraturan Daerah Nomor 3 Tahun 2010</a></p></div>")
    assert _relations(_detail(others)) == []


def test_a_page_of_nested_relation_labels_is_read_in_bounded_time() -> None:
    import time

    from crawler.extract.detail import read_relations
    from crawler.extract.maintext import parse_html

    nested = ("<span>Mengubah <a>Perda Nomor 1 Tahun 2010</a> " * 250 + "</span>" * 250) * 10
    root = parse_html(f"<html><body>{nested}</body></html>")
    start = time.process_time()
    read_relations(root)
    # about 15 s before labels were bounded (each one flattened and searched its subtree);
    # 0.35 s after, on the development machine
    assert time.process_time() - start < 5


def test_a_status_naming_its_revoker_keeps_the_words_and_relates_the_rule() -> None:
    doc = _detail("", status="Tidak Berlaku Dicabut Oleh : Peraturan Daerah Kabupaten "
                              "Wanasari Nomor 1 Tahun 2024 tentang Ketenagakerjaan")
    assert doc.status == "Tidak Berlaku Dicabut Oleh"
    assert _relations(doc) == [("dicabut_dengan", "perda-kab-wanasari-2024-1")]
    assert doc.extra["status_text"].endswith("Nomor 1 Tahun 2024 tentang Ketenagakerjaan")


def test_a_feed_records_status_and_status_note_give_relations() -> None:
    doc = regulation_from_fields(
        {"doc_type": "Peraturan Bupati", "number": "3", "year": "2024",
         "title": "Peraturan Bupati Wanasari Nomor 3 Tahun 2024 tentang Jaminan Sosial",
         "status": "Diubah dengan : Peraturan Bupati Wanasari Nomor 8 Tahun 2025",
         "status_note": "Mencabut Peraturan Bupati Wanasari Nomor 5 Tahun 2010"},
        "https://jdih.wanasarikab.go.id/api/jdihn#3", "feed")
    assert doc is not None
    assert doc.status == "Diubah dengan"
    assert _relations(doc) == [("diubah_dengan", "perbup-wanasari-2025-8"),
                               ("mencabut", "perbup-wanasari-2010-5")]


def test_a_status_relates_every_rule_its_phrase_governs_and_only_those() -> None:
    from crawler.extract.records import _status

    status, refs = _status("Tidak berlaku. Dicabut oleh Perbup Wanasari Nomor 5 Tahun 2021 dan "
                           "Perbup Wanasari Nomor 6 Tahun 2021", None)
    assert status == "Tidak berlaku. Dicabut oleh"
    assert [(r.relation, r.target_id) for r in refs] == [
        ("dicabut_dengan", "perbup-wanasari-2021-5"), ("dicabut_dengan", "perbup-wanasari-2021-6")]
    # a status that only mentions a rule is kept as written and relates nothing
    for written in ("Berlaku (Perbup Wanasari Nomor 3 Tahun 2024)",
                    "Berlaku sejak 1 Januari 2024 sesuai Perbup Wanasari Nomor 3 Tahun 2024"):
        assert _status(written, None) == (written, [])


def test_a_circular_whose_author_heading_is_the_regency_is_its_bupatis() -> None:
    doc = regulation_from_fields({"doc_type": "Surat Edaran", "number": "5", "year": "2020",
                                  "teu": "Kabupaten Wanasari"}, "https://x.test/5", "feed")
    assert doc is not None and doc.id == "se-bupati-wanasari-2020-5"
