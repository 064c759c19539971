"""The statistics every benchmark reports: min and median of repeated runs, percentiles."""
from __future__ import annotations

import statistics


def summary(values: list[float], digits: int = 2, keep_all: bool = False) -> dict:
    """{"min", "median"} of repeated timings (and "all" of them if asked), rounded."""
    result = {"min": round(min(values), digits), "median": round(statistics.median(values), digits)}
    if keep_all:
        result["all"] = [round(v, digits) for v in values]
    return result


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of 30 values is the 29th smallest)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.4999) - 1))]
