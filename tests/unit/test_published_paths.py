"""A published lesson path never disappears (team decision 5; workshop_kit.lessons.published).

The real tree is checked first. Then a throwaway copy of the lessons shows the check
catching what a maintainer might do by hand (a bare `git mv`, a `git rm`), and shows that
`workshop-retire` leaves what the check asks for: a note at the old path, in each edition,
that opens as a notebook and links to the lesson's new place.
"""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from workshop_kit.lessons import published, retire
from helpers.gitclass import TEACHER, git
from workshop_kit.repo import ENGLISH, ROOT

RETIRE = Path(sys.executable).parent / "workshop-retire"  # the console command, in this environment
RENAMED = "notebooks/03-kernels-r.ipynb"
NEW_NAME = "notebooks/03-kernels-r-language.ipynb"


def test_every_published_lesson_path_is_still_there():
    assert published.problems(ROOT) == []


def test_the_manifest_lists_every_lesson_of_the_tree():
    listed = published.read_manifest(ROOT)
    assert {p.relative_to(ROOT).as_posix() for p in ENGLISH.lessons()} <= set(listed)


@pytest.fixture(scope="module")
def published_course(tmp_path_factory):
    """A throwaway repository with this checkout's lessons, manifest and a zh-TW edition.
    Made once; each test changes its own copy (course)."""
    repo = tmp_path_factory.mktemp("published") / "course"
    for path in published.read_manifest(ROOT):
        if (ROOT / path).is_file():
            (repo / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / path, repo / path)
    shutil.copy2(ROOT / published.MANIFEST_NAME, repo / published.MANIFEST_NAME)
    # The Traditional Chinese edition of the lesson that will be renamed (same file name).
    (repo / "zh-TW/notebooks").mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / RENAMED, repo / "zh-TW" / RENAMED)
    git("init", "-q", "-b", "main", cwd=repo)
    retire.record(repo)
    git("add", "-A", cwd=repo)
    git(*TEACHER, "commit", "-q", "-m", "Published lessons", cwd=repo)
    assert published.problems(repo) == []
    return repo


@pytest.fixture
def course(published_course, tmp_path):
    return Path(shutil.copytree(published_course, tmp_path / "course", symlinks=True))


def test_a_bare_git_mv_of_a_lesson_fails_the_check(course):
    git("mv", RENAMED, NEW_NAME, cwd=course)
    found = published.problems(course)
    assert any(RENAMED in line and "is gone" in line and "workshop-retire" in line
               for line in found), found
    assert any(NEW_NAME in line and "missing from" in line for line in found), found


def test_a_deletion_fails_the_check_even_with_its_manifest_line(course):
    git("rm", "-q", RENAMED, cwd=course)
    manifest = course / published.MANIFEST_NAME
    manifest.write_text("".join(line for line in manifest.read_text().splitlines(keepends=True)
                                if line.strip() != RENAMED))
    git(*TEACHER, "commit", "-q", "-am", "Drop a lesson", cwd=course)
    found = published.problems(course)
    assert any(RENAMED in line and "git history" in line for line in found), found


def test_workshop_retire_leaves_a_note_in_each_edition(course):
    done = retire.retire("03-kernels-r", "03-kernels-r-language", course)
    assert f"moved {RENAMED} to {NEW_NAME}" in done
    assert published.problems(course) == []
    assert published.read_manifest(course)[RENAMED] == NEW_NAME
    for old, words in [(RENAMED, "This lesson has moved"),
                       (f"zh-TW/{RENAMED}", "這一課已經搬家")]:
        note = nbformat.read(course / old, as_version=4)
        nbformat.validate(note)
        text = note.cells[0].source
        assert words in text and "(03-kernels-r-language.ipynb)" in text
        assert "R" in text  # the new lesson's title, as learners see it
        # It opens unmodified: JupyterLab's load and save (nbformat's) gives the same bytes.
        written = (course / old).read_text(encoding="utf-8")
        assert nbformat.writes(nbformat.reads(written, as_version=4)) + "\n" == written
        # Below the note, the old lesson as students had it: their edits merge in under it.
        committed = git("show", f"HEAD:{old}", cwd=course)
        assert note.cells[1:] == nbformat.reads(committed, as_version=4).cells
    assert (course / NEW_NAME).is_file() and (course / "zh-TW" / NEW_NAME).is_file()
    assert course / RENAMED not in lessons_of(course)


def lessons_of(folder):
    return [p for p in (folder / "notebooks").glob("*.ipynb") if not published.is_redirect(p)]


def test_retiring_into_an_existing_lesson_says_retired(course):
    retire.retire("03-kernels-r", "03-kernels-python", course)
    text = nbformat.read(course / RENAMED, as_version=4).cells[0].source
    assert text.startswith("# This lesson was retired") and "(03-kernels-python.ipynb)" in text
    # The zh-TW edition has its own 03-kernels-python: its note points there.
    zh = nbformat.read(course / "zh-TW" / RENAMED, as_version=4)
    assert zh.metadata.workshop.moved_to == "03-kernels-python.ipynb"
    assert published.problems(course) == []


