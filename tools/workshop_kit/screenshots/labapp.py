"""Talking to JupyterLab in a page: commands, a lesson's notebook, panels, menus, language.

The JavaScript is in labapp.js (window.workshopShots); these wrappers wait for what each
step needs instead of sleeping. Nothing here finds things by their English words, so the
same steps work in JupyterLab set to another language: menus by their id, buttons by their
command, cells by their index.
"""
from __future__ import annotations

from pathlib import Path

from ..process import wait_until

GLUE = Path(__file__).with_name("labapp.js")

# Every JupyterLab command the tours run. tests/unit/test_screenshots.py checks that each still
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
    "hub:control-panel",
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


def is_lab(page) -> bool:
    return bool(call(page, "labReady"))


def wait_for_app(page, timeout: float = 60):
    """JupyterLab started and restored its layout (its language is loaded by then)."""
    page.wait_for_function("() => window.workshopShots.labReady()", timeout=timeout * 1000)
    page.evaluate("() => window.jupyterapp.restored")


def wait_for_lab(page, timeout: float = 60):
    """JupyterLab ready, its file browser showing the files."""
    wait_for_app(page, timeout)
    page.wait_for_selector(".jp-DirListing-item", timeout=timeout * 1000)


def page_language(page) -> str:
    """The language the page says it is in: <html lang>, which JupyterLab sets to the
    language it loaded (en, zh-TW) and the hub's pages have as en."""
    return page.evaluate("() => document.documentElement.lang")


def use_language(page, language: str, timeout: float = 60):
    """Switch JupyterLab to `language` (en, zh-TW) as a learner does, if it is not in it yet:
    Settings → Language asks first ("Change and reload"), then reloads the page. The choice
    is saved in the user's settings, so every page opened afterwards has it too."""
    if page_language(page) == language:
        return
    run_command(page, f"jupyterlab-translation:{language.replace('-', '_')}")  # its locale: zh_TW
    page.locator(".jp-Dialog .jp-mod-accept").click(timeout=20_000)
    page.wait_for_function(f"() => document.documentElement.lang === {language!r}",
                           timeout=timeout * 1000)
    wait_for_app(page, timeout)


def open_menu(page, menu_id: str):
    """Click a menu of the menu bar, found by its id (jp-mainmenu-file, -settings, ...)."""
    index = call(page, "menuIndex", menu_id)
    if index < 0:
        raise LookupError(f"JupyterLab's menu bar has no menu {menu_id!r}")
    page.locator(".lm-MenuBar-item").nth(index).click()
    page.wait_for_selector(f".lm-Menu#{menu_id}", timeout=10_000)


def notebook_state(page, path: str) -> dict:
    return call(page, "notebookState", path) or {}


def wait_kernel_idle(page, path: str, timeout: float = 60):
    wait_until(lambda: notebook_state(page, path).get("kernel") == "idle/connected",
               timeout, "the notebook's kernel to be idle and connected")


def save_notebook(page, path: str):
    run_command(page, "docmanager:save")
    wait_until(lambda: notebook_state(page, path).get("dirty") is False, 20, f"{path} to be saved")


def scroll_to_cell(page, path: str, index: int):
    call(page, "scrollToCell", path, index)
    wait_until(lambda: call(page, "cellAtTop", path, index), 10, f"cell {index} at the top")


def close_all_but(page, path: str):
    call(page, "closeAllBut", path)
    wait_until(lambda: call(page, "openPanels") == 1, 10, "the other panels to close")


def output_views(page) -> list[str]:
    return call(page, "widgetsOfClass", "jp-LinkedOutputView")
