"""robots.txt rules per host, parsed by protego (wildcards, Allow precedence, Crawl-delay).

`RobotsRules` is pure: built from a status and a body. What a status means follows RFC 9309:
a 4xx means no rules (crawl everything), a 5xx or an unreachable host means crawl nothing for
now, and an oversized file is read up to 500 KiB.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from protego import Protego

log = logging.getLogger(__name__)

USER_AGENT_TOKEN = "TelusurBot"
MAX_ROBOTS_BYTES = 500 * 1024
MAX_CRAWL_DELAY = 60.0


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """What one host's robots.txt allows our agent to do."""

    parser: Protego | None  # None: no restrictions (or none known)
    disallow_all: bool = False
    reason: str = "ok"  # ok, missing (4xx), unavailable (5xx), unreachable, unreadable

    def allowed(self, url: str) -> bool:
        """Tell whether our agent may fetch `url`."""
        if self.disallow_all:
            return False
        if self.parser is None:
            return True
        try:
            return bool(self.parser.can_fetch(url, USER_AGENT_TOKEN))
        except Exception:  # protego on a pathological URL: be safe, do not fetch
            log.warning("robots check failed for %s; not fetching", url)
            return False

    def crawl_delay(self) -> float | None:
        """Return the Crawl-delay (seconds, capped) robots.txt sets for our agent, if any."""
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(USER_AGENT_TOKEN)
        if delay is None:
            return None
        return max(0.0, min(float(delay), MAX_CRAWL_DELAY))

    def sitemaps(self) -> tuple[str, ...]:
        """Return the Sitemap URLs robots.txt lists."""
        if self.parser is None:
            return ()
        return tuple(self.parser.sitemaps)


def rules_from_response(status: int | None, body: bytes) -> RobotsRules:
    """Build the rules a robots.txt fetch implies (status None = host unreachable)."""
    if status is None:
        return RobotsRules(None, disallow_all=True, reason="unreachable")
    if status >= 500 or status == 429:
        return RobotsRules(None, disallow_all=True, reason="unavailable")
    if status >= 400:
        return RobotsRules(None, reason="missing")
    if status >= 300:  # a redirect we did not follow to its end: treat as no file
        return RobotsRules(None, reason="missing")
    text = body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace").lstrip("\ufeff")
    if text.lstrip()[:1] == "<":  # an HTML page served as robots.txt: no rules
        return RobotsRules(None, reason="unreadable")
    try:
        return RobotsRules(Protego.parse(text))
    except Exception as exc:  # protego raises assorted errors on garbage
        log.warning("unparseable robots.txt (%s); assuming no rules", exc)
        return RobotsRules(None, reason="unreadable")
