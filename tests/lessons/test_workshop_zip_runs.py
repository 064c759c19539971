"""A lesson runs from the unpacked workshop zip, with its own copy of the helpers (what the
zip holds: tests/unit/test_workshop_zip.py)."""
import zipfile

import nbformat

from workshop_kit.lessons import execute
from workshop_kit.repo import ROOT
from workshop_kit.sphinx.workshop_zip import TOP_FOLDER, ZIP_NAME, write_zip


def test_a_lesson_runs_from_the_unpacked_zip(tmp_path):
    packed = write_zip(ROOT, tmp_path / ZIP_NAME)
    with zipfile.ZipFile(packed) as z:
        z.extractall(tmp_path)
    folder = tmp_path / TOP_FOLDER / "notebooks"
    nb = nbformat.read(folder / "08-map-taiwan-earthquakes.ipynb", as_version=4)
    nb.cells.insert(2, nbformat.v4.new_code_cell("import workshop; print(workshop.__file__)"))
    execute(nb, folder, timeout=180)
    assert nb.cells[2].outputs[0].text.startswith(str(folder / "workshop"))  # its own helpers
    assert "Everything this lesson needs is installed" in nb.cells[1].outputs[0].text
