"""Published lesson paths never disappear: the manifest, the notes left at old paths, the check.

A student's workshop link names a lesson by its path (`urlpath=.../notebooks/03-x.ipynb`),
and their copy of the workshop keeps their work under that path. So once a lesson has been
published its path stays:

- `notebooks/published-paths.txt` lists every lesson path ever published, in both editions
  (`notebooks/`, `zh-TW/notebooks/`); a path the lesson left is written `OLD -> NEW`;
- a renamed or retired lesson leaves a small notebook at its old path (a redirect note) that
  says where the lesson went and links to it, in that edition's language;
- `problems()` lists every way the tree breaks this; tests/test_published_paths.py fails on
  any of them (a bare `git mv` of a lesson is one).

The command:

    workshop-retire OLD NEW     rename OLD to NEW (or retire OLD into the existing NEW),
                                leaving a note at OLD in every edition that has it
    workshop-retire --record    add lessons that are new since the last time to the manifest
    workshop-retire --check     print what is wrong, if anything (exit status 1)

A redirect note is written as ONE line of JSON, on purpose: a student who had edited the old
lesson then keeps their version whole when nbgitpuller merges the note in (git sees one
change covering the whole file, and nbgitpuller's -Xours keeps the student's side), instead
of a mix of the note and the old lesson. The check keeps it one line.
"""
from __future__ import annotations

import argparse
import json
import os
import posixpath
import re
import subprocess
import sys
from pathlib import Path, PurePosixPath

from .repo import ROOT, moved_to

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


# --- the manifest --------------------------------------------------------------------------

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


# --- redirect notes ------------------------------------------------------------------------

def redirect_notebook(link: str, title: str, language: str = "en", kind: str = "moved") -> str:
    """The note left at a lesson's old path: one line of JSON (see the module's docstring)."""
    source = NOTE[(kind, language)].format(title=title, link=link, name=PurePosixPath(link).name)
    notebook = {
        "cells": [{"cell_type": "markdown", "id": "lesson-moved", "metadata": {},
                   "source": source}],
        "metadata": {
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                           "name": "python3"},
            "language_info": {"name": "python"},
            "workshop": {"moved_to": link},
        },
        "nbformat": 4, "nbformat_minor": 5,
    }
    return json.dumps(notebook, ensure_ascii=False, sort_keys=True) + "\n"


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


# --- the check -----------------------------------------------------------------------------

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
        if path.read_bytes().count(b"\n") > 1:
            found.append(f"{old}: a note must stay one line of JSON, so that a student who had "
                         f"edited the old lesson keeps it whole. Rewrite it: workshop-retire "
                         f"{old} {new}")
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


# --- changing the tree ---------------------------------------------------------------------

def _edition_path(name: str, folder: str) -> str:
    stem = PurePosixPath(name).name
    return f"{folder}/{stem if stem.endswith('.ipynb') else stem + '.ipynb'}"


def _git(root: Path, *args) -> bool:
    return subprocess.run(["git", *args], cwd=root, capture_output=True).returncode == 0


def retire(old: str, new: str, root: Path = ROOT) -> list[str]:
    """Move lesson OLD to NEW (or retire it into the existing NEW) in every edition that has
    it, leaving a note at OLD; update the manifest. Returns what it did, one line each."""
    root = Path(root)
    manifest = read_manifest(root)
    history = published_in_history(root)
    # Retiring a lesson into another that exists already, or moving it to a new name (perhaps
    # after a bare `git mv`, which the check caught)?
    # The English edition decides; the other editions follow it.
    reference = next((f for f in EDITIONS if (root / _edition_path(old, f)).is_file()
                      or _edition_path(old, f) in manifest), "notebooks")
    old_file, new_file = root / _edition_path(old, reference), root / _edition_path(new, reference)
    kind = ("retired" if old_file.is_file() and not is_redirect(old_file) and new_file.is_file()
            else "moved")
    done = []
    for folder, language in EDITIONS.items():
        old_path, new_path = _edition_path(old, folder), _edition_path(new, folder)
        old_file, new_file = root / old_path, root / new_path
        published = (old_path in manifest or old_path in history
                     or (old_file.is_file() and not is_redirect(old_file)))
        if not published:
            continue
        if kind == "moved" and old_file.is_file() and not is_redirect(old_file) \
                and not new_file.exists():
            if not _git(root, "mv", old_path, new_path):
                old_file.rename(new_file)
            done.append(f"moved {old_path} to {new_path}")
        if not new_file.is_file():
            fallback = _edition_path(new, "notebooks")
            if not (root / fallback).is_file():
                raise FileNotFoundError(f"{new_path} does not exist: give an existing lesson")
            new_file = root / fallback
        link = Path(os.path.relpath(new_file, old_file.parent)).as_posix()
        old_file.parent.mkdir(parents=True, exist_ok=True)
        old_file.write_text(redirect_notebook(link, lesson_title(new_file), language, kind),
                            encoding="utf-8")
        manifest[old_path] = new_file.relative_to(root).as_posix()
        manifest.setdefault(new_file.relative_to(root).as_posix(), None)
        done.append(f"left a note at {old_path} pointing to {link}")
    if not done:
        raise FileNotFoundError(f"{old} is not a published lesson in any edition")
    write_manifest(manifest, root)
    return done


def record(root: Path = ROOT) -> list[str]:
    """Add lessons (and notes) in the tree, or in git history, that the manifest lacks."""
    manifest = read_manifest(root)
    added = []
    for path in sorted(set(lessons_in_tree(root)) | published_in_history(root)):
        if path not in manifest:
            target = moved_to(Path(root) / path)
            manifest[path] = (posixpath.normpath(f"{PurePosixPath(path).parent}/{target}")
                              if target else None)
            added.append(path)
    write_manifest(manifest, root)
    return added


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="workshop-retire",
        description="Rename or retire a lesson without breaking students' links and copies.")
    parser.add_argument("old", nargs="?", help="the lesson that goes, e.g. 03-kernels-r")
    parser.add_argument("new", nargs="?", help="where it went: its new name, or the lesson "
                        "that replaces it")
    parser.add_argument("--record", action="store_true", help="add new lessons to the manifest")
    parser.add_argument("--check", action="store_true", help="say what is wrong, if anything")
    parser.add_argument("--root", type=Path, default=ROOT, help="the workshop's folder "
                        "(default: this checkout)")
    args = parser.parse_args(argv)
    if args.record:
        added = record(args.root)
        print("\n".join(f"recorded {path}" for path in added) or "nothing new to record")
    elif args.old and args.new:
        try:
            print("\n".join(retire(args.old, args.new, args.root)))
        except FileNotFoundError as missing:
            print(f"workshop-retire: {missing}", file=sys.stderr)
            return 2
    elif not args.check:
        parser.print_usage(sys.stderr)
        return 2
    found = problems(args.root)
    print("\n".join(found) if found else f"every published lesson path is in place "
          f"({MANIFEST_NAME})")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
