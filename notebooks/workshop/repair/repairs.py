"""The repairs that need only the copy itself: git's leftover lock, a git operation started by
hand and never finished, folders and files the workshop link cannot write, and files that no
longer open."""
from __future__ import annotations

import os
import re
import stat
import subprocess
from pathlib import Path

from .content import (KEPT_COPY, big_file_problem, has_conflict_markers, has_markers,
                      markers_in_cells, notebook_problem, shown_name, students_version)
from .gitcalls import REPAIR_IDENTITY, git, git_dir, ok, paths
from .workcopy import WorkCopy


# --- a lock file (.git/index.lock) left behind by an interrupted update --------------------
def stale_locks(work: WorkCopy) -> bool:
    """Remove git's leftover lock files; False (and report.busy) if git is still running."""
    folder = git_dir(work.repo)
    locks = [p for p in folder.rglob("*.lock") if p.is_file() or p.is_symlink()]
    if not locks:
        return True
    if _git_is_running(work.repo):
        work.report.busy = True
        return False
    for lock in locks:
        lock.unlink()  # git's own bookkeeping (a link is removed, never followed)
    work.report.found.append("lock")
    return True


def _git_is_running(repo: Path) -> bool:
    """Is any git process working in this folder? (Linux: /proc; elsewhere: any git at all.)"""
    proc = Path("/proc")
    if not (proc / "self").exists():
        try:
            names = subprocess.run(["ps", "-A", "-o", "comm="], capture_output=True,
                                   text=True, timeout=10).stdout.split()
        except (OSError, subprocess.SubprocessError):
            return True  # cannot tell: assume it is, and touch nothing
        return any(Path(name).name.startswith("git") for name in names)
    repo = repo.resolve()
    for entry in proc.iterdir():
        if not entry.name.isdigit() or entry.name == str(os.getpid()):
            continue
        try:
            if not (entry / "comm").read_text().strip().startswith("git"):
                continue
            cwd = Path(os.readlink(entry / "cwd"))
        except OSError:
            # Gone meanwhile, or another user's: a git working in this folder is the
            # student's own (nbgitpuller runs in their server), whose cwd we can read.
            continue
        if cwd == repo or repo in cwd.parents:
            return True
    return False


# --- a git merge, pull, rebase, cherry-pick or revert started by hand, never finished ------
# What each is called in the message: a merge is finished (the student's side kept aside
# first), the others are undone.
OPERATIONS = {
    "MERGE_HEAD": "merge",
    "rebase-merge": "rebase",
    "rebase-apply": "rebase",
    "CHERRY_PICK_HEAD": "cherry-pick",
    "REVERT_HEAD": "revert",
}


def unmerged_paths(work: WorkCopy) -> list[str]:
    return sorted({line.split("\t", 1)[1] for line in paths(work.repo, "ls-files", "-u", "-z")
                   if "\t" in line})


def unfinished_operation(work: WorkCopy):
    repo, report = work.repo, work.report
    folder = git_dir(repo)
    operation = next((name for marker, name in OPERATIONS.items()
                      if (folder / marker).exists()), "")
    unmerged = unmerged_paths(work)
    if not operation and not unmerged:
        return
    # In a rebase, git's "ours" is the branch being rebased onto; the student's is "theirs".
    side = "theirs" if operation == "rebase" else "ours"
    changed = paths(repo, "diff", "--name-only", "-z", "HEAD")
    before = {path: work.read(path) for path in sorted(set(unmerged) | set(changed))}
    for path, data in before.items():  # too big to read: kept whole, renamed, before anything
        # that changes it (finishing a merge changes only the unmerged files)
        if data is None and work.size(path) is not None and (
                path in unmerged or operation != "merge"):
            work.keep_aside(path, None, side)
    if operation == "merge":  # finish it, with the teacher's version where both changed
        for path in unmerged:
            _resolve_with_teachers(work, path, before.get(path), side)
        if unmerged:
            git(repo, "add", "-A", "--", *unmerged, check=False)
        git(repo, *REPAIR_IDENTITY, "commit", "--no-verify", "--no-edit", "-q",
            "-m", "Finish a merge left unfinished (workshop repair)")
    else:  # undo it; unmerged files with no operation come from e.g. `git stash pop`
        if operation and not ok(repo, operation, "--abort"):
            git(repo, operation, "--quit", check=False)
        if unmerged and ok(repo, "rev-parse", "--verify", "-q", "HEAD"):
            git(repo, "reset", "-q", "--", *unmerged, check=False)
        # Whatever the abort changed that the student had written is kept aside.
        for path, data in before.items():
            if data is not None and path not in unmerged and work.read(path) != data:
                work.keep_aside(path, data, side)
        for path in unmerged:
            _resolve_with_teachers(work, path, before.get(path), side)
    report.operation = operation
    if operation:
        report.found.append("merge" if operation == "merge" else "abort")
    report.broken.extend(shown_name(p) for p in unmerged)
    if unmerged and not operation:
        report.found.append("broken")


