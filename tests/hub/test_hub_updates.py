"""Updates that never strand a student, proven on the real hub (issue #14).

Each test lives through one failure a class met with nbgitpuller 1.3.0: it creates the
failure the way it happens in a class, checks what the student sees, applies the one fix
that book/lesson-updates.md gives for it (the student's repair command, a teacher's
`workshop-retire`, or a step in JupyterLab), and then checks what the student checks: the
next click on the link finishes and opens the lesson, every notebook opens, the teacher's
change is there, and every line the student wrote is still somewhere in their folder.

One hub for the module; each test has its own small course (teacher's repository on the
loopback git host, the learner package from this working tree) and its own folder.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
import requests

from workshop import links
from workshop_kit.lessons.retire import retire
from helpers.gitclass import TEACHER, change_lesson, lesson, tree_text
from workshop_kit.git import commit_all, git
from helpers.student_server import StudentServer
from workshop_kit.hubharness.student import Student

TEACHER_LINE = "k_ice = 2.25   # TEACHER: the corrected value\n"
STUDENT_LINE = "k_ice = 2.0    # STUDENT: my own measurement\n"
STUDENT_CELL = "my_answer = -0.0924   # STUDENT: my answer to the exercise\n"
LESSON, OTHER = "notebooks/01-ice.ipynb", "notebooks/02-rock.ipynb"
REPAIR_IN_A_NOTEBOOK = "from workshop import repair\nrepair.run()"


@dataclass
class Course:
    name: str
    work: Path  # the teacher's working copy
    link: str  # the workshop link to LESSON
    folder: Path  # where the student's copy lands (their home / name)

    def push(self, files: dict | None = None, message: str = "Update", amend=False):
        for path, content in (files or {}).items():
            (self.work / path).parent.mkdir(parents=True, exist_ok=True)
            (self.work / path).write_text(content, encoding="utf-8")
        git("add", "-A", cwd=self.work)
        amending = ["--amend"] if amend else []
        git(*TEACHER, "commit", "-q", "--allow-empty", *amending, "-m", message, cwd=self.work)
        git("push", "-q", *(["--force"] if amend else []), "origin", "HEAD", cwd=self.work)


@pytest.fixture(scope="module")
def make_course(hub, git_host, tmp_path_factory, workshop_snapshot):
    """A teacher's small course: two lessons and the learner package, published."""
    def make(name: str, student: str, extra: dict | None = None) -> Course:
        work = tmp_path_factory.mktemp("teacher") / name
        work.mkdir()
        git("init", "-q", "-b", "main", cwd=work)
        workshop_snapshot.export(work, ["notebooks/workshop"])
        for path, content in {LESSON: lesson(), OTHER: lesson(title="Rock"),
                              **(extra or {})}.items():
            (work / path).write_text(content, encoding="utf-8")
        commit_all(work, "First version of the course")
        url = git_host.add_bare_clone(work, f"{name}.git")
        git("remote", "add", "origin", str(git_host.root / f"{name}.git"), cwd=work)
        link = links.nbgitpuller_link(hub.url, url, branch="main", path=LESSON)
        return Course(name, work, link, hub.home(student) / name)
    return make


@pytest.fixture(scope="module")
def ana(hub):
    """One student for the tests without a browser; each test uses its own course."""
    student = Student(hub, "ana").login()
    student.server = None
    return student


def server_of(hub, student) -> StudentServer:
    if student.server is None:  # a token for the running server, after the first click
        student.server = StudentServer(hub, student.name)
    return student.server


def finished(click: dict, course: Course) -> dict:
    assert click["phase"] == "finished", click["output"]
    assert click["opens"].endswith(f"/lab/tree/{course.name}/{LESSON}")
    return click


def edit(server, path: str, new_line: str | None = None, add_cell: str | None = None):
    """Change a lesson the way JupyterLab does: open it, change it, save it."""
    notebook = nbformat.from_dict(server.notebook(path))
    change_lesson(notebook, new_line, add_cell)
    server.save_notebook(path, notebook)


