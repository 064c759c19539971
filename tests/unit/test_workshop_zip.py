"""The whole workshop as one zip: everything a learner needs, real files for links, nothing
the lessons wrote (a lesson run from the unpacked copy: tests/lessons/test_workshop_zip_runs.py)."""
import hashlib
import zipfile

import pytest

from workshop_kit.repo import LESSONS, ROOT
from workshop_kit.sphinx.workshop_zip import TOP_FOLDER, ZIP_NAME, write_zip


@pytest.fixture(scope="module")
def packed(tmp_path_factory):
    return write_zip(ROOT, tmp_path_factory.mktemp("zip") / ZIP_NAME)


def names(archive) -> set[str]:
    with zipfile.ZipFile(archive) as z:
        return {n.removeprefix(f"{TOP_FOLDER}/") for n in z.namelist()}


def test_the_zip_holds_the_lessons_the_helpers_and_the_data(packed):
    inside = names(packed)
    assert {f"notebooks/{lesson.name}" for lesson in LESSONS} <= inside
    helpers = {p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks" / "workshop").iterdir()
               if p.suffix in (".py", ".txt", ".R", ".tsv")}
    assert helpers and helpers <= inside
    data = {p.relative_to(ROOT).as_posix() for p in (ROOT / "data").rglob("*") if p.is_file()}
    assert data <= inside
    assert {"environment.yml", "binder/environment.yml", "binder/postBuild"} <= inside


def test_links_become_real_files_and_lesson_leftovers_stay_out(packed):
    with zipfile.ZipFile(packed) as z:
        linked = z.read(f"{TOP_FOLDER}/binder/environment.yml")  # a symbolic link in the repository
        leftovers = [n for n in z.namelist() if n.endswith(("test.png", "notes.txt", ".pyc"))
                     or "__pycache__" in n or "my-layout" in n or ".ipynb_checkpoints" in n]
    assert linked == (ROOT / "environment.yml").read_bytes()
    assert leftovers == []


def test_an_unchanged_workshop_gives_the_same_zip(packed, tmp_path):
    again = write_zip(ROOT, tmp_path / ZIP_NAME)
    assert hashlib.sha256(again.read_bytes()).digest() == hashlib.sha256(packed.read_bytes()).digest()
