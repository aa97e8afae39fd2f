"""Render the site-wide files: landing page, about pages, robots.txt, sitemap, 404, stylesheet.

The sitemap uses root-relative `<loc>` paths because the demo is served on a different port
every run; Telusur's crawler resolves them against the sitemap's own URL.
"""

from __future__ import annotations

from corpus.demo._layout import NOINDEX, document, esc, jdih_page, news_page

STYLE = """\
body{font-family:system-ui,sans-serif;margin:0;color:#1d2433;line-height:1.5}
.site-header{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;padding:.8rem 1.5rem;
background:#0b4f6c;color:#fff}.site-header a{color:#fff}.site-header.news{background:#8a1c1c}
.brand a{font-weight:700;font-size:1.3rem;text-decoration:none}.tagline{display:block;
font-size:.8rem}.main-nav ul,.breadcrumb ol,.pagination ul,.list-inline,.tags ul{list-style:none;
display:flex;gap:.8rem;padding:0;margin:0}main{max-width:60rem;padding:1rem 1.5rem}
.breadcrumb{padding:.5rem 1.5rem;font-size:.85rem}.breadcrumb li+li:before{content:"/ "}
.card,.teaser{border-bottom:1px solid #dde;padding:.8rem 0}.badge{display:inline-block;
background:#e4eef5;border-radius:.3rem;padding:0 .4rem;font-size:.8rem}.alert.fiktif{
background:#fff4d6;border:1px solid #e0b94f;padding:.6rem}.table td,.table th{padding:.2rem
.5rem;text-align:left;vertical-align:top}.pasal{margin-top:1.2rem}.kop{text-align:center;font-weight:600;margin:.2rem}.ayat,.butir{margin-left:1.5rem}.diktum{margin-top:.8rem}
.layout{display:flex;gap:2rem}.sidebar{max-width:18rem;padding:1rem}.site-footer{
background:#f1f3f6;padding:1rem 1.5rem;font-size:.85rem}.footer-cols{display:flex;gap:3rem}
.pdf-container iframe{width:100%;height:30rem;border:1px solid #ccc}
"""


def render_landing(regulation_count: int, article_count: int) -> str:
    """Return the landing page linking the JDIH and the news site."""
    main = (
        "<h1>Situs Demo Telusur</h1>\n"
        "<p>Situs ini dibuat oleh tim Telusur agar seluruh alur mesin pencari (perayapan, "
        "ekstraksi, indeks, pencarian) dapat dicoba tanpa internet. Isinya bukan situs resmi "
        "pemerintah maupun media.</p>\n<ul>\n"
        f'<li><a href="/jdih/">JDIH Demo</a>: {regulation_count} produk hukum tentang jaminan '
        "sosial ketenagakerjaan (metadata dan ringkasan peraturan nyata, serta teks lengkap "
        "peraturan fiktif Kabupaten Contoh).</li>\n"
        f'<li><a href="/berita/">Warta Demo</a>: {article_count} berita tentang perlindungan '
        "pekerja di Kabupaten Gianyar dan Bali.</li>\n"
        '<li><a href="/tentang/">Tentang situs demo</a></li>\n</ul>\n'
        "<p class=\"en\" lang=\"en\">English: a demo site written by the Telusur team. It is "
        "not an official government or news site.</p>"
    )
    body = ('<body class="landing">\n<header class="site-header"><div class="brand">'
            '<a href="/">Telusur Demo</a></div></header>\n'
            f'<main id="content">\n{main}\n</main>\n</body>')
    return document("Situs Demo Telusur", body)


ABOUT_TEXT = (
    "<h1>Tentang situs demo</h1>\n"
    "<p>JDIH Demo dan Warta Demo dibuat oleh tim Telusur. Keduanya tidak resmi. JDIH Demo "
    "memuat metadata peraturan nyata yang pernah dilaporkan secara publik (jenis, nomor, "
    "tahun, judul, dan tanggal bila diketahui) beserta ringkasan yang kami tulis sendiri; "
    "data yang tidak diketahui ditulis \"-\". Teks lengkap yang tersedia hanyalah peraturan "
    "fiktif Kabupaten Contoh, Provinsi Contoh.</p>\n"
    "<p>Warta Demo merangkum dengan kata-kata sendiri fakta bertanggal yang diberitakan media "
    "lain; sumber aslinya dicatat dalam berkas data tim.</p>\n"
)


def render_static_pages() -> dict[str, str]:
    """Return the about pages, the disallowed search/admin pages and the 404 page."""
    pages = {
        "/tentang/": jdih_page("Tentang", ABOUT_TEXT, [("Beranda", "/"), ("Tentang", None)]),
        "/jdih/tentang/": jdih_page(
            "Tentang JDIH Demo",
            ABOUT_TEXT + '<p><a href="/jdih/feed/document.json">Feed JDIHN</a> tersedia untuk '
            "integrasi.</p>",
            [("Beranda", "/"), ("Produk Hukum", "/jdih/"), ("Tentang", None)]),
        "/berita/tentang/": news_page(
            "Redaksi", ABOUT_TEXT + "<p>Redaksi: Tim Telusur (fiktif).</p>",
            [("Beranda", "/"), ("Berita", "/berita/"), ("Redaksi", None)]),
        "/jdih/cari/": jdih_page(
            "Hasil pencarian",
            "<h1>Hasil pencarian</h1><p>Pencarian situs JDIH Demo hanya berfungsi di server "
            "asli. Halaman ini tidak boleh dirayapi (lihat robots.txt).</p>",
            [("Beranda", "/"), ("Pencarian", None)], head_extra=NOINDEX),
        "/admin/": document(
            "Admin", '<body><main><h1>Panel admin</h1><p>Area terbatas. Tidak boleh dirayapi.'
            "</p></main></body>", head_extra=NOINDEX),
    }
    pages["/404.html"] = document(
        "Halaman tidak ditemukan",
        '<body class="error">\n<main id="content"><h1>404 - Halaman tidak ditemukan</h1>'
        '<p>Halaman yang Anda cari tidak ada. Kembali ke <a href="/">beranda</a>, '
        '<a href="/jdih/">JDIH Demo</a> atau <a href="/berita/">Warta Demo</a>.</p>'
        "</main>\n</body>", head_extra=NOINDEX)
    return pages


def render_robots() -> str:
    """Return robots.txt: search results and the admin area are off limits."""
    return ("User-agent: *\nDisallow: /jdih/cari/\nDisallow: /admin/\n\n"
            "Sitemap: /sitemap.xml\n")


def render_sitemap(paths: list[str]) -> str:
    """Return a sitemap listing `paths` as root-relative locations."""
    urls = "\n".join(f"<url><loc>{esc(p)}</loc></url>" for p in paths)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{urls}\n</urlset>\n")
