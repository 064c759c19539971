"""The lessons and data as a learner's clone has them, for JupyterLab to open.

The WORKING_TREE snapshot (workshop_kit.snapshot) of notebooks/ and data/: what a commit
made now would hold, so a lesson being written is photographed as it is. The lessons are
copied without their screenshots, so that a new picture of a lesson does not show the old
pictures inside it.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat

from ..snapshot import WORKING_TREE, take

SCREENSHOT_IN_LESSON = re.compile(r"\n*!\[[^\]]*\]\(images/[^)]*\)")


def copy_workshop(dest: Path) -> Path:
    take(WORKING_TREE).export(dest, ["notebooks", "data"])
    shutil.rmtree(dest / "notebooks" / "images", ignore_errors=True)
    for lesson in sorted((dest / "notebooks").glob("*.ipynb")):
        notebook = nbformat.read(lesson, as_version=4)
        for cell in notebook.cells:
            if cell.cell_type == "markdown":
                cell.source = SCREENSHOT_IN_LESSON.sub("", cell.source).rstrip()
        nbformat.write(notebook, lesson)
    return dest
