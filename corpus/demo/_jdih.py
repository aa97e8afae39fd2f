"""Render the JDIH Demo: listing pages, detail pages, full texts (HTML and PDF), JDIHN feed.

Detail pages rotate through the three metadata markups real JDIH sites use, so an extractor
has to parse by label rather than by position.
"""

from __future__ import annotations

import json
import re

from corpus.demo._content import Regulation
from corpus.demo._layout import NOINDEX, date_long, esc, jdih_page, pagination
from corpus.demo._pdf import render_pdf

PER_PAGE = 9
FICTIONAL_NOTICE = "Dokumen fiktif untuk demonstrasi"
FICTIONAL_BANNER = (
    '<div class="alert fiktif" role="note"><strong>Dokumen fiktif untuk demonstrasi.</strong> '
    "Kabupaten Contoh tidak ada; peraturan ini ditulis oleh tim Telusur untuk menguji mesin "
    "pencari. Peraturan nasional yang dirujuk dalam bagian Mengingat adalah peraturan nyata."
    "</div>"
)


def detail_path(reg: Regulation) -> str:
    """Return the detail page path of a regulation."""
    return f"/jdih/dokumen/{reg.slug}/"


def text_path(reg: Regulation) -> str:
    """Return the full-text page path of a regulation that has a text."""
    return f"/jdih/dokumen/{reg.slug}/teks/"


def pdf_path(reg: Regulation) -> str | None:
    """Return the PDF path of a regulation, or None when it has no document file."""
    return f"/jdih/files/{reg.pdf}" if reg.pdf else None


def ordered(regulations: list[Regulation]) -> list[Regulation]:
    """Return regulations newest first, as the listing shows them."""
    return sorted(regulations, key=lambda r: (r.sort_date, r.slug), reverse=True)


def full_title(reg: Regulation) -> str:
    """Return "<citation> tentang <title>"."""
    return f"{reg.citation} tentang {reg.title}"


def _excerpt(text: str, limit: int = 170) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _card(reg: Regulation) -> str:
    date = date_long(reg.enacted) if reg.enacted else f"Tahun {reg.year}"
    return (
        '<article class="card dokumen">\n'
        f'<a class="badge jenis" href="{detail_path(reg)}">{esc(reg.singkatan.upper())}</a>\n'
        f'<h4><a href="{detail_path(reg)}">{esc(full_title(reg))}</a></h4>\n'
        f'<ul class="list-inline meta"><li>{esc(date)}</li><li>{esc(reg.teu)}</li></ul>\n'
        f'<p class="excerpt">{esc(_excerpt(reg.abstract))}</p>\n'
        f'<span class="badge status">{esc(reg.status)}</span>\n</article>'
    )


