"""The student's version of a file, kept beside it as NAME-my-work-YYYYMMDD-HHMMSS.EXT before
the repair changes the file."""
from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

from .markers import has_conflict_markers, keep_side, notebook_problem

KEPT_COPY = re.compile(r"-my-work-\d{8}-\d{6}(-\d+)?\.")  # see kept_copy_name


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
