"""No lesson gives away its own self-check answers before the learner tries.

The folded solution (`<details>...</details>` in an exercise) is the one place an answer
may be looked up. Everywhere else in a lesson, in what the website shows and a learner
reads in JupyterLab, the answer must not appear: not in a code cell's source, not in a
stored output, not in Markdown outside the solution. That covers the expected number in
each form a learner might read it (every rounding the check accepts, with a point or a
decimal comma, with or without its minus sign), the right choice's explanation, and the
old way of writing checks with `expected=` or `correct=` beside the question. (In code, a
single digit such as the 9 of `fontsize=9` is too common to count; its output would show it.)
"""
from __future__ import annotations

import re

import nbformat
import pytest

from helpers.leaks import leaked
from workshop import store
from workshop_kit.repo import LESSONS, LESSONS_DIR

QUESTIONS = store.load()
CHECK_CALL = re.compile(r"""check(?:\.|_)(?:number|choice)\(\s*"([^"]+)\"""")
SOLUTION = re.compile(r"<details>.*?</details>", re.S)
OLD_STYLE = re.compile(r"\b(expected|correct|explanations)\s*=")
TEXT_OUTPUTS = ("text/plain", "text/html", "text/markdown", "text/latex")


def visible_texts(nb) -> list[tuple[str, str]]:
    """(where, text) for everything a reader sees before opening a solution."""
    texts = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            texts.append((f"cell {index} (Markdown outside the solution)", SOLUTION.sub("", cell.source)))
        elif cell.cell_type == "code":
            texts.append((f"cell {index} (code)", cell.source))
            for output in cell.get("outputs", []):
                text = output.get("text", "")
                data = output.get("data", {})
                text += "".join("".join(data[kind]) if isinstance(data[kind], list) else str(data[kind])
                                for kind in TEXT_OUTPUTS if kind in data)
                text += " ".join(output.get("traceback", []))
                texts.append((f"cell {index} (stored output)", text))
    return texts


def leaks_in(nb) -> list[str]:
    """Every place a lesson shows one of its own answers, in words."""
    asked = {qid for cell in nb.cells if cell.cell_type == "code" for qid in CHECK_CALL.findall(cell.source)}
    found = []
    for where, text in visible_texts(nb):
        if where.endswith("(code)") and OLD_STYLE.search(text) and "check." in text:
            found.append(f"{where}: the answer is written beside the check ({OLD_STYLE.search(text).group()})")
        for qid in sorted(asked):
            for piece in leaked(text, QUESTIONS[qid]):
                if not (where.endswith("(code)") and re.fullmatch(r"\d", piece)):
                    found.append(f"{where} shows the answer to {qid}: {piece!r}")
    return found


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_no_lesson_shows_its_own_answers(lesson):
    nb = nbformat.read(lesson, as_version=4)
    assert any(CHECK_CALL.search(c.source) for c in nb.cells if c.cell_type == "code"), \
        f"{lesson.name} asks no self-check question"
    assert leaks_in(nb) == []


def test_the_no_leak_check_finds_answers_put_back():
    """The check bites: the old style of self-check, a key point that states the answer, a
    printed answer and a right explanation in the text are each reported."""
    nb = nbformat.read(LESSONS_DIR / "08-map-taiwan-earthquakes.ipynb", as_version=4)
    assert leaks_in(nb) == []
    nb.cells.append(nbformat.v4.new_code_cell(
        'check.number(my_count, expected=9.0, unit="earthquakes")',
        outputs=[nbformat.v4.new_output("stream", text="❌ Not yet: 8 is too low; it is 9.\n")]))
    nb.cells.append(nbformat.v4.new_markdown_cell("## Key points\n\n- 9 earthquakes reached magnitude 5."))
    nb.cells.append(nbformat.v4.new_markdown_cell("<details>Nine, or 9, in the solution is fine.</details>"))
    found = " | ".join(leaks_in(nb))
    assert "expected=" in found
    assert found.count("shows the answer to 08-big-quakes") == 3  # source, output, key point
    nb = nbformat.read(LESSONS_DIR / "03-kernels-python.ipynb", as_version=4)
    right = QUESTIONS["03-rpy2-kernel"]["options"]["b"]["en"]
    nb.cells[2].source += f"\n\nRemember: {right}"
    assert "shows the answer to 03-rpy2-kernel" in " | ".join(leaks_in(nb))
