"""R lessons' self-checks: the same store and the same words as Python's, through
`python3 -m workshop.check r`, which workshop/check.R calls with a description of the R
value. Typical R answers (NA, a whole series, a string with a decimal comma, NULL, a data
frame, a function) each get one line."""
import shutil
import subprocess

import pytest

from workshop.check_messages import MESSAGES
from workshop_kit.repo import LESSONS_DIR


def r_runs(program: str) -> str:
    done = subprocess.run(["Rscript", "-e", f'source(file.path("workshop", "check.R")); {program}'],
                          cwd=LESSONS_DIR, capture_output=True, text=True, timeout=60)
    return done.stdout


def r_says(qid: str, r_expression: str, lang: str = "en", before: str = "") -> str:
    return r_runs(f'{before}\nworkshop_language <- "{lang}"; check_number("{qid}", {r_expression})')


@pytest.mark.parametrize("r_expression, words", [
    ("NA", "replace the NA"),
    ("358.6", "right"),
    ("mean(window(co2, start = 1990))", "right"),
    ("window(co2, start = 1990)", "mean(...) turns"),          # the whole series
    ("c(358.6, 2)", "2 numbers"),                             # never which one is right
    ('"358,6"', "decimal comma"),
    ('"358.6 ppm"', "right"),
    ("mean(window(co2, start = 1990, end = 1997))", "stops in January 1997"),
    ("NULL", "NULL"),
    ("TRUE", "TRUE answers a yes-or-no"),
    ("data.frame(co2 = 358.6)", "whole table"),
    ("mean", "call it"),
    ("NaN", "NaN"),
    ("3586", "check the unit"),
    ("character(0)", "nothing at all"),
])
def test_r_answers_get_the_same_feedback(r_expression, words):
    out = r_says("03-recent-co2-mean", r_expression)
    assert out.count("\n") == 1 and words in out, out
    assert "358.64" not in out


def test_r_feedback_speaks_the_lesson_language():
    assert r_says("03-recent-co2-mean", "NA", "zh-TW").startswith("❌ 再想想：把 NA 換成")


# Issue #21: a value whose class has methods that fail or lie gave the tail of a Python
# traceback ("ValueError: invalid literal for int()...") or blamed the workshop folder.
@pytest.mark.parametrize("before, r_expression, words", [
    ('length.odd <- function(x) "many"', 'structure(1, class = "odd")', "a odd is not a number"),
    ('length.odd <- function(x) NA', 'structure(list(1), class = "odd")', "a odd is not a number"),
    ('length.odd <- function(x) stop("no")', 'structure(c(1, 2), class = "odd")', "a odd is not a number"),
    ('as.double.odd <- function(x, ...) stop("no")', 'structure(358.6, class = "odd")', "right"),
    ('setClass("Odd", representation(x = "numeric"))', 'new("Odd", x = 1)', "a Odd is not a number"),
    ('setClass("Num", contains = "numeric"); setMethod("length", "Num", function(x) stop("no"))',
     'new("Num", 358.6)', "a Num is not a number"),
])
def test_a_crafted_r_value_gets_one_line(before, r_expression, words):
    out = r_says("03-recent-co2-mean", r_expression, before=before)
    assert out.count("\n") == 1 and out.startswith("❌" if words != "right" else "✅") and words in out, out


def test_the_r_helper_says_the_words_of_the_one_table():
    """check.R has no words of its own: they are in check_messages.tsv, as check_messages.py's."""
    assert (LESSONS_DIR / "workshop" / "check.R").read_text(encoding="utf-8").isascii()
    assert r_runs('set_up("zh-TW")') == MESSAGES["ready"]["zh-TW"] + "\n"
    assert r_runs('set_up("en")') == MESSAGES["ready"]["en"] + "\n"


def test_the_r_helper_without_python_says_so_in_one_line(tmp_path):
    program = ('source(file.path("workshop", "check.R")); Sys.setenv(PATH = ""); '
               'check_number("03-recent-co2-mean", 358.6)')
    out = subprocess.run(["Rscript", "-e", program], cwd=LESSONS_DIR, capture_output=True,
                         text=True, timeout=60).stdout
    assert out.count("\n") == 1 and "needs Python" in out


