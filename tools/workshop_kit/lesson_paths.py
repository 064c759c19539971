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

A note is the old lesson with the note put on top as its first cell (lesson_notes): a
student who had edited the old lesson gets the note on top of their own version when
nbgitpuller merges it in (the teacher's lines come before any of the student's), so the old
link tells everyone where the lesson went and nobody's work is lost. It is written as
JupyterLab saves a notebook, so it opens unmodified; the check keeps it so.

A bare `git mv` is stopped before it is published: `git config core.hooksPath tools/hooks`
installs a pre-push hook that runs `workshop-retire --check`, and a fork's CI runs
tests/test_published_paths.py, which runs the same check.

This module is the command. The work is done by lesson_manifest (the list), lesson_notes
(the notes), lesson_paths_check (`problems()`) and lesson_retire (`retire()`, `record()`).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .lesson_manifest import MANIFEST_NAME, lessons_in_tree, published_in_history, read_manifest, write_manifest
from .lesson_notes import is_redirect, lesson_title, redirect_notebook
from .lesson_paths_check import problems
from .lesson_retire import record, retire
from .repo import ROOT

# What the tests and other modules use from here: the work is done in the modules above.
__all__ = ["MANIFEST_NAME", "is_redirect", "lesson_title", "lessons_in_tree", "main", "problems",
           "published_in_history", "read_manifest", "record", "redirect_notebook", "retire",
           "write_manifest"]


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
