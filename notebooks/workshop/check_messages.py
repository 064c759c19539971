"""Every word the self-checks say, in English and Traditional Chinese.

The words live in one table, check_messages.tsv beside this file: a row per message, its
key, then the English, then the Chinese. It is a plain tab-separated file so that the R
lessons' helper (check.R) reads the same table with base R alone (R has no JSON reader
without a package, and the R lessons run in the IRkernel, without Python). Messages are
Python format strings: {shown} is filled in by the check.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

from . import language

TABLE = Path(__file__).with_name("check_messages.tsv")
MESSAGES = {key: dict(zip(language.LANGUAGES, texts)) for key, *texts in
            (row.split("\t") for row in TABLE.read_text(encoding="utf-8").splitlines()[1:])}

# How the same advice is written in each programming language (code, not words).
CODE = {
    "python": {"first": "[0]", "index": "[{}]", "count": ".sum()", "nothing": "None",
               "blank": "...", "offset": 0, "true": "True", "false": "False"},
    # A pandas Series: [n] looks up the label n (KeyError: 1 in pandas 3), .iloc[n] the position.
    "pandas": {"first": ".iloc[0]", "index": ".iloc[{}]", "count": ".sum()", "nothing": "None",
               "blank": "...", "offset": 0, "true": "True", "false": "False", "series": True},
    "r": {"first": "[1]", "index": "[{}]", "count": "sum(...)", "nothing": "NULL",
          "blank": "NA", "offset": 1, "true": "TRUE", "false": "FALSE"},
}


def in_language(texts) -> str:
    """A text in the current language, from a table row or a question ({"en": ..., "zh-TW": ...})."""
    if not texts or isinstance(texts, str):
        return texts or ""  # a unit such as "m" is the same in both
    return texts.get(language.current()) or texts.get("en", "")


def say(key: str, **values) -> str:
    """One message of the table, in the current language, with `values` filled in."""
    template = in_language(MESSAGES[key])
    if unicodedata.east_asian_width(str(values.get("unit", ""))[-1:] or "a") == "W":
        template = template.replace("{unit} ", "{unit}")  # 0.5 公尺太大了: no space between Chinese words
    return template.format(**values)


def one_line(text) -> str:
    return " ".join(str(text).split())
