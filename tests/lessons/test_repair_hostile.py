"""The repair on its worst day (issue #21): a teacher's history holding links, a student's
folder holding links, a write killed half way, a git host that does not answer, files git
cannot replace, conflict markers where they are and where they only look like they are,
names that are not UTF-8, a 200 MB notebook, and the wrong folder.

Each test builds a real teacher's repository and a student's clone in a sibling "home"
folder, and checks what matters to the student: no byte outside the workshop folder changes,
none of theirs is lost, and the repair says in one paragraph what it did or could not do.
"""
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import tracemalloc
from datetime import datetime
from pathlib import Path

import nbformat
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop import language, repair
from workshop.repair import gitcalls, workcopy
from helpers.gitclass import TEACHER, lesson, nbgitpuller_pull, push_change, teacher_repo
from workshop_kit.git import git
from workshop_kit.repo import LESSONS_DIR

NOW = datetime(2026, 12, 1, 9, 30, 0)
SECRET = b"export PATH=$HOME/bin:$PATH   # the student's own dotfile\n"


@pytest.fixture(autouse=True)
def english():
    language.use("en")
    yield
    language.use("en")


def make_home(folder: Path) -> Path:
    """A student's home: dotfiles, a private folder, and (later) the workshop inside it."""
    home = folder / "home"
    (home / ".ssh").mkdir(parents=True)
    (home / ".bashrc").write_bytes(SECRET)
    (home / ".ssh" / "authorized_keys").write_bytes(b"ssh-ed25519 AAAA student@laptop\n")
    return home


def snapshot(home: Path, skip: str = "course") -> dict:
    """Every file, folder and link of the home outside the workshop: bytes, mode, target."""
    seen = {}
    for top, folders, files in os.walk(home):
        if Path(top) == home and skip in folders:
            folders.remove(skip)
        for name in folders + files:
            path = Path(top) / name
            info = path.lstat()
            body = (os.readlink(path) if path.is_symlink()
                    else path.read_bytes() if path.is_file() else None)
            seen[str(path.relative_to(home))] = (stat.S_IMODE(info.st_mode), body)
    return seen


def one_paragraph(message: str):
    assert message and "\n" not in message and "Traceback" not in message, message


def link(path: Path, target: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, path)


def everything(folder: Path) -> bytes:
    """All the bytes of the copy's files (not git's own), to find a student's text in."""
    return b"\n".join(p.read_bytes() for p in folder.rglob("*")
                      if p.is_file() and not p.is_symlink() and ".git" not in p.parts)


# --- 1. links in the teacher's histories and in the student's folder -----------------------

def hostile_class(folder: Path, links: list, own_links: list, rewrite: bool = True):
    """A teacher whose first history holds `links` ((name, kind, absolute)), and a later
    history (rewritten and force-pushed, or a plain update) that replaces each with a real
    file (a folder link: with a file inside); the student clicked once, in between, and
    made `own_links` (untracked) of their own."""
    home = make_home(folder)
    teacher = teacher_repo(folder, {"lesson.ipynb": lesson()})
    student = home / "course"
    for name, kind, absolute in links:
        place = teacher.work / name
        depth = len(Path(name).parts) - 1
        target = home / (".bashrc" if kind == "file" else ".ssh")
        link(place, str(target) if absolute
             else os.path.relpath(target, student / Path(name).parent) if depth
             else os.path.relpath(target, student))
    git("add", "-A", cwd=teacher.work)
    git(*TEACHER, "commit", "-q", "--amend", "-m", "First version, with links", cwd=teacher.work)
    git("push", "-q", "--force", "origin", "HEAD", cwd=teacher.work)
    nbgitpuller_pull(teacher.url, student)
    for name, kind, absolute in own_links:
        target = home / (".bashrc" if kind == "file" else ".ssh")
        link(student / name, str(target) if absolute else os.path.relpath(target, (student / name).parent))
    replaced = {}
    for name, kind, _ in links:
        (teacher.work / name).unlink()
        replaced[f"{name}/authorized_keys" if kind == "folder" else name] = (
            "ssh-ed25519 TEACHERS-KEY attacker\n" if kind == "folder" else "rm -rf ~  # TEACHER\n")
    push_change(teacher, replaced, "Replace the links", amend=rewrite)
    return home, teacher, student


