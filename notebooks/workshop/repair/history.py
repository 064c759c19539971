"""Repair 5: a copy whose history no longer matches the teacher's, because the teacher rewrote
it (the link then says "refusing to merge unrelated histories"). The copy is moved onto the
teacher's new history; every file holding the student's work is kept aside first."""
from __future__ import annotations

from .plumbing import files_in, git, ok, read_blob
from .workcopy import WorkCopy


def rewritten_history(work: WorkCopy, versions) -> bool:
    repo, upstream = work.repo, work.upstream
    if not upstream or not ok(repo, "rev-parse", "--verify", "-q", "HEAD"):
        return False
    if ok(repo, "merge-base", "HEAD", upstream):
        return False
    if not ok(repo, "rev-parse", "--verify", "-q", upstream):
        return False
    new, old = files_in(repo, upstream), files_in(repo, "HEAD")
    for path in sorted(set(new) | set(old)):
        data = work.read(path)
        if data is None:
            continue
        blob = work.blob_id(data)
        if path in new and blob == new[path][1]:
            continue
        if blob in versions.get(path, ()):
            continue  # an old version of the teacher's: nothing of the student's in it
        if path in new:
            work.keep_aside(path, data)
    git(repo, "reset", "-q", "--mixed", upstream)
    for path, (mode, blob) in new.items():
        if mode == "120000":
            if not (repo / path).is_symlink():
                git(repo, "checkout", upstream, "--", path, check=False)
            continue
        data = work.read(path)
        if data is None or work.blob_id(data) != blob:
            work.write(path, read_blob(repo, blob))
    for path in set(old) - set(new):  # files the teacher removed, untouched by the student
        data = work.read(path)
        if data is not None and work.blob_id(data) in versions.get(path, ()):
            (repo / path).unlink()
    work.report.found.append("history")
    return True
