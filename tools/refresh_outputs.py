"""Re-run lessons and store their outputs: the expected results the regression tests compare.

Run it after an intended change to a lesson (bash tools/refresh_outputs.sh, or
`python tools/refresh_outputs.py notebooks/02-notebook-basics.ipynb`). It executes each
notebook in its own folder, as JupyterLab and the book build do, keeps the widget state
so maps work on the website, and records no timings, so an unchanged lesson is rewritten
byte for byte.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

LESSONS = Path(__file__).resolve().parents[1] / "notebooks"


def execute(nb, folder: Path, timeout: int = 300):
    """Run a lesson in place, in `folder`, with its own kernel: as JupyterLab and the book do.

    The one way lessons are run outside the book: here, by bench/lessons.py and by tests.
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
    for notebook in args.notebooks or sorted(LESSONS.glob("*.ipynb")):
        print(f"running {notebook.name} ...", flush=True)
        refresh(notebook.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
