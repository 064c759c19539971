"""A class's git, in miniature, for tests of what updates do to a student's copy.

Three helpers in the style of nbgitpuller's own tests, without a hub:

- teacher_repo: the teacher's working repository and the published (bare) one it pushes to;
- nbgitpuller_pull: what one click on a workshop link does to the student's folder, by the
  real nbgitpuller (its GitPuller: a depth-1 clone the first time, fetch and merge later);
- push_change: the teacher's next commit, pushed (or amended and force-pushed).

and `lesson`, a small lesson notebook whose second cell's first line is the one teacher and
student both like to change; `tree_text`, all the text in a student's folder.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbgitpuller.pull import GitPuller

from workshop_kit.git import git

TEACHER = ["-c", "user.name=Teacher", "-c", "user.email=teacher@example.org"]


@dataclass
class Teacher:
    work: Path  # the teacher's working copy
    published: Path  # the bare repository students' links point at

    @property
    def url(self) -> str:
        return self.published.as_uri()


def _write(folder: Path, files: dict):
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def teacher_repo(folder: Path, files: dict, branch: str = "main") -> Teacher:
    """A teacher's repository holding `files` (name -> text or bytes), published in `folder`."""
    work, published = Path(folder) / "teacher", Path(folder) / "published.git"
    work.mkdir(parents=True)
    git("init", "-q", "-b", branch, cwd=work)
    _write(work, files)
    git("add", "-A", cwd=work)
    git(*TEACHER, "commit", "-q", "-m", "First version", cwd=work)
    git("clone", "-q", "--bare", str(work), str(published))
    git("remote", "add", "origin", str(published), cwd=work)
    return Teacher(work, published)


def push_change(teacher: Teacher, files: dict | None = None, message: str = "Update",
                delete=(), amend: bool = False):
    """Commit `files` (and deletions) in the teacher's copy and publish them.

    amend=True rewrites the last commit and force-pushes: what "never rewrite the published
    branch" warns against.
    """
    _write(teacher.work, files or {})
    for name in delete:
        git("rm", "-q", "--", name, cwd=teacher.work)
    git("add", "-A", cwd=teacher.work)
    if amend:
        git(*TEACHER, "commit", "-q", "--amend", "-m", message, cwd=teacher.work)
        git("push", "-q", "--force", "origin", "HEAD", cwd=teacher.work)
    else:
        git(*TEACHER, "commit", "-q", "-m", message, cwd=teacher.work)
        git("push", "-q", "origin", "HEAD", cwd=teacher.work)


def nbgitpuller_pull(url: str, clone: Path, branch: str = "main") -> str:
    """One click on the link: nbgitpuller's own pull. Returns its output; raises as it does
    (the link's page then shows the error)."""
    lines = GitPuller(url, str(clone), branch=branch).pull()
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def lesson(first_line: str = "k_ice = 2.2    # thermal conductivity of ice\n",
           title: str = "Ice") -> str:
    """A small lesson, as JupyterLab saves one (nbformat's JSON, fixed cell ids)."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                       "language": "python"}
    notebook.cells = [nbformat.v4.new_markdown_cell(f"# {title}\n\nHeat flows through ice."),
                      nbformat.v4.new_code_cell(first_line + "gradient = 28 / 1000\n"
                                                "flux = -k_ice * gradient\nflux"),
                      nbformat.v4.new_markdown_cell("## Exercise\n\nWork out the flux.")]
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell-{number}"  # fixed ids: the teacher's and the student's cells line up
    return nbformat.writes(notebook) + "\n"


def change_lesson(notebook, new_line: str | None = None, add_cell: str | None = None):
    """A student's edit of a `lesson` (an nbformat notebook, changed in place): a new first
    line of its code cell, the line the teacher also changes, and perhaps a cell of their own."""
    if new_line:
        lines = notebook.cells[1].source.splitlines(keepends=True)
        lines[0] = new_line
        notebook.cells[1].source = "".join(lines)
    if add_cell:
        notebook.cells.append(nbformat.v4.new_code_cell(add_cell))


def tree_text(folder: Path) -> str:
    """All text in the files under `folder` (not .git), for 'is this still somewhere?'."""
    parts = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and ".git" not in path.relative_to(folder).parts:
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)
