"""The text of a JDIH detail page: its abstract and notes, never the site's widgets.

A detail page's metadata pairs become fields and leave the text; what the page says in prose
(the abstract, a note) is its text. Choosing that prose once the metadata had been removed left
a page so thin that a sidebar of categories or the office hours in the footer won instead.
"""

from __future__ import annotations

from lxml import html

from crawler.extract import extract, main_text
from crawler.extract.detail import read_label_values

ABSTRACT = (
    "Peraturan Bupati ini menetapkan pedoman pemberian bantuan iuran jaminan sosial "
    "ketenagakerjaan bagi pekerja rentan yang dibiayai anggaran daerah.",
    "Dasar hukumnya adalah Undang-Undang Nomor 24 Tahun 2011 tentang Badan Penyelenggara "
    "Jaminan Sosial dan Peraturan Pemerintah Nomor 44 Tahun 2015.",
    "Dalam Peraturan Bupati ini diatur kriteria penerima, pendataan, verifikasi, pembayaran "
    "iuran, pelaporan, serta pemantauan dan evaluasi oleh perangkat daerah.",
)
FIELDS = (
    ("Tipe Dokumen", "Peraturan Perundang-undangan"),
    ("Judul", "Peraturan Bupati Wanasari Nomor 12 Tahun 2024 tentang Pedoman Pemberian "
              "Bantuan Iuran Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan"),
    ("T.E.U. Badan/Pengarang", "Wanasari (Kabupaten)"),
    ("Nomor Peraturan", "12"),
    ("Jenis / Bentuk Peraturan", "Peraturan Bupati"),
    ("Tempat Penetapan", "Wanasari"),
    ("Tanggal Penetapan", "3 Juni 2024"),
    ("Sumber", "Berita Daerah Kabupaten Wanasari Tahun 2024 Nomor 12"),
    ("Subjek", "JAMINAN SOSIAL - KETENAGAKERJAAN"),
    ("Status", "Berlaku"),
    ("Bahasa", "Bahasa Indonesia"),
    ("Bidang Hukum", "Hukum Administrasi Negara"),
)
CATEGORIES = "".join(f'<li><span>{name}</span> <span class="badge">{count}</span></li>'
                     for name, count in (("Peraturan Daerah", 212), ("Peraturan Bupati", 687),
                                         ("Keputusan Bupati", 1932), ("Instruksi Bupati", 21)))
LATEST = "".join(
    f'<div class="item"><p>Peraturan Bupati Wanasari Nomor {n} Tahun 2025 tentang {about}</p>'
    f'<small>{n} Nov 2025</small></div>'
    for n, about in ((41, "Standar Biaya Umum"), (40, "Tata Cara Penyaluran Dana Desa"),
                     (39, "Tunjangan Tambahan Penghasilan")))


def _detail_page() -> bytes:
    rows = "".join(f'<tr><td class="w-1/3">{label}</td><td>:</td><td>{value}</td></tr>'
                   for label, value in FIELDS)
    abstract = "".join(f"<p>{para}</p>" for para in ABSTRACT)
    return (
        '<html><head><title>Detail Produk Hukum - JDIH Wanasari</title></head><body>'
        '<div class="topbar">JDIH Kabupaten Wanasari</div>'
        '<div class="row"><div class="col-8"><div class="card">'
        '<h2>Detail Produk Hukum</h2>'
        f'<table class="table">{rows}</table>'
        f'<div class="mt-4"><h3>Abstrak</h3><div class="prose">{abstract}</div></div>'
        '<div class="stats"><span><i class="fa fa-eye"></i> 2.418 kali dilihat</span>'
        '<span><i class="fa fa-download"></i> 596 kali diunduh</span></div>'
        '</div></div>'
        '<div class="col-4"><div class="card"><h4>Kategori Dokumen</h4>'
        f'<ul class="list">{CATEGORIES}</ul></div>'
        f'<div class="card"><h4>Dokumen Terbaru</h4>{LATEST}</div></div></div>'
        '<div class="bottom">Bagian Hukum Sekretariat Daerah Kabupaten Wanasari, '
        'Senin sampai Jumat 07.30 - 16.00 WITA</div>'
        '</body></html>'
    ).encode()