def opening(server, path: str) -> str:
    """What JupyterLab gets when it opens `path`: 'ok', or the server's error message."""
    try:
        server.request("GET", f"/contents/{path}")
    except requests.HTTPError as error:
        try:
            message = error.response.json().get("message", "")
        except ValueError:  # a page, not an answer from the contents API
            message = error.response.reason
        return f"{error.response.status_code} {message}"
    return "ok"


def every_notebook_opens(server, course: Course):
    for path in course.folder.rglob("*.ipynb"):
        if ".git" not in path.parts and ".ipynb_checkpoints" not in path.parts:
            relative = path.relative_to(course.folder.parent).as_posix()
            assert opening(server, relative) == "ok", relative
            nbformat.validate(nbformat.read(path, as_version=4))


def nothing_lost(course: Course, *written: str):
    everything = tree_text(course.folder)
    lost = [line for line in written if line.strip() not in everything]
    assert lost == []


def run_in(server, course: Course, code: str, notebook: str = OTHER) -> str:
    """Run code in a notebook of the course, as a cell; what it printed."""
    with server.kernel_for(f"{course.name}/{notebook}") as kernel:
        result = kernel.run(code)
    assert result["error"] is None, result
    return result["text"]


def repair_in_a_notebook(server, course: Course, notebook: str = OTHER) -> str:
    """`from workshop import repair; repair.run()` in a cell of the workshop's notebook."""
    said = run_in(server, course, "import workshop\nprint(workshop.__file__)\n"
                  + REPAIR_IN_A_NOTEBOOK, notebook)
    where, paragraph = said.split("\n", 1)
    assert where.startswith(str(course.folder))  # the clone's own copy of the package
    assert paragraph.count("\n") == 1, paragraph  # one paragraph
    return paragraph


# --- 1. conflict markers committed after a manual merge ------------------------------------

def test_conflict_markers_committed_after_a_manual_merge(hub, ana, make_course):
    course = make_course("markers", "ana")
    finished(ana.click(course.link), course)
    server = server_of(hub, ana)
    edit(server, f"markers/{LESSON}", STUDENT_LINE, add_cell=STUDENT_CELL)
    finished(ana.click(course.link), course)  # nbgitpuller commits the student's edit
    course.push({LESSON: lesson(TEACHER_LINE)}, "Correct k_ice")
    # Lesson 07's git, run in the workshop folder itself (here from a cell, as in a terminal).
    # With no name and email set, git refuses to merge: nothing happens yet.
    said = run_in(server, course, "!git fetch -q && git merge origin/main")
    assert "Please tell me who you are" in said
    # The student follows git's hint and tries again.
    said = run_in(server, course, "!git config user.email ana@example.org && "
                  "git config user.name Ana && git merge origin/main")
    assert "CONFLICT (content): Merge conflict in notebooks/01-ice.ipynb" in said

    # Before: the click "finishes", the lesson no longer opens, later clicks agree.
    finished(ana.click(course.link), course)
    assert opening(server, f"markers/{LESSON}").startswith("400 Unreadable Notebook")
    again = finished(ana.click(course.link), course)
    assert "Already up to date" in again["output"]
    assert opening(server, f"markers/{LESSON}").startswith("400 Unreadable Notebook")

    # The fix: the repair command, in any other notebook of the workshop.
    paragraph = repair_in_a_notebook(server, course)
    assert "could not be opened" in paragraph and "01-ice-my-work-" in paragraph

    finished(ana.click(course.link), course)
    every_notebook_opens(server, course)
    assert nbformat.read(course.folder / LESSON, as_version=4).cells[1].source.startswith(
        TEACHER_LINE)
    nothing_lost(course, STUDENT_LINE, STUDENT_CELL)
    course.push({LESSON: lesson(TEACHER_LINE, title="Ice, revised")}, "Later update")
    finished(ana.click(course.link), course)
    assert "# Ice, revised" in (course.folder / LESSON).read_text()


# --- 2. the teacher rewrote history --------------------------------------------------------

