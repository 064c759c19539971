"""Lesson 05's pictures: every step of the JupyterLab tour, in a real JupyterLab.

One tour for every edition: JupyterLab is switched to the edition's language first (as a
learner does, Settings → Language), the edition's lesson is opened, and each step finds its
cell through the English lesson (lesson_cells).
"""
from __future__ import annotations

from ..process import wait_until
from ..repo import TRADITIONAL_CHINESE
from .lab import Lab
from .labapp import (add_glue, call, close_all_but, notebook_state, open_menu, output_views, run_command,
                     save_notebook, scroll_to_cell, use_language, wait_for_lab, wait_kernel_idle)
from .lesson_cells import Lesson
from .pictures import Shots
from .workshop_copy import WORKSPACE

VIEWPORT = {"width": 1280, "height": 800}
WORKSPACE_ID = "workshop-layout"
LESSON_NAME = "05-jupyterlab-tour.ipynb"
# The lesson's section on JupyterLab's language shows it in Traditional Chinese in every
# edition (jupyterlab-language-pack-zh-TW); every other picture is in the edition's language.
LANGUAGE_PICTURE = "lab-traditional-chinese.png"
LANGUAGE_PICTURE_SHOWS = TRADITIONAL_CHINESE.language


def run_the_lesson(page, lesson: Lesson):
    """Run the lesson the way a learner does, from a clean slate, and save it."""
    state = lambda: notebook_state(page, lesson.path)  # noqa: E731
    run_command(page, "notebook:clear-all-cell-outputs")
    wait_until(lambda: all(c is None for c in state()["counts"]), 20, "the outputs to be cleared")
    run_command(page, "notebook:run-all-cells")
    wait_until(lambda: all(c is not None for c in state()["counts"])
               and state()["kernel"] == "idle/connected", 120, "the lesson to run to the end")
    save_notebook(page, lesson.path)
    run_command(page, "filebrowser:refresh")


def beside_the_lesson(page, path: str, selector: str):
    """Open a file in the right half, as dragging its tab there does."""
    run_command(page, "docmanager:open", {"path": path, "options": {"mode": "split-right"}})
    page.wait_for_selector(selector, timeout=20_000)


def change_theme(page, theme: str, light: bool):
    run_command(page, "apputils:change-theme", {"theme": theme})
    page.wait_for_function(f"() => document.body.dataset.jpThemeLight === '{str(light).lower()}'",
                           timeout=20_000)


def open_output_view(page, lesson: Lesson, index: int):
    """The figure of cell `index` in a panel of its own."""
    before = len(output_views(page))
    call(page, "selectCell", lesson.path, index)
    run_command(page, "notebook:create-output-view")
    wait_until(lambda: len(output_views(page)) > before, 20, "a new output view")


def open_lesson(page, lab: Lab, lesson: Lesson, language: str):
    page.goto(lab.page_url(f"tree/{lesson.path}?reset"))
    wait_for_lab(page)
    use_language(page, language)
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)


def lab_tour(browser, lab: Lab, shots: Shots):
    lesson = Lesson(lab.root, shots.edition, LESSON_NAME)
    if lesson.stand_in:
        print(f"  {lesson.path} is not in this checkout yet: the pictures show the English "
              "lesson under its name. Take them again once the translation is in.", flush=True)
    page = browser.new_page(viewport=VIEWPORT)
    add_glue(page)
    page.on("dialog", lambda dialog: dialog.accept())  # "leave the page?" on reload
    open_lesson(page, lab, lesson, shots.edition.language)
    wait_kernel_idle(page, lesson.path)
    run_the_lesson(page, lesson)

    def show(starts_with: str):
        scroll_to_cell(page, lesson.path, lesson.cell(starts_with))

    # The panels: file browser on the left, the notebook in the main area.
    show("## The panels")
    shots.shoot(page, "lab-panels.png", lesson)

    # test.png (the lesson made it) beside the notebook.
    beside_the_lesson(page, f"{lesson.folder}/test.png", ".jp-ImageViewer img")
    show("Now open it next to this notebook")
    shots.shoot(page, "lab-picture-beside-notebook.png", lesson)
    close_all_but(page, lesson.path)

    run_command(page, "launcher:create")
    page.wait_for_selector(".jp-LauncherCard", timeout=20_000)
    shots.shoot(page, "lab-launcher.png", lesson)
    close_all_but(page, lesson.path)

    # Sine and cosine in output views, side by side (where a drag would put them).
    open_output_view(page, lesson, lesson.cell("x = np.linspace(0, 2 * np.pi, 200)\nfig, ax"))
    open_output_view(page, lesson, lesson.cell("fig, ax = plt.subplots(figsize=(6, 3.5))\nax.plot(x, np.cos(x)"))
    sine, cosine = output_views(page)
    call(page, "splitRight", sine, cosine)
    page.wait_for_function("() => document.querySelectorAll('.jp-LinkedOutputView img').length == 2")
    call(page, "activate", lesson.path)
    show("Now give each figure its own panel")
    shots.shoot(page, "lab-output-views.png", lesson)
    close_all_but(page, lesson.path)

    # The CSV file the lesson wrote, as a table; then the same in the dark theme.
    beside_the_lesson(page, f"{lesson.folder}/co2-last-decade.csv", ".jp-CSVViewer canvas")
    call(page, "activate", lesson.path)
    show("Now find **co2-last-decade.csv**")
    shots.shoot(page, "lab-csv-table.png", lesson)
    change_theme(page, "JupyterLab Dark", light=False)
    shots.shoot(page, "lab-dark-theme.png", lesson)
    change_theme(page, "JupyterLab Light", light=True)
    close_all_but(page, lesson.path)
    save_notebook(page, lesson.path)

    # The prepared layout: double-click the workspace file, as the lesson tells learners.
    page.locator(".jp-DirListing-item", has_text=WORKSPACE).dblclick()
    page.wait_for_url(f"**/lab/workspaces/{WORKSPACE_ID}**", timeout=30_000)
    wait_for_lab(page)
    for selector in (".jp-LinkedOutputView img", ".jp-CSVViewer canvas", ".jp-NotebookPanel .jp-Cell"):
        page.wait_for_selector(selector, timeout=30_000)
    shots.shoot(page, "lab-workspace-layout.png", lesson)

    # JupyterLab in Traditional Chinese: the language command asks first, then reloads the
    # page (in the zh-TW edition it is in Chinese already); then the Settings menu, open at
    # its Language submenu.
    open_lesson(page, lab, lesson, LANGUAGE_PICTURE_SHOWS)
    open_menu(page, "jp-mainmenu-settings")
    page.locator("#jp-mainmenu-settings .lm-Menu-item[data-type='submenu']").nth(1).hover()
    page.wait_for_selector(".lm-Menu >> nth=1", timeout=10_000)
    shots.shoot(page, LANGUAGE_PICTURE, lesson, language=LANGUAGE_PICTURE_SHOWS)
    page.close()
