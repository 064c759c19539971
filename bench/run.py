"""One command for every benchmark: the build, each lesson, the repository's size.

    workshop-bench [--repeat 2]      (or .venv/bin/python -m workshop_bench.run)

Writes bench/results/report.json and bench/results/report.md and prints the table. It works
on a fresh copy of the last commit in a temporary folder (sharing this checkout's .venv and
node_modules), so the numbers belong to a commit and do not depend on what this checkout has
cached. Each command's output goes to bench/results/logs/; a failure stops the run and shows
the end of its log. Results of the other benchmarks (hub burst, page weight, Dask speed-up)
are included when their JSON files are in bench/results/.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from workshop_kit.repo import RESULTS_DIR as RESULTS
from workshop_kit.snapshot import LAST_COMMIT, take

from . import machine
from .build import bench_build
from .logged import BenchFailed, run_logged
from .report import markdown
from .sizes import clone_sizes, tracked_bytes

OTHERS = ("hub_burst", "page_weight", "dask_speedup")


def bench_lessons(repeat: int) -> list[dict]:
    """Each lesson on one CPU, in its own process (workshop_bench.lessons under taskset)."""
    run_logged(["taskset", "-c", "0", sys.executable, "-m", "workshop_bench.lessons",
                "--repeat", str(repeat)], RESULTS / "logs" / "lessons.log")
    return json.loads((RESULTS / "lessons.json").read_text())["lessons"]


def bench_sizes() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        bare = take(LAST_COMMIT).publish(Path(tmp) / "workshop.git")
        sizes = clone_sizes(f"file://{bare}")
    return {"tracked_tree_mb": round(tracked_bytes() / 1e6, 2), **sizes}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="runs of each timing (report min and median)")
    args = parser.parse_args()
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    RESULTS.mkdir(exist_ok=True)
    started = time.perf_counter()
    try:
        report = {"machine": machine.describe(), "commit": take(LAST_COMMIT).commit,
                  "build": bench_build(args.repeat), "lessons": bench_lessons(args.repeat),
                  "sizes": bench_sizes(), "other": {}}
    except BenchFailed as failure:
        print(f"workshop-bench stopped: {failure}", file=sys.stderr)
        return 1
    for name in OTHERS:
        found = RESULTS / f"{name}.json"
        if found.is_file():
            report["other"][name] = json.loads(found.read_text())
    report["bench_seconds"] = round(time.perf_counter() - started)
    (RESULTS / "report.json").write_text(json.dumps(report, indent=2))
    table = markdown(report)
    (RESULTS / "report.md").write_text(table + "\n")
    print(table)
    print(f"\n(benchmarks took {report['bench_seconds']} s; written to bench/results/)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
