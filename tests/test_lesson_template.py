"""Every lesson follows the template in CONTRIBUTING.md. A lesson that lacks a part fails here."""
import re

import nbformat
import pytest

from workshop_kit.repo import LESSONS, LESSONS_DIR
from workshop_kit.lessons import TIME_LINE  # the guide's timetable reads the same line

SOLUTION = re.compile(r"<details>\s*<summary>Solution</summary>.+?</details>", re.S)
MARKDOWN_IMAGE = re.compile(r"!\[([^\]]*)\]\(")
FIGURE_TYPES = ("image/png", "image/jpeg", "image/svg+xml")


def lesson_problems(nb) -> list[str]:
    """What a lesson lacks, in words; empty when it follows the template."""
    problems = []
    cells = nb.cells
    markdown = [c.source for c in cells if c.cell_type == "markdown"]
    if not markdown or cells[0].cell_type != "markdown":
        return ["the first cell is not Markdown"]
    first = cells[0].source
    if not first.startswith("# "):
        problems.append("the first cell does not start with a '# Title'")
    if not TIME_LINE.search(first):
        problems.append("no '**Time:** N minutes teaching, M minutes practice' line")
    if "**Prerequisites:**" not in first:
        problems.append("no '**Prerequisites:**' line")
    if not re.search(r"^## Objectives\s*$(.|\n)*^- ", first, re.M):
        problems.append("no '## Objectives' section with a bullet list")

    exercises = [s for s in markdown if re.match(r"## Exercise", s)]
    if not exercises:
        problems.append("no '## Exercise' cell")
    for exercise in exercises:
        if not SOLUTION.search(exercise):
            problems.append("an exercise has no folded <details><summary>Solution</summary>")

    check_at = [i for i, c in enumerate(cells) if c.cell_type == "markdown" and c.source.startswith("## Self-check")]
    if not check_at:
        problems.append("no '## Self-check' cell")
    else:
        following = [c for c in cells[check_at[0] + 1:] if c.cell_type == "code"][:1]
        if not following or not re.search(r"check\.\w+\(|Not yet", following[0].source):
            problems.append("the self-check is not followed by a code cell that gives feedback")

    last = cells[-1]
    if last.cell_type != "markdown" or not re.match(r"## Key points\s*\n(.|\n)*^- ", last.source, re.M):
        problems.append("the last cell is not '## Key points' with a bullet list")

    for i, cell in enumerate(cells):
        if cell.cell_type == "markdown":
            if any(not alt.strip() for alt in MARKDOWN_IMAGE.findall(cell.source)):
                problems.append(f"cell {i}: a Markdown image has no alt text")
            continue
        if cell.cell_type != "code":
            continue
        draws = any(t in out.get("data", {}) for out in cell.outputs for t in FIGURE_TYPES)
        alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt", "")
        if draws and len(alt) < 30:
            problems.append(f"cell {i} draws a figure without alt text (mystnb.image.alt)")
        if "../data" in cell.source:
            problems.append(f"cell {i} reads '../data': use data.path(...) from workshop")
        errors = [o for o in cell.outputs if o.output_type == "error"]
        if errors and "raises-exception" not in cell.metadata.get("tags", []):
            problems.append(f"cell {i} stores an error but is not tagged raises-exception")
    return problems


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_lesson_follows_the_template(lesson):
    assert lesson_problems(nbformat.read(lesson, as_version=4)) == []


def test_the_template_check_finds_what_is_missing():
    """The check bites: take a good lesson apart and each missing piece is reported."""
    nb = nbformat.read(LESSONS_DIR / "02-notebook-basics.ipynb", as_version=4)
    assert lesson_problems(nb) == []
    nb.cells[0].source = nb.cells[0].source.replace("**Time:**", "Time:")
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = cell.source.replace("<details>", "").replace("## Self-check", "## Try it")
        cell.metadata.pop("mystnb", None)
    nb.cells = nb.cells[:-1]
    problems = " | ".join(lesson_problems(nb))
    for expected in ["Time:", "Solution", "Self-check", "Key points", "alt text"]:
        assert expected in problems


def test_lessons_are_numbered_and_listed_in_the_table_of_contents():
    from workshop_kit.repo import ROOT
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    for lesson in LESSONS:
        assert re.match(r"\d\d-[a-z0-9-]+$", lesson.stem), f"{lesson.name}: name it NN-short-name"
        assert f"notebooks/{lesson.stem}" in toc, f"{lesson.name} is not in _toc.yml"
