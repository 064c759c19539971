"""The note left at a renamed or retired lesson's old path, in each edition's language.

The note is the old lesson itself with one markdown cell put on top, saying where the lesson
went (see workshop_kit.lesson_paths for why). Put on top, it merges cleanly into a copy the
student had edited (nbgitpuller's merge sees the teacher add lines before the student's
changes), so the old link shows the note to everyone, and the student's work is still below
it. It is written exactly as JupyterLab saves a notebook (nbformat's JSON, the old lesson's
own metadata, cell ids), so that it opens unmodified: a note without the kernel's
language_info got it filled in by the kernel on opening, which marked it modified.
"""
from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath

import nbformat

from .repo import moved_to

NOTE_ID = "lesson-moved"  # the note cell's id: how a copy that already has the note is told
# (moved or retired, language) -> the note's Markdown.
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

# Below the note, the old lesson follows: said once, so nobody mistakes it for the new one.
BELOW = {
    "en": "Below is this lesson as it was, with your own work in it if you had started it: "
          "nothing you wrote here is lost.",
    "zh-TW": "下面是這一課原本的樣子；如果你已經開始做了，你寫的東西也都在裡面，一樣都沒有少。",
}


def redirect_notebook(link: str, title: str, language: str = "en", kind: str = "moved",
                      old: str | None = None) -> str:
    """The note left at a lesson's old path: the old lesson `old` (its notebook text, if
    known) with the note on top, as JupyterLab saves it."""
    source = NOTE[(kind, language)].format(title=title, link=link, name=PurePosixPath(link).name)
    if old:
        notebook = nbformat.reads(old, as_version=4)
        notebook.cells = [c for c in notebook.cells if c.get("id") != NOTE_ID]  # retired twice
        source += "\n\n" + BELOW[language]
    else:
        notebook = nbformat.v4.new_notebook()
        notebook.metadata.kernelspec = {"display_name": "Python 3 (ipykernel)",
                                        "language": "python", "name": "python3"}
    note = nbformat.v4.new_markdown_cell(source, id=NOTE_ID)
    note.metadata["workshop"] = {"moved_to": link}
    notebook.cells.insert(0, note)
    notebook.metadata["workshop"] = {"moved_to": link}
    return nbformat.writes(notebook) + "\n"  # what JupyterLab's save writes, byte for byte


def saved_as_jupyterlab_saves(text: str) -> bool:
    """Does a load and save (JupyterLab's, nbformat's) give back exactly these bytes?"""
    try:
        return nbformat.writes(nbformat.reads(text, as_version=4)) + "\n" == text
    except Exception:  # noqa: BLE001 (any reason it cannot be read is a "no")
        return False


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
