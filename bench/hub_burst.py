"""Thirty students click the teacher's link in the same second: how long until each has the lessons?

    .venv/bin/python -m workshop_bench.hub_burst [--students 30]

Starts the workshop hub (hub/jupyterhub_config.py with the test settings of
workshop_kit.hubharness) and publishes this checkout's last commit on a git host on 127.0.0.1.
Then N threads each do what a student's browser does: log in through the hub's form, open
the nbgitpuller link for lesson 02, wait while the hub starts their server, and follow the
pull until nbgitpuller says it has finished. The clock starts when all threads are released
together and stops for each student when the lesson file is in their home folder.

Then, with every server running, two warm clicks by all at once: a link to a second
repository (nbgitpuller clones it: "first click") and, after the teacher pushes a change to
it, the same link again (nbgitpuller merges: "later click"). Each student's server process
tree's CPU time at the end of the cold burst is reported too (start, log in, first pull).

Writes bench/results/hub_burst.json and prints a short table: p50/p95 seconds, failures,
the peak memory of the hub and its proxy (RSS, sampled every 0.2 s), the peak of all the
students' servers and kernels, and the size of a clone of the repository (as nbgitpuller
makes it with depth 1, and a full clone's .git).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import psutil

from workshop import links
from workshop_kit.git import commit_all, git
from workshop_kit.hubharness.githost import GitHost
from workshop_kit.hubharness.hub import Hub
from workshop_kit.hubharness.student import Student
from workshop_kit.repo import RESULTS_DIR
from workshop_kit.snapshot import LAST_COMMIT, take

from .measure import PeakSampler, clone_sizes, describe, descendants, summed_rss, tree_cpu_seconds

LESSON = "notebooks/02-notebook-basics.ipynb"
FOLDER = "jupyterhub-workshop"  # where nbgitpuller puts the workshop in a student's home
WARM_FOLDER = "class-extras"  # the second repository of the warm clicks
NOTE = "class-note.md"  # the file the teacher adds before the later click
RESULTS = RESULTS_DIR / "hub_burst.json"
# The columns of the printed table: heading -> key of the report.
COLUMNS = {"students": "students", "ok": "succeeded", "p50 s": "p50_seconds", "p95 s": "p95_seconds",
           "max s": "max_seconds", "of which pulling, p50 s": "pull_p50_seconds",
           "hub+proxy peak MiB": "hub_and_proxy_peak_rss_mib", "hub+servers peak MiB": "all_servers_peak_rss_mib"}


# --- Students clicking one nbgitpuller link in the same second, as their browsers would.
#
# Each student is a thread: it logs in through the hub's form (unless it already has a
# session), opens the link, waits while the hub starts its server and follows the pull until
# nbgitpuller says it has finished. The threads are released together; each one's clock stops
# when the expected file is in the student's home folder.

def one_student(hub: Hub, link: str, name: str, start: threading.Barrier,
                students: dict | None = None, expect: Path | None = None) -> dict:
    """One student's click; logs in first unless `students` already holds their session."""
    lesson = expect or hub.home(name) / FOLDER / LESSON
    start.wait()
    began = time.monotonic()
    try:
        student = (students or {}).get(name) or Student(hub, name).login()
        if students is not None:
            students[name] = student
        pull = student.click(link, timeout=600)
        ok = pull["phase"] == "finished" and lesson.is_file()
        return {"student": name, "ok": ok, "seconds": time.monotonic() - began,
                "pull_seconds": pull["seconds_pulling"],
                "problem": None if ok else pull["output"][-300:]}
    except Exception as problem:  # a failure is a result here, not a crash
        return {"student": name, "ok": False, "seconds": time.monotonic() - began,
                "problem": f"{type(problem).__name__}: {problem}"[:300]}


def burst(hub: Hub, link: str, students: int, sessions: dict | None = None, expect=None) -> list:
    """All students click `link` at once; `expect(name)` is the file that must then exist."""
    start = threading.Barrier(students + 1)
    names = [f"student{index + 1:02d}" for index in range(students)]
    with ThreadPoolExecutor(max_workers=students) as pool:  # one thread each: all wait at the barrier
        clicks = [pool.submit(one_student, hub, link, name, start, sessions, expect(name) if expect else None)
                  for name in names]
        start.wait()
        return [click.result() for click in clicks]


# --- the hub, its memory and its servers' processor time

def hub_memory(hub: Hub) -> dict:
    """RSS of the hub and its proxy, and of those plus everything else the hub started."""
    core = hub.processes()
    servers = [p for p in descendants(hub.process.pid) if p.pid not in {c.pid for c in core}]
    return {"hub_and_proxy": summed_rss(core), "everything": summed_rss(core) + summed_rss(servers)}


def server_cpu_seconds(hub: Hub) -> list[float]:
    """CPU seconds (user + system, with children) of each student's server so far."""
    seconds = []
    for process in descendants(hub.process.pid):
        try:
            if "jupyterhub-singleuser" not in " ".join(process.cmdline()):
                continue
            seconds.append(tree_cpu_seconds(process))
        except psutil.Error:
            continue
    return seconds


