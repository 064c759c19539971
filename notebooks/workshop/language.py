"""The language the workshop's helpers speak to a learner: English or Traditional Chinese.

A lesson's first cell chooses it, and every message after that follows: self-check
feedback, the environment check's table, the link builder's errors; and figures get a font
that can write the language (workshop.fonts).

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

from . import fonts

LANGUAGES = ("en", "zh-TW")
DEFAULT = "en"

_current = DEFAULT


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
