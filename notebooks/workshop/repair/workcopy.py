"""The student's copy under repair, and the only way the repair touches its files.

Every path is checked before it is read, written, renamed or removed: one that is a link or
lies behind one (a folder link), or whose real path leaves the workshop folder, is left alone
and named in the paragraph. The teacher's repository decides what the copy's history holds,
links included, so following a link could write anywhere the student can (their dotfiles).

Every write is new-then-rename: a temporary file in the same folder, flushed to the disk,
then renamed over the old name in one step; the student's version is kept first. A full
disk or a killed process at any moment leaves either the old file or the new one, whole.
"""
from __future__ import annotations

import errno
import hashlib
import os
import stat
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from .content import kept_copy_name, shown_name, students_version
from . import gitcalls
from .gitcalls import git, read_blob

BIG = 20_000_000  # bytes: a notebook larger than this is checked and kept without reading it whole


@dataclass
class Report:
    """What the repair found and did; `message` is the paragraph it prints."""
    folder: Path | None = None
    found: list = field(default_factory=list)  # keys of MESSAGES, in the order found
    kept: list = field(default_factory=list)  # (copy, original), relative to the folder
    broken: list = field(default_factory=list)  # files that could not be opened, now fixed
    left_alone: list = field(default_factory=list)  # broken files with no teacher version
    moved: list = field(default_factory=list)
    undone: list = field(default_factory=list)  # files whose teacher's change was put back
    unwritable: list = field(default_factory=list)  # made writable again
    refused: list = field(default_factory=list)  # links, or behind one: never touched
    failed: list = field(default_factory=list)  # (path, why) could not be written
    operation: str = ""
    fetched: bool = True
    fetch_timed_out: bool = False
    disk_full: bool = False
    busy: bool = False
    message: str = ""


class Refused(Exception):
    """A path the repair may not touch (noted in the report)."""


