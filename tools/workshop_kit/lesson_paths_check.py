"""The check: every way the tree loses a published lesson path (tests/test_published_paths.py)."""
from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath

from .lesson_manifest import MANIFEST_NAME, lessons_in_tree, published_in_history, read_manifest
from .lesson_notes import NOTE_ID, is_redirect, saved_as_jupyterlab_saves
from .repo import ROOT, moved_to


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
