"""Talking to JupyterLab in a page: commands, the lesson's notebook, panels.

The JavaScript is in labapp.js (window.workshopShots); these wrappers wait for what each
step needs instead of sleeping.
"""
from __future__ import annotations

from pathlib import Path

from ..process import wait_until

GLUE = Path(__file__).with_name("labapp.js")
LESSON = "notebooks/05-jupyterlab-tour.ipynb"

# Every JupyterLab command the tours run. tests/test_screenshots.py checks that each still
# exists in the installed JupyterLab, so an upgrade that renames one is caught early.
COMMANDS = [
    "notebook:clear-all-cell-outputs",
    "notebook:run-all-cells",
    "docmanager:open",
    "docmanager:save",
    "launcher:create",
    "notebook:create-output-view",
    "apputils:change-theme",
    "filebrowser:refresh",
    "jupyterlab-translation:",  # + a locale, e.g. jupyterlab-translation:zh_TW
]


def add_glue(page_or_context):
    """Load labapp.js into every page opened from now on."""
    page_or_context.add_init_script(path=str(GLUE))


def call(page, function: str, *args):
    """window.workshopShots.function(*args) in the page; its result."""
    return page.evaluate(f"(args) => window.workshopShots.{function}(...args)", list(args))


def run_command(page, command: str, args: dict | None = None):
    call(page, "run", command, args or {})


def wait_for_lab(page, timeout: float = 60):
    page.wait_for_function("() => window.workshopShots.labReady()", timeout=timeout * 1000)
    page.evaluate("() => window.jupyterapp.restored")
    page.wait_for_selector(".jp-DirListing-item", timeout=timeout * 1000)


def notebook_state(page, path: str = LESSON) -> dict:
    return call(page, "notebookState", path) or {}


def wait_kernel_idle(page, timeout: float = 60):
    wait_until(lambda: notebook_state(page).get("kernel") == "idle/connected",
               timeout, "the notebook's kernel to be idle and connected")


def save_lesson(page):
    run_command(page, "docmanager:save")
    wait_until(lambda: notebook_state(page).get("dirty") is False, 20, "the lesson to be saved")


def cell_index(page, starts_with: str) -> int:
    """The index of the first cell whose source starts with this text (robust to new cells)."""
    index = call(page, "cellIndex", LESSON, starts_with)
    if index < 0:
        raise LookupError(f"no cell in the lesson starts with {starts_with!r}")
    return index


def scroll_to_cell(page, starts_with: str):
    index = cell_index(page, starts_with)
    call(page, "scrollToCell", LESSON, index)
    wait_until(lambda: call(page, "cellAtTop", LESSON, index), 10,
               f"the cell {starts_with!r} at the top")


def activate(page, path: str = LESSON):
    call(page, "activate", path)


def close_all_but_lesson(page):
    call(page, "closeAllBut", LESSON)
    wait_until(lambda: call(page, "openPanels") == 1, 10, "the other panels to close")


def output_views(page) -> list[str]:
    return call(page, "widgetsOfClass", "jp-LinkedOutputView")


def open_output_view(page, starts_with: str):
    """The figure of the cell starting with this text, in a panel of its own."""
    before = len(output_views(page))
    call(page, "selectCell", LESSON, cell_index(page, starts_with))
    run_command(page, "notebook:create-output-view")
    wait_until(lambda: len(output_views(page)) > before, 20, "a new output view")


def split_right(page, ref: str, moved: str):
    call(page, "splitRight", ref, moved)
