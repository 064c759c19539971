"""Each lesson, run again from the top, gives the results stored in it (pytest-notebook)."""
import json
import socket

import pytest
from pytest_notebook.nb_regression import NBRegressionError

from workshop_kit.repo import LESSONS, LESSONS_DIR


def test_lessons_run_with_no_network():
    """tools/test.sh runs the suite in a network namespace with only loopback."""
    interfaces = [name for _, name in socket.if_nameindex()]
    assert interfaces == ["lo"], "run the tests with tools/test.sh, which cuts the network"


# Each lesson runs twice in a row: files a lesson writes (test.png, a CSV) must not change
# what the second run shows.
@pytest.mark.parametrize("run", ["first-run", "second-run"])
@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_lesson_reproduces_its_stored_outputs(nb_regression, lesson, run):
    nb_regression.check(str(lesson))


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
    for lesson in LESSONS:
        text = lesson.read_text(encoding="utf-8")
        for private in ("/root/", "/home/", "/tmp/", "/work/", str(LESSONS_DIR.parent)):
            assert private not in text, f"{lesson.name} shows the path {private}"