link_spec = st.tuples(st.sampled_from(["notes", "setup.sh", "sub/inner", "a/b/c"]),
                      st.sampled_from(["file", "folder"]), st.booleans())
own_spec = st.tuples(st.sampled_from(["my-data", "sub/mine", "mine/deep"]),
                     st.sampled_from(["file", "folder"]), st.booleans())


def test_a_teachers_old_links_replaced_by_files_are_never_written_through(tmp_path):
    """The finding: links to a file and a folder, relative and absolute, in a history the
    teacher then rewrote: the repair used to write the teacher's files into the dotfiles."""
    links = [("notes", "file", False), ("setup.sh", "file", True),
             ("dots", "folder", False), ("keys", "folder", True)]
    home, teacher, student = hostile_class(tmp_path, links, [])
    before = snapshot(home)
    report = repair.check_and_fix(student, now=NOW)
    one_paragraph(report.message)
    assert snapshot(home) == before  # not one byte outside the workshop folder changed
    assert (home / ".bashrc").read_bytes() == SECRET
    assert sorted(report.refused) == ["dots/authorized_keys", "keys/authorized_keys"]
    assert "I did not touch dots/authorized_keys, keys/authorized_keys" in report.message
    assert not report.message.startswith("Nothing to repair")
    # A link to a file is replaced by the teacher's file, in the workshop folder.
    assert not (student / "notes").is_symlink()
    assert (student / "notes").read_text() == "rm -rf ~  # TEACHER\n"


