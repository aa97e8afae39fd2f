"""Benchmarks of crawler.extract: main text F1, regulation parsing accuracy, speed."""