def test_a_python_that_cannot_run_the_check_is_not_quoted(tmp_path):
    """A python3 without the workshop (the notebook's folder changed with setwd) printed its
    own error; the learner gets the line that says where the workshop folder should be."""
    (tmp_path / "python3").write_text("#!/bin/sh\necho \"No module named 'workshop'\" >&2\nexit 1\n")
    (tmp_path / "python3").chmod(0o755)
    out = r_runs(f'Sys.setenv(PATH = "{tmp_path}"); check_number("03-recent-co2-mean", 358.6)')
    assert out == MESSAGES["no_answer"]["en"] + "\n", out


def test_the_command_line_reads_what_check_r_writes():
    described = "question\t02-granite-flux\nlanguage\ten\nclass\tnumeric\nlength\t1\nvalue\t-0.0924\n"
    done = subprocess.run(["python3", "-m", "workshop.check", "r"], input=described, cwd=LESSONS_DIR,
                          capture_output=True, text=True, timeout=30)
    assert done.stdout.startswith("✅") and done.stdout.count("\n") == 1 and done.stderr == ""


# Issue #24, round 2: what R learners met, each now one line in their language.
@pytest.mark.parametrize("r_expression, lang, words", [
    ("my_mean", "en", "could not be worked out (object 'my_mean' not found)"),   # never defined
    ("my_mean", "zh-TW", "你的答案算不出來"),
    ("mean(no_such_series)", "en", "could not be worked out"),
    ("c(1, 2, 3)[5]", "en", "NA, a missing value"),               # a slicing slip, not the blank
    ("mean(c(358, NA))", "zh-TW", "缺值"),
    ("NA", "en", "replace the NA"),                               # the blank left to fill in
    ("round(358.64)", "en", "rounded too much"),                  # as Python's 359, not "too high"
    ("trunc(358.64)", "en", "cut off"),
    ("359L", "en", "rounded too much"),                           # an integer: the same verdict
    ("1:30", "en", "30 numbers"),
    ('"358.6 ppm"', "en", "right"),
    ("1e20", "en", "far too large"),
])
def test_r_slips_get_one_line_that_fits(r_expression, lang, words):
    out = r_says("03-recent-co2-mean", r_expression, lang)
    assert out.count("\n") == 1 and words in out and out.startswith("❌" if words != "right" else "✅"), out
    assert "workshop folder" not in out and "[30]" not in out and "358.64" not in out


def test_r_check_without_its_answer_says_so_in_one_line():
    out = r_runs('check_number("03-recent-co2-mean")')
    assert out == "❌ Not yet: " + MESSAGES["missing_answer"]["en"] + "\n", out


def test_r_check_after_setwd_still_runs(tmp_path):
    """setwd("..") in a cell left python3 without workshop/: the check now runs from the
    folder that held workshop/ when check.R was sourced. (A learner's python3, which does not
    have the workshop installed as this test environment's does.)"""
    (tmp_path / "python3").symlink_to(shutil.which("python3", path="/usr/bin:/bin"))
    out = r_runs(f'Sys.setenv(PATH = "{tmp_path}"); setwd(".."); '
                 'check_number("03-recent-co2-mean", 358.6); cat(basename(getwd()), "\n")')
    assert out.startswith("✅") and out.count("\n") == 2 and out.endswith(f"{LESSONS_DIR.parent.name} \n"), out


# Issue #24: a matrix was "that is 4 numbers"; like Python's 2-D array, it is named as a table,
# here with its rows and columns and how to take one number out.
@pytest.mark.parametrize("r_expression, lang, words", [
    ("matrix(c(358.6, 1, 2, 3), nrow = 2)", "en", "that is a 2 x 2 matrix (a table of rows and columns)"),
    ("matrix(window(co2, start = 1990), nrow = 12)", "zh-TW", "這是一個矩陣，也就是 12 列、8 欄的表格"),
    ("table(c(1, 1, 2), c(3, 4, 4))", "en", "a 2 x 2 matrix"),              # counts in a table
    ("t(c(358.6, 1, 2, 3))", "en", "a 1 x 4 matrix"),                     # one row
])
def test_a_matrix_is_named_with_its_rows_and_columns(r_expression, lang, words):
    out = r_says("03-recent-co2-mean", r_expression, lang)
    assert out.count("\n") == 1 and out.startswith("❌") and words in out and "[1, 1]" in out, out
    assert "numbers," not in out and "個數字，" not in out and "358.64" not in out


def test_a_one_by_one_matrix_is_just_its_number():
    assert r_says("03-recent-co2-mean", "matrix(358.6)").startswith("✅ Well done: 358.6 ppm")
