"""Run one lesson in a pool worker, in a private copy of its folder (see workshop_kit.build)."""
from __future__ import annotations

import os
import re
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

import nbformat

ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def _tracked(folder: Path) -> list[str] | None:
    """Top-level names in `folder` that git tracks; None outside a git checkout."""
    listed = subprocess.run(["git", "ls-files", "-z", "--", "."], cwd=folder,
                            capture_output=True, text=True)
    if listed.returncode != 0:
        return None
    return sorted({name.split("/", 1)[0] for name in listed.stdout.split("\0") if name})


@contextmanager
def private_folder(folder: Path):
    """A temporary folder of the same name holding links to `folder`'s tracked entries."""
    names = _tracked(folder)
    if names is None:  # not a git checkout: every entry
        names = sorted(p.name for p in folder.iterdir())
    with tempfile.TemporaryDirectory(prefix="workshop-run-") as scratch:
        private = Path(scratch) / folder.name
        private.mkdir()
        for name in names:
            if (folder / name).exists():
                os.symlink(folder / name, private / name)
        yield private


def run_lesson(path: Path, timeout: int) -> tuple[str, float, str | None]:
    """Run one notebook (in a pool worker): its executed text, seconds, and any traceback."""
    from jupyter_cache.executors.utils import single_nb_execution  # what MyST-NB itself calls

    nb = nbformat.read(path, as_version=4)
    with private_folder(path.parent) as folder:
        result = single_nb_execution(nb, cwd=str(folder), timeout=timeout, allow_errors=False)
    # nbclient's message holds the cell and the kernel's traceback (without nbclient's own
    # frames); the colour codes are for terminals that the build log is often not.
    error = ANSI_COLOUR.sub("", str(result.err)) if result.err else None
    return nbformat.writes(nb), result.time, error
