"""Self-checks: the learner names a question and gives an answer; one friendly line comes back.

    from workshop import check
    my_granite_flux = -0.0924
    check.number("02-granite-flux", my_granite_flux)
    my_choice = "b"
    check.choice("03-rpy2-kernel", my_choice)

The expected answers, tolerances, units, hints and explanations are not in the lessons: they
come from answers.txt beside this file (see store.py), so reading a lesson or the website
does not give an answer away. Whatever Python object arrives (a number, text with a unit or
a decimal comma, a whole array, None, a function...), the reply is one line that says what
to do next and never shows the expected answer. Messages follow `workshop.language`.

The R lesson uses the same answers and the same words: its helper (check.R) describes the R
value on standard input to `python3 -m workshop.check r`, which prints the line. So the
self-checks need nothing but the standard library.

Three modules, top to bottom: this one (the entry points and the judging), check_text
(reading what arrived: the kind of value, a number typed as text, an R value) and
check_messages (the words, from the table check_messages.tsv that check.R reads too).

Why not otter-grader's local checks (`grader.check("q1")`, Data 8's choice)? Tried with
otter-grader 7.0: its tests are readable Python files in the learners' folder, and a failed
check prints the test's code, so `abs(my_flux - (-0.0924)) < 0.0005` shows the answer; a
None, a string or an array gets a multi-line doctest report with a traceback; R needs the
ottr package; and it adds about 90 packages to the environment. It shines at grading
submitted work, which this workshop does not do.
"""
from __future__ import annotations

import math
import re
import sys
import unicodedata
from decimal import Decimal, InvalidOperation
from numbers import Complex, Integral, Real

from . import language, store
from .check_messages import CODE, MESSAGES, in_language, one_line, say
from .check_text import (SHOWN_LENGTH, elements, from_r, is_bool, is_function, is_r, is_table,
                         kind, parse_text, scalar, shown)

__all__ = ["choice", "feedback", "main", "number"]


def number(question_id: str, answer) -> None:
    """Check a number: prints one line. Returns nothing, so the cell shows only that line."""
    # One write for the whole line, so the notebook never receives it in two pieces.
    sys.stdout.write(feedback(question_id, answer) + "\n")
    sys.stdout.flush()


def choice(question_id: str, answer) -> None:
    """Check a multiple-choice letter: prints one line."""
    number(question_id, answer)  # the same line: the question knows its kind


def feedback(question_id: str, answer, code: str = "python") -> str:
    """The one line a self-check prints for `answer` to question `question_id`."""
    try:
        try:
            questions = store.load()
        except (OSError, ValueError, UnicodeError):
            return framed(False, say("no_store"))
        question = questions.get(str(question_id))
        if question is None:
            ok, message = False, say("unknown_question", qid=str(question_id)[:SHOWN_LENGTH])
        elif question["kind"] == "choice":
            ok, message = choice_feedback(question, answer, CODE[code])
        else:
            ok, message = number_feedback(question, answer, CODE[code])
    except Exception:  # whatever the object does, the learner gets one line, never a traceback
        ok, message = False, say("could_not_read")
    return framed(ok, message)


def framed(ok: bool, message: str) -> str:
    """The verdict and what to say, on one line: ✅ Well done: ... or ❌ Not yet: ..."""
    return one_line(in_language(MESSAGES["right" if ok else "not_yet"]).format(one_line(message)))


