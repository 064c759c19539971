"""What changed in an English page since the version a translation records, found in git history."""
from __future__ import annotations

import difflib
import re
import subprocess
from pathlib import Path

from .repo import ROOT
from .translation_pages import state
from .translation_record import fingerprint, readable


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                          text=True, encoding="utf-8").stdout


def recorded_version(source: Path, wanted: str, root: Path = ROOT) -> tuple[str, str] | None:
    """(commit, text) of the English page's version whose fingerprint is `wanted`, newest first."""
    relative = source.relative_to(root).as_posix()
    for commit in git(root, "log", "--format=%H", "--", relative).split():
        try:
            text = git(root, "show", f"{commit}:{relative}")
        except subprocess.CalledProcessError:
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
