"""Benchmarks (quality.md): each ``bench_*.py`` prints its figures beside their floors."""