def render_listing(regulations: list[Regulation]) -> dict[str, str]:
    """Return the paginated listing pages keyed by path."""
    regs = ordered(regulations)
    pages = max(1, -(-len(regs) // PER_PAGE))
    out: dict[str, str] = {}
    for page in range(1, pages + 1):
        chunk = regs[(page - 1) * PER_PAGE : page * PER_PAGE]
        first = (page - 1) * PER_PAGE + 1
        summary = (f'<p class="summary">Menampilkan {first} sampai {first + len(chunk) - 1} '
                   f"dari {len(regs)} peraturan</p>")
        cards = "\n".join(_card(r) for r in chunk)
        main = (f"<h1>Produk Hukum</h1>\n{summary}\n<div class=\"list\">\n{cards}\n</div>\n"
                f"{pagination('/jdih/', page, pages)}")
        trail = [("Beranda", "/"), ("Produk Hukum", None if page == 1 else "/jdih/")]
        if page > 1:
            trail.append((f"Halaman {page}", None))
        path = "/jdih/" if page == 1 else f"/jdih/page/{page}/"
        out[path] = jdih_page(f"Produk Hukum - Halaman {page}", main, trail,
                              head_extra="" if page == 1 else NOINDEX)
    return out


def _metadata_rows(reg: Regulation) -> list[tuple[str, str]]:
    return [
        ("Tipe Dokumen", "Peraturan Perundang-undangan"),
        ("Judul", full_title(reg)),
        ("T.E.U. Badan", reg.teu),
        ("Jenis/Bentuk Peraturan", reg.jenis),
        ("Singkatan Jenis", reg.singkatan),
        ("Nomor", reg.number_label),
        ("Tahun", str(reg.year)),
        ("Tempat Penetapan", reg.place),
        ("Tanggal Penetapan", date_long(reg.enacted)),
        ("Tanggal Pengundangan", date_long(reg.promulgated)),
        ("Sumber", reg.source),
        ("Subjek", reg.subject),
        ("Status", reg.status),
        ("Bahasa", "Bahasa Indonesia"),
        ("Bidang Hukum", reg.field_of_law),
    ]


def _metadata_markup(rows: list[tuple[str, str]], variant: int) -> str:
    if variant == 0:
        body = "".join(f"<tr><td>{esc(k)}</td><td>:</td><td>{esc(v)}</td></tr>\n"
                       for k, v in rows)
        return f'<table class="table detail">\n{body}</table>'
    if variant == 1:
        body = "".join(
            f'<tr><th scope="row" class="field">{esc(k)}</th><td class="spacer">:</td>'
            f"<td>{esc(v)}</td></tr>\n" for k, v in rows)
        return f'<table class="table table-striped">\n<tbody>\n{body}</tbody>\n</table>'
    body = "".join(f'<div class="meta-item"><h4>{esc(k)}</h4><p>{esc(v)}</p></div>\n'
                   for k, v in rows)
    return f'<div class="meta-grid">\n{body}</div>'


def _relations(reg: Regulation, by_slug: dict[str, Regulation]) -> str:
    items = []
    for label, slug in (("Mengubah", reg.amends), ("Diubah dengan", reg.amended_by)):
        if slug and slug in by_slug:
            other = by_slug[slug]
            items.append(f'<li>{label}: <a href="{detail_path(other)}">'
                         f"{esc(full_title(other))}</a></li>")
    if not items:
        return ""
    return f'<section class="relasi"><h2>Peraturan Terkait</h2><ul>{"".join(items)}</ul></section>'


def _files_section(reg: Regulation) -> str:
    pdf = pdf_path(reg)
    if not pdf:
        return ('<section class="dokumen-file"><h2>Dokumen</h2><p>Berkas dokumen belum '
                "tersedia di JDIH Demo. Yang ditampilkan hanya metadata dan ringkasan.</p>"
                "</section>")
    return (
        '<section class="dokumen-file"><h2>Dokumen</h2>\n'
        f'<p><a class="btn btn-download" href="{pdf}">Unduh PDF</a> '
        f'<a class="btn" href="{text_path(reg)}">Baca teks lengkap</a></p>\n'
        f'<div class="pdf-container"><iframe src="{pdf}" title="Pratinjau PDF"></iframe></div>'
        "\n</section>"
    )


def _provenance(reg: Regulation) -> str:
    if reg.fictional:
        return ""
    sources = "".join(f"<li><code>{esc(u)}</code></li>" for u in reg.source_urls)
    return ('<section class="keterangan"><h2>Catatan Kepastian Data</h2>'
            f"<p>{esc(reg.note)}</p><p>Dilaporkan di:</p><ul>{sources}</ul></section>")


def render_detail(reg: Regulation, variant: int, by_slug: dict[str, Regulation]) -> str:
    """Return the detail page of one regulation."""
    banner = FICTIONAL_BANNER if reg.fictional else ""
    main = (
        '<article class="dokumen-detail">\n'
        f'<p><span class="badge jenis">{esc(reg.singkatan)}</span> '
        f'<span class="badge status">{esc(reg.status)}</span></p>\n'
        f"<h1>{esc(full_title(reg))}</h1>\n{banner}\n"
        f'<section class="metadata"><h2>Detail Peraturan</h2>\n'
        f"{_metadata_markup(_metadata_rows(reg), variant)}\n</section>\n"
        f'<section class="abstrak"><h2>Abstrak</h2>\n<p>{esc(reg.abstract)}</p>\n</section>\n'
        f"{_relations(reg, by_slug)}\n{_files_section(reg)}\n{_provenance(reg)}\n</article>"
    )
    trail = [("Beranda", "/"), ("Produk Hukum", "/jdih/"), (reg.citation, None)]
    return jdih_page(full_title(reg), main, trail, description=_excerpt(reg.abstract, 150))


_BAB = re.compile(r"^BAB [IVXLC]+$")
_PASAL = re.compile(r"^Pasal (\d+[A-Z]?|[IVX]+)$")
_HEADING_LINE = re.compile(r"^[A-Z0-9 ,.()/-]+$")
_DIKTUM = re.compile(r"^(KE[A-Z]+(?: BELAS| PULUH(?: [A-Z]+)?)?) : (.+)$")  # a decree's diktum


def _text_line_html(line: str, previous: str) -> str:
    stripped = line.strip()
    pasal = _PASAL.match(stripped)
    if pasal:
        return f'<h3 class="pasal" id="pasal-{pasal.group(1)}">{esc(stripped)}</h3>'
    if _BAB.match(stripped):
        return f'<h2 class="bab">{esc(stripped)}</h2>'
    diktum = _DIKTUM.match(stripped)
    if diktum:
        return (f'<p class="diktum"><strong>{esc(diktum.group(1))}</strong> : '
                f"{esc(diktum.group(2))}</p>")
    if _BAB.match(previous.strip()) or stripped.startswith("Bagian "):
        return f'<h4 class="judul-bab">{esc(stripped)}</h4>'
    if re.match(r"^\(\d+\)", stripped):
        return f'<p class="ayat">{esc(stripped)}</p>'
    if re.match(r"^([a-z]|\d+)\.\s", stripped):
        return f'<p class="butir">{esc(stripped)}</p>'
    return f"<p>{esc(stripped)}</p>"


def render_text_page(reg: Regulation) -> str:
    """Return the HTML full-text page of a regulation with pasal anchors (a decree: diktum)."""
    parts, previous, in_heading = [], "", True
    for line in reg.text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        in_heading = in_heading and not stripped.startswith("Menimbang")
        if in_heading:
            parts.append(f'<p class="kop">{esc(stripped)}</p>')
        else:
            parts.append(_text_line_html(line, previous))
        previous = line
    main = (f'<article class="teks-peraturan">\n<h1>{esc(full_title(reg))}</h1>\n'
            f"{FICTIONAL_BANNER if reg.fictional else ''}\n"
            f'<p><a href="{detail_path(reg)}">&laquo; Kembali ke detail</a></p>\n'
            f'<div class="isi">\n' + "\n".join(parts) + "\n</div>\n</article>")
    trail = [("Beranda", "/"), ("Produk Hukum", "/jdih/"), (reg.citation, detail_path(reg)),
             ("Teks lengkap", None)]
    return jdih_page(f"Teks {reg.citation}", main, trail)


def render_pdf_file(reg: Regulation) -> bytes:
    """Return the PDF of a regulation's full text, marked fictional where it is."""
    paragraphs: list[tuple[str, bool]] = []
    if reg.fictional:
        paragraphs += [(FICTIONAL_NOTICE.upper(), True), ("", False)]
    for line in reg.text.splitlines():
        stripped = line.strip()
        bold = bool(_PASAL.match(stripped) or _BAB.match(stripped)
                    or (stripped and _HEADING_LINE.match(stripped) and len(stripped) > 3))
        paragraphs.append((line.rstrip(), bold))
    footer = f"{reg.citation} - {FICTIONAL_NOTICE}" if reg.fictional else reg.citation
    return render_pdf(paragraphs, full_title(reg), footer)


def _feed_record(reg: Regulation, index: int) -> dict[str, object]:
    pdf = pdf_path(reg)
    # Real feeds disagree on types and spellings; vary them the way they do.
    id_data: object = 1000 + index if index % 7 == 3 else str(1000 + index)
    judul = full_title(reg) if index % 3 else reg.title
    return {
        "idData": id_data,
        "tahun_pengundangan": str(reg.year),
        "tanggal_penetapan": reg.enacted or "",
        "tanggal_pengundangan": reg.promulgated or ("-" if index % 5 == 0 else ""),
        "jenis": reg.jenis,
        "singkatanJenis": reg.singkatan,
        "noPeraturan": reg.number_label,
        "judul": judul,
        "noPanggil": "-",
        "tempatTerbit": reg.place,
        "penerbit": "-",
        "deskripsiFisik": "1 file PDF" if pdf else "-",
        "sumber": reg.source,
        "subjek": reg.subject,
        "isbn": "-",
        "status": reg.status,
        "bahasa": "Indonesia",
        "bidangHukum": reg.field_of_law,
        "teuBadan": reg.teu,
        "nomorIndukBuku": "-",
        "fileDownload": reg.pdf or "",
        "urlDownload": pdf or "",
        "urlDetailPeraturan": detail_path(reg),
        "abstrak": reg.abstract,
        "operasi": "4",
        "display": "1",
    }


def render_feed(regulations: list[Regulation]) -> str:
    """Return the JDIHN JSON feed (a bare array) with root-relative URLs."""
    records = [_feed_record(r, i) for i, r in enumerate(ordered(regulations))]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def render_jdih(regulations: list[Regulation]) -> dict[str, str | bytes]:
    """Return every JDIH file keyed by its path."""
    files: dict[str, str | bytes] = dict(render_listing(regulations))
    by_slug = {r.slug: r for r in regulations}
    for index, reg in enumerate(ordered(regulations)):
        files[detail_path(reg)] = render_detail(reg, index % 3, by_slug)
        if reg.text:
            files[text_path(reg)] = render_text_page(reg)
        pdf = pdf_path(reg)
        if pdf and reg.text:
            files[pdf] = render_pdf_file(reg)
    files["/jdih/feed/document.json"] = render_feed(regulations)
    return files