def test_the_teacher_force_pushed(hub, ana, make_course):
    course = make_course("rewritten", "ana")
    finished(ana.click(course.link), course)
    server = server_of(hub, ana)
    edit(server, f"rewritten/{LESSON}", STUDENT_LINE)
    server.save_text("rewritten/notebooks/my-notes.md", "STUDENT: notes of my own\n")
    finished(ana.click(course.link), course)
    course.push({OTHER: lesson(title="Rock, amended")}, "First version", amend=True)

    # Before: every click ends with an error (and offers "Backup and resync").
    for _ in range(2):
        failed = ana.click(course.link)
        assert failed["phase"] == "error"
        assert "refusing to merge unrelated histories" in failed["output"]
        assert failed["events"][-1]["error"]["code"] == "merge"

    paragraph = repair_in_a_notebook(server, course)
    assert "rewrote the workshop's history" in paragraph

    finished(ana.click(course.link), course)
    every_notebook_opens(server, course)
    assert "# Rock, amended" in (course.folder / OTHER).read_text()
    nothing_lost(course, STUDENT_LINE, "STUDENT: notes of my own")
    course.push({OTHER: lesson(title="Rock, third")}, "Later update")
    finished(ana.click(course.link), course)
    assert "# Rock, third" in (course.folder / OTHER).read_text()


# --- 3. a lesson renamed -------------------------------------------------------------------

def test_a_renamed_lesson(hub, ana, make_course):
    course = make_course("renamed", "ana")
    finished(ana.click(course.link), course)
    server = server_of(hub, ana)
    edit(server, f"renamed/{LESSON}", STUDENT_LINE)
    new_name = "notebooks/01-ice-and-heat.ipynb"

    # Before: a bare `git mv`. The link's lesson is gone; the student's edit moved silently.
    git("mv", LESSON, new_name, cwd=course.work)
    course.push(message="Rename lesson 01")
    finished(ana.click(course.link), course)
    assert opening(server, f"renamed/{LESSON}").startswith("404")
    assert STUDENT_LINE.strip() in (course.folder / new_name).read_text()

    # The fix, on the teacher's side: the note at the old path (what tests/test_published_paths
    # demands before a rename can be merged).
    retire(LESSON, new_name, course.work)
    course.push(message="A note where lesson 01 was")
    finished(ana.click(course.link), course)
    note = nbformat.read(course.folder / LESSON, as_version=4)
    assert "This lesson has moved" in note.cells[0].source
    assert "(01-ice-and-heat.ipynb)" in note.cells[0].source
    assert (course.folder / LESSON.replace("01-ice", "01-ice-and-heat")).exists()
    every_notebook_opens(server, course)
    nothing_lost(course, STUDENT_LINE)


# --- 4. a lesson retired (deleted) ---------------------------------------------------------

def test_a_retired_lesson(hub, ana, make_course):
    course = make_course("retired", "ana")
    finished(ana.click(course.link), course)
    server = server_of(hub, ana)
    edit(server, f"retired/{OTHER}", STUDENT_LINE, add_cell=STUDENT_CELL)

    # Before: a bare `git rm`. The student keeps their copy with no word that it is retired.
    git("rm", "-q", OTHER, cwd=course.work)
    course.push(message="Drop lesson 02")
    finished(ana.click(course.link), course)
    assert opening(server, f"retired/{OTHER}") == "ok"  # an orphan, silently

    # The fix: the teacher leaves a note (workshop-retire); the student's repair puts their
    # version beside it.
    git("checkout", "HEAD~1", "--", OTHER, cwd=course.work)
    retire(OTHER, LESSON, course.work)
    course.push(message="Retire lesson 02 into lesson 01, with a note")
    finished(ana.click(course.link), course)
    assert opening(server, f"retired/{OTHER}") == "ok"  # still theirs, whole
    paragraph = repair_in_a_notebook(server, course, notebook=LESSON)  # 02 is being retired
    assert "moved or retired notebooks/02-rock.ipynb" in paragraph
    note = nbformat.read(course.folder / OTHER, as_version=4)
    assert note.cells[0].source.startswith("# This lesson was retired")
    finished(ana.click(course.link), course)
    every_notebook_opens(server, course)
    nothing_lost(course, STUDENT_LINE, STUDENT_CELL)


# --- 5. a stale .git/index.lock ------------------------------------------------------------

