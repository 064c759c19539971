"""Links into translated lessons: point them at the translated heading of the section they name."""
from __future__ import annotations

import re
from pathlib import Path

from .repo import ROOT
from .translation_pages import source_of
from .translation_record import notebook_cells


HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)
MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|[`*_]")  # links keep their text; code and emphasis marks go
LESSON_LINK = re.compile(r"\((?P<path>(?:\.\./)*notebooks/[\w-]+\.ipynb|[\w-]+\.ipynb)#(?P<slug>[^)\s]+)\)")


def headings(page: Path) -> list[str]:
    """A page's headings as plain text (a notebook's from its Markdown cells)."""
    text = page.read_text(encoding="utf-8")
    if page.suffix == ".ipynb":
        text = "\n".join(cell["source"] for cell in notebook_cells(text) if cell["kind"] == "markdown")
    return [MARKUP.sub(lambda m: m.group(1) or "", h) for h in HEADING.findall(text)]


def translate_anchors(page: Path, root: Path = ROOT) -> list[str]:
    """In a translated page, point links to a translated lesson's section at its Chinese heading.

    A link such as (../notebooks/04-...ipynb#opening-a-terminal) names the English heading;
    once that lesson is translated the section is #打開終端機. The lessons' headings
    correspond one to one, so the English heading's place gives the translated one. Returns
    what was changed; the strict build reports any link this cannot mend.
    """
    from myst_parser.mdit_to_docutils.base import default_slugify

    changed = []

    def mend(match):
        target = (page.parent / match["path"]).resolve()
        if not target.is_file():
            return match.group(0)
        ours = [default_slugify(h) for h in headings(target)]
        theirs = [default_slugify(h) for h in headings(source_of(target, root))]
        if match["slug"] in ours or match["slug"] not in theirs or len(ours) != len(theirs):
            return match.group(0)
        new = ours[theirs.index(match["slug"])]
        changed.append(f"{match['path']}#{match['slug']} -> #{new}")
        return f"({match['path']}#{new})"

    text = page.read_text(encoding="utf-8")
    mended = LESSON_LINK.sub(mend, text)
    if mended != text:
        page.write_text(mended, encoding="utf-8")
    return changed
