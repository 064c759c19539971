"""Build times of the website from a fresh copy of the last commit: cold, nothing changed,
one lesson changed; and the same lessons executed bare (nbclient, no Sphinx)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import nbformat

from workshop_kit.repo import RESULTS_DIR, ROOT
from workshop_kit.snapshot import LAST_COMMIT, take

from .lessons import run_once
from .logged import run_logged
from .stats import summary

BUILD = ["jupyter-book", "build", ".", "--builder", "html", "-W", "-n", "--keep-going"]
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


def bench_build(repeat: int) -> dict:
    LOG.unlink(missing_ok=True)
    cold, no_change, one_change, lessons_bare = [], [], [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            copy = fresh_copy(Path(tmp))
            cold.append(run_logged(BUILD, LOG, cwd=copy))
            no_change.append(run_logged(BUILD, LOG, cwd=copy))
            edited = touch_one_lesson(copy)
            one_change.append(run_logged(BUILD, LOG, cwd=copy))
            lessons = sorted((copy / "notebooks").glob("*.ipynb"))
            lessons_bare.append(sum(run_once(lesson)[0] for lesson in lessons))
    return {
        "cold_build_s": summary(cold),
        "lessons_bare_execution_s": summary(lessons_bare),
        "build_overhead_ratio": round(min(cold) / min(lessons_bare), 2),
        "no_change_rebuild_s": summary(no_change),
        "one_lesson_changed_rebuild_s": summary(one_change),
        "changed_lesson": edited,
    }
