"""workshop-translation-diff: what changed in the English since a translation's recorded
version (found in git history), and recording a translation as up to date again."""
from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

from ..git import GitError, git
from ..repo import ROOT, TRANSLATIONS
from .pages import missing, source_of, state, translate_anchors, translated_pages
from .record import Record, fingerprint, readable, write_record


def recorded_version(source: Path, wanted: str, root: Path = ROOT) -> tuple[str, str] | None:
    """(commit, text) of the English page's version whose fingerprint is `wanted`, newest first."""
    relative = source.relative_to(root).as_posix()
    for commit in git("log", "--format=%H", "--", relative, cwd=root).split():
        try:
            text = git("show", f"{commit}:{relative}", cwd=root)
        except GitError:
            continue  # the file did not exist under this name in that commit
        if fingerprint(text, source.suffix) == wanted:
            return commit, text
    return None


def english_changes(translation: Path, root: Path = ROOT) -> str:
    """What changed in the English page since the version the translation records, as a diff."""
    now = state(translation, root)
    name = now.translation.relative_to(root).as_posix()
    source = now.source.relative_to(root).as_posix()
    if now.recorded is None:
        return now.says()
    if now.up_to_date:
        return f"{name}: up to date with {source}; nothing to do."
    found = recorded_version(now.source, now.recorded.fingerprint, root)
    if found is None:
        return (f"{name}: the version of {source} it records ({now.recorded.fingerprint[:19]}...) is "
                "not in this clone's git history (a shallow clone, or a version never committed); "
                f"compare the translation with {source} as it is now.")
    commit, old = found
    new_lines = readable(now.source.read_text(encoding="utf-8"), now.source.suffix)
    diff = difflib.unified_diff(readable(old, now.source.suffix), new_lines,
                                fromfile=f"{source} at {commit[:10]} (translated)",
                                tofile=f"{source} now", lineterm="", n=2)
    return "\n".join(_name_cells(diff, new_lines))


def _name_cells(diff, new_lines: list[str]):
    """Each hunk of a notebook's diff says which cell it is in ("=== cell 7 (markdown) ===")."""
    for line in diff:
        if line.startswith("@@"):
            start = int(re.search(r"\+(\d+)", line).group(1))
            above = [seen for seen in new_lines[:max(start, 1)] if seen.startswith("=== cell ")]
            if above:
                line = f"{line} {above[-1]}"
        yield line


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
