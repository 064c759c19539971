"""What every benchmark measures with: repeated timings' statistics, peak memory, processor
time of a process tree, the machine, a logged command, and how much a learner downloads."""
from __future__ import annotations

import os
import platform
import statistics
import subprocess
import tempfile
import threading
import time
from importlib.metadata import version
from pathlib import Path

import nbformat
import psutil

from workshop_kit.git import git
from workshop_kit.lessons import execute  # lessons run the way the tests run them
from workshop_kit.process import tail
from workshop_kit.repo import ROOT

PACKAGES = ("jupyter-book", "myst-nb", "jupyterlab", "jupyterhub")


# --- statistics of repeated runs -----------------------------------------------------------

def summary(values: list[float], digits: int = 2, keep_all: bool = False) -> dict:
    """{"min", "median"} of repeated timings (and "all" of them if asked), rounded."""
    result = {"min": round(min(values), digits), "median": round(statistics.median(values), digits)}
    if keep_all:
        result["all"] = [round(v, digits) for v in values]
    return result


# --- memory and processor time ---------------------------------------------------------------

def summed_rss(processes) -> int:
    """Resident memory of these processes together; one that has just ended counts 0."""
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except psutil.Error:
            pass
    return total


def descendants(pid: int | None = None) -> list:
    """Every process started by `pid` (default: this one), at any depth."""
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


class PeakSampler:
    """Calls measure() -> {name: bytes} every `interval` s until stopped; keeps each peak.

        with PeakSampler(lambda: {"kernel": summed_rss(descendants())}) as sampler:
            ...
        sampler.peaks["kernel"]
    """

    def __init__(self, measure, interval: float = 0.02):
        self.measure, self.interval = measure, interval
        self.peaks: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self):
        while True:
            try:
                for name, value in self.measure().items():
                    self.peaks[name] = max(self.peaks.get(name, 0), value)
            except psutil.Error:
                pass  # a process ended between listing and reading it: the next sample counts
            if self._stop.wait(self.interval):
                return

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def tree_cpu_seconds(process: psutil.Process, reaped: bool = False) -> float:
    """CPU seconds of `process` and of its living descendants at any depth; with `reaped`,
    also those of the children it has already waited for (the kernel keeps them in its counts).
    Raises psutil.Error if one of them ends while being read."""
    times = process.cpu_times()
    own = times.user + times.system
    if reaped:
        own += times.children_user + times.children_system
    return own + sum(c.cpu_times().user + c.cpu_times().system for c in process.children(recursive=True))


# --- a lesson: its name, and one run's time and peak memory ------------------------------------

def label(lesson: Path) -> str:
    """'02-notebook-basics' for English, 'zh-TW/02-notebook-basics' for a translation."""
    top = lesson.relative_to(ROOT).parts[0]
    return lesson.stem if top == "notebooks" else f"{top}/{lesson.stem}"


def run_once(lesson: Path) -> tuple[float, int]:
    """Seconds to run the lesson, and the peak memory of its kernel and what that started."""
    nb = nbformat.read(lesson, as_version=4)
    with PeakSampler(lambda: {"kernel": summed_rss(descendants())}) as memory:
        start = time.perf_counter()
        execute(nb, lesson.parent, timeout=600)
        seconds = time.perf_counter() - start
    return seconds, memory.peaks.get("kernel", 0)


# --- the machine, and a benchmark's command --------------------------------------------------

def describe() -> dict:
    """What the benchmarks ran on, recorded beside their numbers."""
    return {"cpus": os.cpu_count(), "cpus_allowed": len(os.sched_getaffinity(0)),
            "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            **{name: version(name) for name in PACKAGES}}


class BenchFailed(RuntimeError):
    """A benchmarked command failed; the message ends with its log."""


def run_logged(command: list[str], log: Path, cwd: Path | None = None, ok_codes=(0,)) -> float:
    """Run `command`, its output appended to `log`; the seconds it took. Raises on failure
    (an exit code not in `ok_codes`)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as out:
        out.write(f"\n$ {' '.join(map(str, command))}  (in {cwd or '.'})\n".encode())
        out.flush()
        start = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        seconds = time.perf_counter() - start
    if done.returncode not in ok_codes:
        raise BenchFailed(f"{' '.join(map(str, command))} failed with code {done.returncode}; "
                          f"the end of {log}:\n{tail(log, 40)}")
    return seconds


# --- how much a learner downloads: the tracked files, and a clone of the repository ----------

def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file() and not p.is_symlink())


def tracked_bytes(repo: Path = ROOT) -> int:
    names = git("ls-files", "-z", cwd=repo).split("\0")
    return sum((repo / name).stat().st_size for name in names if name and (repo / name).is_file())


def clone_sizes(url: str) -> dict:
    """MB of a clone of `url`: its files, its .git at depth 1 (as nbgitpuller clones) and in full."""
    with tempfile.TemporaryDirectory(prefix="clone-sizes-") as tmp:
        shallow, full = Path(tmp) / "shallow", Path(tmp) / "full"
        git("clone", "-q", "--depth", "1", url, str(shallow))
        git("clone", "-q", url, str(full))
        files = folder_bytes(shallow) - folder_bytes(shallow / ".git")
        return {"working_tree_mb": round(files / 1e6, 2),
                "git_depth1_mb": round(folder_bytes(shallow / ".git") / 1e6, 2),
                "git_full_mb": round(folder_bytes(full / ".git") / 1e6, 2)}
