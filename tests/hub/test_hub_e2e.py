"""A student clicks the teacher's link on a real JupyterHub and the lesson opens and runs.

The hub is hub/jupyterhub_config.py itself with test-only settings layered on (see
workshop_kit.hubharness); the repository is this checkout's working tree (the snapshot
workshop_kit.snapshot.WORKING_TREE), served by a git host on 127.0.0.1; the link comes from
workshop.links, the builder the teachers use; the student uses Chromium. Nothing leaves the machine.
"""
import os
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from workshop_kit.browser import launch_chromium
from helpers.student_server import StudentServer
from workshop_kit.hubharness.student import Student
from workshop_kit.process import ENV_BIN, free_port, wait_until
from workshop_kit.repo import HUB_CONFIG
from workshop import links


LESSON = "notebooks/02-notebook-basics.ipynb"
FOLDER = "jupyterhub-workshop"  # the clone folder links.nbgitpuller_link names


@pytest.fixture(scope="module")
def lesson_link(hub, workshop_repo):
    return links.nbgitpuller_link(hub.url, workshop_repo, branch="main", path=LESSON)


def test_student_logs_in_from_the_link_and_lands_in_the_lesson(hub, lesson_link, workshop_snapshot):
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            # Only the hub on loopback; anything else JupyterLab might ask for is refused.
            page.route("**/*", lambda route: route.continue_()
                       if urlsplit(route.request.url).hostname == "127.0.0.1" else route.abort())
            page.goto(lesson_link)
            # Not logged in yet: the hub asks who you are, then carries on to the link.
            page.wait_for_selector("#username_input", timeout=30_000)
            page.fill("#username_input", "ada")
            page.fill("#password_input", hub.password)
            page.click("#login_submit")
            page.wait_for_url(f"**/user/ada/lab/tree/{FOLDER}/{LESSON}", timeout=120_000)
            tab = page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel")
            tab.wait_for(timeout=60_000)
            assert tab.inner_text() == "02-notebook-basics.ipynb"
            heading = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedMarkdown h1").first
            heading.wait_for(timeout=60_000)
            assert heading.inner_text().startswith("Notebook basics: cells, Markdown and math")
        finally:
            browser.close()
    # The lessons of the published snapshot are in ada's home folder, byte for byte.
    pulled = hub.home("ada") / FOLDER
    lessons = [name for name in workshop_snapshot.files("notebooks") if name.endswith(".ipynb")]
    assert len(lessons) >= 10
    for lesson in lessons:
        assert (pulled / lesson).read_bytes() == workshop_snapshot.read(lesson)


def test_the_lesson_runs_inside_the_students_server(hub, lesson_link):
    pull = Student(hub, "ben").login().click(lesson_link)
    assert pull["phase"] == "finished", pull["output"]
    assert pull["opens"] == f"/user/ben/lab/tree/{FOLDER}/{LESSON}"
    server = StudentServer(hub, "ben")
    notebook = server.notebook(f"{FOLDER}/{LESSON}")
    with server.kernel_for(f"{FOLDER}/{LESSON}") as kernel:
        ran = [kernel.run("".join(cell["source"])) for cell in notebook["cells"]
               if cell["cell_type"] == "code"]
        where = kernel.run("import os; print(os.environ['JUPYTERHUB_USER']); print(os.getcwd())")
    printed = "".join(cell["text"] for cell in ran)
    assert "heat flux: -0.0616 W/m²" in printed
    # Every cell runs as stored, and none fails (as with JupyterLab's Run All Cells).
    stored = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    for cell, result in zip(stored, ran):
        for output in cell["outputs"]:
            if output["output_type"] == "stream":
                assert "".join(output["text"]) in result["text"]
    assert [r["error"] for r in ran if r["error"]] == []
    user, cwd = where["text"].split()
    assert user == "ben"
    assert Path(cwd) == hub.home("ben") / FOLDER / "notebooks"
    assert (hub.home("ben") / FOLDER / "notebooks" / "test.png").is_file()  # the lesson's figure


def test_dask_dashboard_of_the_lesson_opens_through_the_hub(hub, lesson_link):
    """Lesson 10's cluster, started in a student's server, shows its dashboard at the link
    the lesson prints: through the hub and jupyter-server-proxy, with the student's login."""
    student = Student(hub, "dora").login()
    assert student.click(lesson_link)["phase"] == "finished"
    with StudentServer(hub, "dora").kernel_for(f"{FOLDER}/notebooks/10-scaling-out-with-dask.ipynb") as kernel:
        started = kernel.run("from workshop.cluster import get_client, dashboard_link, close_client\n"
                             "client = get_client()\nprint(dashboard_link(client))")
        assert started["error"] is None, started
        link = started["text"].strip().splitlines()[-1]
        assert link.startswith("/user/dora/proxy/") and link.endswith("/status")
        page = student.session.get(f"{hub.url}{link}", timeout=60)
        kernel.run("close_client(client)")
    assert page.status_code == 200, page.status_code
    assert "Dask" in page.text and "/user/dora/proxy/" in page.url


def test_logging_in_without_a_link_opens_jupyterlab_with_python_and_r(hub):
    student = Student(hub, "cleo").login()

    def landed_in_jupyterlab():  # the hub starts the server; a browser would wait and retry
        page = student.session.get(f"{hub.url}/hub/", timeout=60)
        return urlsplit(page.url).path == "/user/cleo/lab" and "JupyterLab" in page.text
    wait_until(landed_in_jupyterlab, 120, "cleo's JupyterLab", interval=0.5)
    kernels = StudentServer(hub, "cleo").request("GET", "/kernelspecs").json()["kernelspecs"]
    assert {"python3", "ir"} <= set(kernels)


def run_hub_config(tmp_path, **settings) -> subprocess.CompletedProcess:
    """Start the workshop hub as a teacher would, with these environment settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("WORKSHOP_HUB_")}
    env.update(settings, WORKSHOP_HUB_BIND_URL=f"http://127.0.0.1:{free_port()}")
    return subprocess.run([str(ENV_BIN / "jupyterhub"), "-f", str(HUB_CONFIG)], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("password", [None, "short"])
def test_tryout_mode_refuses_to_start_without_a_real_password(tmp_path, password):
    settings = {"WORKSHOP_HUB_TRYOUT": "1", "WORKSHOP_HUB_STATE_DIR": str(tmp_path / "state"),
                "WORKSHOP_HUB_ALLOW_ROOT": "1"}  # (CI runs as root; a teacher would not)
    if password is not None:
        settings["WORKSHOP_HUB_PASSWORD"] = password
    finished = run_hub_config(tmp_path, **settings)
    assert finished.returncode != 0
    assert "needs a password of at least 8 characters in WORKSHOP_HUB_PASSWORD" in finished.stderr
    assert not (tmp_path / "state").exists()  # it stopped before doing anything
