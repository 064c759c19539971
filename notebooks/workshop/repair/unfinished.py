"""Repair 3: a git merge, pull, rebase, cherry-pick or revert started by hand in the workshop
folder and never finished. A merge is finished, the others are undone; either way every file
the student had written is kept aside first, and conflicted files get the teacher's version."""
from __future__ import annotations

from .kept_copies import students_version
from .plumbing import REPAIR_IDENTITY, git, git_dir, ok
from .workcopy import WorkCopy

# What each unfinished operation is called in the message, and how it is ended: a merge is
# finished (the student's side is kept aside first), the others are undone.
OPERATIONS = {
    "MERGE_HEAD": "merge",
    "rebase-merge": "rebase",
    "rebase-apply": "rebase",
    "CHERRY_PICK_HEAD": "cherry-pick",
    "REVERT_HEAD": "revert",
}


def unfinished_operation(work: WorkCopy):
    repo, report = work.repo, work.report
    folder = git_dir(repo)
    operation = next((name for marker, name in OPERATIONS.items()
                      if (folder / marker).exists()), "")
    unmerged = sorted(set(
        line.split("\t", 1)[1] for line in
        git(repo, "ls-files", "-u", "-z", data=True).stdout.decode().split("\0")
        if "\t" in line))
    if not operation and not unmerged:
        return
    # In a rebase, git's "ours" is the branch being rebased onto; the student's is "theirs".
    side = "theirs" if operation == "rebase" else "ours"
    before = {path: work.read(path) for path in _changed_paths(work, unmerged)}
    if operation == "merge":  # finish it, with the teacher's version where both changed
        for path in unmerged:
            _resolve_with_teachers(work, path, before.get(path), side)
        if unmerged:
            git(repo, "add", "-A", "--", *unmerged)
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
    report.broken.extend(unmerged)
    if unmerged and not operation:
        report.found.append("broken")


def _changed_paths(work: WorkCopy, unmerged) -> list[str]:
    changed = git(work.repo, "diff", "--name-only", "-z", "HEAD", check=False,
                  data=True).stdout.decode("utf-8", "replace").split("\0")
    return sorted(set(unmerged) | {p for p in changed if p})


def _resolve_with_teachers(work: WorkCopy, path: str, data: bytes | None, side: str):
    if data is not None:
        work.keep_aside(path, data, side)
    teacher = work.teacher(path)
    if teacher is not None:
        work.write(path, teacher)
    elif data is not None:  # no teacher version: keep the student's side in place
        work.write(path, students_version(path, data, side)[0])
