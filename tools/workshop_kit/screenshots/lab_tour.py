"""Lesson 05's pictures: every step of the JupyterLab tour, in a real JupyterLab."""
from __future__ import annotations

from pathlib import Path

from ..process import wait_until
from .lab import Lab
from .labapp import (LESSON, activate, add_glue, close_all_but_lesson, notebook_state,
                     open_output_view, output_views, run_command, save_lesson, scroll_to_cell,
                     split_right, wait_for_lab, wait_kernel_idle)
from .pictures import Shots

VIEWPORT = {"width": 1280, "height": 800}
WORKSPACE_FILE = "notebooks/workshop-layout.jupyterlab-workspace"
WORKSPACE_ID = "workshop-layout"
LOCALE = "zh_TW"  # jupyterlab-language-pack-zh-TW


def run_the_lesson(page):
    """Run the lesson the way a learner does, from a clean slate, and save it."""
    run_command(page, "notebook:clear-all-cell-outputs")
    wait_until(lambda: all(c is None for c in notebook_state(page)["counts"]), 20,
               "the outputs to be cleared")
    run_command(page, "notebook:run-all-cells")
    wait_until(lambda: all(c is not None for c in notebook_state(page)["counts"])
               and notebook_state(page)["kernel"] == "idle/connected", 120,
               "the lesson to run to the end")
    save_lesson(page)
    run_command(page, "filebrowser:refresh")


def beside_the_lesson(page, path: str, selector: str):
    """Open a file in the right half, as dragging its tab there does."""
    run_command(page, "docmanager:open", {"path": path, "options": {"mode": "split-right"}})
    page.wait_for_selector(selector, timeout=20_000)


def change_theme(page, theme: str, light: bool):
    run_command(page, "apputils:change-theme", {"theme": theme})
    page.wait_for_function(f"() => document.body.dataset.jpThemeLight === '{str(light).lower()}'",
                           timeout=20_000)


def lab_tour(browser, lab: Lab, shots: Shots):
    page = browser.new_page(viewport=VIEWPORT)
    add_glue(page)
    page.on("dialog", lambda dialog: dialog.accept())  # "leave the page?" on reload
    page.goto(lab.page_url(f"tree/{LESSON}?reset"))
    wait_for_lab(page)
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
    wait_kernel_idle(page)
    run_the_lesson(page)

    # The panels: file browser on the left, the notebook in the main area.
    scroll_to_cell(page, "## The panels")
    shots.shoot(page, "lab-panels.png")

    # test.png beside the notebook.
    beside_the_lesson(page, "notebooks/test.png", ".jp-ImageViewer img")
    scroll_to_cell(page, "Now open it next to this notebook")
    shots.shoot(page, "lab-picture-beside-notebook.png")
    close_all_but_lesson(page)

    run_command(page, "launcher:create")
    page.wait_for_selector(".jp-LauncherCard", timeout=20_000)
    shots.shoot(page, "lab-launcher.png")
    close_all_but_lesson(page)

    # Sine and cosine in output views, side by side (where a drag would put them).
    open_output_view(page, "x = np.linspace(0, 2 * np.pi, 200)\nfig, ax")
    open_output_view(page, "fig, ax = plt.subplots(figsize=(6, 3.5))\nax.plot(x, np.cos(x)")
    sine, cosine = output_views(page)
    split_right(page, sine, cosine)
    page.wait_for_function("() => document.querySelectorAll('.jp-LinkedOutputView img').length == 2")
    activate(page)
    scroll_to_cell(page, "Now give each figure its own panel")
    shots.shoot(page, "lab-output-views.png")
    close_all_but_lesson(page)

    # The CSV file the lesson wrote, as a table; then the same in the dark theme.
    beside_the_lesson(page, "notebooks/co2-last-decade.csv", ".jp-CSVViewer canvas")
    activate(page)
    scroll_to_cell(page, "Now find **co2-last-decade.csv**")
    shots.shoot(page, "lab-csv-table.png")
    change_theme(page, "JupyterLab Dark", light=False)
    shots.shoot(page, "lab-dark-theme.png")
    change_theme(page, "JupyterLab Light", light=True)
    close_all_but_lesson(page)
    save_lesson(page)

    # The prepared layout: double-click the workspace file, as the lesson tells learners.
    page.locator(".jp-DirListing-item", has_text=Path(WORKSPACE_FILE).name).dblclick()
    page.wait_for_url(f"**/lab/workspaces/{WORKSPACE_ID}**", timeout=30_000)
    wait_for_lab(page)
    for selector in (".jp-LinkedOutputView img", ".jp-CSVViewer canvas", ".jp-NotebookPanel .jp-Cell"):
        page.wait_for_selector(selector, timeout=30_000)
    shots.shoot(page, "lab-workspace-layout.png")

    # Traditional Chinese: the language command asks first, then reloads the page.
    page.goto(lab.page_url(f"tree/{LESSON}?reset"))
    wait_for_lab(page)
    run_command(page, f"jupyterlab-translation:{LOCALE}")
    page.locator(".jp-Dialog .jp-mod-accept").click(timeout=20_000)
    page.get_by_text("名稱").first.wait_for(timeout=60_000)  # reloaded: the Name column is 名稱
    wait_for_lab(page)
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=30_000)
    menus = page.locator(".lm-MenuBar-item")
    menus.nth(menus.count() - 2).click()  # Settings: the menu left of Help
    page.locator(".lm-Menu .lm-Menu-item[data-type='submenu']").nth(1).hover()  # Language
    page.wait_for_selector(".lm-Menu >> nth=1", timeout=10_000)
    shots.shoot(page, "lab-traditional-chinese.png")
    page.close()
