"""Each lesson the way a free hub runs it: one processor, 2 GiB, no network, for the whole tree.

    .venv/bin/python -m workshop_bench.free_hub [--repeat 3] [notebooks/NN-name.ipynb ...]

A free hub (Binder, a small class hub) gives a server one processor and a memory limit that
hold for every process it starts: the kernel, R inside rpy2, Dask's workers. Each lesson runs
in a fresh box with those limits (Confinement below: a cgroup pinned to one processor
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
import signal
import subprocess
import sys
import time
from pathlib import Path

from workshop_kit.repo import RESULTS_DIR, every_lesson

from .measure import PeakSampler, label, summary
from .report import LESSON_MIB as GOAL_MIB
from .report import LESSON_SECONDS as GOAL_SECONDS
from .report import free_hub_table as table

CGROUP = Path("/sys/fs/cgroup")
NETWORK_OFF = ["unshare", "--net", "sh", "-c", 'ip link set lo up && exec "$@"', "sh"]


# --- the box: a free hub's limits for one command and everything it starts: one processor, a
# memory limit, no network.
#
# `taskset` on the benchmark's own process is not the same: here the command runs in a fresh
# cgroup made for it (cgroup v2, or v1's cpuset and memory controllers where the machine has
# those), pinned to one processor and limited in memory, in a network namespace with only
# loopback. Everything it starts is born inside and cannot leave. Memory is the cgroup's
# working set (charged memory less the file cache the kernel may drop, as Kubernetes counts
# it), sampled every 20 ms; shared libraries count once.

class Confinement:
    """A new cgroup holding one processor and `memory` bytes; processes join it at birth."""

    def __init__(self, cpu: int = 0, memory: int = 2 * 2**30, name: str | None = None):
        self.cpu, self.memory = cpu, memory
        self.name = name or f"workshop-free-hub-{os.getpid()}-{time.monotonic_ns()}"
        self.v2 = (CGROUP / "cgroup.controllers").is_file()
        self.folders: list[Path] = []

    # -- set up and tear down
    def __enter__(self):
        if self.v2:
            controllers = (CGROUP / "cgroup.controllers").read_text().split()
            missing = {"cpuset", "memory"} - set(controllers)
            if missing:
                raise RuntimeError(f"cgroup v2 here lacks the {', '.join(sorted(missing))} controller(s)")
            (CGROUP / "cgroup.subtree_control").write_text("+cpuset +memory")
            folder = CGROUP / self.name
            folder.mkdir()
            self.folders = [folder]
            (folder / "cpuset.cpus").write_text(str(self.cpu))
            (folder / "memory.max").write_text(str(self.memory))
            if (folder / "memory.swap.max").exists():
                (folder / "memory.swap.max").write_text("0")  # no escape into swap
        else:
            cpuset, memory = CGROUP / "cpuset" / self.name, CGROUP / "memory" / self.name
            if not (CGROUP / "cpuset").is_dir() or not (CGROUP / "memory").is_dir():
                raise RuntimeError("this machine has neither cgroup v2 nor v1's cpuset and memory")
            folders = [cpuset, memory]
            if (CGROUP / "cpuacct").is_dir():  # processor time, where v1 keeps it
                folders.append(CGROUP / "cpuacct" / self.name)
            for folder in folders:
                folder.mkdir()
                self.folders.append(folder)
            (cpuset / "cpuset.cpus").write_text(str(self.cpu))
            (cpuset / "cpuset.mems").write_text((CGROUP / "cpuset" / "cpuset.mems").read_text().strip())
            (memory / "memory.limit_in_bytes").write_text(str(self.memory))
        return self

    def __exit__(self, *exc):
        for _ in range(50):  # whatever a lesson left running (a worker) goes with it
            alive = self.pids()
            if not alive:
                break
            for pid in alive:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.1)
        for folder in self.folders:
            for _ in range(50):
                try:
                    folder.rmdir()
                    break
                except OSError:
                    time.sleep(0.1)

    def join(self) -> None:
        """Put the calling process in (run in the child before exec: see `popen`)."""
        for folder in self.folders:
            (folder / "cgroup.procs").write_text(str(os.getpid()))
        os.sched_setaffinity(0, {self.cpu})

    def popen(self, command: list[str], **kwargs) -> subprocess.Popen:
        """Start `command` inside, network off; its children are born inside too."""
        return subprocess.Popen([*NETWORK_OFF, *command], preexec_fn=self.join, **kwargs)

    # -- what it used
    def _memory_folder(self) -> Path:
        return self.folders[0] if self.v2 else self.folders[1]

    def pids(self) -> list[int]:
        found = set()
        for folder in self.folders:
            try:
                found |= {int(p) for p in (folder / "cgroup.procs").read_text().split()}
            except OSError:
                pass
        return sorted(found)

    def working_set(self) -> int:
        """Charged memory less inactive file cache: what the limit would really bite on."""
        folder = self._memory_folder()
        stat = dict(line.split() for line in (folder / "memory.stat").read_text().splitlines())
        if self.v2:
            used, inactive = int((folder / "memory.current").read_text()), int(stat.get("inactive_file", 0))
        else:
            used = int((folder / "memory.usage_in_bytes").read_text())
            inactive = int(stat.get("total_inactive_file", 0))
        return max(0, used - inactive)

    def cpu_seconds(self) -> float | None:
        """Processor time the processes inside have used: on a quiet one-processor hub, about
        the time the lesson would take; unlike wall time, other work on the machine hardly
        changes it."""
        if self.v2:
            stat = dict(line.split() for line in (self.folders[0] / "cpu.stat").read_text().splitlines())
            return int(stat["usage_usec"]) / 1e6
        accounting = [f for f in self.folders if f.parent.name == "cpuacct"]
        return int((accounting[0] / "cpuacct.usage").read_text()) / 1e9 if accounting else None

    def sample(self) -> dict:
        """{"working_set": bytes} for a PeakSampler; nothing while the files cannot be read."""
        try:
            return {"working_set": self.working_set()}
        except (OSError, ValueError):
            return {}

    def oom_kills(self) -> int:
        folder = self._memory_folder()
        text = (folder / ("memory.events" if self.v2 else "memory.oom_control")).read_text()
        counts = dict(line.split() for line in text.splitlines())
        return int(counts.get("oom_kill", 0))


def run_confined(command: list[str], cpu: int = 0, memory: int = 2 * 2**30, timeout: float = 600) -> dict:
    """Run `command` in a fresh confinement; its exit code, output, peak working set, OOM kills."""
    with Confinement(cpu, memory) as box:
        with PeakSampler(box.sample) as sampler:
            started = time.perf_counter()
            child = box.popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            try:
                out, err = child.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                child.kill()
                out, err = child.communicate()
            seconds = time.perf_counter() - started
        return {"returncode": child.returncode, "stdout": out, "stderr": err, "seconds": seconds,
                "cpu_seconds": box.cpu_seconds(),
                "peak_bytes": sampler.peaks.get("working_set", 0), "oom_kills": box.oom_kills()}


# --- a lesson in the box

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
