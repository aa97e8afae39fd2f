"""Listings, portal bylines and JDIH detail pages whose markup the blind page sets showed us.

Each case is one general idiom (a listing whose entries are all links, a byline printed without
date metadata, a detail page whose fields leave out the region), written small here.
"""

from __future__ import annotations

import datetime as dt

from lxml import html

from bench.extraction.fields import score
from corpus.model import Document
from crawler.extract import extract, main_text
from crawler.extract.detail import read_label_values
from crawler.extract.maintext import class_names
from crawler.extract.metadata import labelled_byline

MENU = "".join(f'<li><a href="/m{i}">Menu {i}</a></li>' for i in range(12))
ENTRY_TITLES = [
    "Peraturan Bupati Wanasari Nomor 3 Tahun 2024 tentang Jaminan Sosial Pekerja Rentan",
    "Peraturan Daerah Kabupaten Wanasari Nomor 7 Tahun 2023 tentang Ketenagakerjaan",
    "Keputusan Bupati Wanasari Nomor 560/88/HK/2022 tentang Tim Koordinasi Perlindungan",
    "Peraturan Bupati Wanasari Nomor 12 Tahun 2022 tentang Perlindungan Pegawai Non ASN",
    "Instruksi Bupati Wanasari Nomor 2 Tahun 2021 tentang Kepesertaan Perangkat Desa",
]


def _listing_page(rows: str, pager: bool = True) -> bytes:
    pages = ('<ul class="pagination"><li><a href="?page=1">1</a></li>'
             '<li><a href="?page=2">2</a></li></ul>') if pager else ""
    return (f"<html><head><title>Produk Hukum</title></head><body><nav><ul>{MENU}</ul></nav>"
            f'<div class="container"><h1>Produk Hukum</h1><p>Menampilkan 1 sampai 5 dari 212</p>'
            f"{rows}{pages}</div><footer>Bagian Hukum Setda Wanasari</footer></body></html>"
            ).encode()


def test_a_table_of_linked_regulations_is_the_main_text_of_a_listing() -> None:
    rows = "".join(
        f'<tr><td>{i + 1}</td><td><a href="/ph/{i}">{title}</a></td><td>Berlaku</td></tr>'
        for i, title in enumerate(ENTRY_TITLES))
    body = _listing_page(f'<table class="table"><tbody>{rows}</tbody></table>')
    text = main_text(body)
    # the running row number is the table's, not the entry's
    assert text.split("\n\n") == [f"{title} Berlaku" for title in ENTRY_TITLES]
    assert "Menu 3" not in text and "Menampilkan" not in text
    assert extract(body, "https://jdih.wanasari.go.id/produk-hukum?page=1") is None


def test_entries_are_found_without_a_pager_when_nothing_else_is_prose() -> None:
    cards = "".join(f'<div class="card"><h3><a href="/b/{i}">{title}</a></h3>'
                    f"<small>12 Mei 2025</small></div>" for i, title in enumerate(ENTRY_TITLES))
    text = main_text(_listing_page(f'<div class="list">{cards}</div>', pager=False))
    assert [block.split(" 12 Mei")[0] for block in text.split("\n\n")] == ENTRY_TITLES


def test_a_short_article_keeps_its_prose_beside_a_long_list_of_other_stories() -> None:
    story = ("<p>Pemerintah Kabupaten Wanasari menutup layanan administrasi selama cuti "
             "bersama, kecuali layanan kesehatan dan pemadam kebakaran. Warga diminta "
             "mengurus dokumen sebelum tanggal 24 Desember.</p><p>Layanan kembali dibuka "
             "pada 2 Januari, kata Sekretaris Daerah, Senin, di Wanasari. Layanan darurat "
             "tetap buka, termasuk ambulans desa.</p>")
    others = "".join(
        f'<div class="module"><h3><a href="/b/{i}">{title}</a></h3><span>Redaksi - '
        f"{i + 1} Desember 2025</span> <span>Daerah</span></div>"
        for i, title in enumerate(ENTRY_TITLES * 2))
    body = (f'<html><body><div class="post"><h1>Layanan Tutup</h1>{story}</div>'
            f'<div class="column">{others}</div><ul class="pagination"><li><a href="?p=2">2'
            f"</a></li></ul></body></html>").encode()
    text = main_text(body)
    assert "Pemerintah Kabupaten Wanasari menutup layanan" in text
    assert "Redaksi -" not in text and ENTRY_TITLES[0] not in text


def test_a_label_value_table_closes_its_labels_with_the_colon_cell() -> None:
    rows = "".join(f"<tr><td>{label}</td><td>:</td><td>{value}</td></tr>" for label, value in (
        ("Jenis", "Peraturan Bupati"), ("Nomor", "3"), ("Tahun", "2024"),
        ("Abstrak", "<p>Peraturan ini mengatur iuran.</p><p>Dasar hukum adalah UU 24/2011.</p>"),
    ))
    text = main_text(f'<html><body><div class="entry-content"><p>Halaman ini memuat data '
                     f"peraturan, dengan abstrak, status dan tanggal penetapannya.</p>"
                     f"<table>{rows}</table></div></body></html>")
    assert "Jenis: Peraturan Bupati" in text
    assert "iuran. Dasar hukum" in text  # two paragraphs of one cell are not glued together


def test_a_byline_printed_without_metadata_gives_the_date_time_and_author() -> None:
    body = (b"<html><head><title>Pemerintah Kabupaten Sindangraya :: Berita</title></head><body>"
            b'<table><tr><td class="left"><b>Agenda</b><br>Senin, 3 November 2025 rapat</td>'
            b'<td><table><tr><td class="judul">Rakor Jaminan Sosial Aparat Desa</td></tr>'
            b'<tr><td><font size="1">Penulis: Dewi Anggraini | Rabu, 05 November 2025 - '
            b"10:42:17 WIB | Dibaca : 312 kali</font></td></tr><tr><td><div class=\"isi\">"
            b"Sindangraya &#8211; Pemerintah Kabupaten Sindangraya menggelar rapat koordinasi "
            b"perlindungan jaminan sosial ketenagakerjaan bagi aparat desa, Rabu (5/11/2025)."
            b"<br><br>Rapat dibuka oleh asisten pemerintahan. Seluruh aparat desa akan "
            b"didaftarkan sebagai peserta mulai Januari, dengan iuran dari anggaran desa."
            b"</div></td></tr></table></td></tr></table></body></html>")
    doc = extract(body, "https://sindangraya.go.id/index.php/berita/baca/1287")
    assert doc is not None and doc.kind == "news"
    wib = dt.timezone(dt.timedelta(hours=7))
    assert doc.published_at == dt.datetime(2025, 11, 5, 10, 42, 17, tzinfo=wib)
    assert doc.author == "Dewi Anggraini"


def test_a_date_in_one_item_and_its_time_in_the_next_are_read_together() -> None:
    body = (b'<html><head><meta property="og:type" content="article"></head><body>'
            b'<h2 class="card-title">Kartu Nelayan</h2><ul class="list-inline">'
            b"<li>Penulis: Dewi Anggraini</li><li>Kamis, 13 November 2025</li><li>14:05</li></ul>"
            b'<div class="content"><p>Bupati Wanasari menyerahkan kartu kepesertaan kepada '
            b"1.500 nelayan dan petani di pendopo kabupaten, Kamis.</p><p>Iuran tiga bulan "
            b"pertama dibayar dari anggaran daerah, kata kepala dinas tenaga kerja.</p></div>"
            b"</body></html>")
    doc = extract(body, "https://wanasarikab.go.id/berita/kartu-nelayan")
    assert doc is not None and doc.published_at == dt.datetime(2025, 11, 13, 14, 5)
    assert doc.author == "Dewi Anggraini"


