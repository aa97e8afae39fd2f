"""Politeness: per-host delay and concurrency, Crawl-delay, global limit, backoff, Retry-After."""

from __future__ import annotations

import asyncio
import itertools
import random
import threading
import time
from datetime import UTC, datetime

import pytest

from crawler import crawl
from crawler.politeness import HostGate, backoff_seconds, retry_after_seconds
from tests.crawler.loopback import FakeTime, Reply, fast_config, local_source


def test_host_gate_spaces_requests_by_the_delay(fake_time: FakeTime) -> None:
    gate = HostGate(fake_time.clock, fake_time.sleep, per_host=4)
    starts: list[float] = []

    async def one() -> None:
        async with gate.slot("x.example", delay=2.0):
            starts.append(fake_time.now)
            await fake_time.sleep(0.5)  # the request itself takes time

    async def main() -> None:
        await asyncio.gather(*(one() for _ in range(4)))

    asyncio.run(main())
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert gaps and all(g >= 2.5 for g in gaps)  # the delay counts from the previous end


def test_host_gate_without_delay_allows_per_host_parallelism(fake_time: FakeTime) -> None:
    gate = HostGate(fake_time.clock, fake_time.sleep, per_host=2)
    active, peak = 0, 0

    async def one() -> None:
        nonlocal active, peak
        async with gate.slot("x.example"):
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.01)
            active -= 1

    async def main() -> None:
        await asyncio.gather(*(one() for _ in range(6)))

    asyncio.run(main())
    assert peak == 2


def test_defer_holds_the_host(fake_time: FakeTime) -> None:
    gate = HostGate(fake_time.clock, fake_time.sleep)
    gate.defer("x.example", 30)

    async def main() -> float:
        async with gate.slot("x.example"):
            return fake_time.now

    assert asyncio.run(main()) >= 1030


def test_robots_crawl_delay_is_kept_between_requests(serve, tmp_path, fake_time: FakeTime) -> None:
    def handler(path: str, headers: dict[str, str]) -> Reply:
        if path == "/robots.txt":
            rules = b"User-agent: TelusurBot\nCrawl-delay: 5\n"
            return Reply(body=rules, content_type="text/plain")
        links = "".join(f'<a href="/p{i}">{i}</a>' for i in range(5))
        return Reply(body=f"<html>{links}</html>".encode())

    site = serve(handler)
    crawl([local_source(site)], tmp_path, config=fast_config(fake_time))
    waits = [s for s in fake_time.sleeps if s > 0.5]
    assert len(waits) >= 5 and all(w == pytest.approx(5, abs=0.05) for w in waits)


def test_global_concurrency_limit_holds_across_hosts(serve, tmp_path) -> None:
    lock = threading.Lock()
    active, peak = [0], [0]

    def handler(path: str, headers: dict[str, str]) -> Reply:
        if path == "/robots.txt":
            return Reply(status=404)
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.05)
        with lock:
            active[0] -= 1
        return Reply(body=b"<html>x</html>")

    sites = [serve(handler) for _ in range(4)]
    sources = [local_source(s, name=f"s{i}", seeds=tuple(f"{s.url}/{n}" for n in range(4)))
               for i, s in enumerate(sites)]
    crawl(sources, tmp_path, config=fast_config(concurrency=3, per_host=2))
    assert peak[0] == 3


@pytest.mark.parametrize(
    ("value", "expected"),
    [("120", 120.0), ("0", 0.0), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0), ("soon", None),
     ("", None), (None, None), ("-5", None)],
)
def test_retry_after_parsing(value: str | None, expected: float | None) -> None:
    assert retry_after_seconds(value) == expected


def test_retry_after_date_in_the_future() -> None:
    now = datetime(2015, 10, 21, 7, 27, 0, tzinfo=UTC)
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now) == 60.0


def test_backoff_grows_exponentially_with_jitter_and_a_cap() -> None:
    rng = random.Random(3)
    waits = [backoff_seconds(n, base=1.0, cap=10.0, rng=rng) for n in range(1, 8)]
    assert 0.5 <= waits[0] <= 1.0 and 1.0 <= waits[1] <= 2.0 and 2.0 <= waits[2] <= 4.0
    assert all(5.0 <= w <= 10.0 for w in waits[4:])


def test_workers_turn_to_other_hosts_while_one_host_waits(serve, tmp_path) -> None:
    log: list[str] = []
    lock = threading.Lock()

    def handler_for(name: str):
        def handler(path: str, headers: dict[str, str]) -> Reply:
            if path != "/robots.txt":
                with lock:
                    log.append(name)
            return Reply(body=b"<html>x</html>") if path != "/robots.txt" else Reply(status=404)
        return handler

    a, b = serve(handler_for("a")), serve(handler_for("b"))
    sources = [local_source(site, name=name, delay=0.2,
                            seeds=tuple(f"{site.url}/{i}" for i in range(4)))
               for name, site in (("a", a), ("b", b))]
    crawl(sources, tmp_path, config=fast_config(concurrency=1))
    runs = sum(1 for x, y in itertools.pairwise(log) if x == y)
    assert sorted(log) == ["a"] * 4 + ["b"] * 4
    assert runs <= 1  # the one worker alternates instead of waiting out a's delay four times
