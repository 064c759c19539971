"""A lesson run in a kernel that lacks a package says so in one line, and lesson 00's table
names it with what to do, as on a hub that lacks it (the checks without kernels:
tests/unit/test_preflight.py)."""
import nbformat
import pytest
from nbclient.exceptions import CellExecutionError

from workshop import preflight
from workshop_kit.lessons import execute
from workshop_kit.repo import LESSONS_DIR


HIDING_SITECUSTOMIZE = '''\
# Written by tests/lessons/test_preflight_in_kernels.py: Python starts as if the packages named in
# WORKSHOP_TEST_HIDE were not installed. The finder that looks on sys.path is swapped for
# one that does not see them, so `import X` fails and importlib.util.find_spec(X) is None.
import importlib.machinery
import os
import sys

HIDDEN = set(os.environ["WORKSHOP_TEST_HIDE"].split(","))


class PathFinderThatHides(importlib.machinery.PathFinder):
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name.split(".")[0] in HIDDEN:
            return None
        return super().find_spec(name, path, target)


sys.meta_path = [PathFinderThatHides if finder is importlib.machinery.PathFinder else finder
                 for finder in sys.meta_path]
'''


@pytest.fixture
def hide_packages(monkeypatch, tmp_path):
    """Kernels started after this cannot see the given packages."""
    def hide(*names):
        (tmp_path / "sitecustomize.py").write_text(HIDING_SITECUSTOMIZE, encoding="utf-8")
        monkeypatch.setenv("PYTHONPATH", str(tmp_path))
        monkeypatch.setenv("WORKSHOP_TEST_HIDE", ",".join(names))
    return hide


def run(nb):
    return execute(nb, LESSONS_DIR, timeout=120)


def printed(cell) -> str:
    assert not [o for o in cell.outputs if o.output_type == "error"], "the cell raised"
    return "".join(o.text for o in cell.outputs if o.output_type == "stream")


def test_a_lesson_says_in_one_line_what_is_missing(hide_packages):
    hide_packages("geopandas", "ipyleaflet")
    nb = nbformat.read(LESSONS_DIR / "08-map-taiwan-earthquakes.ipynb", as_version=4)
    nb.cells = nb.cells[:2]  # the title and the check; the rest needs what is missing
    nb.cells.append(nbformat.v4.new_code_cell("import geopandas"))
    with pytest.raises(CellExecutionError, match="No module named 'geopandas'"):
        run(nb)  # the hiding works: the import itself fails, after the check has spoken
    assert printed(nb.cells[1]) == ("❌ This lesson needs geopandas and ipyleaflet, which are not "
                                    "installed here: ask your hub admin to add them (or run the "
                                    "workshop setup).\n")


def test_lesson_00_names_a_missing_package_and_what_to_do(hide_packages, monkeypatch):
    hide_packages("networkx")
    for name, value in {"JUPYTERHUB_API_URL": "http://127.0.0.1:9/hub/api",  # as on a hub
                        "JUPYTERHUB_API_TOKEN": "not-a-token", "JUPYTERHUB_USER": "ada"}.items():
        monkeypatch.setenv(name, value)
    nb = run(nbformat.read(LESSONS_DIR / "00-welcome.ipynb", as_version=4))
    said = {cell.source: printed(cell) for cell in nb.cells if cell.cell_type == "code"}
    # lesson 00 does not use networkx
    assert said[next(s for s in said if "set_up(" in s)] == "✅ Everything this lesson needs is installed.\n"
    table = said['preflight.show(preflight.check_packages(), "package")'].splitlines()
    [row] = [line for line in table if line.startswith("networkx")]
    assert row.split() == ["networkx", "missing", "ask", "your", "hub", "admin", "to", "install", "networkx"]
    assert [line for line in table if line.startswith("numpy")][0].split()[:2] == ["numpy", "ok"]
    assert table[-1] == f"-> 1 of {len(preflight.REQUIRED_PACKAGES)} need attention: see 'what to do' above."
