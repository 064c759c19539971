"""Students clicking one nbgitpuller link in the same second, as their browsers would.

Each student is a thread: it logs in through the hub's form (unless it already has a
session), opens the link, waits while the hub starts its server and follows the pull until
nbgitpuller says it has finished. The threads are released together; each one's clock stops
when the expected file is in the student's home folder.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path

from workshop_kit.hubharness import Hub, Student

LESSON = "notebooks/02-notebook-basics.ipynb"
FOLDER = "jupyterhub-workshop"  # where nbgitpuller puts the workshop in a student's home


def one_student(hub: Hub, link: str, name: str, start: threading.Barrier,
                students: dict | None = None, expect: Path | None = None) -> dict:
    """One student's click; logs in first unless `students` already holds their session."""
    lesson = expect or hub.home(name) / FOLDER / LESSON
    start.wait()
    began = time.monotonic()
    try:
        student = (students or {}).get(name) or Student(hub, name).login()
        if students is not None:
            students[name] = student
        pull = student.click(link, timeout=600)
        ok = pull["phase"] == "finished" and lesson.is_file()
        return {"student": name, "ok": ok, "seconds": time.monotonic() - began,
                "pull_seconds": pull["seconds_pulling"],
                "problem": None if ok else pull["output"][-300:]}
    except Exception as problem:  # a failure is a result here, not a crash
        return {"student": name, "ok": False, "seconds": time.monotonic() - began,
                "problem": f"{type(problem).__name__}: {problem}"[:300]}


def burst(hub: Hub, link: str, students: int, sessions: dict | None = None, expect=None) -> list:
    """All students click `link` at once; `expect(name)` is the file that must then exist."""
    start = threading.Barrier(students + 1)
    results = [None] * students

    def one(index: int):
        name = f"student{index + 1:02d}"
        results[index] = one_student(hub, link, name, start, sessions, expect(name) if expect else None)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(students)]
    for thread in threads:
        thread.start()
    start.wait()
    for thread in threads:
        thread.join()
    return results
