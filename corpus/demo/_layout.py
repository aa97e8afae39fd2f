"""Shared page furniture of the demo site: escaping, Indonesian dates, page shells, pagination.

The shells carry the boilerplate real sites have (navigation, search form, breadcrumbs,
footer links) so the extractor has something to strip. Every link is root-relative.
"""

from __future__ import annotations

import datetime as dt
import html
import re

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt",
                "Nov", "Des")
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


NOINDEX = '<meta name="robots" content="noindex, follow">\n'


def esc(text: str) -> str:
    """Escape text for HTML element content and attribute values."""
    return html.escape(text, quote=True)


def parse_date(value: str) -> dt.date:
    """Parse an ISO date (YYYY-MM-DD)."""
    return dt.date.fromisoformat(value)


def date_long(value: str | None) -> str:
    """Format as "24 November 2024", or "-" when unknown."""
    if not value:
        return "-"
    day = parse_date(value)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def date_with_weekday(value: str) -> str:
    """Format as "Minggu, 24 November 2024"."""
    return f"{DAYS[parse_date(value).weekday()]}, {date_long(value)}"


def date_slash(value: str, time: str) -> str:
    """Format as "24/11/2024 10:15 WITA"."""
    day = parse_date(value)
    return f"{day.day:02d}/{day.month:02d}/{day.year} {time} WITA"


def date_short(value: str, time: str) -> str:
    """Format as "24 Nov 2024 | 10:15 WITA"."""
    day = parse_date(value)
    return f"{day.day} {SHORT_MONTHS[day.month - 1]} {day.year} | {time} WITA"


def slug_of(text: str) -> str:
    """Return a URL slug for a tag or title."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def render_blocks(text: str) -> str:
    """Render light markup: blank-line paragraphs, "## " subheadings and "- " lists."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("## "):
            out.append(f"<h2>{esc(lines[0][3:])}</h2>")
            lines = lines[1:]
            if not lines:
                continue
        if all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{esc(line[2:])}</li>" for line in lines)
            out.append(f"<ul>{items}</ul>")
        else:
            out.append(f"<p>{esc(' '.join(lines))}</p>")
    return "\n".join(out)


def pagination(base: str, page: int, pages: int) -> str:
    """Return a pagination nav: page 1 is `base`, page n is `base + "page/n/"`."""
    if pages <= 1:
        return ""

    def href(n: int) -> str:
        return base if n == 1 else f"{base}page/{n}/"

    items = []
    if page > 1:
        items.append(f'<li><a rel="prev" href="{href(page - 1)}">&laquo; Sebelumnya</a></li>')
    for n in range(1, pages + 1):
        if n == page:
            items.append(f'<li class="active"><span aria-current="page">{n}</span></li>')
        else:
            items.append(f'<li><a href="{href(n)}">{n}</a></li>')
    if page < pages:
        items.append(f'<li><a rel="next" href="{href(page + 1)}">Berikutnya &raquo;</a></li>')
    return f'<nav class="pagination" aria-label="Halaman"><ul>{"".join(items)}</ul></nav>'


def breadcrumbs(trail: list[tuple[str, str | None]]) -> str:
    """Return a breadcrumb list; the last entry (href None) is the current page."""
    items = []
    for label, href in trail:
        if href:
            items.append(f'<li><a href="{href}">{esc(label)}</a></li>')
        else:
            items.append(f'<li aria-current="page">{esc(label)}</li>')
    return f'<nav class="breadcrumb" aria-label="breadcrumb"><ol>{"".join(items)}</ol></nav>'


def document(title: str, body: str, head_extra: str = "", description: str = "") -> str:
    """Return a complete HTML5 document."""
    meta = f'<meta name="description" content="{esc(description)}">\n' if description else ""
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n{meta}"
        '<link rel="stylesheet" href="/assets/style.css">\n'
        f"{head_extra}</head>\n{body}\n</html>\n"
    )


