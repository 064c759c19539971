"""Repair 4: files that no longer open (a notebook that is not valid JSON, or any text file
holding conflict markers). Each gets the teacher's version, the student's kept beside it;
one the teacher has no version of is left as it is, and the paragraph says how to rescue it."""
from __future__ import annotations

from pathlib import Path

from .kept_copies import KEPT_COPY
from .markers import is_text_with_markers, notebook_problem
from .plumbing import git
from .workcopy import WorkCopy


def broken_files(work: WorkCopy):
    listed = git(work.repo, "ls-files", "-z", "--cached", "--others", "--exclude-standard",
                 data=True).stdout.decode("utf-8", "replace").split("\0")
    broken = 0
    for path in sorted(set(p for p in listed if p)):
        if ".ipynb_checkpoints" in Path(path).parts or KEPT_COPY.search(Path(path).name):
            continue  # JupyterLab's checkpoints, and copies this command kept earlier
        data = work.read(path)
        if data is None or len(data) > 20_000_000:
            continue
        if path.endswith(".ipynb"):
            problem = notebook_problem(data) is not None
        else:
            problem = is_text_with_markers(data)
        if not problem:
            continue
        teacher = work.teacher(path)
        if teacher is None:
            work.report.left_alone.append(path)
            continue
        if teacher == data or (path.endswith(".ipynb") and notebook_problem(teacher)):
            continue  # broken in the teacher's own version: nothing to restore
        work.keep_aside(path, data)
        work.write(path, teacher)
        work.report.broken.append(path)
        broken += 1
    if broken:
        work.report.found.append("broken")
