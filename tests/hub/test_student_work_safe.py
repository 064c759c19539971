"""Student work is safe when the teacher updates the lessons and the student clicks again.

One class on the real hub (workshop_kit.hubharness): the teacher publishes a few lessons; student
"bo" clicks the link, then works the way JupyterLab saves work (edits a lesson, adds files,
deletes a lesson); the teacher then changes the same lesson (the same line, and another
line), another lesson, the deleted lesson, and adds data; bo clicks the link again and real
nbgitpuller merges. Each test checks one sentence of book/hub-setup.md ("What students see
when they click again").
"""
import re

import nbformat
import pytest

from workshop_kit.git import commit_all, git
from helpers.student_server import StudentServer
from workshop_kit.hubharness.student import Student
from helpers.gitclass import tree_text
from workshop import links


LESSONS = ["02-notebook-basics.ipynb", "03-kernels-python.ipynb", "05-jupyterlab-tour.ipynb"]
# In the course as in the workshop, lessons live in notebooks/ (a top-level copy of a
# workshop lesson is a path the link builder refuses: lesson 07).
EDITED, OTHER, DELETED = (f"notebooks/{name}" for name in LESSONS)
MINE = "notebooks/my-02-notebook-basics.ipynb"  # the student's renamed copy of EDITED
NEW_DATA = "data/ice-thickness.csv"
TEACHER_K = "k_ice = 2.25             # thermal conductivity of ice, W/(m·K)\n"
STUDENT_K = "k_ice = 2.0              # STUDENT: the value I measured in the lab\n"
STUDENT_CELL = "my_granite_flux = -0.0924   # STUDENT: my answer to the exercise\n"
STUDENT_NOTES = "STUDENT NOTES\nThe heat flows up, from the warm base to the cold surface.\n"
STUDENT_DATA = "thickness_m,where\n512,STUDENT: my own borehole\n"
TEACHER_DATA = "thickness_m,where\n1000,ice sheet\n"


def edit_notebook(path, change):
    """Change a notebook file as JupyterLab would save it (nbformat's own JSON)."""
    notebook = nbformat.read(path, as_version=4)
    change(notebook)
    nbformat.write(notebook, path)


def replace_line(notebook, old_start: str, new_line: str):
    for cell in notebook.cells:
        lines = cell.source.splitlines(keepends=True)
        for i, line in enumerate(lines):
            if line.startswith(old_start):
                lines[i] = new_line
                cell.source = "".join(lines)
                return
    raise AssertionError(f"no line starts with {old_start!r}")


def prepend_to_first_cell(text):
    return lambda notebook: setattr(notebook.cells[0], "source", text + notebook.cells[0].source)


@pytest.fixture(scope="module")
def teacher(git_host, tmp_path_factory, workshop_snapshot):
    """The teacher's working copy of a small course, published on the git host."""
    repo = tmp_path_factory.mktemp("teacher") / "lessons"
    repo.mkdir()
    git("init", "-q", "-b", "main", cwd=repo)
    (repo / "notebooks").mkdir()
    for name in LESSONS:
        (repo / "notebooks" / name).write_bytes(workshop_snapshot.read(f"notebooks/{name}"))
    commit_all(repo, "Three lessons")
    url = git_host.add_bare_clone(repo, "lessons.git")
    git("remote", "add", "origin", str(git_host.root / "lessons.git"), cwd=repo)
    return {"repo": repo, "url": url}


@pytest.fixture(scope="module")
def link(hub, teacher):
    return links.nbgitpuller_link(hub.url, teacher["url"], branch="main", path=EDITED)


@pytest.fixture(scope="module")
def second_click(hub, teacher, link):
    """Bo's class, from the first click to the click after the teacher's update."""
    bo = Student(hub, "bo").login()
    first = bo.click(link)
    assert first["phase"] == "finished", first["output"]
    home = hub.home("bo")
    # Bo works in JupyterLab: every change goes through the server's contents API.
    server = StudentServer(hub, "bo")
    notebook = nbformat.from_dict(server.notebook(f"lessons/{EDITED}"))
    replace_line(notebook, "k_ice = ", STUDENT_K)
    notebook.cells.append(nbformat.v4.new_code_cell(STUDENT_CELL))
    server.save_notebook(f"lessons/{EDITED}", notebook)
    server.save_text("lessons/my-notes.md", STUDENT_NOTES)
    server.new_folder("lessons/data")
    server.save_text(f"lessons/{NEW_DATA}", STUDENT_DATA)  # same name as the teacher's coming file
    server.delete(f"lessons/{DELETED}")
    # The teacher updates the course.
    repo = teacher["repo"]
    edit_notebook(repo / EDITED, lambda nb: replace_line(nb, "k_ice = ", TEACHER_K))
    edit_notebook(repo / EDITED, lambda nb: replace_line(
        nb, "# Notebook basics", "# Notebook basics: cells, Markdown and math (TEACHER: updated)\n"))
    edit_notebook(repo / OTHER, prepend_to_first_cell("TEACHER: new note in lesson 03.\n\n"))
    edit_notebook(repo / DELETED, prepend_to_first_cell("TEACHER: new note in lesson 05.\n\n"))
    (repo / NEW_DATA).parent.mkdir(exist_ok=True)
    (repo / NEW_DATA).write_text(TEACHER_DATA)
    commit_all(repo, "Update lessons, add data")
    git("push", "-q", "origin", "main", cwd=repo)
    second = bo.click(link)
    return {"first": first, "second": second, "folder": home / "lessons", "home": home}