JDIH_NAV = (
    '<header class="site-header jdih">\n<div class="brand"><a href="/jdih/">JDIH Demo</a>'
    '<span class="tagline">Jaringan Dokumentasi dan Informasi Hukum (contoh)</span></div>\n'
    '<nav class="main-nav"><ul><li><a href="/">Beranda</a></li>'
    '<li><a href="/jdih/">Produk Hukum</a></li>'
    '<li><a href="/jdih/tentang/">Tentang</a></li>'
    '<li><a href="/berita/">Warta Demo</a></li></ul></nav>\n'
    '<form class="search" action="/jdih/cari/" method="get" role="search">'
    '<label for="q">Cari peraturan</label><input id="q" name="q" type="search">'
    '<button type="submit">Cari</button></form>\n</header>'
)

JDIH_FOOTER = (
    '<footer class="site-footer">\n<div class="footer-cols">'
    '<section><h3>JDIH Demo</h3><p>Situs contoh yang dibuat oleh tim Telusur untuk '
    "demonstrasi mesin pencari. Bukan situs resmi pemerintah.</p></section>"
    '<section><h3>Tautan</h3><ul><li><a href="/jdih/tentang/">Tentang situs ini</a></li>'
    '<li><a href="/jdih/feed/document.json">Feed JDIHN (JSON)</a></li>'
    '<li><a href="/sitemap.xml">Peta situs</a></li></ul></section></div>\n'
    "<p class=\"copy\">&copy; Tim Telusur &middot; Data peraturan nyata hanya berupa "
    "metadata dan ringkasan; teks lengkap yang ada adalah dokumen fiktif Kabupaten Contoh."
    "</p>\n</footer>"
)

NEWS_NAV = (
    '<header class="site-header news">\n<div class="brand"><a href="/berita/">Warta Demo</a>'
    '<span class="tagline">Berita jaminan sosial ketenagakerjaan (contoh)</span></div>\n'
    '<nav class="main-nav"><ul><li><a href="/">Beranda</a></li>'
    '<li><a href="/berita/">Terkini</a></li>'
    '<li><a href="/berita/tag/paritrana-award/">Paritrana Award</a></li>'
    '<li><a href="/berita/tag/pekerja-rentan/">Pekerja Rentan</a></li>'
    '<li><a href="/berita/tentang/">Redaksi</a></li>'
    '<li><a href="/jdih/">JDIH Demo</a></li></ul></nav>\n</header>'
)

NEWS_FOOTER = (
    '<footer class="site-footer">\n<div class="footer-cols">'
    '<section><h3>Warta Demo</h3><p>Media contoh yang ditulis oleh tim Telusur. Artikel '
    "merangkum dengan kata-kata sendiri fakta yang pernah diberitakan media lain."
    "</p></section>"
    '<section><h3>Ikuti</h3><ul><li><a href="/berita/rss.xml">RSS</a></li>'
    '<li><a href="/berita/tentang/">Pedoman media siber</a></li>'
    '<li><a href="/sitemap.xml">Peta situs</a></li></ul></section></div>\n'
    '<p class="copy">&copy; Warta Demo &middot; Tim Telusur. Bukan media resmi.</p>\n</footer>'
)


def jdih_page(title: str, main: str, trail: list[tuple[str, str | None]],
              description: str = "", head_extra: str = "") -> str:
    """Wrap `main` in the JDIH Demo shell."""
    body = (f'<body class="jdih">\n{JDIH_NAV}\n{breadcrumbs(trail)}\n'
            f'<main id="content">\n{main}\n</main>\n{JDIH_FOOTER}\n</body>')
    return document(f"{title} | JDIH Demo", body, head_extra, description)


def news_page(title: str, main: str, trail: list[tuple[str, str | None]],
              description: str = "", head_extra: str = "", aside: str = "") -> str:
    """Wrap `main` in the Warta Demo shell, with an optional sidebar."""
    side = f'<aside class="sidebar">\n{aside}\n</aside>\n' if aside else ""
    body = (f'<body class="news">\n{NEWS_NAV}\n{breadcrumbs(trail)}\n'
            f'<div class="layout"><main id="content">\n{main}\n</main>\n{side}</div>\n'
            f"{NEWS_FOOTER}\n</body>")
    return document(f"{title} - Warta Demo", body, head_extra, description)
