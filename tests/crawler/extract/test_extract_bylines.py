"""Publication dates printed at the story, where the page's markup puts them.

Each case is a general idiom met in a blind page set (set L): the byline inside the block that
holds the story, a byline in a column that also holds a "Baca juga" link, a dated photo
caption between the byline and the text, a meta time without a zone, a video news page.
"""

from __future__ import annotations

import datetime as dt

from crawler.extract import extract

WIB = dt.timezone(dt.timedelta(hours=7))
WITA = dt.timezone(dt.timedelta(hours=8))
PROSE = ("<p>Pemerintah daerah diminta mengalokasikan iuran jaminan sosial bagi pekerja rentan "
         "dalam anggaran tahun depan, kata kepala dinas dalam rapat kerja bersama DPRD.</p>"
         "<p>Sebanyak 2.340 pekerja kini tercatat sebagai peserta BPJS Ketenagakerjaan, dan "
         "jumlah itu ditargetkan naik dua kali lipat hingga akhir tahun anggaran berjalan.</p>"
         "<p>Menurut dia, perlindungan itu penting karena risiko kecelakaan kerja di sektor "
         "informal tinggi, sementara sebagian besar pekerja belum terdaftar sama sekali.</p>")
URL = "https://warta.example.id/berita/2026/pekerja-rentan"


def test_a_byline_inside_the_story_block_beats_the_sites_date_of_today() -> None:
    page = ('<html><head><meta name="content_PublishedDate" content="2026-11-17 19:20:00">'
            '</head><body><div class="header__date">Rabu, 18 November 2026</div>'
            '<div class="read"><h1>Pemda Diminta Alokasikan Iuran Pekerja Rentan</h1>'
            '<div class="read__info">Selasa, 17 November 2026 | 19:20 WIB</div>'
            f'{PROSE}</div></body></html>')
    doc = extract(page.encode(), URL)
    assert doc is not None and doc.published_at == dt.datetime(2026, 11, 17, 19, 20,
                                                               tzinfo=WIB)


def test_a_byline_in_a_column_with_a_related_link_is_still_the_byline() -> None:
    page = ('<html><body><div id="kiri"><div class="judul"><h1>Ribuan Pekerja Proyek Desa '
            'Terlindungi</h1></div><div class="info-berita">Jumat, 20 November 2026 | 10:22 '
            'WITA | Wartawan: I Komang Adi | Dibaca: 1.287 kali</div><div class="isi-berita">'
            f'{PROSE}<p><strong>Baca Juga: <a href="/b/2">Disnaker Buka Pelatihan Tukang '
            'Bersertifikat, Kuota 120 Orang</a></strong></p></div></div></body></html>')
    doc = extract(page.encode(), "https://radar.example.id/2026/berita")
    assert doc is not None and doc.published_at == dt.datetime(2026, 11, 20, 10, 22,
                                                               tzinfo=WITA)


def test_a_dated_photo_caption_between_byline_and_text_is_not_the_date() -> None:
    page = ('<html><body><article><h1>Pansus Bahas Ranperda Jaminan Sosial</h1><div class='
            '"flex gap-2"><span>Tim Humas</span><span>Kamis, 19 November 2026 - 13:15 WIB</span>'
            '</div><figure><img src="/f.jpg"><figcaption>Suasana rapat kerja, Kamis (19/11/'
            f'2026).</figcaption></figure><div class="body">{PROSE}</div></article>'
            '</body></html>')
    doc = extract(page.encode(), URL)
    assert doc is not None and doc.published_at == dt.datetime(2026, 11, 19, 13, 15,
                                                               tzinfo=WIB)


def test_a_video_news_page_is_a_document_with_its_date() -> None:
    more = "".join(f'<a class="card" href="/video/{i}"><img src="/t{i}.jpg"><h3>Video lain nomor '
                   f'{i} tentang pekerja dan jaminan sosial</h3></a>' for i in range(12))
    page = ('<html><head><meta property="og:type" content="video.other"><meta property='
            '"og:title" content="VIDEO: Ojol Ramai-ramai Daftar BPJS Ketenagakerjaan">'
            '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
            '"VideoObject", "name": "VIDEO: Ojol Ramai-ramai Daftar BPJS Ketenagakerjaan", '
            '"uploadDate": "2026-11-22T18:30:00+07:00"}</script></head><body><section class='
            '"main"><h1>VIDEO: Ojol Ramai-ramai Daftar BPJS Ketenagakerjaan</h1><div class='
            '"desc"><p>Ratusan pengemudi ojek daring memadati gerai layanan jemput bola BPJS '
            'Ketenagakerjaan di halaman gelanggang olahraga, Minggu. Mereka mendaftar sebagai '
            'peserta Bukan Penerima Upah.</p><p>Menurut petugas, lebih dari 600 pengemudi '
            'mendaftar dalam sehari setelah rekan mereka mengalami kecelakaan.</p></div>'
            f'<section class="more"><h2>Video Lainnya</h2>{more}</section></section>'
            '</body></html>')
    doc = extract(page.encode(), "https://tv.example.id/video/48812-ojol")
    assert doc is not None and doc.kind == "news"
    assert doc.published_at == dt.datetime(2026, 11, 22, 18, 30, tzinfo=WIB)
    assert doc.title == "VIDEO: Ojol Ramai-ramai Daftar BPJS Ketenagakerjaan"


def _standing(body_class: str, head: str = "", path: str = "/transparansi-anggaran/") -> str:
    page = (f'<html><head><meta property="og:type" content="article">{head}</head>'
            f'<body class="{body_class}"><article><h1>Transparansi Anggaran Desa</h1>'
            '<time datetime="2025-02-03T10:10:44+08:00">3 Februari 2025</time>'
            f'<div class="entry-content">{PROSE}</div></article></body></html>')
    doc = extract(page.encode(), f"https://desa.example.id{path}")
    assert doc is not None
    return doc.kind


