"""A lesson downloaded on its own (the website's .ipynb button, an e-mail attachment) opens
without the workshop's other files. Its first cell then says, in one line, how to get the
whole workshop, instead of stopping with "No module named 'workshop'"."""
import shutil

import nbformat
import pytest

from workshop_kit.lessons import execute
from workshop_kit.repo import LESSONS

# Python starts as if the workshop package were not there: in this checkout it is also
# installed (for the tests and the build), which a learner's computer would not have.
WITHOUT_WORKSHOP = '''\
import sys


class NoWorkshop:
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name.split(".")[0] == "workshop":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, NoWorkshop)
'''


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_a_lesson_alone_says_how_to_get_the_whole_workshop(lesson, tmp_path, monkeypatch):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "sitecustomize.py").write_text(WITHOUT_WORKSHOP, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "site"))
    alone = tmp_path / "Downloads"
    alone.mkdir()
    shutil.copy(lesson, alone)
    nb = nbformat.read(alone / lesson.name, as_version=4)
    nb.cells = nb.cells[:2]   # the title and the set-up cell
    execute(nb, alone, timeout=120)
    outputs = nb.cells[1].outputs
    assert [o.output_type for o in outputs] == ["stream"], "the first cell should print, not fail"
    said = outputs[0].text
    assert said.count("\n") == 1 and "download the whole workshop (workshop.zip" in said, said
