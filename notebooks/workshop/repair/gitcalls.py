"""The git commands the repair runs, and what it reads from them: the copy's folder, the
teacher's branch, the files of a commit, every version of a file the teacher published."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

# Local git commands on a large copy take seconds; a minute means something is stuck.
GIT_TIMEOUT = 60
# Asking the teacher's repository: a host that answers does so in a few seconds even on a
# class's shared Wi-Fi; past 20 s the student is better served by the repairs that need no
# network than by a longer wait (the next click fetches again anyway).
FETCH_TIMEOUT = 20
# Commits made by the repair say so; nbgitpuller signs its own the same way.
REPAIR_IDENTITY = ["-c", "user.name=workshop repair", "-c", "user.email=repair@workshop.invalid"]
NBGITPULLER_EMAIL = "nbgitpuller@nbgitpuller.link"


class GitMissing(Exception):
    """git is not installed here."""


def git(repo, *args, check=True, data=False, timeout=GIT_TIMEOUT):
    """Run git in `repo`. On timeout the whole process group is killed (a fetch's helpers,
    such as git-remote-https, would otherwise hold the pipes open) and TimeoutExpired raised."""
    if shutil.which("git") is None:
        raise GitMissing()
    env = dict(os.environ, LANG="C", LC_ALL="C", GIT_TERMINAL_PROMPT="0",
               GIT_MERGE_AUTOEDIT="no", GIT_EDITOR=":", GIT_ASKPASS="true", SSH_ASKPASS="true")
    with subprocess.Popen(["git", *args], cwd=repo, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          start_new_session=True) as process:
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise
    done = subprocess.CompletedProcess(["git", *args], process.returncode, out, err)
    if check and done.returncode != 0:
        raise subprocess.CalledProcessError(done.returncode, done.args, out, err)
    return done if data else os.fsdecode(out).strip()


def ok(repo, *args) -> bool:
    return git(repo, *args, check=False, data=True).returncode == 0


def paths(repo, *args) -> list[str]:
    """The NUL-separated paths a git command prints, as the file system names them (a name
    that is not UTF-8 stays usable: os.fsdecode)."""
    out = git(repo, *args, check=False, data=True).stdout
    return [os.fsdecode(p) for p in out.split(b"\0") if p]


def find_clone(folder) -> Path | None:
    done = git(folder, "rev-parse", "--show-toplevel", check=False, data=True)
    if done.returncode != 0:
        return None
    return Path(os.fsdecode(done.stdout.strip()))


def git_dir(repo: Path) -> Path:
    return Path(git(repo, "rev-parse", "--absolute-git-dir"))


def find_upstream(repo: Path) -> str | None:
    for ref in ("@{upstream}", "origin/HEAD"):
        name = git(repo, "rev-parse", "--abbrev-ref", "--symbolic-full-name", ref, check=False)
        if name and name != ref and ok(repo, "rev-parse", "--verify", "-q", name):
            return name
    remotes = [name for name in git(repo, "for-each-ref", "--format=%(refname:short)",
                                    "refs/remotes/", check=False).split()
               if not name.endswith("/HEAD")]
    return remotes[0] if len(remotes) == 1 else None


def files_in(repo: Path, commit: str) -> dict[str, tuple[str, str]]:
    """path -> (mode, blob id) for every file in a commit (mode 120000: a link)."""
    files = {}
    for entry in git(repo, "ls-tree", "-r", "-z", commit, check=False, data=True).stdout.split(b"\0"):
        if entry:
            meta, path = entry.split(b"\t", 1)
            mode, kind, blob = meta.decode().split()
            if kind == "blob":
                files[os.fsdecode(path)] = (mode, blob)
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