def test_a_date_beside_another_storys_title_is_not_the_articles() -> None:
    body = ('<html><body><ul class="terkini"><li><a href="/b/1">Berita lain yang ditautkan '
            "dengan judul panjang</a> <span>1 November 2025</span></li></ul>"
            '<div class="isi"><p>Pemerintah Kabupaten Wanasari menggelar rapat koordinasi '
            "jaminan sosial bagi aparat desa di aula kantor bupati.</p><p>Rapat dihadiri "
            "camat dan kepala desa se-kabupaten, kata kepala bagian.</p><p>Sebanyak 1.200 "
            "aparat desa akan didaftarkan sebagai peserta mulai Januari, dengan iuran dari "
            "anggaran desa, katanya.</p></div></body></html>")
    doc = extract(body.encode(), "https://wanasarikab.go.id/berita/rapat")
    assert doc is not None and doc.published_at is None


def test_an_organisation_as_json_ld_author_yields_to_the_printed_byline() -> None:
    ld = ('{"@type": "NewsArticle", "headline": "Desa adat bantu pekerja", "datePublished": '
          '"2025-11-12T09:05:00Z", "author": {"@type": "Organization", "name": "ANTARA Bali"}}')
    body = (f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
            "<h1>Desa adat bantu pekerja</h1><div class=\"post-content\"><p>Desa adat di "
            "Gianyar membantu mendaftarkan pekerja informal ke program jaminan sosial, kata "
            "bendesa adat, Rabu.</p><p>Iuran dibayar dari dana desa adat selama satu tahun "
            "pertama.</p><p>Pewarta: Ni Kadek Dwi Ariani<br>Editor: Made Adnyana</p></div>"
            "</body></html>").encode()
    doc = extract(body, "https://bali.contoh.id/berita/1/desa-adat")
    assert doc is not None and doc.author == "Ni Kadek Dwi Ariani"


def test_bylines_need_a_label_a_colon_and_a_name() -> None:
    def byline(markup: str) -> str | None:
        return labelled_byline(html.fromstring(f"<html><body><div>{markup}</div></body></html>"))

    assert byline("<p><b>Oleh:</b> Made Suta</p>") == "Made Suta"
    assert byline("<p>Oleh karena itu: iuran dinaikkan.</p>") is None
    assert byline("<font>Diposting oleh : admin | Rabu</font>") is None
    assert byline("<p>Editor: Made Adnyana</p>") is None


def test_a_tag_archive_is_a_listing_although_its_theme_says_article() -> None:
    ld = '{"@context": "https://schema.org", "@type": "CollectionPage", "name": "BPJS"}'
    posts = "".join(
        f'<article class="post-{i} post"><h2><a href="/p/{i}">{title}</a></h2><p>Ringkasan '
        f"tulisan tentang {title.lower()} ... <a href=\"/p/{i}\">Selengkapnya</a></p></article>"
        for i, title in enumerate(ENTRY_TITLES))
    body = (f'<html><head><meta property="og:type" content="article"><script type='
            f'"application/ld+json">{ld}</script></head><body><main>{posts}</main>'
            f'<nav class="pagination"><a rel="next" href="/page/2">2</a></nav></body></html>')
    assert extract(body.encode(), "https://berita.contoh.id/tag/bpjs/") is None


def test_a_detail_page_takes_its_region_from_the_pages_own_citation() -> None:
    body = (b"<html><head><title>JDIH :: Detail Produk Hukum</title></head><body>"
            b"<div>Keputusan Bupati Sekar Arum Nomor 560/412/HK/2023 tentang Tim Koordinasi</div>"
            b"<table><tr><td>Jenis Produk Hukum</td><td>:</td><td>Keputusan Bupati</td></tr>"
            b"<tr><td>Nomor</td><td>:</td><td>560/412/HK/2023</td></tr>"
            b"<tr><td>Tahun</td><td>:</td><td>2023</td></tr>"
            b"<tr><td>Tentang</td><td>:</td><td>Tim Koordinasi</td></tr>"
            b"<tr><td>Ditetapkan oleh</td><td>:</td><td>Bupati Sekar Arum</td></tr>"
            b"</table><p>Produk hukum terkait: Keputusan Bupati Lain Nomor 560/412/HK/2019."
            b"</p></body></html>")
    doc = extract(body, "https://jdih.sekararumkab.go.id/produk-hukum/detail/77")
    assert doc is not None and doc.region == "Kabupaten Sekar Arum"
    # a composite number already holds its year: not "... Nomor 560/412/HK/2023 Tahun 2023"
    assert doc.title == "Keputusan Bupati Sekar Arum Nomor 560/412/HK/2023 tentang Tim Koordinasi"
    assert doc.extra.get("signer") == "Bupati Sekar Arum"


def test_a_region_named_in_a_gazette_line_stops_before_tahun() -> None:
    body = (b"<html><body><dl><dt>Jenis</dt><dd>Peraturan Daerah</dd><dt>Nomor</dt><dd>6</dd>"
            b"<dt>Tahun</dt><dd>2021</dd><dt>Tentang</dt><dd>Ketenagakerjaan</dd>"
            b"<dt>Sumber</dt><dd>Lembaran Daerah Kota Banyu Asri Tahun 2021 Nomor 6</dd></dl>"
            b"</body></html>")
    doc = extract(body, "https://jdih.banyuasri.go.id/detail/6")
    assert doc is not None and doc.region == "Kota Banyu Asri"


def test_the_field_score_counts_a_listing_as_right_only_when_nothing_is_extracted() -> None:
    assert score(None, {"kind": "listing"}) == {"kind": True}
    assert score(None, {"kind": "news", "title": "X"}) == {"kind": False, "title": False}


def test_striped_rows_of_a_datatables_catalogue_are_one_listing() -> None:
    # rows alternate "odd"/"even", and the DataTables wrapper says "no-footer" (no table footer)
    rows = "".join(
        f'<tr class="{"odd" if i % 2 == 0 else "even"}"><td>{i + 1}</td>'
        f'<td><a href="/ph/{i}">{title}</a><br><small>Ditetapkan: 0{i + 1}-06-2025</small></td>'
        f'<td><span class="badge">Berlaku</span></td></tr>'
        for i, title in enumerate(ENTRY_TITLES))
    body = _listing_page(f'<div class="dataTables_wrapper dt-bootstrap4 no-footer">'
                         f'<table class="table dataTable"><tbody>{rows}</tbody></table></div>')
    blocks = main_text(body).split("\n\n")
    assert blocks == [f"{title} Ditetapkan: 0{i + 1}-06-2025 Berlaku"
                      for i, title in enumerate(ENTRY_TITLES)]


