"""The self-checks answer every kind of learner input with one friendly line that says what
to do next, never a traceback, and never the expected answer.

These call the checker directly (fast, and hypothesis can try thousands of objects);
tests/lessons/test_selfcheck_battery.py tries the typical wrong answers in every lesson's real kernel.
"""
import io
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from hypothesis.extra import numpy as hnp

from helpers.leaks import leaked
from workshop import check, language, store
from workshop.check_messages import MESSAGES
from workshop_kit import selfchecks
from workshop_kit.repo import LESSONS_DIR

QUESTIONS = store.load()
NUMBERS = sorted(q for q, v in QUESTIONS.items() if v["kind"] == "number")
CHOICES = sorted(q for q, v in QUESTIONS.items() if v["kind"] == "choice")


@pytest.fixture(autouse=True)
def back_to_english():
    yield
    language.use("en")


def said(qid, answer) -> str:
    line = check.feedback(qid, answer)
    assert "\n" not in line and line.startswith(("✅", "❌")), line
    return line


# ---------------------------------------------------------------------------------------------
# The store: one readable source, a scrambled copy, always in step (like a lock file)

def test_the_store_is_what_the_readable_source_makes():
    assert (LESSONS_DIR / "workshop" / "answers.txt").read_text(encoding="ascii") == selfchecks.generate(), (
        "notebooks/workshop/answers.txt is out of date: run workshop-selfchecks")


def test_a_store_out_of_step_is_caught(tmp_path, monkeypatch):
    source = selfchecks.read_source()
    source["02-granite-flux"]["expected"] = -0.0925
    changed = tmp_path / "selfchecks.yml"
    import yaml
    changed.write_text(yaml.safe_dump(source, allow_unicode=True), encoding="utf-8")
    assert selfchecks.generate(changed) != selfchecks.generate()
    monkeypatch.setattr(selfchecks, "SOURCE", changed)
    assert selfchecks.main(["--check"]) == 1


def test_the_store_does_not_show_answers_in_plain_text():
    text = store.STORE.read_text(encoding="ascii")
    assert store.decode(text) == selfchecks.for_learners(selfchecks.read_source())
    assert "expected" not in text and "correct" not in text
    for question in QUESTIONS.values():
        hidden = [str(question.get("expected", "")), *[t["en"] for t in question.get("options", {}).values()]]
        assert not [h for h in hidden if len(h) >= 3 and h in text]  # "9" is in any long text


def test_every_text_has_both_languages():
    for qid, question in QUESTIONS.items():
        texts = [question.get(k) for k in ("unit", "hint", "sign", "pick") if question.get(k)]
        texts += list(question.get("options", {}).values())
        texts += [m["say"] for m in question.get("mistakes", [])]
        for text in texts:
            assert set(text) == set(language.LANGUAGES) and all(text.values()), qid


def test_the_source_refuses_a_question_the_checker_could_not_use():
    with pytest.raises(selfchecks.SourceError, match="correct"):
        selfchecks.question_for_learners("x", {"kind": "choice", "correct": "d", "options": {"a": "A"}})
    with pytest.raises(selfchecks.SourceError, match="kind"):
        selfchecks.question_for_learners("x", {"kind": "essay"})


# ---------------------------------------------------------------------------------------------
# Numbers: each typical slip gets its own diagnosis

