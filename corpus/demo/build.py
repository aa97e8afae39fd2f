"""Render the demo website from `corpus/demo/content/` into `corpus/demo/site/`.

Run `.venv/bin/python -m corpus.demo.build` (or `python corpus/demo/build.py`) after editing
content. The output is deterministic, and it is committed so the demo serves without a build.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from corpus.demo._content import CONTENT_DIR, ContentError, load_articles, load_regulations
from corpus.demo._jdih import render_jdih
from corpus.demo._news import render_news
from corpus.demo._site import (
    STYLE,
    render_landing,
    render_robots,
    render_sitemap,
    render_static_pages,
)

SITE_DIR = Path(__file__).resolve().parent / "site"


def render_site(content_dir: Path = CONTENT_DIR) -> dict[str, bytes]:
    """Return every file of the site keyed by its URL path ("/" paths end in a slash)."""
    regulations = load_regulations(content_dir)
    articles = load_articles(content_dir)
    files: dict[str, str | bytes] = {}
    files["/"] = render_landing(len(regulations), len(articles))
    files.update(render_static_pages())
    files.update(render_jdih(regulations))
    files.update(render_news(articles, regulations))
    files["/assets/style.css"] = STYLE
    files["/robots.txt"] = render_robots()
    # The sitemap lists what should be indexed: no disallowed areas, no noindex archives.
    crawlable = sorted(p for p in files if p.endswith("/")
                       and not p.startswith(("/admin/", "/jdih/cari/", "/berita/tag/"))
                       and "/page/" not in p)
    pdfs = sorted(p for p in files if p.endswith(".pdf"))
    files["/sitemap.xml"] = render_sitemap(crawlable + pdfs)
    return {path: (data.encode("utf-8") if isinstance(data, str) else data)
            for path, data in files.items()}


def file_for(path: str) -> str:
    """Return the relative file name a URL path is stored under (index.html for folders)."""
    relative = path.lstrip("/")
    return relative + "index.html" if path.endswith("/") else relative


def write_site(out_dir: Path = SITE_DIR, content_dir: Path = CONTENT_DIR) -> int:
    """Render the site into `out_dir`, replacing what was there; return the file count."""
    files = render_site(content_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    for path, data in sorted(files.items()):
        target = out_dir / file_for(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return len(files)


def main(argv: list[str] | None = None) -> int:
    """Build the demo site from the command line."""
    parser = argparse.ArgumentParser(description="Render the Telusur demo site.")
    parser.add_argument("--out", type=Path, default=SITE_DIR, help="output folder")
    args = parser.parse_args(argv)
    try:
        count = write_site(args.out)
    except ContentError as exc:
        print(f"error: {exc}\nfix the file under {CONTENT_DIR} and run again", file=sys.stderr)
        return 2
    total = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file())
    print(f"wrote {count} files ({total / 1024:.0f} KiB) to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
