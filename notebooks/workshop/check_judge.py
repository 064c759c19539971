"""Judging one real number against a question's answer: right, or the one diagnosis that
fits (a listed mistake, rounded too much, the wrong sign, a unit off by a power of ten, too
high or too low), said without ever showing the answer.
"""
from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation

from . import language
from .check_messages import pick_text, say


def number_shown(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return format(value, ".12g")


def _decimals_of(value: float, typed: str | None) -> int:
    """How many digits after the point the learner gave, from what they typed if it was
    text; a whole number with trailing zeros counts them negatively (150 -> -1)."""
    text = typed if typed is not None else repr(value)
    try:
        exponent = Decimal(text.strip().lower().replace("+", "")).as_tuple().exponent
    except (InvalidOperation, ValueError):
        return 12
    if not isinstance(exponent, int):
        return 12
    if exponent < 0:
        return -exponent
    whole = int(value)
    zeros = 0
    while whole and whole % 10 == 0 and zeros < 12:
        whole //= 10
        zeros += 1
    return -zeros - exponent


def _decimals_needed(expected: float, tolerance: float) -> int:
    for decimals in range(0, 12):
        if abs(round(expected, decimals) - expected) <= tolerance:
            return decimals
    return 12



def judge_number(question: dict, value: float, typed: str | None, notes: list[str]) -> tuple[bool, str]:
    """Right or not, and the one diagnosis that fits this value (the first that applies)."""
    expected = float(question["expected"])
    tolerance = float(question.get("tolerance", 0))
    unit = pick_text(question.get("unit"))
    hint = pick_text(question.get("hint"))
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
        return False, say("mistake", shown=shown, say=pick_text(closest["say"]))

    # Rounded too much: the value is exactly the answer rounded (or cut) to the digits given.
    decimals = _decimals_of(value, typed)
    needed = _decimals_needed(expected, tolerance)

    def is_shortened(target: float) -> bool:
        step = 10.0 ** -decimals
        cut = math.trunc(target / step) * step
        return any(abs(value - candidate) <= slack + 1e-12 * abs(value)
                   for candidate in (round(target, decimals), cut))

    if value != 0 and not counting and decimals < needed:
        if is_shortened(expected):
            key = "rounded" if needed > 0 else "rounded_whole"
            return False, say(key, shown=shown, decimals=needed)

    if value != 0 and expected != 0 and (abs(value + expected) <= tolerance + slack
                                         or decimals < needed and is_shortened(-expected)):
        sign = pick_text(question.get("sign"))
        return False, say("wrong_sign", sign=sign) if sign else say("wrong_sign_generic")

    if not counting and expected != 0 and value != 0:
        rounding = 0.5 * 10.0 ** -decimals
        for factor in (10, 100, 1000, 1_000_000):
            if (abs(value / factor - expected) <= max(tolerance, rounding / factor) + slack
                    or abs(value * factor - expected) <= max(tolerance, rounding * factor) + slack):
                return False, say("unit_slip", shown=shown, factor=f"{factor:,}", unit=unit)

    key = "too_high" if value > expected else "too_low"
    return False, say(key, shown=shown, unit=unit, hint=hint)
