"""Every lesson follows the template in CONTRIBUTING.md, in every edition (with the edition's
words for the template's headings). A lesson that lacks a part fails here."""
import functools
import re

import nbformat
import pytest

from workshop import store
from workshop_kit.repo import EDITIONS, LESSONS, LESSONS_DIR, ROOT
from workshop_kit.lessons import TIME_LINES  # the guide's timetable reads the same line
from helpers.taught import PRIMER, lessons_in_order, untaught_in_workshop

ALL_LESSONS = [(edition.language, lesson) for edition in EDITIONS for lesson in edition.lessons()]
MARKDOWN_IMAGE = re.compile(r"!\[([^\]]*)\]\(")
FIGURE_TYPES = ("image/png", "image/jpeg", "image/svg+xml")
QUESTIONS = store.load()
CHECK_CALL = re.compile(r"""\bcheck(\.|_)(number|choice)\(([^)]*)\)""")
BLANKS = {"number": ("...", "NA"), "choice": ('""',)}
# The other fixed words of the lesson template (CONTRIBUTING.md), in each edition's language.
TEMPLATE_WORDS = {
    "en": {"time": "**Time:**", "prerequisites": "**Prerequisites:**", "objectives": "Objectives",
           "exercise": "Exercise",
           "solution": "Solution", "self_check": "Self-check", "key_points": "Key points",
           "not_yet": "Not yet"},
    "zh-TW": {"time": "**時間：**", "prerequisites": "**先備知識：**", "objectives": "學習目標", "exercise": "練習",
              "solution": "參考解答", "self_check": "自我檢核", "key_points": "重點回顧",
              "not_yet": "還沒答對"},
}


def set_up_problems(nb) -> list[str]:
    """The first code cell sets the lesson up, or says in one line how to get the workshop."""
    cell = nb.cells[1] if len(nb.cells) > 1 else None
    if cell is None or cell.cell_type != "code" or "set_up(" not in cell.source:
        return ["the second cell is not the set-up cell (set_up(...)): see CONTRIBUTING.md"]
    problems = []
    r_lesson = nb.metadata.kernelspec.language.lower() == "r"
    if r_lesson:
        fallback = r"else \{.*cat\(\"[^\n]*workshop\.zip"
    else:
        fallback = r"except ImportError.*\n\s*print\(\"[^\n]*workshop\.zip"
    if not re.search(fallback, cell.source, re.S):
        problems.append("the set-up cell does not say in one line how to get the whole workshop (workshop.zip)")
    if "hide-input" not in cell.metadata.get("tags", []) or not cell.metadata.get("jupyter", {}).get("source_hidden"):
        problems.append("the set-up cell is not hidden on the site (tag hide-input) and folded in Lab (source_hidden)")
    return problems


def self_check_cell_problems(nb) -> list[str]:
    """Each self-check cell names one question of the store and leaves one blank to fill:
    `...` for a number (`NA` in R), `""` for a letter, so a bare letter cannot be typed."""
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        calls = CHECK_CALL.findall(cell.source)
        if len(calls) > 1:
            problems.append(f"cell {i} asks {len(calls)} self-check questions: one per cell")
        for _, kind, arguments in calls:
            parts = [a.strip() for a in arguments.split(",")]
            qid = parts[0].strip('"') if parts and parts[0].startswith('"') else None
            if len(parts) != 2 or qid is None:
                problems.append(f"cell {i}: write check.{kind}(\"QUESTION-ID\", my_answer), nothing more")
                continue
            if qid not in QUESTIONS or QUESTIONS[qid]["kind"] != kind:
                problems.append(f"cell {i}: {qid!r} is not a {kind} question in tools/selfchecks.yml")
            blank = re.search(rf"^{re.escape(parts[1])}\s*(?:=|<-)\s*(\.\.\.|\"\"|NA)(\s|$)", cell.source, re.M)
            if not blank or blank.group(1) not in BLANKS[kind]:
                problems.append(f"cell {i}: {parts[1]} is not left blank as {' or '.join(BLANKS[kind])}")
    return problems


def lesson_problems(nb, language: str = "en") -> list[str]:
    """What a lesson lacks, in words; empty when it follows the template."""
    words = TEMPLATE_WORDS[language]
    solution = re.compile(rf"<details>\s*<summary>{words['solution']}</summary>.+?</details>", re.S)
    time_line = re.escape(words["time"])
    problems = []
    cells = nb.cells
    markdown = [c.source for c in cells if c.cell_type == "markdown"]
    if not markdown or cells[0].cell_type != "markdown":
        return ["the first cell is not Markdown"]
    first = cells[0].source
    if not first.startswith("# "):
        problems.append("the first cell does not start with a '# Title'")
    if not TIME_LINES[language].search(first):
        problems.append("no '**Time:** N minutes teaching, M minutes practice' line")
    if words["prerequisites"] not in first:
        problems.append(f"no '{words['prerequisites']}' line")
    elif not re.search(rf"{time_line}[^\n]*\n\s*\n{re.escape(words['prerequisites'])}", first):
        problems.append("the Time and Prerequisites lines are not separated by an empty line "
                        "(they would run together into one paragraph)")
    if not re.search(rf"^## {words['objectives']}\s*$(.|\n)*^- ", first, re.M):
        problems.append("no '## Objectives' section with a bullet list")

    exercises = [s for s in markdown if re.match(rf"## {words['exercise']}", s)]
    if not exercises:
        problems.append("no '## Exercise' cell")
    for exercise in exercises:
        if not solution.search(exercise):
            problems.append("an exercise has no folded <details><summary>Solution</summary>")

    check_at = [i for i, c in enumerate(cells)
                if c.cell_type == "markdown" and c.source.startswith(f"## {words['self_check']}")]
    if not check_at:
        problems.append("no '## Self-check' cell")
    else:
        following = [c for c in cells[check_at[0] + 1:] if c.cell_type == "code"]
        if not any(CHECK_CALL.search(c.source) for c in following):
            problems.append("the self-check is not followed by a code cell that gives feedback")

    problems += set_up_problems(nb) + self_check_cell_problems(nb)

    last = cells[-1]
    if last.cell_type != "markdown" or not re.match(rf"## {words['key_points']}\s*\n(.|\n)*^- ", last.source, re.M):
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


