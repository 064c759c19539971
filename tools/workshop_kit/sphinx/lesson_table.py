"""Sphinx extension: the `lesson-table` directive, for the instructor guide.

It lists every lesson in `_toc.yml` order with its teaching and practice time (read from the
lesson's own Time line) and the nbgitpuller link that pulls it into a class hub, so the
guide can never disagree with the lessons. The hub and the repository are set in one place,
_config.yml, by `workshop-set-class` (read through class_links); until they are, the table
says how to set them instead of showing links. Each edition's table is in its language and
links to its own lessons.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
from docutils import nodes
from sphinx.util.docutils import SphinxDirective
from workshop.links import nbgitpuller_link  # the same code the lessons teach with

from ..lessons import TIME_LINES
from ..toc import toc_files
from .class_links import book_folder, workshop_class

# The table's words in each edition's language (Sphinx's `language`: en, zh_TW).
WORDS = {
    "en": {"lesson": "lesson", "teach": "teach", "practice": "practice",
           "pull": "pull into your hub", "open": "open", "min": "min", "all": "all lessons",
           "whole": "The link for the whole workshop, to copy:",
           "unset": "No links yet: set your hub and your copy of the workshop with "
                    "`workshop-set-class --repo URL --hub URL` and rebuild the book "
                    "([A hub for your class](hub-setup.md), step 4)."},
    "zh-TW": {"lesson": "課程", "teach": "教學", "practice": "練習", "pull": "拉進你的 Hub",
              "open": "開啟", "min": "分鐘", "all": "全部課程",
              "whole": "整個工作坊的連結，可以直接複製：",
              "unset": "還沒有連結：先用 `workshop-set-class --repo URL --hub URL` 設定你的 Hub "
                       "和你的工作坊副本，再重新建置這本書（[在一台機器上為班級架設 Hub](hub-setup.md)，第 4 步）。"},
}


def edition_language(config) -> str:
    return str(config.language or "en").replace("_", "-")


def lessons_in_toc(toc: Path) -> list[str]:
    """The lesson documents (notebooks/...) in the order the table of contents lists them.

    `toc` is the table of contents, or the book's folder that holds its _toc.yml."""
    toc = Path(toc)
    return [name for name in toc_files(toc / "_toc.yml" if toc.is_dir() else toc)
            if name.startswith("notebooks/")]


def lesson_facts(notebook: Path, language: str = "en") -> dict:
    first = nbformat.read(notebook, as_version=4).cells[0].source
    teach, practice = map(int, TIME_LINES[language].search(first).groups())
    title = re.match(r"# (.+)", first).group(1).strip()
    return {"title": title, "teach": teach, "practice": practice}


def open_link(url: str, text: str = "open") -> str:
    """An HTML link: MyST escapes '&' in Markdown link targets twice, which breaks the query."""
    return f'<a href="{html.escape(url)}">{html.escape(text)}</a>'


def table_lines(srcdir: Path, toc: Path, addresses, book: str, language: str,
                note=lambda path: None) -> list[str]:
    """The guide's table, as Markdown lines: every lesson with its times and its link.

    `addresses` as class_links gives them; `book` the edition's folder in the repository
    ("" or "zh-TW"); `note` is told each lesson file read.
    """
    w = WORDS[language]
    ready = addresses.is_set and addresses.hub
    prefix = f"{book}/" if book else ""
    lines = [f"| {w['lesson']} | {w['teach']} | {w['practice']} | {w['pull']} |", "|---|---|---|---|"]
    total_teach = total_practice = 0
    for docname in lessons_in_toc(toc):
        notebook = srcdir / f"{docname}.ipynb"
        note(notebook)
        facts = lesson_facts(notebook, language)
        total_teach += facts["teach"]
        total_practice += facts["practice"]
        link = (open_link(nbgitpuller_link(addresses.hub, addresses.repo, addresses.branch,
                                           path=f"{prefix}{docname}.ipynb"), w["open"]) if ready else "")
        lines.append(f"| {{doc}}`{facts['title']} </{docname}>` | {facts['teach']} {w['min']} | "
                     f"{facts['practice']} {w['min']} | {link} |")
    totals = f"| **{w['all']}** | **{total_teach} {w['min']}** | **{total_practice} {w['min']}** |"
    if not ready:
        return lines + [f"{totals} |", "", w["unset"]]
    whole = nbgitpuller_link(addresses.hub, addresses.repo, addresses.branch,
                             path=f"{prefix}notebooks" if prefix else None)
    return lines + [f"{totals} {open_link(whole, w['open'])} |", "", w["whole"], "", "```text", whole, "```"]


class LessonTable(SphinxDirective):
    has_content = False

    def run(self):
        srcdir = Path(self.env.srcdir)
        # Jupyter Book names the table of contents it was given (a translation's is generated).
        toc = Path(getattr(self.config, "external_toc_path", "") or srcdir / "_toc.yml")
        if not toc.is_absolute():
            toc = srcdir / toc
        lines = table_lines(srcdir, toc, workshop_class(self.env.app), book_folder(self.config),
                            edition_language(self.config),
                            note=lambda path: self.env.note_dependency(str(path)))  # re-render on change
        container = nodes.container(classes=["lesson-table"])
        self.state.nested_parse(lines, self.content_offset, container)
        return [container]


def setup(app):
    app.add_directive("lesson-table", LessonTable)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