def push_a_change(host: GitHost, name: str, workdir: Path) -> None:
    """The teacher adds a file to the published repository and pushes (to the bare
    repository itself: the loopback host serves clones, not pushes)."""
    clone = workdir / "teacher"
    git("clone", "-q", str(host.root / name), str(clone))
    (clone / NOTE).write_text("A note added during class.\n")
    commit_all(clone, "A note for the class")
    git("push", "-q", "origin", "HEAD:main", cwd=clone)


# --- the numbers: the clicks' percentiles, the failures, the memory peaks and clone sizes

def rounded(values: list[float], how) -> float | None:
    return round(how(values), 2) if values else None


def warm_phase(results: list) -> dict:
    """How many clicks worked, the ones that failed, and p50/p95 seconds of those that worked."""
    done = [r["seconds"] for r in results if r["ok"]]
    return {"succeeded": len(done), "failures": [r for r in results if not r["ok"]],
            "p50_seconds": rounded(done, statistics.median),
            # nearest rank: p95 of 30 clicks is the 29th fastest, a click that happened
            "p95_seconds": rounded(done, lambda values: float(np.percentile(values, 95, method="inverted_cdf")))}


def summarize(results: list, wall: float, peaks: dict, sizes: dict, commit: str) -> dict:
    """The cold burst: every student logging in, spawning and pulling at once."""
    done = [r["seconds"] for r in results if r["ok"]]
    pulls = [r["pull_seconds"] for r in results if r["ok"]]
    return {
        "students": len(results), "cpus": describe()["cpus"], **warm_phase(results),
        "max_seconds": rounded(done, max),
        # of which nbgitpuller's own part (the rest is login and the server starting)
        "pull_p50_seconds": rounded(pulls, statistics.median),
        "pull_max_seconds": rounded(pulls, max),
        "wall_seconds": round(wall, 2),
        "hub_and_proxy_peak_rss_mib": round(peaks.get("hub_and_proxy", 0) / 2**20, 1),
        "all_servers_peak_rss_mib": round(peaks.get("everything", 0) / 2**20, 1),
        "clone": sizes, "commit": commit[:10],
    }


def add_warm_clicks(report: dict, cpu: list[float], first_click: list, later_click: list) -> dict:
    """The servers' CPU after the cold burst and the two clicks with servers running; their
    failures count among the report's failures."""
    report["server_cpu_s"] = {"p50": rounded(cpu, statistics.median), "max": rounded(cpu, max)}
    report["warm_first_click"] = warm_phase(first_click)
    report["warm_later_click"] = warm_phase(later_click)
    if report["warm_first_click"]["failures"] or report["warm_later_click"]["failures"]:
        report["failures"] += report["warm_first_click"]["failures"] + report["warm_later_click"]["failures"]
    return report


def show(report: dict) -> None:
    """Print the report as JSON, then a table and a few sentences."""
    print(json.dumps(report))
    print("\n| " + " | ".join(COLUMNS) + " |\n|" + "---|" * len(COLUMNS))
    print("| " + " | ".join(str(report[key]) for key in COLUMNS.values()) + " |\n")
    first, later, sizes = report["warm_first_click"], report["warm_later_click"], report["clone"]
    print(f"servers running: first click (clone) p50 {first['p50_seconds']} s, p95 {first['p95_seconds']} s; "
          f"later click (update) p50 {later['p50_seconds']} s, p95 {later['p95_seconds']} s")
    print(f"each server's CPU after start and first pull: p50 {report['server_cpu_s']['p50']} s, "
          f"max {report['server_cpu_s']['max']} s")
    print(f"clone (depth 1, as nbgitpuller): {sizes['working_tree_mb']} MB of files, .git "
          f"{sizes['git_depth1_mb']} MB; full clone .git {sizes['git_full_mb']} MB")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    snapshot = take(LAST_COMMIT)
    with tempfile.TemporaryDirectory(prefix="hub-burst-") as tmp:
        host = GitHost(Path(tmp) / "git")
        hub = Hub(Path(tmp) / "hub")
        try:
            repo_url = host.publish(snapshot, f"{FOLDER}.git")
            hub.start()
            link = links.nbgitpuller_link(hub.url, repo_url, branch="main", path=LESSON)
            sessions: dict = {}
            with PeakSampler(lambda: hub_memory(hub), interval=0.2) as memory:
                wall = time.monotonic()
                results = burst(hub, link, args.students, sessions)
                wall = time.monotonic() - wall
            cpu = server_cpu_seconds(hub)
            # Warm: servers running; a second repository, cloned, then updated.
            extras_url = host.publish(snapshot, f"{WARM_FOLDER}.git")
            extras = links.nbgitpuller_link(hub.url, extras_url, branch="main", path="README.md")
            first_click = burst(hub, extras, args.students, sessions,
                                lambda name: hub.home(name) / WARM_FOLDER / "README.md")
            push_a_change(host, f"{WARM_FOLDER}.git", Path(tmp))
            later_click = burst(hub, extras, args.students, sessions,
                                lambda name: hub.home(name) / WARM_FOLDER / NOTE)
            sizes = clone_sizes(repo_url)
        finally:
            hub.stop()
            host.close()
    report = add_warm_clicks(summarize(results, wall, memory.peaks, sizes, snapshot.commit),
                             cpu, first_click, later_click)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=1) + "\n")
    show(report)
    return 0 if not report["failures"] else 1


if __name__ == "__main__":
    sys.exit(main())
