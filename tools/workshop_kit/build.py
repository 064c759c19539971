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

This module is the command; build_books finds the books and lessons, build_execute runs
them into the caches, and lesson_worker is what each worker process runs.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from workshop.cpus import usable_cpus

from .build_books import Book, Lesson, books, lessons_of
from .build_execute import Outcome, Report, _cache, execute, expected_seconds, is_cached, shown
from .lesson_worker import private_folder, run_lesson
from .repo import ROOT

# What the tests, the benchmark and editions_build use from here; the work is done above.
__all__ = ["JUPYTER_BOOK", "Book", "Lesson", "Outcome", "Report", "_cache", "books", "build_site",
           "execute", "expected_seconds", "is_cached", "lessons_of", "main", "private_folder",
           "run_lesson"]

JUPYTER_BOOK = ["jupyter-book", "build", "--builder", "html", "-W", "-n", "--keep-going"]


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
        names = ", ".join(shown(o.path) for o in report.failed)
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
