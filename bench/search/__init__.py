"""Search speed benchmark: rebuild time, query latency, update time, searcher memory."""
