"""Reading what a learner gave a self-check: what kind of value it is (one number, a list, a
table, a function, an R value that check.R described...), a short picture of it to quote
back, and the number in text they typed between quotes ('−12,5 W/m²' is -12.5, with notes
on what was read differently so the feedback can teach the plain way to write it).

Nothing here imports numpy or pandas: their objects are recognized by what they have
(`shape`, `item`, `tolist`) and by their type's name, so the check runs with the standard
library alone.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from urllib.parse import unquote

from .check_messages import one_line

SHOWN_LENGTH = 40
# Only this many values of a long list are looked at: three million one by one took 20 s.
LOOKED_AT = 100_000


class RValue:
    """A stand-in for an R value that has no Python twin (NA, a data frame, a function...)."""

    def __init__(self, what: str):
        self.what = what


class RVector(list):
    """The first values of an R vector (check.R sends at most 1000) and its whole length."""

    def __init__(self, values, length: int):
        super().__init__(values)
        self.length = length


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


def elements(answer) -> tuple[list, int] | None:
    """(the first LOOKED_AT values, how many there are) of a list-like answer, or None if it
    is not list-like (a table is not: the caller says so)."""
    if isinstance(answer, (str, bytes, bytearray, dict)):
        return None
    shape = getattr(answer, "shape", None)
    if not isinstance(shape, tuple):
        shape = None
    if shape is not None and len(shape) >= 2:
        return None
    tolist = getattr(answer, "tolist", None)
    if callable(tolist) and shape is not None:
        values = tolist()
        values = values if isinstance(values, list) else [values]
        return values[:LOOKED_AT], len(values)
    if isinstance(answer, (list, tuple, set, frozenset, range)) or (
            hasattr(answer, "__len__") and hasattr(answer, "__iter__") and not hasattr(answer, "__next__")):
        count = answer.length if isinstance(answer, RVector) else len(answer)
        return list(itertools.islice(answer, LOOKED_AT)), count  # also dict_keys, deque, ...
    return None


def is_table(answer) -> bool:
    shape = getattr(answer, "shape", None)
    return (isinstance(shape, tuple) and len(shape) >= 2) or is_r(answer, "data.frame")


def is_bool(value) -> bool:
    return isinstance(value, bool) or type(value).__name__ in {"bool_", "bool"}


def scalar(answer):
    """A 0-dimensional array or a one-value numpy/pandas scalar as a plain Python value."""
    item = getattr(answer, "item", None)
    return item() if getattr(answer, "shape", None) == () and callable(item) else answer


# ---------------------------------------------------------------------------------------------
# Text typed between quotes

_MINUS_LOOKALIKES = "\u2212\u2012\u2013\u2014\u2015\ufe63\uff0d"
# A number in text; digits stuck to letters (m2, CO2, x10) belong to a word, not a number.
_NUMBER = re.compile(r"(?<![A-Za-z_\d.])[-+]?(?:\d[\d,. ]*\d|\d)(?:[eE][-+]?\d+)?")
_THOUSANDS = re.compile(r"[-+]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?")
_SUPERSCRIPTS = re.compile("[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_FROM_SUPERSCRIPT = str.maketrans("⁻⁺⁰¹²³⁴⁵⁶⁷⁸⁹", "-+0123456789")
_SIGNS = f"-+{_MINUS_LOOKALIKES}"
# 1.2 × 10^-3 or 1.2*10**-3, as a scientist writes it: 1.2e-3.
_TIMES_TEN = re.compile(rf"(\d)\s*[x×*·]\s*10\s*(?:\^|\*\*)\s*([{_SIGNS}]?\d+)")
# A unit's power belongs to the unit (W m-2, m s-1, W/m^2, km**2), never to the number;
# the e of 9.24e-2 is not a unit.
_UNIT_POWER = re.compile(rf"(?<=[A-Za-zµμ°Ω])(?<![\d.][eE])(?:\^|\*\*)?[{_SIGNS}]?\d+")


def _plain(text: str) -> str:
    """Text with compatibility characters made plain, 1.2 × 10^-3 as 1.2e-3, and the powers
    of units (m⁻², m^2, s-1) left out."""
    text = _SUPERSCRIPTS.sub(lambda m: "^" + m.group().translate(_FROM_SUPERSCRIPT), text)
    clean = unicodedata.normalize("NFKC", text)
    return _UNIT_POWER.sub("", _TIMES_TEN.sub(r"\1e\2", clean))


def parse_text(text: str, unit: str = ""):
    """((value, typed number, notes), None, 0) from text such as '−12,5 W/m²', or
    (None, reason, how many numbers) when it holds no number or several. A note is a
    message key, or ("or", other value) for a comma that may be a thousands separator."""
    notes = ["note_text"]
    clean = _plain(text)
    if unit:  # after the powers are gone: "W m-2" holds the unit m, and its -2 is no number
        clean = clean.replace(_plain(unit), " ")
    if any(ch in clean for ch in _MINUS_LOOKALIKES):
        notes.append("note_minus")
        for ch in _MINUS_LOOKALIKES:
            clean = clean.replace(ch, "-")
    numbers = []
    for chunk in _NUMBER.findall(clean):
        for part in re.split(r",\s+|;", chunk):
            words = part.split()
            if len(words) > 1 and re.fullmatch(r"[-+]?\d{1,3}", words[0]) and all(
                    re.fullmatch(r"\d{3}", w) for w in words[1:]):
                words = ["".join(words)]             # 1 000 000, with spaces between thousands
            for word in words:
                if word.count(",") > 1 and not _THOUSANDS.fullmatch(word):
                    numbers += [w for w in word.split(",") if w]   # 1,2,3: three numbers
                elif word:
                    numbers.append(word)
    if len(numbers) != 1:
        return None, "several_in_text" if numbers else "no_number_in_text", len(numbers)
    number = numbers[0]
    if _THOUSANDS.fullmatch(number):
        if re.fullmatch(r"[-+]?\d{1,3},\d{3}", number):   # 1,234: a thousand, or 1.234?
            notes.append(("or", float(number.replace(",", "."))))
        number = number.replace(",", "")          # 1,000 or 12,345.6
    elif "," in number and "." in number:         # 1.234,5 (a European thousands point)
        number = number.replace(".", "").replace(",", ".")
        notes.append("note_comma")
    elif "," in number:                           # 12,5: a decimal comma, never 125
        number = number.replace(",", ".")
        notes.append("note_comma")
    try:
        return (float(number), number, notes), None, 0
    except ValueError:
        return None, "no_number_in_text", 0


# ---------------------------------------------------------------------------------------------
# An R value, as check.R describes it

def from_r(lines: list[str]):
    """(question id, Python value, language) from check.R's description of an R value: one
    line per fact (question, language, class, length) and one per value, URL-escaped."""
    fields = {"value": []}
    for line in lines:
        key, _, rest = line.rstrip("\n").partition("\t")
        if key == "value":
            fields["value"].append(None if rest == "NA" else unquote(rest))
        else:
            fields[key] = rest
    kind, values = fields.get("class", "other"), fields["value"]
    length = int(fields.get("length", len(values)) or 0)
    na = RValue("NA")

    if kind == "NULL":
        value = None
    elif kind in ("numeric", "integer", "logical", "character", "factor"):
        if length == 1 and values and values[0] is None:
            # The blank a lesson leaves is a logical NA; a number's NA came out of a step.
            missing = na if kind == "logical" else RValue("NA_value")
            return fields.get("question", ""), missing, fields.get("language", "en")
        if kind in ("numeric", "integer"):
            values = [float("nan") if v is None else float(v) for v in values]
        elif kind == "logical":
            values = [na if v is None else v == "TRUE" for v in values]
        else:
            values = [na if v is None else v for v in values]
        value = values[0] if length == 1 else RVector(values, length)
    elif kind == "list":
        value = RVector([RValue("element")] * min(length, 1000), length)
    else:
        value = RValue(kind)
    return fields.get("question", ""), value, fields.get("language", "en")