def read(path):
    return path.read_text(encoding="utf-8")


def lines_of(notebook_path) -> list:
    """The lines of all cells, as the student sees them in JupyterLab."""
    notebook = nbformat.read(notebook_path, as_version=4)
    return [line for cell in notebook.cells for line in cell.source.splitlines(keepends=True)]


def test_clicking_again_finishes_and_opens_the_lesson(second_click):
    assert second_click["second"]["phase"] == "finished", second_click["second"]["output"]
    assert second_click["second"]["opens"] == f"/user/bo/lab/tree/lessons/{EDITED}"


def test_the_students_edits_are_kept(second_click):
    lesson = lines_of(second_click["folder"] / EDITED)
    assert STUDENT_CELL in lesson  # the cell bo added
    assert STUDENT_K in lesson  # the line bo changed


def test_the_teachers_other_edits_to_the_same_lesson_arrive(second_click):
    assert "(TEACHER: updated)" in read(second_click["folder"] / EDITED)


def test_same_line_the_students_line_wins_and_the_teachers_change_is_not_applied(second_click):
    lesson = lines_of(second_click["folder"] / EDITED)
    assert STUDENT_K in lesson and TEACHER_K not in lesson
    assert [line for line in lesson if line.startswith("k_ice")] == [STUDENT_K]
    assert "<<<<<<<" not in read(second_click["folder"] / EDITED)
    # Silently: the pull reports success, and the lesson is still a valid notebook.
    assert second_click["second"]["phase"] == "finished"
    nbformat.validate(nbformat.read(second_click["folder"] / EDITED, as_version=4))


def test_an_untouched_lesson_gets_the_teachers_update(second_click):
    assert "TEACHER: new note in lesson 03." in read(second_click["folder"] / OTHER)


def test_a_deleted_lesson_comes_back_with_the_teachers_update(second_click):
    assert "TEACHER: new note in lesson 05." in read(second_click["folder"] / DELETED)


def test_a_students_file_named_like_a_new_teacher_file_is_renamed_with_a_timestamp(second_click):
    data = second_click["folder"] / NEW_DATA
    assert read(data) == TEACHER_DATA
    renamed = [p for p in data.parent.iterdir() if p != data]
    assert [p.name for p in renamed] == [p.name for p in renamed
                                         if re.fullmatch(r"ice-thickness__\d{14}\.csv", p.name)]
    assert len(renamed) == 1 and read(renamed[0]) == STUDENT_DATA


def test_a_students_new_file_is_left_alone(second_click):
    assert read(second_click["folder"] / "my-notes.md") == STUDENT_NOTES


def test_no_line_the_student_wrote_is_lost(second_click):
    everything = tree_text(second_click["home"])
    written = [STUDENT_K, STUDENT_CELL, *STUDENT_NOTES.splitlines(), *STUDENT_DATA.splitlines()]
    lost = [line for line in written if line.strip() not in everything]  # (JSON keeps them verbatim)
    assert lost == []
    for notebook in second_click["folder"].rglob("*.ipynb"):
        nbformat.validate(nbformat.read(notebook, as_version=4))


def test_fresh_copy_rename_the_folder_or_the_file_and_click_again(hub, teacher, link):
    """Cy wants the teacher's version back: rename the folder (or one lesson), click again."""
    cy = Student(hub, "cy").login()
    assert cy.click(link)["phase"] == "finished"
    server = StudentServer(hub, "cy")
    notebook = nbformat.from_dict(server.notebook(f"lessons/{EDITED}"))
    replace_line(notebook, "k_ice = ", STUDENT_K)
    server.save_notebook(f"lessons/{EDITED}", notebook)
    server.rename("lessons", "lessons-old")  # what JupyterLab's Rename does
    fresh = cy.click(link)
    assert fresh["phase"] == "finished", fresh["output"]
    home = hub.home("cy")
    assert read(home / "lessons" / EDITED) == git("show", f"HEAD:{EDITED}", cwd=teacher["repo"])
    assert STUDENT_K in lines_of(home / "lessons-old" / EDITED)
    # One lesson only: rename that file and click again.
    notebook = nbformat.from_dict(server.notebook(f"lessons/{EDITED}"))
    replace_line(notebook, "k_ice = ", STUDENT_K)
    server.save_notebook(f"lessons/{EDITED}", notebook)
    server.rename(f"lessons/{EDITED}", f"lessons/{MINE}")
    again = cy.click(link)
    assert again["phase"] == "finished", again["output"]
    assert read(home / "lessons" / EDITED) == git("show", f"HEAD:{EDITED}", cwd=teacher["repo"])
    assert STUDENT_K in lines_of(home / "lessons" / MINE)
