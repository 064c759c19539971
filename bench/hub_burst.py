"""Thirty students click the teacher's link in the same second: how long until each has the lessons?

    .venv/bin/python -m workshop_bench.hub_burst [--students 30]

Starts the workshop hub (hub/jupyterhub_config.py with the test settings of
workshop_kit.hubharness) and publishes this checkout's last commit on a git host on 127.0.0.1.
Then N threads each do what a student's browser does: log in through the hub's form, open
the nbgitpuller link for lesson 02, wait while the hub starts their server, and follow the
pull until nbgitpuller says it has finished. The clock starts when all threads are released
together and stops for each student when the lesson file is in their home folder.

Writes bench/results/hub_burst.json and prints a short table: p50/p95 seconds, failures,
the peak memory of the hub and its proxy (RSS, sampled every 0.2 s), the peak of all the
students' servers and kernels, and the size of a clone of the repository (working tree and
.git, as nbgitpuller makes it with depth 1, and a full clone's .git).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from workshop import links
from workshop_kit.hubharness import GitHost, Hub, Student, git
from workshop_kit.repo import RESULTS_DIR, ROOT

from .lessons import summed_rss

LESSON = "notebooks/02-notebook-basics.ipynb"
FOLDER = "jupyterhub-workshop"
RESULTS = RESULTS_DIR / "hub_burst.json"


def percentile(values, fraction):
    """Nearest-rank percentile (p95 of 30 values is the 29th smallest)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.4999) - 1))]


def du_kib(path: Path, exclude: str | None = None) -> int:
    args = ["du", "-sk"] + ([f"--exclude={exclude}"] if exclude else []) + [str(path)]
    return int(subprocess.run(args, check=True, capture_output=True, text=True).stdout.split()[0])


def clone_sizes(repo_url: str, workdir: Path) -> dict:
    shallow, full = workdir / "shallow", workdir / "full"
    git("clone", "-q", "--depth", "1", repo_url, str(shallow))  # what nbgitpuller does
    git("clone", "-q", repo_url, str(full))
    return {"working_tree_kib": du_kib(shallow, exclude=".git"),
            "git_dir_depth1_kib": du_kib(shallow / ".git"),
            "git_dir_full_kib": du_kib(full / ".git")}


class MemoryPeak(threading.Thread):
    """Samples the RSS of the hub + proxy, and of everything the hub started, every 0.2 s."""

    def __init__(self, hub: Hub):
        super().__init__(daemon=True)
        self.hub, self.stop = hub, threading.Event()
        self.hub_and_proxy = self.everything = 0

    def run(self):
        while not self.stop.is_set():
            try:
                core = summed_rss(self.hub.processes())
                root = psutil.Process(self.hub.process.pid)
                every = core + summed_rss(p for p in root.children(recursive=True)
                                          if "configurable-http-proxy" not in " ".join(_cmdline(p)))
            except psutil.NoSuchProcess:
                continue
            self.hub_and_proxy = max(self.hub_and_proxy, core)
            self.everything = max(self.everything, every)
            self.stop.wait(0.2)


def _cmdline(process) -> list:
    try:
        return process.cmdline()
    except psutil.NoSuchProcess:
        return []


def burst(hub: Hub, link: str, students: int) -> list:
    start = threading.Barrier(students + 1)
    results = [None] * students

    def one(index: int):
        name = f"student{index + 1:02d}"
        lesson = hub.home(name) / FOLDER / LESSON
        start.wait()
        began = time.monotonic()
        try:
            pull = Student(hub, name).login().click(link, timeout=600)
            ok = pull["phase"] == "finished" and lesson.is_file()
            results[index] = {"student": name, "ok": ok, "seconds": time.monotonic() - began,
                              "pull_seconds": pull["seconds_pulling"],
                              "problem": None if ok else pull["output"][-300:]}
        except Exception as problem:  # a failure is a result here, not a crash
            results[index] = {"student": name, "ok": False, "seconds": time.monotonic() - began,
                              "problem": f"{type(problem).__name__}: {problem}"[:300]}

    threads = [threading.Thread(target=one, args=(i,)) for i in range(students)]
    for thread in threads:
        thread.start()
    start.wait()
    for thread in threads:
        thread.join()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="hub-burst-") as tmp:
        tmp = Path(tmp)
        host = GitHost(tmp / "git")
        repo_url = host.add_bare_clone(ROOT, f"{FOLDER}.git")
        hub = Hub(tmp / "hub")
        try:
            hub.start()
            link = links.nbgitpuller_link(hub.url, repo_url, branch="main", path=LESSON)
            memory = MemoryPeak(hub)
            memory.start()
            wall = time.monotonic()
            results = burst(hub, link, args.students)
            wall = time.monotonic() - wall
            memory.stop.set()
            memory.join()
            sizes = clone_sizes(repo_url, tmp / "clones")
        finally:
            hub.stop()
            host.close()

    done = [r["seconds"] for r in results if r["ok"]]
    pulls = [r["pull_seconds"] for r in results if r["ok"]]
    report = {
        "students": args.students,
        "cpus": os.cpu_count(),
        "succeeded": len(done),
        "failures": [r for r in results if not r["ok"]],
        "p50_seconds": round(statistics.median(done), 2) if done else None,
        "p95_seconds": round(percentile(done, 0.95), 2) if done else None,
        "max_seconds": round(max(done), 2) if done else None,
        # of which nbgitpuller's own part (the rest is login and the server starting)
        "pull_p50_seconds": round(statistics.median(pulls), 2) if pulls else None,
        "pull_max_seconds": round(max(pulls), 2) if pulls else None,
        "wall_seconds": round(wall, 2),
        "hub_and_proxy_peak_rss_mib": round(memory.hub_and_proxy / 2**20, 1),
        "all_servers_peak_rss_mib": round(memory.everything / 2**20, 1),
        "clone": sizes,
        "commit": git("rev-parse", "--short", "HEAD", cwd=ROOT).strip(),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps(report))
    print(f"""
| students | ok | p50 s | p95 s | max s | of which pulling, p50 s | hub+proxy peak MiB | hub+servers peak MiB |
|---|---|---|---|---|---|---|---|
| {args.students} | {len(done)} | {report['p50_seconds']} | {report['p95_seconds']} | {report['max_seconds']} | {report['pull_p50_seconds']} | {report['hub_and_proxy_peak_rss_mib']} | {report['all_servers_peak_rss_mib']} |

clone (depth 1, as nbgitpuller): working tree {sizes['working_tree_kib']} KiB, .git {sizes['git_dir_depth1_kib']} KiB; full clone .git {sizes['git_dir_full_kib']} KiB""")
    return 0 if not report["failures"] else 1


if __name__ == "__main__":
    sys.exit(main())
