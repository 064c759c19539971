"""The manifest of published lesson paths (notebooks/published-paths.txt), and where lessons are.

Every lesson path ever published, in both editions; a path the lesson left is written
`OLD -> NEW`. See workshop_kit.lesson_paths for why a published path never disappears.
"""
from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

from .repo import ROOT

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
# Checked by tests/test_published_paths.py.
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
    done = subprocess.run(["git", "log", "--diff-filter=A", "--name-only", "--format=",
                           "--", *[f"{folder}/*.ipynb" for folder in EDITIONS]],
                          cwd=root, capture_output=True, text=True)
    if done.returncode != 0:
        return set()
    return {line.strip() for line in done.stdout.splitlines()
            if line.strip() and _edition(line.strip())}
