"""Is what a lesson imports installed? Python is asked whether it could find each package,
without importing it, and a lesson's first cell prints the answer in one friendly line:

    from workshop.preflight import require
    require("numpy", "matplotlib")
"""
from __future__ import annotations

import importlib.util
import re
import reprlib

from . import language
from .preflight_messages import MESSAGES

# What an importable module name looks like: dotted identifiers (numpy, rpy2.ipython).
_MODULE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


def is_installed(name: str) -> bool:
    """True when Python can find the module `name`, without importing it."""
    if not isinstance(name, str) or not _MODULE_NAME.match(name):
        return False
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _and_list(names: list[str]) -> str:
    """['a'] -> 'a'; ['a', 'b'] -> 'a and b'; ['a', 'b', 'c'] -> 'a, b and c'."""
    if len(names) == 1:
        return names[0]
    comma, and_ = language.text(MESSAGES, "comma"), language.text(MESSAGES, "and")
    return comma.join(names[:-1]) + and_ + names[-1]


def require(*names: str) -> None:
    """Print one friendly line: is everything this lesson imports installed? Never raises.

    Returns nothing, so the cell shows only that line.
    """
    not_names = [name for name in names if not isinstance(name, str) or not _MODULE_NAME.match(name)]
    if not_names:
        shown = ", ".join(reprlib.repr(name) for name in not_names[:3])
        print(language.text(MESSAGES, "not_names", shown=shown))
        return
    missing = [name for name in names if not is_installed(name)]
    # The line and its end in one write, so the notebook never receives it in two pieces.
    if not missing:
        print(language.text(MESSAGES, "everything_installed") + "\n", end="")
        return
    key = "missing_one" if len(missing) == 1 else "missing_several"
    print(language.text(MESSAGES, key, names=_and_list(missing)) + "\n", end="")
