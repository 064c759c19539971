"""Every file or folder of the repository that a page names is in the repository.

A reader who follows `bench/results/lessons.json` or a link to another page must find it:
the book's pages (both editions) and the lessons' text may name only what `git ls-files`
holds, or a build output (made by the set-up script, never committed).
"""
import json
import posixpath
import re
import subprocess

import pytest

from workshop_kit.repo import ROOT

TRACKED = set(subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.splitlines())
FOLDERS = {posixpath.dirname(path) for path in TRACKED}
FOLDERS |= {posixpath.dirname(folder) for folder in FOLDERS}
TOP = {path.split("/")[0] for path in TRACKED}
# Made by tools/setup_and_build.sh, git-ignored: a page may say where they appear.
BUILD_OUTPUTS = ("_build/", ".venv/", "node_modules/")
# Files that are not the workshop's: a student's own files in the hub guide's table of what
# a click keeps.
EXAMPLES = {"data/ice-thickness.csv", "data/ice-thickness__20250314101500.csv"}

CODE = re.compile(r"`([^`\s]+)`")
FENCE = re.compile(r"^```.*?^```", re.S | re.M)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def pages():
    for page in sorted(ROOT.glob("book/*.md")) + sorted(ROOT.glob("zh-TW/book/*.md")):
        yield page, page.read_text(encoding="utf-8")
    for lesson in sorted(ROOT.glob("notebooks/*.ipynb")) + sorted(ROOT.glob("zh-TW/notebooks/*.ipynb")):
        cells = json.loads(lesson.read_text(encoding="utf-8"))["cells"]
        yield lesson, "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def named_paths(text: str) -> set[str]:
    """Repository paths in `code`: under a top-level entry of the repository, and a file
    (it has an extension) or a folder (it is one, or ends with '/'). Addresses on a hub such
    as `hub/user-redirect/git-pull` are neither."""
    found = set()
    for code in CODE.findall(text):
        path = code.rstrip(".,:;")
        name = path.rstrip("/").split("/")[-1]
        if path.split("/")[0] in TOP and "/" in path and (
                "." in name[1:] or path.endswith("/") or path.rstrip("/") in FOLDERS):
            found.add(path)
    return found


def linked_paths(page, text: str) -> set[str]:
    """Where the page's relative links lead, as repository paths (links shown as code, in a
    fenced block or `[text](address)`, are examples of the syntax, not links)."""
    text = CODE.sub("", FENCE.sub("", text))
    here = page.parent.relative_to(ROOT).as_posix()
    targets = (link.split("#")[0] for link in LINK.findall(text))
    return {posixpath.normpath(posixpath.join(here, target)) for target in targets
            if target and not re.match(r"^[a-z][a-z0-9+.-]*:", target) and not target.startswith("/")}


def missing(paths) -> list[str]:
    return sorted(path for path in paths
                  if path.rstrip("/") not in TRACKED | FOLDERS and path not in EXAMPLES
                  and not path.startswith(BUILD_OUTPUTS))


@pytest.mark.parametrize("page, text", list(pages()), ids=lambda value: getattr(value, "name", ""))
def test_every_repository_path_a_page_names_is_in_the_repository(page, text):
    assert missing(named_paths(text) | linked_paths(page, text)) == []


def test_the_check_sees_a_missing_file_a_folder_and_a_link():
    text = ("Results in `bench/results/lessons.json`, in `bench/results/`, made by `bench/hub_burst.py`;"
            " see [the guide](hub-setup.md) and [gone](../notebooks/99-gone.ipynb), on `hub/authorize`.")
    page = ROOT / "book" / "page.md"
    assert missing(named_paths(text) | linked_paths(page, text)) == [
        "bench/results/", "bench/results/lessons.json", "notebooks/99-gone.ipynb"]
