"""Feedback on an answer to a multiple-choice question: the letter's own explanation if it
is one of the options, else how to type a letter ("b" between quotes, just one, no list).
"""
from __future__ import annotations

import re
import unicodedata
from numbers import Complex

from .check_messages import pick_text, say
from .check_values import elements, is_bool, is_r, kind, scalar, shown


def letters_of(question: dict) -> str:
    """The question's letters as the learner reads them: '"a", "b" or "c"'."""
    letters = [f'"{letter}"' for letter in sorted(question["options"])]
    return say("comma").join(letters[:-1]) + say("or") + letters[-1] if len(letters) > 1 else letters[0]


def choice_feedback(question: dict, answer, code: dict) -> tuple[bool, str]:
    letters = letters_of(question)
    options = question["options"]
    answer = scalar(answer)
    if answer is ... or is_r(answer, "NA"):
        return False, say("blank_choice", letters=letters)
    if answer is None:
        return False, say("nothing_choice", nothing=code["nothing"], letters=letters)
    if isinstance(answer, (bytes, bytearray)):
        return False, say("bytes_choice", letters=letters)
    if is_bool(answer) or isinstance(answer, Complex):
        return False, say("number_for_choice", shown=shown(answer), letters=letters)
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
        explanation = pick_text(options[letter])
        if letter == question["correct"]:
            return True, say("right_choice", explanation=explanation)
        return False, say("wrong_choice", explanation=explanation)
    if isinstance(answer, (list, tuple, set, frozenset)) or elements(answer) is not None:
        return False, say("list_choice", letters=letters)
    return False, say("other_choice", kind=kind(answer), letters=letters)
