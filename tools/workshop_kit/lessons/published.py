"""Published lesson paths never disappear: the manifest, the notes left at old paths, the check.

A student's workshop link names a lesson by its path (`urlpath=.../notebooks/03-x.ipynb`),
and their copy of the workshop keeps their work under that path. So once a lesson has been
published its path stays:

- `notebooks/published-paths.txt` lists every lesson path ever published, in both editions
  (`notebooks/`, `zh-TW/notebooks/`); a path the lesson left is written `OLD -> NEW`;
- a renamed or retired lesson leaves a small notebook at its old path (a redirect note) that
  says where the lesson went and links to it, in that edition's language;
- `problems()` lists every way the tree breaks this; tests/unit/test_published_paths.py fails on
  any of them (a bare `git mv` of a lesson is one).

The command:

    workshop-retire OLD NEW     rename OLD to NEW (or retire OLD into the existing NEW),
                                leaving a note at OLD in every edition that has it
    workshop-retire --record    add lessons that are new since the last time to the manifest
    workshop-retire --check     print what is wrong, if anything (exit status 1)

A note is the old lesson with the note put on top as its first cell: a
student who had edited the old lesson gets the note on top of their own version when
nbgitpuller merges it in (the teacher's lines come before any of the student's), so the old
link tells everyone where the lesson went and nobody's work is lost. It is written as
JupyterLab saves a notebook, so it opens unmodified; the check keeps it so.

A bare `git mv` is stopped before it is published: `git config core.hooksPath tools/hooks`
installs a pre-push hook that runs `workshop-retire --check`, and a fork's CI runs
tests/unit/test_published_paths.py, which runs the same check.

This module holds the manifest, the note and the check (`problems()`); retire.py changes the
tree and is the command.
"""
from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path, PurePosixPath

import nbformat

from ..git import GitError, git
from ..repo import ROOT, moved_to

MANIFEST_NAME = "notebooks/published-paths.txt"
# Each edition's lesson folder, and the language its notes are written in.
EDITIONS = {"notebooks": "en", "zh-TW/notebooks": "zh-TW"}
ARROW = " -> "

HEADER = """\
# Every lesson path ever published, in both editions. A path here must always exist: the
# lesson itself, or a small note saying where it went ("OLD -> NEW" below). Students' links
# and their own work use these paths. Never rename or delete a lesson by hand: use
#   workshop-retire OLD NEW      (leaves the note, updates this list)
#   workshop-retire --record     (adds new lessons to this list)
# Checked by tests/unit/test_published_paths.py.
"""


def read_manifest(root: Path = ROOT) -> dict[str, str | None]:
    """Published path -> the path it moved to (None while the lesson is still there)."""
    entries = {}
    path = Path(root) / MANIFEST_NAME
    if not path.exists():
        return entries
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        old, _, new = (part.strip() for part in line.partition(ARROW.strip()))
        if not old.endswith(".ipynb") or (new and not new.endswith(".ipynb")):
            raise ValueError(f"{MANIFEST_NAME}, line {number}: {line!r} is not "
                             "'PATH.ipynb' or 'OLD.ipynb -> NEW.ipynb'")
        entries[old] = new or None
    return entries


def write_manifest(entries: dict[str, str | None], root: Path = ROOT):
    width = max((len(old) for old in entries), default=0)
    lines = [old if new is None else f"{old:<{width}}{ARROW}{new}"
             for old, new in sorted(entries.items())]
    (Path(root) / MANIFEST_NAME).write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")


def lessons_in_tree(root: Path = ROOT) -> list[str]:
    """Every notebook in the editions' lesson folders (lessons and notes), as repo paths."""
    found = []
    for folder in EDITIONS:
        found += [f"{folder}/{p.name}" for p in sorted((Path(root) / folder).glob("*.ipynb"))]
    return found


def _edition(path: str) -> str | None:
    parent = str(PurePosixPath(path).parent)
    return parent if parent in EDITIONS else None


def published_in_history(root: Path = ROOT) -> set[str]:
    """Every lesson path ever added in this branch's history (as far as the clone reaches)."""
    try:
        added = git("log", "--diff-filter=A", "--name-only", "--format=", "--",
                    *[f"{folder}/*.ipynb" for folder in EDITIONS], cwd=root)
    except GitError:  # not a git checkout: no history to read
        return set()
    return {line.strip() for line in added.splitlines() if line.strip() and _edition(line.strip())}


# --- the note left at a renamed or retired lesson's old path ---------------------------------

# The note is the old lesson with one markdown cell on top: nbgitpuller's merge sees the
# teacher add lines before the student's changes, so it merges into an edited copy too. It is
# written exactly as JupyterLab saves a notebook (nbformat's JSON, the old lesson's own
# metadata, cell ids): a note without the kernel's language_info got it filled in by the
# kernel on opening, which marked it modified.
NOTE_ID = "lesson-moved"  # the note cell's id: how a copy that already has the note is told
# (moved or retired, language) -> the note's Markdown.
NOTE = {
    ("moved", "en"): "# This lesson has moved\n\nIt is now **[{title}]({link})**. Click the "
                     "link to open it, or find `{name}` in the file browser on the left.\n\n"
                     "The workshop's links lead there too; this note stays so that old links "
                     "still lead somewhere.",
    ("retired", "en"): "# This lesson was retired\n\nWhat it taught is now in **[{title}]({link})"
                       "**. Click the link to open it, or find `{name}` in the file browser on "
                       "the left.\n\nThis note stays so that old links still lead somewhere.",
    ("moved", "zh-TW"): "# 這一課已經搬家\n\n它現在是 **[{title}]({link})**。點連結開啟，或在"
                        "左邊的檔案瀏覽器找到 `{name}`。\n\n工作坊的連結也會帶你到那裡；這則說明"
                        "留在這裡，讓舊的連結仍然找得到路。",
    ("retired", "zh-TW"): "# 這一課已經停用\n\n它的內容現在在 **[{title}]({link})**。點連結開啟，"
                          "或在左邊的檔案瀏覽器找到 `{name}`。\n\n這則說明留在這裡，讓舊的連結仍然"
                          "找得到路。",
}

