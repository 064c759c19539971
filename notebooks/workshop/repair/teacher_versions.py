"""Which versions of each file the teacher published: a file equal to one of them holds the
teacher's text, not the student's work, so the repair may replace it without keeping it."""
from __future__ import annotations

from pathlib import Path

from .plumbing import files_in, git, git_dir, ok, reflog

NBGITPULLER_EMAIL = "nbgitpuller@nbgitpuller.link"


def teacher_versions(repo: Path, upstream: str | None) -> dict[str, set[str]]:
    """For each path, the blob ids of every version of it the teacher ever published here.

    The teacher's commits this copy has seen: each value the remote branch took (its
    reflog: the clone and every fetch), the commit the clone started from (a shallow
    clone's boundary), and what nbgitpuller merged in. A file equal to one of these is the
    teacher's text, not the student's work.
    """
    commits = set()
    if upstream:
        for old, new in reflog(repo, upstream):
            commits.update((old, new))
        commits.update(git(repo, "rev-list", "--max-count=200", upstream, check=False).split())
    shallow = git_dir(repo) / "shallow"
    if shallow.exists():
        commits.update(shallow.read_text().split())
    for line in git(repo, "log", "--format=%H %ae %P", "--max-count=500", "HEAD",
                    check=False).splitlines():
        sha, email, *parents = line.split()
        if email == NBGITPULLER_EMAIL and len(parents) == 2:
            commits.add(parents[1])  # the teacher's side of nbgitpuller's merge
    versions: dict[str, set[str]] = {}
    for commit in commits:
        if not ok(repo, "cat-file", "-e", f"{commit}^{{commit}}"):
            continue
        for path, (_, blob) in files_in(repo, commit).items():
            versions.setdefault(path, set()).add(blob)
    return versions
