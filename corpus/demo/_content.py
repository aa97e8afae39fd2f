"""Load the demo site's content (regulations and news articles) from `corpus/demo/content/`.

Content is data: `instruments.toml` (real instruments, metadata plus our own abstracts),
`fictional.toml` + `fictional/*.txt` (full texts of the fictional Kabupaten Contoh) and
`news/*.md` (articles with a TOML front matter between `+++` lines).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent / "content"


class ContentError(ValueError):
    """A content file is missing a field or holds a malformed value."""


@dataclass(frozen=True, slots=True)
class Regulation:
    """One JDIH entry: metadata as a JDIH shows it, an abstract, and optionally a full text."""

    slug: str
    jenis: str
    singkatan: str
    year: int
    title: str
    teu: str
    place: str
    region: str
    abstract: str
    number: str | None = None
    enacted: str | None = None
    promulgated: str | None = None
    source: str = "-"
    subject: str = "-"
    status: str = "-"
    field_of_law: str = "-"
    note: str = ""
    fact: str | None = None
    source_urls: tuple[str, ...] = ()
    fictional: bool = False
    text: str = ""
    pdf: str | None = None
    amends: str | None = None
    amended_by: str | None = None

    @property
    def number_label(self) -> str:
        """Return the number as shown on pages: "-" when unknown."""
        return self.number or "-"

    @property
    def citation(self) -> str:
        """Return the full citation, e.g. "Peraturan Bupati Gianyar Nomor 55 Tahun 2018"."""
        place = f" {self.region}" if self.region else ""
        number = f" Nomor {self.number}" if self.number else ""
        return f"{self.jenis}{place}{number} Tahun {self.year}"

    @property
    def sort_date(self) -> str:
        """Return the best known date, or the year's start, for ordering listings."""
        return self.enacted or self.promulgated or f"{self.year}-01-01"


@dataclass(frozen=True, slots=True)
class Article:
    """One news article of the demo outlet."""

    slug: str
    date: str
    time: str
    headline: str
    author: str
    section: str
    body: str
    date_style: str = "long"
    tags: tuple[str, ...] = ()
    published_meta: bool = False
    jsonld: bool = False
    related_regulations: tuple[str, ...] = ()
    facts: tuple[str, ...] = field(default=())
    summary: str = ""

    @property
    def path(self) -> str:
        """Return the article's root-relative URL path."""
        year, month = self.date[:4], self.date[5:7]
        return f"/berita/{year}/{month}/{self.slug}/"


_REGULATION_KEYS = {
    "slug", "jenis", "singkatan", "number", "year", "title", "teu", "place", "region",
    "abstract", "enacted", "promulgated", "source", "subject", "status", "field_of_law",
    "note", "fact", "source_urls", "text_file", "pdf", "amends", "amended_by",
}
_ARTICLE_KEYS = {
    "slug", "date", "time", "headline", "author", "section", "date_style", "tags",
    "published_meta", "jsonld", "related_regulations", "facts", "summary",
}


def _check_dates(values: dict[str, object], keys: tuple[str, ...], where: str) -> None:
    for key in keys:
        value = values.get(key)
        if value is None:
            continue
        try:
            dt.date.fromisoformat(str(value))
        except ValueError:
            raise ContentError(f"{where}: {key} must be YYYY-MM-DD, got {value!r}") from None


def _read_text(content_dir: Path, name: str, where: str) -> str:
    try:
        return (content_dir / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(f"{where}: cannot read text_file {name!r}: {exc}") from exc


def _regulation(table: dict[str, object], fictional: bool, where: str,
                content_dir: Path) -> Regulation:
    unknown = set(table) - _REGULATION_KEYS
    if unknown:
        raise ContentError(f"{where}: unknown keys {sorted(unknown)}")
    values = dict(table)
    _check_dates(values, ("enacted", "promulgated"), where)
    text = ""
    text_file = values.pop("text_file", None)
    if text_file:
        text = _read_text(content_dir, str(text_file), where)
    values["source_urls"] = tuple(values.get("source_urls", ()))  # type: ignore[arg-type]
    try:
        return Regulation(**values, fictional=fictional, text=text)  # type: ignore[arg-type]
    except TypeError as exc:
        raise ContentError(f"{where}: {exc}") from exc


def _load_toml(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ContentError(f"cannot read {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{path.name}: invalid TOML: {exc}") from exc


def load_regulations(content_dir: Path = CONTENT_DIR) -> list[Regulation]:
    """Return every regulation of the demo JDIH: the real instruments, then the fictional ones."""
    result: list[Regulation] = []
    for name, fictional in (("instruments.toml", False), ("fictional.toml", True)):
        path = content_dir / name
        tables = _load_toml(path).get("regulation", [])
        if not isinstance(tables, list):
            raise ContentError(f"{path.name}: use [[regulation]] tables")
        for index, table in enumerate(tables):
            where = f"{path.name} regulation {index + 1}"
            result.append(_regulation(table, fictional, where, content_dir))
    slugs = [r.slug for r in result]
    duplicates = {s for s in slugs if slugs.count(s) > 1}
    if duplicates:
        raise ContentError(f"duplicate regulation slugs: {sorted(duplicates)}")
    return result


def _split_front_matter(text: str, where: str) -> tuple[dict[str, object], str]:
    if not text.startswith("+++\n"):
        raise ContentError(f"{where}: must start with a +++ front matter block")
    head, sep, body = text[4:].partition("\n+++\n")
    if not sep:
        raise ContentError(f"{where}: front matter is not closed by +++")
    try:
        return tomllib.loads(head), body.strip()
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{where}: invalid TOML front matter: {exc}") from exc


def load_articles(content_dir: Path = CONTENT_DIR) -> list[Article]:
    """Return the news articles, newest first."""
    articles = []
    for path in sorted((content_dir / "news").glob("*.md")):
        meta, body = _split_front_matter(path.read_text(encoding="utf-8"), path.name)
        unknown = set(meta) - _ARTICLE_KEYS
        if unknown:
            raise ContentError(f"{path.name}: unknown keys {sorted(unknown)}")
        for key in ("tags", "related_regulations", "facts"):
            meta[key] = tuple(meta.get(key, ()))  # type: ignore[arg-type]
        try:
            article = Article(**meta, body=body)  # type: ignore[arg-type]
        except TypeError as exc:
            raise ContentError(f"{path.name}: {exc}") from exc
        _check_dates(meta, ("date",), path.name)
        if not re.fullmatch(r"\d{2}:\d{2}", article.time):
            raise ContentError(f"{path.name}: time must be HH:MM, got {article.time!r}")
        articles.append(article)
    return sorted(articles, key=lambda a: (a.date, a.time, a.slug), reverse=True)
