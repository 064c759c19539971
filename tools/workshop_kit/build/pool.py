"""Run the lessons their books' execution caches lack, several at once, and store each success.

Each lesson runs in a worker process with its own kernel, in a private copy of its folder: a
temporary folder of the same name holding links to the folder's tracked entries. Two lessons
that write the same file there (02 and 05 both make test.png) cannot meet halfway, and the
folder keeps its name, so what a lesson prints about it is unchanged. The executed notebook
goes into the jupyter-cache the book reads, exactly as MyST-NB would store it.

Why a pool of our own and not jupyter-cache 1.0.1's `local-parallel` or `temp-parallel`
(measured December 2026 on the 15 English lessons, 2 cores shared with other work, the
executors back to back in rotating order): not speed, where neither side wins clearly. At
load 3-4: serial 87, 81, 101 s; local-parallel 48, 51, 58 s (median 0.59x serial); this pool
43, 58, 94 s (0.66x; the 94 s ran at load 9). At load 6-14 both were 72-164 s and varied
more with the load than between them (72 against 92 s at load 8, 126 against 133 s at load
11). The dask lesson is 40-60 % of the serial time and starts workers of its own: started
early here (longest first), beside the other lessons, it ran 35-49 s; local-parallel reaches
it near the end, often alone, 26-33 s. What decides is that neither keeps lessons apart:
- `local-parallel` runs every lesson in the real folder at the same time (02 and 05 write and
  read test.png there) and leaves what they write in the checkout;
- `temp-parallel` runs each in an empty folder named tmpXXXXXXXX: lesson 03-kernels-r fails
  (workshop/check.R is not beside it), the Python lessons get `workshop` and data/ from
  whichever checkout is installed (01 failed on another checkout's environment.yml), and 04
  and 05 print the folder's random name into their stored outputs;
- both store each result from the worker that ran it, several at once, and jupyter-cache's
  cache trimming is not made for that: one run lost a finished lesson ("Failed Caching ...
  KeyError: Notebook file does not exist for cache record"), which the book then runs again;
- neither takes a number of processes (`--jobs`: they use every processor), and each runs the
  notebooks of one cache, while a list here may mix books.
"""
from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import re
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from ..toc import toc_files

ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True)
class Lesson:
    path: Path
    cache: Path  # the jupyter-cache of the book it belongs to
    timeout: int  # seconds a cell may take


def lessons_of(folder: Path, toc, config: dict, repo: Path) -> list[Lesson]:
    """The notebooks a book's table of contents (a _toc.yml or its contents) names, in its
    order, with the book's execution settings; the cache path counts from the repository's
    top folder, where Jupyter Book runs."""
    settings = config.get("execute", {})
    cache = repo / settings.get("cache", "_build/.jupyter_cache")
    found = []
    for name in toc_files(toc):
        notebook = folder / (name if name.endswith(".ipynb") else f"{name}.ipynb")
        if notebook.is_file():
            found.append(Lesson(notebook.resolve(), cache, int(settings.get("timeout", 120))))
    return found


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


def cache_at(path: Path):
    from jupyter_cache import get_cache  # imported here: the pool's workers do not need it
    return get_cache(str(path))


def is_cached(lesson: Lesson) -> bool:
    """Would the book find this lesson, as it is now, in its cache? (MyST-NB matches the hash
    of the code cells, their metadata and the kernel, so a changed lesson, and only it, runs.)"""
    try:
        cache_at(lesson.cache).match_cache_notebook(nbformat.read(lesson.path, as_version=4))
    except KeyError:
        return False
    return True


def expected_seconds(lesson: Lesson) -> float:
    """A guess at how long a lesson takes, to start the longest first (so none runs alone at
    the end): its time when it last ran here, else its amount of code (about 300 characters
    a second was typical of these lessons)."""
    try:
        records = cache_at(lesson.cache).list_cache_records()
        times = [r.data.get("execution_seconds") or 0 for r in records if r.uri == str(lesson.path)]
    except Exception:  # no cache yet
        times = []
    if times:
        return max(times)
    nb = nbformat.read(lesson.path, as_version=4)
    return sum(len(c.source) for c in nb.cells if c.cell_type == "code") / 300


def _tracked(folder: Path) -> list[str] | None:
    """Top-level names in `folder` that git tracks; None outside a git checkout."""
    listed = subprocess.run(["git", "ls-files", "-z", "--", "."], cwd=folder,
                            capture_output=True, text=True)
    if listed.returncode != 0:
        return None
    return sorted({name.split("/", 1)[0] for name in listed.stdout.split("\0") if name})


@contextmanager
def private_folder(folder: Path):
    """A temporary folder of the same name holding links to `folder`'s tracked entries."""
    names = _tracked(folder)
    if names is None:  # not a git checkout: every entry
        names = sorted(p.name for p in folder.iterdir())
    with tempfile.TemporaryDirectory(prefix="workshop-run-") as scratch:
        private = Path(scratch) / folder.name
        private.mkdir()
        for name in names:
            if (folder / name).exists():
                os.symlink(folder / name, private / name)
        yield private


def run_lesson(path: Path, timeout: int) -> tuple[str, float, str | None]:
    """Run one notebook (in a pool worker): its executed text, seconds, and any traceback."""
    from jupyter_cache.executors.utils import single_nb_execution  # what MyST-NB itself calls

    nb = nbformat.read(path, as_version=4)
    with private_folder(path.parent) as folder:
        result = single_nb_execution(nb, cwd=str(folder), timeout=timeout, allow_errors=False)
    # nbclient's message holds the cell and the kernel's traceback (without nbclient's own
    # frames); the colour codes are for terminals that the build log is often not.
    error = ANSI_COLOUR.sub("", str(result.err)) if result.err else None
    return nbformat.writes(nb), result.time, error


def execute(lessons: list[Lesson], jobs: int, reports: Path, repo: Path, log=print) -> Report:
    """Run the lessons the caches lack, `jobs` at a time; store each success in its cache.
    A failure's traceback is also written to `reports`/<its path from `repo`>.err.log, where
    Jupyter Book keeps one (_build/html/reports/)."""
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
                name = shown(lesson.path, repo)
                kept = reports / f"{Path(name).with_suffix('')}.err.log"
                if error:
                    kept.parent.mkdir(parents=True, exist_ok=True)
                    kept.write_text(error, encoding="utf-8")
                    log(f"FAILED {name} after {seconds:.1f} s (log: {kept}):\n{error}")
                    continue
                kept.unlink(missing_ok=True)  # an earlier failure's log no longer holds
                cache_at(lesson.cache).cache_notebook_bundle(
                    CacheBundleIn(nbformat.reads(text, as_version=4), str(lesson.path),
                                  data={"execution_seconds": seconds}),
                    check_validity=False, overwrite=True)
                log(f"ran {name} in {seconds:.1f} s")
    report.seconds = time.perf_counter() - started
    return report


def shown(path: Path, repo: Path) -> str:
    try:
        return str(path.relative_to(repo))
    except ValueError:
        return str(path)
