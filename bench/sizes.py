"""How much a learner downloads: the tracked files, and a clone of the repository."""
from __future__ import annotations

import tempfile
from pathlib import Path

from workshop_kit.git import git
from workshop_kit.repo import ROOT


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file() and not p.is_symlink())


def tracked_bytes(repo: Path = ROOT) -> int:
    names = git("ls-files", "-z", cwd=repo).split("\0")
    return sum((repo / name).stat().st_size for name in names if name and (repo / name).is_file())


def clone_sizes(url: str) -> dict:
    """MB of a clone of `url`: its files, its .git at depth 1 (as nbgitpuller clones) and in full."""
    with tempfile.TemporaryDirectory(prefix="clone-sizes-") as tmp:
        shallow, full = Path(tmp) / "shallow", Path(tmp) / "full"
        git("clone", "-q", "--depth", "1", url, str(shallow))
        git("clone", "-q", url, str(full))
        files = folder_bytes(shallow) - folder_bytes(shallow / ".git")
        return {"working_tree_mb": round(files / 1e6, 2),
                "git_depth1_mb": round(folder_bytes(shallow / ".git") / 1e6, 2),
                "git_full_mb": round(folder_bytes(full / ".git") / 1e6, 2)}