FAQ = [
    ("Siapa yang wajib menjadi peserta?",
     "Setiap orang yang bekerja wajib menjadi peserta program jaminan sosial, termasuk pekerja "
     "bukan penerima upah yang dapat mendaftar sendiri di kantor cabang atau agen desa."),
    ("Berapa iuran pekerja bukan penerima upah?",
     "Iuran dihitung dari penghasilan yang dilaporkan. Untuk golongan terendah, iuran JKK dan "
     "JKM bersama-sama sebesar Rp16.800 sebulan, dibayar bulanan atau sekaligus."),
    ("Apakah pemerintah kabupaten membantu membayar iuran?",
     "Ya. Pemerintah kabupaten menanggung iuran JKK dan JKM bagi pekerja rentan yang terdata, "
     "setelah diverifikasi oleh Dinas Tenaga Kerja dan diusulkan oleh desa."),
    ("Bagaimana cara mengecek saldo JHT?",
     "Unduh aplikasi JMO, daftar dengan NIK dan nomor kepesertaan, lalu buka menu JHT. Saldo "
     "dan riwayat iuran tampil setelah data terverifikasi oleh kantor cabang."),
]


def test_collapsed_answers_of_an_faq_accordion_are_content() -> None:
    # Elementor's accordion: every block is an "elementor-widget", the questions are <a> without
    # href, and all answers but the first are hidden until clicked; a hidden pop-up is not content
    hidden = ' style="display:none"'
    items = [
        f'<div class="elementor-accordion-item"><div class="elementor-tab-title" role="button" '
        f'aria-controls="t{i}"><a class="elementor-accordion-title" tabindex="0">{q}</a></div>'
        f'<div id="t{i}" class="elementor-tab-content" role="region" aria-labelledby="q{i}"'
        f'{"" if i == 0 else hidden}><p>{a}</p></div></div>'
        for i, (q, a) in enumerate(FAQ)]
    # two accordions of two answers each, under section headings: one series of answers
    widget = ('<div class="elementor-widget elementor-widget-accordion"><div class='
              '"elementor-widget-container"><div class="elementor-accordion">{}</div></div></div>')
    body = (f'<html><body><nav><ul>{MENU}</ul></nav><main><h2>Kepesertaan</h2>'
            f'{widget.format("".join(items[:2]))}<h2>Iuran dan manfaat</h2>'
            f'{widget.format("".join(items[2:]))}</main>'
            f'<div class="modal" role="dialog" aria-labelledby="m1" style="display:none">'
            f"<p>Isi survei kepuasan layanan kami, hanya dua menit, untuk membantu kami "
            f"meningkatkan pelayanan kepada masyarakat Kabupaten Wanasari.</p></div>"
            f'<div class="kontak"><p>Dinas Tenaga Kerja Kabupaten Wanasari, Jalan Veteran '
            f"Nomor 12, buka Senin sampai Jumat, pukul 08.00 sampai 15.00, kecuali hari libur "
            f"nasional dan cuti bersama.</p></div></body></html>").encode()
    blocks = main_text(body).split("\n\n")
    answers = [part for pair in FAQ for part in pair]
    assert blocks == ["Kepesertaan", *answers[:4], "Iuran dan manfaat", *answers[4:]]


def test_a_metadata_grid_is_the_main_text_of_a_page_without_prose() -> None:
    # Tailwind's "text-xs" on the top bar is styling, not a sign of article text
    rows = "".join(f'<div class="px-4 py-3 sm:grid"><dt class="text-sm text-gray-500">{label}'
                   f'</dt><dd class="mt-1 text-sm text-gray-900">{value}</dd></div>'
                   for label, value in (("Jenis Dokumen", "Keputusan Bupati"),
                                        ("Nomor", "500.15/412/KPTS/2024"), ("Tahun", "2024"),
                                        ("Tentang", "Penetapan Penerima Bantuan Iuran Pekerja"),
                                        ("Pemrakarsa", "Dinas Tenaga Kerja Kabupaten Wanasari"),
                                        ("Tanggal Penetapan", "27 Desember 2024")))
    body = ('<html><body><div class="bg-emerald-900 text-emerald-50 text-xs">Bagian Hukum '
            "Sekretariat Daerah Kabupaten Wanasari - Senin sampai Jumat</div>"
            '<main><div class="bg-white shadow"><h1>Keputusan Bupati Wanasari '
            "Nomor 500.15/412/KPTS/2024 tentang Penetapan Penerima Bantuan Iuran Pekerja</h1>"
            f"<dl>{rows}</dl></div></main></body></html>")
    blocks = main_text(body.encode()).split("\n\n")
    # the headline (h1) is the page's title, not its text; then one line per field
    assert blocks[0] == "Jenis Dokumen: Keputusan Bupati" and len(blocks) == 6
    # styling utilities name no role; words that do are kept
    bar = html.fromstring('<div class="bg-emerald-900 text-emerald-50 text-xs md:text-sm">x</div>')
    assert class_names(bar) == "bg-emerald-900"
    prose = html.fromstring('<div class="entry-text text-content no-sidebar">x</div>')
    assert class_names(prose) == "entry-text text-content"


def test_a_definition_grid_gives_one_label_value_line_per_term() -> None:
    grid = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in (
        ("Jenis Dokumen", "Keputusan Bupati"), ("Nomor", "188.45/217/HK/2024"),
        ("Tahun", "2024"), ("Tentang", "Penetapan Penerima Bantuan Iuran Jaminan Sosial"),
        ("Status:", "Berlaku")))
    body = (f'<html><body><nav><ul>{MENU}</ul></nav><main>'
            f'<dl class="grid">{grid}</dl><p>Keputusan ini menetapkan penerima bantuan iuran '
            f"program jaminan sosial ketenagakerjaan bagi pecalang dan pemangku, dibiayai "
            f"anggaran daerah tahun berjalan.</p></main></body></html>").encode()
    blocks = main_text(body).split("\n\n")
    assert blocks[:5] == ["Jenis Dokumen: Keputusan Bupati", "Nomor: 188.45/217/HK/2024",
                          "Tahun: 2024", "Tentang: Penetapan Penerima Bantuan Iuran Jaminan "
                          "Sosial", "Status: Berlaku"]


def test_an_instruction_whose_enacting_word_runs_in_its_sentence_is_a_regulation() -> None:
    # "... dengan ini menginstruksikan:" in lower case, not a "MENGINSTRUKSIKAN:" line
    diktum = ["KESATU", "KEDUA", "KETIGA"]
    body = ("<html><head><title>Instruksi Bupati</title></head><body><article>"
            "<p>BUPATI WANASARI</p><p>INSTRUKSI BUPATI WANASARI</p><p>NOMOR 3 TAHUN 2024</p>"
            "<p>TENTANG</p><p>OPTIMALISASI PROGRAM JAMINAN SOSIAL KETENAGAKERJAAN</p>"
            "<p>BUPATI WANASARI,</p><p>Dalam rangka meningkatkan cakupan kepesertaan pekerja, "
            "dengan ini menginstruksikan:</p><p>Kepada: 1. Sekretaris Daerah; 2. Camat.</p>"
            "<p>Untuk:</p>"
            + "".join(f"<p>{word}: Melaksanakan pendaftaran pekerja di lingkungan kerja masing-"
                      f"masing sebagai peserta program jaminan sosial ketenagakerjaan.</p>"
                      for word in diktum)
            + "<p>Dikeluarkan di Wanasari pada tanggal 19 Februari 2024</p>"
            "</article></body></html>").encode()
    doc = extract(body, "https://jdih.wanasarikab.go.id/inbup-3-2024")
    assert doc is not None and doc.kind == "regulation"
    assert (doc.doc_type, doc.number, doc.year) == ("Inbup", "3", 2024)
    assert [part.anchor for part in doc.parts] == ["diktum-1", "diktum-2", "diktum-3"]


