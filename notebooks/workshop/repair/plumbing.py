"""The git commands the repair runs, and what it reads from them: the copy's folder, the
teacher's branch, the files of a commit, the changes a branch went through."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

GIT_TIMEOUT = 120  # seconds; a fetch over a slow network is the longest step
# Commits made by the repair say so; nbgitpuller signs its own the same way.
REPAIR_IDENTITY = ["-c", "user.name=workshop repair", "-c", "user.email=repair@workshop.invalid"]


class GitMissing(Exception):
    """git is not installed here."""


def git(repo, *args, check=True, data=False, timeout=GIT_TIMEOUT):
    env = dict(os.environ, LANG="C", LC_ALL="C", GIT_TERMINAL_PROMPT="0",
               GIT_MERGE_AUTOEDIT="no", GIT_EDITOR=":")
    try:
        done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)
    except FileNotFoundError as missing:
        raise GitMissing() from missing
    if check and done.returncode != 0:
        raise subprocess.CalledProcessError(done.returncode, ["git", *args], done.stdout,
                                            done.stderr)
    if data:
        return done
    return done.stdout.decode("utf-8", "replace").strip()


def ok(repo, *args) -> bool:
    return git(repo, *args, check=False, data=True).returncode == 0


def find_clone(folder) -> Path | None:
    done = git(folder, "rev-parse", "--show-toplevel", check=False, data=True)
    if done.returncode != 0:
        return None
    return Path(done.stdout.decode().strip())


def git_dir(repo: Path) -> Path:
    return Path(git(repo, "rev-parse", "--absolute-git-dir"))


def find_upstream(repo: Path) -> str | None:
    for ref in ("@{upstream}", "origin/HEAD"):
        done = git(repo, "rev-parse", "--abbrev-ref", "--symbolic-full-name", ref,
                   check=False, data=True)
        name = done.stdout.decode().strip()
        if done.returncode == 0 and name and name != ref:
            return name
    remotes = git(repo, "for-each-ref", "--format=%(refname:short)", "refs/remotes/",
                  check=False).split()
    remotes = [name for name in remotes if not name.endswith("/HEAD")]
    return remotes[0] if len(remotes) == 1 else None


def files_in(repo: Path, commit: str) -> dict[str, tuple[str, str]]:
    """path -> (mode, blob id) for every file in a commit."""
    listing = git(repo, "ls-tree", "-r", "-z", commit, data=True).stdout.decode("utf-8", "replace")
    files = {}
    for entry in listing.split("\0"):
        if entry:
            meta, path = entry.split("\t", 1)
            mode, kind, blob = meta.split()
            if kind == "blob":
                files[path] = (mode, blob)
    return files


def read_blob(repo: Path, ref_and_path: str) -> bytes | None:
    done = git(repo, "cat-file", "blob", ref_and_path, check=False, data=True)
    return done.stdout if done.returncode == 0 else None


def reflog(repo: Path, ref: str) -> list[tuple[str, str]]:
    """(old, new) commit ids of every change to a ref recorded here, oldest first. Read from
    git's log file, which (unlike `git reflog`) also gives the value before the first change."""
    full = git(repo, "rev-parse", "--symbolic-full-name", ref, check=False)
    log = git_dir(repo) / "logs" / full if full else None
    if not log or not log.is_file():
        return []
    entries = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split(" ", 2)
        if len(parts) == 3:
            entries.append((parts[0], parts[1]))
    return entries
