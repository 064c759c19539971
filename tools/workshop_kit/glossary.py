"""The zh-TW glossary (zh-TW/book/glossary.md), read as data.

The page records the term choices of the Traditional Chinese edition in Markdown tables. The
first column is the English, the second the Chinese the edition uses (several separated by
、). Under the heading that starts with "JupyterLab" the rows are the words of JupyterLab's
screens: the first column is JupyterLab's English text and the second exactly what the
installed zh-TW language pack shows, or "—" where the pack leaves the English on screen.

Two things use it: the search index (every Chinese term is a word of its own, see
workshop_kit.sphinx.search_words) and the tests (every UI word it cites is in the pack, and
searching for any term finds every page that uses it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .repo import TRADITIONAL_CHINESE

GLOSSARY = TRADITIONAL_CHINESE.book_dir / "glossary.md"
UNTRANSLATED = "—"  # the pack shows the English words
_ROW = re.compile(r"^\|(.+)\|\s*$")
_WORD = re.compile(r"[^\W_]+")  # letters and digits, as a search box splits a query


@dataclass(frozen=True)
class Entry:
    section: str
    english: str
    chinese: tuple[str, ...]  # empty for a UI word the pack leaves in English
    avoided: tuple[str, ...] = ()  # words the edition does not use for it (the 不用 column)
    context: str = ""  # a UI word's context in the language pack (msgctxt), e.g. "menu"

    @property
    def is_ui(self) -> bool:
        return self.section.startswith("JupyterLab")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in _ROW.match(line).group(1).split("|")]


def _terms(cell: str) -> tuple[str, ...]:
    return tuple(term.strip() for term in cell.split("、") if term.strip())


def entries(path: Path = GLOSSARY) -> list[Entry]:
    found, section, header_seen = [], "", False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section, header_seen = line[3:].strip(), False
            continue
        if not _ROW.match(line):
            header_seen = False
            continue
        cells = _cells(line)
        if not header_seen:  # the header row, then the |---| row
            header_seen = True
            continue
        if set("".join(cells)) <= set("-: "):
            continue
        english, chinese = cells[0], cells[1]
        terms = () if chinese == UNTRANSLATED else _terms(chinese)
        if section.startswith("JupyterLab"):
            found.append(Entry(section, english, terms, context=cells[2]))
        else:
            found.append(Entry(section, english, terms, avoided=_terms(cells[2])))
    return found


def search_words(path: Path = GLOSSARY) -> list[str]:
    """Every Chinese term of the glossary, as a search box would split it into words."""
    words = []
    for entry in entries(path):
        for term in entry.chinese:
            for word in _WORD.findall(term):
                # Sphinx indexes no one-letter words, so a one-character term (圖) is left out.
                if len(word) > 1 and re.search(r"[\u4e00-\u9fff]", word) and word not in words:
                    words.append(word)
    return words