STORY = ("<p>Pemerintah Kabupaten Wanasari menggelar sosialisasi jaminan sosial bagi nelayan "
         "di balai desa, Kamis.</p><p>Sebanyak 47 nelayan langsung mengisi formulir "
         "pendaftaran, kata camat, dan iuran tiga bulan pertama dibayar dari dana desa.</p>")


def _story(head: str, top: str) -> Document:
    """Extract a news page: a menu, then `top` (headline, byline) and STORY in one box."""
    body = (f"<html><head>{head}</head><body><div class='menu'>Beranda Profil Berita</div>"
            f"<div class='konten'>{top}<div class='isi'>{STORY}</div></div></body></html>")
    doc = extract(body.encode(), "https://wanasarikab.go.id/index.php/berita/baca/1287")
    assert doc is not None
    return doc


def test_a_standing_page_is_not_news_although_its_theme_says_article() -> None:
    # SEO plugins print og:type "article" on every page; the site's sections say what it is
    head = '<head><meta property="og:type" content="article"><title>Visi dan Misi</title></head>'
    body = f"<html>{head}<body><main>{STORY}</main></body></html>".encode()
    for path in ("/profil/visi-misi/", "/halaman/standar-pelayanan", "/faq-bpjs/",
                 "/index.php/pengumuman/214-penerima-bantuan"):
        doc = extract(body, f"https://disnaker.wanasarikab.go.id{path}")
        assert doc is not None and doc.kind == "other", path
    for path in ("/berita/sosialisasi-nelayan", "/2025/11/sosialisasi-nelayan/",
                 "/informasi/berita/sosialisasi", "/berita-142-sosialisasi.html"):
        doc = extract(body, f"https://disnaker.wanasarikab.go.id{path}")
        assert doc is not None and doc.kind == "news", path


def test_the_printed_byline_wins_over_an_account_an_outlet_or_a_cms_in_the_metadata() -> None:
    def author(head: str, byline: str) -> str | None:
        meta = ('<meta property="og:site_name" content="Kabar Wanasari">'
                '<meta property="og:type" content="article">')
        return _story(meta + head, f"<h1>Sosialisasi nelayan</h1>{byline}").author

    posted = "<span class='posting'>Diposting oleh : Supardi<br>Senin, 09 Maret 2015</span>"
    assert author('<meta name="author" content="Lokomedia">', posted) == "Supardi"
    assert author('<meta name="author" content="Kabar Wanasari">', "") is None  # the outlet
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "author": '
          '{"@type": "Person", "name": "admin"}}</script>')
    box = '<div class="td-author-name vcard author"><a href="/author/as">Agus Salim</a></div>'
    assert author(ld + '<meta name="author" content="admin">', box) == "Agus Salim"
    # a writer marked by a person icon, not the account links beside the same icon
    icons = ('<div class="topbar"><a href="/login"><i class="fa fa-user"></i> Login</a></div>'
             '<nav><a href="/akun"><i class="fa fa-user"></i> Made Suta</a></nav><ul>'
             '<li><i class="far fa-calendar"></i> Rabu, 05 Februari 2025</li>'
             '<li><i class="far fa-user"></i> Yuliana Kareth</li></ul>')
    assert author("", icons) == "Yuliana Kareth"


def test_a_posting_line_inside_the_article_dates_it() -> None:
    body = (b'<html><body><table><tr><td><span class="judul">Sosialisasi nelayan</span><br>'
            b'<span class="posting">Diposting oleh : Supardi<br>Senin, 09 Maret 2015 - '
            b"09:12:33 WIB</span><br><span class=\"isi\">Pemerintah Kabupaten Wanasari "
            b"menggelar sosialisasi jaminan sosial bagi nelayan di balai desa, Kamis.<br><br>"
            b"Sebanyak 47 nelayan langsung mengisi formulir pendaftaran, kata camat, dan iuran "
            b"tiga bulan pertama dibayar dari dana desa.</span></td></tr></table></body></html>"
            )  # the story is the cell's text: the posting line is inside the main text
    doc = extract(body, "http://kec-pantai.wanasarikab.go.id/berita-142-sosialisasi.html")
    wib = dt.timezone(dt.timedelta(hours=7))
    assert doc is not None and doc.kind == "news"
    assert doc.published_at == dt.datetime(2015, 3, 9, 9, 12, 33, tzinfo=wib)


def test_a_site_title_gives_way_to_the_heading_printed_at_the_story() -> None:
    def title(head: str, top: str) -> str | None:
        return _story(head, f"{top}<span class='tgl'>Rabu, 05 November 2025</span>").title

    heading = "Sosialisasi BPJS Ketenagakerjaan bagi Nelayan"
    site = "<title>Pemerintah Kabupaten Wanasari :: Berita</title>"
    assert title(site, f'<div class="judul">{heading}</div>') == heading
    assert title(site, f"<h3>{heading}</h3>") == heading
    # a "title" box that also holds the byline's date is not the heading
    assert title(site, f'<div class="title">{heading} Senin, 09 Maret 2015</div>') == (
        "Pemerintah Kabupaten Wanasari :: Berita")
    # a page that names its story in og:title keeps it
    named = f'{site}<meta property="og:title" content="Nelayan Wanasari Terlindungi">'
    assert title(named, f"<h3>{heading}</h3>") == "Nelayan Wanasari Terlindungi"


def test_a_detail_title_that_cites_only_type_and_number_gets_its_subject() -> None:
    body = (b"<html><head><title>Keputusan Bupati 188.45/217/HK/2024</title></head><body>"
            b"<dl><dt>Jenis Dokumen</dt><dd>Keputusan Bupati</dd><dt>Nomor</dt>"
            b"<dd>188.45/217/HK/2024</dd><dt>Tahun</dt><dd>2024</dd><dt>Tentang</dt>"
            b"<dd>Penetapan Penerima Bantuan Iuran</dd><dt>Penandatangan</dt>"
            b"<dd>Bupati Wanasari</dd></dl></body></html>")
    doc = extract(body, "https://jdih.wanasarikab.go.id/dokumen/217")
    assert doc is not None and doc.title == (
        "Keputusan Bupati Nomor 188.45/217/HK/2024 tentang Penetapan Penerima Bantuan Iuran")


def test_a_tables_heading_row_is_not_a_label_and_its_value() -> None:
    # "No | Status | Peraturan" heads the status table; "No" must not become the number
    body = (b"<html><body><table><thead><tr><th>No</th><th>Status</th><th>Peraturan</th>"
            b"</tr></thead><tbody><tr><td>1</td><td>Mengubah</td><td>Perda Nomor 8 Tahun "
            b"2017</td></tr></tbody></table><table><tr><th>Nomor</th><td>5</td></tr><tr>"
            b"<th>Tahun</th><td>2022</td></tr></table></body></html>")
    fields = read_label_values(html.fromstring(body))
    assert fields["number"] == "5"