def test_a_stale_index_lock(hub, ana, make_course):
    course = make_course("locked", "ana")
    finished(ana.click(course.link), course)
    server = server_of(hub, ana)
    course.push({OTHER: lesson(title="Rock, revised")}, "Revise lesson 02")
    (course.folder / ".git" / "index.lock").touch()  # what a pull cut short leaves behind

    # Before: an error with a traceback, at every click for ten minutes.
    for _ in range(2):
        failed = ana.click(course.link)
        assert failed["phase"] == "error"
        assert "Recent .git/index.lock found" in failed["events"][-1]["message"]
        assert "Traceback" in failed["output"]

    # The fix, from a terminal in the workshop's notebooks folder (here: a cell's shell).
    said = run_in(server, course, "!python3 -m workshop.repair")
    assert "lock file" in said and said.count("\n") == 1
    finished(ana.click(course.link), course)
    assert "# Rock, revised" in (course.folder / OTHER).read_text()
    every_notebook_opens(server, course)


# --- 6. a teacher's change to a widget cell (the map) --------------------------------------

MAP_LESSON = "notebooks/03-map.ipynb"
MAP_CELL = """\
import ipywidgets as widgets
from ipyleaflet import Map

quake_map = Map(center=(23.8, 121.0), zoom={zoom})
zoom = widgets.IntSlider(description="Zoom", min=5, max=11, value={zoom})
widgets.jslink((zoom, "value"), (quake_map, "zoom"))
widgets.VBox([quake_map, zoom])"""


def map_lesson(zoom: int) -> str:
    """A lesson with a map cell, with the outputs the teacher stores (run as the build runs it)."""
    from nbclient import NotebookClient

    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    notebook.cells = [nbformat.v4.new_markdown_cell("# Earthquakes on a map"),
                      nbformat.v4.new_code_cell(MAP_CELL.format(zoom=zoom)),
                      nbformat.v4.new_code_cell("my_count = ...   # how many quakes?")]
    for number, cell in enumerate(notebook.cells):
        cell.id = f"map-{number}"
    NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    return nbformat.writes(notebook) + "\n"


def run_all_and_save(server, kernel, path: str):
    """JupyterLab's Run All Cells, then Save: each cell's outputs as the kernel sends them."""
    notebook = nbformat.from_dict(server.notebook(path))
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = execute(kernel, cell.source)
    server.save_notebook(path, notebook)
    return notebook


def execute(kernel, code: str):
    """Run one cell as JupyterLab does; its outputs (nbformat) and execution count."""
    outputs, count = [], None
    for message in kernel.messages(code):
        if message["msg_type"] in ("stream", "display_data", "execute_result", "error"):
            outputs.append(nbformat.v4.output_from_msg(message))
        elif message["msg_type"] == "execute_reply":
            count = message["content"].get("execution_count")
    return outputs, count


def shown_widget(notebook, index: int = 1) -> str:
    return notebook.cells[index].outputs[-1]["data"][
        "application/vnd.jupyter.widget-view+json"]["model_id"]


def zoom_of_shown_map(kernel, model_id: str) -> int:
    """The zoom of the map JupyterLab draws for this output: the kernel's live widget."""
    said = kernel.run("import warnings\nfrom ipywidgets import Widget\n"
                      "with warnings.catch_warnings():\n"
                      "    warnings.simplefilter('ignore', DeprecationWarning)\n"
                      f"    print(int(Widget.widgets[{model_id!r}].children[0].zoom))")
    return int(said["text"])


def test_a_teachers_change_to_the_map_cell(hub, ana, make_course):
    course = make_course("mapped", "ana", {MAP_LESSON: map_lesson(zoom=7)})
    finished(ana.click(course.link), course)
    server = server_of(hub, ana)
    path = f"mapped/{MAP_LESSON}"
    with server.kernel_for(path) as kernel:
        # The student runs the lesson, answers, and saves; their kernel keeps running.
        notebook = nbformat.from_dict(server.notebook(path))
        notebook.cells[2].source = STUDENT_CELL
        server.save_notebook(path, notebook)
        mine = shown_widget(run_all_and_save(server, kernel, path))
        course.push({MAP_LESSON: map_lesson(zoom=9)}, "Zoom the map in")
        finished(ana.click(course.link), course)

        # Before: the teacher's new code is there, under the student's old map.
        pulled = nbformat.read(course.folder / MAP_LESSON, as_version=4)
        assert "zoom=9" in pulled.cells[1].source
        assert shown_widget(pulled) == mine  # the output still shows the student's map...
        assert zoom_of_shown_map(kernel, mine) == 7
        assert STUDENT_CELL in pulled.cells[2].source

        # The fix: Run All after an update (then save).
        after = run_all_and_save(server, kernel, path)
        shown = shown_widget(after)
        assert shown != mine
        assert zoom_of_shown_map(kernel, shown) == 9
    finished(ana.click(course.link), course)
    every_notebook_opens(server, course)
    nothing_lost(course, STUDENT_CELL)


