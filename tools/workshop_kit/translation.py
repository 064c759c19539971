"""Translations that cannot drift: each translated page records which English version it translates.

A translated lesson keeps, in its notebook metadata, the fingerprint of the English lesson it
was translated from; a translated book page keeps it in its front matter:

    "metadata": {"workshop": {"translation_of": {"source": "notebooks/02-notebook-basics.ipynb",
                                                 "fingerprint": "sha256:..."}}}

    ---
    translation_of:
      source: book/intro.md
      fingerprint: sha256:...
    ---

The fingerprint covers what a translator must follow: each cell's kind, text and metadata (alt
text, tags), never the outputs. tests/test_translations.py fails, naming the page, as soon as
the English differs from the recorded version. The translator then runs

    workshop-translation-diff zh-TW/notebooks/02-notebook-basics.ipynb            # what changed
    workshop-translation-diff --record zh-TW/notebooks/02-notebook-basics.ipynb   # after updating
    workshop-translation-diff                                                     # every page's state
    workshop-translation-diff --anchors zh-TW/book/instructor-guide.md             # links into newly
                                                                                  # translated lessons

The diff finds the recorded version in the English file's git history (the version whose
fingerprint matches) and prints, cell by cell, what changed in the English since then.

This module is that command. The work is done by translation_record (fingerprints and the
records), translation_pages (which page translates which), translation_history (the diff)
and translation_anchors (--anchors).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .repo import ROOT, TRANSLATIONS
from .translation_anchors import headings, translate_anchors
from .translation_history import english_changes, recorded_version
from .translation_pages import (EDITION_ONLY, STAYS_ENGLISH, State, edition_of, english_sources, missing,
                                source_of, state, translated_pages, translation_of)
from .translation_record import Record, fingerprint, notebook_cells, page_body, read_record, readable, write_record

# What other modules and the tests use from here: the library lives in the translation_* modules.
__all__ = ["EDITION_ONLY", "STAYS_ENGLISH", "Record", "State", "edition_of", "english_changes",
           "english_sources", "fingerprint", "headings", "main", "missing", "notebook_cells",
           "page_body", "read_record", "readable", "record", "recorded_version", "source_of",
           "state", "translate_anchors", "translated_pages", "translation_of", "write_record"]


def record(translation: Path, root: Path = ROOT) -> str:
    """Record that `translation` now follows its English page as it is; returns what was done."""
    source = source_of(translation, root)
    relative = source.relative_to(root).as_posix()
    write_record(translation, Record(relative, state(translation, root).current))
    return f"{translation}: recorded as the translation of {relative} as it is now"


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(
        prog="workshop-translation-diff",
        description="Show what changed in the English since a translated page was last brought up "
                    "to date, or record that it is up to date again. With no page: every "
                    "translation's state.")
    parser.add_argument("pages", nargs="*", type=Path,
                        help="translated pages, e.g. zh-TW/notebooks/02-notebook-basics.ipynb")
    parser.add_argument("--record", action="store_true",
                        help="after updating a translation: record the English version it now follows")
    parser.add_argument("--anchors", action="store_true",
                        help="point this page's links to sections of translated lessons at their "
                             "Chinese headings (after a lesson it links to was translated)")
    args = parser.parse_args(argv)

    if not args.pages:
        problems = 0
        for edition in TRANSLATIONS:
            for page in translated_pages(edition, root):
                said = state(page, root).says()
                problems += not said.endswith("up to date")
                print(said)
            for source in missing(edition, root):
                problems += 1
                print(f"{edition.folder}/{source}: not translated yet (translates {source})")
        return 1 if problems else 0

    status = 0
    for page in args.pages:
        try:
            source = source_of(page, root)
        except ValueError as problem:
            print(problem, file=sys.stderr)
            status = 2
            continue
        if not page.is_file() or not source.is_file():
            print(f"{page}: no such translated page, or no English page {source.relative_to(root)}",
                  file=sys.stderr)
            status = 2
            continue
        if args.anchors:
            print("\n".join(translate_anchors(page.resolve(), root)) or f"{page}: no link to mend")
        else:
            print(record(page, root) if args.record else english_changes(page, root))
    return status


if __name__ == "__main__":
    sys.exit(main())