def test_a_bracketed_short_form_in_a_detail_title_keeps_it_a_citation() -> None:
    body = (b"<html><head><title>Perda Kab. Wanasari No. 3 Tahun 2023</title></head><body>"
            b"<table><tr><td>Judul</td><td>Peraturan Daerah (PERDA) Kabupaten Wanasari Nomor 3 "
            b"Tahun 2023 tentang Perlindungan Jaminan Sosial</td></tr><tr><td>Nomor</td>"
            b"<td>3</td></tr><tr><td>Tahun</td><td>2023</td></tr><tr><td>Status</td>"
            b"<td>Berlaku</td></tr></table></body></html>")
    doc = extract(body, "https://peraturan.contoh.go.id/Details/287514/perda-3-2023")
    assert doc is not None and doc.kind == "regulation"
    assert (doc.doc_type, doc.region, doc.number, doc.year) == (
        "Perda", "Kabupaten Wanasari", "3", 2023)


def test_label_and_value_divs_read_across_a_separator_div() -> None:
    rows = "".join(
        f'<div class="row"><div class="label">{label}</div><div class="sep">:</div>'
        f'<div class="value">{value}</div></div>'
        for label, value in (("Jenis / Bentuk Peraturan", "Peraturan Bupati"), ("Nomor", "31"),
                             ("Tahun", "2021"), ("Status", "Dicabut"),
                             ("Judul", "Perlindungan Jaminan Sosial Pekerja Rentan")))
    body = f"<html><body><h1>Detail Produk Hukum</h1>{rows}</body></html>".encode()
    fields = read_label_values(html.fromstring(body))
    assert (fields["doc_type"], fields["number"], fields["year"], fields["status"]) == (
        "Peraturan Bupati", "31", "2021", "Dicabut")
    doc = extract(body, "https://jdih.wanasarikab.go.id/produk-hukum/detail/31")
    assert doc is not None and doc.kind == "regulation" and doc.number == "31"


def test_a_section_heading_after_the_first_paragraph_is_not_the_pages_title() -> None:
    body = ("<html><head><title>Layanan | Disnaker Wanasari</title></head><body>"
            "<div class='menu'>Beranda Profil Layanan</div><div class='box'>"
            "<h2>Persyaratan Pendaftaran Bantuan Iuran bagi Pekerja Rentan</h2>"
            f"<div class='konten'>{STORY}<h3>B. Alur Pendaftaran Peserta</h3>"
            "<ol><li>Calon peserta menyerahkan berkas ke kantor desa.</li>"
            "<li>Dinas memverifikasi data dan mendaftarkan peserta.</li></ol></div></div>"
            "</body></html>").encode()
    doc = extract(body, "https://disnaker.wanasarikab.go.id/layanan/bantuan-iuran")
    assert doc is not None
    assert doc.title == "Persyaratan Pendaftaran Bantuan Iuran bagi Pekerja Rentan"


def test_the_byline_before_the_story_beats_a_sidebar_date_printed_earlier() -> None:
    body = (b"<html><body><table><tr><td class='kiri'><div class='agenda'>"
            b"<span class='tanggal'>Senin, 3 November 2025</span> Rapat paripurna</div></td>"
            b"<td><table><tr><td class='judul'>Santunan bagi ahli waris pekerja rentan</td></tr>"
            b"<tr><td class='info'>Senin, 17 November 2025 09:30 WIB &nbsp;|&nbsp; Penulis : "
            b"Sri Wahyuningsih &nbsp;|&nbsp; Dibaca : 412 kali</td></tr><tr><td><div>"
            + STORY.encode() + b"</div></td></tr></table></td></tr></table></body></html>")
    doc = extract(body, "https://tirtamulya.go.id/berita/baca/santunan")
    wib = dt.timezone(dt.timedelta(hours=7))
    assert doc is not None and doc.published_at == dt.datetime(2025, 11, 17, 9, 30, tzinfo=wib)
    assert doc.author == "Sri Wahyuningsih"  # a labelled segment between "|" separators


def test_a_metadata_time_is_given_in_the_zone_the_page_prints() -> None:
    wita = dt.timezone(dt.timedelta(hours=8))

    def published(meta_time: str, shown: str) -> dt.datetime | None:
        head = f'<meta property="article:published_time" content="{meta_time}">'
        return _story(head, f"<h1>Sosialisasi nelayan</h1><div class='date'>{shown}</div>"
                      ).published_at

    # the same moment: UTC in the metadata, WITA on the page
    assert published("2025-11-19T02:12:44+00:00", "Rabu, 19 November 2025 10:12 WITA") == (
        dt.datetime(2025, 11, 19, 10, 12, 44, tzinfo=wita))
    # the same clock time under the server's offset: the page's zone is the one meant
    assert published("2025-01-14T10:15:00+07:00", "Selasa, 14 Januari 2025 | 10:15 WITA") == (
        dt.datetime(2025, 1, 14, 10, 15, tzinfo=wita))
    # another time printed (another story's) changes nothing
    assert published("2025-01-14T10:15:00+07:00", "Selasa, 14 Januari 2025 | 08:40 WITA") == (
        dt.datetime(2025, 1, 14, 10, 15, tzinfo=dt.timezone(dt.timedelta(hours=7))))


def test_an_outlet_or_its_desk_is_the_author_only_when_no_writer_is_printed() -> None:
    def author(ld_author: str, byline: str) -> str | None:
        head = ('<meta property="og:site_name" content="WartaIndonesia"><script type='
                '"application/ld+json">{"@type": "NewsArticle", "headline": "Sosialisasi", '
                f'"author": {ld_author}}}</script>')
        return _story(head, f"<h1>Sosialisasi nelayan</h1>{byline}").author

    outlet = '{"@type": "Organization", "name": "WartaIndonesia"}'
    desk = '{"@type": "Person", "name": "Redaksi BaliNusa"}'
    writer = ('<div class="ak-penulis"><a href="/profil/dian">Dian Puspitasari</a> | '
              "WartaIndonesia</div>")
    assert author(outlet, writer) == "Dian Puspitasari"
    assert author(outlet, "") is None  # the outlet itself is no writer
    assert author(desk, "<p>Penulis : Ni Kadek Ayu Lestari<br>Editor : Gede Arya</p>") == (
        "Ni Kadek Ayu Lestari")
    assert author(desk, "") == "Redaksi BaliNusa"  # nothing better printed


def test_a_story_declared_as_a_webpage_still_gives_its_writer_and_date() -> None:
    ld = ('[{"@type": "WebPage", "headline": "Sosialisasi", "datePublished": '
          '"2025-11-13T10:47:12+07:00", "author": [{"@type": "Person", "name": '
          '"Rizky Ananda Putra"}]}]')
    doc = _story(f'<meta property="og:type" content="article"><script type='
                 f'"application/ld+json">{ld}</script>', "<h1>Sosialisasi nelayan</h1>")
    wib = dt.timezone(dt.timedelta(hours=7))
    assert doc.published_at == dt.datetime(2025, 11, 13, 10, 47, 12, tzinfo=wib)
    assert doc.author == "Rizky Ananda Putra"
    # a WebPage's date alone does not make a standing page news (SEO plugins date every page)
    body = ('<html><head><script type="application/ld+json">{"@type": "WebPage", '
            '"datePublished": "2024-01-05T08:00:00+07:00"}</script></head><body><main>'
            f"{STORY * 4}</main></body></html>").encode()
    page = extract(body, "https://disnaker.wanasarikab.go.id/tugas-dan-fungsi")
    assert page is not None and page.kind == "other"


