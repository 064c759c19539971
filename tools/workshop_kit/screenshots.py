"""Make the screenshots that lessons 05 (JupyterLab) and 06 (the hub) show, from the real software.

    workshop-screenshots      # about a minute; writes notebooks/images/*.png

It starts a real JupyterLab on 127.0.0.1 in a temporary folder (a copy of notebooks/ and
data/, laid out like the repository), drives it with Playwright and Debian's Chromium
through every step lesson 05 describes, then starts the workshop hub with the test harness
(workshop_kit.hubharness) and photographs the pages lesson 06 describes. Nothing outside the
temporary folder is touched except notebooks/images/; every process it starts is stopped.

Screenshots go stale with each release of JupyterLab or JupyterHub: run this after
upgrading either, look at the pictures, and commit them. tests/test_screenshots.py checks
that the lessons and the images agree and that the commands listed in COMMANDS still exist.
"""
from __future__ import annotations

import io
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import requests
from PIL import Image
from playwright.sync_api import sync_playwright

from .browser import launch_chromium
from .hubharness import Hub, free_port, wait_until
from .repo import LESSONS_DIR, ROOT

IMAGES = LESSONS_DIR / "images"
ENV_BIN = Path(sys.executable).parent

LESSON = "notebooks/05-jupyterlab-tour.ipynb"
WORKSPACE_FILE = "notebooks/workshop-layout.jupyterlab-workspace"
WORKSPACE_ID = "workshop-layout"
LOCALE = "zh_TW"  # jupyterlab-language-pack-zh-TW
VIEWPORT = {"width": 1280, "height": 800}
SCREENSHOT_IN_LESSON = re.compile(r"\n*!\[[^\]]*\]\(images/[^)]*\)")

# Every JupyterLab command this script runs. tests/test_screenshots.py checks that each
# still exists in the installed JupyterLab, so an upgrade that renames one is caught early.
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

# Lab settings for the screenshots: start kernels without asking, and no news pop-up.
SETTING_OVERRIDES = {
    "@jupyterlab/notebook-extension:tracker": {"autoStartDefaultKernel": True},
    "@jupyterlab/apputils-extension:notification": {"checkForUpdates": False,
                                                     "fetchNews": "false"},
}


# --- saving pictures ----------------------------------------------------------------------

