"""Running git, as the toolkit and the tests do: output as text, a failure raises."""
from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(subprocess.CalledProcessError):
    """A git command failed; the message ends with what git said."""

    def __str__(self):
        return f"{super().__str__()}\n{self.stderr.strip()}"


def git(*args, cwd=None, env=None, text=True):
    """`git ARGS` in `cwd`; its standard output (bytes if text=False)."""
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=text,
                          encoding="utf-8" if text else None)  # paths and pages in any script
    if done.returncode != 0:
        stderr = done.stderr if text else done.stderr.decode(errors="replace")
        raise GitError(done.returncode, ["git", *map(str, args)], done.stdout, stderr)
    return done.stdout


def commit_all(repo: Path, message: str):
    """Commit every change in `repo`, as a teacher would (a fixed name, no setup needed)."""
    git("add", "-A", cwd=repo)
    git("-c", "user.name=Teacher", "-c", "user.email=teacher@example.org",
        "commit", "-q", "-m", message, cwd=repo)
