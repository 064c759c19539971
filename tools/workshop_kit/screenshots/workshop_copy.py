"""The lessons and data as a learner's clone has them, for JupyterLab to open.

The WORKING_TREE snapshot (workshop_kit.snapshot) of notebooks/ and data/, and for a
translation its own notebooks/ too (zh-TW/notebooks/): what a commit made now would hold,
so a lesson being written or translated is photographed as it is. The lessons are copied
without their screenshots, so that a new picture of a lesson does not show the old pictures
inside it.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat

from ..repo import ENGLISH, ROOT, Edition
from ..snapshot import WORKING_TREE, take

SCREENSHOT_IN_LESSON = re.compile(r"\n*!\[[^\]]*\]\(images/[^)]*\)")
WORKSPACE = "workshop-layout.jupyterlab-workspace"  # the prepared layout of lesson 05


def lessons_folder(edition: Edition) -> str:
    """Where the edition's lessons sit, from the workshop's top: notebooks, zh-TW/notebooks."""
    return edition.lessons_dir.relative_to(ROOT).as_posix()


def copy_workshop(dest: Path, edition: Edition = ENGLISH) -> Path:
    folders = sorted({lessons_folder(ENGLISH), lessons_folder(edition), "data"})
    take(WORKING_TREE).export(dest, folders)
    for lessons in {dest / lessons_folder(ENGLISH), dest / lessons_folder(edition)}:
        shutil.rmtree(lessons / "images", ignore_errors=True)
        for lesson in sorted(lessons.glob("*.ipynb")):
            notebook = nbformat.read(lesson, as_version=4)
            for cell in notebook.cells:
                if cell.cell_type == "markdown":
                    cell.source = SCREENSHOT_IN_LESSON.sub("", cell.source).rstrip()
            nbformat.write(notebook, lesson)
    if edition != ENGLISH:
        write_edition_workspace(dest, edition)
    return dest


def edition_lesson(workshop: Path, edition: Edition, name: str) -> tuple[str, bool]:
    """The edition's lesson `name` in the copy, as JupyterLab names it, and whether it is a
    stand-in: while a translation is not in the checkout yet, the English lesson is copied
    under its name here (only in this copy), so every step can still be photographed."""
    path = f"{lessons_folder(edition)}/{name}"
    if (workshop / path).is_file():
        return path, False
    shutil.copyfile(workshop / lessons_folder(ENGLISH) / name, workshop / path)
    return path, True


def write_edition_workspace(workshop: Path, edition: Edition):
    """The prepared layout for the edition's lesson, unless the edition has its own: the
    English one with its notebooks (and the file browser's folder) in the edition's folder;
    the data it opens is the same for both."""
    target = workshop / lessons_folder(edition) / WORKSPACE
    if target.exists():
        return
    english, ours = lessons_folder(ENGLISH), lessons_folder(edition)
    text = (workshop / english / WORKSPACE).read_text(encoding="utf-8")
    for before in ('"', ":"):  # "path": "notebooks/...", "notebook:notebooks/..."
        text = text.replace(f"{before}{english}/", f"{before}{ours}/")
    text = text.replace(f'"path": "{english}"', f'"path": "{ours}"')
    target.write_text(text, encoding="utf-8")
