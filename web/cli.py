"""The `telusur` command line: the composition root that wires crawler, index and web together."""

from __future__ import annotations

import argparse
import csv
import dataclasses
import html
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger("telusur")

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `telusur` command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if getattr(args, "verbose", False) else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    from corpus import CorpusError
    from crawler.errors import CrawlerError
    from index.errors import TelusurIndexError
    from web.demo import DemoDataDirError

    try:
        return int(args.handler(args) or EXIT_OK)
    except (CorpusError, CrawlerError, TelusurIndexError, DemoDataDirError,
            FileNotFoundError) as exc:
        print(f"telusur: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("telusur: interrupted; run the same command again to continue", file=sys.stderr)
        return 130


def _default_data_dir() -> Path:
    return Path(os.environ.get("TELUSUR_DATA_DIR") or "data")


def _parser() -> argparse.ArgumentParser:
    # The options are accepted before and after the command; SUPPRESS keeps a subcommand's
    # default from overwriting a value given before it ("telusur --data-dir X demo").
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                        help="data directory (default: $TELUSUR_DATA_DIR, else ./data)")
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="log debugging detail")
    parser = argparse.ArgumentParser(
        prog="telusur", parents=[common],
        description="Telusur: search Indonesian social-security regulations and news.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, handler: Callable[[argparse.Namespace], int | None],
                help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    p = command("crawl", _cmd_crawl, "crawl configured sources or ad-hoc seeds (resumable)")
    p.add_argument("--source", action="append", default=[], metavar="NAME",
                   help="a source from corpus/sources.toml (repeatable; default: all but demo)")
    p.add_argument("--seed", action="append", default=[], metavar="URL",
                   help="crawl from this URL; the seed hosts become the allowed hosts")
    p.add_argument("--max-pages", type=_positive, default=None)
    p.add_argument("--max-depth", type=_non_negative, default=None)
    p.add_argument("--delay", type=float, default=None, metavar="SECONDS",
                   help="seconds between requests to one host (robots.txt Crawl-delay may "
                        "raise it)")
    p.add_argument("--base-url", default=None,
                   help="resolve root-relative seeds against this URL (local sources)")
    p.add_argument("--sources-file", type=Path, default=None, help=argparse.SUPPRESS)

    p = command("index", _cmd_index, "extract what is new in the raw archive and update the index")
    p.add_argument("--rebuild", action="store_true", help="rebuild the index from scratch")
    p.add_argument("--sources-file", type=Path, default=None, help=argparse.SUPPRESS)

    p = command("ingest", _cmd_ingest, "add local files or folders as documents")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    p = command("search", _cmd_search, "search from the terminal")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true", help="print the API's JSON")
    p.add_argument("--limit", type=_positive, default=10)
    p.add_argument("--page", type=_positive, default=1)
    p.add_argument("--kind", action="append", default=[])
    p.add_argument("--doc-type", action="append", default=[])
    p.add_argument("--region", action="append", default=[])
    p.add_argument("--status", action="append", default=[])
    p.add_argument("--source", action="append", default=[])
    p.add_argument("--year-from", type=int, default=None)
    p.add_argument("--year-to", type=int, default=None)
    p.add_argument("--sort", choices=("relevance", "date_desc", "date_asc"), default="relevance")

    p = command("export", _cmd_export, "print every document")
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")

    p = command("serve", _cmd_serve, "serve the web app with a production WSGI server")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=5000)
    p.add_argument("--workers", type=_positive, default=2)
    p.add_argument("--threads", type=_positive, default=4)

    p = command("demo", _cmd_demo, "build the bundled demo corpus over loopback and serve it")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=5000)
    p.add_argument("--no-serve", action="store_true", help="build the demo corpus, then exit")
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _data_dir(args: argparse.Namespace) -> Path:
    return (getattr(args, "data_dir", None) or _default_data_dir()).resolve()


