"""A published lesson path never disappears (team decision 5; workshop_kit.lesson_paths).

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

from workshop_kit import lesson_paths
from workshop_kit.gitclass import TEACHER, git
from workshop_kit.repo import ROOT, lessons

RETIRE = Path(sys.executable).parent / "workshop-retire"  # the console command, in this environment
RENAMED = "notebooks/03-kernels-r.ipynb"
NEW_NAME = "notebooks/03-kernels-r-language.ipynb"


def test_every_published_lesson_path_is_still_there():
    assert lesson_paths.problems(ROOT) == []


def test_the_manifest_lists_every_lesson_of_the_tree():
    listed = lesson_paths.read_manifest(ROOT)
    assert {p.relative_to(ROOT).as_posix() for p in lessons()} <= set(listed)


@pytest.fixture(scope="module")
def published_course(tmp_path_factory):
    """A throwaway repository with this checkout's lessons, manifest and a zh-TW edition.
    Made once; each test changes its own copy (course)."""
    repo = tmp_path_factory.mktemp("published") / "course"
    for path in lesson_paths.read_manifest(ROOT):
        if (ROOT / path).is_file():
            (repo / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / path, repo / path)
    shutil.copy2(ROOT / lesson_paths.MANIFEST_NAME, repo / lesson_paths.MANIFEST_NAME)
    # The Traditional Chinese edition of the lesson that will be renamed (same file name).
    (repo / "zh-TW/notebooks").mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / RENAMED, repo / "zh-TW" / RENAMED)
    git("init", "-q", "-b", "main", cwd=repo)
    lesson_paths.record(repo)
    git("add", "-A", cwd=repo)
    git(*TEACHER, "commit", "-q", "-m", "Published lessons", cwd=repo)
    assert lesson_paths.problems(repo) == []
    return repo


@pytest.fixture
def course(published_course, tmp_path):
    return Path(shutil.copytree(published_course, tmp_path / "course", symlinks=True))


def test_a_bare_git_mv_of_a_lesson_fails_the_check(course):
    git("mv", RENAMED, NEW_NAME, cwd=course)
    found = lesson_paths.problems(course)
    assert any(RENAMED in line and "is gone" in line and "workshop-retire" in line
               for line in found), found
    assert any(NEW_NAME in line and "missing from" in line for line in found), found


def test_a_deletion_fails_the_check_even_with_its_manifest_line(course):
    git("rm", "-q", RENAMED, cwd=course)
    manifest = course / lesson_paths.MANIFEST_NAME
    manifest.write_text("".join(line for line in manifest.read_text().splitlines(keepends=True)
                                if line.strip() != RENAMED))
    git(*TEACHER, "commit", "-q", "-am", "Drop a lesson", cwd=course)
    found = lesson_paths.problems(course)
    assert any(RENAMED in line and "git history" in line for line in found), found


def test_workshop_retire_leaves_a_note_in_each_edition(course):
    done = lesson_paths.retire("03-kernels-r", "03-kernels-r-language", course)
    assert f"moved {RENAMED} to {NEW_NAME}" in done
    assert lesson_paths.problems(course) == []
    assert lesson_paths.read_manifest(course)[RENAMED] == NEW_NAME
    for old, words in [(RENAMED, "This lesson has moved"),
                       (f"zh-TW/{RENAMED}", "這一課已經搬家")]:
        note = nbformat.read(course / old, as_version=4)
        nbformat.validate(note)
        text = note.cells[0].source
        assert words in text and "(03-kernels-r-language.ipynb)" in text
        assert "R" in text  # the new lesson's title, as learners see it
        assert (course / old).read_bytes().count(b"\n") == 1
    assert (course / NEW_NAME).is_file() and (course / "zh-TW" / NEW_NAME).is_file()
    assert course / RENAMED not in lessons_of(course)


def lessons_of(folder):
    return [p for p in (folder / "notebooks").glob("*.ipynb") if not lesson_paths.is_redirect(p)]


def test_retiring_into_an_existing_lesson_says_retired(course):
    lesson_paths.retire("03-kernels-r", "03-kernels-python", course)
    text = nbformat.read(course / RENAMED, as_version=4).cells[0].source
    assert text.startswith("# This lesson was retired") and "(03-kernels-python.ipynb)" in text
    # The zh-TW edition has its own 03-kernels-python: its note points there.
    zh = nbformat.read(course / "zh-TW" / RENAMED, as_version=4)
    assert zh.metadata.workshop.moved_to == "03-kernels-python.ipynb"
    assert lesson_paths.problems(course) == []


def test_retiring_into_a_lesson_not_yet_translated_points_the_edition_to_english(course):
    shutil.copy2(course / "notebooks" / "04-terminal-and-environments.ipynb", course / "notebooks" / "12-new.ipynb")
    lesson_paths.record(course)
    git("add", "-A", cwd=course)
    git(*TEACHER, "commit", "-q", "-m", "A new English lesson", cwd=course)
    lesson_paths.retire("03-kernels-r", "12-new", course)
    zh = nbformat.read(course / "zh-TW" / RENAMED, as_version=4)
    assert zh.metadata.workshop.moved_to == "../../notebooks/12-new.ipynb"
    assert lesson_paths.problems(course) == []


def test_a_note_reformatted_over_several_lines_fails_the_check(course):
    lesson_paths.retire("03-kernels-r", "03-kernels-r-language", course)
    note = course / RENAMED
    note.write_text(json.dumps(json.loads(note.read_text()), indent=1))
    found = lesson_paths.problems(course)
    assert any("one line of JSON" in line for line in found), found


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