def test_a_ministers_rule_on_a_detail_page_is_named_and_identified_with_its_ministry() -> None:
    body = (b"<html><body><h1>Detail Peraturan</h1><table><tr><th>Jenis</th><td>Peraturan "
            b"Menteri Ketenagakerjaan</td></tr><tr><th>Nomor</th><td>5</td></tr><tr><th>Tahun"
            b"</th><td>2021</td></tr><tr><th>Tentang</th><td>Tata Cara Penyelenggaraan Program "
            b"Jaminan Kecelakaan Kerja</td></tr><tr><th>Status</th><td>Berlaku</td></tr>"
            b"</table></body></html>")
    doc = extract(body, "https://peraturan.contoh.go.id/id/permenaker-no-5-tahun-2021")
    assert doc is not None and doc.id == "permenaker-2021-5"  # the id its citations make
    assert doc.title == ("Peraturan Menteri Ketenagakerjaan Nomor 5 Tahun 2021 tentang Tata "
                         "Cara Penyelenggaraan Program Jaminan Kecelakaan Kerja")


def test_a_byline_of_icon_separated_items_gives_the_writer() -> None:
    def author(line: str) -> str | None:
        head = '<meta property="og:type" content="article">'
        return _story(head, f"<h1>Sosialisasi nelayan</h1><p class='meta'>{line}</p>").author

    assert author('<i class="fa fa-user"></i> Asep Saepudin &nbsp;<i class="fa fa-clock-o">'
                  "</i> 13 November 2025 &nbsp;<i class=\"fa fa-eye\"></i> Dibaca 87 Kali"
                  ) == "Asep Saepudin"
    assert author('<i class="icon-calendar"></i> Senin, 17 November 2025 - 10:45 WITA &nbsp; '
                  '<i class="icon-user"></i> Penulis: Rahmat Hidayat &nbsp; <i class='
                  '"icon-camera"></i> Foto: Tim Dokpim') == "Rahmat Hidayat"


PROSE = ("<p>Pejabat Pengelola Informasi dan Dokumentasi Kabupaten Wanasari menyampaikan "
         "informasi serta merta kepada masyarakat tanpa penundaan, sebagaimana diamanatkan "
         "undang-undang keterbukaan informasi publik.</p>")


def test_a_table_between_two_blocks_of_prose_is_part_of_the_text() -> None:
    table = ('<div class="table-1"><table><tr><th>No</th><th>Jenis Informasi</th></tr>'
             "<tr><td>1</td><td>Peringatan dini cuaca ekstrem</td></tr><tr><td>2</td>"
             "<td>Jalur evakuasi bencana</td></tr></table></div>")
    related = ('<div class="related-posts"><ul><li><a href="/a">Berita lain tentang banjir '
               'di desa</a></li><li><a href="/b">Berita lain tentang jembatan</a></li></ul></div>')
    body = (f"<html><body><div class='menu'><a href='/'>Beranda</a></div><div class='col'>"
            f"<div class='fusion-text'>{PROSE}</div>{table}{related}<div class='fusion-text'>"
            f"{PROSE.replace('menyampaikan', 'mengumumkan')}</div></div></body></html>")
    text = main_text(body.encode())
    assert "1 Peringatan dini cuaca ekstrem" in text and "mengumumkan" in text
    assert "Berita lain" not in text  # links between the blocks stay out


def test_every_tab_panel_of_a_detail_page_is_its_text() -> None:
    body = ('<html><body><div class="card"><ul class="tabs"><li class="tab"><a href="#meta">'
            'Metadata</a></li><li class="tab"><a href="#abstrak">Abstrak</a></li><li class='
            '"tab"><a href="#riwayat">Riwayat</a></li></ul><div class="card-content">'
            '<div id="meta"><ul><li><i class="material-icons">event</i><span>Tanggal '
            "Penetapan</span><p>12 Juni 2024</p></li></ul></div>"
            f'<div id="abstrak">{PROSE}{PROSE}</div><div id="riwayat"><p>14 Juni 2024 '
            "Diundangkan dalam Berita Daerah</p></div></div></div></body></html>")
    text = main_text(body.encode())
    assert "Tanggal Penetapan" in text and "Diundangkan dalam Berita Daerah" in text
    assert "event" not in text  # an icon font's ligature word is not text


def test_row_headings_are_labels_and_counters_are_not_text() -> None:
    body = ("<html><body><div class='card-body'><h1>Peraturan Menteri Ketenagakerjaan Nomor 5 "
            "Tahun 2021</h1><table><tr><th scope='row'>Nomor</th><td>5</td></tr><tr><th "
            "scope='row'>Status</th><td>Berlaku</td></tr></table><div class='small'><span>"
            "Dilihat 18.732 kali</span> <span>Diunduh 6.415 kali</span></div></div>"
            "</body></html>")
    assert main_text(body.encode()).split("\n\n") == ["Nomor: 5", "Status: Berlaku"]


def test_search_results_with_snippets_are_a_listing_of_whole_entries() -> None:
    items = "".join(
        f'<li class="search-item"><h2><a href="/read/{i}">BP<b>Jamsostek</b> {title}</a></h2>'
        f'<time class="date">Kamis, 20 November 2025 - 16:40 WIB</time><p class="snippet">'
        f"Ringkasan berita tentang {title.lower()}, dengan kutipan dari narasumber.</p>"
        f'<div class="actions"><a class="btn" href="/read/{i}">Baca Selengkapnya</a>'
        f'<span class="view-count">{900 - i}</span></div></li>'
        for i, title in enumerate(ENTRY_TITLES))
    body = _listing_page(f'<ul class="list-search">{items}</ul>')
    blocks = main_text(body).split("\n\n")
    assert blocks[0] == (f"BPJamsostek {ENTRY_TITLES[0]} Kamis, 20 November 2025 - 16:40 WIB "
                         f"Ringkasan berita tentang {ENTRY_TITLES[0].lower()}, dengan kutipan "
                         "dari narasumber.")
    assert len(blocks) == len(ENTRY_TITLES)


def test_inline_boxes_that_touch_stay_apart() -> None:
    cards = "".join(
        f'<div class="item"><div class="tgl"><span>{day}</span><span>Nov</span><span>2025'
        f'</span></div><h3><a href="/p/{i}">{title}</a></h3></div>'
        for i, (day, title) in enumerate(zip((18, 14, 11, 7, 3), ENTRY_TITLES, strict=True)))
    text = main_text(_listing_page(f'<div class="list">{cards}</div>'))
    assert text.split("\n\n")[0] == f"18 Nov 2025 {ENTRY_TITLES[0]}"


def test_the_h1_at_the_top_is_the_headline_though_og_title_words_it_otherwise() -> None:
    head = '<meta property="og:title" content="Permenaker 5/2021 | JDIH">'
    value = "Peraturan Menteri Ketenagakerjaan Nomor 5 Tahun 2021 tentang Jaminan Kecelakaan Kerja"
    body = (f"<html><head>{head}</head><body><div class='card-body'><p>Permenaker</p>"
            f"<h1>{value}</h1><div class='row'><div>Jenis</div><div>Peraturan Menteri</div>"
            f"</div><div class='row'><div>Judul</div><div>{value}</div></div>{PROSE}</div>"
            "</body></html>")
    blocks = main_text(body.encode()).split("\n\n")
    assert blocks.count(value) == 1 and blocks.index(value) > blocks.index("Judul")


