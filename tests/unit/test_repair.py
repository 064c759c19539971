"""The students' repair command (notebooks/workshop/repair/), against throwaway classes.

Each test makes a teacher's repository, clones it with the real nbgitpuller (as one click on
a workshop link does), lets the student work and the teacher publish, creates one of the
failures a class meets, and checks what a student would: the repair says in one paragraph
what happened; the next click succeeds; every notebook opens; the teacher's change is there;
nothing the student wrote is lost. The same failures on the real hub: tests/hub/test_hub_updates.py;
its worst days (links, full disks, a host that does not answer): tests/lessons/test_repair_hostile.py
and tests/lessons/test_repair_full_disk.py.
"""
import json
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import nbformat
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop import language, repair
from helpers.gitclass import Teacher, change_lesson, git, lesson, nbgitpuller_pull, push_change, teacher_repo
from workshop_kit.repo import LESSONS_DIR

TEACHER_LINE = "k_ice = 2.25   # TEACHER: the corrected value\n"
STUDENT_LINE = "k_ice = 2.0    # STUDENT: my own measurement\n"
STUDENT_CELL = "my_answer = -0.0924   # STUDENT: the exercise\n"
NOW = datetime(2026, 11, 30, 14, 5, 9)
STUDENT_GIT = ["-c", "user.name=Student", "-c", "user.email=student@example.org"]


def change_line(path: Path, new_line: str, add_cell: str | None = None):
    """Edit a notebook as JupyterLab saves it: nbformat's own JSON."""
    notebook = nbformat.read(path, as_version=4)
    change_lesson(notebook, new_line, add_cell)
    nbformat.write(notebook, path)


@pytest.fixture
def english():
    yield
    language.use("en")


@pytest.fixture(scope="module")
def first_click(tmp_path_factory):
    """A teacher with two lessons and the learner package, and one student's first click:
    made once, copied for each test (making it took most of each test's set-up)."""
    package = {f"notebooks/workshop/{name}": (LESSONS_DIR / "workshop" / name).read_text()
               for name in ("__init__.py", "language.py", "fonts.py",
                            *(f"repair/{p.name}" for p in (LESSONS_DIR / "workshop" / "repair").glob("*.py")))}
    folder = tmp_path_factory.mktemp("first-click")
    teacher = teacher_repo(folder, {"notebooks/01-ice.ipynb": lesson(),
                                    "notebooks/02-rock.ipynb": lesson(title="Rock"),
                                    "README.md": "# A small course\n", **package})
    nbgitpuller_pull(teacher.url, folder / "student" / "course")
    return folder


@pytest.fixture
def klass(first_click, tmp_path, english):
    """The class of first_click, in this test's own folder: teacher, published and student."""
    shutil.copytree(first_click, tmp_path, symlinks=True, dirs_exist_ok=True)
    teacher = Teacher(tmp_path / "teacher", tmp_path / "published.git")
    student = tmp_path / "student" / "course"
    git("remote", "set-url", "origin", str(teacher.published), cwd=teacher.work)
    git("remote", "set-url", "origin", teacher.url, cwd=student)
    return teacher, student


def click(teacher, student) -> str:
    return nbgitpuller_pull(teacher.url, student)


def fix(student, **options) -> repair.Report:
    return repair.check_and_fix(student / "notebooks", now=NOW, **options)


def every_notebook_opens(folder: Path):
    for path in folder.rglob("*.ipynb"):
        if ".git" not in path.parts:
            nbformat.validate(nbformat.read(path, as_version=4))


def everything_written(folder: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in folder.rglob("*")
                     if p.is_file() and ".git" not in p.relative_to(folder).parts)


def one_paragraph(message: str):
    assert message and "\n" not in message, message


def test_a_copy_in_order_is_left_alone(klass):
    teacher, student = klass
    change_line(student / "notebooks/01-ice.ipynb", STUDENT_LINE)
    report = fix(student)
    assert report.found == [] and report.kept == []
    assert report.message.startswith("Nothing to repair")
    one_paragraph(report.message)
    assert STUDENT_LINE in (student / "notebooks/01-ice.ipynb").read_text().replace('\\n",\n', "\n")


