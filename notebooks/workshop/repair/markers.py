"""Conflict markers and notebooks that no longer open: pure functions, text in, answer out."""
from __future__ import annotations

import json

MARKER_SIZE = 7  # git's default conflict-marker-size


def _marker(line: str, char: str) -> bool:
    body = line.rstrip("\r\n")
    return body.startswith(char * MARKER_SIZE) and (
        len(body) == MARKER_SIZE or body[MARKER_SIZE] == " ")


def keep_side(text: str, side: str = "ours") -> str | None:
    """The text with every conflict block replaced by one side ("ours" or "theirs").

    Understands git's blocks with and without the base section (diff3). Returns None if the
    markers are not well formed (a block never closed, a separator missing), so that a
    half-understood file is never passed off as the student's version.
    """
    out, state = [], "outside"  # outside -> ours -> (base) -> theirs -> outside
    for line in text.splitlines(keepends=True):
        if state == "outside":
            if _marker(line, "<"):
                state = "ours"
            elif _marker(line, "=") or _marker(line, ">") or _marker(line, "|"):
                if line.rstrip("\r\n") == "=" * MARKER_SIZE:
                    out.append(line)  # a lone ======= is ordinary text (a Markdown heading)
                    continue
                return None
            else:
                out.append(line)
        elif state in ("ours", "base"):
            if _marker(line, "|") and state == "ours":
                state = "base"
            elif line.rstrip("\r\n") == "=" * MARKER_SIZE:
                state = "theirs"
            elif _marker(line, "<") or _marker(line, ">"):
                return None
            elif state == "ours" and side == "ours":
                out.append(line)
        else:  # theirs
            if _marker(line, ">"):
                state = "outside"
            elif _marker(line, "<") or _marker(line, "|"):
                return None
            elif side == "theirs":
                out.append(line)
    return "".join(out) if state == "outside" else None


def has_conflict_markers(text: str) -> bool:
    """True if the text holds at least one complete <<<<<<< ... ======= ... >>>>>>> block."""
    opened = separated = False
    for line in text.splitlines():
        if _marker(line, "<"):
            opened, separated = True, False
        elif opened and line == "=" * MARKER_SIZE:
            separated = True
        elif opened and separated and _marker(line, ">"):
            return True
    return False


def notebook_problem(data: bytes) -> str | None:
    """Why these bytes cannot open as a notebook, or None if they can."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "not text"
    if has_conflict_markers(text):
        return "conflict markers"
    try:
        notebook = json.loads(text)
    except ValueError:
        return "not valid JSON"
    if not (isinstance(notebook, dict) and isinstance(notebook.get("cells"), list)
            and isinstance(notebook.get("nbformat"), int)):
        return "not a notebook"
    return None


def is_text_with_markers(data: bytes) -> bool:
    try:
        return has_conflict_markers(data.decode("utf-8"))
    except UnicodeDecodeError:
        return False
