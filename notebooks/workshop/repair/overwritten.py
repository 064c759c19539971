"""Repair 7: a teacher's change that a save from an old tab undid (JupyterLab asked "File
Changed" and Overwrite was chosen). The change is put back; the student's edits stay."""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from .markers import notebook_problem
from .plumbing import GIT_TIMEOUT, git, ok, read_blob, reflog
from .workcopy import WorkCopy


def undone_changes(work: WorkCopy):
    """Put back the last update's changes that the student's files no longer have.

    The last update is the newest value of the teacher's branch that this copy has
    merged, against the value before it (the remote branch's reflog). If a file still
    has every line that update replaced, and none it brought, the update was saved over
    (JupyterLab's Overwrite): merging that update into the file again (git merge-file)
    changes only the teacher's lines. Where the student changed the same lines, the
    merge clashes and nothing happens, as nbgitpuller keeps the student's lines there.
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
        return  # the first clone, or a rewritten history (repair 5's business)
    changed = git(repo, "diff", "--name-only", "-z", old, new, check=False,
                  data=True).stdout.decode("utf-8", "replace").split("\0")
    for path in sorted(p for p in changed if p):
        current = work.read(path)
        base, teachers = read_blob(repo, f"{old}:{path}"), read_blob(repo, f"{new}:{path}")
        if current is None or base is None or teachers is None:
            continue
        merged = _merge_file(current, base, teachers)
        if merged is None or merged == current:
            continue  # the change is there, or the student changed the same lines
        if path.endswith(".ipynb") and notebook_problem(merged):
            continue
        work.write(path, merged)
        work.report.undone.append(path)
    if work.report.undone:
        work.report.found.append("undone")


def _merge_file(current: bytes, base: bytes, theirs: bytes) -> bytes | None:
    """git's three-way merge of one file: the teacher's change (base -> theirs) applied to
    the student's `current`; None if they clash or the file is not text."""
    with tempfile.TemporaryDirectory(prefix="workshop-repair-") as folder:
        files = []
        for name, data in (("current", current), ("base", base), ("theirs", theirs)):
            path = Path(folder) / name
            path.write_bytes(data)
            files.append(str(path))
        done = subprocess.run(["git", "merge-file", "-p", "--quiet", *files],
                              capture_output=True, timeout=GIT_TIMEOUT)
    return done.stdout if done.returncode == 0 else None