def _cmd_crawl(args: argparse.Namespace) -> int:
    from corpus import load_sources
    from crawler import adhoc_source, crawl, render_report

    sources = load_sources(args.sources_file)
    chosen = []
    for name in args.source:
        if name not in sources:
            print(f"telusur: error: no source {name!r}; known: {', '.join(sorted(sources))}",
                  file=sys.stderr)
            return EXIT_USAGE
        chosen.append(sources[name])
    if args.seed:
        chosen.append(adhoc_source(args.seed))
    if not chosen:
        chosen = [s for s in sources.values() if s.kind != "demo"]
    if args.delay is not None:
        if args.delay < 0:
            print("telusur: error: --delay must be 0 or more", file=sys.stderr)
            return EXIT_USAGE
        chosen = [dataclasses.replace(s, delay=args.delay) for s in chosen]
    data_dir = _data_dir(args)
    report = crawl(chosen, data_dir / "crawl", base_url=args.base_url, max_pages=args.max_pages,
                   max_depth=args.max_depth, progress=sys.stderr.isatty())
    print(render_report(report))
    return EXIT_OK


def _cmd_index(args: argparse.Namespace) -> int:
    from corpus import load_sources
    from web.pipeline import extract_archive, refresh_index

    data_dir = _data_dir(args)
    stats = extract_archive(data_dir, load_sources(args.sources_file))
    indexed = refresh_index(data_dir, rebuild=args.rebuild)
    how = "rebuilt" if indexed.rebuilt else "updated"
    print(f"extracted {stats.extracted} documents from {stats.records} archived responses "
          f"({stats.changed} new or changed, {stats.skipped} not extractable); "
          f"index {how} with {indexed.indexed} documents")
    for failure in stats.failed:
        print(f"  failed: {failure}", file=sys.stderr)
    return EXIT_OK


def _cmd_ingest(args: argparse.Namespace) -> int:
    from web.pipeline import ingest_paths, refresh_index

    data_dir = _data_dir(args)
    stats = ingest_paths(args.paths, data_dir)
    refresh_index(data_dir)
    print(f"ingested {stats.extracted} documents from {stats.records} files "
          f"({stats.changed} new or changed, {stats.skipped} without a document)")
    for failure in stats.failed:
        print(f"  failed: {failure}", file=sys.stderr)
    return EXIT_ERROR if stats.failed and not stats.extracted else EXIT_OK


def _cmd_search(args: argparse.Namespace) -> int:
    from index import SearchRequest, open_index

    request = SearchRequest(
        query=args.query, page=args.page, per_page=args.limit, kind=tuple(args.kind),
        doc_type=tuple(args.doc_type), region=tuple(args.region), status=tuple(args.status),
        source=tuple(args.source), year_from=args.year_from, year_to=args.year_to,
        sort=args.sort, facets=args.json,
    )
    search_index = open_index(_data_dir(args) / "index")
    try:
        with search_index.searcher() as searcher:
            response = searcher.search(request)
    finally:
        search_index.close()
    if args.json:
        print(json.dumps(response_json(response), ensure_ascii=False, indent=2))
        return EXIT_OK
    print(_render_results(response))
    return EXIT_OK


def response_json(response: Any) -> dict[str, Any]:
    """Return a SearchResponse as /api/search's JSON (the web API's own serialiser)."""
    from web.api import search_response_json

    return search_response_json(response)


