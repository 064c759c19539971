"""One command for every benchmark: the build, each lesson, the repository's size.

    workshop-bench [--repeat 2]      (or .venv/bin/python -m workshop_bench.run)

Writes bench/results/report.json and bench/results/report.md and prints the table. It works
on a fresh clone of HEAD in a temporary folder (sharing this checkout's .venv and
node_modules), so the numbers do not depend on what this checkout has cached. Results of
the other benchmarks (hub burst, page weight, Dask speed-up) are included when their JSON
files are in bench/results/.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

import nbformat
import psutil

from workshop_kit.repo import RESULTS_DIR as RESULTS
from workshop_kit.repo import ROOT

from .lessons import run_once  # one lesson: time and memory

BUILD = ["jupyter-book", "build", ".", "--builder", "html", "-W", "-n", "--keep-going"]


def timed(command, cwd) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def stats(values: list[float]) -> dict:
    return {"min": round(min(values), 2), "median": round(statistics.median(values), 2)}


def fresh_clone(into: Path) -> Path:
    clone = into / "clone"
    subprocess.run(["git", "clone", "-q", "--no-local", str(ROOT), str(clone)], check=True)
    os.symlink(ROOT / "node_modules", clone / "node_modules")  # the build copies from it
    return clone


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def touch_one_lesson(clone: Path) -> str:
    """Change one code cell of one lesson, as an author would, so it must run again."""
    lesson = clone / "notebooks" / "02-notebook-basics.ipynb"
    nb = nbformat.read(lesson, as_version=4)
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    first_code.source += "\n# edited"
    nbformat.write(nb, lesson)
    return lesson.stem


def bench_build(repeat: int) -> dict:
    cold, no_change, one_change = [], [], []
    lessons_bare = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            clone = fresh_clone(Path(tmp))
            cold.append(timed(BUILD, clone))
            no_change.append(timed(BUILD, clone))
            edited = touch_one_lesson(clone)
            one_change.append(timed(BUILD, clone))
            # The same lessons executed bare (nbclient, no Sphinx), in the same run.
            lessons_bare.append(sum(run_once(p)[0] for p in sorted((clone / "notebooks").glob("*.ipynb"))))
    return {
        "cold_build_s": stats(cold),
        "lessons_bare_execution_s": stats(lessons_bare),
        "build_overhead_ratio": round(min(cold) / min(lessons_bare), 2),
        "no_change_rebuild_s": stats(no_change),
        "one_lesson_changed_rebuild_s": stats(one_change),
        "changed_lesson": edited,
    }


def bench_lessons(repeat: int) -> list[dict]:
    """Each lesson on one CPU, in its own process (bench/lessons.py under taskset)."""
    subprocess.run(["taskset", "-c", "0", sys.executable, "-m", "workshop_bench.lessons",
                    "--repeat", str(repeat)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return json.loads((RESULTS / "lessons.json").read_text())["lessons"]


def bench_sizes() -> dict:
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    tracked_bytes = sum((ROOT / f).stat().st_size for f in tracked.decode().split("\0") if f and (ROOT / f).is_file())
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "clone"
        subprocess.run(["git", "clone", "-q", "--no-local", str(ROOT), str(clone)], check=True)
        git_bytes = folder_bytes(clone / ".git")
        work_bytes = folder_bytes(clone) - git_bytes
    return {"tracked_tree_mb": round(tracked_bytes / 1e6, 2), "clone_worktree_mb": round(work_bytes / 1e6, 2),
            "clone_git_mb": round(git_bytes / 1e6, 2), "clone_total_mb": round((git_bytes + work_bytes) / 1e6, 2)}


def machine() -> dict:
    return {"cpus": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            "jupyter-book": version("jupyter-book"), "myst-nb": version("myst-nb"),
            "jupyterlab": version("jupyterlab"), "jupyterhub": version("jupyterhub")}


def markdown(report: dict) -> str:
    b, s = report["build"], report["sizes"]
    lines = [
        "| measure | min | median |", "|---|---|---|",
        f"| cold build (s) | {b['cold_build_s']['min']} | {b['cold_build_s']['median']} |",
        f"| lessons executed bare, summed (s) | {b['lessons_bare_execution_s']['min']} | {b['lessons_bare_execution_s']['median']} |",
        f"| build overhead (cold build / bare execution) | {b['build_overhead_ratio']} | |",
        f"| rebuild, nothing changed (s) | {b['no_change_rebuild_s']['min']} | {b['no_change_rebuild_s']['median']} |",
        f"| rebuild, one lesson changed (s) | {b['one_lesson_changed_rebuild_s']['min']} | {b['one_lesson_changed_rebuild_s']['median']} |",
        "", "| lesson (1 CPU) | time min (s) | time median (s) | peak memory (MiB) | within 60 s, 1 GiB |", "|---|---|---|---|---|",
    ]
    for r in report["lessons"]:
        lines.append(f"| {r['lesson']} | {r['seconds_min']} | {r['seconds_median']} | {r['peak_rss_mib']} | {'yes' if r['within_budget'] else 'NO'} |")
    over = [r["lesson"] for r in report["lessons"] if not r["within_budget"]]
    lines += ["", f"Over budget: {', '.join(over) or 'none'}", "",
              f"Tracked tree {s['tracked_tree_mb']} MB; a clone is {s['clone_total_mb']} MB "
              f"({s['clone_worktree_mb']} MB files + {s['clone_git_mb']} MB .git).", ""]
    for name, result in report["other"].items():
        lines.append(f"- {name}: `{json.dumps(result)[:400]}`")
    lines.append(f"\nMachine: {json.dumps(report['machine'])}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="runs of each timing (report min and median)")
    args = parser.parse_args()
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    RESULTS.mkdir(exist_ok=True)
    started = time.perf_counter()
    report = {"machine": machine(), "build": bench_build(args.repeat),
              "lessons": bench_lessons(args.repeat), "sizes": bench_sizes(), "other": {}}
    for name in ("hub_burst", "page_weight", "dask_speedup"):
        found = RESULTS / f"{name}.json"
        if found.is_file():
            report["other"][name] = json.loads(found.read_text())
    report["bench_seconds"] = round(time.perf_counter() - started)
    (RESULTS / "report.json").write_text(json.dumps(report, indent=2))
    table = markdown(report)
    (RESULTS / "report.md").write_text(table + "\n")
    print(table)
    print(f"\n(benchmarks took {report['bench_seconds']} s; written to bench/results/)")


if __name__ == "__main__":
    main()
