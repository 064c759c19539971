"""Build times of the website from a fresh copy of the last commit: cold, nothing changed,
one lesson changed; and the same lessons executed bare, one after another (nbclient, no
Sphinx), in the same run: the serial time the parallel build is compared with.

The build is `workshop-build` (lessons in parallel into the cache, then Jupyter Book), with
as many lessons at once as this process has processors, unless --jobs says otherwise."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import nbformat

from workshop_kit.repo import RESULTS_DIR, ROOT
from workshop_kit.snapshot import LAST_COMMIT, take

from workshop.cpus import usable_cpus

from .measure import run_logged, run_once, summary

BUILD = ["workshop-build"]
LOG = RESULTS_DIR / "logs" / "build.log"


def fresh_copy(into: Path) -> Path:
    """The last commit's files, with this checkout's node_modules (the build copies from it)."""
    copy = take(LAST_COMMIT).export(into / "workshop")
    os.symlink(ROOT / "node_modules", copy / "node_modules")
    return copy


def touch_one_lesson(copy: Path) -> str:
    """Change one code cell of one lesson, as an author would, so it must run again."""
    lesson = copy / "notebooks" / "02-notebook-basics.ipynb"
    nb = nbformat.read(lesson, as_version=4)
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    first_code.source += "\n# edited"
    nbformat.write(nb, lesson)
    return lesson.stem


def bench_build(repeat: int, jobs: int | None = None) -> dict:
    LOG.unlink(missing_ok=True)
    jobs = jobs or usable_cpus()
    cold, no_change, one_change, lessons_serial, ratios = [], [], [], [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            copy = fresh_copy(Path(tmp))
            # a cell may take longer than the book allows when the machine is busy: the
            # benchmark measures time, it does not judge it
            build = [*BUILD, "--jobs", str(jobs), "--root", str(copy), "--timeout", "900"]
            cold.append(run_logged(build, LOG, cwd=copy))
            no_change.append(run_logged(build, LOG, cwd=copy))
            edited = touch_one_lesson(copy)
            one_change.append(run_logged(build, LOG, cwd=copy))
            lessons = sorted((copy / "notebooks").glob("*.ipynb"))
            lessons_serial.append(sum(run_once(lesson)[0] for lesson in lessons))
            ratios.append(cold[-1] / lessons_serial[-1])
    return {
        "jobs": jobs, "cpus": usable_cpus(),
        "cold_build_s": summary(cold),
        "lessons_serial_execution_s": summary(lessons_serial),
        "parallel_over_serial": summary(ratios),
        "no_change_rebuild_s": summary(no_change),
        "one_lesson_changed_rebuild_s": summary(one_change),
        "changed_lesson": edited,
    }
