"""Translations that cannot drift: each translated page records which English version it translates.

A translated lesson keeps, in its notebook metadata, the fingerprint of the English lesson it
was translated from; a translated book page keeps it in its front matter:

    "metadata": {"workshop": {"translation_of": {"source": "notebooks/02-notebook-basics.ipynb",
                                                 "fingerprint": "sha256:..."}}}

    ---
    translation_of:
      source: book/intro.md
      fingerprint: sha256:...
    ---

The fingerprint covers what a translator must follow: each cell's kind, text and metadata (alt
text, tags), never the outputs. tests/test_translations.py fails, naming the page, as soon as
the English differs from the recorded version. The translator then runs

    workshop-translation-diff zh-TW/notebooks/02-notebook-basics.ipynb            # what changed
    workshop-translation-diff --record zh-TW/notebooks/02-notebook-basics.ipynb   # after updating
    workshop-translation-diff                                                     # every page's state
    workshop-translation-diff --anchors zh-TW/book/instructor-guide.md             # links into newly
                                                                                  # translated lessons

The diff finds the recorded version in the English file's git history (the version whose
fingerprint matches) and prints, cell by cell, what changed in the English since then.
"""
from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .repo import ROOT, TRANSLATIONS, Edition

# English book pages that stay English in every edition (the maintainers' page).
STAYS_ENGLISH = {"book/maintainers.md"}
# Pages that exist only in a translation: they translate no English page.
EDITION_ONLY = {"zh-TW": {"book/glossary.md"}}
# Cell metadata that is the state of someone's screen, not content to translate.
SCREEN_STATE = {"execution", "collapsed", "scrolled", "jupyter", "ExecuteTime", "trusted",
                "editable", "deletable"}
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


# --- what a page is made of ----------------------------------------------------------------

def notebook_cells(text: str) -> list[dict]:
    """The parts of a notebook a translation follows: kind, text and content metadata of each cell."""
    nb = json.loads(text)
    cells = []
    for cell in nb["cells"]:
        source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        metadata = {k: v for k, v in cell.get("metadata", {}).items() if k not in SCREEN_STATE}
        cells.append({"kind": cell["cell_type"], "source": source, "metadata": metadata})
    return cells


def page_body(text: str) -> str:
    """A Markdown page without its translation record (the rest of the front matter stays)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return text
    import yaml

    meta = yaml.safe_load(match.group(1)) or {}
    meta.pop("translation_of", None)
    rest = text[match.end():]
    return rest if not meta else f"---\n{yaml.safe_dump(meta, allow_unicode=True).strip()}\n---\n{rest}"


def fingerprint(text: str, suffix: str) -> str:
    """sha256 of what a translator follows in an English page (its text as stored in git)."""
    if suffix == ".ipynb":
        content = json.dumps(notebook_cells(text), sort_keys=True, ensure_ascii=False)
    else:
        content = page_body(text)
    return "sha256:" + hashlib.sha256(content.encode("utf-8")).hexdigest()


def readable(text: str, suffix: str) -> list[str]:
    """A page as lines a person can diff: a notebook cell by cell, with its alt text and tags."""
    if suffix != ".ipynb":
        return page_body(text).splitlines()
    lines = []
    for number, cell in enumerate(notebook_cells(text)):
        lines.append(f"=== cell {number} ({cell['kind']}) ===")
        lines += cell["source"].splitlines()
        for key, value in sorted(cell["metadata"].items()):
            lines.append(f"[metadata {key}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}]")
    return lines


# --- where the record is kept ---------------------------------------------------------------

@dataclass
class Record:
    source: str  # the English page, from the repository's root: notebooks/02-....ipynb
    fingerprint: str


def read_record(translation: Path) -> Record | None:
    text = translation.read_text(encoding="utf-8")
    if translation.suffix == ".ipynb":
        found = json.loads(text).get("metadata", {}).get("workshop", {}).get("translation_of")
    else:
        import yaml

        match = FRONT_MATTER.match(text)
        found = (yaml.safe_load(match.group(1)) or {}).get("translation_of") if match else None
    if not isinstance(found, dict) or not {"source", "fingerprint"} <= set(found):
        return None
    return Record(str(found["source"]), str(found["fingerprint"]))


def write_record(translation: Path, record: Record) -> None:
    entry = {"source": record.source, "fingerprint": record.fingerprint}
    text = translation.read_text(encoding="utf-8")
    if translation.suffix == ".ipynb":
        nb = json.loads(text)
        nb.setdefault("metadata", {}).setdefault("workshop", {})["translation_of"] = entry
        # The layout Jupyter itself writes (nbformat): one-space indent, no ASCII escapes.
        translation.write_text(json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                               encoding="utf-8")
        return
    body = page_body(text)
    lines = ["translation_of:", f"  source: {entry['source']}", f"  fingerprint: {entry['fingerprint']}"]
    match = FRONT_MATTER.match(body)
    if match:  # keep the page's own front matter, the record first
        body = f"---\n{chr(10).join(lines)}\n{match.group(1)}\n---\n{body[match.end():]}"
    else:
        body = f"---\n{chr(10).join(lines)}\n---\n{body}"
    translation.write_text(body, encoding="utf-8")


# --- which pages are translations of which ---------------------------------------------------

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


# --- the recorded version in git history ------------------------------------------------------

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


# --- the command ----------------------------------------------------------------------------

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
