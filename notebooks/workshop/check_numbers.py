"""Feedback on an answer to a number question: whatever arrived (text, None, a bool, a list,
an array, a table, a function...) is turned into one real number to judge, or into the one
piece of advice that gets the learner there.
"""
from __future__ import annotations

import math
from decimal import Decimal
from numbers import Complex, Integral, Real

from .check_judge import judge_number
from .check_messages import CODE, pick_text, say
from .check_typed import parse_text
from .check_values import elements, is_bool, is_function, is_r, is_table, kind, scalar, shown


def number_feedback(question: dict, answer, code: dict) -> tuple[bool, str]:
    """Right or not, and what to say, for any object given to a number question."""
    hint = pick_text(question.get("hint"))
    answer = scalar(answer)
    if answer is ... or is_r(answer, "NA"):
        return False, say("blank_number", blank=code["blank"])
    if answer is None:
        return False, say("nothing", nothing=code["nothing"])
    if is_bool(answer):
        picture = ("TRUE" if answer else "FALSE") if code is CODE["r"] else shown(answer)
        return False, say("bool_number", shown=picture)
    if type(answer).__name__ in ("NAType", "NaTType"):  # pandas' missing values
        return False, say("nan", hint=hint)
    if isinstance(answer, str):
        if not answer.strip():
            return False, say("empty_text")
        parsed, problem, count = parse_text(answer, pick_text(question.get("unit")))
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
    values = elements(answer)
    if values is not None:
        return several_values(question, values, code)
    if hasattr(answer, "__next__") and hasattr(answer, "__iter__"):
        return False, say("iterator", kind=type(answer).__name__)
    return False, say("other_number", kind=kind(answer))



def several_values(question: dict, values: list, code: dict) -> tuple[bool, str]:
    """What to say when the answer holds several values (a list, an array, an R vector)."""
    count = len(values)
    # Only the first 100,000 are looked at: three million one by one took 20 s on a busy machine.
    values = [scalar(v) for v in values[:100_000]]
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
    if len(values) == 1:
        return False, say("one_in_a_list", first=code["first"])
    expected, tolerance = float(question["expected"]), float(question.get("tolerance", 0))
    right = []
    for position, v in enumerate(values):
        try:
            if abs(float(v) - expected) <= tolerance + 1e-9 * max(1.0, abs(expected)):
                right.append(position)
        except (OverflowError, ValueError, TypeError):
            continue
    if len(right) == 1:
        where = code["index"].format(right[0] + code["offset"])
        pick = say("pick_this_one", where=where)
    else:
        pick = pick_text(question.get("pick")) or say("pick_generic", first=code["first"])
    return False, say("several_numbers", n=count, pick=pick)
