"""The note left at a renamed or retired lesson's old path, in each edition's language.

A note is ONE line of JSON, on purpose (see workshop_kit.lesson_paths): a student who had
edited the old lesson keeps their version whole when nbgitpuller merges the note in.
"""
from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath

from .repo import moved_to

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
