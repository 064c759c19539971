"""Repair 1: a lock file (.git/index.lock) left behind by an interrupted update. It is removed
only when no git is working in the folder; otherwise the repair touches nothing."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from .plumbing import git_dir
from .workcopy import WorkCopy


def stale_locks(work: WorkCopy) -> bool:
    """Remove git's leftover lock files; False (and report.busy) if git is still running."""
    locks = [p for p in git_dir(work.repo).rglob("*.lock") if p.is_file()]
    if not locks:
        return True
    if _git_is_running(work.repo):
        work.report.busy = True
        return False
    for lock in locks:
        lock.unlink()  # git's own bookkeeping, never the student's work
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
