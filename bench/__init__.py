"""Benchmarks: each subpackage prints its figures; `python -m bench` runs them all."""
