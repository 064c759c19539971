"""Run time and peak memory of each lesson on one CPU, as on a free teaching hub.

    taskset -c 0 .venv/bin/python -m workshop_bench.lessons [--repeat 3] [notebooks/NN-name.ipynb ...]

Each lesson is executed the way the tests and the book do (nbclient, in its own folder).
Memory is the peak of the summed resident memory (RSS) of the kernel and every process it
starts (R inside rpy2, Dask workers), sampled every 20 ms. Prints a Markdown table and writes
bench/results/lessons.json. Budget: 60 s and 1 GiB per lesson.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import threading
import time
from pathlib import Path

import nbformat
import psutil

from workshop_kit.lessons import execute  # lessons run the way the tests run them
from workshop_kit.repo import RESULTS_DIR as RESULTS
from workshop_kit.repo import lessons
BUDGET_SECONDS, BUDGET_BYTES = 60, 1024**3


def summed_rss(processes) -> int:
    """Resident memory of these processes together; one that has just ended counts 0."""
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.Error:
            pass
    return total


class PeakMemory:
    """Samples the summed RSS of this process's descendants until stopped."""

    def __init__(self, interval: float = 0.02):
        self.interval, self.peak = interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        me = psutil.Process()
        while not self._stop.is_set():
            self.peak = max(self.peak, summed_rss(me.children(recursive=True)))
            time.sleep(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def run_once(lesson: Path) -> tuple[float, int]:
    nb = nbformat.read(lesson, as_version=4)
    with PeakMemory() as memory:
        start = time.perf_counter()
        execute(nb, lesson.parent, timeout=600)
        seconds = time.perf_counter() - start
    return seconds, memory.peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lessons", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    lessons = [p.resolve() for p in args.lessons] or lessons()

    rows = []
    for lesson in lessons:
        runs = [run_once(lesson) for _ in range(args.repeat)]
        seconds = [s for s, _ in runs]
        peak = max(m for _, m in runs)
        rows.append({
            "lesson": lesson.stem,
            "seconds_min": round(min(seconds), 2),
            "seconds_median": round(statistics.median(seconds), 2),
            "peak_rss_mib": round(peak / 2**20),
            "within_budget": max(seconds) < BUDGET_SECONDS and peak < BUDGET_BYTES,
        })
        print(f"{lesson.stem}: {rows[-1]}", flush=True)

    machine = {
        "cpus_allowed": len(os.sched_getaffinity(0)), "cpus": os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(), "repeat": args.repeat,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "lessons.json").write_text(json.dumps({"machine": machine, "lessons": rows}, indent=2))

    print(f"\nMachine: {machine}\n")
    print("| lesson | time min (s) | time median (s) | peak memory (MiB) | within 60 s / 1 GiB |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['lesson']} | {r['seconds_min']} | {r['seconds_median']} | {r['peak_rss_mib']} | "
              f"{'yes' if r['within_budget'] else 'NO'} |")
    over = [r["lesson"] for r in rows if not r["within_budget"]]
    print(f"\nOver budget: {', '.join(over) if over else 'none'}")


if __name__ == "__main__":
    main()
