"""Helpers for crawler tests: loopback HTTP sites whose answers a test defines, fake time,
and small constructors for sources and configs."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    """What the server sends for one request."""

    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = "text/html; charset=utf-8"
    length: int | None = None  # Content-Length to announce (default: len(body) when bytes)
    abort_after: bool = False  # close the socket after the body (for cut streams)


Handler = Callable[[str, dict[str, str]], Reply]


@dataclass
class Site:
    """A loopback site: `handler(path, headers)` answers; every request is logged."""

    handler: Handler
    host: str = ""
    port: int = 0
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        """Return the site's base URL."""
        return f"http://{self.host}:{self.port}"

    def paths(self) -> list[str]:
        """Return the requested paths (with query), in order."""
        with self.lock:
            return [p for p, _ in self.requests]


def _make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            """Turn Nagle off on the connection."""
            super().setup()  # no Nagle: headers and body go out as separate writes
            self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def log_message(self, *args: object) -> None:
            """Keep the output quiet."""

        def do_GET(self) -> None:
            """Answer one request from the generated site."""
            headers = {k.lower(): v for k, v in self.headers.items()}
            with site.lock:
                site.requests.append((self.path, headers))
            try:
                reply = site.handler(self.path, headers)
            except Exception as exc:  # a broken test handler answers 500, visibly
                reply = Reply(status=500, body=f"handler error: {exc!r}".encode())
            self.send_response(reply.status)
            if reply.content_type:
                self.send_header("Content-Type", reply.content_type)
            for key, value in reply.headers.items():
                self.send_header(key, value)
            body = reply.body
            if isinstance(body, bytes):
                self.send_header("Content-Length", str(reply.length if reply.length is not None
                                                       else len(body)))
                self.end_headers()
                self._write([body])
            else:
                if reply.length is not None:
                    self.send_header("Content-Length", str(reply.length))
                else:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                self.end_headers()
                self._write(body)
            if reply.abort_after:
                self.close_connection = True

        def _write(self, chunks: Iterable[bytes]) -> None:
            try:
                for chunk in chunks:
                    if chunk == b"__STALL__":
                        time.sleep(3)
                        continue
                    self.wfile.write(chunk)
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

    return _Handler


class FakeTime:
    """A clock and sleep pair that never waits: sleeping advances the clock and is recorded."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        """Return the fake time."""
        return self.now

    async def sleep(self, seconds: float) -> None:
        """Advance the fake time instead of waiting."""
        self.sleeps.append(seconds)
        self.now += max(0.0, seconds)
        await asyncio.sleep(0)


def local_source(site: Site, name: str = "site", **overrides: object):
    """Return a local (loopback-allowed) source seeded at the site's root, no delay."""
    from corpus.sources import Source

    values: dict[str, object] = {"seeds": (site.url + "/",), "delay": 0.0, "local": True}
    values.update(overrides)
    return Source(name=name, kind="demo", **values)  # type: ignore[arg-type]


def fast_config(fake: FakeTime | None = None, **overrides: object):
    """Return a CrawlConfig with short timeouts and (optionally) fake time."""
    from crawler import CrawlConfig
    from crawler.fetch import FetchConfig

    fetch = overrides.pop("fetch", FetchConfig(connect_timeout=2, read_timeout=1, total_timeout=5))
    values: dict[str, object] = {"fetch": fetch, "backoff_base": 0.01, "backoff_cap": 0.05}
    if fake is not None:
        values.update(clock=fake.clock, sleep=fake.sleep)
    values.update(overrides)
    return CrawlConfig(**values)  # type: ignore[arg-type]


def start_site(handler: Handler) -> tuple[Site, ThreadingHTTPServer]:
    """Serve `handler` on a free loopback port in a daemon thread; stop it with shutdown()."""
    site = Site(handler)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(site))
    server.daemon_threads = True
    site.host, site.port = server.server_address[0], server.server_address[1]
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return site, server
