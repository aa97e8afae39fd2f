"""Load test: `telusur serve` on the full shared corpus, loaded by wrk over rotating queries.

Runs wrk for 10 s to meet the cold caches (reported on its own), then at 16 and 64 connections
(30 s each by default), then once more at 16 connections while
`telusur index --rebuild` runs, and prints req/s, p50, p99 and errors. Goals on the 2-core
machine: >= 150 req/s at 16 connections, p99 <= 300 ms, no errors, searches answer during a
rebuild. The result cache (web.searching) is on as in production; a last run at 16 connections
with the cache off shows what every request costs when it is really searched.
Usage: python -m bench.load [--seconds 30] [--limit N]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from bench._corpus import ensure_corpus_data_dir
from bench._shared import RESULTS, result

QUERIES = Path(__file__).with_name("queries.txt")
BIN = Path(sys.executable).parent


def main() -> int:
    """Run the load test and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--limit", type=int, default=None, help="index only N shared documents")
    args = parser.parse_args()
    wrk = _ensure_wrk()
    if wrk is None:
        print("SKIP: wrk is not installed and cannot be installed (needs root and apt)")
        return 0
    data_dir = ensure_corpus_data_dir(limit=args.limit)
    script = _write_script()
    with _server(data_dir) as base:  # production settings: result cache on
        # The first pass over the queries meets cold caches; it is measured and reported on
        # its own, so the steady-state runs after it are not mistaken for the whole story.
        _run(wrk, base, script, 16, 10, "load16-warmup (cold caches)")
        _run(wrk, base, script, 16, args.seconds, "load16")
        _run(wrk, base, script, 64, args.seconds, "load64")
        _during_rebuild(wrk, base, script, data_dir, args.seconds)
    with _server(data_dir, cache_size=0) as base:  # every request really searched
        _run(wrk, base, script, 16, args.seconds, "load16-no-cache")
    return 0


@contextlib.contextmanager
def _server(data_dir: Path, cache_size: int | None = None) -> Iterator[str]:
    """Run `telusur serve` (2 workers x 8 threads) on a free port; yield its base URL."""
    port = _free_port()
    env = dict(os.environ)
    if cache_size is not None:
        env["TELUSUR_SEARCH_CACHE_SIZE"] = str(cache_size)
    server = subprocess.Popen(
        [str(BIN / "telusur"), "serve", "--data-dir", str(data_dir), "--port", str(port),
         "--workers", "2", "--threads", "8"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_healthy(base, server)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _ensure_wrk() -> str | None:
    found = shutil.which("wrk")
    if found or os.geteuid() != 0:
        return found
    print("installing Debian's wrk for the load test", file=sys.stderr)
    install = "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk"
    subprocess.run(install, shell=True, check=False, stdout=subprocess.DEVNULL)
    return shutil.which("wrk")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(base: str, server: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"telusur serve exited: {server.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("telusur serve did not become healthy")


def _write_script() -> Path:
    """Write a wrk Lua script that rotates through the query list, one per request."""
    queries = [q.strip() for q in QUERIES.read_text(encoding="utf-8").splitlines()
               if q.strip() and not q.startswith("#")]
    quoted = ", ".join('"' + urllib.parse.quote_plus(q) + '"' for q in queries)
    script = RESULTS / "rotate.lua"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(
        f"local queries = {{{quoted}}}\n"
        "local i = 0\n"
        "request = function()\n"
        "  i = i + 1\n"
        "  local q = queries[(i % #queries) + 1]\n"
        "  return wrk.format('GET', '/api/search?q=' .. q)\n"
        "end\n",
        encoding="utf-8",
    )
    return script


def _run(wrk: str, base: str, script: Path, connections: int, seconds: int, name: str) -> dict:
    out = subprocess.run(
        [wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s",
         "-s", str(script), base],
        capture_output=True, text=True, check=True,
    ).stdout
    figures = parse_wrk(out)
    print(f"\n[{name}] {connections} connections, {seconds} s\n{out}")
    steady = name in ("load16", "load64")
    result(name, "requests_per_s", figures["rps"], "req/s", ">= 150" if name == "load16" else "")
    result(name, "p50", figures["p50"], "ms")
    result(name, "p99", figures["p99"], "ms", "<= 300" if steady else "")
    result(name, "errors", figures["errors"], "", "0")
    return figures


def _during_rebuild(wrk: str, base: str, script: Path, data_dir: Path, seconds: int) -> None:
    rebuild = subprocess.Popen(
        [str(BIN / "telusur"), "index", "--rebuild", "--data-dir", str(data_dir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    figures = _run(wrk, base, script, 16, seconds, "load16-during-rebuild")
    code = rebuild.wait()
    result("load16-during-rebuild", "rebuild_exit_code", code, "", "0")
    print(f"rebuild finished with exit code {code}; errors during it: {figures['errors']}")


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse_wrk(output: str) -> dict:
    """Return req/s, p50/p99 (ms) and the error count from wrk's --latency output."""

    def latency(label: str) -> float:
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE)
        return float(match.group(1)) * _UNITS[match.group(2)] if match else float("nan")

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses:\s+(\d+)", output))
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return {"rps": float(rps.group(1)) if rps else 0.0, "p50": latency("50"),
            "p99": latency("99"), "errors": errors}


if __name__ == "__main__":
    sys.exit(main())
