"""The students file of `workshop-accounts`: one `name password` per line, checked line by line.

The file may be written in any editor: Windows line ends, blank lines, `# comments`, extra
spaces and a missing last line end are all fine. Names must be safe account names in lower
case (the hub writes every name in lower case); passwords need 8 characters or more, in any
language, and no spaces: `mary jane secret` could be mary's or "mary jane"'s, so such a
line is refused rather than guessed.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workshop_hub.settings import ACCOUNT_NAME

PASSWORD_LENGTH = 8


@dataclass(frozen=True)
class Entry:
    line: int
    name: str
    password: str


@dataclass(frozen=True)
class Problem:
    line: int
    text: str      # the name as written (never the password)
    reason: str

    def __str__(self):
        return f"skipped line {self.line} ({self.text!r}): {self.reason}"


def name_problem(name: str) -> str | None:
    """Why `name` cannot be a student's account, or None when it can."""
    if not ACCOUNT_NAME.match(name):
        if name.lower() != name and ACCOUNT_NAME.match(name.lower()):
            return (f"names are lower case only (the hub signs everyone in with lower-case "
                    f"names): write {name.lower()!r}")
        return ("not a safe account name: use lower-case letters, digits, '-' and '_', "
                "starting with a letter, at most 32 characters")
    if name in ("root", "nobody", "admin"):
        return "a name the system keeps for itself"
    return None


def parse(text: str) -> tuple[list[Entry], list[Problem]]:
    """The entries of a students file, and the lines that cannot be used, with reasons."""
    entries, problems, seen = [], [], set()
    text = text.removeprefix("\ufeff")  # a byte-order mark, as some editors write
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        words = line.split()  # spaces or tabs between
        name, password = (words + [""])[:2]
        shown = name if name.isprintable() else name.encode("unicode_escape").decode("ascii")
        reason = name_problem(name)
        if reason is None and len(words) > 2:
            reason = ("more than a name and a password: a name has no spaces, and here a "
                      "password has none either (write: name password)")
        elif reason is None and not password:
            reason = "no password: write the name, a space, then the password"
        elif reason is None and len(password) < PASSWORD_LENGTH:
            reason = f"the password is shorter than {PASSWORD_LENGTH} characters"
        elif reason is None and not password.isprintable():
            reason = "the password contains a control character"
        elif reason is None and name in seen:
            reason = "listed twice: the first line counts"
        if reason:
            problems.append(Problem(number, shown[:40], reason))
        else:
            seen.add(name)
            entries.append(Entry(number, name, password))
    return entries, problems


def read_file(path: str) -> str:
    """The students file as text, or SystemExit with one line."""
    try:
        data = Path(path).read_bytes()
    except OSError as problem:
        raise SystemExit(f"error: cannot read {path}: {problem.strerror}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as problem:
        line = data[: problem.start].count(b"\n") + 1
        raise SystemExit(f"error: {path} is not UTF-8 text (line {line}); save it as UTF-8.") from None
