"""One command for every benchmark, each beside its goal (issue #16).

    workshop-bench [--repeat 3] [--skip burst env ...]   (or .venv/bin/python -m workshop_bench.run)

- build: the parallel cold build against the lessons' serial execution in the same run, and
  rebuilds (nothing changed, one lesson changed);
- free_hub: each lesson with its whole process tree on one CPU, 2 GiB, no network;
- class start: one server's start-up CPU time (and its slowest imports), and 30 students
  logging in, spawning and pulling at once, then clicking twice more with servers running;
- env: the learners' set against everything, installed into throwaway environments;
- sizes: what a learner clones.

Every timing is repeated (--repeat) and reported as min and median. Writes
bench/results/report.json and bench/results/report.md and prints the goals table first. The
build works on a fresh copy of the last commit in a temporary folder (sharing this checkout's
.venv and node_modules), so the numbers belong to a commit. Each command's output goes to
bench/results/logs/; a failure stops the run and shows the end of its log. Results of the
other benchmarks (page weight, Dask speed-up) are included when their JSON files are there.
About 30-40 minutes on 2 quiet processors with the defaults.
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
from workshop_kit.process import tail
from workshop_kit.snapshot import LAST_COMMIT, take

from .build import bench_build
from .measure import BenchFailed, clone_sizes, describe, run_logged, summary, tracked_bytes
from .report import markdown

OTHERS = ("page_weight", "dask_speedup")
PARTS = ("build", "free_hub", "start", "burst", "env", "sizes")


def run_json(module: str, args: list[str], result: str) -> dict:
    """Run `python -m workshop_bench.MODULE ARGS` (logged); the JSON it writes in results.

    Exit code 1 with fresh results means it ran and a goal was missed (the report says which);
    without results, it failed."""
    log = RESULTS / "logs" / f"{module}.log"
    (RESULTS / result).unlink(missing_ok=True)
    run_logged([sys.executable, "-m", f"workshop_bench.{module}", *args], log, ok_codes=(0, 1))
    if not (RESULTS / result).is_file():
        raise BenchFailed(f"workshop_bench.{module} wrote no results; the end of {log}:\n{tail(log, 40)}")
    return json.loads((RESULTS / result).read_text())


def bench_class_start(repeat: int, parts: set[str]) -> dict:
    found = {}
    if "start" in parts:
        found["server_start"] = run_json("server_start", ["--repeat", str(max(3, repeat)), "--imports"],
                                         "server_start.json")
    if "burst" in parts:
        bursts = [run_json("hub_burst", [], "hub_burst.json") for _ in range(repeat)]
        found["burst"] = {
            "students": bursts[0]["students"],
            "failures": sum(len(b["failures"]) for b in bursts),
            "p50_seconds": summary([b["p50_seconds"] for b in bursts]),
            "p95_seconds": summary([b["p95_seconds"] for b in bursts]),
            "server_cpu_p50_s": summary([b["server_cpu_s"]["p50"] for b in bursts]),
            "warm_first_click_p95_s": summary([b["warm_first_click"]["p95_seconds"] for b in bursts]),
            "warm_later_click_p95_s": summary([b["warm_later_click"]["p95_seconds"] for b in bursts]),
            "runs": bursts,
        }
    return found


def bench_sizes() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        bare = take(LAST_COMMIT).publish(Path(tmp) / "workshop.git")
        sizes = clone_sizes(f"file://{bare}")
    return {"tracked_tree_mb": round(tracked_bytes() / 1e6, 2), **sizes}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each timing (report min and median)")
    parser.add_argument("--skip", nargs="*", default=[], choices=PARTS, help="parts not to run")
    parser.add_argument("--jobs", type=int, help="lessons the build runs at once (default: the usable CPUs)")
    args = parser.parse_args()
    parts = set(PARTS) - set(args.skip)
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    RESULTS.mkdir(exist_ok=True)
    started = time.perf_counter()
    try:
        report = {"machine": describe(), "commit": take(LAST_COMMIT).commit, "repeat": args.repeat,
                  "load_average": {"start": round(os.getloadavg()[0], 1)}, "other": {}}
        if "build" in parts:
            report["build"] = bench_build(args.repeat, args.jobs)
        if "free_hub" in parts:
            report["free_hub"] = run_json("free_hub", ["--repeat", str(args.repeat)], "free_hub.json")
        if parts & {"start", "burst"}:
            report["class_start"] = bench_class_start(args.repeat, parts)
        if "env" in parts:
            report["env"] = run_json("env_size", [], "env_size.json")
        if "sizes" in parts:
            report["sizes"] = bench_sizes()
        report["load_average"]["end"] = round(os.getloadavg()[0], 1)
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
