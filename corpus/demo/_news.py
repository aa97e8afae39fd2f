"""Render Warta Demo: article pages, the paginated index, tag pages and the RSS 2.0 feed.

Articles vary their date formats and metadata (article:published_time on some, JSON-LD on
others) the way real Indonesian outlets do, so date extraction is exercised.
"""

from __future__ import annotations

import json
from xml.sax.saxutils import escape as xml_escape

from corpus.demo._content import Article, Regulation
from corpus.demo._layout import (
    NOINDEX,
    date_long,
    date_short,
    date_slash,
    date_with_weekday,
    esc,
    news_page,
    pagination,
    parse_date,
    render_blocks,
    slug_of,
)

PER_PAGE = 8
OUTLET = "Warta Demo"


def tag_path(tag: str) -> str:
    """Return the path of a tag page."""
    return f"/berita/tag/{slug_of(tag)}/"


def iso_time(article: Article) -> str:
    """Return the article's publication time as ISO 8601 with the WITA offset."""
    return f"{article.date}T{article.time}:00+08:00"


def shown_date(article: Article) -> str:
    """Return the date line in the article's own style."""
    if article.date_style == "slash":
        return date_slash(article.date, article.time)
    if article.date_style == "short":
        return date_short(article.date, article.time)
    if article.date_style == "plain":
        return date_long(article.date)
    if article.date_style == "weekday":
        return date_with_weekday(article.date)
    return f"{date_with_weekday(article.date)} - {article.time} WITA"


def related(article: Article, articles: list[Article], limit: int = 3) -> list[Article]:
    """Return other articles sharing the most tags, newest first among equals."""
    def shared(other: Article) -> int:
        return len(set(other.tags) & set(article.tags))

    others = [a for a in articles if a.slug != article.slug and shared(a) > 0]
    return sorted(others, key=lambda a: (-shared(a), a.date), reverse=False)[:limit]


def _head_extra(article: Article) -> str:
    extra = f'<meta property="og:title" content="{esc(article.headline)}">\n'
    extra += '<meta property="og:type" content="article">\n'
    if article.published_meta:
        extra += f'<meta property="article:published_time" content="{iso_time(article)}">\n'
    if article.jsonld:
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.headline,
            "datePublished": iso_time(article),
            "author": {"@type": "Person", "name": article.author},
            "publisher": {"@type": "Organization", "name": OUTLET},
            "mainEntityOfPage": article.path,
            "keywords": list(article.tags),
        }
        extra += ('<script type="application/ld+json">'
                  + json.dumps(data, ensure_ascii=False) + "</script>\n")
    return extra


def _regulation_links(article: Article, by_slug: dict[str, Regulation]) -> str:
    items = []
    for slug in article.related_regulations:
        reg = by_slug.get(slug)
        if reg:
            items.append(f'<li><a href="/jdih/dokumen/{reg.slug}/">{esc(reg.citation)}</a></li>')
    if not items:
        return ""
    return ('<section class="dasar-hukum"><h3>Dokumen hukum terkait (JDIH Demo)</h3>'
            f"<ul>{''.join(items)}</ul></section>")


def render_article(article: Article, articles: list[Article],
                   by_slug: dict[str, Regulation]) -> str:
    """Return the page of one article."""
    tags = "".join(f'<li><a href="{tag_path(t)}">{esc(t)}</a></li>' for t in article.tags)
    more = "".join(f'<li><a href="{a.path}">{esc(a.headline)}</a></li>'
                   for a in related(article, articles))
    main = (
        '<article class="post">\n'
        f'<p class="kanal"><a href="/berita/">{esc(article.section)}</a></p>\n'
        f'<h1 class="headline">{esc(article.headline)}</h1>\n'
        f'<div class="byline"><span class="author">Penulis: {esc(article.author)}</span> '
        f'<time class="date">{esc(shown_date(article))}</time></div>\n'
        f'<div class="share" aria-label="Bagikan"><button type="button" data-share="whatsapp">'
        'WhatsApp</button><button type="button" data-share="facebook">Facebook</button>'
        '<button type="button" data-share="copy">Salin tautan</button></div>\n'
        f'<div class="post-body">\n{render_blocks(article.body)}\n</div>\n'
        f"{_regulation_links(article, by_slug)}\n"
        f'<section class="baca-juga"><h3>Baca juga</h3><ul>{more}</ul></section>\n'
        f'<section class="tags"><h3>Tag</h3><ul>{tags}</ul></section>\n'
        '<section class="komentar"><h3>Komentar</h3><p>Kolom komentar dinonaktifkan pada '
        "situs demo.</p></section>\n</article>"
    )
    trail = [("Beranda", "/"), ("Berita", "/berita/"), (article.section, None)]
    return news_page(article.headline, main, trail, description=article.summary,
                     head_extra=_head_extra(article), aside=_sidebar(articles))


