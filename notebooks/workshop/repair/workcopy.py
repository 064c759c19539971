"""The student's copy under repair: its files, the teacher's version of one, and keeping the
student's version aside before a file changes. Each kind of repair works through it."""
from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path

from .kept_copies import kept_copy_name, students_version
from .plumbing import git, read_blob
from .report import Report


class WorkCopy:
    """The copy at `repo` (its top folder), what the repair has found so far (`report`), and
    the teacher's branch once known (`upstream`)."""

    def __init__(self, repo: Path, report: Report, now: datetime):
        self.repo, self.report, self.now = repo, report, now
        self.taken: set[str] = set()
        self.upstream: str | None = None
        self._format = git(repo, "rev-parse", "--show-object-format", check=False) or "sha1"

    def blob_id(self, data: bytes) -> str:
        """The id git gives these bytes (sha1, or sha256 in a repository made with it)."""
        digest = hashlib.new("sha256" if self._format == "sha256" else "sha1")
        digest.update(b"blob %d\0" % len(data) + data)
        return digest.hexdigest()

    # files
    def read(self, path: str) -> bytes | None:
        full = self.repo / path
        if full.is_symlink() or not full.is_file():
            return None
        return full.read_bytes()

    def write(self, path: str, data: bytes):
        full = self.repo / path
        full.parent.mkdir(parents=True, exist_ok=True)
        full.write_bytes(data)

    def keep_aside(self, path: str, data: bytes, side: str = "ours"):
        """Save the student's version of `path` beside it, under a name that says so."""
        keep, suffix = students_version(path, data, side)
        if not keep.strip():
            return  # an empty file holds no work
        copy = kept_copy_name(path, self.now, self.taken | self._existing(path), suffix)
        self.taken.add(copy)
        self.write(copy, keep)
        self.report.kept.append((copy, path))

    def _existing(self, path: str) -> set[str]:
        folder = (self.repo / path).parent
        if not folder.is_dir():
            return set()
        return {os.path.relpath(p, self.repo) for p in folder.iterdir()}

    # the teacher's latest
    def fetch(self):
        done = git(self.repo, "fetch", "--quiet", check=False, data=True)
        self.report.fetched = done.returncode == 0

    def teacher(self, path: str) -> bytes | None:
        upstream = self.upstream
        return read_blob(self.repo, f"{upstream}:{path}") if upstream else None