def test_a_cms_standing_page_is_no_news_though_its_theme_says_article() -> None:
    # WordPress says which of its pages are standing pages ("page page-id-N") and which posts
    assert _standing("page-template-default page page-id-55") == "other"
    assert _standing("post-template-default single single-post postid-4187") == "news"
    # schema.org Article (Joomla prints it on every page) in a standing section: no news
    article = ('<script type="application/ld+json">{"@context": "https://schema.org", '
               '"@type": "Article", "headline": "Daftar Informasi Publik"}</script>')
    assert _standing("site", article, "/informasi-publik/daftar") == "other"
    assert _standing("site", article, "/acara/bimtek-operator-desa/") == "other"
    # a NewsArticle is a story wherever it sits
    news = article.replace('"Article"', '"NewsArticle"')
    assert _standing("site", news, "/informasi-publik/daftar") == "news"


def test_a_live_blogs_updates_with_links_to_themselves_are_its_story() -> None:
    url = "https://warta.example.id/live/2026/11/23/paripurna"
    updates = "".join(
        f'<article class="entry" id="update-{n}"><time datetime="2026-11-23T1{n}:00:00+07:00">'
        f'1{n}.00 WIB</time><h2>Perkembangan ke-{n} sidang paripurna</h2><p>Anggota dewan '
        f'membahas pasal ke-{n} rancangan perda perlindungan jaminan sosial pekerja.</p><div '
        f'class="entry__share"><a href="{url}#update-{n}" class="copy-link">Salin tautan</a>'
        '</div></article>' for n in range(5, 0, -1))
    page = (f'<html><head><meta property="og:type" content="article"></head><body><h1>LIVE: '
            'Paripurna Perda Jaminan Sosial</h1><div class="live"><p class="lead">Rapat paripurna '
            'DPRD hari ini mengagendakan penetapan perda tentang perlindungan jaminan sosial '
            f'ketenagakerjaan, diikuti ribuan buruh.</p><div class="entries">{updates}</div>'
            '</div></body></html>')
    doc = extract(page.encode(), url)
    assert doc is not None and doc.kind == "news"
    blocks = doc.text.split("\n\n")
    assert blocks[0].startswith("Rapat paripurna DPRD hari ini")
    assert "Perkembangan ke-1 sidang paripurna" in blocks and "Salin tautan" not in doc.text


def test_a_byline_in_brackets_names_the_writer_without_them() -> None:
    page = ("<html><body><article><h1>Pekerja Adat Didaftarkan</h1>"
            '<p class="penulis-editor">(Penulis: Komang Ayu Wulandari | Editor: I Gede '
            f"Parwata)</p>{PROSE}</article></body></html>")
    doc = extract(page.encode(), URL)
    assert doc is not None and doc.author == "Komang Ayu Wulandari"


def test_an_embedded_video_is_not_the_page_it_sits_in() -> None:
    video = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
             '"VideoObject", "name": "Sosialisasi BPJS", "uploadDate": "2019-03-01"}</script>')
    article = ('<html><head><meta property="og:type" content="article"><meta property='
               '"article:published_time" content="2026-11-22T18:30:00+07:00">'
               f'{video}</head><body><article><h1>Sosialisasi Jaminan Sosial</h1>{PROSE}'
               '</article></body></html>')
    doc = extract(article.encode(), URL)
    assert doc is not None and doc.published_at == dt.datetime(2026, 11, 22, 18, 30, tzinfo=WIB)
    teasers = "".join(f'<article class="post"><h2><a href="/b/{i}">Berita nomor {i} tentang '
                      f'jaminan sosial pekerja</a></h2><p>Ringkasan berita {i}...</p></article>'
                      for i in range(12))
    archive = (f"<html><head>{video}</head><body><main>{teasers}</main><nav class='pagination'>"
               '<a href="?page=2">2</a></nav></body></html>')
    assert extract(archive.encode(), "https://warta.example.id/kategori/ketenagakerjaan/") is None


def test_a_cms_post_is_news_though_its_slug_starts_like_a_standing_section() -> None:
    article = ('<script type="application/ld+json">{"@context": "https://schema.org", '
               '"@type": "Article", "headline": "Layanan BPJS di MPP Diresmikan"}</script>')
    assert _standing("post-template-default single single-post postid-4187", article,
                     "/layanan-bpjs-di-mpp-diresmikan/") == "news"


def _utc_story(printed: str) -> bytes:
    # WordPress writes article:published_time in UTC; the byline prints the local day only
    return ('<html><head><meta property="og:type" content="article"><meta property='
            '"article:published_time" content="2025-05-26T23:00:00+00:00"></head><body>'
            '<article><h1>Jaminan Sosial Pekerja Informal</h1><div class="entry-meta">'
            f'<span class="posted-on">{printed}</span> oleh Redaksi</div>{PROSE}</article>'
            '</body></html>').encode()


def test_a_utc_time_printed_as_the_next_local_day_is_that_days_moment() -> None:
    doc = extract(_utc_story("27 Mei 2025"), URL)
    assert doc is not None and doc.published_at is not None
    # the same moment, in the Indonesian zone whose day the page prints: 06:00 WIB
    assert doc.published_at == dt.datetime(2025, 5, 27, 6, 0, tzinfo=WIB)
    assert doc.published_at.date() == dt.date(2025, 5, 27)
    # printed as the UTC day, the time stays as the metadata gives it
    same = extract(_utc_story("26 Mei 2025"), URL)
    assert same is not None and same.published_at == dt.datetime(2025, 5, 26, 23, 0,
                                                                  tzinfo=dt.UTC)
