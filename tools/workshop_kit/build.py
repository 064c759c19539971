"""Build the website: run the lessons in parallel into the execution cache, then Jupyter Book.

    workshop-build                    # every lesson of every edition, then the site
    workshop-build --jobs 4           # more lessons at once (default: the usable processors)
    workshop-build --execute-only notebooks/02-notebook-basics.ipynb ...

Jupyter Book 1 runs notebooks one at a time. Here the lessons run first, several at once,
each with its own kernel, and their executed copies go into the jupyter-cache that the book
reads (`execute_notebooks: cache` and `cache:` in _config.yml). The build then finds every
lesson in the cache and runs none. A lesson is matched by the hash of its code cells, their
metadata and its kernel, so a changed lesson (and only it) runs again; an unchanged one is
not run at all. A failing cell stops the build with the cell's traceback, as the book would.

Each lesson runs in a private copy of its folder (links to the folder's tracked files), so
two lessons that write the same file there (lesson 02 and 05 both make test.png) cannot
meet halfway; the folder keeps its name, so what a lesson prints about it is unchanged.

The list of notebooks may span editions (the English book and a translation): they all share
one pool, and each goes into the cache of the book it belongs to.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

from workshop.cpus import usable_cpus

from .repo import ROOT
from .toc import toc_files

ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
JUPYTER_BOOK = ["jupyter-book", "build", "--builder", "html", "-W", "-n", "--keep-going"]


@dataclass(frozen=True)
class Book:
    """One Jupyter Book (an edition): its folder, and where its execution cache lives."""
    root: Path

    @property
    def config(self) -> dict:
        return yaml.safe_load((self.root / "_config.yml").read_text(encoding="utf-8")) or {}

    @property
    def cache(self) -> Path:
        return self.root / self.config.get("execute", {}).get("cache", "_build/.jupyter_cache")

    @property
    def timeout(self) -> int:
        return int(self.config.get("execute", {}).get("timeout", 120))

    def notebooks(self) -> list[Path]:
        """The .ipynb files the table of contents names, in its order."""
        found = []
        for name in toc_files(self.root / "_toc.yml"):
            candidate = self.root / (name if name.endswith(".ipynb") else f"{name}.ipynb")
            if candidate.is_file():
                found.append(candidate)
        return found


def books(root: Path = ROOT) -> list[Book]:
    """The editions this repository builds: the English book and any translated one."""
    editions = [Book(root)]
    editions += [Book(p.parent) for p in sorted(root.glob("*/_toc.yml")) if (p.parent / "_config.yml").is_file()]
    return editions


@dataclass
class Lesson:
    path: Path
    cache: Path
    timeout: int


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
                name = _shown(lesson.path)
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


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def lessons_of(editions: list[Book], chosen: list[Path] | None = None) -> list[Lesson]:
    """Every notebook of these books (or only the chosen ones), with its book's cache."""
    lessons = []
    for book in editions:
        for notebook in book.notebooks():
            if chosen is None or notebook.resolve() in chosen:
                lessons.append(Lesson(notebook.resolve(), book.cache, book.timeout))
    return lessons


def build_site(book: Book) -> int:
    """Jupyter Book on one edition; it finds every lesson in the cache."""
    return subprocess.run([*JUPYTER_BOOK, str(book.root)], cwd=book.root).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="only these notebooks (default: every lesson of every edition)")
    parser.add_argument("--jobs", type=int, default=usable_cpus(),
                        help="lessons run at once (default: the processors this process may use)")
    parser.add_argument("--timeout", type=int, help="seconds a cell may take (default: the book's execute: timeout)")
    parser.add_argument("--execute-only", action="store_true", help="fill the cache; do not build the site")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="the repository to build (default: this checkout; the benchmark builds a copy)")
    args = parser.parse_args(argv)
    editions = books(args.root.resolve())
    chosen = [p.resolve() for p in args.notebooks] or None
    lessons = lessons_of(editions, chosen)
    for lesson in lessons if args.timeout else []:
        lesson.timeout = args.timeout
    if chosen and len(lessons) < len(chosen):
        known = {lesson.path for lesson in lessons}
        print(f"Not a lesson of any book's _toc.yml: {', '.join(str(p) for p in chosen if p not in known)}")
        return 2
    report = execute(lessons, max(1, args.jobs))
    if report.failed:
        names = ", ".join(_shown(o.path) for o in report.failed)
        print(f"\nThe build stops: {len(report.failed)} lesson(s) failed ({names}). "
              "The traceback above shows the cell.")
        return 1
    ran = sum(o.seconds for o in report.ran)
    print(f"Lessons done in {report.seconds:.1f} s ({ran:.1f} s of lesson time, {report.jobs} at a time).")
    if args.execute_only:
        return 0
    # The site of the English book. A translated edition's site is built by its own step
    # (its lessons already ran above, into its cache).
    code = build_site(editions[0])
    if code:
        return code
    print(f"Open: file://{editions[0].root / '_build' / 'html' / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
