"""Crawler benchmark: pages/s on a generated loopback site, delay kept, peak memory."""