def test_retiring_into_a_lesson_not_yet_translated_points_the_edition_to_english(course):
    shutil.copy2(course / "notebooks" / "04-terminal-and-environments.ipynb", course / "notebooks" / "12-new.ipynb")
    retire.record(course)
    git("add", "-A", cwd=course)
    git(*TEACHER, "commit", "-q", "-m", "A new English lesson", cwd=course)
    retire.retire("03-kernels-r", "12-new", course)
    zh = nbformat.read(course / "zh-TW" / RENAMED, as_version=4)
    assert zh.metadata.workshop.moved_to == "../../notebooks/12-new.ipynb"
    assert published.problems(course) == []


def test_a_note_not_saved_as_jupyterlab_saves_it_fails_the_check(course):
    """A note JupyterLab would rewrite on opening (here: one line of JSON, as notes once
    were) opens marked modified: the check says so."""
    retire.retire("03-kernels-r", "03-kernels-r-language", course)
    note = course / RENAMED
    note.write_text(json.dumps(json.loads(note.read_text()), sort_keys=True) + "\n")
    found = published.problems(course)
    assert any("saved as JupyterLab saves it" in line for line in found), found


def publish(course: Path, folder: Path) -> Path:
    """The course pushed to a throwaway bare repository (a git host), as `origin`."""
    bare = folder / "published.git"
    git("clone", "-q", "--bare", str(course), str(bare))
    git("remote", "add", "origin", str(bare), cwd=course)
    return bare


def test_a_bare_git_mv_is_stopped_by_the_pre_push_hook(course, tmp_path):
    bare = publish(course, tmp_path)
    git("config", "core.hooksPath", str(ROOT / "tools" / "hooks"), cwd=course)
    git("mv", RENAMED, NEW_NAME, cwd=course)
    git(*TEACHER, "commit", "-q", "-m", "Rename a lesson by hand", cwd=course)
    push = subprocess.run(["git", "push", "origin", "main"], cwd=course, capture_output=True,
                          text=True)
    assert push.returncode != 0
    assert f"{RENAMED} was published and is gone" in push.stdout + push.stderr
    assert "workshop-retire OLD NEW" in push.stderr
    assert git("ls-tree", "--name-only", "main", RENAMED, cwd=bare).strip() == RENAMED
    assert retire.retire(RENAMED, NEW_NAME, course)
    git("add", "-A", cwd=course)
    git(*TEACHER, "commit", "-q", "-m", "Leave a note at the old path", cwd=course)
    push = subprocess.run(["git", "push", "origin", "main"], cwd=course, capture_output=True,
                          text=True)
    assert push.returncode == 0, push.stdout + push.stderr
    assert nbformat.reads(git("show", f"main:{RENAMED}", cwd=bare),
                          as_version=4).cells[0].id == "lesson-moved"


def test_a_student_who_edited_the_lesson_sees_the_note_above_their_work(course, tmp_path):
    """The old link, clicked after workshop-retire: real nbgitpuller, the real lessons."""
    from helpers.gitclass import nbgitpuller_pull
    bare = publish(course, tmp_path)
    student = tmp_path / "student"
    nbgitpuller_pull(bare.as_uri(), student)
    mine = nbformat.read(student / RENAMED, as_version=4)
    code = next(cell for cell in mine.cells[3:] if cell.cell_type == "code")
    code.source += "\n# STUDENT: my own note on this cell"
    nbformat.write(mine, student / RENAMED)
    nbgitpuller_pull(bare.as_uri(), student)  # a click: commits the student's work
    retire.retire(RENAMED, NEW_NAME, course)
    git("add", "-A", cwd=course)
    git(*TEACHER, "commit", "-q", "-m", "Rename 03-kernels-r with workshop-retire", cwd=course)
    git("push", "-q", "origin", "main", cwd=course)
    nbgitpuller_pull(bare.as_uri(), student)
    opened = nbformat.read(student / RENAMED, as_version=4)
    nbformat.validate(opened)
    assert opened.cells[0].source.startswith("# This lesson has moved")
    assert "# STUDENT: my own note on this cell" in "".join(c.source for c in opened.cells)
    assert (student / NEW_NAME).is_file()


def test_the_command_says_what_is_wrong_and_retire_fixes_it(course):
    git("mv", RENAMED, NEW_NAME, cwd=course)
    check = [str(RETIRE), "--check", "--root", str(course)]
    done = subprocess.run(check, capture_output=True, text=True)
    assert done.returncode == 1 and f"{RENAMED} was published and is gone" in done.stdout
    done = subprocess.run([str(RETIRE), "--root", str(course), RENAMED, NEW_NAME],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"left a note at {RENAMED}" in done.stdout
    assert nbformat.read(course / RENAMED, as_version=4).cells[0].source.startswith(
        "# This lesson has moved")
    assert subprocess.run(check, capture_output=True).returncode == 0
