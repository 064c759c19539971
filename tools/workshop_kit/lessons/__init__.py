"""Re-run lessons and store their outputs: the expected results the regression tests compare.

Run it after an intended change to a lesson: `workshop-refresh notebooks/02-notebook-basics.ipynb`
(or `bash tools/refresh_outputs.sh ...`, which calls it). It executes each
notebook in its own folder, as JupyterLab and the book build do, keeps the widget state
so maps work on the website, and records no timings, so an unchanged lesson is rewritten
byte for byte.

The package's other modules keep every published lesson path alive: published (the manifest
of published paths, the check, the `workshop-retire` command) and retire (renaming and
retiring a lesson, and the note left at its old path).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from ..repo import ENGLISH

# The line every lesson states its time in; the guide's timetable and the template test read it.
TIME_LINE = re.compile(r"\*\*Time:\*\* (\d+) minutes teaching, (\d+) minutes practice")
# The same line in each edition's language (zh-TW/book/glossary.md records the words).
TIME_LINES = {
    "en": TIME_LINE,
    "zh-TW": re.compile(r"\*\*時間：\*\* 教學 (\d+) 分鐘，練習 (\d+) 分鐘"),
}


def execute(nb, folder: Path, timeout: int = 300):
    """Run a lesson in place, in `folder`, with its own kernel: as JupyterLab and the book do.

    The one way lessons are run outside the book: here, by the benchmarks and by tests.
    """
    NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=nb.metadata.kernelspec.name,
        resources={"metadata": {"path": str(folder)}},
        record_timing=False,
        store_widget_state=True,
    ).execute()
    return nb


def refresh(notebook: Path, timeout: int = 300) -> None:
    nb = nbformat.read(notebook, as_version=4)
    nbformat.write(execute(nb, notebook.parent, timeout), notebook)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every lesson")
    args = parser.parse_args(argv)
    for notebook in args.notebooks or ENGLISH.lessons():
        print(f"running {notebook.name} ...", flush=True)
        refresh(notebook.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