def save_png(png: bytes, name: str):
    """A palette PNG (256 colours, no dithering: text stays crisp, files stay small)."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    small = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    IMAGES.mkdir(parents=True, exist_ok=True)
    small.save(IMAGES / name, optimize=True)
    print(f"  {name}: {(IMAGES / name).stat().st_size // 1024} KB", flush=True)


def shoot(page, name: str, shots: list, settle: float = 0.8, **screenshot_options):
    time.sleep(settle)  # let animations and late repaints finish
    save_png(page.screenshot(**screenshot_options), name)
    shots.append(name)


# --- a real JupyterLab --------------------------------------------------------------------

def copy_workshop(dest: Path):
    """The lessons and data as a learner's clone has them (tracked files, no outputs made by runs).

    The lessons are copied without their screenshots, so that a new picture of a lesson
    does not show the old pictures inside it.
    """
    tracked = subprocess.run(["git", "ls-files", "notebooks", "data"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.split()
    for name in [*tracked, WORKSPACE_FILE]:
        if name.startswith("notebooks/images/") or not (ROOT / name).is_file():
            continue
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, dest / name)
        if name.endswith(".ipynb"):
            notebook = nbformat.read(dest / name, as_version=4)
            for cell in notebook.cells:
                if cell.cell_type == "markdown":
                    cell.source = SCREENSHOT_IN_LESSON.sub("", cell.source).rstrip()
            nbformat.write(notebook, dest / name)


class Lab:
    """`jupyter lab` on a free loopback port, with all its settings in a temporary folder."""

    def __init__(self, tmp: Path):
        self.root = tmp / "workshop"
        self.root.mkdir()
        copy_workshop(self.root)
        self.token = secrets.token_hex(16)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        app_settings = tmp / "app-settings"
        app_settings.mkdir()
        (app_settings / "overrides.json").write_text(json.dumps(SETTING_OVERRIDES))
        self.env = {**os.environ,
                    "PATH": f"{ENV_BIN}:{os.environ.get('PATH', '/usr/bin:/bin')}",
                    "JUPYTER_CONFIG_DIR": str(tmp / "config"),
                    "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"),
                    "JUPYTERLAB_SETTINGS_DIR": str(tmp / "user-settings"),
                    "JUPYTERLAB_WORKSPACES_DIR": str(tmp / "workspaces")}
        self.args = [str(ENV_BIN / "jupyter"), "lab", "--no-browser", "--allow-root",
                     "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}",
                     f"--IdentityProvider.token={self.token}",
                     f"--ServerApp.root_dir={self.root}",
                     f"--LabApp.app_settings_dir={app_settings}",
                     "--LabApp.expose_app_in_browser=True"]
        self.log_path = tmp / "jupyterlab.log"
        self.process = None

    def start(self):
        with open(self.log_path, "wb") as log:  # own process group: kernels stop with it
            self.process = subprocess.Popen(self.args, env=self.env, cwd=self.root, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)

        def answering():
            if self.process.poll() is not None:
                raise RuntimeError("JupyterLab exited:\n" + self.log_path.read_text()[-3000:])
            try:
                return requests.get(f"{self.url}/api/status?token={self.token}", timeout=2).ok
            except requests.ConnectionError:
                return False
        wait_until(answering, 60, "JupyterLab to answer")
        return self

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def page_url(self, path: str) -> str:
        return f"{self.url}/lab/{path}{'&' if '?' in path else '?'}token={self.token}"


def has_chinese_font() -> bool:
    """Chromium draws Chinese only if the system has a font for it (fontconfig knows)."""
    fonts = subprocess.run(["fc-list", ":lang=zh-tw", "family"], capture_output=True, text=True)
    return bool(fonts.stdout.strip())


# --- talking to window.jupyterapp -----------------------------------------------------------

def run_command(page, command: str, args: dict | None = None):
    """Start a command without awaiting it: a dialog it opens would block an await forever."""
    page.evaluate("([id, args]) => { window.jupyterapp.commands.execute(id, args)"
                  ".catch(e => console.error(id, e)); }", [command, args or {}])


def wait_for_lab(page, timeout: float = 60):
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell"
                           " && document.querySelector('.jp-LabShell')", timeout=timeout * 1000)
    page.evaluate("() => window.jupyterapp.restored")
    page.wait_for_selector(".jp-DirListing-item", timeout=timeout * 1000)


# The lesson's notebook panel, wherever it is in the main area.
LESSON_PANEL = f"""Array.from(window.jupyterapp.shell.widgets('main')).find(w =>
    w.context && w.context.path === '{LESSON}' && w.content && w.content.model)"""

NOTEBOOK_STATE = f"""() => {{
  const panel = {LESSON_PANEL};
  if (!panel) return null;
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  const cells = [];
  for (let i = 0; i < panel.content.model.cells.length; i++) {{
    const cell = panel.content.model.cells.get(i);
    if (cell.type === 'code') cells.push(cell.executionCount);
  }}
  return {{kernel: kernel ? kernel.status + '/' + kernel.connectionStatus : 'none',
           counts: cells}};
}}"""


def notebook_state(page) -> dict | None:
    return page.evaluate(NOTEBOOK_STATE)


def wait_kernel_idle(page, timeout: float = 60):
    wait_until(lambda: (notebook_state(page) or {}).get("kernel") == "idle/connected",
               timeout, "the notebook's kernel to be idle and connected")


def scroll_to_cell(page, index: int):
    page.evaluate("(i) => { const nb = " + LESSON_PANEL + """.content;
                     nb.activeCellIndex = i; nb.mode = 'command';
                     nb.scrollToItem(i, 'start'); }""", index)
    time.sleep(0.5)


def cell_index(page, starts_with: str) -> int:
    """The index of the first cell whose source starts with this text (robust to new cells)."""
    index = page.evaluate("""(text) => {
      const cells = """ + LESSON_PANEL + """.content.model.cells;
      for (let i = 0; i < cells.length; i++)
        if (cells.get(i).sharedModel.getSource().startsWith(text)) return i;
      return -1; }""", starts_with)
    if index < 0:
        raise LookupError(f"no cell in the lesson starts with {starts_with!r}")
    return index


def activate(page, path: str):
    page.evaluate("""(path) => { const shell = window.jupyterapp.shell;
        const w = Array.from(shell.widgets('main')).find(w => w.context && w.context.path === path);
        shell.activateById(w.id); }""", path)


def close_all_but_lesson(page):
    page.evaluate("""(path) => { for (const w of Array.from(window.jupyterapp.shell.widgets('main')))
        if (!(w.context && w.context.path === path)) w.close(); }""", LESSON)
    time.sleep(0.3)


def main_area_widgets(page, class_name: str) -> list[str]:
    """Ids of the main-area panels holding this kind of widget; output views in cell order."""
    return page.evaluate("""(cls) => Array.from(window.jupyterapp.shell.widgets('main'))
        .filter(w => w.hasClass(cls) || w.node.querySelector('.' + cls))
        .sort((a, b) => (a.content.index || 0) - (b.content.index || 0)).map(w => w.id)""",
                         class_name)


# --- lesson 05: the JupyterLab tour -------------------------------------------------------

def lab_tour(browser, lab: Lab, shots: list):
    page = browser.new_page(viewport=VIEWPORT)
    page.on("dialog", lambda dialog: dialog.accept())  # "leave the page?" on reload
    page.goto(lab.page_url(f"tree/{LESSON}?reset"))
    wait_for_lab(page)
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=60_000)
    wait_kernel_idle(page)

    # Run the lesson the way a learner does, from a clean slate.
    run_command(page, "notebook:clear-all-cell-outputs")
    wait_until(lambda: all(c is None for c in notebook_state(page)["counts"]), 20,
               "the outputs to be cleared")
    run_command(page, "notebook:run-all-cells")
    wait_until(lambda: all(c is not None for c in notebook_state(page)["counts"])
               and notebook_state(page)["kernel"] == "idle/connected", 120,
               "the lesson to run to the end")
    run_command(page, "docmanager:save")
    run_command(page, "filebrowser:refresh")

    # The panels: file browser on the left, the notebook in the main area.
    scroll_to_cell(page, cell_index(page, "## The panels"))
    shoot(page, "lab-panels.png", shots)

    # test.png beside the notebook (what dragging its tab to the right half does).
    run_command(page, "docmanager:open",
                {"path": "notebooks/test.png", "options": {"mode": "split-right"}})
    page.wait_for_selector(".jp-ImageViewer img", timeout=20_000)
    scroll_to_cell(page, cell_index(page, "Now open it next to this notebook"))
    shoot(page, "lab-picture-beside-notebook.png", shots)
    close_all_but_lesson(page)

    # The launcher.
    run_command(page, "launcher:create")
    page.wait_for_selector(".jp-LauncherCard", timeout=20_000)
    shoot(page, "lab-launcher.png", shots)
    close_all_but_lesson(page)

    # Sine and cosine in output views, side by side (where a drag would put them).
    sine_cell = 'x = np.linspace(0, 2 * np.pi, 200)\nfig, ax'
    cosine_cell = 'fig, ax = plt.subplots(figsize=(6, 3.5))\nax.plot(x, np.cos(x)'
    for source in (sine_cell, cosine_cell):
        page.evaluate("(i) => { " + LESSON_PANEL + ".content.activeCellIndex = i; }",
                      cell_index(page, source))
        run_command(page, "notebook:create-output-view")
        time.sleep(0.5)
    wait_until(lambda: len(main_area_widgets(page, "jp-LinkedOutputView")) == 2, 20,
               "two output views")
    sine, cosine = main_area_widgets(page, "jp-LinkedOutputView")
    page.evaluate("""([sine, cosine]) => {
        const shell = window.jupyterapp.shell, all = Array.from(shell.widgets('main'));
        const byId = id => all.find(w => w.id === id);
        shell.add(byId(cosine), 'main', {ref: sine, mode: 'split-right'}); }""", [sine, cosine])
    page.wait_for_function("() => document.querySelectorAll('.jp-LinkedOutputView img').length == 2")
    activate(page, LESSON)
    scroll_to_cell(page, cell_index(page, "Now give each figure its own panel"))
    shoot(page, "lab-output-views.png", shots)
    close_all_but_lesson(page)

    # The CSV file the lesson wrote, as a table.
    run_command(page, "docmanager:open",
                {"path": "notebooks/co2-last-decade.csv", "options": {"mode": "split-right"}})
    page.wait_for_selector(".jp-CSVViewer canvas", timeout=20_000)
    activate(page, LESSON)
    scroll_to_cell(page, cell_index(page, "Now find **co2-last-decade.csv**"))
    shoot(page, "lab-csv-table.png", shots, settle=1.5)

    # The dark theme, same layout.
    run_command(page, "apputils:change-theme", {"theme": "JupyterLab Dark"})
    page.wait_for_function("() => document.body.dataset.jpThemeLight === 'false'", timeout=20_000)
    shoot(page, "lab-dark-theme.png", shots, settle=2)
    run_command(page, "apputils:change-theme", {"theme": "JupyterLab Light"})
    page.wait_for_function("() => document.body.dataset.jpThemeLight === 'true'", timeout=20_000)
    close_all_but_lesson(page)
    run_command(page, "docmanager:save")
    time.sleep(1)

    # The prepared layout: double-click the workspace file, as the lesson tells learners.
    page.locator(".jp-DirListing-item", has_text=Path(WORKSPACE_FILE).name).dblclick()
    page.wait_for_url(f"**/lab/workspaces/{WORKSPACE_ID}**", timeout=30_000)
    wait_for_lab(page)
    page.wait_for_selector(".jp-LinkedOutputView img", timeout=30_000)
    page.wait_for_selector(".jp-CSVViewer canvas", timeout=30_000)
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=30_000)
    shoot(page, "lab-workspace-layout.png", shots, settle=2)

    # Traditional Chinese: the language command asks first, then reloads the page.
    if not has_chinese_font():
        print("  SKIPPED lab-traditional-chinese.png: no Chinese font here, Chromium would draw"
              " empty boxes (tools/setup_and_build.sh installs fonts-wqy-microhei)", flush=True)
        page.close()
        return
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
    shoot(page, "lab-traditional-chinese.png", shots, settle=1.5)
    page.close()


# --- lesson 06: the hub -------------------------------------------------------------------

ADMIN = "teacher"
CLASSMATES = ["ada", "grace"]  # ada's server runs, grace's does not: the admin page shows both
TOP_OF_PAGE = {"x": 0, "y": 0, "width": VIEWPORT["width"], "height": 150}  # hub pages are short
LAB_SETTINGS_AT_HOME = (".jupyter/lab/user-settings/@jupyterlab/apputils-extension/"
                        "notification.jupyterlab-settings")


def hub_tour(browser, tmp: Path, shots: list):
    os.environ["WORKSHOP_HUB_ADMINS"] = ADMIN  # read by hub/jupyterhub_config.py
    # The try-out login gives admins no password of their own, so they cannot log in:
    # give the admin one, layered on the harness's test settings.
    admin_password = secrets.token_hex(16)  # the hub asks for 32 characters or more
    os.environ["WORKSHOP_HUB_ADMIN_PASSWORD"] = admin_password  # read by hub/jupyterhub_config.py
    hub = Hub(tmp / "hub")
    for name in [ADMIN, *CLASSMATES]:  # no news pop-up in their JupyterLab
        settings = hub.homes / name / LAB_SETTINGS_AT_HOME
        settings.parent.mkdir(parents=True)
        settings.write_text(json.dumps(SETTING_OVERRIDES["@jupyterlab/apputils-extension:notification"]))
    try:
        hub.start()
        for name in CLASSMATES:
            hub.api("POST", f"/users/{name}")
        hub.api("POST", f"/users/{CLASSMATES[0]}/server")
        learner = browser.new_context(viewport=VIEWPORT)  # one browser: tabs share the login
        page = learner.new_page()
        page.goto(f"{hub.url}/hub/login")
        page.fill("#username_input", ADMIN)
        page.fill("#password_input", admin_password)
        page.click("#login_submit")
        page.wait_for_url(f"**/user/{ADMIN}/lab**", timeout=180_000)  # the hub started the server
        page.wait_for_selector(".lm-MenuBar-item", timeout=60_000)
        page.wait_for_selector(".jp-LauncherCard", timeout=60_000)

        # JupyterLab's File menu, with the way to the hub.
        page.locator(".lm-MenuBar-item", has_text="File").click()
        page.locator(".lm-Menu-item", has_text="Hub Control Panel").hover()
        shoot(page, "hub-file-menu.png", shots)
        page.keyboard.press("Escape")

        lab_tab = page  # stays on JupyterLab; the hub opens in a second tab, as it does for learners
        page = learner.new_page()
        page.goto(f"{hub.url}/hub/home")
        page.wait_for_selector("#stop")
        shoot(page, "hub-control-panel.png", shots, clip=TOP_OF_PAGE)

        page.goto(f"{hub.url}/hub/token")
        page.fill("#token-note", "workshop test")
        page.select_option("#token-expiration-seconds", str(3600))
        page.click("#request-token-form button[type=submit]")
        page.wait_for_selector("#token-result:not(:empty)")
        page.reload()  # the list of tokens now has it, with its note, expiry and revoke button
        page.wait_for_selector("#api-tokens-table .token-row")
        shoot(page, "hub-token.png", shots, full_page=True)

        wait_until(lambda: hub.api("GET", f"/users/{CLASSMATES[0]}").json()["servers"]
                   .get("", {}).get("ready"), 60, f"{CLASSMATES[0]}'s server")
        page.goto(f"{hub.url}/hub/admin")
        page.wait_for_selector(f"text={CLASSMATES[-1]}", timeout=30_000)
        shoot(page, "hub-admin.png", shots, settle=1.5)

        # Stop My Server, then what the learner's JupyterLab tab says.
        page.goto(f"{hub.url}/hub/home")
        page.click("#stop")
        page.wait_for_function("() => document.querySelector('#start').textContent.includes('Start')"
                               " && document.querySelector('#stop').offsetParent === null",
                               timeout=60_000)
        shoot(page, "hub-server-stopped.png", shots, clip=TOP_OF_PAGE)
        page.close()
        # JupyterLab notices at its next request to the server, such as a file list refresh.
        lab_tab.bring_to_front()
        try:
            lab_tab.get_by_title("Refresh the file browser").first.click()
            lab_tab.wait_for_selector(".jp-Dialog", timeout=45_000)
            shoot(lab_tab, "hub-lab-server-unavailable.png", shots)
        except Exception as error:
            print(f"  SKIPPED hub-lab-server-unavailable.png: {error}".splitlines()[0])
        learner.close()
    except Exception:
        print("The hub's log ends with:\n" + hub.log_tail(30), file=sys.stderr)
        raise
    finally:
        hub.stop()
        os.environ.pop("WORKSHOP_HUB_ADMINS", None)


def main():
    started = time.monotonic()
    shots = []
    with tempfile.TemporaryDirectory(prefix="screenshots-") as tmp:
        lab = Lab(Path(tmp))
        try:
            lab.start()
            with sync_playwright() as playwright:
                browser = launch_chromium(playwright)
                try:
                    lab_tour(browser, lab, shots)
                    lab.stop()
                    hub_tour(browser, Path(tmp), shots)
                finally:
                    browser.close()
        finally:
            lab.stop()
    total = sum((IMAGES / name).stat().st_size for name in shots)
    print(f"{len(shots)} screenshots, {total / 1024:.0f} KB, in {time.monotonic() - started:.0f} s",
          flush=True)


if __name__ == "__main__":
    main()
