"""A battery of typical answers, right and wrong, against every self-check of every lesson.

Each lesson runs in its own kernel (Python or R), as a learner would have it: the cells
before its first self-check, then the code of its exercises and their folded solutions (so
a solution that no longer runs, or a fragment that cannot run alone, fails here too). Then
every self-check cell is run again and again, its blank replaced by one answer of the
battery each time. Every run must print exactly one line, no traceback, the diagnosis that
fits the answer, and never the expected answer the learner did not type.
"""
from __future__ import annotations

import math
import re
import textwrap

import nbformat
import pytest
from nbclient import NotebookClient

from helpers.leaks import leaked
from workshop import store
from workshop_kit.repo import every_lesson
from workshop_kit.selfchecks import read_source

QUESTIONS = store.load()
SOURCE = read_source()  # for each question's `solution` expression (not in the store)
CHECK_CALL = re.compile(r"""check(?:\.|_)(number|choice)\(\s*"([^"]+)"\s*,\s*(\w+)\s*\)""")
# What a reply in Taiwanese Chinese holds where the English one holds these words (the
# battery's own vocabulary; code such as .iloc[0] or NaN is the same in both).
IN_CHINESE = {
    "is right": "是對的", "close:": "很接近了", "cut off": "截掉", "far too large": "大得太多",
    "far too big": "太大了", "2 numbers": "2 個數字", "3 numbers": "3 個數字", "30 numbers": "30 個數字",
    "numbers in it": "個數字", "replace the ...": "把 ... 換成", "replace the NA": "把 NA 換成",
    "between the quotes": "在引號之間", "bytes": "位元組", "call it": "呼叫它", "check the unit": "請檢查單位",
    "decimal comma": "小數逗號", "dictionary": "字典", "infinite": "無限大", "minus sign": "負號",
    "more than one letter": "不只一個字母", "no number": "沒有數字", "not a letter": "不是字母",
    "not one of the choices": "不是選項之一", "nothing at all": "什麼都沒有", "quotes are empty": "引號裡是空的",
    "sign is not": "正負號不對", "square brackets": "方括號", "too high": "太大了", "too low": "太小了",
    "whole table": "一整張表格", "yes-or-no": "是非題",
}
CODE_BLOCK = re.compile(r"^([ \t]*)```(python|r)\n(.*?)^\1```", re.M | re.S)


def r_lesson(nb) -> bool:
    return nb.metadata.kernelspec.language.lower() == "r"


def check_cells(nb) -> list[tuple[int, str, str, str]]:
    """(cell index, kind, question id, answer variable) for each self-check cell."""
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            found += [(index, kind, qid, name) for kind, qid, name in CHECK_CALL.findall(cell.source)]
    return found


def exercise_code(nb, language: str) -> list[str]:
    """The code blocks of the exercises (prompt and folded solution), in order."""
    blocks = []
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.startswith(("## Exercise", "## 練習")):
            blocks += [textwrap.dedent(code) for _, lang, code in CODE_BLOCK.findall(cell.source)
                       if lang == language]
    return blocks


def number_literal(value: float) -> str:
    return repr(float(value)) if value != int(value) else str(int(value))


