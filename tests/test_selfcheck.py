"""The self-checks answer every kind of learner input with one friendly line, never a traceback."""
import pytest

from workshop import check


@pytest.mark.parametrize("answer, verdict, words", [
    (-0.0924, "✅", "right"),
    ("-0.0924", "✅", "right"),
    ("-0.0924 W/m²", "✅", "right"),
    (-0.0616, "❌", "too high"),
    (-1, "❌", "too low"),
    (..., "❌", "replace the ..."),
    (None, "❌", "replace the ..."),
    ("minus a bit", "❌", "is not a number"),
    ([1, 2], "❌", "is not a number"),
    (float("nan"), "❌", "NaN"),
])
def test_number_feedback(capsys, answer, verdict, words):
    assert check.number(answer, expected=-0.0924, tolerance=0.0005, unit="W/m²") is None
    said = capsys.readouterr().out
    assert said.startswith(verdict) and words in said
    assert said.count("\n") == 1


def test_number_feedback_includes_the_hint_when_wrong(capsys):
    check.number(8, expected=9, hint="Use >= so that 5.0 counts.")
    assert "Use >= so that 5.0 counts." in capsys.readouterr().out


@pytest.mark.parametrize("answer, verdict, words", [
    ("b", "✅", "rpy2"),
    (" B ", "✅", "rpy2"),
    ("(b)", "✅", "rpy2"),
    ("a", "❌", "Python 3"),
    ("d", "❌", "not one of the choices"),
    (2, "❌", "not one of the choices"),
    (..., "❌", "replace the ..."),
])
def test_choice_feedback(capsys, answer, verdict, words):
    check.choice(answer, correct="b", explanations={
        "a": "the kernel is Python 3.", "b": "rpy2 hands it to R.", "c": "they run."})
    said = capsys.readouterr().out
    assert said.startswith(verdict) and words in said
