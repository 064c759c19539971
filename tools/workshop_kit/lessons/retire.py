"""workshop-retire: rename or retire a lesson, leaving a note at its old path in each edition;
record new lessons in the manifest; check that every published path is in place (see
published.py for why a published path never disappears).
"""
from __future__ import annotations

import argparse
import os
import posixpath
import sys
from pathlib import Path, PurePosixPath

from ..git import GitError, git
from ..repo import ROOT, moved_to
from .published import (EDITIONS, MANIFEST_NAME, is_redirect, lesson_title, lessons_in_tree, problems,
                        published_in_history, read_manifest, redirect_notebook, write_manifest)


def _edition_path(name: str, folder: str) -> str:
    stem = PurePosixPath(name).name
    return f"{folder}/{stem if stem.endswith('.ipynb') else stem + '.ipynb'}"


def _as_published(root: Path, old_path: str, new_file: Path) -> str | None:
    """The old lesson as students got it: what the last commit holds at its old path (the
    note goes on top of exactly that, so it merges into their copies cleanly); else, after a
    bare `git mv` was committed, the lesson at its new path."""
    try:
        return git("show", f"HEAD:{old_path}", cwd=root)
    except GitError:
        pass  # not committed at the old path
    old_file = root / old_path
    for candidate in (old_file, new_file):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    return None


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
            try:
                git("mv", old_path, new_path, cwd=root)
            except GitError:  # not tracked, or not a git checkout
                old_file.rename(new_file)
            done.append(f"moved {old_path} to {new_path}")
        if not new_file.is_file():
            fallback = _edition_path(new, "notebooks")
            if not (root / fallback).is_file():
                raise FileNotFoundError(f"{new_path} does not exist: give an existing lesson")
            new_file = root / fallback
        link = Path(os.path.relpath(new_file, old_file.parent)).as_posix()
        old_file.parent.mkdir(parents=True, exist_ok=True)
        old_file.write_text(redirect_notebook(link, lesson_title(new_file), language, kind,
                                              _as_published(root, old_path, new_file)),
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