def python_battery(question: dict, qid: str) -> list[tuple[str, str, str]]:
    """(answer as Python source, ✅ or ❌, words the reply must contain) for one question."""
    if question["kind"] == "choice":
        right = question["correct"]
        wrong = [letter for letter in question["options"] if letter != right]
        battery = [(f'"{right}"', "✅", ""), (f'"{right.upper()}"', "✅", ""), (f'"({right})"', "✅", ""),
                   (f'"{chr(ord(right) + 0xFEE0)}"', "✅", "")]          # a full-width letter
        battery += [(f'"{letter}"', "❌", question["options"][letter]["en"]) for letter in wrong]
        battery += [('""', "❌", "between the quotes"), ("...", "❌", "between the quotes"),
                    ('"z"', "❌", "not one of the choices"), ('"ab"', "❌", "more than one letter"),
                    ("2", "❌", "not a letter"), ("True", "❌", "not a letter"), ("None", "❌", "None"),
                    (f'["{right}"]', "❌", "square brackets"), (f'b"{right}"', "❌", "bytes")]
        return battery

    expected, unit = question["expected"], question.get("unit", {}).get("en", "")
    typed = number_literal(expected)
    battery = [
        (f"({SOURCE[qid]['solution']})", "✅", "is right"),   # what the solution computes
        (typed, "✅", "is right"),
        (f'"{typed} {unit}"', "✅", "is right"),                 # a number typed with its unit
        ("...", "❌", "replace the ..."),
        ("None", "❌", "None"),                                  # a function that only printed
        (f'"{typed}; {typed}"', "❌", "numbers in it"),
        ("[1.5, 2.5]", "❌", "2 numbers"),                      # several numbers
        (f"_np.array([{typed}, 12345.0])", "❌", "[0]"),         # ...and which one to pick
        (f"_pd.Series([12345.0, {typed}])", "❌", ".iloc[0]"),    # s[1] is a label look-up in pandas
        (f"({typed},)", "❌", "[0]"),
        ("_pd.Series([True, False, True])", "❌", ".sum()" if question.get("count") else "3 numbers"),
        ("_pd.DataFrame({'a': [1.0, 2.0]})", "❌", "whole table"),
        ("float('nan')", "❌", "NaN"), ("float('inf')", "❌", "infinite"), ("10 ** 400", "❌", "far too big"),
        ('b"1"', "❌", "bytes"), ("{'a': 1}", "❌", "dictionary"), ("print", "❌", "call it"),
        ("iter([1, 2])", "❌", "list(...)"), ('"abc"', "❌", "no number"), ('""', "❌", "quotes are empty"),
        ("True", "❌", "yes-or-no"),
        (number_literal(expected * 3 + 7), "❌", "too high" if expected * 3 + 7 > expected else "too low"),
    ]
    if "." in typed:
        battery.append((f'"{typed.replace(".", ",")}"', "✅", "decimal comma"))  # never read as thousands
    if expected < 0:
        battery.append((f'"{typed.replace("-", "−")}"', "✅", "minus sign"))       # a Unicode minus
    if expected and "sign" in question:
        battery.append((number_literal(-expected), "❌", "sign is not"))
    if not question.get("count") and expected:
        battery += [(number_literal(expected * 100), "❌", "check the unit"),
                    (number_literal(expected / 1000), "❌", "check the unit")]
    needed = next(d for d in range(12) if abs(round(expected, d) - expected) <= question["tolerance"])
    if needed > 0 and round(expected, needed - 1):
        battery.append((number_literal(round(expected, needed - 1)), "❌", "close:"))
    battery += [(number_literal(m["value"]), "❌", m["say"]["en"]) for m in question.get("mistakes", [])]
    battery += [(f"_pd.Series([{typed}], index=['x'])", "❌", ".item()")] + round_two(question, "python")
    return battery


def round_two(question: dict, code: str) -> list[tuple[str, str, str]]:
    """Issue #24, round 2, in both languages: a list of candidates, units as scientists
    write them, a huge value, the same number as an integer and as a float, a cut-off answer."""
    expected = question["expected"]
    typed = number_literal(expected)
    candidates = "list(range(30))" if code == "python" else "0:29"
    battery = [(candidates, "❌", "30 numbers"), (f'"{typed} W m-2"', "✅", "is right"),
               (f'"{typed} W/m^2"', "✅", "is right"), (f'"{typed} km²"', "✅", "is right"),
               (f'"{typed} m s-1"', "✅", "is right")]
    if expected:
        battery.append(("1e20", "❌", "far too large"))
    whole = round(expected)
    integer = f"{whole}L" if code == "r" else str(whole)
    if whole == expected:          # a count: 9 and 9.0 are both right
        battery += [(integer, "✅", "is right"), (f"{whole}.0", "✅", "is right")]
    needed = next(d for d in range(12) if abs(round(expected, d) - expected) <= question["tolerance"])

    def a_mistake(value: float) -> bool:
        return any(abs(value - m["value"]) <= m["tolerance"] for m in question.get("mistakes", []))

    if needed > 0 and whole and not a_mistake(whole):
        battery += [(integer, "❌", "close:"), (f"{whole}.0", "❌", "close:")]  # the same verdict
    for digits in range(needed):   # cut off where rounding gives another number (358.64 -> 358)
        cut = math.trunc(expected * 10 ** digits) / 10 ** digits
        if cut and cut != round(expected, digits) and not a_mistake(cut):
            battery.append((number_literal(cut), "❌", "cut off"))
            break
    return battery


def r_battery(question: dict, qid: str) -> list[tuple[str, str, str]]:
    """The same, as R answers: NA, strings, vectors, NULL, data frames, ..."""
    expected, unit = question["expected"], question.get("unit", {}).get("en", "")
    typed = number_literal(expected)
    battery = [
        (SOURCE[qid]["solution"], "✅", "is right"), (typed, "✅", "is right"),
        (f'"{typed} {unit}"', "✅", "is right"), (f'"{typed.replace(".", ",")}"', "✅", "decimal comma"),
        ("NA", "❌", "replace the NA"), ("NULL", "❌", "NULL"), ("c(1.5, 2.5)", "❌", "2 numbers"),
        (f"c(12345, {typed})", "❌", "2 numbers"),               # never which one is right
        ("c(TRUE, FALSE, TRUE)", "❌", "3 numbers"), ("TRUE", "❌", "yes-or-no"),
        ("data.frame(a = 1)", "❌", "whole table"), ("mean", "❌", "call it"), ("NaN", "❌", "NaN"),
        ("Inf", "❌", "infinite"), ('"abc"', "❌", "no number"), ("character(0)", "❌", "nothing at all"),
        (number_literal(expected * 10), "❌", "check the unit"),
        (number_literal(expected * 3 + 7), "❌", "too high"),
    ]
    battery += [(number_literal(m["value"]), "❌", m["say"]["en"]) for m in question.get("mistakes", [])]
    return battery + round_two(question, "r")


