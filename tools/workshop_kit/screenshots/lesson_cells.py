"""A lesson as a tour shows it in one edition, its cells found through the English lesson.

A step names its cell by the English text it starts with ("## The panels"); a translation
has the same cells in the same order (tests/unit/test_translations.py keeps it so), so the index
found in the English lesson is the cell to show in every edition. Finding cells by their
index rather than their words keeps one tour for all editions.
"""
from __future__ import annotations

from pathlib import Path

import nbformat

from ..repo import ENGLISH, Edition
from .workshop_copy import edition_lesson, lessons_folder


class LessonsDiffer(RuntimeError):
    """The edition's lesson does not follow the English one cell by cell."""


class Lesson:
    def __init__(self, workshop: Path, edition: Edition, name: str):
        self.path, self.stand_in = edition_lesson(workshop, edition, name)  # as Lab names it
        self.english = nbformat.read(workshop / lessons_folder(ENGLISH) / name, as_version=4)
        shown = nbformat.read(workshop / self.path, as_version=4)
        kinds = [c.cell_type for c in self.english.cells], [c.cell_type for c in shown.cells]
        if kinds[0] != kinds[1]:
            raise LessonsDiffer(
                f"{self.path} does not follow the English lesson cell by cell "
                f"({len(kinds[1])} cells, the English has {len(kinds[0])}; first difference "
                f"at cell {next((i for i, (a, b) in enumerate(zip(*kinds)) if a != b), min(map(len, kinds)))}): "
                "the tour finds its steps' cells by index. Update the translation first "
                "(workshop-translation-diff shows what changed).")

    @property
    def folder(self) -> str:
        """The lesson's folder, where the files it writes appear (test.png, the CSV file)."""
        return self.path.rsplit("/", 1)[0]

    def cell(self, starts_with: str) -> int:
        """The index of the first cell whose English source starts with this text."""
        for index, cell in enumerate(self.english.cells):
            if cell.source.startswith(starts_with):
                return index
        raise LookupError(f"no cell of the English {Path(self.path).name} starts with {starts_with!r}")
