"""The whole repair, in order, the one paragraph that says what happened, and the terminal
command: python3 -m workshop.repair [FOLDER] [--language zh-TW] [--no-fetch]."""
from __future__ import annotations

import argparse
import heapq
import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from .. import language
from . import gitcalls
from .gitcalls import GitMissing, find_clone, find_upstream, teacher_versions
from .messages import MESSAGES
from .repairs import broken_files, stale_locks, unfinished_operation, unwritable
from .updates import moved_lessons, rewritten_history, undone_changes
from .workcopy import Report, WorkCopy

# Below this much free space the next save, click or repair can stop halfway: a lesson with
# its outputs is a few MB, and JupyterLab keeps a checkpoint copy of each beside it.
LOW_SPACE = 100 * 2**20
BIGGEST_SHOWN = 3
LOOKED_AT = 200_000  # files at most, when looking for the biggest: a few seconds


def check_and_fix(folder=None, *, fetch: bool = True, now: datetime | None = None) -> Report:
    """Find and fix what stops the workshop link from updating the copy around `folder`
    (default: the current folder). Returns a Report; prints nothing."""
    report = Report()
    say = lambda key, **values: language.text(MESSAGES, key, **values)  # noqa: E731
    start = Path(folder or os.getcwd())
    if start.is_file():
        start = start.parent
    report.folder = start
    if not start.is_dir():
        report.message = say("no_folder", folder=shown(start))
        return report
    try:
        repo = find_clone(start)
        if repo is None:
            report.message = say("not_a_clone", folder=shown(start))
            return report
        report.folder = repo
        work = WorkCopy(repo, report, now or datetime.now())
        if not stale_locks(work):
            report.message = say("busy", folder=shown(repo))
            return report
        if fetch:
            work.fetch()
        work.upstream = find_upstream(repo)
        unwritable(work)
        unfinished_operation(work)
        broken_files(work)
        versions = teacher_versions(repo, work.upstream)
        rewritten_history(work, versions)
        moved_lessons(work, versions)
        undone_changes(work)
    except GitMissing:
        report.message = say("no_git")
        return report
    except (OSError, subprocess.SubprocessError) as failure:  # e.g. a full disk under git
        report.failed.append((shown(report.folder), getattr(failure, "strerror", None)
                              or str(failure).splitlines()[0]))
        report.disk_full = report.disk_full or "No space left" in str(failure)
    report.message = paragraph(report)
    return report


def run(folder=None, *, fetch: bool = True) -> None:
    """Repair the workshop folder you are in and print one paragraph about what happened."""
    print(check_and_fix(folder, fetch=fetch).message)


def shown(folder) -> str:
    """A folder as the student knows it: ~/workshop rather than /home/ana/workshop."""
    home, folder = Path.home(), Path(folder)
    return "~/" + folder.relative_to(home).as_posix() if home in folder.parents else str(folder)


def paragraph(report: Report) -> str:
    say = lambda key, **values: language.text(MESSAGES, key, **values)  # noqa: E731
    sep = say("kept_sep")
    space = "" if language.current() == "zh-TW" else " "  # between sentences
    fetch = ("" if report.fetched else say("no_answer", seconds=gitcalls.FETCH_TIMEOUT)
             if report.fetch_timed_out else say("offline"))
    seen, parts = set(), []
    for key in report.found:
        if key in seen:
            continue
        seen.add(key)
        if key in ("merge", "abort"):
            parts.append(say(key, operation=report.operation))
        elif key in ("broken", "moved", "undone", "unwritable"):
            names = list(dict.fromkeys(getattr(report, key)))  # each once, in order
            parts.append(say(key, names=sep.join(names)))
        else:
            parts.append(say(key))
    # What could not be done: never "in order" while one of these stands.
    problems = []
    if report.left_alone:
        problems.append(say("broken_own", names=sep.join(report.left_alone)))
    if report.refused:
        problems.append(say("refused", names=sep.join(
            os.fsencode(p).decode("utf-8", "replace") for p in report.refused)))
    if report.failed:
        problems.append(say("failed", names=sep.join(
            say("with", name=name, detail=why) for name, why in dict.fromkeys(report.failed))))
    low = _low_space(report)
    if low:
        problems.append(low)
    tail = "".join(space + p for p in problems)
    if not parts:
        if problems:
            return tail.strip() + fetch + space + say("when_a_click_fails")
        return say("fine", folder=shown(report.folder), fetch=fetch)
    kept = ""
    if report.kept:
        copies = sep.join(say("kept_one", copy=os.fsencode(copy).decode("utf-8", "replace"),
                              original=os.fsencode(original).decode("utf-8", "replace"))
                          for copy, original in report.kept)
        kept = say("kept", copies=copies)
    changed = report.kept or report.broken or report.moved or report.undone
    return say("repaired", folder=shown(report.folder), what=say("and").join(parts), kept=kept,
               fetch=fetch, next=say("next_open_tab" if changed else "next")) + tail


def _low_space(report: Report) -> str:
    """How much to free, and the biggest files where the student can free it, if the disk is
    (nearly) full; else ""."""
    folder = report.folder
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return ""
    if free >= LOW_SPACE and not report.disk_full:
        return ""
    home = Path.home()
    where = home if home in Path(folder).parents else Path(folder)
    biggest = heapq.nlargest(BIGGEST_SHOWN, _sizes(where))
    files = language.text(MESSAGES, "kept_sep").join(
        language.text(MESSAGES, "with", name=shown(path), detail=_megabytes(size))
        for size, path in biggest)
    return language.text(MESSAGES, "low_space", free=_megabytes(free),
                         need=_megabytes(max(LOW_SPACE - free, 2**20)), where=shown(where),
                         files=files or "-")


def _sizes(top: Path):
    seen = 0
    for folder, folders, names in os.walk(top):  # never follows links
        if ".git" in folders:
            folders.remove(".git")  # git's own files: not the student's to delete
        for name in names:
            seen += 1
            if seen > LOOKED_AT:
                return
            try:
                yield os.lstat(os.path.join(folder, name)).st_size, os.path.join(folder, name)
            except OSError:
                continue


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.0f} MB" if size >= 2**20 else f"{size / 2**20:.1f} MB"


def _language_of(folder) -> str:
    """What --language is when not given: the edition the folder to repair sits in (the
    zh-TW lessons are in a zh-TW folder), else the terminal's locale, else the edition of the
    current folder or of this helper (workshop.language chose it on import)."""
    if folder and (found := language.of_place(folder)):
        return found
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value.lower().replace("-", "_").startswith("zh_tw"):
            return "zh-TW"
    return language.current()


def main(argv=None) -> int:
    """The terminal command; exit status 1 while git is busy in the folder."""
    parser = argparse.ArgumentParser(
        prog="python3 -m workshop.repair",
        description="Repair the workshop folder after an update went wrong, keeping your work.")
    parser.add_argument("folder", nargs="?", help="a folder inside the workshop copy "
                        "(default: the current folder)")
    parser.add_argument("--language", default=None,
                        help="en or zh-TW (default: the edition of the folder, e.g. zh-TW/notebooks)")
    parser.add_argument("--no-fetch", action="store_true",
                        help="do not ask the teacher's repository for its latest version")
    args = parser.parse_args(argv)
    language.use(args.language or _language_of(args.folder))
    report = check_and_fix(args.folder, fetch=not args.no_fetch)
    print(report.message)
    return 1 if report.busy else 0
