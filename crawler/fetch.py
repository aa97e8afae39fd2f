"""One HTTP request with httpx: explicit timeouts, no automatic redirects, capped streamed body.

`Fetcher.request` makes exactly one request and returns a plain `Fetched` (never an httpx
object); network failures become `FetchError` with a reason ("timeout", "connection_error",
"reset", "private_address"). Redirects, retries and politeness are the engine's business.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

import httpx

from crawler.body import MAX_BODY_BYTES, MAX_RATIO, Body, read_body
from crawler.errors import BlockedError, FetchError

log = logging.getLogger(__name__)

USER_AGENT = "TelusurBot/0.1 (+https://github.com/telusur/telusur)"
ACCEPT = ("text/html,application/xhtml+xml,application/xml;q=0.9,application/pdf,"
          "application/json;q=0.8,*/*;q=0.5")


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """Knobs of one request: timeouts, caps, identity."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 120.0
    max_bytes: int = MAX_BODY_BYTES
    max_ratio: int = MAX_RATIO
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Fetched:
    """What one request returned: status, headers, the (decoded, maybe cut) body, and when."""

    url: str
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    body: Body
    fetched_at: datetime
    coding: str = ""

    def header(self, name: str) -> str | None:
        """Return the first value of a header (case-insensitive)."""
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)

    @property
    def location(self) -> str | None:
        """Return the redirect target, if this is a redirect (304 is not one)."""
        if self.status in (301, 302, 303, 307, 308):
            return self.header("location")
        return None


def is_public_address(address: str) -> bool:
    """Tell whether an IP address is globally routable (not private, loopback, link-local...)."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
                or ip.is_reserved or ip.is_unspecified or not ip.is_global)


@dataclass(slots=True)
class AddressGuard:
    """Refuse hosts that resolve to private, loopback or link-local addresses (cached per host)."""

    resolve: bool = True  # False with a mock transport: only literal addresses are checked
    _cache: dict[str, bool] = field(default_factory=dict)

    async def check(self, host: str) -> None:
        """Raise BlockedError("private_address") when `host` is not a public address."""
        if host not in self._cache:
            self._cache[host] = await self._public(host)
        if not self._cache[host]:
            raise BlockedError("private_address", f"{host} resolves to a non-public address")

    async def _public(self, host: str) -> bool:
        bare = host.strip("[]")
        try:
            ipaddress.ip_address(bare)
            return is_public_address(bare)
        except ValueError:
            pass
        if bare == "localhost" or bare.endswith((".localhost", ".local", ".internal")):
            return False
        if not self.resolve:
            return True
        try:
            loop = asyncio.get_running_loop()
            infos = await loop.getaddrinfo(bare, None, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            return True  # unresolvable: the request itself will fail as connection_error
        return all(is_public_address(str(info[4][0])) for info in infos)


def build_client(config: FetchConfig, transport: httpx.AsyncBaseTransport | None,
                 max_connections: int = 16) -> httpx.AsyncClient:
    """Build the crawl's AsyncClient: our UA, explicit timeouts, no redirects, raw encodings."""
    timeout = httpx.Timeout(config.read_timeout, connect=config.connect_timeout,
                            pool=config.total_timeout)
    return httpx.AsyncClient(
        transport=transport,
        timeout=timeout,
        follow_redirects=False,
        headers={"User-Agent": config.user_agent, "Accept": ACCEPT,
                 "Accept-Encoding": "gzip, deflate", "Accept-Language": "id,en;q=0.7"},
        limits=httpx.Limits(max_connections=max_connections,
                            max_keepalive_connections=max_connections),
        trust_env=False,
    )


class Fetcher:
    """Make single requests through one client, reading bodies within the caps."""

    def __init__(self, client: httpx.AsyncClient, config: FetchConfig) -> None:
        self.client = client
        self.config = config

    async def request(self, url: str, headers: dict[str, str] | None = None) -> Fetched:
        """GET `url` once; raise FetchError on timeouts and network failures."""
        try:
            async with asyncio.timeout(self.config.total_timeout):
                return await self._request(url, headers or {})
        except TimeoutError as exc:
            raise FetchError("timeout", f"{url}: no complete answer in "
                             f"{self.config.total_timeout:g} s") from exc
        except httpx.TimeoutException as exc:
            raise FetchError("timeout", f"{url}: {type(exc).__name__}") from exc
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
            raise FetchError("reset", f"{url}: connection broken ({exc})") from exc
        except (httpx.ConnectError, httpx.NetworkError, httpx.ProxyError) as exc:
            raise FetchError("connection_error", f"{url}: {exc}") from exc
        except (httpx.InvalidURL, httpx.UnsupportedProtocol, UnicodeError, ValueError) as exc:
            raise FetchError("invalid_url", f"{url}: {exc}") from exc
        except httpx.HTTPError as exc:
            raise FetchError("error", f"{url}: {exc}") from exc

    async def _request(self, url: str, headers: dict[str, str]) -> Fetched:
        request = self.client.build_request("GET", url, headers=headers)
        response = await self.client.send(request, stream=True)
        try:
            coding = response.headers.get("content-encoding", "")
            body = await read_body(_raw_chunks(response), coding, _limit(response, self.config),
                                   self.config.max_ratio)
        finally:
            await response.aclose()
        return Fetched(
            url=url, status=response.status_code, reason=response.reason_phrase,
            headers=tuple(response.headers.multi_items()), body=body,
            fetched_at=datetime.now(UTC), coding=coding,
        )


OVERSIZE_SAMPLE = 1024 * 1024  # what we keep of a body announced larger than the cap


def _limit(response: httpx.Response, config: FetchConfig) -> int:
    """Return how many bytes to read: a sample only when the body is announced too large."""
    try:
        announced = int(response.headers.get("content-length", "-1"))
    except ValueError:
        announced = -1
    if announced > config.max_bytes:
        return min(config.max_bytes, OVERSIZE_SAMPLE)  # it would be cut anyway: save the trip
    return config.max_bytes


async def _raw_chunks(response: httpx.Response) -> AsyncIterator[bytes]:
    """Yield the body as sent; a response built in memory (MockTransport) yields its content."""
    if response.is_stream_consumed and hasattr(response, "_content"):
        yield response.content  # preloaded bytes are the body as the handler wrote it
        return
    async for chunk in response.aiter_raw():
        yield chunk


def host_port(url: str) -> str:
    """Return the host part used for the address guard."""
    return urlsplit(url).hostname or ""