# Below the note, the old lesson follows: said once, so nobody mistakes it for the new one.
BELOW = {
    "en": "Below is this lesson as it was, with your own work in it if you had started it: "
          "nothing you wrote here is lost.",
    "zh-TW": "下面是這一課原本的樣子；如果你已經開始做了，你寫的東西也都在裡面，一樣都沒有少。",
}


def redirect_notebook(link: str, title: str, language: str = "en", kind: str = "moved",
                      old: str | None = None) -> str:
    """The note left at a lesson's old path: the old lesson `old` (its notebook text, if
    known) with the note on top, as JupyterLab saves it."""
    source = NOTE[(kind, language)].format(title=title, link=link, name=PurePosixPath(link).name)
    if old:
        notebook = nbformat.reads(old, as_version=4)
        notebook.cells = [c for c in notebook.cells if c.get("id") != NOTE_ID]  # retired twice
        source += "\n\n" + BELOW[language]
    else:
        notebook = nbformat.v4.new_notebook()
        notebook.metadata.kernelspec = {"display_name": "Python 3 (ipykernel)",
                                        "language": "python", "name": "python3"}
    note = nbformat.v4.new_markdown_cell(source, id=NOTE_ID)
    note.metadata["workshop"] = {"moved_to": link}
    notebook.cells.insert(0, note)
    notebook.metadata["workshop"] = {"moved_to": link}
    return nbformat.writes(notebook) + "\n"  # what JupyterLab's save writes, byte for byte


def saved_as_jupyterlab_saves(text: str) -> bool:
    """Does a load and save (JupyterLab's, nbformat's) give back exactly these bytes?"""
    try:
        return nbformat.writes(nbformat.reads(text, as_version=4)) + "\n" == text
    except Exception:  # noqa: BLE001 (any reason it cannot be read is a "no")
        return False


def is_redirect(path: Path) -> bool:
    return moved_to(path) is not None


def lesson_title(path: Path) -> str:
    """The lesson's first heading, as learners see it."""
    notebook = json.loads(Path(path).read_text(encoding="utf-8"))
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "markdown":
            source = "".join(cell.get("source", ""))
            heading = re.search(r"^#\s+(.+)$", source, re.MULTILINE)
            if heading:
                return heading.group(1).strip()
    return PurePosixPath(str(path)).stem


# --- the check ------------------------------------------------------------------------------

def problems(root: Path = ROOT) -> list[str]:
    """Every way the tree loses a published lesson path; empty when all is well."""
    root = Path(root)
    try:
        manifest = read_manifest(root)
    except ValueError as bad:
        return [str(bad)]
    found = []
    retire = "Put it back, or leave a note there: workshop-retire {old} NEW"
    for old, new in sorted(manifest.items()):
        path = root / old
        if not path.is_file():
            found.append(f"{old} was published and is gone: students' links and work use "
                         f"this path. {retire.format(old=old)}")
            continue
        target = moved_to(path)
        if new is None and target is not None:
            found.append(f"{old} is a note pointing to {target}, but {MANIFEST_NAME} lists it "
                         f"as a lesson: write '{old} -> ...'")
        if new is None:
            continue
        if target is None:
            found.append(f"{old} should be a note pointing to {new} ({MANIFEST_NAME}), but it "
                         f"is not one. {retire.format(old=old)}")
            continue
        pointed = posixpath.normpath(f"{PurePosixPath(old).parent}/{target}")
        if pointed != posixpath.normpath(new):
            found.append(f"{old} points to {pointed}, but {MANIFEST_NAME} says {new}")
        if not (root / new).is_file():
            found.append(f"{old} points to {new}, which does not exist")
        text = path.read_text(encoding="utf-8")
        if not text.lstrip().startswith('{\n "cells": [') or NOTE_ID not in text[:400] \
                or not saved_as_jupyterlab_saves(text):
            found.append(f"{old}: a note must be the old lesson with the note as its first "
                         f"cell, saved as JupyterLab saves it (else it opens marked modified, "
                         f"and a student who had edited the lesson never sees it). Rewrite "
                         f"it: workshop-retire {old} {new}")
    in_tree = set(lessons_in_tree(root))
    for path in sorted((in_tree | published_in_history(root)) - set(manifest)):
        if path in in_tree:
            kind = "note" if is_redirect(root / path) else "lesson"
            found.append(f"{path} is a {kind} missing from {MANIFEST_NAME}: run "
                         "workshop-retire --record")
        else:
            found.append(f"{path} was published (git history says so) and is gone. "
                         f"{retire.format(old=path)}")
    return found
