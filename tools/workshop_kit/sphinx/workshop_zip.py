"""Sphinx extension: the whole workshop as one download, `workshop.zip`, beside the site.

A reader who wants to run the lessons on their own computer, or who downloaded one lesson
and found it needs the rest, gets everything in one file from the home page: the lessons
(both editions when there are two), the learners' helpers (`notebooks/workshop`), the data,
and the environment files. It is made at build time from the checkout, with no network.
Symbolic links (binder/environment.yml, zh-TW/notebooks/workshop) are followed, so the zip
holds real files that work on any computer. Files the lessons write when run (test.png,
notes.txt, ...), which .gitignore lists, are left out, as are caches.

Entries are sorted and dated 1980-01-01, so an unchanged workshop gives the same zip.
"""
from __future__ import annotations

import fnmatch
import os
import zipfile
from pathlib import Path

ZIP_NAME = "workshop.zip"
TOP_FOLDER = "jupyterhub-workshop"   # what unzipping makes
# What a learner needs, from the top of the checkout.
INCLUDE = ["notebooks", "zh-TW/notebooks", "data", "binder", "environment.yml", "requirements",
           "README.md", "LICENSE", "CITATION.cff"]
NEVER = ["__pycache__", "*.pyc", ".ipynb_checkpoints", ".DS_Store"]
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def ignored_patterns(root: Path) -> list[str]:
    """The patterns .gitignore lists (the files lessons write when run), plus caches."""
    gitignore = root / ".gitignore"
    lines = gitignore.read_text(encoding="utf-8").splitlines() if gitignore.is_file() else []
    return NEVER + [line.strip().rstrip("/") for line in lines if line.strip() and not line.startswith("#")]


def _left_out(relative: str, patterns: list[str]) -> bool:
    parts = relative.split("/")
    return any(fnmatch.fnmatch(relative, p) or any(fnmatch.fnmatch(part, p) for part in parts)
               for p in patterns)


def files_to_pack(root: Path) -> list[str]:
    """Paths (relative to `root`, with /) of every file the zip holds, sorted."""
    patterns = ignored_patterns(root)
    found = set()
    for item in INCLUDE:
        start = root / item
        if start.is_file():
            found.add(item)
            continue
        if not start.is_dir():
            continue
        for folder, dirs, files in os.walk(start, followlinks=True):
            relative_folder = Path(folder).relative_to(root).as_posix()
            dirs[:] = [d for d in dirs if not _left_out(f"{relative_folder}/{d}", patterns)]
            found |= {f"{relative_folder}/{name}" for name in files
                      if not _left_out(f"{relative_folder}/{name}", patterns)}
    return sorted(found)


def write_zip(root: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for relative in files_to_pack(root):
            source = root / relative
            entry = zipfile.ZipInfo(f"{TOP_FOLDER}/{relative}", date_time=FIXED_TIME)
            executable = os.access(source, os.X_OK)
            entry.external_attr = (0o100755 if executable else 0o100644) << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, source.read_bytes())  # read_bytes follows symbolic links
    return target


def build_zip(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    write_zip(Path(app.srcdir), Path(app.outdir) / ZIP_NAME)


def setup(app):
    app.connect("build-finished", build_zip)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
