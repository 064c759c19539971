"""Whatever a learner may paste from a lesson runs as Python: ASCII minus, no `...` placeholder.

A solution written with the typographic minus (−0.0924) is a SyntaxError when pasted, and a
`...` left in a list is a value Python accepts and then fails on far away. So every ```python
block of every lesson (both editions) parses, holds no `...`, and every number in a folded
solution is written with the ASCII '-'.
"""
import ast
import re
import textwrap

import nbformat
import pytest

from workshop_kit.repo import ROOT, every_lesson
from helpers.taught import PYTHON_BLOCK, SOLUTION

UNICODE_MINUS_NUMBER = re.compile(r"−\s?\d")   # U+2212; a range such as 1959–1997 is fine
INLINE_CODE = re.compile(r"`([^`\n]+)`")


def paste_problems(nb) -> list[str]:
    problems = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for _, block in PYTHON_BLOCK.findall(cell.source):
            first = block.strip().splitlines()[0] if block.strip() else ""
            try:
                tree = ast.parse(textwrap.dedent(block))
            except SyntaxError as error:
                problems.append(f"{first!r}: not valid Python when pasted ({error.msg})")
                continue
            if any(isinstance(node, ast.Constant) and node.value is Ellipsis for node in ast.walk(tree)):
                problems.append(f"{first!r}: holds `...`, which a learner would paste as a value")
        for solution in SOLUTION.findall(cell.source):
            for number in UNICODE_MINUS_NUMBER.findall(solution):
                problems.append(f"a solution writes {number!r} with a typographic minus, not '-'")
            for code in INLINE_CODE.findall(PYTHON_BLOCK.sub("", solution)):
                if "..." in code or "…" in code:
                    problems.append(f"a solution's code `{code}` holds '...': pasted, it fails")
    return problems


@pytest.mark.parametrize("lesson", every_lesson(),
                         ids=lambda lesson: lesson.relative_to(ROOT).with_suffix("").as_posix())
def test_what_a_learner_pastes_is_python(lesson):
    assert paste_problems(nbformat.read(lesson, as_version=4)) == []