@pytest.mark.parametrize("language, lesson", ALL_LESSONS,
                         ids=lambda v: v.relative_to(ROOT).with_suffix("").as_posix() if hasattr(v, "stem") else v)
def test_lesson_follows_the_template(language, lesson):
    assert lesson_problems(nbformat.read(lesson, as_version=4), language) == []


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


def test_the_template_check_finds_a_broken_set_up_and_self_check():
    nb = nbformat.read(LESSONS_DIR / "02-notebook-basics.ipynb", as_version=4)
    nb.cells[0].source = nb.cells[0].source.replace("practice\n\n**Prerequisites:**", "practice\n**Prerequisites:**")
    nb.cells[1].source = nb.cells[1].source.replace("workshop.zip", "the workshop")
    nb.cells[1].metadata.pop("jupyter")
    [check_cell] = [c for c in nb.cells if "check.number(" in c.source]
    check_cell.source = ('my_flux = -0.0924\ncheck.number(my_flux, expected=-0.0924)\n'
                         'check.choice("02-granite-flux", my_choice)')
    problems = " | ".join(lesson_problems(nb))
    for expected in ["run together", "how to get the whole workshop", "hidden on the site",
                     "2 self-check questions", "nothing more", "not a choice question"]:
        assert expected in problems, expected


@functools.cache
def untaught_now() -> dict[str, list[str]]:
    return untaught_in_workshop()


@pytest.mark.parametrize("lesson", lessons_in_order(), ids=lambda p: p.stem)
def test_every_exercise_needs_only_what_was_taught_by_then(lesson):
    """See CONTRIBUTING.md and helpers.taught: what an exercise needs was taught in
    The Python you need or earlier in the same lesson."""
    assert untaught_now()[lesson.stem] == []


def test_the_taught_check_finds_python_used_before_it_is_taught(tmp_path):
    """The check bites: without the primer, the exercises that rely on it are reported; and
    an exercise that sneaks in a comprehension and a number format is caught."""
    without_primer = [lesson for lesson in lessons_in_order() if lesson.stem != PRIMER]
    reported = untaught_in_workshop(without_primer)
    assert reported["07-getting-content"] and reported["10-scaling-out-with-dask"]

    nb = nbformat.read(LESSONS_DIR / "00-welcome.ipynb", as_version=4)
    [exercise] = [c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("## Exercise")]
    exercise.source = exercise.source.replace(
        'version("networkx")\n```', 'print([f"{version(name):.5}" for name in ["networkx"]])\n```')
    changed = tmp_path / "00-welcome.ipynb"
    nbformat.write(nb, changed)
    problems = " | ".join(untaught_in_workshop([changed])["00-welcome"])
    assert "list comprehension" in problems and "number format" in problems


def test_the_taught_check_wants_number_notations_explained_in_words(tmp_path):
    """`3e-9` or `496_000` in a cell above does not tell a beginner what it means: an exercise
    that needs them is reported until the lesson's text names them, in `code`."""
    nb = nbformat.read(LESSONS_DIR / "01-ecosystem-open-science.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "`496_000`" in cell.source:
            cell.source = re.sub(r"The next cells write numbers.*?seconds\.\n\n", "", cell.source, flags=re.S)
    [exercise] = [c for c in nb.cells if c.source.startswith("## Exercise: thicker")]
    exercise.source = exercise.source.replace("- 2e-9", "- 2e-9 + 1_000")
    changed = tmp_path / "01-ecosystem-open-science.ipynb"
    nbformat.write(nb, changed)
    problems = " | ".join(untaught_in_workshop([changed])["01-ecosystem-open-science"])
    assert "e-notation" in problems and "underscores between digits" in problems, problems


def test_lessons_are_numbered_and_listed_in_the_table_of_contents():
    from workshop_kit.repo import ROOT
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    for lesson in LESSONS:
        assert re.match(r"\d\d-[a-z0-9-]+$", lesson.stem), f"{lesson.name}: name it NN-short-name"
        assert f"notebooks/{lesson.stem}" in toc, f"{lesson.name} is not in _toc.yml"
