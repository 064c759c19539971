"""Self-checks: a learner passes an answer and gets friendly feedback, never a traceback.

    from workshop import check
    check.number(answer, expected=421.1, tolerance=0.5, unit="ppm")
    check.choice(answer, correct="b", explanations={"a": "...", "b": "..."})
"""
from __future__ import annotations

import math
from numbers import Real

RIGHT = "✅ Well done: {}"
NOT_YET = "❌ Not yet: {}"


def _say(ok: bool, message: str) -> None:
    # Print rather than return, so the cell shows one friendly line and no True/False.
    print((RIGHT if ok else NOT_YET).format(message))


def number(answer, expected: float, tolerance: float = 0.0, unit: str = "", hint: str = "") -> None:
    """Say whether `answer` is a number within `tolerance` of `expected`."""
    unit_text = f" {unit}" if unit else ""
    if answer is ... or answer is None:
        return _say(False, "replace the ... with your answer, then run the cell again.")
    if isinstance(answer, bool) or not isinstance(answer, Real):
        try:
            answer = float(str(answer).replace(",", "").replace(unit, "").strip())
        except ValueError:
            return _say(False, f"{answer!r} is not a number. Type just the number, e.g. 12.5.")
    if math.isnan(answer):
        return _say(False, "your answer is NaN ('not a number'), often a sign of missing data.")
    if abs(answer - expected) <= tolerance:
        return _say(True, f"{answer:g}{unit_text} is right.")
    direction = "too high" if answer > expected else "too low"
    return _say(False, f"{answer:g}{unit_text} is {direction}. {hint}".strip())


def choice(answer, correct: str, explanations: dict[str, str]) -> None:
    """Multiple choice: `answer` is one of the keys of `explanations`."""
    if answer is ... or answer is None:
        return _say(False, "replace the ... with the letter of your choice, then run the cell again.")
    key = str(answer).strip().lower().strip("()").strip()
    if key not in explanations:
        options = ", ".join(repr(k) for k in explanations)
        return _say(False, f"{answer!r} is not one of the choices; pick one of {options}.")
    return _say(key == correct, explanations[key])
