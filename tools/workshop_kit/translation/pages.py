"""Which page translates which, whether each translation is up to date with its English page,
and links into translated lessons (--anchors)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..repo import ROOT, TRANSLATIONS, Edition
from .record import Record, fingerprint, notebook_cells, read_record

# English book pages that stay English in every edition (the maintainers' page).
STAYS_ENGLISH = {"book/maintainers.md"}
# Pages that exist only in a translation: they translate no English page.
EDITION_ONLY = {"zh-TW": {"book/glossary.md"}}


# Every function takes the repository's folder (`root`), so the tests can run them on a copy.

def edition_of(path: Path, root: Path = ROOT) -> Edition:
    relative = path.resolve().relative_to(root)
    for edition in TRANSLATIONS:
        if relative.parts[0] == edition.folder:
            return edition
    raise ValueError(f"{path} is not in a translation's folder ({', '.join(e.folder for e in TRANSLATIONS)})")


def source_of(translation: Path, root: Path = ROOT) -> Path:
    """The English page a translated page translates: the same path without the edition folder."""
    edition = edition_of(translation, root)
    return root / translation.resolve().relative_to(root / edition.folder)


def translation_of(source: Path, edition: Edition, root: Path = ROOT) -> Path:
    return root / edition.folder / source.resolve().relative_to(root)


def _pages(folder: Path) -> list[Path]:
    return sorted((folder / "notebooks").glob("*.ipynb")) + sorted((folder / "book").glob("*.md"))


def english_sources(root: Path = ROOT) -> list[Path]:
    """Every English page that each edition must translate: the lessons and the book pages."""
    return [p for p in _pages(root) if p.relative_to(root).as_posix() not in STAYS_ENGLISH]


def translated_pages(edition: Edition, root: Path = ROOT) -> list[Path]:
    """The edition's pages that translate an English page (not its own extra pages)."""
    own = EDITION_ONLY.get(edition.language, set())
    folder = root / edition.folder
    return [p for p in _pages(folder) if p.relative_to(folder).as_posix() not in own]


def missing(edition: Edition, root: Path = ROOT) -> list[str]:
    """English pages the edition has no translation of, as repository paths."""
    return [s.relative_to(root).as_posix() for s in english_sources(root)
            if not translation_of(s, edition, root).is_file()]


@dataclass
class State:
    translation: Path
    source: Path
    recorded: Record | None
    current: str  # the English page's fingerprint now (working tree)
    root: Path = ROOT

    @property
    def up_to_date(self) -> bool:
        return self.recorded is not None and self.recorded.fingerprint == self.current

    def says(self) -> str:
        name = self.translation.relative_to(self.root).as_posix()
        source = self.source.relative_to(self.root).as_posix()
        if not self.source.is_file():
            return f"{name}: its English page {source} does not exist"
        if self.recorded is None:
            return (f"{name}: records no English version (run workshop-translation-diff --record "
                    f"{name} once it is translated)")
        if self.recorded.source != source:
            return f"{name}: records {self.recorded.source} as its source, not {source}"
        if not self.up_to_date:
            return f"{name}: {source} changed since this translation (see workshop-translation-diff {name})"
        return f"{name}: up to date"


def state(translation: Path, root: Path = ROOT) -> State:
    translation = translation.resolve()
    source = source_of(translation, root)
    current = fingerprint(source.read_text(encoding="utf-8"), source.suffix) if source.is_file() else ""
    return State(translation, source, read_record(translation), current, root)


# --- links into translated lessons ----------------------------------------------------------

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
