"""What the repair found and did (Report), and the one paragraph that tells the student."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import language
from .messages import MESSAGES


@dataclass
class Report:
    """What the repair found and did; `message` is the paragraph it prints."""
    folder: Path | None = None
    found: list = field(default_factory=list)  # keys of MESSAGES, in the order found
    kept: list = field(default_factory=list)  # (copy, original), relative to the folder
    broken: list = field(default_factory=list)  # files that could not be opened, now fixed
    left_alone: list = field(default_factory=list)  # broken files with no teacher version
    moved: list = field(default_factory=list)
    undone: list = field(default_factory=list)  # files whose teacher's change was put back
    operation: str = ""
    fetched: bool = True
    busy: bool = False
    message: str = ""


def shown(folder) -> str:
    """A folder as the student knows it: ~/workshop rather than /home/ana/workshop."""
    home = Path.home()
    folder = Path(folder)
    return "~/" + folder.relative_to(home).as_posix() if home in folder.parents else str(folder)


def paragraph(report: Report) -> str:
    say = lambda key, **values: language.text(MESSAGES, key, **values)  # noqa: E731
    fetch = "" if report.fetched else say("offline")
    space = "" if language.current() == "zh-TW" else " "  # between sentences
    left = (space + say("broken_own", names=say("kept_sep").join(report.left_alone))
            if report.left_alone else "")
    seen, parts = set(), []
    for key in report.found:
        if key in seen:
            continue
        seen.add(key)
        if key in ("merge", "abort"):
            parts.append(say(key, operation=report.operation))
        elif key in ("broken", "moved", "undone"):
            names = list(dict.fromkeys(getattr(report, key)))  # each once, in order
            parts.append(say(key, names=say("kept_sep").join(names)))
        else:
            parts.append(say(key))
    if not parts:
        return (say("fine", folder=shown(report.folder), fetch=fetch) if not left
                else left.strip() + fetch)
    kept = ""
    if report.kept:
        copies = say("kept_sep").join(say("kept_one", copy=copy, original=original)
                                      for copy, original in report.kept)
        kept = say("kept", copies=copies)
    changed = report.kept or report.broken or report.moved or report.undone
    return say("repaired", folder=shown(report.folder), what=say("and").join(parts), kept=kept,
               fetch=fetch, next=say("next_revert" if changed else "next")) + left