# --- 7. a lesson open in a tab during the update (a real JupyterLab, in Chromium) --------

TEACHER_HINT = "TEACHER: use k = 3.3 for granite."
TYPED_IN_OLD_TAB = "typed_after_the_update = True   # STUDENT"
# The notebook in the tab shown (JupyterLab keeps other tabs open, hidden).
SHOWN_NOTEBOOK = ".jp-NotebookPanel:not(.lm-mod-hidden)"
NO_NEWS_SETTINGS = (".jupyter/lab/user-settings/@jupyterlab/apputils-extension/"
                    "notification.jupyterlab-settings")


def with_hint() -> str:
    notebook = nbformat.reads(lesson(), as_version=4)
    notebook.cells[2].source += " " + TEACHER_HINT
    return nbformat.writes(notebook) + "\n"


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    from workshop_kit.browser import launch_chromium

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def browser_student(hub, chromium):
    """A student with a browser of their own, logged in through the hub's form."""
    contexts = []

    def log_in(name: str):
        settings = hub.home(name) / NO_NEWS_SETTINGS  # no news pop-up over the notebook
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(json.dumps({"checkForUpdates": False, "fetchNews": "false"}))
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{hub.url}/hub/login")
        page.fill("#username_input", name)
        page.fill("#password_input", hub.password)
        page.click("#login_submit")
        page.wait_for_url("**/hub/**", timeout=60_000)
        page.close()
        return context
    yield log_in
    for context in contexts:
        context.close()


def open_link(context, course: Course):
    """Click the workshop link in a new tab; wait until JupyterLab shows the lesson."""
    from playwright.sync_api import TimeoutError as PageTimeout

    page = context.new_page()
    page.goto(course.link)  # the hub's pages, then nbgitpuller's, then JupyterLab's
    try:
        page.wait_for_selector(f"{SHOWN_NOTEBOOK} .jp-CodeCell .cm-content", timeout=180_000)
    except PageTimeout:
        shot = course.work.parent / "stuck.png"
        page.screenshot(path=str(shot))
        raise AssertionError(f"the link did not show the lesson: stuck at {page.url} "
                             f"({page.title()!r}); picture: {shot}") from None
    return page


def type_in_code_cell(page, text: str):
    page.locator(f"{SHOWN_NOTEBOOK} .jp-CodeCell .cm-content").first.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type(text)


def save(page):
    page.keyboard.press("Control+s")


def wait_for_file(path: Path, text: str, present: bool = True, timeout: float = 30):
    deadline = time.monotonic() + timeout
    while (text in path.read_text()) != present:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path.name}: {'no' if present else 'still'} {text!r}")
        time.sleep(0.2)


def file_changed_dialog(page):
    dialog = page.locator(".jp-Dialog")
    dialog.wait_for(timeout=30_000)
    assert dialog.locator(".jp-Dialog-header").inner_text().strip() == "File Changed"
    buttons = [b.strip() for b in dialog.locator(".jp-Dialog-button").all_inner_texts()]
    assert buttons == ["Cancel", "Revert", "Overwrite"]
    return dialog


