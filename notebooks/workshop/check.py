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

This module is the learners' entry point; the work is done by the check_* modules beside
it: check_feedback (the one line), check_numbers and check_judge (number questions),
check_choices (letters), check_typed (numbers typed as text), check_values (the kind of
value that arrived), check_messages, check_choice_messages and check_kind_messages (the
words), check_r (R).

Why not otter-grader's local checks (`grader.check("q1")`, Data 8's choice)? Tried with
otter-grader 7.0: its tests are readable Python files in the learners' folder, and a failed
check prints the test's code, so `abs(my_flux - (-0.0924)) < 0.0005` shows the answer; a
None, a string or an array gets a multi-line doctest report with a traceback; R needs the
ottr package; and it adds about 90 packages to the environment. It shines at grading
submitted work, which this workshop does not do.
"""
from __future__ import annotations

import sys

from .check_feedback import feedback
from .check_messages import CODE, NOT_YET, RIGHT
from .check_messages import EVERY_MESSAGE as MESSAGES
from .check_r import main

__all__ = ["CODE", "MESSAGES", "NOT_YET", "RIGHT", "choice", "feedback", "main", "number"]


def _print_line(line: str) -> None:
    # One write for the whole line, so the notebook never receives it in two pieces.
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def number(question_id: str, answer) -> None:
    """Check a number: prints one line. Returns nothing, so the cell shows only that line."""
    _print_line(feedback(question_id, answer))


def choice(question_id: str, answer) -> None:
    """Check a multiple-choice letter: prints one line."""
    _print_line(feedback(question_id, answer))


if __name__ == "__main__":
    sys.exit(main())
