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

This module sets up the hub and the git host and runs the phases; the students' clicks are
workshop_bench.burst_clicks, the numbers and the table workshop_bench.burst_report.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from workshop import links
import psutil

from workshop_kit.git import commit_all, git
from workshop_kit.hubharness import GitHost, Hub
from workshop_kit.repo import RESULTS_DIR
from workshop_kit.snapshot import LAST_COMMIT, take

from .burst_clicks import FOLDER, LESSON, burst, one_student
from .burst_report import add_warm_clicks, rounded, show, summarize, warm_phase
from .cpu_time import tree_cpu_seconds
from .memory import PeakSampler, descendants, summed_rss
from .sizes import clone_sizes

# Importable from here as before the students' clicks and the report had their own modules.
__all__ = ["FOLDER", "LESSON", "NOTE", "RESULTS", "WARM_FOLDER", "burst", "hub_memory", "main",
           "one_student", "push_a_change", "rounded", "server_cpu_seconds", "summarize", "warm_phase"]

WARM_FOLDER = "class-extras"  # the second repository of the warm clicks
NOTE = "class-note.md"  # the file the teacher adds before the later click
RESULTS = RESULTS_DIR / "hub_burst.json"


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
