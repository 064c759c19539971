"""The whole repair, in order: find the student's copy, then run each kind of repair on it
and write the paragraph that says what happened."""
from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from .. import language
from .history import rewritten_history
from .locks import stale_locks
from .messages import MESSAGES
from .overwritten import undone_changes
from .plumbing import GitMissing, find_clone, find_upstream
from .report import Report, paragraph, shown
from .retired import moved_lessons
from .teacher_versions import teacher_versions
from .unfinished import unfinished_operation
from .unreadable import broken_files
from .workcopy import WorkCopy


def check_and_fix(folder=None, *, fetch: bool = True, now: datetime | None = None) -> Report:
    """Find and fix what stops the workshop link from updating the copy around `folder`
    (default: the current folder). Returns a Report; prints nothing."""
    report = Report()
    start = Path(folder or os.getcwd())
    try:
        repo = find_clone(start)
        if repo is None:
            report.folder = start
            report.message = language.text(MESSAGES, "not_a_clone", folder=shown(start))
            return report
        report.folder = repo
        work = WorkCopy(repo, report, now or datetime.now())
        if not stale_locks(work):
            report.message = language.text(MESSAGES, "busy", folder=shown(repo))
            return report
        if fetch:
            work.fetch()
        work.upstream = find_upstream(repo)
        unfinished_operation(work)
        broken_files(work)
        versions = teacher_versions(repo, work.upstream)
        rewritten_history(work, versions)
        moved_lessons(work, versions)
        undone_changes(work)
    except GitMissing:
        report.message = language.text(MESSAGES, "no_git")
        return report
    report.message = paragraph(report)
    return report


def run(folder=None, *, fetch: bool = True) -> None:
    """Repair the workshop folder you are in and print one paragraph about what happened."""
    print(check_and_fix(folder, fetch=fetch).message)