@settings(max_examples=max(5, settings.default.max_examples // 40),
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(links=st.lists(link_spec, min_size=1, max_size=3, unique_by=lambda s: s[0].split("/")[0]),
       own=st.lists(own_spec, max_size=2, unique_by=lambda s: s[0].split("/")[0]),
       rewrite=st.booleans())
def test_whatever_links_the_histories_hold_nothing_outside_the_folder_changes(
        tmp_path_factory, links, own, rewrite):
    own = [spec for spec in own if spec[0].split("/")[0] not in {n.split("/")[0] for n, _, _ in links}]
    folder = tmp_path_factory.mktemp("links")
    home, teacher, student = hostile_class(folder, links, own, rewrite)
    (student / "lesson.ipynb").write_text(lesson("k_ice = 2.0  # STUDENT\n"))
    before = snapshot(home)
    report = repair.check_and_fix(student, now=NOW)
    one_paragraph(report.message)
    assert snapshot(home) == before
    assert b"k_ice = 2.0  # STUDENT" in everything(student)
    again = repair.check_and_fix(student, now=NOW)
    one_paragraph(again.message)
    assert snapshot(home) == before


# --- 2. a write interrupted at any moment ---------------------------------------------------

class Killed(BaseException):
    """What a kill at that moment looks like to the code after it: nothing more runs."""


@pytest.fixture(scope="module")
def merge_class(tmp_path_factory):
    """A student whose manual merge left conflict markers that a click then committed."""
    folder = tmp_path_factory.mktemp("merge")
    teacher = teacher_repo(folder, {"lesson.ipynb": lesson()})
    student = folder / "student"
    nbgitpuller_pull(teacher.url, student)
    (student / "lesson.ipynb").write_text(lesson("k_ice = 2.0  # STUDENT-LINE\n"))
    nbgitpuller_pull(teacher.url, student)
    push_change(teacher, {"lesson.ipynb": lesson("k_ice = 2.25  # TEACHER\n")})
    git("fetch", "-q", cwd=student)
    subprocess.run(["git", "-c", "user.name=S", "-c", "user.email=s@x", "merge", "origin/main"],
                   cwd=student, capture_output=True)
    nbgitpuller_pull(teacher.url, student)
    assert b"<<<<<<<" in (student / "lesson.ipynb").read_bytes()
    return student


@settings(max_examples=max(10, settings.default.max_examples // 20),
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moment=st.integers(1, 12), primitive=st.sampled_from(["replace", "rename", "fsync"]))
def test_a_repair_killed_at_any_moment_loses_no_byte(merge_class, tmp_path_factory, monkeypatch,
                                                     moment, primitive):
    student = tmp_path_factory.mktemp("killed") / "student"
    subprocess.run(["cp", "-a", str(merge_class), str(student)], check=True)
    mine = (student / "lesson.ipynb").read_bytes()
    calls = {"n": 0}
    real = getattr(os, primitive)

    def dies(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == moment:
            raise Killed()
        return real(*args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(os, primitive, dies)
        try:
            repair.check_and_fix(student, fetch=False, now=NOW)
        except Killed:
            pass
    # The student's line is in the file or in a whole kept copy, at every moment.
    assert b"STUDENT-LINE" in everything(student)
    files = [p for p in student.iterdir() if p.is_file() and p.name.startswith("lesson")]
    assert any(p.read_bytes() == mine or b"STUDENT-LINE" in p.read_bytes() and
               (p.suffix != ".ipynb" or nbformat.reads(p.read_text(), as_version=4))
               for p in files)
    report = repair.check_and_fix(student, fetch=False, now=NOW)  # run again: all is well
    one_paragraph(report.message)
    nbformat.read(student / "lesson.ipynb", as_version=4)
    assert b"STUDENT-LINE" in everything(student)


def test_what_a_repair_killed_before_its_rename_left_is_cleared(clean):
    teacher, student = clean
    left = student / ".lesson.ipynb.k3x9q2_a.repair"  # a temporary file, never renamed
    left.write_text(lesson("half written"))
    report = repair.check_and_fix(student, now=NOW)
    assert report.message.startswith("Nothing to repair"), report.message
    assert not left.exists() and (student / "lesson.ipynb").read_text() == lesson()


# --- 3. a git host that does not answer -----------------------------------------------------

def test_a_host_that_does_not_answer_is_named_and_the_rest_is_repaired(merge_class, tmp_path,
                                                                        monkeypatch):
    student = tmp_path / "student"
    subprocess.run(["cp", "-a", str(merge_class), str(student)], check=True)
    silent = socket.socket()  # accepts connections (the kernel does), never answers
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    try:
        git("remote", "set-url", "origin", f"http://127.0.0.1:{silent.getsockname()[1]}/c.git",
            cwd=student)
        monkeypatch.setattr(gitcalls, "FETCH_TIMEOUT", 2)
        report = repair.check_and_fix(student, now=NOW)
    finally:
        silent.close()
    one_paragraph(report.message)
    assert "The teacher's repository did not answer within 2 seconds" in report.message
    assert report.found == ["broken"]  # the repairs that need no network still happened
    nbformat.read(student / "lesson.ipynb", as_version=4)


# --- 4. never "in order" when it is not, and never a false alarm ----------------------------

@pytest.fixture
def clean(tmp_path):
    teacher = teacher_repo(tmp_path, {"lesson.ipynb": lesson(), "README.md": "# Course\n"})
    student = tmp_path / "home" / "course"
    nbgitpuller_pull(teacher.url, student)
    return teacher, student


def with_cell_markers(text: str) -> str:
    """The lesson as a notebook merge tool (nbdime) leaves it: valid JSON, the markers in a
    markdown cell's source."""
    notebook = nbformat.reads(text, as_version=4)
    notebook.cells[2].source = ("<<<<<<< local\n## Exercise, STUDENT-VERSION\n=======\n"
                                "## Exercise, teacher's\n>>>>>>> remote\n")
    return nbformat.writes(notebook) + "\n"


def test_markers_inside_a_cell_of_a_valid_notebook_are_found(clean):
    teacher, student = clean
    broken = with_cell_markers(lesson())
    (student / "lesson.ipynb").write_text(broken)
    report = repair.check_and_fix(student, now=NOW)
    one_paragraph(report.message)
    assert report.found == ["broken"] and not report.message.startswith("Nothing to repair")
    assert (student / "lesson.ipynb").read_text() == lesson()
    (copy, original), = report.kept
    assert "STUDENT-VERSION" in (student / copy).read_text()


def test_a_students_own_page_showing_a_conflict_is_not_called_broken(clean):
    teacher, student = clean
    example = "# How a conflict looks\n\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> main\n"
    (student / "conflicts-explained.md").write_text(example)
    (student / "my-notebook.ipynb").write_text(with_cell_markers(lesson()))
    push_change(teacher, {"07-git.md": example})  # the teacher's own lesson shows one too
    nbgitpuller_pull(teacher.url, student)
    report = repair.check_and_fix(student, now=NOW)
    assert report.message.startswith("Nothing to repair"), report.message
    assert (student / "conflicts-explained.md").read_text() == example


def test_a_folder_the_link_cannot_write_is_named_and_made_writable(clean):
    teacher, student = clean
    (student / "data").mkdir()
    push_change(teacher, {"data/table.csv": "a,b\n"})
    nbgitpuller_pull(teacher.url, student)
    (student / "data").chmod(0o555)  # git cannot replace a file in here: clicks fail
    report = repair.check_and_fix(student, now=NOW)
    one_paragraph(report.message)
    assert report.unwritable == ["data"] and "data had lost its write permission" in report.message
    assert (student / "data").stat().st_mode & stat.S_IWUSR


# The system's Python, which every account may run (this environment's lives under /root);
# nbgitpuller is pure Python, found in this environment's packages.
SYSTEM_PYTHON = "/usr/bin/python3"
PACKAGES = next(Path(sys.prefix).glob("lib/python3*/site-packages"))


def as_nobody(*command, home: Path) -> subprocess.CompletedProcess:
    """Run a command as the unprivileged user `nobody` (root ignores permissions)."""
    return subprocess.run(["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                           "env", f"HOME={home}", f"PYTHONPATH={LESSONS_DIR}:{PACKAGES}",
                           *command], capture_output=True, text=True, timeout=120)


def test_a_click_that_fails_on_an_unwritable_folder_works_after_the_repair(tmp_path_factory):
    """For real: the student (here `nobody`) clicks, git cannot replace a file in a folder
    without write permission, the click fails; the repair gives the permission back."""
    base = Path(tempfile.mkdtemp(prefix="workshop-repair-", dir="/tmp"))
    try:
        base.chmod(0o755)
        teacher = teacher_repo(base, {"lesson.ipynb": lesson(), "data/table.csv": "a,b\n"})
        student = base / "home" / "course"
        nbgitpuller_pull(teacher.url, student)
        push_change(teacher, {"data/table.csv": "a,b\n1,2   # TEACHER\n"})
        subprocess.run(["chown", "-R", "nobody:nogroup", str(base)], check=True)
        (student / "data").chmod(0o555)
        click = [SYSTEM_PYTHON, "-c", "import sys; from nbgitpuller.pull import GitPuller; "
                 "[print(line) for line in GitPuller(sys.argv[1], sys.argv[2]).pull()]",
                 teacher.url, str(student)]
        failed = as_nobody(*click, home=student.parent)
        assert failed.returncode != 0
        assert "Permission denied" in failed.stdout and "'merge'" in failed.stderr, failed
        repaired = as_nobody(SYSTEM_PYTHON, "-m", "workshop.repair", str(student),
                             home=student.parent)
        assert "data had lost its write permission" in repaired.stdout, repaired.stdout
        assert as_nobody(*click, home=student.parent).returncode == 0
        assert "TEACHER" in (student / "data" / "table.csv").read_text()
    finally:
        shutil.rmtree(base)


def test_a_nearly_full_disk_is_never_in_order(clean, monkeypatch):
    teacher, student = clean
    (student / "big-output.bin").write_bytes(b"\0" * 3_000_000)
    monkeypatch.setattr(shutil, "disk_usage", lambda _: shutil._ntuple_diskusage(
        2**30, 2**30 - 5 * 2**20, 5 * 2**20))  # 5 MB free
    monkeypatch.setattr(Path, "home", lambda: student.parent)
    report = repair.check_and_fix(student, now=NOW)
    one_paragraph(report.message)
    assert not report.message.startswith("Nothing to repair")
    assert "5 MB free: free at least 95 MB" in report.message
    assert "~/course/big-output.bin (3 MB)" in report.message


# --- 5. bad input: one line, never a traceback ----------------------------------------------

def test_given_a_file_it_repairs_the_folder_of_the_file(clean):
    teacher, student = clean
    report = repair.check_and_fix(student / "lesson.ipynb", now=NOW)
    assert report.message.startswith("Nothing to repair"), report.message


def test_given_a_missing_folder_it_says_so(tmp_path):
    report = repair.check_and_fix(tmp_path / "no-such-folder", now=NOW)
    one_paragraph(report.message)
    assert "does not exist" in report.message and "git is not installed" not in report.message


def test_a_200_mb_broken_notebook_is_found_without_reading_it_whole(clean):
    teacher, student = clean
    big = student / "lesson.ipynb"
    with open(big, "wb") as file:  # cut short by a full disk: sparse, so the test is quick
        file.write(b'{\n "cells": [\n  {\n   "cell_type": "code", "source": ["STUDENT"')
        file.truncate(200 * 2**20)
    tracemalloc.start()
    try:
        report = repair.check_and_fix(student, now=NOW)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    one_paragraph(report.message)
    assert report.found == ["broken"], report.message
    assert peak < 20 * 2**20, f"{peak / 2**20:.0f} MB read into memory"
    (copy, _), = report.kept
    assert (student / copy).stat().st_size == 200 * 2**20 and copy.endswith(".ipynb.txt")
    assert big.read_text() == lesson()


def test_a_conflicted_file_too_big_to_read_is_kept_whole(clean, monkeypatch):
    teacher, student = clean
    monkeypatch.setattr(workcopy, "BIG", 100_000)  # "too big" made small: a quick test
    me = ["-c", "user.name=S", "-c", "user.email=s@x"]
    lines = b"".join(b"row %d\n" % n for n in range(20_000))  # 200 kB of text
    (student / "table.csv").write_bytes(b"base\n" + lines)
    git("add", "-A", cwd=student)
    git(*me, "commit", "-qm", "base", cwd=student)
    git("checkout", "-qb", "other", cwd=student)
    (student / "table.csv").write_bytes(b"other\n" + lines)
    git(*me, "commit", "-qam", "other", cwd=student)
    git("checkout", "-q", "main", cwd=student)
    (student / "table.csv").write_bytes(b"mine, STUDENT\n" + lines)
    git(*me, "commit", "-qam", "mine", cwd=student)
    subprocess.run(["git", *me, "merge", "other"], cwd=student, capture_output=True)
    conflicted = (student / "table.csv").read_bytes()
    report = repair.check_and_fix(student, fetch=False, now=NOW)
    one_paragraph(report.message)
    (copy, original), = report.kept
    assert original == "table.csv" and (student / copy).read_bytes() == conflicted


def test_a_conflicted_file_whose_name_is_not_utf8(tmp_path):
    teacher = teacher_repo(tmp_path, {"lesson.ipynb": lesson()})
    student = tmp_path / "student"
    nbgitpuller_pull(teacher.url, student)
    name = os.fsdecode(b"caf\xe9.txt")
    raw = os.fsencode(str(student / name))
    with open(raw, "wb") as file:
        file.write(b"base\n")
    me = ["-c", "user.name=S", "-c", "user.email=s@x"]
    git("add", "-A", cwd=student)
    git(*me, "commit", "-qm", "base", cwd=student)
    git("checkout", "-qb", "other", cwd=student)
    with open(raw, "wb") as file:
        file.write(b"other\n")
    git(*me, "commit", "-qam", "other", cwd=student)
    git("checkout", "-q", "main", cwd=student)
    with open(raw, "wb") as file:
        file.write(b"mine, STUDENT\n")
    git(*me, "commit", "-qam", "mine", cwd=student)
    subprocess.run(["git", *me, "merge", "other"], cwd=student, capture_output=True)
    report = repair.check_and_fix(student, fetch=False, now=NOW)
    one_paragraph(report.message)
    assert report.found == ["merge"]
    assert "caf\ufffd.txt" in report.message
    assert b"mine, STUDENT" in everything(student)


# --- 6. in the edition's language ------------------------------------------------------------

def test_the_new_sentences_speak_traditional_chinese(tmp_path):
    home, teacher, student = hostile_class(tmp_path, [("keys", "folder", True)], [])
    language.use("zh-TW")
    report = repair.check_and_fix(student, now=NOW)
    one_paragraph(report.message)
    assert "我沒有動 keys/authorized_keys" in report.message
    missing = repair.check_and_fix(tmp_path / "nowhere", now=NOW)
    assert "不存在" in missing.message