def with_answer(source: str, name: str, answer: str) -> str:
    """The self-check cell with the learner's blank (`name = ...`, `name = ""`, `name <- NA`)
    replaced by `answer`."""
    blank = re.compile(rf"^{name}\s*(=|<-)\s*(\.\.\.|\"\"|NA)(?=\s|$)", re.M)
    assert len(blank.findall(source)) == 1, f"the cell does not leave {name} blank: {source!r}"
    return blank.sub(lambda m: f"{name} {m.group(1)} {answer}", source)


def in_language(words: str, question: dict, language: str) -> str:
    """The words a reply in the lesson's language must hold for these English words."""
    if language == "en" or not words:
        return words
    texts = [question.get(key) for key in ("hint", "sign", "pick", "unit")]
    texts += [m["say"] for m in question.get("mistakes", [])] + list(question.get("options", {}).values())
    for text in texts:
        if isinstance(text, dict) and text.get("en") == words:
            return text[language]
    if words in IN_CHINESE:
        return IN_CHINESE[words]
    assert " " not in words and words.isascii(), f"no Chinese for {words!r} in IN_CHINESE"
    return words  # code (.iloc[0], NaN, NULL): the same in both editions


def positions_named(text: str, question: dict, is_r: bool) -> set[int]:
    """Positions such as [9] the reply names, other than the first's and those the question's
    own texts name: a list of every candidate must not hear which one is right."""
    own = {int(n) for n in re.findall(r"\[(\d+)\]", str(question))} | {1 if is_r else 0}
    return {int(n) for n in re.findall(r"\[(\d+)\]", text)} - own


def printed(cell) -> tuple[str, list]:
    text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
    return text, [o for o in cell.outputs if o.output_type == "error"]


def edition(lesson) -> str:
    return "zh-TW" if lesson.parents[1].name == "zh-TW" else "en"


@pytest.mark.parametrize("lesson", every_lesson(), ids=lambda p: f"{edition(p)}-{p.stem}")
def test_every_self_check_answers_the_battery_in_one_line(lesson):
    """Both editions: the same code, the reply in the lesson's own language."""
    language = edition(lesson)
    nb = nbformat.read(lesson, as_version=4)
    checks = check_cells(nb)
    assert checks, f"{lesson.name} has no self-check cell"
    is_r = r_lesson(nb)
    client = NotebookClient(nb, timeout=180, kernel_name=nb.metadata.kernelspec.name,
                            resources={"metadata": {"path": str(lesson.parent)}})
    problems = []
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells[:checks[0][0]]):   # the lesson up to its self-check
            if cell.cell_type == "code":
                client.execute_cell(cell, index)

        def run(source: str):
            cell = nbformat.v4.new_code_cell(source)
            nb.cells.append(cell)
            client.allow_errors = True
            client.execute_cell(cell, len(nb.cells) - 1)
            return printed(cell)

        for block in exercise_code(nb, "r" if is_r else "python"):
            _, errors = run(block)
            assert not errors, f"{lesson.name}: an exercise's code fails when run: {block!r}"
        if not is_r:
            run("import numpy as _np, pandas as _pd")

        tried = 0
        for index, kind, qid, name in checks:
            question = QUESTIONS[qid]
            assert question["kind"] == kind, f"{qid} is a {question['kind']} question: use check.{question['kind']}"
            assert SOURCE[qid]["lesson"] == lesson.stem, f"{qid} belongs to {SOURCE[qid]['lesson']}"
            battery = r_battery(question, qid) if is_r else python_battery(question, qid)
            for answer, verdict, english in battery:
                words = in_language(english, question, language)
                text, errors = run(with_answer(nb.cells[index].source, name, answer))
                tried += 1
                where = f"{lesson.stem} {qid} answer {answer}: {text!r}"
                if errors or text.count("\n") != 1 or not text.startswith(verdict) or words not in text:
                    problems.append(f"{where} (wanted {verdict} with {words!r}, errors: {errors})")
                shown = leaked(text, question, own=answer)
                if shown and verdict == "❌":
                    problems.append(f"{where} gives away {shown}")
                if positions_named(text, question, is_r):
                    problems.append(f"{where} names a position: {positions_named(text, question, is_r)}")
    assert problems == [], "\n".join(problems)
    assert tried >= 15 * len(checks)


def test_the_battery_notices_a_check_that_misbehaves(tmp_path):
    """The battery bites: a self-check cell that prints the answer, or two lines, or raises,
    is reported."""
    question = QUESTIONS["08-big-quakes"]
    leaky = "❌ Not yet: the answer is 9 earthquakes."
    assert leaked(leaky, question, own="8") == ["9"]
    source = 'my_count = ...   # just the number\ncheck.number("08-big-quakes", my_count)'
    assert with_answer(source, "my_count", "None").startswith("my_count = None")
    with pytest.raises(AssertionError, match="does not leave"):
        with_answer('my_count = 9\ncheck.number("08-big-quakes", my_count)', "my_count", "1")
