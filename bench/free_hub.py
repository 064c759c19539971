"""Each lesson the way a free hub runs it: one processor, 2 GiB, no network, for the whole tree.

    .venv/bin/python -m workshop_bench.free_hub [--repeat 3] [notebooks/NN-name.ipynb ...]

A free hub (Binder, a small class hub) gives a server one processor and a memory limit that
hold for every process it starts: the kernel, R inside rpy2, Dask's workers. Each lesson runs
in a fresh box with those limits (workshop_bench.confinement: a cgroup pinned to one processor
and limited to 2 GiB, with only loopback), and is measured, over --repeat runs:

- time: the lesson's run, kernel start to last cell;
- processor time the whole tree used: on a busy machine it stays close to what a quiet
  one-processor hub would take;
- memory: the peak working set of the box.

Goal: 30 s and 512 MiB each (Binder promises about 450 MB). Writes
bench/results/free_hub.json and prints a table.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from workshop_kit.repo import RESULTS_DIR, every_lesson

from .confinement import CGROUP, NETWORK_OFF, Confinement, run_confined
from .goals import LESSON_MIB as GOAL_MIB
from .goals import LESSON_SECONDS as GOAL_SECONDS
from .lessons import label
from .report import free_hub_table as table
from .stats import summary

# Importable from here as before the box moved to workshop_bench.confinement.
__all__ = ["CGROUP", "GOAL_MIB", "GOAL_SECONDS", "NETWORK_OFF", "Confinement", "main", "measure",
           "run_confined", "run_lesson_inside", "table"]


def run_lesson_inside(lesson: Path) -> None:
    """Inside the confinement: run the lesson, print its time and what this process saw."""
    import nbformat

    from workshop_kit.lessons import execute

    nb = nbformat.read(lesson, as_version=4)
    start = time.perf_counter()
    execute(nb, lesson.parent, timeout=600)
    print(json.dumps({"seconds": time.perf_counter() - start, "cpus_seen": len(os.sched_getaffinity(0))}))


def measure(lesson: Path, repeat: int, cpu: int) -> dict:
    runs = []
    for _ in range(repeat):
        result = run_confined([sys.executable, "-m", "workshop_bench.free_hub", "--inside", str(lesson)], cpu=cpu)
        if result["returncode"] != 0:
            tail = (result["stderr"] or "")[-1500:]
            oom = " (killed by the 2 GiB limit)" if result["oom_kills"] else ""
            return {"lesson": label(lesson), "failed": f"exit {result['returncode']}{oom}: {tail}"}
        inside = json.loads(result["stdout"].strip().splitlines()[-1])
        runs.append((inside["seconds"], result["peak_bytes"], result["cpu_seconds"]))
    seconds = summary([s for s, _, _ in runs], digits=1)
    cpu = [c for _, _, c in runs if c is not None]
    peak_mib = round(max(m for _, m, _ in runs) / 2**20)
    return {"lesson": label(lesson), "seconds_min": seconds["min"], "seconds_median": seconds["median"],
            "cpu_seconds_median": summary(cpu, digits=1)["median"] if cpu else None,
            "peak_mib": peak_mib, "within_goal": seconds["median"] <= GOAL_SECONDS and peak_mib <= GOAL_MIB}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lessons", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cpu", type=int, default=0, help="the processor the lessons get")
    parser.add_argument("--inside", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inside:
        run_lesson_inside(args.inside)
        return 0
    rows = []
    for lesson in [p.resolve() for p in args.lessons] or every_lesson():
        rows.append(measure(lesson, args.repeat, args.cpu))
        print(rows[-1], flush=True)
    RESULTS_DIR.mkdir(exist_ok=True)
    report = {"goal": {"seconds": GOAL_SECONDS, "mib": GOAL_MIB}, "repeat": args.repeat,
              "cgroup": "v2" if Confinement().v2 else "v1", "lessons": rows}
    (RESULTS_DIR / "free_hub.json").write_text(json.dumps(report, indent=2))
    print(table(rows))
    return 0 if all(r.get("within_goal") for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
