"""What counts as giving a self-check's answer away. The tests of the self-checks, the
lessons and their battery of wrong answers all use these, so they agree on what a leak is."""
from __future__ import annotations

import re


def accepted_forms(expected: float, tolerance: float) -> list[str]:
    """The expected number as a learner might read it somewhere: every rounding that the
    checker accepts as right, written with a point or a decimal comma, with a plain or a
    Unicode minus, or with no sign at all."""
    forms = set()
    for decimals in range(0, 7):
        rounded = round(expected, decimals)
        if abs(rounded - expected) > tolerance + 1e-9 * max(1.0, abs(expected)):
            continue
        for text in {f"{rounded:.{decimals}f}", f"{rounded:g}"}:
            for signed in {text, text.lstrip("-")}:
                forms |= {signed, signed.replace(".", ","), signed.replace("-", "−")}
    return sorted(form for form in forms if form.strip("-−0.,"))


def _number_in(form: str, text: str) -> bool:
    # A whole number, not part of another: "9" is not in "1959", "9.35" or "0.9".
    return re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", text) is not None


def leaked(text: str, question: dict, own: str = "") -> list[str]:
    """The pieces of a question's answer that `text` shows and `own` (what the learner typed,
    if anything) does not: accepted forms of a number, or the right choice's explanation."""
    if question["kind"] == "choice":
        right = question["options"][question["correct"]]
        return [t for t in right.values() if t in text and t not in own]
    return [form for form in accepted_forms(float(question["expected"]), float(question["tolerance"]))
            if _number_in(form, text) and not _number_in(form, own)]
