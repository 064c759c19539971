"""The repository as it is shipped: one definition, in one of two states, always named.

- LAST_COMMIT: what HEAD holds, what a push would publish. The benchmarks use it, so that
  their numbers belong to a commit id.
- WORKING_TREE: what a commit made now would hold: tracked files as they are on disk and
  new files git does not ignore (never .venv, _build or a lesson's own output files). The
  tests use it (hub, Binder), so they check the same files as the lesson and site tests
  do, uncommitted edits included; on a clean clone (CI) the two states are the same.

    tree = take(WORKING_TREE)
    tree.read("notebooks/02-notebook-basics.ipynb")     # bytes
    tree.export(folder, ["notebooks", "data"])          # files under folder/, links kept
    tree.publish(bare_repo)                             # a bare repository whose main is it

A working-tree snapshot is a commit made with a throwaway index: this checkout's own
index, branches and files are never touched.
"""
from __future__ import annotations

import io
import os
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .git import git
from .repo import ROOT

LAST_COMMIT = "last commit"
WORKING_TREE = "working tree"
_IDENTITY = {"GIT_AUTHOR_NAME": "workshop-kit", "GIT_AUTHOR_EMAIL": "kit@example.org",
             "GIT_COMMITTER_NAME": "workshop-kit", "GIT_COMMITTER_EMAIL": "kit@example.org"}


@dataclass(frozen=True)
class Snapshot:
    state: str
    commit: str
    repo: Path = ROOT

    def read(self, path: str) -> bytes:
        return git("show", f"{self.commit}:{path}", cwd=self.repo, text=False)

    def files(self, *under: str) -> list[str]:
        """Paths of the files (and links) it holds, below the given folders if any."""
        return git("ls-tree", "-r", "--name-only", self.commit, "--", *under,
                   cwd=self.repo).splitlines()

    def export(self, dest: Path, paths=()) -> Path:
        """Write its files (or only those under `paths`) below `dest`; symlinks stay links."""
        archive = git("archive", "--format=tar", self.commit, "--", *paths, cwd=self.repo,
                      text=False)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(dest, filter="tar")
        return Path(dest)

    def publish(self, bare: Path, branch: str = "main") -> Path:
        """A bare repository at `bare` (made if missing) whose `branch` is this snapshot."""
        if not Path(bare).exists():
            git("init", "-q", "--bare", "-b", branch, str(bare))
        git("push", "-q", str(bare), f"{self.commit}:refs/heads/{branch}", cwd=self.repo)
        return Path(bare)


def take(state: str, repo: Path = ROOT) -> Snapshot:
    """The repository at `repo` in the named state (LAST_COMMIT or WORKING_TREE)."""
    if state == LAST_COMMIT:
        return Snapshot(state, git("rev-parse", "HEAD", cwd=repo).strip(), Path(repo))
    if state != WORKING_TREE:
        raise ValueError(f"a snapshot is of the {LAST_COMMIT} or the {WORKING_TREE}, not {state!r}")
    with tempfile.TemporaryDirectory(prefix="snapshot-") as tmp:
        env = {**os.environ, **_IDENTITY, "GIT_INDEX_FILE": str(Path(tmp) / "index")}
        git("read-tree", "HEAD", cwd=repo, env=env)  # tracked files, even ignored ones
        git("add", "-A", cwd=repo, env=env)  # as they are on disk, and new ones
        tree = git("write-tree", cwd=repo, env=env).strip()
        commit = git("commit-tree", tree, "-p", "HEAD", "-m", "working tree snapshot",
                     cwd=repo, env=env).strip()
    return Snapshot(state, commit, Path(repo))