class WorkCopy:
    """The copy at `repo` (its top folder), what the repair has found so far (`report`), and
    the teacher's branch once known (`upstream`)."""

    def __init__(self, repo: Path, report: Report, now: datetime):
        self.repo = Path(os.path.realpath(repo))
        self.report, self.now = report, now
        self.taken: set[str] = set()
        self.upstream: str | None = None
        self._format = git(repo, "rev-parse", "--show-object-format", check=False) or "sha1"

    def blob_id(self, data: bytes | None = None, path: str | None = None) -> str:
        """The id git gives these bytes, or the file `path`'s (read a chunk at a time)."""
        digest = hashlib.new("sha256" if self._format == "sha256" else "sha1")
        if path is None:
            digest.update(b"blob %d\0" % len(data) + data)
            return digest.hexdigest()
        full = self.place(path)
        digest.update(b"blob %d\0" % full.stat().st_size)
        with open(full, "rb") as file:
            while block := file.read(1 << 20):
                digest.update(block)
        return digest.hexdigest()

    # where a path is, if the repair may touch it
    def place(self, path: str) -> Path:
        """The file `path` in the copy; Refused (and noted) if reaching it means passing
        through a link, or leaving the folder. The last part may itself be a link: a rename
        or a removal acts on the link, never on what it points to."""
        parts = PurePosixPath(path).parts
        if not parts or PurePosixPath(path).is_absolute() or ".." in parts:
            self._refuse(path)
        folder = self.repo
        for part in parts[:-1]:
            folder = folder / part
            if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
                self._refuse(path)
        return self.repo.joinpath(*parts)

    def _refuse(self, path: str):
        if path not in self.report.refused:
            self.report.refused.append(path)
        raise Refused(path)

    def size(self, path: str) -> int | None:
        try:
            full = self.place(path)
        except Refused:
            return None
        return full.stat().st_size if full.is_file() and not full.is_symlink() else None

    # files
    def read(self, path: str) -> bytes | None:
        """The file's bytes; None if it is missing, a link, behind one, or bigger than BIG."""
        size = self.size(path)
        if size is None or size > BIG:
            return None
        return self.place(path).read_bytes()

    def write(self, path: str, data: bytes, named: str | None = None) -> bool:
        """Replace the file with `data`, new-then-rename. False if it could not be (noted,
        as `named` if given: the file the student knows)."""
        try:
            full = self.place(path)
            self._make_folders(full.parent)
            with tempfile.NamedTemporaryFile(dir=full.parent, prefix=f".{full.name}.",
                                             suffix=".repair", delete=False) as temporary:
                try:
                    temporary.write(data)
                    temporary.flush()
                    os.fsync(temporary.fileno())
                    if full.is_file() and not full.is_symlink():
                        os.chmod(temporary.name, stat.S_IMODE(full.stat().st_mode))
                    os.replace(temporary.name, full)  # replaces a link itself, never its target
                except BaseException:
                    os.unlink(temporary.name)
                    raise
            self._sync_folder(full.parent)
        except Refused:
            return False
        except OSError as failure:
            self._failed(named or path, failure)
            return False
        return True

    def remove(self, path: str) -> bool:
        try:
            self.place(path).unlink()
        except Refused:
            return False
        except OSError as failure:
            self._failed(path, failure)
            return False
        return True

    def keep_aside(self, path: str, data: bytes | None, side: str = "ours") -> bool:
        """Save the student's version of `path` beside it, under a name that says so: `data`,
        or (None) the file itself, renamed, for one too big to read. False if it could not be
        kept: then the caller must not change the file."""
        if data is None:
            try:
                full = self.place(path)
            except Refused:
                return False
            suffix = full.suffix + ".txt" if full.suffix == ".ipynb" else full.suffix
            copy = self._copy_name(path, suffix)
            try:
                os.rename(full, self.place(copy))
            except (OSError, Refused) as failure:
                if isinstance(failure, OSError):
                    self._failed(path, failure)
                return False
        else:
            keep, suffix = students_version(path, data, side)
            if not keep.strip():
                return True  # an empty file holds no work
            copy = self._copy_name(path, suffix)
            if not self.write(copy, keep, named=path):
                return False
        self.report.kept.append((copy, path))
        return True

    def _copy_name(self, path: str, suffix: str) -> str:
        copy = kept_copy_name(path, self.now, self.taken | self._existing(path), suffix)
        self.taken.add(copy)
        return copy

    def _existing(self, path: str) -> set[str]:
        folder = self.place(path).parent
        if not folder.is_dir():
            return set()
        return {os.path.relpath(p, self.repo) for p in folder.iterdir()}

    def _make_folders(self, folder: Path):
        missing = []
        while not folder.exists() and not folder.is_symlink():
            missing.append(folder)
            folder = folder.parent
        for each in reversed(missing):
            each.mkdir()  # one at a time: a link made meanwhile makes mkdir fail, not follow

    @staticmethod
    def _sync_folder(folder: Path):
        """Flush the rename itself to the disk, where the system allows it."""
        try:
            descriptor = os.open(folder, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(descriptor)
        except OSError:
            pass
        finally:
            os.close(descriptor)

    def _failed(self, path: str, failure: OSError):
        if failure.errno in (errno.ENOSPC, errno.EDQUOT):
            self.report.disk_full = True
        self.report.failed.append((shown_name(path), failure.strerror or str(failure)))

    # the teacher's latest
    def fetch(self):
        try:
            done = git(self.repo, "fetch", "--quiet", check=False, data=True,
                       timeout=gitcalls.FETCH_TIMEOUT)
            self.report.fetched = done.returncode == 0
        except subprocess.TimeoutExpired:
            self.report.fetched, self.report.fetch_timed_out = False, True

    def teacher(self, path: str) -> bytes | None:
        upstream = self.upstream
        return read_blob(self.repo, f"{upstream}:{path}") if upstream else None
