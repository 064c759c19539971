"""Build the website: run the lessons in parallel into the execution cache, then Jupyter Book.

    workshop-build                    # every lesson of the English book, then its site
    workshop-build --jobs 4           # more lessons at once (default: the usable processors)
    workshop-build --execute-only notebooks/02-notebook-basics.ipynb ...

Jupyter Book 1 runs notebooks one at a time. Here the lessons run first, several at once
(workshop_kit.build.pool), and their executed copies go into the jupyter-cache that the book
reads (`execute_notebooks: cache` and `cache:` in _config.yml), so the book runs none. A
failing cell stops the build with the cell's traceback, as the book would, and its log is
kept in _build/html/reports/. The translated editions are built by
`workshop-build-translations` (workshop_kit.build.editions), which runs their lessons the
same way.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import yaml

from workshop.cpus import usable_cpus

from ..repo import ROOT
from .pool import Lesson, execute, lessons_of, shown

JUPYTER_BOOK = ["jupyter-book", "build", "--builder", "html", "-W", "-n", "--keep-going"]


def book_lessons(root: Path, timeout: int | None = None) -> list[Lesson]:
    """Every lesson of the book at `root`, with the execution settings of its _config.yml."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}
    if timeout:
        config.setdefault("execute", {})["timeout"] = timeout
    return lessons_of(root, root / "_toc.yml", config, root)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="workshop-build", description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="only these notebooks (default: every lesson of the book)")
    parser.add_argument("--jobs", type=int, default=usable_cpus(),
                        help="lessons run at once (default: the processors this process may use)")
    parser.add_argument("--timeout", type=int, help="seconds a cell may take (default: the book's execute: timeout)")
    parser.add_argument("--execute-only", action="store_true", help="fill the cache; do not build the site")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="the repository to build (default: this checkout; the benchmark builds a copy)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    lessons = book_lessons(root, args.timeout)
    chosen = {p.resolve() for p in args.notebooks}
    if chosen:
        lessons = [lesson for lesson in lessons if lesson.path in chosen]
        unknown = chosen - {lesson.path for lesson in lessons}
        if unknown:
            print(f"Not a lesson of the book's _toc.yml: {', '.join(sorted(map(str, unknown)))}")
            return 2
    site = root / "_build" / "html"
    report = execute(lessons, max(1, args.jobs), reports=site / "reports", repo=root)
    if report.failed:
        names = ", ".join(shown(o.path, root) for o in report.failed)
        print(f"\nThe build stops: {len(report.failed)} lesson(s) failed ({names}). "
              "The traceback above shows the cell.")
        return 1
    ran = sum(o.seconds for o in report.ran)
    print(f"Lessons done in {report.seconds:.1f} s ({ran:.1f} s of lesson time, {report.jobs} at a time).")
    if args.execute_only:
        return 0
    code = subprocess.run([*JUPYTER_BOOK, str(root)], cwd=root).returncode
    if code == 0:
        print(f"Open: file://{site / 'index.html'}")
    return code


if __name__ == "__main__":
    sys.exit(main())