def test_conflict_markers_committed_by_a_click_after_a_manual_merge(klass):
    teacher, student = klass
    change_line(student / "notebooks/01-ice.ipynb", STUDENT_LINE)
    click(teacher, student)  # nbgitpuller commits the student's edit
    push_change(teacher, {"notebooks/01-ice.ipynb": lesson(TEACHER_LINE)}, "Fix k_ice")
    # The student tries lesson 07's git in the workshop folder itself.
    git("fetch", "-q", cwd=student)
    merge = subprocess.run(["git", *STUDENT_GIT, "merge", "origin/main"], cwd=student,
                           capture_output=True, text=True)
    assert "CONFLICT" in merge.stdout
    click(teacher, student)  # "finishes" the merge: commits the markers, reports success
    broken = student / "notebooks/01-ice.ipynb"
    with pytest.raises(nbformat.reader.NotJSONError):
        nbformat.read(broken, as_version=4)
    assert "Already up to date" in click(teacher, student)  # and every click after agrees

    report = fix(student)
    one_paragraph(report.message)
    assert report.found == ["broken"]
    copy = student / "notebooks/01-ice-my-work-20261130-140509.ipynb"
    assert report.kept == [(str(copy.relative_to(student)), "notebooks/01-ice.ipynb")]
    assert "notebooks/01-ice-my-work-20261130-140509.ipynb is your notebooks/01-ice.ipynb" \
        in report.message
    assert nbformat.read(broken, as_version=4).cells[1].source.startswith(TEACHER_LINE)
    assert nbformat.read(copy, as_version=4).cells[1].source.startswith(STUDENT_LINE)
    click(teacher, student)
    every_notebook_opens(student)
    push_change(teacher, {"notebooks/01-ice.ipynb": lesson(TEACHER_LINE, title="Ice, revised")})
    click(teacher, student)
    assert "# Ice, revised" in broken.read_text()  # later updates arrive again


def test_an_unfinished_manual_merge_is_finished_with_both_versions(klass):
    teacher, student = klass
    change_line(student / "notebooks/01-ice.ipynb", STUDENT_LINE, add_cell=STUDENT_CELL)
    click(teacher, student)
    push_change(teacher, {"notebooks/01-ice.ipynb": lesson(TEACHER_LINE),
                          "notebooks/03-new.ipynb": lesson(title="New")}, "Fix, and a new lesson")
    subprocess.run(["git", *STUDENT_GIT, "pull", "--no-rebase"], cwd=student, capture_output=True)
    assert (student / ".git/MERGE_HEAD").exists()
    assert git("ls-files", "-u", cwd=student)
    (student / "notes.md").write_text("STUDENT: my notes, written after the failed pull\n")

    report = fix(student)
    one_paragraph(report.message)
    assert report.found == ["merge"] and "git merge" in report.message
    assert not (student / ".git/MERGE_HEAD").exists() and not git("ls-files", "-u", cwd=student)
    copy = student / report.kept[0][0]
    assert STUDENT_CELL in nbformat.read(copy, as_version=4).cells[-1].source
    assert nbformat.read(student / "notebooks/01-ice.ipynb",
                         as_version=4).cells[1].source.startswith(TEACHER_LINE)
    output = click(teacher, student)
    assert "__" not in output  # nbgitpuller renamed nothing: the new lesson was merged in
    every_notebook_opens(student)
    assert (student / "notes.md").read_text().startswith("STUDENT")


def test_a_rebase_left_halfway_is_undone_keeping_the_students_side(klass):
    teacher, student = klass
    change_line(student / "notebooks/01-ice.ipynb", STUDENT_LINE)
    click(teacher, student)
    push_change(teacher, {"notebooks/01-ice.ipynb": lesson(TEACHER_LINE)}, "Fix k_ice")
    subprocess.run(["git", *STUDENT_GIT, "pull", "--rebase"], cwd=student, capture_output=True)
    assert (student / ".git/rebase-merge").exists() or (student / ".git/rebase-apply").exists()

    report = fix(student)
    assert report.found == ["abort"] and "git rebase" in report.message
    copy = student / report.kept[0][0]
    assert nbformat.read(copy, as_version=4).cells[1].source.startswith(STUDENT_LINE)
    assert git("symbolic-ref", "--short", "HEAD", cwd=student).strip() == "main"
    click(teacher, student)
    every_notebook_opens(student)
    assert TEACHER_LINE.split("#")[0] in (student / "notebooks/01-ice.ipynb").read_text()