def _render_results(response: Any) -> str:
    bold = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("**", "**")
    lines = [f"{response.total} hasil untuk “{response.query}” ({response.took_ms:.0f} ms)"]
    if response.suggestion:
        lines.append(f"Mungkin maksud Anda: {response.suggestion}")
    first = (response.page - 1) * response.per_page
    for rank, hit in enumerate(response.hits, first + 1):
        facts = " · ".join(str(x) for x in (hit.doc_type, hit.year, hit.region or hit.source) if x)
        lines.append(f"\n{rank}. {hit.title}" + (f"  [{facts}]" if facts else ""))
        where = f"/d/{hit.id}" + (f"#{hit.best_part.anchor} ({hit.best_part.label})"
                                  if hit.best_part else "")
        lines.append(f"   {where}   {hit.url}")
        snippet = (hit.best_part.snippet if hit.best_part and hit.best_part.snippet
                   else hit.snippet)
        if snippet:
            text = re.sub(r"</?mark>", lambda m: bold[1] if m.group().startswith("</") else bold[0],
                          snippet)
            lines.append("   " + html.unescape(re.sub(r"<(?!/?mark)[^>]+>", "", text)))
    return "\n".join(lines)


def _cmd_export(args: argparse.Namespace) -> int:
    from corpus import DocumentStore

    fields = ("id", "url", "kind", "doc_type", "number", "year", "title", "about", "region",
              "status", "enacted_on", "promulgated_on", "published_at", "source", "fetched_at",
              "sha256", "text")
    with DocumentStore(_data_dir(args) / "documents") as store:
        if args.format == "jsonl":
            for doc in store:
                sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
            return EXIT_OK
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for doc in store:
            writer.writerow({k: ("" if v is None else v) for k, v in doc.to_dict().items()})
    return EXIT_OK


def _cmd_serve(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args)
    print(f"Telusur serves {data_dir} at http://{args.host}:{args.port}", file=sys.stderr)
    run_server(data_dir, args.host, args.port, workers=args.workers, threads=args.threads)
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from web.demo import build_demo, serve_demo_site

    data_dir = _data_dir(args)
    with serve_demo_site() as base_url:
        print(f"crawling the demo site at {base_url} into {data_dir} ...", file=sys.stderr)
        built = build_demo(data_dir, base_url, progress=sys.stderr.isatty())
        print(f"demo corpus ready: {built.pipeline.extracted} documents extracted from "
              f"{built.pipeline.records} responses, {built.pipeline.indexed} indexed",
              file=sys.stderr)
        if args.no_serve:
            return EXIT_OK
        print(f"Telusur demo: open http://{args.host}:{args.port}/  (Ctrl+C to stop)",
              file=sys.stderr)
        run_server(data_dir, args.host, args.port, workers=1, threads=8)
    return EXIT_OK


def run_server(data_dir: Path, host: str, port: int, *, workers: int = 2, threads: int = 4) -> None:
    """Serve the app with gunicorn (threaded workers; one Whoosh searcher per request)."""
    from gunicorn.app.base import BaseApplication

    from web import create_app

    class _Server(BaseApplication):
        def load_config(self) -> None:
            settings = {"bind": f"{host}:{port}", "workers": workers, "threads": threads,
                        "worker_class": "gthread", "accesslog": None, "errorlog": "-",
                        "loglevel": "warning", "timeout": 60, "graceful_timeout": 5}
            for key, value in settings.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            config: dict[str, Any] = {"DATA_DIR": data_dir}
            if os.environ.get("TELUSUR_SEARCH_CACHE_SIZE"):
                config["SEARCH_CACHE_SIZE"] = int(os.environ["TELUSUR_SEARCH_CACHE_SIZE"])
            app = create_app(config)
            warm_up(app)
            return app

    _Server().run()


def warm_up(app: Any) -> None:
    """Open the index and load its vocabulary in this worker before the first request comes.

    Opening an index and building its per-version data takes a second or two on the full
    corpus; paid here, it is not paid by the first visitor (nor by 16 at once under load).
    """
    from index import SearchRequest
    from web.errors import UnavailableError
    from web.resources import get_searcher

    with app.test_request_context("/"):
        try:
            get_searcher().search(SearchRequest(query="jaminan sosial", per_page=1))
        except UnavailableError as exc:
            log.warning("index not ready at start (%s); pages will say so until it is", exc)


if __name__ == "__main__":
    sys.exit(main())
