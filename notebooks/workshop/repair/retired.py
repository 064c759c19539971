"""Repair 6: lessons the teacher moved or retired (workshop-retire leaves a small redirect
notebook under the old name) that the student had worked on. The student's lesson is kept
aside and the old name gets the note saying where the lesson went."""
from __future__ import annotations

import json

from .plumbing import git, read_blob
from .workcopy import WorkCopy


def moved_lessons(work: WorkCopy, versions):
    repo, upstream = work.repo, work.upstream
    if not upstream:
        return
    listing = git(repo, "ls-tree", "-r", "-l", "-z", upstream, check=False,
                  data=True).stdout.decode("utf-8", "replace")
    for entry in listing.split("\0"):
        if not entry or not entry.endswith(".ipynb"):
            continue
        meta, path = entry.split("\t", 1)
        size = meta.split()[3]
        if not size.isdigit() or int(size) > 20_000:
            continue  # a redirect notebook is small; lessons are not
        teacher = read_blob(repo, f"{upstream}:{path}")
        if not _moved_to(teacher):
            continue
        data = work.read(path)
        if data is None or data == teacher or _moved_to(data):
            continue
        if work.blob_id(data) in versions.get(path, ()):
            continue  # the old lesson, unchanged: the next click brings the note
        work.keep_aside(path, data)
        work.write(path, teacher)
        work.report.moved.append(path)
    if work.report.moved:
        work.report.found.append("moved")


def _moved_to(data: bytes | None) -> str | None:
    """Where a retired lesson's redirect notebook points, or None if it is not one."""
    if not data:
        return None
    try:
        notebook = json.loads(data.decode("utf-8"))
        return notebook["metadata"]["workshop"]["moved_to"]
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
