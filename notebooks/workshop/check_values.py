"""What kind of value a learner gave a self-check: one number, a list of them, a table, a
function, an R value described by check.R... and a short picture of it to quote back.

Nothing here imports numpy or pandas: their objects are recognized by what they have
(`shape`, `item`, `tolist`) and by their type's name, so the check runs with the standard
library alone.
"""
from __future__ import annotations

from .check_messages import one_line

SHOWN_LENGTH = 40


class RValue:
    """A stand-in for an R value that has no Python twin (NA, a data frame, a function...)."""

    def __init__(self, what: str):
        self.what = what


def is_r(answer, what: str) -> bool:
    return isinstance(answer, RValue) and answer.what == what


def kind(answer) -> str:
    return answer.what if isinstance(answer, RValue) else type(answer).__name__


def shown(answer) -> str:
    """A short, safe picture of the learner's own answer (never more than one line)."""
    try:
        text = repr(answer)
    except Exception:
        text = f"<{type(answer).__name__}>"
    text = one_line(text)
    return text if len(text) <= SHOWN_LENGTH else text[:SHOWN_LENGTH - 1] + "…"


def is_function(answer) -> bool:
    return callable(answer) and type(answer).__name__ in {
        "function", "builtin_function_or_method", "method", "method-wrapper", "partial",
        "ufunc", "_ArrayFunctionDispatcher", "cython_function_or_method", "wrapper_descriptor",
    } or is_r(answer, "function")


def elements(answer, limit: int = 100_000):
    """The values of a list-like answer as a Python list, or None if it is not list-like."""
    if isinstance(answer, (str, bytes, bytearray, dict)):
        return None
    shape = getattr(answer, "shape", None)
    if shape is not None and not isinstance(shape, tuple):
        shape = None
    if shape is not None and len(shape) >= 2:
        return None  # a table; handled by the caller
    tolist = getattr(answer, "tolist", None)
    if callable(tolist) and shape is not None:
        values = tolist()
        return values if isinstance(values, list) else [values]
    if isinstance(answer, (list, tuple, set, frozenset, range)):
        return list(answer)[:limit]
    if hasattr(answer, "__len__") and hasattr(answer, "__iter__") and not hasattr(answer, "__next__"):
        return list(answer)[:limit]  # dict_keys, dict_values, deque, ...
    return None


def is_table(answer) -> bool:
    shape = getattr(answer, "shape", None)
    return (isinstance(shape, tuple) and len(shape) >= 2) or is_r(answer, "data.frame")


def is_bool(value) -> bool:
    return isinstance(value, bool) or type(value).__name__ in {"bool_", "bool"}


def scalar(answer):
    """A 0-dimensional array or a one-value numpy/pandas scalar as a plain Python value."""
    shape = getattr(answer, "shape", None)
    item = getattr(answer, "item", None)
    if shape == () and callable(item):
        return item()
    return answer
