"""Sphinx extension: the `lesson-table` directive, for the instructor guide.

It lists every lesson in `_toc.yml` order with its teaching and practice time (read from the
lesson's own Time line) and the nbgitpuller link that pulls it into a class hub, so the
guide can never disagree with the lessons. The hub and the repository are set in one place,
_config.yml, by `workshop-set-class` (read through class_links); until they are, the table
says how to set them instead of showing links.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import yaml
from docutils import nodes
from sphinx.util.docutils import SphinxDirective
from workshop.links import nbgitpuller_link  # the same code the lessons teach with

from ..lessons import TIME_LINE
from .class_links import workshop_class


def lessons_in_toc(srcdir: Path) -> list[str]:
    """The lesson documents (notebooks/...) in the order _toc.yml lists them."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            if str(node.get("file", "")).startswith("notebooks/"):
                found.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(yaml.safe_load((srcdir / "_toc.yml").read_text(encoding="utf-8")))
    return found


def lesson_facts(notebook: Path) -> dict:
    first = nbformat.read(notebook, as_version=4).cells[0].source
    teach, practice = map(int, TIME_LINE.search(first).groups())
    title = re.match(r"# (.+)", first).group(1).strip()
    return {"title": title, "teach": teach, "practice": practice}


def open_link(url: str) -> str:
    """An HTML link: MyST escapes '&' in Markdown link targets twice, which breaks the query."""
    return f'<a href="{html.escape(url)}">open</a>'


class LessonTable(SphinxDirective):
    has_content = False

    def run(self):
        srcdir = Path(self.env.srcdir)
        addresses = workshop_class(self.env.app)
        ready = addresses.is_set and addresses.hub
        lines = ["| lesson | teach | practice | pull into your hub |", "|---|---|---|---|"]
        total_teach = total_practice = 0
        for docname in lessons_in_toc(srcdir):
            notebook = srcdir / f"{docname}.ipynb"
            self.env.note_dependency(str(notebook))  # re-render when a lesson changes
            facts = lesson_facts(notebook)
            total_teach += facts["teach"]
            total_practice += facts["practice"]
            link = (open_link(nbgitpuller_link(addresses.hub, addresses.repo, addresses.branch,
                                               path=f"{docname}.ipynb")) if ready else "")
            lines.append(f"| {{doc}}`{facts['title']} </{docname}>` | {facts['teach']} min | "
                         f"{facts['practice']} min | {link} |")
        if ready:
            whole = nbgitpuller_link(addresses.hub, addresses.repo, addresses.branch)
            lines += [f"| **all lessons** | **{total_teach} min** | **{total_practice} min** | "
                      f"{open_link(whole)} |", "", "The link for the whole workshop, to copy:",
                      "", "```text", whole, "```"]
        else:
            lines += [f"| **all lessons** | **{total_teach} min** | **{total_practice} min** | |",
                      "", "No links yet: set your hub and your copy of the workshop with "
                      "`workshop-set-class --repo URL --hub URL` and rebuild the book "
                      "([A hub for your class](hub-setup.md), step 4)."]
        container = nodes.container(classes=["lesson-table"])
        self.state.nested_parse(lines, self.content_offset, container)
        return [container]


def setup(app):
    app.add_directive("lesson-table", LessonTable)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