@pytest.mark.parametrize("answer, verdict, words", [
    (-0.0924, "✅", "right"),
    (np.float64(-0.0924), "✅", "right"),
    ("-0.0924", "✅", "leave out the quotes"),
    ("-0.0924 W/m²", "✅", "right"),
    ("−0.0924", "✅", "minus sign was a look-alike"),          # a Unicode minus
    ("-0,0924", "✅", "decimal comma"),                         # a decimal comma
    (-0.09, "❌", "close: -0.09 is the answer rounded too much"),  # rounded, not "too high"
    (-0.1, "❌", "rounded too much"),
    (-0.0616, "❌", "flux through ice"),                        # a known mistake, said exactly
    (0.0924, "❌", "sign is not"),
    (-92.4, "❌", "check the unit"),                            # mW instead of W
    (-0.5, "❌", "too low"),
    (0.5, "❌", "too high"),
    (..., "❌", "replace the ..."),
    (None, "❌", "None"),                                       # a function that printed
    ("minus a bit", "❌", "no number in it"),
    ("", "❌", "quotes are empty"),
    ("1, 2", "❌", "has 2 numbers"),
    ([1, 2], "❌", "2 numbers"),
    (np.array([-0.5, -0.0924]), "❌", "[0] is the first"),       # how to pick, never which
    (np.array([-0.0924]), "❌", "take the number out with [0]"),
    (float("nan"), "❌", "NaN"),
    (float("inf"), "❌", "infinite"),
    (10 ** 400, "❌", "far too big"),
    (b"-0.0924", "❌", "bytes"),
    ({"flux": -0.0924}, "❌", "dictionary"),
    (pd.DataFrame({"flux": [-0.0924]}), "❌", "whole table"),
    (print, "❌", "call it"),
    (iter([1]), "❌", "list(...)"),
    (True, "❌", "yes-or-no"),
    (1j, "❌", "complex"),
    (Decimal("-0.0924"), "✅", "right"),
    (Fraction(-924, 10000), "✅", "right"),
])
def test_number_feedback(answer, verdict, words):
    line = said("02-granite-flux", answer)
    assert line.startswith(verdict) and words in line, line


def test_a_decimal_comma_is_never_read_as_thousands():
    assert "12.5" in said("02-granite-flux", "12,5") and "125" not in said("02-granite-flux", "12,5")
    assert "1000 W/m² is far too large" in said("02-granite-flux", "1,000")  # a thousands separator stays one


def test_polyfit_whole_result_says_take_the_slope_first():
    fit = np.array([-146.78, 294189.8])
    line = said("09-antarctic-trend", fit)
    assert "[0]" in line and "146" not in line.replace("-146.78", "")


def test_true_false_column_for_a_count_says_sum():
    column = pd.Series([True, False, True, True])
    line = said("08-big-quakes", column)
    assert line.count("\n") == 0 and ".sum()" in line and "4 rows" in line


@pytest.mark.parametrize("answer, words", [(30, "check the unit"), ("30 cm", "check the unit"),
                                          (0.6, "divide by 2"), (-0.3, "it rose"), (0.3, "right")])
def test_height_change_hints_fit_the_answer(answer, words):
    assert words in said("01-height-change", answer)


@pytest.mark.parametrize("answer, words", [
    (357.96, "stops in January 1997"), (337.05, "whole record"), (359.29, "starts in 1991"),
    (358.6, "right"), (359, "rounded too much"), (358, "cut off"),
])
def test_hints_are_true_for_the_answer_given(answer, words):
    """A hint names the slip that gives exactly this answer, or none: never 'did you start
    the window at 1990?' when the start was right and the end was wrong."""
    line = said("03-recent-co2-mean", answer)
    assert words in line
    if answer not in (359.29,):
        assert "1991" not in line


def test_a_long_list_is_counted_whole_and_checked_at_once():
    """Issue #21: only the first 100,000 values are looked at, but the line counts them all."""
    import time
    started = time.process_time()   # this process's own work: a busy machine does not count
    line = said("02-granite-flux", [0.0] * 3_000_000)
    assert time.process_time() - started < 1 and "3000000 numbers" in line, line


def test_a_count_must_be_whole_and_gets_no_unit_or_rounding_hint():
    assert "whole number" in said("08-big-quakes", 9.5)
    assert "unit" not in said("08-big-quakes", 90) and "rounded" not in said("08-big-quakes", 10)


def test_none_from_a_function_that_prints_says_so():
    line = said("11-summer-school-gb", None)
    assert "showed its result" in line and "replace the ..." not in line


# ---------------------------------------------------------------------------------------------
# Choices

@pytest.mark.parametrize("answer, verdict, words", [
    ("b", "✅", "rpy2"),
    (" B ", "✅", "rpy2"),
    ("(b)", "✅", "rpy2"),
    ("ｂ", "✅", "rpy2"),           # a full-width letter, as a Chinese keyboard may type
    ("'b'", "✅", "rpy2"),
    ("a", "❌", "Python 3"),         # each wrong choice has its own explanation
    ("c", "❌", "do run"),
    ("", "❌", "between the quotes"),
    ("d", "❌", "not one of the choices"),
    ("bc", "❌", "more than one letter"),
    (2, "❌", "not a letter"),
    (["b"], "❌", "no square brackets"),
    (..., "❌", "between the quotes"),
    (None, "❌", "None"),
    (b"b", "❌", "bytes"),
])
def test_choice_feedback(answer, verdict, words):
    line = said("03-rpy2-kernel", answer)
    assert line.startswith(verdict) and words in line, line