def test_a_card_that_is_mostly_a_table_between_prose_cards_is_text() -> None:
    card = ('<div class="layanan-box"><h4>Standar Pelayanan</h4><table><tr><td>Waktu penyelesaian'
            "</td><td>30 hari kerja sejak berkas diterima lengkap</td></tr><tr><td>Biaya</td>"
            "<td>Tidak dipungut biaya</td></tr></table></div>")
    body = (f"<html><body><div class='col'><div class='card'>{PROSE}</div>{card}"
            f"<div class='card'>{PROSE.replace('menyampaikan', 'mengumumkan')}</div></div>"
            "</body></html>")
    assert "Biaya Tidak dipungut biaya" in main_text(body.encode())


def test_a_main_block_holding_only_a_loading_line_gives_way_to_the_text() -> None:
    rows = "".join(f'<li><span class="lbl">{label}</span> : {value}</li>' for label, value in (
        ("Jenis", "Peraturan Bupati"), ("Nomor", "41"), ("Tahun", "2024"),
        ("Tentang", "Tata Cara Pemberian Bantuan Iuran Jaminan Sosial bagi Pekerja Rentan"),
        ("Tanggal Ditetapkan", "18 September 2024"), ("Status", "Berlaku"),
        ("Keterangan", "Mencabut Peraturan Bupati Nomor 17 Tahun 2021")))
    body = ('<html><body><div id="vw-side"><ul class="info">' + rows + '</ul></div>'
            '<div id="vw-main"><div class="loading-msg">Dokumen sedang dimuat, mohon tunggu...'
            '</div><iframe src="/pdfjs/viewer.html?file=x.pdf"></iframe></div></body></html>')
    text = main_text(body.encode())
    # the metadata is the text (the loading line may stay, when the block that wins holds it)
    assert "Tanggal Ditetapkan : 18 September 2024" in text


def test_a_full_text_named_after_its_own_heading_keeps_the_heading() -> None:
    name = ("Instruksi Bupati Wanasari Nomor 3 Tahun 2026 tentang Optimalisasi Pelaksanaan "
            "Program Jaminan Sosial Ketenagakerjaan")
    body = (f'<html><head><meta property="og:title" content="{name}"></head><body>'
            f"<h1>{name}</h1><div class='post-content'><p><strong>{name.upper()}</strong></p>"
            "<p>Dalam rangka melaksanakan Instruksi Presiden Nomor 2 Tahun 2021, dengan ini "
            "menginstruksikan:</p><p>Kepada : Camat se-Kabupaten Wanasari</p><p>Untuk :</p>"
            "<p>KESATU: Mendata pekerja rentan di wilayah masing-masing.</p><p>KEDUA: Melaporkan "
            "hasilnya kepada Bupati setiap enam bulan.</p><p>Dikeluarkan di Wanasari pada "
            "tanggal 2 Maret 2026</p></div></body></html>").encode()
    doc = extract(body, "https://jdih.wanasarikab.go.id/inbup-3-2026")
    assert doc is not None and doc.kind == "regulation"
    assert (doc.doc_type, doc.number, doc.year) == ("Inbup", "3", 2026)
    assert [p.anchor for p in doc.parts if p.kind == "diktum"] == ["diktum-1", "diktum-2"]


def test_a_label_box_and_a_value_box_are_a_pair() -> None:
    cards = "".join(
        f'<div class="card"><div class="card-header"><small>{label}</small></div>'
        f'<div class="card-body"><p class="card-text">{value}</p></div></div>'
        for label, value in (("Nomor Peraturan", "7"), ("Jenis / Bentuk Peraturan",
                                                        "Peraturan Daerah"), ("Tahun", "2025")))
    fields = read_label_values(html.fromstring(f"<html><body>{cards}</body></html>"))
    assert (fields["number"], fields["doc_type"], fields["year"]) == ("7", "Peraturan Daerah",
                                                                      "2025")


def test_a_long_run_of_counter_like_words_is_read_at_once() -> None:
    # each space of the counter pattern has one place to go: 30 repeats, then no match
    line = "Dilihat 12 kali | " * 30 + "z"
    body = f"<html><body><article>{PROSE}<p>{line}</p></article></body></html>".encode()
    assert line.strip() in main_text(body)
    assert main_text(f"<html><body>{PROSE}<p>{'views   1 ' * 30}z</p></body></html>")


def test_an_entrys_data_beside_icons_stays_and_only_its_controls_go() -> None:
    rows = "".join(
        f'<tr><td>{i}</td><td><a href="/produk/{i}">Peraturan Bupati tentang Hal Nomor {i} '
        f'yang diatur</a></td><td><i class="fa fa-hashtag"></i> {i + 10}</td><td><span class='
        f'"badge"><i class="fa fa-calendar"></i> 2024</span></td><td><a class="btn-link" href='
        f'"/produk/{i}">Perbup No. {i}</a></td><td><span><i class="fa fa-eye"></i> 312</span>'
        f'<a class="btn btn-primary" href="/unduh/{i}">Unduh</a></td></tr>' for i in range(1, 7))
    text = main_text(_listing_page(f'<table class="table"><tbody>{rows}</tbody></table>'))
    assert text.split("\n\n")[0] == (
        "Peraturan Bupati tentang Hal Nomor 1 yang diatur 11 2024 Perbup No. 1")


def test_a_short_page_keeps_its_own_line_beside_a_longer_widget() -> None:
    about = "Dinas Tenaga Kerja Kabupaten Wanasari melayani pencari kerja. " * 5
    body = ('<html><body><div class="container"><div id="content" class="main-content">'
            "<h1>Jam Layanan</h1><p>Jam layanan: Senin-Jumat 08.00-15.00 WITA.</p></div>"
            f'<div class="col-md-4"><h3>Tentang Kami</h3><p>{about}</p></div></div>'
            "</body></html>")
    assert main_text(body.encode()).startswith("Jam layanan: Senin-Jumat")


def test_a_news_headline_in_capitals_is_still_the_headline() -> None:
    head = '<meta property="og:title" content="BUPATI GIANYAR RESMIKAN PASAR BARU">'
    body = (f"<html><head>{head}</head><body><div class='isi'><h1>BUPATI GIANYAR RESMIKAN "
            f"PASAR BARU</h1>{STORY}</div></body></html>")
    assert main_text(body.encode()).startswith("Pemerintah Kabupaten Wanasari")


def test_a_value_box_may_hold_a_colon() -> None:
    rows = "".join(f'<div class="col-4">{label}</div><div class="col-8"><p>{value}</p></div>'
                   for label, value in (("Judul", "Perubahan Kedua atas Peraturan Bupati Nomor "
                                         "3 Tahun 2020: Tata Cara Pemungutan Pajak"),
                                        ("Nomor", "7")))
    fields = read_label_values(html.fromstring(f'<html><body><div class="row">{rows}</div>'
                                               "</body></html>"))
    assert fields["title"].endswith("2020: Tata Cara Pemungutan Pajak")


def test_the_outlet_is_known_by_its_domain_too() -> None:
    head = ('<meta property="og:type" content="article"><meta property="og:site_name" '
            'content="okewarta.co.id"><meta name="author" content="Okewarta">')
    byline = ('<div class="namerep"><a href="/author/fahmi" class="ga_author">Fahmi Ramadhan '
              "Siregar</a> , Jurnalis</div>")
    assert _story(head, f"<h1>Sosialisasi nelayan</h1>{byline}").author == (
        "Fahmi Ramadhan Siregar")


