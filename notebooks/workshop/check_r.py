"""The self-checks for R lessons: `python3 -m workshop.check r` reads the few lines
workshop/check.R writes about an R value on standard input, and prints the same one line a
Python lesson gets. R's NA, NULL and vectors become their nearest Python values, so the R
lessons share the answers, the feedback and its words with the Python ones.
"""
from __future__ import annotations

import sys
from urllib.parse import unquote

from . import language
from .check_feedback import feedback
from .check_values import RValue


def from_r(lines: list[str]):
    """(question id, Python value) from check.R's description of an R value."""
    fields = {"value": []}
    for line in lines:
        key, _, rest = line.rstrip("\n").partition("\t")
        if key == "value":
            fields["value"].append(None if rest == "NA" else unquote(rest))
        else:
            fields[key] = rest
    kind, values = fields.get("class", "other"), fields["value"]
    length = int(fields.get("length", len(values)) or 0)

    def number(text):
        return float("nan") if text is None else float(text)

    if kind == "NULL":
        value = None
    elif kind in ("numeric", "integer", "logical", "character", "factor"):
        if length == 1 and values and values[0] is None:
            value = RValue("NA")
        elif kind in ("numeric", "integer"):
            value = [number(v) for v in values]
        elif kind == "logical":
            value = [v == "TRUE" if v is not None else RValue("NA") for v in values]
        else:
            value = [v if v is not None else RValue("NA") for v in values]
        if length == 1 and isinstance(value, list):
            value = value[0]
    elif kind == "list":
        value = [RValue("element")] * max(length, 0)
    else:
        value = RValue(kind)
    return fields.get("question", ""), value, fields.get("language", "en")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] != ["r"]:
        print("usage: python3 -m workshop.check r < description (written by workshop/check.R)")
        return 2
    question_id, value, wanted = from_r(sys.stdin.read().splitlines())
    if wanted in language.LANGUAGES:
        language.use(wanted)
    print(feedback(question_id, value, code="r"))
    return 0
