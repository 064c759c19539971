"""Each lesson of every edition, run again from the top, gives the results stored in it (pytest-notebook)."""
import json
import socket

import nbformat
import pytest
from pytest_notebook.nb_regression import NBRegressionError

from workshop_kit.repo import LESSONS_DIR, ROOT, every_lesson

ALL_LESSONS = every_lesson()


def lesson_id(lesson):
    return lesson.relative_to(ROOT).with_suffix("").as_posix()


def test_lessons_run_with_no_network():
    """tools/test.sh runs the suite in a network namespace with only loopback."""
    interfaces = [name for _, name in socket.if_nameindex()]
    assert interfaces == ["lo"], "run the tests with tools/test.sh, which cuts the network"


def check_twice(nb_regression, notebook):
    """Run the notebook twice in a row, in one test, whatever order the tests run in."""
    nb_regression.check(str(notebook))  # the first run may write files (test.png, a CSV) ...
    nb_regression.check(str(notebook))  # ... which must not change what the second run shows


@pytest.mark.parametrize("lesson", ALL_LESSONS, ids=lesson_id)
def test_lesson_reproduces_its_stored_outputs(nb_regression, lesson):
    check_twice(nb_regression, lesson)


def test_a_lesson_that_differs_on_its_second_run_is_caught(nb_regression, tmp_path):
    """A cell that finds the file its first run wrote shows something else the second time."""
    notebook = nbformat.v4.new_notebook(metadata={"kernelspec": {
        "name": "python3", "display_name": "Python 3", "language": "python"}})
    notebook.cells = [nbformat.v4.new_code_cell(
        "from pathlib import Path\nprint('seen before:', Path('marker.txt').exists())\n"
        "Path('marker.txt').touch()", execution_count=1,
        outputs=[nbformat.v4.new_output("stream", name="stdout", text="seen before: False\n")])]
    path = tmp_path / "writes-a-file.ipynb"
    nbformat.write(notebook, path)
    nb_regression.exec_cwd = str(tmp_path)
    with pytest.raises(NBRegressionError, match="seen before: True"):
        check_twice(nb_regression, path)
    assert (tmp_path / "marker.txt").is_file()  # the first run passed and wrote it


def test_a_changed_result_is_caught(nb_regression, tmp_path):
    """The comparison bites: a lesson whose stored number differs from what it computes fails."""
    lesson = LESSONS_DIR / "02-notebook-basics.ipynb"
    notebook = json.loads(lesson.read_text(encoding="utf-8"))
    stored = [
        output for cell in notebook["cells"] for output in cell.get("outputs", [])
        if "heat flux: -0.0616 W/m²" in "".join(output.get("text", ""))
    ]
    assert len(stored) == 1, "the lesson no longer prints the heat flux this test relies on"
    stored[0]["text"] = "".join(stored[0]["text"]).replace("-0.0616", "-0.0617")
    changed = tmp_path / lesson.name
    changed.write_text(json.dumps(notebook), encoding="utf-8")

    nb_regression.exec_cwd = str(LESSONS_DIR)  # so the copy finds the workshop helpers
    with pytest.raises(NBRegressionError, match=r"-0\.0617"):
        nb_regression.check(str(changed))


def test_stored_outputs_hold_no_machine_paths():
    """What a reader sees on the site or a hub must not show the author's folders."""
    for lesson in ALL_LESSONS:
        text = lesson.read_text(encoding="utf-8")
        for private in ("/root/", "/home/", "/tmp/", "/work/", str(LESSONS_DIR.parent)):
            assert private not in text, f"{lesson.name} shows the path {private}"
