"""Fixtures for crawler tests: loopback sites started per test, and fake time."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer

import pytest

from tests.crawler.loopback import FakeTime, Handler, Site, start_site


@pytest.fixture
def serve() -> Iterator[Callable[[Handler], Site]]:
    """Start loopback sites for a test (stopped afterwards): `site = serve(handler)`."""
    servers: list[ThreadingHTTPServer] = []

    def start(handler: Handler) -> Site:
        site, server = start_site(handler)
        servers.append(server)
        return site

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def fake_time() -> FakeTime:
    """Return a fresh fake clock/sleep pair."""
    return FakeTime()