def test_every_wrong_choice_has_its_own_explanation():
    for qid in CHOICES:
        options = QUESTIONS[qid]["options"]
        lines = {letter: said(qid, letter) for letter in options}
        assert len(set(lines.values())) == len(options)
        assert [letter for letter, line in lines.items() if line.startswith("✅")] == [QUESTIONS[qid]["correct"]]


def r_says(description: str, capsys, monkeypatch) -> str:
    """The line `python3 -m workshop.check r` prints for check.R's description of an R value."""
    monkeypatch.setattr("sys.stdin", io.StringIO(description))
    assert check.main(["r"]) == 0
    return capsys.readouterr().out


def test_an_r_answer_is_quoted_as_r_writes_it(capsys, monkeypatch):
    about = "question\t03-rpy2-kernel\nlanguage\ten\nclass\tlogical\nlength\t1\nvalue\tTRUE\n"
    assert "TRUE is not a letter" in r_says(about, capsys, monkeypatch)
    about = about.replace("logical", "numeric").replace("TRUE", "2")
    assert "2 is not a letter" in r_says(about, capsys, monkeypatch)


def test_a_long_r_vector_is_counted_whole(capsys, monkeypatch):
    """check.R sends the first 1000 values of a vector and its length: the line says the length."""
    about = "question\t02-granite-flux\nlanguage\ten\nclass\tnumeric\nlength\t3000000\n"
    line = r_says(about + "value\t0\n" * 1000, capsys, monkeypatch)
    assert line.count("\n") == 1 and "3000000 numbers" in line, line


def test_a_description_check_r_never_writes_is_one_line(capsys, monkeypatch):
    about = "question\t02-granite-flux\nclass\tnumeric\nlength\tmany\nvalue\tabc\n"
    assert r_says(about, capsys, monkeypatch) == "❌ Not yet: " + MESSAGES["could_not_read"]["en"] + "\n"


def test_an_unknown_question_is_one_line():
    assert "no self-check called 'no-such-question'" in said("no-such-question", 1)


def test_feedback_speaks_the_lesson_language():
    language.use("zh-TW")
    assert said("02-granite-flux", ...).startswith("❌ 再想想：")
    assert "四捨五入" in said("02-granite-flux", -0.09)
    assert said("03-rpy2-kernel", "b").startswith("✅ 答對了：")


def test_number_and_choice_print_one_line_and_return_nothing(capsys):
    assert check.number("02-granite-flux", -0.0924) is None
    assert check.choice("03-rpy2-kernel", "") is None
    out = capsys.readouterr().out
    assert out.count("\n") == 2


def test_a_damaged_store_is_one_line(monkeypatch, tmp_path):
    broken = tmp_path / "answers.txt"
    broken.write_text("# nothing\n!!!\n", encoding="ascii")
    monkeypatch.setattr(store, "STORE", broken)
    assert "missing or damaged" in said("02-granite-flux", 1)


# ---------------------------------------------------------------------------------------------
# Property: any object at all gives one line and never the answer

def leaks(line: str, qid: str, answer) -> list[str]:
    """Pieces of the expected answer in a reply that the learner's own answer did not hold."""
    if line.startswith("✅"):
        return []  # the learner's own right answer, said back to them
    try:
        own = f"{answer!r} {answer}"
    except Exception:
        own = ""
    return leaked(line, QUESTIONS[qid], own)


