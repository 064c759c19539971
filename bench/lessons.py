"""Run time and peak memory of each lesson on one CPU, as on a free teaching hub.

    taskset -c 0 .venv/bin/python -m workshop_bench.lessons [--repeat 3] [notebooks/NN-name.ipynb ...]

With no lesson named, every edition's lessons (English, then zh-TW/).

Each lesson is executed the way the tests and the book do (nbclient, in its own folder).
Memory is the peak of the summed resident memory (RSS) of the kernel and every process it
starts (R inside rpy2, Dask workers), sampled every 20 ms. Prints a Markdown table and writes
bench/results/lessons.json. Budget: 60 s and 1 GiB per lesson.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import nbformat

from workshop_kit.lessons import execute  # lessons run the way the tests run them
from workshop_kit.repo import RESULTS_DIR, ROOT, every_lesson

from . import machine
from .memory import PeakSampler, descendants, summed_rss
from .report import lesson_table
from .stats import summary

BUDGET_SECONDS, BUDGET_BYTES = 60, 1024**3


def run_once(lesson: Path) -> tuple[float, int]:
    """Seconds to run the lesson, and the peak memory of its kernel and what that started."""
    nb = nbformat.read(lesson, as_version=4)
    with PeakSampler(lambda: {"kernel": summed_rss(descendants())}) as memory:
        start = time.perf_counter()
        execute(nb, lesson.parent, timeout=600)
        seconds = time.perf_counter() - start
    return seconds, memory.peaks.get("kernel", 0)


def measure(lesson: Path, repeat: int) -> dict:
    runs = [run_once(lesson) for _ in range(repeat)]
    seconds = [s for s, _ in runs]
    peak = max(m for _, m in runs)
    times = summary(seconds)
    return {"lesson": label(lesson), "seconds_min": times["min"], "seconds_median": times["median"],
            "peak_rss_mib": round(peak / 2**20),
            "within_budget": max(seconds) < BUDGET_SECONDS and peak < BUDGET_BYTES}


def label(lesson: Path) -> str:
    """'02-notebook-basics' for English, 'zh-TW/02-notebook-basics' for a translation."""
    top = lesson.relative_to(ROOT).parts[0]
    return lesson.stem if top == "notebooks" else f"{top}/{lesson.stem}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lessons", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    for lesson in [p.resolve() for p in args.lessons] or every_lesson():
        rows.append(measure(lesson, args.repeat))
        print(f"{label(lesson)}: {rows[-1]}", flush=True)
    described = {**machine.describe(), "repeat": args.repeat}
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "lessons.json").write_text(json.dumps({"machine": described, "lessons": rows},
                                                         indent=2))
    print(f"\nMachine: {described}\n\n" + lesson_table(rows))


if __name__ == "__main__":
    main()