def test_a_stale_index_lock_is_removed_only_when_no_git_is_running(klass):
    teacher, student = klass
    push_change(teacher, {"notebooks/02-rock.ipynb": lesson(title="Rock, revised")})
    lock = student / ".git/index.lock"
    lock.touch()  # what a pull killed halfway leaves
    with pytest.raises(Exception, match="Recent .git/index.lock found"):
        click(teacher, student)
    # While git works in the folder, the repair changes nothing.
    busy = subprocess.Popen(["git", "hash-object", "--stdin"], cwd=student,
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    try:
        report = fix(student, fetch=False)
        assert report.busy and lock.exists()
        assert "wait a minute" in report.message
    finally:
        busy.communicate(b"")
    report = fix(student)
    assert report.found == ["lock"] and not lock.exists()
    one_paragraph(report.message)
    click(teacher, student)
    assert "# Rock, revised" in (student / "notebooks/02-rock.ipynb").read_text()


def test_a_rewritten_history_keeps_what_the_student_changed_and_only_that(klass):
    teacher, student = klass
    change_line(student / "notebooks/01-ice.ipynb", STUDENT_LINE)
    (student / "notebooks/my-notes.md").write_text("STUDENT: notes of my own\n")
    click(teacher, student)
    push_change(teacher, {"notebooks/02-rock.ipynb": lesson(title="Rock, amended")},
                "First version", amend=True)  # amend and force-push
    with pytest.raises(subprocess.CalledProcessError):
        click(teacher, student)  # "refusing to merge unrelated histories", at every click
    with pytest.raises(subprocess.CalledProcessError):
        click(teacher, student)

    report = fix(student)
    one_paragraph(report.message)
    assert report.found == ["history"]
    # Only the lesson the student changed gets a copy; the untouched one is simply updated.
    assert [original for _, original in report.kept] == ["notebooks/01-ice.ipynb"]
    copy = student / report.kept[0][0]
    assert nbformat.read(copy, as_version=4).cells[1].source.startswith(STUDENT_LINE)
    assert (student / "notebooks/my-notes.md").read_text() == "STUDENT: notes of my own\n"
    assert "Already up to date" in click(teacher, student)
    assert "# Rock, amended" in (student / "notebooks/02-rock.ipynb").read_text()
    every_notebook_opens(student)
    push_change(teacher, {"notebooks/02-rock.ipynb": lesson(title="Rock, third")})
    click(teacher, student)
    assert "# Rock, third" in (student / "notebooks/02-rock.ipynb").read_text()


def redirect_to(new: str) -> str:
    """A retired lesson's note (what workshop-retire writes): the old lesson, note on top."""
    from workshop_kit.lessons.published import redirect_notebook
    return redirect_notebook(new, "Ice and heat", "en", old=lesson())


def test_a_retired_lesson_the_student_had_worked_on_shows_the_note_above_their_work(klass):
    teacher, student = klass
    change_line(student / "notebooks/01-ice.ipynb", STUDENT_LINE, add_cell=STUDENT_CELL)
    git("mv", "notebooks/01-ice.ipynb", "notebooks/01-ice-and-heat.ipynb", cwd=teacher.work)
    push_change(teacher, {"notebooks/01-ice.ipynb": redirect_to("01-ice-and-heat.ipynb")},
                "Rename lesson 01, leaving a note at its old name")
    click(teacher, student)
    # The old link opens the note, and below it the student's own version of the lesson.
    every_notebook_opens(student)
    old = nbformat.read(student / "notebooks/01-ice.ipynb", as_version=4)
    assert old.cells[0].source.startswith("# This lesson has moved")
    assert "(01-ice-and-heat.ipynb)" in old.cells[0].source
    assert old.cells[2].source.startswith(STUDENT_LINE) and old.cells[-1].source == STUDENT_CELL
    assert fix(student).found == []  # nothing left for the repair


def test_a_retired_lesson_whose_first_lines_the_student_changed_is_kept_beside_its_note(klass):
    """If the student changed the lesson's very first lines, the merge keeps their version
    whole (no note): the repair keeps it aside and puts the note there."""
    teacher, student = klass
    path = student / "notebooks/01-ice.ipynb"
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.insert(0, nbformat.v4.new_markdown_cell("STUDENT: my plan for today"))
    notebook.cells[0].id = "my-plan"
    nbformat.write(notebook, path)
    git("mv", "notebooks/01-ice.ipynb", "notebooks/01-ice-and-heat.ipynb", cwd=teacher.work)
    push_change(teacher, {"notebooks/01-ice.ipynb": redirect_to("01-ice-and-heat.ipynb")})
    click(teacher, student)
    if nbformat.read(path, as_version=4).cells[0].get("id") == "lesson-moved":
        pytest.fail("git merged the note above the student's first cell: pick another edit")
    report = fix(student)
    assert report.found == ["moved"] and "notebooks/01-ice.ipynb" in report.message
    assert nbformat.read(path, as_version=4).cells[0].id == "lesson-moved"
    assert "STUDENT: my plan" in (student / report.kept[0][0]).read_text()
    click(teacher, student)
    every_notebook_opens(student)


def test_a_student_who_never_opened_a_retired_lesson_just_gets_the_note(klass):
    teacher, student = klass
    git("mv", "notebooks/01-ice.ipynb", "notebooks/01-ice-and-heat.ipynb", cwd=teacher.work)
    push_change(teacher, {"notebooks/01-ice.ipynb": redirect_to("01-ice-and-heat.ipynb")})
    click(teacher, student)
    note = nbformat.read(student / "notebooks/01-ice.ipynb", as_version=4)
    assert note.metadata.workshop.moved_to == "01-ice-and-heat.ipynb"
    assert fix(student).found == []


def test_a_teachers_change_saved_over_from_an_old_tab_is_put_back(klass):
    """JupyterLab's "File Changed" dialog after an update, answered with Overwrite."""
    teacher, student = klass
    lesson_path = student / "notebooks/01-ice.ipynb"
    change_line(lesson_path, STUDENT_LINE)
    click(teacher, student)
    open_tab = nbformat.read(lesson_path, as_version=4)  # what the tab holds
    fixed = nbformat.reads(lesson(), as_version=4)
    fixed.cells[2].source = "## Exercise\n\nWork out the flux. TEACHER: use k = 3.3 for granite."
    push_change(teacher, {"notebooks/01-ice.ipynb": nbformat.writes(fixed) + "\n"}, "Hint")
    click(teacher, student)
    assert "TEACHER: use k" in lesson_path.read_text()
    open_tab.cells.append(nbformat.v4.new_code_cell(STUDENT_CELL))  # typed in the old tab
    nbformat.write(open_tab, lesson_path)  # Overwrite
    assert "Already up to date" in click(teacher, student)
    assert "TEACHER: use k" not in lesson_path.read_text()  # lost for good, silently

    report = fix(student)
    one_paragraph(report.message)
    assert report.found == ["undone"] and report.kept == []
    assert "Overwrite" in report.message
    notebook = nbformat.read(lesson_path, as_version=4)
    assert "TEACHER: use k" in notebook.cells[2].source
    assert notebook.cells[1].source.startswith(STUDENT_LINE)
    assert notebook.cells[-1].source == STUDENT_CELL
    click(teacher, student)
    assert "TEACHER: use k" in lesson_path.read_text()
    assert fix(student).found == []  # and the repair does not do it twice


def test_the_students_own_change_to_a_line_the_teacher_changed_is_left_alone(klass):
    """Where both changed the same line, nbgitpuller keeps the student's: not an undo."""
    teacher, student = klass
    change_line(student / "notebooks/01-ice.ipynb", STUDENT_LINE)
    click(teacher, student)
    push_change(teacher, {"notebooks/01-ice.ipynb": lesson(TEACHER_LINE)}, "Fix k_ice")
    click(teacher, student)
    assert fix(student).found == []
    assert STUDENT_LINE.strip() in nbformat.read(student / "notebooks/01-ice.ipynb",
                                                 as_version=4).cells[1].source


def test_the_paragraph_speaks_the_lessons_language(klass):
    teacher, student = klass
    (student / ".git/index.lock").touch()
    language.use("zh-TW")
    report = fix(student, fetch=False)
    one_paragraph(report.message)
    assert report.message.startswith("工作坊資料夾") and "鎖定檔案" in report.message


def test_a_broken_notebook_of_the_students_own_is_left_as_it_is(klass):
    teacher, student = klass
    own = student / "notebooks" / "my-experiment.ipynb"
    own.write_text('{"cells": [')  # cut short
    report = fix(student)
    one_paragraph(report.message)
    assert report.left_alone == ["notebooks/my-experiment.ipynb"] and report.kept == []
    assert report.message.startswith("notebooks/my-experiment.ipynb cannot be opened")
    assert "Open With → Editor" in report.message
    assert own.read_text() == '{"cells": ['


def test_outside_a_workshop_copy_it_says_so_and_touches_nothing(tmp_path, english):
    (tmp_path / "lesson.ipynb").write_text("not json")
    report = repair.check_and_fix(tmp_path)
    assert "is not a copy made by the workshop link" in report.message
    assert (tmp_path / "lesson.ipynb").read_text() == "not json"


def test_it_runs_from_a_terminal_with_nothing_installed(klass):
    """`python3 -m workshop.repair` in the notebooks folder, with the system's Python alone."""
    teacher, student = klass
    (student / ".git/index.lock").touch()
    python = shutil.which("python3", path="/usr/bin:/bin") or sys.executable
    done = subprocess.run([python, "-E", "-s", "-m", "workshop.repair", "--language", "zh-TW"],
                          cwd=student / "notebooks", capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(student.parent)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == 1 and "鎖定檔案" in done.stdout
    assert not (student / ".git/index.lock").exists()


# --- any file content: the pure parts and the whole repair ------------------------------

# Lines that are not conflict markers (git's markers start with 7 of < = > |).
plain_line = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\n"),
                     max_size=30).filter(lambda s: not s or s[0] not in "<=>|").map(lambda s: s + "\n")
lines = st.lists(plain_line, max_size=4).map("".join)


@given(st.lists(st.tuples(lines, lines, lines, lines), min_size=1, max_size=4), lines,
       st.booleans())
def test_keep_side_gives_back_exactly_one_side(blocks, tail, diff3):
    text = ours = theirs = ""
    for common, mine, base, other in blocks:
        text += (common + "<<<<<<< HEAD\n" + mine + (f"||||||| base\n{base}" if diff3 else "")
                 + "=======\n" + other + ">>>>>>> origin/main\n")
        ours += common + mine
        theirs += common + other
    text, ours, theirs = text + tail, ours + tail, theirs + tail
    assert repair.has_conflict_markers(text)
    assert repair.keep_side(text, "ours") == ours
    assert repair.keep_side(text, "theirs") == theirs


@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_bytes_get_an_answer_never_an_exception(data):
    problem = repair.notebook_problem(data)
    assert problem is None or isinstance(problem, str)


@given(st.lists(st.text(max_size=80), max_size=4))
def test_any_notebook_text_is_a_valid_notebook(sources):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(s) for s in sources])
    assert repair.notebook_problem(nbformat.writes(notebook).encode()) is None