def test_an_accordions_closed_panels_and_their_buttons_words_are_text() -> None:
    requirements = "".join(
        f"<li>{item} yang masih berlaku dan telah ditandatangani pimpinan perusahaan;</li>"
        for item in ("Formulir pendaftaran perusahaan", "Fotokopi Nomor Induk Berusaha",
                     "Fotokopi NPWP perusahaan", "Daftar nama pekerja beserta NIK dan upah",
                     "Fotokopi KTP masing-masing pekerja", "Surat kuasa bila dikuasakan"))
    answers = (f"A. Pendaftaran oleh pemberi kerja:</p><ul>{requirements}</ul><p>B. Pekerja "
               "mandiri: KTP elektronik asli dan nomor telepon seluler yang aktif.",
               "Pemohon mengambil nomor antrean lalu menuju gerai sesuai nomor yang dipanggil.",
               "Tidak dipungut biaya; iuran dibayar langsung sesuai ketentuan.",
               "Kurang lebih lima belas menit untuk setiap pemohon yang berkasnya lengkap.")
    closed = ' style="display: none;"'
    items = "".join(
        f'<div class="border rounded-xl overflow-hidden"><h3><button type="button" '
        f'aria-expanded="{"true" if i == 0 else "false"}" aria-controls="panel-{i}">'
        f'<span>{heading}</span></button></h3><div id="panel-{i}" class="px-5"'
        f'{"" if i == 0 else closed}><p>{answer}</p></div></div>'
        for i, (heading, answer) in enumerate(zip(
            ("Persyaratan", "Alur Pelayanan", "Biaya / Tarif", "Waktu Penyelesaian"), answers,
            strict=True)))
    page = ('<html><body><header><button aria-expanded="false" aria-controls="menu-utama">'
            'Menu</button><div id="menu-utama" class="dropdown-menu" style="display:none">'
            '<a href="/a">Profil Dinas Tenaga Kerja</a></div></header><article><h1>Pendaftaran '
            'Peserta BPJS Ketenagakerjaan</h1><p>Layanan pendaftaran kepesertaan di Mal '
            'Pelayanan Publik diperuntukkan bagi pemberi kerja maupun pekerja mandiri.</p>'
            f'<div class="space-y-3">{items}</div></article></body></html>')
    blocks = main_text(page.encode()).split("\n\n")
    assert blocks[0].startswith("Layanan pendaftaran kepesertaan")
    for heading, answer in zip(("Persyaratan", "Alur Pelayanan", "Biaya / Tarif",
                                "Waktu Penyelesaian"), answers, strict=True):
        assert heading in blocks and answer.split("<")[0] in blocks
    assert not any("Profil Dinas" in block for block in blocks)  # a menu it opens is no panel


def test_a_labelled_value_that_is_all_links_is_still_the_value() -> None:
    amended = ("Peraturan Pemerintah Nomor 82 Tahun 2019 tentang Perubahan atas Peraturan "
               "Pemerintah Nomor 44 Tahun 2015")
    body = ("<html><body><main><table><tr><th>Jenis/Bentuk Peraturan</th><td>PERATURAN "
            "PEMERINTAH</td></tr><tr><th>Pemrakarsa</th><td>KEMENTERIAN KETENAGAKERJAAN</td>"
            "</tr><tr><th>Tentang</th><td>Penyelenggaraan Program Jaminan Kecelakaan Kerja dan "
            "Jaminan Kematian</td></tr><tr><th>Pejabat yang Menetapkan</th><td>PRESIDEN "
            "REPUBLIK INDONESIA</td></tr><tr><th>Nomor</th><td>44</td></tr><tr><th>Tahun</th>"
            "<td>2015</td></tr><tr><th>Status</th><td>Berlaku</td></tr><tr><th>Diubah dengan"
            f'</th><td><ol><li><a href="/pp-82-2019">{amended}</a></li></ol></td></tr>'
            "<tr><th>Dilihat</th><td>1.234 kali</td></tr></table></main></body></html>")
    blocks = main_text(body.encode()).split("\n\n")
    assert f"Diubah dengan: {amended}" in blocks
    assert not any("1.234" in block for block in blocks)  # a counter is no value


def test_text_for_screen_readers_only_is_not_text() -> None:
    entries = "".join(
        f'<article class="post"><h2><a href="/p/{i}">{title}</a></h2><p>Ringkasan berita '
        f'nomor {i} tentang perlindungan pekerja...</p><a href="/p/{i}" class="more-link">Baca '
        f'Selengkapnya &raquo;<span class="screen-reader-text">{title}</span></a></article>'
        for i, title in enumerate(ENTRY_TITLES))
    text = main_text(_listing_page(f'<main><span class="sr-only">Konten utama</span>{entries}'
                                   "</main>"))
    assert text.split("\n\n")[0] == (f"{ENTRY_TITLES[0]} Ringkasan berita nomor 0 tentang "
                                     "perlindungan pekerja...")
    assert "Selengkapnya" not in text and "Konten utama" not in text


def test_a_short_headline_in_capitals_is_dropped_unlike_a_circulars_letterhead() -> None:
    body = ('<html><head><meta property="og:title" content="GUBERNUR TINJAU PELABUHAN"></head>'
            "<body><div class='isi'><h1>GUBERNUR TINJAU PELABUHAN</h1><p>Gubernur meninjau "
            "pelabuhan dan meminta semua buruh bongkar muat didaftarkan dalam program jaminan "
            "sosial ketenagakerjaan sebelum akhir tahun anggaran berjalan.</p></div></body></html>")
    assert main_text(body.encode()).startswith("Gubernur meninjau pelabuhan")


def test_a_heading_that_says_the_seo_title_in_full_is_the_title() -> None:
    body = ("<p>Puji syukur kami panjatkan atas terbitnya laman resmi pemerintah kabupaten, "
            "sarana informasi pelayanan publik bagi seluruh masyarakat dan dunia usaha.</p>"
            "<p>Melalui laman ini warga dapat mengikuti program pembangunan daerah, termasuk "
            "perlindungan jaminan sosial ketenagakerjaan bagi pekerja rentan di desa.</p>"
            "<p>Kami mengajak seluruh perangkat daerah menyajikan data yang mutakhir, terbuka "
            "dan mudah dipahami, agar pelayanan publik makin dekat dengan masyarakat.</p>")

    def page(og_title: str, h1: str) -> bytes:
        return (f'<html><head><title>{og_title} | Pemkab Batu Kencana</title><meta property='
                f'"og:title" content="{og_title}"></head><body><nav><ul>{MENU}</ul></nav>'
                f'<main><h1>{h1}</h1>{body}</main></body></html>').encode()

    # the SEO title cut short: the printed heading beginning with all its words is the title
    doc = extract(page("Sambutan Bupati", "Sambutan Bupati Batu Kencana"),
                  "https://batukencanakab.go.id/sambutan-bupati")
    assert doc is not None and doc.title == "Sambutan Bupati Batu Kencana"
    doc = extract(page("Kedudukan Peraturan Kepala Daerah | JDIH Kota Sela",
                       "Kedudukan Peraturan Kepala Daerah dalam Perluasan Kepesertaan"),
                  "https://jdih.selakota.go.id/artikel/kedudukan")
    assert doc is not None and doc.title == (
        "Kedudukan Peraturan Kepala Daerah dalam Perluasan Kepesertaan")
    # a heading that only shares a first word, or runs on inside a word, is not it
    doc = extract(page("Sambutan Bupati", "Sambutan Bupatinya"),
                  "https://batukencanakab.go.id/sambutan")
    assert doc is not None and doc.title == "Sambutan Bupati"
