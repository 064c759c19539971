"""Nothing used before it is taught: the Python an exercise needs, against what came before.

Each lesson's code is read (helpers.python_constructs, with Python's own parser) for
the constructs a beginner has to know: `import ... as`, a position or key in square
brackets, a named argument, an f-string and its format (`:.2f`), a comprehension, a loop,
several names at once, ... An exercise (the code it gives and its folded solution) may
only use what the learner has been taught by then:

- what *The Python you need* (PRIMER) teaches, in every lesson after it in `_toc.yml`;
- what a teaching cell of the same lesson showed before the exercise, right where the
  learner read it.

Being shown once, lessons ago, in passing, does not count. Teaching cells are the visible
code cells and the Python examples written in Markdown; code folded away as "you do not
need to read it" (tag `hide-input`) teaches nothing. A function the exercise's own text
names (`.sum()`, `polyfit`) counts as taught. A way of writing numbers (`3e-9`,
`496_000`) is taught only where a lesson's text shows it in `code`: seeing it in a cell
does not tell a beginner what it means. Self-check cells are left out: the learner
only types a value into them, as the primer's "Answering a self-check" explains.

    from helpers.taught import untaught_in_workshop
    untaught_in_workshop()   # {lesson: ["exercise 1 uses ... before it is taught", ...]}
"""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import nbformat

from helpers.python_constructs import NOTATIONS, constructs, names_called, notations_named
from workshop_kit.repo import LESSONS_DIR, ROOT

PRIMER = "02-python-you-need"
PYTHON_BLOCK = re.compile(r"^([ \t]*)```python\n(.*?)^\1```", re.M | re.S)
SOLUTION = re.compile(r"<details>.*?</details>", re.S)


def _source(cell) -> str:
    return cell.source if isinstance(cell.source, str) else "".join(cell.source)


def _is_check_cell(source: str) -> bool:
    return re.search(r"\bcheck\.(number|choice)\(", source) is not None


def lesson_parts(nb) -> list[tuple[str, str, str]]:
    """The lesson in reading order as ("teach", code, ""), ("exercise", code, prompt) and
    ("text", "", markdown) parts; an exercise's prompt is its Markdown outside the folded
    solution."""
    parts = []
    for index, cell in enumerate(nb.cells):
        source = _source(cell)
        if cell.cell_type == "markdown":
            blocks = [block for _, block in PYTHON_BLOCK.findall(source)]
            parts.append(("text", "", SOLUTION.sub("", PYTHON_BLOCK.sub("", source))))
            if source.startswith("## Exercise"):
                prompt = SOLUTION.sub("", source)
                parts += [("exercise", textwrap.dedent(block), prompt) for block in blocks]
            else:
                parts += [("teach", textwrap.dedent(block), "") for block in blocks]
        elif cell.cell_type == "code":
            tags = cell.metadata.get("tags", [])
            if index == 1 or "hide-input" in tags:
                continue  # the set-up cell and folded-away code teach nothing
            if not _is_check_cell(source):  # a self-check cell: the learner types only a value
                parts.append(("teach", source, ""))
    return parts


def untaught(nb, known: set[str]) -> tuple[list[str], set[str]]:
    """(problems, known at the end of this lesson): what this lesson's exercises use before
    it is taught, given `known` (constructs, and names of the functions called, that the
    learner already has from the primer)."""
    if nb.metadata.kernelspec.language.lower() != "python":
        return [], known
    known = set(known)
    problems = []
    for kind, code, prompt in lesson_parts(nb):
        if kind == "text":
            known |= notations_named(prompt)
            continue
        used = constructs(code)
        called = {f"{name}()" for name in names_called(code)}
        if kind == "teach":
            known |= (used - NOTATIONS) | called
            continue
        first_line = code.strip().splitlines()[0] if code.strip() else ""
        for construct in sorted(used - known):
            problems.append(f"{construct}: used in exercise code {first_line!r}, but neither "
                            f"{PRIMER} nor this lesson before the exercise shows it")
        for name in sorted(called - known):
            if not re.search(rf"\b{re.escape(name[:-2])}\b", prompt):
                problems.append(f"{name}: called in exercise code {first_line!r}, but neither "
                                f"{PRIMER} nor this lesson before the exercise shows it, and "
                                "the exercise does not name it")
    return problems, known


def lessons_in_order() -> list[Path]:
    """The lessons in the order _toc.yml gives learners."""
    from workshop_kit.sphinx.lesson_table import lessons_in_toc
    return [ROOT / f"{doc}.ipynb" for doc in lessons_in_toc(ROOT) if (ROOT / f"{doc}.ipynb").parent == LESSONS_DIR]


def untaught_in_workshop(lessons: list[Path] | None = None) -> dict[str, list[str]]:
    """{lesson name: problems} for every lesson, in _toc.yml order: each exercise judged by
    what the primer (for lessons after it) and its own lesson taught before it."""
    primer: set[str] = set()
    report = {}
    for lesson in lessons or lessons_in_order():
        problems, taught_here = untaught(nbformat.read(lesson, as_version=4), primer)
        report[lesson.stem] = problems
        if lesson.stem == PRIMER:
            primer = taught_here
    return report