file_name = st.text(st.characters(blacklist_categories=["Cs", "Cc"], blacklist_characters="/\\\0"),
                    min_size=1, max_size=20).filter(lambda s: s not in (".", ".."))


@given(file_name, st.sets(st.integers(1, 5), max_size=5))
def test_a_kept_copy_never_takes_an_existing_name(name, clashes):
    path = f"notebooks/{name}"
    first = repair.kept_copy_name(path, NOW)
    taken = {first} | {first.replace(".ipynb", "") + f"-{n}" for n in clashes}
    copy = repair.kept_copy_name(path, NOW, taken)
    assert copy not in taken and copy.startswith("notebooks/")
    assert "-my-work-20261130-140509" in copy


@pytest.fixture(scope="module")
def clean_class(tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    teacher = teacher_repo(folder, {"lesson.ipynb": lesson()})
    student = folder / "student"
    nbgitpuller_pull(teacher.url, student)
    return student


def conflicted_lesson(mine: str, theirs: str) -> bytes:
    """The lesson as a manual merge leaves it: both sides of one line, between markers."""
    text = lesson()
    line = next(x for x in text.splitlines(keepends=True) if "k_ice = 2.2" in x)
    quoted = lambda s: "    " + json.dumps(s) + ",\n"  # noqa: E731 (a source line in the JSON)
    return text.replace(line, "<<<<<<< HEAD\n" + quoted(mine) + "=======\n" + quoted(theirs)
                        + ">>>>>>> origin/main\n").encode()


def conflict_of(mine: str, theirs: str) -> bytes:
    """A file that is nothing but a conflict block: neither side a notebook."""
    return f"<<<<<<< HEAD\n{mine}\n=======\n{theirs}\n>>>>>>> origin/main\n".encode()


any_content = (st.binary(max_size=400) | st.text(max_size=400).map(str.encode)
               | st.builds(conflicted_lesson, st.text(max_size=60), st.text(max_size=60))
               | st.builds(conflict_of, st.text(max_size=40), st.text(max_size=40)))


# Each input is a real clone and a repair run: a tenth of the profile's count (10 or 40).
@settings(max_examples=settings.default.max_examples // 10,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=any_content)
def test_whatever_a_student_saved_every_byte_is_kept(clean_class, tmp_path_factory, content):
    """A notebook's file replaced by anything at all: it opens afterwards, and the student's
    bytes are still there (as a notebook copy, or verbatim as text)."""
    student = tmp_path_factory.mktemp("copy") / "student"
    shutil.copytree(clean_class, student, symlinks=True)
    (student / "lesson.ipynb").write_bytes(content)
    report = repair.check_and_fix(student, fetch=False, now=NOW)
    every_notebook_opens(student)
    if repair.notebook_problem(content) is None:
        assert report.kept == [] and (student / "lesson.ipynb").read_bytes() == content
    elif content.strip():
        (copy, original), = report.kept
        assert original == "lesson.ipynb"
        kept = (student / copy).read_bytes()
        text = content.decode("utf-8", "replace")
        side = repair.keep_side(text) if repair.has_conflict_markers(text) else None
        if side is not None and repair.notebook_problem(side.encode()) is None:
            assert kept == side.encode() and copy.endswith(".ipynb")  # the student's side
        else:
            assert kept == content and copy.endswith(".ipynb.txt")  # every byte, as text
    assert os.listdir(student / ".git")  # the clone is still a clone
    again = repair.check_and_fix(student, fetch=False, now=NOW)  # a second run: all is well
    assert again.message.startswith("Nothing to repair"), again.message


@pytest.mark.parametrize("options, chinese", [([], True), (["--language", "en"], False)])
def test_in_the_chinese_lessons_folder_the_terminal_command_speaks_chinese(klass, options, chinese):
    """Issue #25: `python3 -m workshop.repair` in zh-TW/notebooks, where a workshop link puts
    the Chinese lessons (their workshop folder is a link to notebooks/workshop), answers in
    Chinese without --language, whatever the terminal's locale; --language still chooses."""
    teacher, student = klass
    (student / "zh-TW" / "notebooks").mkdir(parents=True)
    (student / "zh-TW" / "notebooks" / "workshop").symlink_to("../../notebooks/workshop")
    (student / ".git/index.lock").touch()
    python = shutil.which("python3", path="/usr/bin:/bin") or sys.executable
    done = subprocess.run([python, "-E", "-s", "-m", "workshop.repair", *options],
                          cwd=student / "zh-TW" / "notebooks", capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(student.parent), "LANG": "C.UTF-8"})
    assert done.returncode == 0, done.stderr
    assert ("鎖定檔案" in done.stdout) is chinese and ("lock file" in done.stdout) is not chinese, done.stdout
