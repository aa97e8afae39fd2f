"""A generated loopback site for the crawl benchmark, served from its own process.

`python -m bench.crawl.site PAGES PORT_FILE` serves PAGES pages (a home page, listing pages of
50 links, detail pages linking onwards, a PDF per ten pages) and writes its port to PORT_FILE.
`GET /__log` returns the monotonic start time of every request so far, one per line.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PER_LISTING = 50


def page(path: str, pages: int) -> tuple[int, str, bytes]:
    """Return status, content type and body for a path of the generated site."""
    if path == "/robots.txt":
        return 200, "text/plain", b"User-agent: *\nDisallow: /private/\n"
    if path == "/":
        listings = "".join(f'<a href="/list?page={i}">{i}</a> '
                           for i in range(1, pages // PER_LISTING + 1))
        return 200, "text/html; charset=utf-8", f"<html><body>{listings}</body></html>".encode()
    if path.startswith("/list?page="):
        n = int(path.split("=", 1)[1])
        start = (n - 1) * PER_LISTING
        links = "".join(f'<li><a href="/p/{i}">Peraturan {i}</a></li>'
                        for i in range(start, min(start + PER_LISTING, pages)))
        return 200, "text/html; charset=utf-8", f"<html><ul>{links}</ul></html>".encode()
    if path.startswith("/p/"):
        n = int(path[3:])
        onward = "".join(f'<a href="/p/{j}">{j}</a>' for j in range(n + 1, min(n + 4, pages)))
        pdf = f'<a href="/doc/{n}.pdf">PDF</a>' if n % 10 == 0 else ""
        text = f"Pasal {n}. " + "Jaminan sosial ketenagakerjaan bagi pekerja rentan. " * 40
        body = f"<html><title>Peraturan {n}</title><body><p>{text}</p>{onward}{pdf}</body></html>"
        return 200, "text/html; charset=utf-8", body.encode()
    if path.startswith("/doc/"):
        return 200, "application/pdf", b"%PDF-1.4\n" + b"0" * 20_000 + b"\n%%EOF"
    return 404, "text/html", b"<html><title>404 Not Found</title></html>"


def serve(pages: int, port_file: Path) -> None:
    """Serve the site until killed."""
    log: list[float] = []
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        """Serve the generated pages and the request log."""

        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            """Turn Nagle off on the connection."""
            super().setup()
            self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def log_message(self, *args: object) -> None:
            """Keep the output quiet."""

        def do_GET(self) -> None:
            """Answer one request from the generated site."""
            if self.path == "/__log":
                with lock:
                    body = "\n".join(f"{t:.6f}" for t in log).encode()
                status, ctype = 200, "text/plain"
            else:
                with lock:
                    log.append(time.monotonic())
                status, ctype, body = page(self.path, pages)
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port_file.write_text(str(server.server_address[1]))
    server.serve_forever(0.05)


if __name__ == "__main__":
    serve(int(sys.argv[1]), Path(sys.argv[2]))