def test_a_detail_pages_text_is_its_abstract_not_the_sites_widgets() -> None:
    doc = extract(_detail_page(), "https://jdih.wanasarikab.go.id/produk-hukum/perbup-12-2024")
    assert doc is not None and doc.origin == "detail" and doc.number == "12"
    for para in ABSTRACT:  # every paragraph of the abstract, each a block of its own
        assert para in doc.text.split("\n\n")
    for widget in ("Dokumen Terbaru", "Standar Biaya Umum", "Kategori", "Senin sampai Jumat",
                   "kali dilihat"):
        assert widget not in doc.text
    # the metadata pairs are fields, not text
    assert "Tempat Penetapan" not in doc.text and "Berita Daerah" not in doc.text


def test_the_main_text_of_a_detail_page_keeps_its_metadata_and_its_abstract() -> None:
    blocks = main_text(_detail_page()).split("\n\n")
    assert "Nomor Peraturan: 12" in blocks and ABSTRACT[2] in blocks
    assert not any("Standar Biaya Umum" in block for block in blocks)


def test_an_abstracts_paragraphs_stay_apart_in_its_field() -> None:
    page = ("<html><body><h3>Nomor</h3><p>12</p><h3>Abstrak</h3><div><p>Bantuan iuran "
            "ditetapkan.</p><p>Penerima terdiri atas petani.</p></div></body></html>")
    fields = read_label_values(html.fromstring(page))
    assert fields["summary"] == "Bantuan iuran ditetapkan. Penerima terdiri atas petani."


def test_a_counter_beside_a_status_badge_leaves_the_badge() -> None:
    page = ("<html><body><main><p>Peraturan Daerah ini mengatur penyelenggaraan perlindungan "
            "jaminan sosial ketenagakerjaan bagi seluruh pekerja di daerah, termasuk pekerja "
            "bukan penerima upah, beserta sanksi administratif.</p><div><span class='badge'>"
            "Berlaku</span><span class='text-muted'><i class='ki-eye'></i> 2.418 kali dilihat"
            "</span><span>596 kali diunduh</span></div></main></body></html>")
    assert main_text(page.encode()).split("\n\n")[-1] == "Berlaku"


def test_a_note_field_gives_its_relation_and_stays_in_the_text() -> None:
    rows = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in (
        *FIELDS, ("Keterangan", "Mencabut Peraturan Bupati Wanasari Nomor 17 Tahun 2021 "
                                "tentang Bantuan Iuran Jaminan Sosial")))
    page = (f"<html><body><main><h1>{FIELDS[1][1]}</h1><table>{rows}</table></main>"
            "</body></html>").encode()
    doc = extract(page, "https://jdih.wanasarikab.go.id/produk-hukum/perbup-12-2024")
    assert doc is not None and doc.origin == "detail"
    assert [(r.relation, r.target_id) for r in doc.references] == [
        ("mencabut", "perbup-wanasari-2021-17")]
    assert doc.text == ("Keterangan: Mencabut Peraturan Bupati Wanasari Nomor 17 Tahun 2021 "
                        "tentang Bantuan Iuran Jaminan Sosial")


def test_the_title_printed_above_the_fields_is_not_text_and_touching_boxes_part() -> None:
    rows = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in FIELDS)
    page = ('<html><head><title>Detail Produk Hukum</title></head><body><main><div class="card">'
            '<div><span class="badge">Peraturan Bupati</span><span>Diunggah 5 Juni 2024</span>'
            f'</div><h2>{FIELDS[1][1]}</h2><table>{rows}</table><h3>Abstrak</h3>'
            f'<div>{"".join(f"<p>{para}</p>" for para in ABSTRACT)}</div></div></main>'
            '</body></html>').encode()
    blocks = main_text(page).split("\n\n")
    # the page's own name (its "Judul") printed as a heading at the top is its title
    assert blocks[0] == "Peraturan Bupati Diunggah 5 Juni 2024"
    assert blocks[1] == "Tipe Dokumen Peraturan Perundang-undangan"
    # further down, as the "Judul" value, the same words are text
    assert f"Judul {FIELDS[1][1]}" in blocks
