"""Lesson 05's layout file works where a class hub's link puts the workshop: in a folder of
the learner's home, below the folder JupyterLab starts in.

A real JupyterLab is started with a home folder holding the unpacked workshop. The lesson's
cell runs in a kernel that JupyterLab itself started (so it can ask its server where the
file browser starts), then Chromium opens the file it wrote, as a learner double-clicks it,
and the layout's three documents must open: those of the lesson's own edition (the zh-TW
lesson's layout shows the zh-TW lesson, and runs from the zip's copy of the helpers).
"""
import json
import time
import urllib.request
import zipfile

import pytest
from jupyter_client import BlockingKernelClient
from playwright.sync_api import sync_playwright

from workshop_kit.browser import launch_chromium
from workshop_kit.process import ServerProcess, environment, free_port
from workshop_kit.repo import ROOT
from workshop_kit.sphinx.workshop_zip import TOP_FOLDER, write_zip

# Each edition's lesson 05, from the folder JupyterLab starts in, with the first words its
# layout cell prints in that edition's language.
EDITIONS = {
    "en": (f"{TOP_FOLDER}/notebooks", "en", "Wrote my-layout.jupyterlab-workspace"),
    "zh-TW": (f"{TOP_FOLDER}/zh-TW/notebooks", "zh-TW", "已在這本筆記本旁邊寫好 my-layout.jupyterlab-workspace"),
}
LESSON_NAME = "05-jupyterlab-tour.ipynb"


@pytest.fixture
def lab_in_a_home(tmp_path):
    home, runtime = tmp_path / "home", tmp_path / "runtime"
    home.mkdir()
    with zipfile.ZipFile(write_zip(ROOT, tmp_path / "workshop.zip")) as packed:
        packed.extractall(home)
    port = free_port()
    base = f"http://127.0.0.1:{port}"

    def answering():
        try:
            return urllib.request.urlopen(f"{base}/api/status?token=test", timeout=5).status == 200
        except OSError:
            return False

    lab = ServerProcess(
        ["jupyter", "lab", "--no-browser", f"--port={port}", "--ServerApp.token=test",
         "--ServerApp.ip=127.0.0.1", "--allow-root", f"--ServerApp.root_dir={home}",
         "--LabApp.expose_app_in_browser=True"],
        log=tmp_path / "lab.log", cwd=home, grace=10,
        env=environment(HOME=str(home), JUPYTER_RUNTIME_DIR=str(runtime),
                        JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces")))
    lab.start(answering, timeout=90, what="JupyterLab")
    yield base, home, runtime
    lab.stop()


def run_in_lessons_kernel(base: str, runtime, lesson: str, code: str) -> str:
    """Run `code` in a kernel JupyterLab starts for `lesson`, as opening it would."""
    request = urllib.request.Request(
        f"{base}/api/sessions?token=test", method="POST", headers={"Content-Type": "application/json"},
        data=json.dumps({"path": lesson, "name": LESSON_NAME, "type": "notebook",
                         "kernel": {"name": "python3"}}).encode())
    kernel_id = json.load(urllib.request.urlopen(request, timeout=60))["kernel"]["id"]
    connection = runtime / f"kernel-{kernel_id}.json"
    deadline = time.monotonic() + 60
    while not connection.exists():
        assert time.monotonic() < deadline, "the kernel wrote no connection file"
        time.sleep(0.5)
    client = BlockingKernelClient(connection_file=str(connection))
    client.load_connection_file()
    client.start_channels(hb=False)
    # Output sent before this client hears the kernel's broadcasts is lost (and with it the
    # "idle" that ends the wait): first wait until the kernel answers and is heard.
    client.wait_for_ready(timeout=120)
    said = []
    client.execute_interactive(code, timeout=120, output_hook=lambda m: said.append(
        m["content"].get("text", "")) if m["msg_type"] == "stream" else None)
    client.stop_channels()
    return "".join(said)


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_layout_file_opens_its_documents_from_a_folder_of_the_home(lab_in_a_home, edition):
    folder, language, first_words = EDITIONS[edition]
    lesson = f"{folder}/{LESSON_NAME}"
    base, home, runtime = lab_in_a_home
    said = run_in_lessons_kernel(base, runtime, lesson, f"from workshop import language, layout\n"
                                 f"language.use({language!r})\nlayout.write_workspace()")
    assert said.startswith(first_words) and said.count("\n") == 1
    written = json.loads((home / folder / "my-layout.jupyterlab-workspace").read_text())
    assert f"notebook:{lesson}" in written["data"]  # named from where the file browser starts

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{base}/lab/tree/{folder}?token=test&reset")
        page.wait_for_function("() => window.jupyterapp && window.jupyterapp.serviceManager", timeout=60000)
        page.wait_for_selector(".jp-DirListing-item", timeout=60000)
        page.evaluate("path => { window.jupyterapp.commands.execute('docmanager:open', {path}); }",
                      f"{folder}/my-layout.jupyterlab-workspace")
        page.wait_for_url("**/lab/workspaces/my-layout**", timeout=60000)
        page.wait_for_function(
            "() => document.querySelectorAll('.lm-DockPanel-tabBar .lm-TabBar-tab').length >= 3", timeout=60000)
        tabs = page.eval_on_selector_all(".lm-DockPanel-tabBar .lm-TabBar-tabLabel", "ts => ts.map(t => t.textContent)")
        documents = page.evaluate("() => Array.from(window.jupyterapp.shell.widgets('main'))"
                                  ".filter(w => w.context).map(w => w.context.path)")
        browser.close()
    assert {LESSON_NAME, "Output View", "co2-annmean-mlo.csv"} <= set(tabs)
    assert lesson in documents  # this edition's lesson, not the other one
