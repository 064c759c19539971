"""Every lesson of both editions runs top to bottom under JupyterLab's Run All Cells.

Lesson 00 teaches Run -> Run All Cells. JupyterLab stops at the first cell that raises,
whatever its tags (`raises-exception` only lets nbclient and the book go on), and every
cell below then keeps the output stored in it as if it had run. So each lesson is run here
from a fresh kernel with its stored outputs cleared and that tag removed: one error and the
test names the cell where a learner's Run All stops.
"""
import nbformat
import pytest
from nbclient.exceptions import CellExecutionError

from workshop_kit.lessons import execute
from workshop_kit.repo import ROOT, every_lesson


def as_after_run_all(lesson):
    """The lesson as a learner's JupyterLab runs it: no stored outputs, no tag to go on."""
    nb = nbformat.read(lesson, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            tags = cell.metadata.get("tags", [])
            cell.metadata["tags"] = [tag for tag in tags if tag != "raises-exception"]
    return nb


def first_failing_cell(lesson):
    nb = as_after_run_all(lesson)
    try:
        execute(nb, lesson.parent)  # nbclient: allow_errors=False unless a cell is tagged
    except CellExecutionError as error:
        for number, cell in enumerate(nb.cells):
            if any(out.get("output_type") == "error" for out in cell.get("outputs", [])):
                first_line = cell.source.splitlines()[0] if cell.source else ""
                return f"cell {number} ({first_line!r}): {error.ename}: {error.evalue}"
        return f"{error.ename}: {error.evalue}"
    return None


@pytest.mark.parametrize("lesson", every_lesson(),
                         ids=lambda lesson: lesson.relative_to(ROOT).with_suffix("").as_posix())
def test_run_all_cells_reaches_the_end(lesson):
    stop = first_failing_cell(lesson)
    assert stop is None, f"Run All Cells stops in {lesson.relative_to(ROOT)} at {stop}"
