"""Politeness: per-host concurrency and delay, Retry-After, and retry backoff with jitter.

Time comes from an injected clock and sleep function, so tests run without waiting.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


@dataclass(slots=True)
class _Host:
    semaphore: asyncio.Semaphore
    delay: float
    next_at: float = 0.0
    waits: list[float] = field(default_factory=list)


class HostGate:
    """Let at most `per_host` requests run per host, each `delay` seconds after the last ended."""

    def __init__(self, clock: Clock, sleep: Sleep, per_host: int = 2) -> None:
        self._clock = clock
        self._sleep = sleep
        self._per_host = max(1, per_host)
        self._hosts: dict[str, _Host] = {}

    def _host(self, host: str, delay: float) -> _Host:
        state = self._hosts.get(host)
        if state is None:
            # a delay means one request at a time: parallel requests would defeat it
            slots = 1 if delay > 0 else self._per_host
            state = self._hosts[host] = _Host(asyncio.Semaphore(slots), delay)
        return state

    def set_delay(self, host: str, delay: float) -> None:
        """Raise (never lower) a host's delay, e.g. to robots.txt's Crawl-delay."""
        state = self._host(host, delay)
        if delay > state.delay:
            state.delay = delay
            if state.semaphore._value > 1:
                state.semaphore = asyncio.Semaphore(1)

    def defer(self, host: str, seconds: float) -> None:
        """Hold every request to a host for `seconds` (Retry-After, backoff)."""
        state = self._host(host, 0.0)
        state.next_at = max(state.next_at, self._clock() + seconds)

    def ready(self, host: str, busy: int) -> bool:
        """Tell whether a request to `host` could start now, given `busy` taken by workers."""
        state = self._hosts.get(host)
        if state is None:
            return busy == 0  # unknown yet: one at a time until its delay is known
        capacity = 1 if state.delay > 0 else self._per_host
        return busy < capacity and state.next_at <= self._clock()

    def wait(self, host: str) -> float:
        """Return how long until `host` may be asked again (0 when it may now)."""
        state = self._hosts.get(host)
        return max(0.0, state.next_at - self._clock()) if state else 0.0

    @asynccontextmanager
    async def slot(self, host: str, delay: float = 0.0) -> AsyncIterator[None]:
        """Wait for a turn at `host`, then hold it for the duration of one request."""
        state = self._host(host, delay)
        async with state.semaphore:
            while True:
                wait = state.next_at - self._clock()
                if wait <= 0:
                    break
                await self._sleep(wait)
            state.next_at = self._clock() + state.delay
            try:
                yield
            finally:  # the delay runs from the end of a request, so a slow host gets more air
                state.next_at = max(state.next_at, self._clock() + state.delay)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Parse a Retry-After header (seconds or an HTTP date) into seconds; None if unusable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_seconds(attempt: int, base: float = 1.0, cap: float = 60.0,
                    rng: random.Random | None = None) -> float:
    """Return the wait before retry number `attempt` (1-based): exponential with full jitter."""
    ceiling = min(cap, base * (2 ** (attempt - 1)))
    return (rng or random).uniform(ceiling / 2, ceiling)
