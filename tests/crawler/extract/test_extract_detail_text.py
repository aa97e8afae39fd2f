"""The text of a JDIH detail page: its abstract and notes, never the site's widgets.

A detail page's metadata pairs become fields and leave the text; what the page says in prose
(the abstract, a note) is its text. Choosing that prose once the metadata had been removed left
a page so thin that a sidebar of categories or the office hours in the footer won instead.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from lxml import html

from crawler.extract import extract, main_text
from crawler.extract.detail import read_label_values

PAGES = Path(__file__).resolve().parents[3] / "bench" / "extraction" / "pages"
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


def test_a_short_title_of_a_regencys_rule_is_shown_as_its_full_name() -> None:
    rows = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in (
        ("Jenis Peraturan", "Peraturan Daerah"), ("Nomor", "5"), ("Tahun", "2023"),
        ("Singkatan Jenis", "PERDA"), ("Lokasi", "Bagian Hukum Setda Kabupaten Lembah Arun"),
        ("Sumber", "Lembaran Daerah Kabupaten Lembah Arun Tahun 2023 Nomor 5")))
    page = ("<html><head><title>PERDA No. 5 Tahun 2023 tentang Penyelenggaraan "
            f"Ketenagakerjaan</title></head><body><main><table>{rows}</table></main>"
            "</body></html>").encode()
    doc = extract(page, "https://jdih.lembaharunkab.go.id/perda/5-2023")
    assert doc is not None and doc.region == "Kabupaten Lembah Arun"
    assert doc.title == ("Peraturan Daerah Kabupaten Lembah Arun Nomor 5 Tahun 2023 tentang "
                         "Penyelenggaraan Ketenagakerjaan")


def test_a_circulars_sender_and_subject_come_from_its_signer_and_printed_heading() -> None:
    rows = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in (
        ("Jenis Dokumen", "Surat Edaran Bupati"), ("Nomor", "500.15/1123/Disnaker/2025"),
        ("Tahun", "2025"), ("Penandatangan", "Bupati Tanjung Selaksa, Andi Baso, S.E."),
        ("Status", "Berlaku")))
    heading = ("Surat Edaran Bupati Tanjung Selaksa Nomor 500.15/1123/Disnaker/2025 tentang "
               "Kewajiban Kepesertaan Jaminan Sosial Ketenagakerjaan")
    page = ('<html><head><meta property="og:title" content="SE Bupati Nomor 500.15/1123/'
            f'Disnaker/2025"></head><body><h1>{heading}</h1><dl>{rows}</dl></body>'
            "</html>").encode()
    doc = extract(page, "https://jdih.tanjungselaksakab.go.id/se/1123")
    assert doc is not None and doc.title == heading
    assert doc.issuer == "Bupati Tanjung Selaksa" and doc.region == "Kabupaten Tanjung Selaksa"
    assert doc.about == "Kewajiban Kepesertaan Jaminan Sosial Ketenagakerjaan"


def test_a_letterhead_the_page_is_named_after_stays_the_circulars_sender() -> None:
    points = "".join(f"<p>{n}. Setiap perangkat daerah wajib mendaftarkan pekerja non-ASN "
                     "dalam program jaminan sosial ketenagakerjaan.</p>" for n in (1, 2, 3))
    page = ("<html><head><title>BUPATI LEMBAH KARANG</title></head><body><div class="
            "'WordSection1'><p class='MsoNormal'>BUPATI LEMBAH KARANG</p><p>Lembah Karang, 3 "
            "Maret 2025</p><p>Yth. Kepala Perangkat Daerah</p><p>di -</p><p>Tempat</p>"
            "<p>SURAT EDARAN</p><p>NOMOR 560/1187/DISNAKER/2025</p><p>TENTANG</p><p>OPTIMALISASI "
            f"PERLINDUNGAN JAMINAN SOSIAL KETENAGAKERJAAN</p>{points}<p>BUPATI LEMBAH KARANG,"
            "</p><p>ttd</p><p>I GEDE SURYA</p></div></body></html>").encode()
    doc = extract(page, "https://lembahkarangkab.go.id/se-560-1187.htm")
    assert doc is not None and doc.text.startswith("BUPATI LEMBAH KARANG")
    assert doc.issuer == "Bupati Lembah Karang" and doc.region == "Kabupaten Lembah Karang"


def test_inline_labels_leave_the_text_with_their_values() -> None:
    lines = "".join(f"<b>{label}</b> : {value}<br />" for label, value in (
        ("Jenis", "Peraturan Walikota"), ("Nomor", "18"), ("Tahun", "2022"),
        ("Tentang", "Tata Cara Pengenaan Sanksi Administratif"), ("Status", "Berlaku")))
    page = (f"<html><body><table><tr><td><font size='2'>{lines}<br /><b>Abstraksi :</b><br />"
            f"{ABSTRACT[0]}<br /></font></td></tr></table></body></html>").encode()
    doc = extract(page, "https://jdih.batuwangikota.go.id/detail.php?id=18")
    assert doc is not None and doc.number == "18" and doc.status == "Berlaku"
    assert doc.text == f"Abstraksi : {ABSTRACT[0]}"


def _full_text_page(badge: str, sidebar: str = "") -> bytes:
    pasal = "".join(f"<p>Pasal {n}</p><p>Ketentuan ke-{n} tentang bantuan iuran jaminan sosial "
                    "ketenagakerjaan bagi pekerja rentan di daerah.</p>" for n in range(1, 5))
    return (f"<html><body>{sidebar}<main><div class='head'><h1>Keputusan Bupati Wanasari "
            f"Nomor 100/214/HK/2025</h1>{badge}</div><div class='naskah'><p>BUPATI WANASARI,"
            "</p><p>KEPUTUSAN BUPATI WANASARI NOMOR 100/214/HK/2025 TENTANG TIM KOORDINASI "
            f"PERLINDUNGAN PEKERJA</p>{pasal}</div></main></body></html>").encode()


def test_a_status_printed_as_a_badge_by_the_heading_is_the_status() -> None:
    doc = extract(_full_text_page("<span class='chip chip-ok'>Berlaku</span>"),
                  "https://jdih.wanasarikab.go.id/dokumen/100-214-hk-2025/baca")
    assert doc is not None and doc.kind == "regulation" and doc.status == "Berlaku"
    # a list of other rules, each with its badge, says nothing of this one
    others = "".join(f'<li><a href="/d/{n}">Peraturan Bupati Wanasari Nomor {n} Tahun 2019 '
                     f'tentang Hal Lain</a> <span class="badge">Dicabut</span></li>'
                     for n in range(3, 6))
    doc = extract(_full_text_page("", f"<aside><ul>{others}</ul></aside>"),
                  "https://jdih.wanasarikab.go.id/dokumen/100-214-hk-2025/baca")
    assert doc is not None and doc.status is None


def test_a_metadata_boxs_caption_goes_with_its_pairs() -> None:
    lines = "".join(f"<strong>{label}:</strong> {value}<br>" for label, value in FIELDS[1:9])
    page = ('<html><body><main><div class="card"><div class="card-header">Identitas Dokumen'
            f'</div><div class="card-body">{lines}</div></div><div class="card"><div class='
            f'"card-header">Abstrak</div><div class="card-body"><p>{ABSTRACT[0]}</p><p>'
            f"{ABSTRACT[1]}</p></div></div></main></body></html>").encode()
    doc = extract(page, "https://jdih.wanasarikab.go.id/produk-hukum/perbup-12-2024")
    assert doc is not None and doc.origin == "detail"
    assert "Identitas Dokumen" not in doc.text and ABSTRACT[1] in doc.text


def test_a_detail_page_written_straight_into_its_body_keeps_its_text() -> None:
    rows = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in (
        ("Jenis Peraturan", "Peraturan Bupati"), ("Nomor", "12"), ("Tahun", "2024"),
        ("Tentang", "Bantuan Iuran")))
    pasal = "".join(f"<p>Pasal {n}</p><p>Bantuan iuran diberikan kepada pekerja rentan, sesuai "
                    f"ayat {n}.</p>" for n in range(1, 6))
    doc = extract(f"<html><body><table>{rows}</table>{pasal}</body></html>".encode(),
                  "https://jdih.wanasarikab.go.id/d/1")
    assert doc is not None and doc.text.startswith("Pasal 1")


def test_a_bold_word_opening_a_sentence_is_no_label_to_drop() -> None:
    rows = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in FIELDS)
    sentence = ("memuat daftar nama 1.250 pekerja rentan penerima bantuan iuran per desa, dan "
                "diperbarui setiap enam bulan sekali.")
    page = (f"<html><body><main><table>{rows}</table><h3>Abstrak</h3><p>{ABSTRACT[0]}</p>"
            f"<p><strong>Lampiran</strong> {sentence}</p></main></body></html>").encode()
    doc = extract(page, "https://jdih.wanasarikab.go.id/produk-hukum/perbup-12-2024")
    assert doc is not None and f"Lampiran {sentence}" in doc.text


def test_the_bpk_databases_labels_are_fields() -> None:
    rows = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in (
        ("Judul", "Peraturan Daerah Kabupaten Lembahraya Nomor 3 Tahun 2023 tentang "
                  "Penyelenggaraan Perlindungan Jaminan Sosial Ketenagakerjaan"),
        ("Nomor", "3"), ("Tahun", "2023"), ("Bentuk", "Peraturan Daerah (PERDA)"),
        ("Bentuk Singkat", "PERDA"), ("Bidang", "HUKUM ADMINISTRASI NEGARA")))
    page = (f"<html><body><main><table>{rows}</table><h3>Abstrak</h3><p>{ABSTRACT[0]}</p>"
            "</main></body></html>").encode()
    doc = extract(page, "https://peraturan.example.go.id/Details/1")
    assert doc is not None and doc.doc_type == "Perda"
    assert doc.extra.get("field_of_law") == "HUKUM ADMINISTRASI NEGARA"
    assert "Bentuk" not in doc.text and "Bidang" not in doc.text


def test_a_heading_over_the_metadata_table_alone_goes_with_it() -> None:
    rows = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in FIELDS)
    page = (f"<html><body><main><div class='card'><h4>{FIELDS[1][1][60:]}</h4><div><span>"
            "Berlaku</span> <span>Diunggah 5 Juni 2024 oleh Bagian Hukum</span></div>"
            f"<h3>METADATA</h3><table>{rows}</table></div><h3>Abstrak</h3><p>{ABSTRACT[0]}</p>"
            "</main></body></html>").encode()
    doc = extract(page, "https://jdih.wanasarikab.go.id/produk-hukum/perbup-12-2024")
    assert doc is not None and "METADATA" not in doc.text and ABSTRACT[0] in doc.text


def _old_portal_page(history: str, below: str = "") -> bytes:
    # a 2010s table layout: a fields table, then a table of its own for the amendment history,
    # both in the content cell beside a menu; the history's row outscores the fields' rows
    rows = "".join(f'<tr><td class="label">{label}</td><td>:</td><td class="isi">{value}</td>'
                   f'</tr>' for label, value in FIELDS)
    menu = "".join(f'<tr><td><a href="/jdih/{i}">Menu {i}</a></td></tr>' for i in range(12))
    return (
        '<html><body><table id="wrapper"><tr><td class="left">'
        f'<table class="leftMenu">{menu}</table></td><td valign="top">'
        '<p class="judulHal">DETAIL PRODUK HUKUM</p>'
        f'<table class="tabelForm">{rows}</table><br>'
        '<table class="tabelRiwayat"><tr><td><b>Riwayat Perubahan</b></td></tr>'
        f'<tr><td><ul>{history}</ul></td></tr></table>{below}'
        '</td></tr></table></body></html>').encode()


def test_a_fields_table_apart_from_the_chosen_box_joins_the_main_text() -> None:
    history = ("<li><b>Mengubah:</b> Peraturan Bupati Wanasari Nomor 7 Tahun 2019 tentang "
               "Pedoman Pemberian Bantuan Iuran bagi Pekerja Rentan yang Dibiayai Anggaran "
               "Daerah</li><li><b>Pasal yang diubah:</b> Pasal 5, Pasal 21 dan Pasal 34; "
               "disisipkan Pasal 34A</li>")
    latest = "".join(f'<tr><td><a href="/jdih/{n}">Peraturan Bupati Wanasari Nomor {n} Tahun '
                     f'2024 tentang {about}</a></td></tr>' for n, about in enumerate(
                         ("Standar Biaya Umum", "Tata Cara Penyaluran Dana Desa",
                          "Tunjangan Tambahan Penghasilan", "Kawasan Tanpa Rokok",
                          "Penanggulangan Bencana Daerah", "Sistem Pemerintahan Berbasis "
                          "Elektronik", "Pajak Daerah dan Retribusi Daerah"), start=30))
    text = main_text(_old_portal_page(
        history, f'<table class="terbaru"><tr><td><b>Produk Hukum Terbaru</b></td></tr>{latest}'
                 '</table>')) or ""
    assert "Nomor Peraturan: 12" in text and "Status: Berlaku" in text
    assert text.index("Nomor Peraturan") < text.index("Mengubah:")  # in reading order
    assert "Menu 3" not in text
    # beside a full text the fields card is a side box, not the content: dev-b's b10 (a
    # peraturan.bpk.go.id-like page, metadata in a column of its own beside the full text)
    page = gzip.decompress((PAGES / "dev-b" / "html" / "b10-fulltext-perbup-bpk-like.html.gz")
                           .read_bytes())
    text = main_text(page) or ""
    assert "Pasal 7" in text and "Tipe Dokumen" not in text


def test_a_table_row_of_numbers_is_data() -> None:
    rows = "".join(f"<tr><td>{year}</td><td>{a}</td><td>{b}</td><td>{a + b}</td></tr>"
                   for year, a, b in ((2022, 8, 73), (2023, 12, 69), (2024, 6, 47)))
    page = (
        "<html><body><nav><a href='/'>Beranda</a> <a href='/statistik'>Statistik</a></nav>"
        "<main><h1>Statistik Produk Hukum</h1><p>Jumlah produk hukum yang ditetapkan dan "
        "didokumentasikan dalam JDIH menurut jenis dan tahun penetapan, dimutakhirkan setiap "
        "akhir bulan oleh Bagian Hukum.</p><table><thead><tr><th>Tahun</th><th>Perda</th>"
        f"<th>Perbup</th><th>Jumlah</th></tr></thead><tbody>{rows}</tbody></table>"
        "<ul class='pagination'><li><a href='?p=1'>1</a></li><li><a href='?p=2'>2</a></li>"
        "</ul></main></body></html>").encode()
    text = main_text(page) or ""
    assert "2023 12 69 81" in text.splitlines() and "Tahun Perda Perbup Jumlah" in text
    assert not {"1", "2"} & set(text.splitlines())  # a pager's numbers are no data
