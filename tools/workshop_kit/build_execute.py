"""Run the lessons their books' execution caches lack, several at once, and store each success there."""
from __future__ import annotations

import concurrent.futures
import multiprocessing
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .build_books import Lesson
from .lesson_worker import run_lesson
from .repo import ROOT


@dataclass
class Outcome:
    path: Path
    seconds: float
    error: str | None = None


@dataclass
class Report:
    ran: list[Outcome] = field(default_factory=list)
    cached: list[Path] = field(default_factory=list)
    jobs: int = 1
    seconds: float = 0.0

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.ran if o.error]


def _cache(path: Path):
    from jupyter_cache import get_cache  # imported here: the pool's workers do not need it
    return get_cache(str(path))


def is_cached(lesson: Lesson) -> bool:
    """Would the book find this lesson, as it is now, in its cache?"""
    nb = nbformat.read(lesson.path, as_version=4)
    try:
        _cache(lesson.cache).match_cache_notebook(nb)
    except KeyError:
        return False
    return True


def expected_seconds(lesson: Lesson) -> float:
    """A guess at how long a lesson takes, to start the longest first (so none runs alone at
    the end): its time when it last ran here, else its amount of code (about 300 characters
    a second was typical of these lessons)."""
    try:
        records = _cache(lesson.cache).list_cache_records()
        times = [r.data.get("execution_seconds") or 0 for r in records if r.uri == str(lesson.path)]
    except Exception:  # no cache yet
        times = []
    if times:
        return max(times)
    nb = nbformat.read(lesson.path, as_version=4)
    return sum(len(c.source) for c in nb.cells if c.cell_type == "code") / 300


def execute(lessons: list[Lesson], jobs: int, log=print) -> Report:
    """Run the lessons the caches lack, `jobs` at a time; store each success in its cache."""
    report = Report(jobs=jobs)
    started = time.perf_counter()
    todo = []
    for lesson in lessons:
        (report.cached if is_cached(lesson) else todo).append(lesson)
    todo.sort(key=expected_seconds, reverse=True)
    log(f"{len(report.cached)} lesson(s) unchanged since they last ran; "
        f"running {len(todo)} with {jobs} at a time")
    if todo:
        from jupyter_cache.base import CacheBundleIn

        context = multiprocessing.get_context("spawn")  # a clean process: no threads or zmq copied
        with concurrent.futures.ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            futures = {pool.submit(run_lesson, lesson.path, lesson.timeout): lesson for lesson in todo}
            for future in concurrent.futures.as_completed(futures):
                lesson = futures[future]
                try:
                    text, seconds, error = future.result()
                except Exception as problem:  # the worker itself broke (kernel missing, ...)
                    text, seconds, error = None, 0.0, f"{type(problem).__name__}: {problem}"
                report.ran.append(Outcome(lesson.path, seconds, error))
                name = shown(lesson.path)
                if error:
                    log(f"FAILED {name} after {seconds:.1f} s:\n{error}")
                    continue
                _cache(lesson.cache).cache_notebook_bundle(
                    CacheBundleIn(nbformat.reads(text, as_version=4), str(lesson.path),
                                  data={"execution_seconds": seconds}),
                    check_validity=False, overwrite=True)
                log(f"ran {name} in {seconds:.1f} s")
    report.seconds = time.perf_counter() - started
    return report


def shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)