def main(argv: list[str] | None = None) -> int:
    """`python3 -m workshop.check r`: the line for the R value check.R describes on stdin."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] != ["r"]:
        print("usage: python3 -m workshop.check r < description (written by workshop/check.R)")
        return 2
    try:
        question_id, value, wanted = from_r(sys.stdin.read().splitlines())
    except ValueError:  # not a description check.R writes (one made by hand): one line all the same
        print(framed(False, say("could_not_read")))
        return 0
    if wanted in language.LANGUAGES:
        language.use(wanted)
    print(feedback(question_id, value, code="r"))
    return 0


# ---------------------------------------------------------------------------------------------
# A number question: whatever arrived is turned into one real number to judge, or into the
# one piece of advice that gets the learner there.

def number_feedback(question: dict, answer, code: dict) -> tuple[bool, str]:
    """Right or not, and what to say, for any object given to a number question."""
    hint = in_language(question.get("hint"))
    answer = scalar(answer)
    if answer is ... or is_r(answer, "NA"):
        return False, say("blank_number", blank=code["blank"])
    if is_r(answer, "NA_value"):  # an R NA that came out of a step, not the NA left to replace
        return False, say("na_value", hint=hint)
    if answer is None:
        return False, say("nothing", nothing=code["nothing"])
    if is_bool(answer):
        return False, say("bool_number", shown=code["true" if answer else "false"])
    if type(answer).__name__ in ("NAType", "NaTType"):  # pandas' missing values
        return False, say("nan", hint=hint)
    if isinstance(answer, str):
        if not answer.strip():
            return False, say("empty_text")
        parsed, problem, count = parse_text(answer, in_language(question.get("unit")))
        if problem:
            return False, say(problem, shown=shown(answer), n=count)
        value, typed, notes = parsed
        for note in [n for n in notes if isinstance(n, tuple)]:
            notes.remove(note)
            other = note[1]   # the other reading of an ambiguous comma, if it is the right one
            if abs(other - float(question["expected"])) <= float(question.get("tolerance", 0)):
                value, typed = other, str(other)
                notes.append("note_comma")
        return judge_number(question, value, typed, notes)
    if isinstance(answer, (bytes, bytearray)):
        return False, say("bytes")
    if isinstance(answer, (Real, Decimal)):
        try:
            value = float(answer)
        except OverflowError:
            digits = math.floor(math.log10(abs(answer))) + 1
            return False, say("too_big", digits=f"{digits:,}", hint=hint)
        except (ValueError, ArithmeticError):  # Decimal('sNaN') and other odd numbers
            return False, say("nan", hint=hint)
        typed = str(int(answer)) if isinstance(answer, Integral) else None  # 358, not 358.0
        return judge_number(question, value, typed, [])
    if isinstance(answer, Complex):
        return False, say("complex")
    if isinstance(answer, dict):
        return False, say("dictionary")
    if is_table(answer):
        return False, say("table")
    if is_function(answer):
        return False, say("function")
    if type(answer).__name__ == "module":
        return False, say("module")
    listed = elements(answer)
    if listed is not None:
        if hasattr(answer, "iloc"):  # pandas: s[1] looks up the label 1, not the second value
            code = CODE["pandas"]
        return several_values(question, *listed, code)
    if hasattr(answer, "__next__") and hasattr(answer, "__iter__"):
        return False, say("iterator", kind=type(answer).__name__)
    return False, say("other_number", kind=kind(answer))


def several_values(question: dict, values: list, count: int, code: dict) -> tuple[bool, str]:
    """What to say when the answer holds `count` values (a list, an array, an R vector), of
    which `values` are the first."""
    values = [scalar(v) for v in values]
    if not values:
        return False, say("empty")
    if all(is_bool(v) for v in values):
        if question.get("count"):
            return False, say("trues_to_count", n=count, count=code["count"])
        return False, say("several_numbers", n=count, pick="")
    if all(isinstance(v, str) for v in values):
        return False, say("texts")
    if not all(isinstance(v, Real) and not is_bool(v) for v in values):
        return False, say("mixed", n=count)
    if count == 1:
        return False, say("one_in_a_series" if code.get("series") else "one_in_a_list", first=code["first"])
    # Never which one is right: that would answer a list of every candidate (range(30)).
    if code.get("series"):
        pick = say("pick_series", first=code["first"])
    else:
        pick = in_language(question.get("pick")) or say("pick_generic", first=code["first"])
    return False, say("several_numbers", n=count, pick=pick)


# ---------------------------------------------------------------------------------------------
# Judging one real number: right, or the one diagnosis that fits (a listed mistake, rounded
# or cut off too much, the wrong sign, the exponent's sign slipped, a unit off by a power of
# ten, far too large or small, too high or too low), said without ever showing the answer.

def number_shown(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return format(value, ".12g")


def _decimals_of(value: float, typed: str | None) -> int:
    """How many digits after the point the learner gave, from what they typed if it was
    text; trailing zeros do not count, so 7, 7.0 and "7.0" are judged alike, and a whole
    number counts its trailing zeros negatively (150 -> -1, 1e20 -> -20)."""
    text = typed if typed is not None else repr(value)
    try:
        exponent = Decimal(text.strip().lower().replace("+", "")).normalize().as_tuple().exponent
    except (InvalidOperation, ValueError):
        return 12
    return -exponent if isinstance(exponent, int) else 12


def _decimals_needed(expected: float, tolerance: float) -> int:
    return next((d for d in range(12) if abs(round(expected, d) - expected) <= tolerance), 12)


def judge_number(question: dict, value: float, typed: str | None, notes: list[str]) -> tuple[bool, str]:
    """Right or not, and the one diagnosis that fits this value (the first that applies)."""
    expected = float(question["expected"])
    tolerance = float(question.get("tolerance", 0))
    unit = in_language(question.get("unit"))
    hint = in_language(question.get("hint"))
    counting = bool(question.get("count"))
    slack = 1e-9 * max(1.0, abs(expected))

    if math.isnan(value):
        return False, say("nan", hint=hint)
    if math.isinf(value):
        return False, say("infinite", hint=hint)
    shown = number_shown(value)
    if abs(value - expected) <= tolerance + slack:
        space = "" if language.current() == "zh-TW" else " "
        return True, space.join([say("right_number", shown=shown, unit=unit)] + [say(n) for n in notes])
    if counting and value != int(value):
        return False, say("not_whole", shown=shown, hint=hint)

    mistakes = [m for m in question.get("mistakes", [])
                if abs(value - m["value"]) <= m["tolerance"] + slack]
    if mistakes:
        closest = min(mistakes, key=lambda m: abs(value - m["value"]))
        return False, say("mistake", shown=shown, say=in_language(closest["say"]))

    # Rounded too much, or cut off: the value is exactly the answer shortened to its digits.
    decimals = _decimals_of(value, typed)
    needed = _decimals_needed(expected, tolerance)

    def is_close(candidate: float) -> bool:
        return abs(value - candidate) <= slack + 1e-12 * abs(value)

    def is_rounded(target: float) -> bool:
        return is_close(round(target, decimals))

    def is_cut(target: float) -> bool:
        step = 10.0 ** -decimals
        return is_close(math.trunc(target / step) * step)

    if value != 0 and not counting and decimals < needed:
        if is_rounded(expected) or is_cut(expected):
            key = "rounded" if is_rounded(expected) else "cut_off"
            return False, say(key if needed > 0 else key + "_whole", shown=shown, decimals=needed)

    if value != 0 and expected != 0 and (
            abs(value + expected) <= tolerance + slack
            or decimals < needed and (is_rounded(-expected) or is_cut(-expected))):
        sign = in_language(question.get("sign"))
        return False, say("wrong_sign", sign=sign) if sign else say("wrong_sign_generic")

    if not counting and expected != 0 and value != 0:
        rounding = 0.5 * 10.0 ** -decimals
        # 2e9 typed for 2e-9: the exponent's sign slipped (for answers people write with e).
        power = math.floor(math.log10(abs(expected)))
        if abs(power) >= 3:
            scale = 10.0 ** (2 * power)
            if abs(value * scale - expected) <= max(tolerance, rounding * scale) + 1e-9 * abs(expected):
                return False, say("exponent_sign", shown=shown)
        for power in range(1, 13):
            factor = 10 ** power
            if (abs(value / factor - expected) <= max(tolerance, rounding / factor) + slack
                    or abs(value * factor - expected) <= max(tolerance, rounding * factor) + slack):
                return False, say("unit_slip", shown=shown, factor=f"{factor:,}", unit=unit)

    if expected != 0 and abs(value) >= 1000 * abs(expected):
        return False, say("far_too_large", shown=shown, unit=unit, hint=hint)
    if expected != 0 and abs(value) * 1000 <= abs(expected) and value != 0:
        return False, say("far_too_small", shown=shown, unit=unit, hint=hint)
    key = "too_high" if value > expected else "too_low"
    return False, say(key, shown=shown, unit=unit, hint=hint)


# ---------------------------------------------------------------------------------------------
# A multiple-choice question: the letter's own explanation if it is one of the options, else
# how to type a letter ("b" between quotes, just one, no list).

def choice_feedback(question: dict, answer, code: dict) -> tuple[bool, str]:
    options = question["options"]
    quoted = [f'"{letter}"' for letter in sorted(options)]
    letters = say("comma").join(quoted[:-1]) + say("or") + quoted[-1] if len(quoted) > 1 else quoted[0]
    answer = scalar(answer)
    if answer is ... or is_r(answer, "NA") or is_r(answer, "NA_value"):
        return False, say("blank_choice", letters=letters)
    if answer is None:
        return False, say("nothing_choice", nothing=code["nothing"], letters=letters)
    if isinstance(answer, (bytes, bytearray)):
        return False, say("bytes_choice", letters=letters)
    if is_bool(answer):
        return False, say("number_for_choice", shown=code["true" if answer else "false"], letters=letters)
    if isinstance(answer, Complex):  # R's numbers arrive as floats: 2, not 2.0, as R writes it
        r_float = code is CODE["r"] and isinstance(answer, float) and math.isfinite(answer)
        picture = number_shown(answer) if r_float else shown(answer)
        return False, say("number_for_choice", shown=picture, letters=letters)
    if isinstance(answer, str):
        text = unicodedata.normalize("NFKC", answer).strip().lower()
        text = text.strip("\"'`“”‘’ ").strip()
        if not text:
            return False, say("blank_choice", letters=letters)
        match = re.fullmatch(r"[(\[]?\s*([a-z])\s*[)\].:]?", text)
        if not match:
            found = set(re.findall(r"(?<![a-z])([a-z])(?![a-z])", text)) & set(options)
            if len(found) > 1 or re.fullmatch(r"[a-z]{2,4}", text) and set(text) <= set(options):
                return False, say("one_letter", shown=shown(answer), letters=letters)
            return False, say("not_an_option", shown=shown(answer), letters=letters)
        letter = match.group(1)
        if letter not in options:
            return False, say("not_an_option", shown=shown(answer), letters=letters)
        return letter == question["correct"], in_language(options[letter])
    if isinstance(answer, (list, tuple, set, frozenset)) or elements(answer) is not None:
        return False, say("list_choice", letters=letters)
    return False, say("other_choice", kind=kind(answer), letters=letters)


if __name__ == "__main__":
    sys.exit(main())
