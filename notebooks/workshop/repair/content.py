"""What is in a file: conflict markers, a notebook that no longer opens, and the name and
content of the copy that keeps the student's version. Pure functions: bytes in, answer out."""
from __future__ import annotations

import json
import os
import re
from datetime import datetime
from pathlib import Path

MARKER_SIZE = 7  # git's default conflict-marker-size
KEPT_COPY = re.compile(r"-my-work-\d{8}-\d{6}(-\d+)?\.")  # see kept_copy_name


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
    """True if the text holds at least one complete <<<<<<< ... ======= ... >>>>>>> block,
    each marker at the start of a line."""
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


def markers_in_cells(data: bytes) -> bool:
    """A notebook that opens, with a conflict block inside a cell: what a notebook-aware merge
    tool (nbdime) leaves where both sides changed the same cell."""
    try:
        cells = json.loads(data.decode("utf-8"))["cells"]
        return any(has_conflict_markers("".join(cell.get("source", ""))) for cell in cells)
    except (ValueError, KeyError, TypeError, AttributeError):
        return False


def has_markers(data: bytes) -> bool:
    """Conflict markers anywhere: at line starts of the file, or in a notebook's cell."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return has_conflict_markers(text) or markers_in_cells(data)


def big_file_problem(path: Path, chunk: int = 1 << 20) -> str | None:
    """notebook_problem for a file too big to read whole: what can be told a chunk at a time,
    a notebook cut short (it must end with "}") or conflict markers at line starts."""
    with open(path, "rb") as file:
        file.seek(0, os.SEEK_END)
        file.seek(max(0, file.tell() - 64))
        if not file.read().rstrip().endswith(b"}"):
            return "not valid JSON"
        file.seek(0)
        state, tail = "", b""
        while block := file.read(chunk):
            lines = (tail + block).split(b"\n")
            tail = lines.pop()
            for line in lines:
                if line.startswith(b"<" * MARKER_SIZE):
                    state = "<"
                elif state == "<" and line.rstrip(b"\r") == b"=" * MARKER_SIZE:
                    state = "="
                elif state == "=" and line.startswith(b">" * MARKER_SIZE):
                    return "conflict markers"
    return None


def students_version(path: str, data: bytes, side: str = "ours") -> tuple[bytes, str]:
    """What to keep of a broken file: the student's side of its conflict blocks when that
    gives a sound file, else every byte as it is. Returns (bytes, file suffix)."""
    suffix = Path(path).suffix
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and has_conflict_markers(text):
        resolved = keep_side(text, side)
        if resolved is not None:
            candidate = resolved.encode("utf-8")
            if suffix != ".ipynb" or notebook_problem(candidate) is None:
                return candidate, suffix
    if suffix == ".ipynb" and notebook_problem(data) is not None:
        return data, suffix + ".txt"  # not a notebook any more: readable in the text editor
    return data, suffix


def kept_copy_name(path: str, when: datetime, taken=(), suffix: str | None = None) -> str:
    """NAME-my-work-YYYYMMDD-HHMMSS.EXT beside `path`, not clashing with anything in `taken`."""
    folder, name = os.path.split(path)
    stem, ext = os.path.splitext(name)
    if not stem:  # a name such as ".env"
        stem, ext = name, ""
    ext = ext if suffix is None else suffix
    base = f"{stem}-my-work-{when:%Y%m%d-%H%M%S}"
    candidate, number = base + ext, 1
    while os.path.join(folder, candidate) in taken:
        number += 1
        candidate = f"{base}-{number}{ext}"
    return os.path.join(folder, candidate)


def shown_name(path: str) -> str:
    """A path as it can be printed: a name that is not UTF-8 shows � where its bad bytes are."""
    return os.fsencode(path).decode("utf-8", "replace")
