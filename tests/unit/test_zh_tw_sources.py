"""The zh-TW edition's sources in Taiwanese Chinese (issue #25): its lessons (text, the strings
and comments of code, stored outputs), its pages, and what the learners' helpers say in Chinese
(their message tables, tools/selfchecks.yml). The words are in tools/zh_tw_words.yml, the checks
in tests/helpers/taiwan_usage.py; tests/site/test_zh_tw_site.py checks the built pages' frame.
English in Chinese text is allowed only as code, a name or interface phrase of the lists, or
followed once on the page by its Chinese in full-width parentheses (issue #25)."""
import ast
import csv
import re

import nbformat
import pytest
import yaml
from helpers import taiwan_usage
from workshop_kit.repo import ROOT

EDITION = ROOT / "zh-TW"
HELPERS = ROOT / "notebooks" / "workshop"
SELFCHECKS = ROOT / "tools" / "selfchecks.yml"
CODE_TEXT = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|#.*$", re.M)  # strings and comments


def markdown_pieces(text: str):
    """Paragraphs, list items, headings and table cells, code blocks left out. A table column
    headed English or 不用 (the glossary's) lists words, not text."""
    text = re.sub(r"^(```|~~~).*?^\1", "", text, flags=re.S | re.M)
    words_only = set()
    for block in re.split(r"\n\s*\n", text):
        for line in re.split(r"\n(?=\s*(?:[-*] |\d+\. |#|\|))", block):
            if not line.lstrip().startswith("|"):
                yield line
                continue
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if {"English", "不用"} & set(cells):
                words_only = {i for i, cell in enumerate(cells) if cell in ("English", "不用")}
            yield from (cell for i, cell in enumerate(cells) if i not in words_only)


def lesson_pieces(path):
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":
            yield from markdown_pieces(cell.source)
        elif cell.cell_type == "code":
            yield from (m.group() for m in CODE_TEXT.finditer(cell.source))
            for output in cell.get("outputs", []):
                shown = output.get("data", {})  # text/plain only when nothing richer (a figure, a table) is shown
                yield from (output.get("text") or (shown.get("text/plain", "") if len(shown) == 1 else "")).splitlines()


def strings(value):
    """Every string in parsed YAML."""
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return [value] if isinstance(value, str) else []


def python_strings(path):
    """Every string of a helper's module: the Chinese ones are its messages."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def table_messages(path):
    return [row["zh-TW"] for row in csv.DictReader(path.open(encoding="utf-8"), delimiter="\t")]


# (file, its pieces of text): what a zh-TW learner or teacher reads. zh-TW/README.md is
# English, for translators.
def page_pieces(path):
    return markdown_pieces(path.read_text(encoding="utf-8"))


def selfcheck_texts(path):
    return strings(yaml.safe_load(path.read_text(encoding="utf-8")))


SOURCES = [*((p, lesson_pieces) for p in sorted((EDITION / "notebooks").glob("*.ipynb"))),
           *((p, page_pieces) for p in sorted((EDITION / "book").glob("*.md"))),
           *((p, python_strings) for p in sorted(HELPERS.rglob("*.py"))),
           *((p, table_messages) for p in sorted(HELPERS.glob("*.tsv"))),
           (SELFCHECKS, selfcheck_texts)]
IDS = [str(path.relative_to(ROOT)) for path, _ in SOURCES]


def chinese_pieces(path, pieces):
    return [piece.strip() for piece in pieces(path) if taiwan_usage.chinese(piece)]


def said(path, found):
    return f"{path.relative_to(ROOT)}:\n" + "\n".join(f"{problem}   in: {piece[:100]}" for problem, piece in found)


@pytest.mark.parametrize("path, pieces", SOURCES, ids=IDS)
def test_no_mainland_words_or_simplified_characters(path, pieces):
    found = [(p, piece.strip()) for piece in pieces(path) for p in taiwan_usage.mainland(piece)]
    assert not found, said(path, found)


@pytest.mark.parametrize("path, pieces", SOURCES, ids=IDS)
def test_english_only_as_names_or_explained(path, pieces):
    texts = chinese_pieces(path, pieces)
    explained = taiwan_usage.explained_interface(texts)
    found = [(p, piece) for piece in texts for p in taiwan_usage.english(piece, explained)]
    assert not found, said(path, found)


@pytest.mark.parametrize("path, pieces", SOURCES, ids=IDS)
def test_full_width_punctuation(path, pieces):
    found = [(p, piece) for piece in chinese_pieces(path, pieces) for p in taiwan_usage.punctuation(piece)]
    assert not found, said(path, found)