def student_saves_then_the_teacher_updates(hub, context, make_course, name, student):
    """Eve opens the lesson, edits and saves; the teacher adds a hint; Eve clicks the link
    again, then goes back to the tab she had open, types, and saves."""
    course = make_course(name, student)
    old_tab = open_link(context, course)
    lesson_file = course.folder / LESSON
    type_in_code_cell(old_tab, STUDENT_CELL.strip())
    save(old_tab)
    wait_for_file(lesson_file, "my_answer")
    course.push({LESSON: with_hint()}, "A hint for the exercise")
    # Eve clicks the link again (its page in another tab of the same browser does this).
    finished(Student(hub, student).login().click(course.link), course)
    assert TEACHER_HINT in lesson_file.read_text()  # the update arrived
    type_in_code_cell(old_tab, TYPED_IN_OLD_TAB)
    save(old_tab)
    return course, old_tab, file_changed_dialog(old_tab)


def test_a_lesson_open_in_a_tab_during_the_update_revert_drops_the_typing(hub, browser_student,
                                                                        make_course):
    """Why the guide no longer says Revert: it shows the update, and loses what was typed in
    the old tab since its last save."""
    course, old_tab, dialog = student_saves_then_the_teacher_updates(
        hub, browser_student("eve"), make_course, "reverted", "eve")
    dialog.locator(".jp-Dialog-button", has_text="Revert").click()
    old_tab.locator(f"{SHOWN_NOTEBOOK} .jp-RenderedMarkdown",
                    has_text=TEACHER_HINT).wait_for(timeout=30_000)
    assert old_tab.get_by_text("my_answer").count() >= 1
    assert old_tab.get_by_text("typed_after_the_update").count() == 0  # gone from the tab
    assert "typed_after_the_update" not in (course.folder / LESSON).read_text()  # and the file
    old_tab.close()


def test_a_lesson_open_in_a_tab_during_the_update_overwrite_then_repair(hub, browser_student,
                                                                      make_course):
    course, old_tab, dialog = student_saves_then_the_teacher_updates(
        hub, browser_student("fay"), make_course, "overwritten", "fay")
    dialog.locator(".jp-Dialog-button", has_text="Overwrite").click()
    lesson_file = course.folder / LESSON
    wait_for_file(lesson_file, TEACHER_HINT, present=False)  # the teacher's hint is gone...
    old_tab.close()
    fay = Student(hub, "fay").login()
    again = finished(fay.click(course.link), course)
    assert "Already up to date" in again["output"]
    assert TEACHER_HINT not in lesson_file.read_text()  # ...for good, silently

    # What the guide says to do: Overwrite, then the repair. Both the typing and the
    # teacher's change are kept.
    paragraph = repair_in_a_notebook(StudentServer(hub, "fay"), course)
    assert "Overwrite" in paragraph and "If a click ever fails, run this repair" in paragraph
    text = lesson_file.read_text()
    assert TEACHER_HINT in text and "typed_after_the_update" in text
    finished(fay.click(course.link), course)
    text = lesson_file.read_text()
    assert TEACHER_HINT in text and "my_answer" in text and "typed_after_the_update" in text
    every_notebook_opens(StudentServer(hub, "fay"), course)


def test_the_note_at_an_old_link_opens_unmodified(hub, browser_student, make_course):
    """After workshop-retire, the old link opens the note in JupyterLab, and JupyterLab does
    not mark it modified once its kernel is ready (a real lesson: its own metadata)."""
    from workshop_kit.repo import LESSONS_DIR

    course = make_course("noted", "gus",
                         {LESSON: (LESSONS_DIR / "03-kernels-python.ipynb").read_text()})
    context = browser_student("gus")
    finished(Student(hub, "gus").login().click(course.link), course)
    retire(LESSON, "notebooks/01-ice-and-heat.ipynb", course.work)
    course.push(message="Rename lesson 01 with workshop-retire")
    page = context.new_page()
    page.goto(course.link)  # the old link
    page.locator(f"{SHOWN_NOTEBOOK} .jp-RenderedMarkdown",
                 has_text="This lesson has moved").wait_for(timeout=180_000)
    page.locator(f"{SHOWN_NOTEBOOK} .jp-Notebook-ExecutionIndicator[data-status='idle']"
                 ).wait_for(timeout=120_000)  # the kernel has answered: metadata settled
    tab = page.locator(".jp-mod-current.lm-TabBar-tab", has_text="01-ice.ipynb")
    assert tab.count() == 1
    assert "jp-mod-dirty" not in tab.get_attribute("class")
    page.close()
