"""The repairs of what the teacher's updates did: a history the teacher rewrote, lessons the
teacher moved or retired, and a teacher's change that a save from an old tab undid."""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from .content import notebook_problem, shown_name
from .gitcalls import GIT_TIMEOUT, files_in, git, git_dir, ok, read_blob, reflog
from .workcopy import Refused, WorkCopy


# --- a history the teacher rewrote ("refusing to merge unrelated histories") ---------------
def rewritten_history(work: WorkCopy, versions) -> bool:
    """Move the copy onto the teacher's new history; every file holding the student's work
    is kept aside first, and if one cannot be, nothing is changed."""
    repo, upstream = work.repo, work.upstream
    if not upstream or not ok(repo, "rev-parse", "--verify", "-q", "HEAD"):
        return False
    if ok(repo, "merge-base", "HEAD", upstream):
        return False
    if not ok(repo, "rev-parse", "--verify", "-q", upstream):
        return False
    new, old = files_in(repo, upstream), files_in(repo, "HEAD")
    for path in sorted(set(new) | set(old)):
        if work.size(path) is None:
            continue  # missing, a link, or behind one (then named in the paragraph)
        blob = work.blob_id(path=path)
        if path in new and blob == new[path][1]:
            continue
        if blob in versions.get(path, ()):
            continue  # an old version of the teacher's: nothing of the student's in it
        if path in new and not work.keep_aside(path, work.read(path)):
            return False  # the student's version could not be kept: change nothing
    git(repo, "reset", "-q", "--mixed", upstream)
    for path, (mode, blob) in new.items():
        try:
            full = work.place(path)
        except Refused:
            continue
        if mode == "120000":  # a link: git writes it as a link, and follows none
            if not full.is_symlink():
                git(repo, "checkout", upstream, "--", path, check=False)
            continue
        if work.size(path) is None or work.blob_id(path=path) != blob:
            work.write(path, read_blob(repo, blob))
    for path in set(old) - set(new):  # files the teacher removed, untouched by the student
        if work.size(path) is not None and work.blob_id(path=path) in versions.get(path, ()):
            work.remove(path)
    work.report.found.append("history")
    return True


# --- lessons the teacher moved or retired ---------------------------------------------------
def moved_lessons(work: WorkCopy, versions):
    """A lesson the teacher moved or retired: workshop-retire puts a note on top of the old
    lesson, which a click merges into the student's copy, their work below it. Where that
    merge could not put the note on top (the student had changed the very first lines), the
    student's lesson is kept aside and the old name gets the teacher's version."""
    repo, upstream = work.repo, work.upstream
    if not upstream:
        return
    found = git(repo, "grep", "-l", "-z", "-F", f'"id": "{NOTE_ID}"', upstream, "--", "*.ipynb",
                check=False, data=True).stdout
    for entry in found.split(b"\0"):
        path = os.fsdecode(entry.split(b":", 1)[-1])
        teacher = read_blob(repo, f"{upstream}:{path}") if entry else None
        if not moved_to(teacher):
            continue
        data = work.read(path)
        if data is None or data == teacher or moved_to(data):
            continue
        if work.blob_id(data) in versions.get(path, ()):
            continue  # the old lesson, unchanged: the next click brings the note
        if work.keep_aside(path, data) and work.write(path, teacher):
            work.report.moved.append(shown_name(path))
    if work.report.moved:
        work.report.found.append("moved")


NOTE_ID = "lesson-moved"  # the note's cell id (workshop_kit.lessons.published)


def moved_to(data: bytes | None) -> str | None:
    """Where a retired lesson's note points, or None if it is not one."""
    if not data:
        return None
    try:
        notebook = json.loads(data.decode("utf-8"))
        return notebook["cells"][0]["metadata"]["workshop"]["moved_to"]
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return None


# --- a teacher's change that a save from an old tab undid ----------------------------------
def undone_changes(work: WorkCopy):
    """Put back the last update's changes that the student's files no longer have (JupyterLab
    asked "File Changed" and Overwrite was chosen); the student's edits stay.

    The last update is the newest value of the teacher's branch that this copy has
    merged, against the value before it (the remote branch's reflog). If a file still
    has every line that update replaced, and none it brought, the update was saved over:
    merging that update into the file again (git merge-file) changes only the teacher's
    lines. Where the student changed the same lines, the merge clashes and nothing happens,
    as nbgitpuller keeps the student's lines there.
    """
    repo = work.repo
    if not work.upstream:
        return
    updates = [(old, new) for old, new in reflog(repo, work.upstream)
               if ok(repo, "merge-base", "--is-ancestor", new, "HEAD")]
    if not updates:
        return
    old, new = updates[-1]
    if set(old) == {"0"} or not ok(repo, "merge-base", "--is-ancestor", old, new):
        return  # the first clone, or a rewritten history (repaired above)
    changed = git(repo, "diff", "--name-only", "-z", old, new, check=False, data=True).stdout
    for path in sorted(p.decode("utf-8", "surrogateescape") for p in changed.split(b"\0") if p):
        current = work.read(path)
        base, teachers = read_blob(repo, f"{old}:{path}"), read_blob(repo, f"{new}:{path}")
        if current is None or base is None or teachers is None:
            continue
        merged = _merge_file(work, current, base, teachers)
        if merged is None or merged == current:
            continue  # the change is there, or the student changed the same lines
        if path.endswith(".ipynb") and notebook_problem(merged):
            continue
        if work.write(path, merged):
            work.report.undone.append(shown_name(path))
    if work.report.undone:
        work.report.found.append("undone")


def _merge_file(work: WorkCopy, current: bytes, base: bytes, theirs: bytes) -> bytes | None:
    """git's three-way merge of one file: the teacher's change (base -> theirs) applied to
    the student's `current`; None if they clash or the file is not text. Its three inputs are
    written in the copy's own .git folder: the repair writes nowhere outside the copy."""
    with tempfile.TemporaryDirectory(prefix="workshop-repair-", dir=git_dir(work.repo)) as folder:
        files = []
        for name, data in (("current", current), ("base", base), ("theirs", theirs)):
            path = Path(folder) / name
            path.write_bytes(data)
            files.append(str(path))
        done = subprocess.run(["git", "merge-file", "-p", "--quiet", *files],
                              capture_output=True, timeout=GIT_TIMEOUT)
    return done.stdout if done.returncode == 0 else None