def _resolve_with_teachers(work: WorkCopy, path: str, data: bytes | None, side: str):
    if data is not None and not work.keep_aside(path, data, side):
        return
    teacher = work.teacher(path)
    if teacher is not None:
        work.write(path, teacher)
    elif data is not None:  # no teacher version: keep the student's side in place
        work.write(path, students_version(path, data, side)[0])


# --- folders and files the workshop link cannot write --------------------------------------
def unwritable(work: WorkCopy):
    """Give the student write permission back on their folders (git replaces a file by
    removing it and writing it anew: a folder without write permission makes every click
    that updates a file in it fail) and on the lessons' files (or saving one fails)."""
    tracked = set(paths(work.repo, "ls-files", "-z"))
    for top, folders, files in os.walk(work.repo):  # never follows links
        here = Path(top)
        inside_git = ".git" in here.relative_to(work.repo).parts
        for name in folders:
            _make_writable(work, here / name)
        if not inside_git:
            for name in files:
                if os.path.relpath(here / name, work.repo) in tracked:
                    _make_writable(work, here / name)
    if work.report.unwritable:
        work.report.found.append("unwritable")


def _make_writable(work: WorkCopy, full: Path):
    info = full.lstat()
    if stat.S_ISLNK(info.st_mode) or info.st_mode & stat.S_IWUSR:
        return
    relative = shown_name(os.path.relpath(full, work.repo))
    try:
        os.chmod(full, stat.S_IMODE(info.st_mode) | stat.S_IWUSR)
        work.report.unwritable.append(relative)
    except OSError as failure:  # another user's: only they (or the hub's admin) can
        work.report.failed.append((relative, failure.strerror or str(failure)))


# --- files that no longer open -------------------------------------------------------------
LEFT_BY_A_KILLED_REPAIR = re.compile(r"\..+\.[a-z0-9_]{8}\.repair")  # see WorkCopy.write


def broken_files(work: WorkCopy):
    """A notebook that is not valid JSON, or a file holding a merge's conflict markers, gets
    the teacher's version, the student's kept beside it; one the teacher has no version of
    is left as it is, and the paragraph says how to rescue it.

    Conflict markers count only where a merge can have left them: in a file git lists as
    unmerged, or in one of the teacher's files whose latest teacher's version has none.
    Updates only ever merge the teacher's files, so a student's own file (a Markdown page
    showing what a conflict looks like) is never called broken, nor is a lesson that shows
    markers on purpose (the teacher's own version holds them).
    """
    listed = paths(work.repo, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    unmerged = set(unmerged_paths(work))
    fixed = 0
    for path in sorted(set(listed)):
        if ".ipynb_checkpoints" in Path(path).parts or KEPT_COPY.search(Path(path).name):
            continue  # JupyterLab's checkpoints, and copies this command kept earlier
        if LEFT_BY_A_KILLED_REPAIR.fullmatch(Path(path).name):
            work.remove(path)  # a temporary file of a repair stopped before its rename
            continue
        size = work.size(path)
        if size is None:
            continue
        notebook = path.endswith(".ipynb")
        data = work.read(path)  # None when too big to read whole
        if data is None:
            if not notebook:
                continue
            problem = big_file_problem(work.place(path))
        elif notebook:
            problem = notebook_problem(data)
            if problem is None and markers_in_cells(data):
                problem = "conflict markers"
        else:
            problem = "conflict markers" if has_conflict_markers(
                data.decode("utf-8", "replace")) else None
        if problem is None:
            continue
        teacher = work.teacher(path)
        if problem == "conflict markers" and path not in unmerged and (
                teacher is None or has_markers(teacher)):
            continue  # not a merge's: the student's own file, or the teacher's example
        if teacher is None:
            work.report.left_alone.append(shown_name(path))
            continue
        if teacher == data or (notebook and notebook_problem(teacher)):
            continue  # broken in the teacher's own version: nothing to restore
        if work.keep_aside(path, data) and work.write(path, teacher):
            work.report.broken.append(shown_name(path))
            fixed += 1
    if fixed:
        work.report.found.append("broken")