def _sidebar(articles: list[Article]) -> str:
    latest = "".join(f'<li><a href="{a.path}">{esc(a.headline)}</a></li>' for a in articles[:5])
    return f'<section class="terkini"><h3>Terkini</h3><ul>{latest}</ul></section>'


def _teaser(article: Article) -> str:
    return (f'<article class="teaser"><h2><a href="{article.path}">{esc(article.headline)}</a>'
            f'</h2><p class="date">{esc(date_long(article.date))}</p>'
            f"<p>{esc(article.summary)}</p></article>")


def _listing(articles: list[Article], base: str, title: str, trail_label: str,
             noindex: bool = False) -> dict[str, str]:
    """Return a paginated article listing; archives beyond page 1 are marked noindex."""
    pages = max(1, -(-len(articles) // PER_PAGE))
    out = {}
    for page in range(1, pages + 1):
        chunk = articles[(page - 1) * PER_PAGE : page * PER_PAGE]
        main = (f"<h1>{esc(title)}</h1>\n" + "\n".join(_teaser(a) for a in chunk)
                + "\n" + pagination(base, page, pages))
        trail = [("Beranda", "/"), (trail_label, None if page == 1 else base)]
        if page > 1:
            trail.append((f"Halaman {page}", None))
        path = base if page == 1 else f"{base}page/{page}/"
        out[path] = news_page(title if page == 1 else f"{title} - Halaman {page}", main, trail,
                              aside=_sidebar(articles),
                              head_extra=NOINDEX if noindex or page > 1 else "")
    return out


def render_rss(articles: list[Article]) -> str:
    """Return the RSS 2.0 feed; item links are root-relative paths."""
    def rfc822(article: Article) -> str:
        day = parse_date(article.date)
        names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
        months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                  "Nov", "Dec")
        return (f"{names[day.weekday()]}, {day.day:02d} {months[day.month - 1]} {day.year} "
                f"{article.time}:00 +0800")

    items = []
    for a in articles:
        cats = "".join(f"<category>{xml_escape(t)}</category>" for t in a.tags)
        items.append(
            f"<item><title>{xml_escape(a.headline)}</title><link>{a.path}</link>"
            f'<guid isPermaLink="false">warta-demo:{a.slug}</guid>'
            f"<pubDate>{rfc822(a)}</pubDate><description>{xml_escape(a.summary)}"
            f"</description>{cats}</item>")
    newest = rfc822(articles[0]) if articles else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
            f"<title>{OUTLET}</title>\n<link>/berita/</link>\n"
            "<description>Berita jaminan sosial ketenagakerjaan (situs demo Telusur)"
            "</description>\n<language>id</language>\n"
            f"<lastBuildDate>{newest}</lastBuildDate>\n" + "\n".join(items)
            + "\n</channel>\n</rss>\n")


def render_news(articles: list[Article], regulations: list[Regulation]) -> dict[str, str]:
    """Return every news file keyed by its path."""
    by_slug = {r.slug: r for r in regulations}
    files = dict(_listing(articles, "/berita/", "Berita Terkini", "Berita"))
    for article in articles:
        files[article.path] = render_article(article, articles, by_slug)
    tags = sorted({t for a in articles for t in a.tags})
    for tag in tags:
        tagged = [a for a in articles if tag in a.tags]
        files.update(_listing(tagged, tag_path(tag), f"Tag: {tag}", f"Tag: {tag}",
                              noindex=True))
    files["/berita/rss.xml"] = render_rss(articles)
    return files