anything = st.one_of(
    st.none(), st.just(...), st.booleans(), st.integers(), st.integers(min_value=10**300),
    st.floats(allow_nan=True, allow_infinity=True), st.complex_numbers(),
    st.decimals(allow_nan=True), st.fractions(), st.text(), st.binary(),
    st.lists(st.one_of(st.floats(), st.integers(), st.booleans(), st.text(max_size=3)), max_size=8),
    st.tuples(st.floats(), st.floats()), st.dictionaries(st.text(max_size=3), st.integers(), max_size=3),
    st.sets(st.integers(), max_size=4), st.frozensets(st.text(max_size=2), max_size=3),
    hnp.arrays(dtype=hnp.scalar_dtypes(), shape=hnp.array_shapes(min_dims=0, max_dims=2, max_side=4)),
    st.builds(lambda v: pd.Series(v, dtype="float64"), st.lists(st.floats(), max_size=5)),
    st.builds(lambda v: pd.Series(v, dtype="bool"), st.lists(st.booleans(), max_size=5)),
    st.builds(lambda v: pd.DataFrame({"a": v}), st.lists(st.integers(), max_size=3)),
    st.sampled_from([print, np, len, iter([1, 2]), {}.keys(), object(), type, pd.NA, np.nan, range(3)]),
    # text that looks like numbers: units, decimal commas, look-alike minus signs, spaces
    st.builds(lambda x, sep, minus, unit: f"{minus}{abs(x)}".replace(".", sep) + unit,
              st.floats(allow_nan=False, allow_infinity=False, width=32), st.sampled_from([".", ","]),
              st.sampled_from(["", "-", "−", "–"]), st.sampled_from(["", " m", " W/m²", "%", " GB", " ppm"])),
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(qid=st.sampled_from(sorted(QUESTIONS)), answer=anything)
def test_any_object_gets_one_line_and_never_the_answer(qid, answer):
    line = check.feedback(qid, answer)
    assert line.count("\n") == 0 and line.startswith(("✅ Well done: ", "❌ Not yet: ")), line
    assert "Traceback" not in line and "could not read" not in line, (answer, line)
    assert leaks(line, qid, answer) == [], (answer, line)


@given(qid=st.sampled_from(NUMBERS), shift=st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_wrong_numbers_never_hear_the_answer(qid, shift):
    expected = QUESTIONS[qid]["expected"]
    answer = expected + shift
    line = check.feedback(qid, answer)
    assert leaks(line, qid, answer) == [], (answer, line)
    if abs(shift) > QUESTIONS[qid]["tolerance"] + 1e-9 * max(1, abs(expected)):
        assert line.startswith("❌"), (answer, line)


def test_the_leak_check_would_see_an_answer():
    """The property above means something: a reply that states the answer is caught."""
    assert "-0.0924" in leaks("❌ Not yet: the answer is -0.0924 W/m².", "02-granite-flux", 1)
    assert leaks("❌ Not yet: about −0,09", "02-granite-flux", 1) == []   # not an accepted form
    assert leaks("❌ Not yet: 0.0924 is too high", "02-granite-flux", 0.0924) == []  # their own
    assert leaks("❌ Not yet: it is 9 earthquakes", "08-big-quakes", 8) == ["9"]
    assert leaks("❌ Not yet: 1959 and 9.35 are not it", "08-big-quakes", 8) == []
    right = QUESTIONS["03-rpy2-kernel"]["options"]["b"]["en"]
    assert right in leaks(f"❌ Not yet: {right}", "03-rpy2-kernel", "a")


# ---------------------------------------------------------------------------------------------
# Issue #24, round 2: advice that is right for the value's type, never naming the right one,
# units as scientists write them, and the power-of-ten and rounding diagnoses

@pytest.mark.parametrize("answer, words, not_words", [
    (pd.Series([12.0, -0.0924]), ".iloc[0]", "[1]"),             # s[1] is a label look-up
    (pd.Series([-0.0924], index=["granite"]), ".item()", "with [0]"),  # s[0]: KeyError in pandas 3
    (np.array([-0.5, -0.0924]), "[0] is the first", "[1]"),
    ([-0.5, -0.0924], "[0] is the first", "[1]"),
    ((-0.5, -0.0924), "[0] is the first", "[1]"),
])
def test_index_advice_fits_the_type_and_never_names_the_right_one(answer, words, not_words):
    line = said("02-granite-flux", answer)
    assert words in line and not_words not in line.replace(words, ""), line
    if isinstance(answer, pd.Series):
        position = words.strip(".iloc[]")
        picked = answer.iloc[int(position)] if position.isdigit() else answer.item()
        assert np.isscalar(picked)   # the advice runs on the very value


def test_a_list_of_candidates_is_not_told_which_one_is_right():
    line = said("08-big-quakes", list(range(30)))
    assert "30 numbers" in line and "[9]" not in line and "want" not in line, line


@pytest.mark.parametrize("answer", ["-0.0924 W m-2", "-0.0924 W/m^2", "-0.0924 W m⁻²",
                                    "-0.0924 W/m**2", "-9.24e-2 W m-2"])
def test_a_unit_as_scientists_write_it_is_read_with_its_number(answer):
    assert said("02-granite-flux", answer).startswith("✅"), said("02-granite-flux", answer)


def test_units_with_exponents_are_not_numbers():
    for typed in ("-0.823 million km²", "-0.823 million km^2 per decade", "-0.823 million km2 decade-1"):
        assert said("02-sea-ice-trend", typed).startswith("✅"), said("02-sea-ice-trend", typed)
    assert "too high" in said("02-granite-flux", "3 m s-1")
    assert "minus sign" not in said("02-granite-flux", "-0.0924 W m⁻²")


@pytest.mark.parametrize("answer", [1e20, 10 ** 20, "1e20"])
def test_a_huge_value_is_far_too_large_not_a_factor_of_ten(answer):
    line = said("03-recent-co2-mean", answer)
    assert "far too large" in line and "factor of 10" not in line, line


def test_an_exact_power_of_ten_slip_says_its_factor():
    assert "factor of 10,000:" in said("03-recent-co2-mean", 3586400)
    assert "far too small" in said("03-recent-co2-mean", 1e-20)


@pytest.mark.parametrize("whole, words", [(359, "rounded too much"), (359.0, "rounded too much"),
                                          ("359", "rounded too much"), ("359.0", "rounded too much"),
                                          (358, "cut off"), (358.0, "cut off"), ("358.0", "cut off")])
def test_a_whole_number_gets_the_same_verdict_as_int_or_float(whole, words):
    """R's round(358.64) arrives as 359.0: the same line as Python's 359."""
    assert words in said("03-recent-co2-mean", whole)


def test_cut_off_is_not_called_rounded():
    line = said("03-recent-co2-mean", 358)                   # 358.64 cut, not rounded
    assert "cut off" in line and "rounded too much" not in line, line
    assert "rounded" in said("02-granite-flux", -0.09)       # both at once: rounding is the plain word
    language.use("zh-TW")
    assert "截掉" in said("03-recent-co2-mean", 358) and "四捨五入得太多" in said("03-recent-co2-mean", 359)


def test_a_slip_in_the_exponents_sign_says_the_power_of_ten():
    question = {"expected": -2e-9, "tolerance": 1e-11, "unit": "m"}
    ok, message = check.judge_number(question, -2e9, None, [])
    assert not ok and "power of ten" in message and "factor" not in message, message
    ok, message = check.judge_number({"expected": 6.02e23, "tolerance": 1e21}, 6.02e-23, "6.02e-23", [])
    assert "power of ten" in message, message


def test_new_words_have_both_languages():
    language.use("zh-TW")
    assert "。" in said("03-recent-co2-mean", 1e20) and "Not yet" not in said("03-recent-co2-mean", 1e20)
    assert ".iloc[0]" in said("02-granite-flux", pd.Series([1.0, 2.0]))


def test_an_r_na_from_a_step_is_not_the_blank(capsys, monkeypatch):
    """The NA a lesson leaves to replace is logical; a number's NA (c(1, 2)[5]) came from a step."""
    about = "question\t03-recent-co2-mean\nlanguage\ten\nclass\t{}\nlength\t1\nvalue\tNA\n"
    assert "replace the NA" in r_says(about.format("logical"), capsys, monkeypatch)
    assert "NA, a missing value" in r_says(about.format("numeric"), capsys, monkeypatch)


def test_a_unit_with_a_power_is_read_whatever_the_questions_unit():
    """01-height-change is in m: the m of 'W m-2' was taken out first and left -2 behind."""
    assert said("01-height-change", "0.2998 W m-2").startswith("✅")
    assert said("01-height-change", "0.3 m²").startswith("✅")


def test_chinese_feedback_gives_the_unit_as_the_lesson_writes_it():
    """Issue #25: the Chinese lessons say 公尺 where the feedback said m; a Chinese unit is
    not followed by a space before the next Chinese word."""
    language.use("zh-TW")
    assert said("01-height-change", 5).startswith("❌ 再想想：5 公尺太大了。")
    assert said("01-height-change", "0.2998 m").startswith("✅ 答對了：0.2998 公尺是對的。")
    assert said("02-granite-flux", 5).startswith("❌ 再想想：5 W/m² 太大了。")
