"""The language the workshop's helpers speak to a learner: English or Traditional Chinese.

A lesson's first cell chooses it, and every message after that follows: self-check
feedback, the environment check's table, the link builder's errors; and figures get a font
that can write the language (workshop.fonts). Before any lesson chooses (a fresh kernel, the
repair command in a terminal), the helpers speak the language of the edition they sit in:
the Traditional Chinese lessons are in a zh-TW folder wherever they are (see of_place).

    from workshop import language
    language.use("zh-TW")
    language.text(MESSAGES, "not_a_number", answer="abc")

Each module keeps its messages side by side, one dictionary per message, so a message
without its translation is easy to see (a test checks that every one has both):

    MESSAGES = {
        "not_a_number": {"en": "{answer!r} is not a number.", "zh-TW": "{answer!r} 不是數字。"},
    }
"""
from __future__ import annotations

import os
from pathlib import Path

from . import fonts

LANGUAGES = ("en", "zh-TW")
DEFAULT = "en"


def of_place(*places) -> str | None:
    """The language of the edition that holds the first of `places` (files or folders) inside
    a folder named after a language, or None.

    The Chinese lessons sit in a zh-TW folder in the repository, in its zip, on Binder and in
    the copy a workshop link makes in a learner's home (~/REPOSITORY/zh-TW/notebooks); their
    workshop folder is there too, as a link to notebooks/workshop (a copy in the zip)."""
    for place in places:
        try:
            # absolute(), not resolve(): following zh-TW/notebooks/workshop, a link to
            # notebooks/workshop, would lose the zh-TW the learner is in.
            parts = Path(place).absolute().parts
        except (OSError, TypeError, ValueError):  # a folder that is gone, a name with a NUL
            continue
        for part in reversed(parts):  # the innermost: ~/en-course/zh-TW/notebooks is zh-TW
            found = [known for known in LANGUAGES if part.replace("_", "-").lower() == known.lower()]
            if found:
                return found[0]
    return None


def _here() -> list:
    """Where this helper runs: the current folder (a kernel's is its notebook's), then the
    workshop folder itself."""
    try:
        return [os.getcwd(), __file__]
    except OSError:  # the current folder was deleted
        return [__file__]


_current = of_place(*_here()) or DEFAULT


def use(language: str) -> str:
    """Speak `language` from now on ("en" or "zh-TW"); an unknown one keeps English."""
    global _current
    wanted = str(language).strip().replace("_", "-")
    for known in LANGUAGES:
        if wanted.lower() == known.lower():
            _current = known
            fonts.use_for(known)  # figures follow too: Chinese titles need a CJK font
            return known
    print(f"⚠️ The workshop speaks {' and '.join(LANGUAGES)}, not {language!r}: "
          "messages stay in English.")
    _current = DEFAULT
    return DEFAULT


def current() -> str:
    return _current


def text(messages: dict, key: str, **values) -> str:
    """One message in the current language, with `values` filled in."""
    versions = messages[key]
    template = versions.get(_current) or versions[DEFAULT]
    return template.format(**values)
